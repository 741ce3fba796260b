import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { analyseForReport, type ReportAnalysis } from '../../src/report/analyse.ts';
import { buildReport, reportSections } from '../../src/report/build.ts';
import { messages, REFERENCES } from '../../src/report/i18n.ts';
import { compileSpec } from '../../src/report/render.ts';
import { kanoFeatures } from '../../src/research/kano.ts';
import { netPromoterScore } from '../../src/research/nps.ts';
import { npsByGroup } from '../../src/research/nps-groups.ts';
import type { TransactionTable } from '../../src/types.ts';
import { keyFiguresSection, reportWarnings } from '../../src/report/sections/portfolio.ts';
import { sectionContext } from '../../src/report/sections/context.ts';

const dir = mkdtempSync(join(tmpdir(), 'clvkit-report-'));
const EVIL_ID = '<script>alert("id")</script> & \'co\'';
const EVIL_CHANNEL = '<img src=x onerror=alert(1)> "web" & co';
const EVIL_HEADER = '<b>"segment"</b> & \'x\'';
const EVIL_FEATURE = '<script>alert("kano")</script>&';

let table: TransactionTable;
let portfolio: ReportAnalysis;
let en: string;
let fr: string;

/** The sample log with the best customer renamed and one channel renamed to hostile strings. */
function hostileCsv(): string {
  const lines = readFileSync('data/sample-transactions.csv', 'utf8').trim().split('\n');
  const q = (s: string) => '"' + s.replace(/"/g, '""') + '"';
  return [lines[0], ...lines.slice(1).map((l) => {
    const [id, date, amount, channel] = l.split(',');
    return [id === 'C001633' ? q(EVIL_ID) : id, date, amount, channel === 'phone' ? q(EVIL_CHANNEL) : channel].join(',');
  })].join('\n') + '\n';
}

const kano = kanoFeatures([
  { respondent: '1', feature: EVIL_FEATURE, functional: 1, dysfunctional: 5 },
  { respondent: '2', feature: EVIL_FEATURE, functional: 1, dysfunctional: 3 },
  { respondent: '1', feature: 'wifi', functional: 2, dysfunctional: 5 },
  { respondent: '2', feature: 'wifi', functional: 3, dysfunctional: 3 },
]);
const scores = [10, 9, 9, 8, 7, 6, 3, 10, 9, 0, 5, 10];
const groups = scores.map((_, i) => (i % 2 ? EVIL_CHANNEL : 'b'));
const nps = { overall: netPromoterScore(scores), groups: npsByGroup(scores, groups), groupColumn: EVIL_HEADER };

beforeAll(async () => {
  const file = join(dir, 'evil<&>.csv');
  writeFileSync(file, hostileCsv());
  table = await readTransactions(file);
  portfolio = analyseForReport(table, { calibrationEnd: '2025-06-30' });
  const inputs = {
    source: 'evil<&>"quoted".csv',
    table,
    portfolio,
    kano: { result: kano, file: 'kano<1>.csv', accounting: { read: 4, used: 4, rejected: { '<bad> & "row"': 0 } } },
    nps: { result: nps, file: 'nps.csv', accounting: { read: scores.length, used: scores.length, rejected: {} } },
  };
  const generatedOn = new Date(Date.UTC(2026, 10, 22));
  en = await buildReport(inputs, { lang: 'en', generatedOn, currency: 'EUR' });
  fr = await buildReport(inputs, { lang: 'fr', generatedOn, currency: 'EUR' });
  writeFileSync(join(dir, 'en.html'), en);
});

describe('buildReport', () => {
  it('has the sections whose inputs are given, in order', () => {
    const ids = reportSections({ source: 's.csv', table, portfolio }, portfolio, 'en').map((s) => s.id);
    expect(ids).toEqual(['summary', 'key-figures', 'inputs', 'value', 'model', 'segments', 'recruitment', 'actions', 'methods']);
    const all = reportSections({ source: 's.csv', table, portfolio, kano: { result: kano, file: 'k.csv' }, nps: { result: nps, file: 'n.csv' } }, portfolio, 'en').map((s) => s.id);
    expect(all).toContain('kano');
    expect(all).toContain('nps');
  });

  it('escapes ids, channels, headers, features and file names from the data', () => {
    for (const html of [en, fr]) {
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<b>');
      expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i); // no inline event handler in any tag
      expect(html).toContain('&lt;script&gt;alert(&quot;id&quot;)&lt;/script&gt; &amp; &#39;co&#39;'); // the id, in the prioritised list
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;'); // the channel, in the acquisitions chart
      expect(html).toContain('&lt;b&gt;&quot;segment&quot;&lt;/b&gt;'); // the NPS group column header
      expect(html).toContain('evil&lt;&amp;&gt;&quot;quoted&quot;.csv');
      expect(html).toContain('kano&lt;1&gt;.csv');
    }
  });

  it('interactive: the specs JSON cannot close its script element, and only the expected scripts are there', async () => {
    const html = await buildReport({ source: 'evil.csv', table, portfolio, nps: { result: nps, file: 'nps.csv' } }, { lang: 'fr', interactive: true });
    const json = /<script type="application\/json" id="clvkit-specs">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(json).not.toMatch(/[<>]/);
    const specs = JSON.parse(json) as { charts: { id: string }[] };
    expect(specs.charts.length).toBe((html.match(/<figure class="chart"/g) ?? []).length);
    expect(JSON.stringify(specs)).toContain(JSON.stringify(EVIL_CHANNEL).slice(1, -1)); // the data is there, as data
    expect(html.match(/<script\b/g)?.length).toBe(6); // table sorting, specs, vega, vega-lite, vega-embed, boot
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
  });

  it('opens offline: no external URL, no external script, style or image', () => {
    expect(en).not.toMatch(/https?:\/\//);
    expect(en).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(en).not.toMatch(/<link\b/i);
    expect(en).not.toMatch(/<img\b/i);
    expect(en).toContain("default-src 'none'");
    // the static page runs one script, the table sorting, allowed by its hash and nothing else
    expect(en.match(/<script\b/g)?.length).toBe(1);
    const sort = /<script>([\s\S]*?)<\/script>/.exec(en)![1];
    const hash = createHash('sha256').update(sort).digest('base64');
    expect(en).toContain(`script-src 'sha256-${hash}'`);
  });

  it('offers every chart’s data, and the lists to act on, as a CSV download (data: URL with a download name)', () => {
    const figures = en.match(/<figure class="chart"/g)?.length ?? 0;
    const chartLinks = en.match(/<figcaption>(?:<p class="chartnote">[^<]*<\/p>)?<a class="csv" download="[^"]+\.csv" href="data:text\/csv;charset=utf-8,[^"]+"/g)?.length ?? 0;
    const tableLinks = en.match(/<p class="tablefoot">[^<]*<a class="csv" download="(?:at-risk|top)-customers\.csv" href="data:text\/csv;charset=utf-8,[^"]+"/g)?.length ?? 0;
    expect(figures).toBeGreaterThanOrEqual(12);
    expect(chartLinks).toBe(figures);
    expect(tableLinks).toBe(2);
    const m = /download="acquisitions\.csv" href="([^"]+)"/.exec(en)!;
    const csv = decodeURIComponent(m[1].replace('data:text/csv;charset=utf-8,', ''));
    expect(csv.startsWith('\ufeffperiod,channel,new_customers\n2024-01,')).toBe(true);
    expect(csv).toContain('"<img src=x onerror=alert(1)> ""web"" & co"');
    const mfr = /download="acquisitions\.csv" href="([^"]+)"/.exec(fr)!;
    expect(decodeURIComponent(mfr[1])).toContain('period;channel;new_customers');
  });

  it('formats numbers and dates for French (Intl fr-FR: U+202F thousands, U+00A0 before €, dd/mm/yyyy)', () => {
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('14\u202f922'); // transactions
    expect(fr).toMatch(/447\u202f885\u00a0€/); // revenue
    expect(fr).toContain('01/01/2024');
    expect(fr).toContain('30/12/2025');
    expect(fr).toContain('22/11/2026');
    expect(en).toContain('14,922');
    expect(en).toContain('€447,885');
    expect(en).toContain('1 Jan 2024');
  });

  it('the French report contains none of the English template strings', () => {
    const EN = messages('en');
    const FR = messages('fr');
    const SEP = '\u0001';
    const texts = (value: unknown): string[] => {
      if (typeof value === 'string') return [value];
      if (typeof value === 'function') return String((value as (...a: string[]) => string)(SEP, SEP, SEP, SEP)).split(SEP);
      if (Array.isArray(value)) return value.flatMap(texts);
      if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
      return [];
    };
    const word = (t: string) => new RegExp(`(^|[^\\p{L}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
    const french = Object.values(FR).flatMap(texts).join('\n');
    // visible text of the page: no style, no tags (so no ids, classes or file names), no bibliography (titles stay in their language)
    let page = fr.replace(/<style>[\s\S]*?<\/style>/g, ' ');
    for (const r of REFERENCES) page = page.replace(r.replace(/&/g, '&amp;'), ' ');
    page = page.replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const fragments = new Set<string>();
    for (const value of Object.values(EN)) {
      for (const t of texts(value).map((x) => x.trim())) if (t.length >= 4 && !word(t).test(french)) fragments.add(t);
    }
    expect(fragments.size).toBeGreaterThan(100);
    const found = [...fragments].filter((t) => word(t).test(page));
    expect(found).toEqual([]);
    // and the English page does contain them (the check can fail)
    expect(word(EN.secKeyFigures).test(en)).toBe(true);
  });

  it('chooses on the holdout only beyond its sampling noise, ties to the lower BIC, and says the rule and the figures (issue 16)', () => {
    expect(portfolio.model!.candidates.map((c) => c.name)).toEqual(['bgnbd', 'mbgnbd', 'paretonbd']);
    const ch = portfolio.model!.choice!;
    const best = portfolio.model!.candidates.reduce((a, b) => (b.holdoutMae! < a.holdoutMae! ? b : a));
    expect(ch.lowestError).toBe(best.name);
    // the rule, recomputed from the figures: among the ties (difference within the noise), the lowest BIC
    const ties = ch.candidates.filter((c) => c.difference <= c.noise);
    expect(portfolio.model!.chosen).toBe(ties.reduce((a, b) => (b.bic < a.bic ? b : a)).name);
    for (const c of ch.candidates) expect(c.mae).toBeCloseTo(portfolio.model!.candidates.find((k) => k.name === c.name)!.holdoutMae!, 12);
    expect(en).toContain('Rule: the lowest holdout error');
    expect(en).toMatch(/ties, broken by the lower BIC/);
    expect(fr).toContain('Règle : la plus petite erreur');
  });

  it('every chart of the full report compiles without vega-lite warnings', () => {
    const charts = reportSections({ source: 's.csv', table, portfolio, kano: { result: kano, file: 'k.csv' }, nps: { result: nps, file: 'n.csv' } }, portfolio, 'fr').flatMap((s) => s.blocks);
    let n = 0;
    for (const c of charts) {
      if (c.kind !== 'chart') continue;
      n++;
      expect(compileSpec(c.spec).warnings, c.id).toEqual([]);
    }
    expect(n).toBeGreaterThanOrEqual(15);
  });

  it('renders charts from aggregated data only (no chart has one mark per customer)', () => {
    const charts = reportSections({ source: 's.csv', table, portfolio }, portfolio, 'en').flatMap((s) => s.blocks).filter((b) => b.kind === 'chart');
    for (const c of charts) {
      if (c.kind !== 'chart') continue;
      const json = JSON.stringify(c.spec);
      const rows = (json.match(/\{"[a-zA-Z]+":/g) ?? []).length;
      expect(rows, c.id).toBeLessThan(3000);
      expect(c.csv.rows.length, c.id).toBeLessThan(2000);
    }
  });
});

describe('acquisitions by channel', () => {
  it('draws at most eight channels and groups the rest', async () => {
    const f = join(dir, 'channels.csv');
    const lines = ['customer_id,date,amount,channel'];
    for (let i = 0; i < 300; i++) lines.push(`C${i},2024-0${1 + (i % 9)}-1${i % 9},${10 + (i % 7)},ch${i % 12}`);
    writeFileSync(f, lines.join('\n') + '\n');
    const t = await readTransactions(f);
    const p = analyseForReport(t);
    const chart = reportSections({ source: 'c.csv', table: t, portfolio: p }, p, 'en').flatMap((s) => s.blocks).find((b) => b.kind === 'chart' && b.id === 'chart-acquisitions')!;
    if (chart.kind !== 'chart') throw new Error('no chart');
    const domain = JSON.stringify(chart.spec).match(/"scale":\{"domain":(\[[^\]]*\])\}/)![1];
    const names = JSON.parse(domain) as string[];
    expect(names).toHaveLength(8);
    expect(names.at(-1)).toBe('(other channels)');
    // the download keeps every channel
    expect(new Set(chart.csv.rows.map((r) => r[1])).size).toBe(12);
    expect(chart.csv.rows.reduce((s, r) => s + Number(r[2]), 0)).toBe(300);
  });
});

describe('tracking', () => {
  it('counts the same actual repeat purchases whatever the row order', () => {
    const n = table.length;
    const order = Array.from({ length: n }, (_, i) => (i * 7919) % n); // a fixed permutation (7919 is prime, n is not a multiple)
    const shuffled: TransactionTable = {
      ...table,
      customer: Int32Array.from(order, (i) => table.customer[i]),
      day: Int32Array.from(order, (i) => table.day[i]),
      amount: Float64Array.from(order, (i) => table.amount[i]),
      channel: table.channel ? Int32Array.from(order, (i) => table.channel![i]) : undefined,
    };
    for (const unit of ['day', 'month'] as const) {
      const a = analyseForReport(table, { unit }).model!.tracking;
      const b = analyseForReport(shuffled, { unit }).model!.tracking;
      expect(b.actualIncremental, unit).toEqual(a.actualIncremental);
    }
  });

  it('counts the same repeat purchases as the summary, per day and per week', () => {
    for (const unit of ['day', 'week'] as const) {
      const p = analyseForReport(table, { unit });
      const total = p.summary.frequency.reduce((a, b) => a + b, 0);
      expect(p.model!.tracking.actualCumulative.at(-1), unit).toBe(total);
      expect(p.model!.tracking.predictedCumulative.at(-1)! / total).toBeGreaterThan(0.9);
      expect(p.model!.tracking.predictedCumulative.at(-1)! / total).toBeLessThan(1.1);
    }
  });

  it('counts the same repeat purchases as the summary for dates before 1970 (negative week and month numbers)', () => {
    const early: TransactionTable = { ...table, day: Int32Array.from(table.day, (d) => d - 25_000) }; // 1955-1956
    expect(early.day[0]).toBeLessThan(0);
    for (const unit of ['week', 'month'] as const) {
      const p = analyseForReport(early, { unit });
      const total = p.summary.frequency.reduce((a, b) => a + b, 0);
      expect(p.model!.tracking.actualCumulative.at(-1), unit).toBe(total);
    }
  });
});

describe('margin and costs', () => {
  it('scale CLV by the margin and add the whale curve', () => {
    const p = analyseForReport(table, { margin: 0.3, costPerOrder: 5 });
    const base = analyseForReport(table, {});
    for (let i = 0; i < 50; i++) expect(p.value.clv[i]).toBeCloseTo(0.3 * base.value.clv[i], 8);
    expect(p.value.whale!.peakProfit).toBeGreaterThan(p.value.whale!.totalProfit);
    const ids = reportSections({ source: 's.csv', table, portfolio: p }, p, 'en').flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'chart' ? [b.id] : []));
    expect(ids).toContain('chart-whale');
    expect(reportSections({ source: 's.csv', table, portfolio: base }, base, 'en').flatMap((s) => s.blocks).some((b) => b.kind === 'chart' && b.id === 'chart-whale')).toBe(false);
  });
});

describe('buildReport without amounts or model', () => {
  it('says the model could not be fitted when nobody bought twice, and still renders value and segments', async () => {
    const f = join(dir, 'norepeat.csv');
    writeFileSync(f, 'customer_id,date,amount\nA,2024-01-01,10\nB,2024-01-02,20\nC,2024-02-01,5\nD,2024-03-01,7\n');
    const t = await readTransactions(f);
    const p = analyseForReport(t);
    expect(p.model).toBeUndefined();
    expect(p.modelError).toMatch(/^no customer made a repeat purchase/);
    const html = await buildReport({ source: 'norepeat.csv', table: t, portfolio: p }, { lang: 'en' });
    expect(html).toContain('BG/NBD could not be fitted: no customer made a repeat purchase');
    expect(html).toContain('<section id="segments">');
    const frHtml = await buildReport({ source: 'norepeat.csv', table: t, portfolio: p }, { lang: 'fr' });
    expect(frHtml).toContain('BG/NBD n’a pas pu être ajusté : aucun client n’a racheté');
  });

  it('lists rejected rows by reason, in the report language, with their first lines', async () => {
    const f = join(dir, 'bad.csv');
    writeFileSync(f, 'customer_id,date,amount\nA,2024-01-01,10\nB,bad,20\nA,2024-02-01,5\nC,2024-03-01,x\nB,2024-03-05,7\nA,2024-04-01,5\n');
    const t = await readTransactions(f, { skipBadRows: true });
    const frHtml = await buildReport({ source: 'bad.csv', table: t }, { lang: 'fr' });
    expect(frHtml).toContain('date invalide\u00a0: 1 (d’abord ligne 3)\u00a0; montant invalide\u00a0: 1 (d’abord ligne 5)');
    expect(frHtml).not.toContain('bad date');
    const enHtml = await buildReport({ source: 'bad.csv', table: t }, { lang: 'en' });
    expect(enHtml).toContain('bad date: 1 (first at line 3); bad amount: 1 (first at line 5)');
  });

  it('falls back to historical value and still renders', async () => {
    const f = join(dir, 'noamount.csv');
    writeFileSync(f, 'customer_id,date\nA,2024-01-01\nB,2024-01-02\nA,2024-02-01\nC,2024-03-01\n');
    const t = await readTransactions(f);
    const html = await buildReport({ source: 'noamount.csv', table: t }, { lang: 'fr' });
    expect(html).toContain('Chiffres clés');
    expect(html).toContain('<section id="methods">');
    // no amounts: value figures say "non disponible", never 0 (issue 16)
    expect(html).toContain('non disponible');
    expect(html).toContain('ne sont pas nuls');
    expect(html).not.toMatch(/Chiffre d’affaires<\/[a-z]+>\s*<[a-z]+[^>]*>0/);
    const en = await buildReport({ source: 'noamount.csv', table: t }, { lang: 'en' });
    expect(en).toContain('not available');
    expect(en).not.toMatch(/€\s?0/);
  });

  it('amounts carry no currency symbol unless one is given or found (the CDNOW report showed € for dollars)', async () => {
    const f = join(dir, 'usd.csv');
    writeFileSync(f, 'customer_id,date,amount\nA,2024-01-01,$10.00\nB,2024-01-02,$20.00\nA,2024-02-01,$5.00\n');
    const t = await readTransactions(f, { skipBadRows: true });
    const plain = await buildReport({ source: 'usd.csv', table: t }, { lang: 'en' });
    expect(plain).not.toContain('€');
    expect(plain).toContain('no currency (none given with --currency');
    const usd = await buildReport({ source: 'usd.csv', table: t }, { lang: 'en', currency: 'USD' });
    expect(usd).toContain('US$');
    expect(usd).not.toContain('€');
  });
});

describe('warnings travel to the key figures, in English and French (issue 16)', () => {
  const fit = (limit?: { name: string; description: string; params: Record<string, number> }) => ({ limit, warnings: limit ? [limit.description, 'standard errors unavailable'] : [] });
  const p = (chosen: string, limit?: Parameters<typeof fit>[0], total = 10) =>
    ({ model: { chosen, fullFit: fit(limit) }, summary: { frequency: Float64Array.from([0, 0, 1, 3]) }, value: { modelBased: true, total } }) as never;
  it('a BG/NBD fit at the common-dropout limit, its other note, and the one-time buyers (2 of 4, 50%)', () => {
    const lim = { name: 'common-dropout', description: 'BG/NBD fit at its limit …', params: { q: 0.2333 } };
    const en = reportWarnings(p('bgnbd', lim), sectionContext('en'));
    expect(en).toEqual([
      'The BG/NBD fit ran to a limit of its parameters: every customer has the same dropout probability 0.2333 after each repeat purchase. The predictions use that simpler model.',
      'Note from the fit: standard errors unavailable',
      "2 customers (50.0%) have no repeat purchase: under BG/NBD they have P(alive) = 1 by the model's construction (dropout happens only after a repeat purchase), so their P(alive) says nothing about them. MBG/NBD and Pareto/NBD let them drop out.",
    ]);
    const fr = reportWarnings(p('bgnbd', lim), sectionContext('fr'));
    expect(fr[0]).toContain('la même probabilité d’abandon 0,2333');
    expect(fr[1]).toContain('(en anglais)');
    expect(fr[2]).toMatch(/^2 clients \(50,0\s%\) n’ont pas racheté/);
  });
  it('the NBD limit says P(alive) = 1 for all and drops the one-time-buyer note; MBG/NBD has no such note; zero value is flagged', () => {
    const nbd = reportWarnings(p('bgnbd', { name: 'nbd', description: 'd', params: {} }), sectionContext('en'));
    expect(nbd).toHaveLength(2);
    expect(nbd[0]).toMatch(/no customer drops out/);
    expect(reportWarnings(p('mbgnbd'), sectionContext('en'))).toEqual([]);
    expect(reportWarnings(p('mbgnbd', undefined, 0), sectionContext('fr'))).toEqual(['Tous les clients ont une valeur vie nulle : ce n’est pas un résultat mais le signe d’un ajustement dégénéré ou de montants manquants.']);
  });
  it('the key figures section shows them under their heading', () => {
    const facts = { first: Int32Array.from([1]), second: Int32Array.from([-1]), last: Int32Array.from([1]), revenue: Float64Array.from([5]), hasAmount: true } as never;
    const s = keyFiguresSection(facts, 1, sectionContext('fr', 'EUR'), undefined, ['un avertissement']);
    expect(s.blocks).toContainEqual({ kind: 'heading', text: 'À savoir avant de lire les chiffres' });
    expect(s.blocks).toContainEqual({ kind: 'list', items: ['un avertissement'] });
  });
});
