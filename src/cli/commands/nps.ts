import { hiddenAlias } from '../alias.ts';
import { count } from '../../plural.ts';
import { wroteNote } from '../output.ts';
import type { Command } from 'commander';
import { checkOutputFolder, ensureFolder } from '../../io/atomic.ts';
import { join } from 'node:path';
import { ClvkitError, UsageError } from '../../errors.ts';
import { readTransactions } from '../../ingest/transactions.ts';
import { CSV_EN, CSV_FR, writeCsv, type CsvValue } from '../../io/csv.ts';
import type { NpsResult } from '../../research/nps-counts.ts';
import { npsByGroup, type NpsGroup } from '../../research/nps-groups.ts';
import { readNpsScores } from '../../research/nps-read.ts';
import { npsByValueTier } from '../../research/nps-tiers.ts';
import { netPromoterScore } from '../../research/nps.ts';
import { formatAccounting } from '../../summary/export.ts';
import { summarize } from '../../summary/summarize.ts';

interface NpsCliOptions {
  scoreCol?: string;
  by: string[];
  transactions?: string;
  customerCol?: string;
  tierCuts?: string;
  level: string;
  skipBadRows?: boolean;
  json?: boolean;
  outDir?: string;
  lang: string;
}

type GroupRow = NpsGroup & { by: string; tierCustomers?: number; tierValueShare?: number };

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

/** `clvkit nps <scores.csv> [--score-col score] [--by column] [--transactions tx.csv] [--json] [--out-dir dir]`. */
export function register(program: Command): void {
  const cmd = program
    .command('nps')
    .description('Net Promoter Score (Reichheld 2003) with its standard error and 95% interval, by group and by value tier')
    .argument('<scores>', 'a file with a 0-10 score column (score, note, ...) and any grouping columns')
    .option('--score-col <name>', 'score column (default: score, note, nps, ltr, recommend)')
    .option('--by <columns>', 'NPS by the values of this column (comma-separated or repeated for several)', collect, [] as string[])
    .option('--transactions <file>', 'transaction file whose customer ids match the scores: NPS by value tier (customer pyramid of total spend)')
    .option('--customer-col <name>', 'customer id column of the scores file, matched with --transactions (default: customer_id, client, id_client, customer, respondent, id)')
    .option('--tier-cuts <shares>', 'value tier shares of customers, top first (default 0.01,0.04,0.15,0.8)')
    .option('--level <p>', 'confidence level of the intervals', '0.95')
    .option('--skip-bad-rows', 'count invalid scores by reason and keep going instead of stopping at the first')
    .option('--json', 'print {"nps", "se", "ci", "n", ..., "groups": [...]} as one JSON document on stdout')
    .option('--out-dir <dir>', 'write nps.csv there (overall, then one row per group)')
    .option('--lang <en|fr>', 'CSV export dialect: en (, and .) or fr (; and decimal comma)', 'en')
    .action(async (file: string, o: NpsCliOptions) => {
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      const level = Number(o.level);
      if (!(level > 0 && level < 1)) throw new UsageError(`--level must be between 0 and 1, e.g. 0.95, got "${o.level}"`);
      const cuts = o.tierCuts === undefined ? undefined : o.tierCuts.split(',').map(Number);
      if (cuts && cuts.some((c) => !(c > 0))) throw new UsageError(`--tier-cuts must be positive shares such as 0.01,0.04,0.15,0.8, got "${o.tierCuts}"`);
      if (cuts && Math.abs(cuts.reduce((a, b) => a + b, 0) - 1) > 1e-9) throw new UsageError(`--tier-cuts must add up to 1, got "${o.tierCuts}"`);
      if (cuts && !o.transactions) throw new UsageError('--tier-cuts needs --transactions');
      if (o.outDir) checkOutputFolder(o.outDir, [file, o.transactions], ['nps.csv']);

      const data = readNpsScores(file, { scoreCol: o.scoreCol, by: o.by, ids: o.transactions !== undefined, idCol: o.customerCol, skipBadRows: o.skipBadRows });
      process.stderr.write(`${file}: ${formatAccounting(data.accounting)}\n`);
      const overall = netPromoterScore(data.scores, { level });
      const groups: GroupRow[] = [];
      for (const g of data.groups) for (const r of npsByGroup(data.scores, g.labels, { level })) groups.push({ by: g.column, ...r });

      const warnings: string[] = [];
      let valueTiers: { transactions: string; customers: number; matched: number; unmatched: number } | undefined;
      if (o.transactions) {
        const table = await readTransactions(o.transactions);
        const summary = summarize(table);
        const t = npsByValueTier(data.ids!, data.scores, summary.customerIds, summary.totalSpend, { level, cuts });
        if (t.matched === 0) {
          throw new ClvkitError(`none of the ${t.unmatched} respondent ids matches a customer of ${o.transactions} (e.g. ${t.unmatchedExamples.join(', ')})`, { file });
        }
        if (t.unmatched > 0) {
          warnings.push(`${count(t.unmatched, 'respondent is not a customer', 'respondents are not customers')} of ${o.transactions} and ${t.unmatched === 1 ? 'is' : 'are'} left out of the value tiers (e.g. ${t.unmatchedExamples.join(', ')})`);
          process.stderr.write(`warning: ${warnings[warnings.length - 1]}\n`);
        }
        for (const g of t.groups) groups.push({ by: 'value_tier', ...g });
        valueTiers = { transactions: o.transactions, customers: summary.customerIds.length, matched: t.matched, unmatched: t.unmatched };
      }

      if (o.outDir) {
        ensureFolder(o.outDir);
        writeCsv(join(o.outDir, 'nps.csv'), CSV_HEADER, [csvRow('all', 'all', overall), ...groups.map((g) => csvRow(g.by, g.group, g))], o.lang === 'fr' ? CSV_FR : CSV_EN);
        wroteNote(o, `wrote nps.csv to ${o.outDir}`);
      }
      if (o.json) {
        const doc = {
          ...resultJson(overall),
          level,
          groups: groups.map((g) => ({ by: g.by, group: g.group, ...resultJson(g), versusRest: g.versusRest, ...(g.tierCustomers !== undefined ? { tierCustomers: g.tierCustomers, tierValueShare: g.tierValueShare } : {}) })),
          ...(valueTiers ? { valueTiers } : {}),
          file,
          scoreColumn: data.scoreColumn,
          accounting: data.accounting,
          warnings,
        };
        process.stdout.write(JSON.stringify(doc) + '\n');
      } else {
        // with --out-dir the readable result makes way for the one line saying what was written: it goes to stderr
        (o.outDir ? process.stderr : process.stdout).write(humanReport(overall, groups, level));
      }
    });
  hiddenAlias(cmd, '--id-col <name>', 'customerCol');
}

function resultJson(r: NpsResult) {
  return { nps: r.nps, se: r.se, ci: r.ci, ciAdjusted: r.ciAdjusted, n: r.n, promoters: r.promoters, passives: r.passives, detractors: r.detractors };
}

const CSV_HEADER = [
  'by', 'group', 'n', 'promoters', 'passives', 'detractors', 'nps', 'se', 'ci_low', 'ci_high', 'ci_adjusted_low', 'ci_adjusted_high',
  'vs_rest_difference', 'vs_rest_se', 'vs_rest_ci_low', 'vs_rest_ci_high', 'vs_rest_p',
];

function csvRow(by: string, group: string, r: NpsResult & { versusRest?: NpsGroup['versusRest'] }): CsvValue[] {
  const v = r.versusRest ?? null;
  return [
    by, group, r.n, r.promoters, r.passives, r.detractors, r.nps, r.se, r.ci[0], r.ci[1], r.ciAdjusted[0], r.ciAdjusted[1],
    v?.difference, v?.se, v?.ci[0], v?.ci[1], v?.p,
  ];
}

const f1 = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(1));

function line(r: NpsResult, level?: number): string {
  if (r.n === 0) return 'n = 0';
  const pct = (k: number) => `${((100 * k) / r.n).toFixed(1)}%`;
  const interval = `${level === undefined ? '' : `${Math.round(level * 100)}% interval `}[${f1(r.ci[0])}, ${f1(r.ci[1])}]`;
  return `NPS ${f1(r.nps)}, ${interval}, SE ${f1(r.se)}, n = ${r.n.toLocaleString('en-US')} (${pct(r.promoters)} promoters, ${pct(r.passives)} passives, ${pct(r.detractors)} detractors)`;
}

function humanReport(overall: NpsResult, groups: GroupRow[], level: number): string {
  let s = `${line(overall, level)}\n`;
  if (overall.n > 0 && overall.se === 0) s += `  (the estimated variance is 0, so the Wald interval has no width; the adjusted interval is [${f1(overall.ciAdjusted[0])}, ${f1(overall.ciAdjusted[1])}])\n`;
  let by = '';
  const w = Math.max(5, ...groups.map((g) => g.group.length));
  for (const g of groups) {
    if (g.by !== by) {
      by = g.by;
      s += `by ${by}:\n`;
    }
    s += `  ${g.group.padEnd(w)}  ${line(g)}`;
    if (g.versusRest) s += `; vs rest ${g.versusRest.difference >= 0 ? '+' : ''}${f1(g.versusRest.difference)} [${f1(g.versusRest.ci[0])}, ${f1(g.versusRest.ci[1])}]`;
    s += '\n';
  }
  return s;
}
