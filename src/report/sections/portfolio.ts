/**
 * Section builders of the customer portfolio: key figures, row accounting, recruitment and
 * retention, contracts, model fit, value, segments and the prioritised list. Each takes one result
 * object and returns a Section (or null when there is nothing to show).
 */
import { P_FLOOR } from '../../p-value-text.ts';
import type { RowAccounting } from '../../types.ts';
import type { Block, Section } from '../document.ts';
import type { ReportAnalysis, ModelAnalysis, ValueAnalysis } from '../analyse.ts';
import type { RecruitmentRow } from '../../outcomes/recruitment.ts';
import type { CohortRow } from '../../outcomes/cohorts.ts';
import type { Conversion } from '../../outcomes/conversion.ts';
import type { ContractRetention } from '../../outcomes/contract-retention.ts';
import type { LeadFunnel } from '../../outcomes/funnel.ts';
import { NO_DAY, type CustomerFacts } from '../../outcomes/customers.ts';
import {
  acquisitionsSpec, clvDistributionSpec, cohortRetentionSpec, frequencyRecencySpec, funnelSpec, holdoutSpec, lorenzSpec,
  migrationSpec, periodTransactionsSpec, pyramidSpec, rfmSpec, segmentsSpec, survivalSpec, trackingSpec, whaleSpec,
} from '../charts/index.ts';
import { frequencyRecencyCells, logBins, rfmCells } from '../aggregate.ts';
import { periodTransactions } from '../../models/diagnostics.ts';
import { compressSummary } from '../../summary/compress.ts';
import { chart, displayName, fitError, type SectionContext } from './context.ts';
import { guide } from '../guide.ts';

/** Key figures from the customer facts. */
export function keyFiguresSection(facts: CustomerFacts, transactions: number, ctx: SectionContext, value?: ValueAnalysis, warnings: string[] = []): Section {
  const { m, f } = ctx;
  let customers = 0;
  let repeaters = 0;
  let revenue = 0;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < facts.first.length; i++) {
    if (facts.first[i] === NO_DAY) continue;
    customers++;
    if (facts.second[i] !== NO_DAY) repeaters++;
    if (facts.hasAmount && Number.isFinite(facts.revenue[i])) revenue += facts.revenue[i];
    if (facts.first[i] < first) first = facts.first[i];
    if (facts.last[i] > last) last = facts.last[i];
  }
  const items = [
    { label: m.customers, value: f.int(customers) },
    { label: m.transactions, value: f.int(transactions) },
    ...(facts.hasAmount
      ? [
          { label: m.revenue, value: f.money(revenue, 0) },
          { label: m.averageOrder, value: f.money(revenue / Math.max(1, transactions)) },
          { label: m.revenuePerCustomer, value: f.money(revenue / Math.max(1, customers)) },
        ]
      : [{ label: m.revenue, value: m.notAvailable, note: m.valueNotAvailable }]),
    { label: m.repeatRate, value: f.pct(repeaters / Math.max(1, customers)), note: m.repeatRateNote },
    { label: m.period, value: m.periodValue(f.date(first), f.date(last)) },
  ];
  const blocks: Block[] = [{ kind: 'figures', items }];
  if (value?.modelBased) {
    blocks.unshift({ kind: 'paragraph', text: m.headline(f.money(value.total, 0), f.int(value.horizonMonths), f.pct(0.2, 0), f.pct(value.top20, 0)) });
  }
  // the warnings travel with the key figures (issue 16)
  if (warnings.length) blocks.push({ kind: 'heading', text: m.warningsTitle }, { kind: 'list', items: warnings });
  return { id: 'key-figures', title: m.secKeyFigures, blocks };
}

/**
 * What the reader must know before the figures, in the report's language: a fit at a limit of its
 * parameters (and the simpler model its predictions use), the fit's other notes, one-time buyers forced
 * alive under BG/NBD, a lifetime value of 0 everywhere.
 */
export function reportWarnings(p: Pick<ReportAnalysis, 'model' | 'summary' | 'value'>, ctx: SectionContext): string[] {
  const { m, f } = ctx;
  const out: string[] = [];
  if (p.model) {
    const fit = p.model.fullFit as unknown as { limit?: { name: string; description: string; params: Record<string, number> }; warnings?: string[]; warning?: string };
    const title = MODEL_TITLES[p.model.chosen] ?? p.model.chosen;
    const lim = fit.limit;
    if (lim?.name === 'nbd') out.push(m.warnLimitNbd(title));
    else if (lim?.name === 'common-dropout' && lim.params.q !== undefined) out.push(m.warnLimitCommonDropout(title, f.num(lim.params.q, 4)));
    else if (lim?.name === 'common-dropout' && lim.params.mu !== undefined) out.push(m.warnLimitCommonRate(title, f.num(lim.params.mu, 4)));
    for (const w of fit.warnings ?? (fit.warning ? [fit.warning] : [])) if (w !== lim?.description) out.push(m.warnFitNote(w));
    if (p.model.chosen === 'bgnbd' && lim?.name !== 'nbd') {
      let zero = 0;
      const x = p.summary.frequency;
      for (let i = 0; i < x.length; i++) if (x[i] === 0) zero++;
      if (zero > 0) out.push(m.warnOneTimeBuyers(f.int(zero), f.pct(zero / x.length)));
    }
  }
  if (p.value.modelBased && !(p.value.total > 0)) out.push(m.warnZeroValue);
  return out;
}

/** One input file with its row accounting. */
export interface AccountedInput {
  file: string;
  kind: 'transactions' | 'contracts' | 'leads' | 'survey' | 'kano' | 'nps' | 'referrals' | 'touchpoints';
  accounting: RowAccounting | { read: number; used: number; rejected: Record<string, number>; first_lines?: Record<string, number[]> };
}

/** The row accounting of every input. */
export function accountingSection(inputs: AccountedInput[], ctx: SectionContext): Section | null {
  if (inputs.length === 0) return null;
  const { m, f } = ctx;
  const kind: Record<AccountedInput['kind'], string> = {
    transactions: m.kindTransactions, contracts: m.kindContracts, leads: m.kindLeads, survey: m.kindSurvey, kano: m.kindKano, nps: m.kindNps, referrals: m.kindReferrals, touchpoints: m.kindTouchpoints,
  };
  const rows = inputs.map((i) => {
    const rej = Object.entries(i.accounting.rejected);
    const total = rej.reduce((s, [, n]) => s + n, 0);
    const a = i.accounting as { firstLines?: Record<string, number[]>; first_lines?: Record<string, number[]> };
    const lines = a.firstLines ?? a.first_lines ?? {};
    const reason = ([r, n]: [string, number]) => `${m.reasonNames[r] ?? r}${m.colon}${f.int(n)}${lines[r]?.length ? ` (${m.lines(lines[r].map((l) => f.int(l)).join(', '))})` : ''}`;
    return [`${i.file} (${kind[i.kind]})`, f.int(i.accounting.read), f.int(i.accounting.used), f.int(total), rej.filter(([, n]) => n > 0).map(reason).join(m.listSeparator)];
  });
  return {
    id: 'inputs',
    title: m.secData,
    blocks: [
      { kind: 'paragraph', text: m.accountingIntro },
      { kind: 'table', header: [m.input, m.rowsRead, m.rowsUsed, m.rowsRejected, m.reasons], rows, numeric: [false, true, true, true, false] },
    ],
  };
}

/** Monthly cohorts drawn in the retention heatmap (the most recent). */
const MAX_COHORTS = 36;

/** Channels drawn in the acquisitions chart; the others are grouped. */
const MAX_CHANNELS = 8;

/** Recruitment (acquisitions per month by channel), conversion to a second purchase and cohort retention. */
export function recruitmentSection(r: { recruitment: RecruitmentRow[]; cohorts: CohortRow[]; conversion: Conversion; leads?: LeadFunnel }, ctx: SectionContext): Section | null {
  const { m, f } = ctx;
  if (r.recruitment.length === 0) return null;
  const blocks: Block[] = [];
  // the largest channels by acquisitions (at most MAX_CHANNELS − 1 of them when there are more), the rest as "other"
  const byChannel = new Map<string, number>();
  for (const row of r.recruitment) for (const [c, n] of Object.entries(row.by_channel)) byChannel.set(c, (byChannel.get(c) ?? 0) + n);
  const ranked = [...byChannel.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
  const channels = ranked.length > MAX_CHANNELS ? ranked.slice(0, MAX_CHANNELS - 1) : ranked;
  const periods = r.recruitment.map((row) => f.month(row.period));
  const rows = r.recruitment.flatMap((row, k) => {
    if (channels.length === 0) return [{ period: periods[k], channel: '', customers: row.new_customers }];
    const out = channels.map((c) => ({ period: periods[k], channel: c, customers: row.by_channel[c] ?? 0 }));
    const named = channels.reduce((s, c) => s + (row.by_channel[c] ?? 0), 0);
    const known = Object.values(row.by_channel).reduce((s, n) => s + n, 0);
    if (known > named) out.push({ period: periods[k], channel: m.otherChannels, customers: known - named });
    if (row.new_customers > known) out.push({ period: periods[k], channel: m.noChannel, customers: row.new_customers - known });
    return out;
  });
  const chanNames = [...channels, ...[m.otherChannels, m.noChannel].filter((x) => rows.some((row) => row.channel === x))];
  if (chanNames.length === 0) chanNames.push('');
  const total = r.recruitment.reduce((s, row) => s + row.new_customers, 0);
  const busiest = r.recruitment.reduce((a, b) => (b.new_customers > a.new_customers ? b : a));
  blocks.push({ kind: 'paragraph', text: m.recruitmentText(f.int(total), f.int(r.recruitment.length), f.month(busiest.period)) });
  blocks.push(
    chart('chart-acquisitions', m.acquisitionsTitle, acquisitionsSpec({ rows, periods, channels: chanNames }, { title: m.acquisitionsTitle, x: m.month, y: m.newCustomers, channel: m.channel }), {
      name: 'acquisitions.csv',
      header: ['period', 'channel', 'new_customers'],
      rows: r.recruitment.flatMap((row) => (channels.length ? Object.entries(row.by_channel).map(([c, n]) => [row.period, c, n]) : [[row.period, '', row.new_customers]])),
    }),
  );
  // conversion
  const conv = r.conversion;
  const wKey = conv.windows_days.includes(90) ? 90 : conv.windows_days[0];
  const w = conv.overall.windows[`within_${wKey}`];
  if (w && w.n > 0) blocks.push({ kind: 'paragraph', text: m.conversionText(f.pct(w.rate), f.pct(w.lower), f.pct(w.upper), String(wKey)) });
  blocks.push({ kind: 'paragraph', text: m.conversionEver(f.pct(conv.overall.ever.rate)) });
  const first = conv.overall.customers;
  const steps = [{ step: m.stepFirst, count: first, share: 1 }];
  for (const d of conv.windows_days) {
    const p = conv.overall.windows[`within_${d}`];
    if (p && p.n > 0) steps.push({ step: m.stepWithin(d), count: p.successes, share: p.rate });
  }
  steps.push({ step: m.stepEver, count: conv.overall.ever.successes, share: conv.overall.ever.rate });
  blocks.push(
    chart('chart-funnel', m.funnelTitle, funnelSpec({ steps }, { title: m.funnelTitle, count: m.count, share: m.shareOfFirst }), {
      name: 'conversion-funnel.csv', header: ['step', 'count', 'share'], rows: steps.map((s) => [s.step, s.count, s.share]),
    }),
  );
  if (r.leads) {
    const o = r.leads.overall;
    blocks.push({ kind: 'paragraph', text: m.leadsText(f.int(o.leads), f.int(o.customers), f.pct(o.lead_to_customer.rate)) });
    const leadSteps = [
      { step: m.stepLeads, count: o.leads, share: 1 },
      { step: m.stepConverted, count: o.customers, share: o.lead_to_customer.rate },
      { step: m.stepRepeat, count: o.repeaters, share: o.lead_to_repeat.rate },
    ];
    blocks.push(
      chart('chart-leads-funnel', m.leadsFunnelTitle, funnelSpec({ steps: leadSteps }, { title: m.leadsFunnelTitle, count: m.count, share: m.shareOfFirst }), {
        name: 'leads-funnel.csv', header: ['step', 'count', 'share'], rows: leadSteps.map((s) => [s.step, s.count, s.share]),
      }),
    );
  }
  // cohort retention (skip each cohort's last, partial period)
  const shown = r.cohorts.slice(-MAX_COHORTS); // the most recent cohorts; the download has them all
  const cells = shown.flatMap((c) =>
    c.retention.map((ret, age) => ({ cohort: f.month(c.cohort), age, retention: ret, active: c.active[age], size: c.size })).filter((x, age) => age > 0 && !(c.last_partial && age === c.retention.length - 1)),
  );
  if (cells.length) {
    blocks.push(
      chart('chart-cohorts', m.cohortTitle, cohortRetentionSpec({ cells, cohorts: shown.map((c) => f.month(c.cohort)) }, { title: m.cohortTitle, x: m.monthsSince, y: m.cohort, retention: m.activeShare, active: m.active, size: m.cohortSize }), {
        name: 'cohort-retention.csv',
        header: ['cohort', 'months_since_acquisition', 'active', 'size', 'retention'],
        rows: r.cohorts.flatMap((c) => c.retention.map((ret, age) => [c.cohort, age, c.active[age], c.size, ret])),
      }),
    );
  }
  return { id: 'recruitment', title: m.secRecruitment, blocks };
}

/** Contract survival with Kaplan-Meier bands and sBG / BdW projections. */
export function contractsSection(c: ContractRetention, ctx: SectionContext): Section {
  const { m, f } = ctx;
  const curves = [{ group: m.allContracts, t: 0, survival: 1, lower: 1, upper: 1 }, ...c.km.map((s) => ({ group: m.allContracts, t: s.t, survival: s.survival, lower: s.lower, upper: s.upper }))];
  const all = c.models.groups.find((g) => g.group === 'all');
  const projections = (all?.projection ?? []).flatMap((p) => [
    ...(p.sbg !== null ? [{ model: 'sBG', t: p.t, survival: p.sbg }] : []),
    ...(p.bdw !== null ? [{ model: 'BdW', t: p.t, survival: p.bdw }] : []),
  ]);
  const median = Number.isFinite(c.median) ? f.num(c.median, 1) : m.notReached;
  return {
    id: 'contracts',
    title: m.secContracts,
    blocks: [
      { kind: 'paragraph', text: m.survivalText(f.int(c.contracts), f.int(c.ended), median) },
      chart('chart-survival', m.survivalTitle, survivalSpec({ curves, projections }, { title: m.survivalTitle, x: m.months, y: m.stillActive, group: m.group, model: m.projection }), {
        name: 'contract-survival.csv',
        header: ['t', 'at_risk', 'events', 'censored', 'survival', 'lower', 'upper'],
        rows: c.km.map((s) => [s.t, s.at_risk, s.events, s.censored, s.survival, s.lower, s.upper]),
      }),
    ],
  };
}

const MODEL_TITLES: Record<string, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', paretonbd: 'Pareto/NBD' };

/** Model fit, selection and validation. */
export function modelSection(a: ModelAnalysis, summary: ReportAnalysis['summary'], ctx: SectionContext, calibrationEndText?: string): Section {
  const { m, f } = ctx;
  // a χ² tail that underflows is "p < 0.0001", not "p = 0.000"
  const pText = (p: number) => (p < P_FLOOR ? `p < ${f.num(P_FLOOR, 4)}` : `p = ${f.num(p, 3)}`);
  const name = MODEL_TITLES[a.chosen] ?? a.chosen;
  const blocks: Block[] = [{ kind: 'paragraph', text: m.modelIntro(name, f.int(a.fit.customers)) }];
  const chosen = a.candidates.find((c) => c.name === a.chosen)!;
  if (a.auto && a.choice) {
    // the rule and the figures of the choice (issue 16: no choice on noise)
    const ch = a.choice;
    blocks.push({ kind: 'paragraph', text: ch.draws > 0 ? m.modelChoiceRule(f.int(ch.draws)) : m.modelChoiceRuleAnalytic(f.int(ch.customers)) });
    blocks.push({
      kind: 'list',
      items: ch.candidates.map((c) =>
        c.name === ch.lowestError
          ? m.modelChoiceLowest(MODEL_TITLES[c.name], f.num(c.mae, 4), f.num(c.bic, 1))
          : m.modelChoiceRow(MODEL_TITLES[c.name], f.num(c.mae, 4), f.num(c.difference, 4), f.num(c.noise, 4), f.num(c.bic, 1), c.tie),
      ),
    });
    blocks.push({ kind: 'paragraph', text: m.modelChoiceResult(MODEL_TITLES[ch.chosen], MODEL_TITLES[ch.lowestError]) });
  } else if (a.auto && a.candidates.length > 1 && chosen.holdoutMae !== undefined) blocks.push({ kind: 'paragraph', text: m.modelAuto(name, f.num(chosen.holdoutMae, 3)) });
  else if (a.auto) blocks.push({ kind: 'paragraph', text: m.modelAutoNoHoldout(name) });
  if (a.sample) blocks.push({ kind: 'paragraph', text: m.modelSample(f.int(a.sample.customers), f.int(a.sample.of), name) });
  for (const c of a.candidates) if (c.error) blocks.push({ kind: 'paragraph', text: m.modelFailed(MODEL_TITLES[c.name], fitError(ctx, c.error)) });
  if (a.candidates.length > 1 && a.comparison) {
    // the comparison of src/models/compare.ts: LL, AIC, BIC and the holdout metrics, then the LR tests of nested pairs
    const rows = a.comparison.models.filter((r) => r.fitted);
    blocks.push({
      kind: 'table',
      caption: m.modelComparison,
      header: [m.model, m.logLikelihood, 'AIC', 'BIC', m.holdoutError, m.holdoutRmse, m.holdoutBias, m.holdoutCorrelation],
      rows: rows.map((r) => [
        MODEL_TITLES[r.model] ?? r.title,
        f.num(r.logLikelihood!, 1),
        f.num(r.aic!, 1),
        f.num(r.bic!, 1),
        f.num(r.holdout?.mae ?? NaN, 4),
        f.num(r.holdout?.rmse ?? NaN, 4),
        f.num(r.holdout?.bias ?? NaN, 4),
        f.num(r.holdout?.correlation ?? NaN, 3),
      ]),
      numeric: [false, true, true, true, true, true, true, true],
    });
    for (const t of a.comparison.tests) blocks.push({ kind: 'paragraph', text: m.lrTest(MODEL_TITLES[t.restricted] ?? t.restricted, MODEL_TITLES[t.full] ?? t.full, f.num(t.statistic, 2), t.df, pText(t.p)) });
  } else if (a.candidates.length > 1) {
    blocks.push({
      kind: 'table',
      caption: m.modelComparison,
      header: [m.model, m.logLikelihood, 'BIC', m.holdoutError],
      rows: a.candidates.filter((c) => c.fit).map((c) => [MODEL_TITLES[c.name], f.num(c.fit!.logLikelihood, 1), f.num(c.fit!.bic, 1), f.num(c.holdoutMae ?? NaN, 4)]),
      numeric: [false, true, true, true],
    });
  }
  blocks.push({
    kind: 'table',
    caption: name,
    header: [m.parameter, m.estimate, m.standardError],
    rows: [...Object.entries(a.fit.params).map(([k, v]) => [k, f.num(v, 4), f.num(a.fit.standardErrors[k] ?? NaN, 4)]), [m.logLikelihood, f.num(a.fit.logLikelihood, 2), '']],
    numeric: [false, true, true],
  });
  // customers by repeat purchases, actual vs model, with the chi-square (src/models/diagnostics.ts), on all data
  // over the distinct (x, t_x, T) rows with their counts (the compression the fit kept: no pass over every customer); the same
  // sums, as integer counts, and the distinct T in the same first-seen order
  const pt = periodTransactions(a.fullFit, compressSummary(summary), { bins: 8 });
  blocks.push(
    chart('chart-period-transactions', m.periodTransactionsTitle, periodTransactionsSpec(pt, { title: m.periodTransactionsTitle, x: m.repeatPurchases, y: m.customers, actual: m.actual, expected: m.predicted }), {
      name: 'period-transactions.csv', header: ['repeat_purchases', 'or_more', 'actual', 'expected'], rows: pt.bins.map((b) => [b.repeat, b.orMore, b.actual, b.expected]),
    }),
  );
  blocks.push({ kind: 'paragraph', text: m.periodTransactionsText(f.num(pt.chiSquare, 1), pt.degreesOfFreedom, pText(pt.pValue)) });
  const tr = a.tracking;
  const cum = tr.t.map((t, k) => ({ t, actual: tr.actualCumulative[k], predicted: tr.predictedCumulative[k] }));
  // the per-period chart shows whole periods only: a partial last period would look like a collapse
  const inc = tr.t.map((t, k) => ({ t, actual: tr.actualIncremental[k], predicted: tr.predictedIncremental[k] })).filter((p) => Number.isInteger(p.t));
  const partial = tr.t.length > 0 && !Number.isInteger(tr.t[tr.t.length - 1]) ? tr.t[tr.t.length - 1] : undefined;
  const unit = m.unitName[a.unit] ?? a.unit;
  const units = m.unitNames[a.unit] ?? a.unit;
  const text = { x: unit, y: m.repeatTransactions, actual: m.actual, predicted: m.predicted, series: '' };
  const csv = { header: [a.unit, 'actual_cumulative', 'predicted_cumulative', 'actual_per_period', 'predicted_per_period'], rows: tr.t.map((t, k) => [t, tr.actualCumulative[k], tr.predictedCumulative[k], tr.actualIncremental[k], tr.predictedIncremental[k]]) };
  blocks.push(chart('chart-tracking-cumulative', m.trackingCumTitle, trackingSpec({ points: cum, calibrationEnd: tr.calibrationEnd }, { ...text, title: m.trackingCumTitle }), { name: 'tracking.csv', ...csv }));
  const perUnit = m.trackingPerUnitTitle(unit);
  const weekly = chart('chart-tracking-weekly', perUnit, trackingSpec({ points: inc, calibrationEnd: tr.calibrationEnd }, { ...text, title: perUnit }), { name: 'tracking.csv', ...csv });
  if (partial !== undefined && weekly.kind === 'chart') weekly.note = guide(ctx.lang).partialPeriod(`${unit} ${f.num(partial, 1)}`);
  blocks.push(weekly);
  if (tr.calibrationEnd !== undefined && calibrationEndText) blocks.push({ kind: 'paragraph', text: m.trackingText(calibrationEndText) });
  if (a.holdout) {
    blocks.push(
      chart('chart-holdout', m.holdoutTitle, holdoutSpec({ groups: a.holdout }, { title: m.holdoutTitle, x: m.calibrationRepeats, y: m.holdoutMean, actual: m.actual, predicted: m.predicted, customers: m.customers }), {
        name: 'holdout.csv', header: ['calibration_frequency', 'customers', 'actual_mean', 'predicted_mean'], rows: a.holdout.map((g) => [g.frequency, g.customers, g.actual, g.predicted]),
      }),
    );
  }
  const heatText = { x: m.recencyIn(units), y: m.repeatPurchases, customers: m.customers };
  const alive = frequencyRecencyCells(summary.frequency, summary.recency, a.probabilityAlive);
  blocks.push(
    chart('chart-alive', m.aliveTitle, frequencyRecencySpec({ ...alive, kind: 'probability' }, { ...heatText, title: m.aliveTitle, value: m.probabilityAlive }), {
      name: 'p-alive-grid.csv', header: ['frequency', 'recency', 'customers', 'mean_p_alive'], rows: alive.cells.map((c) => [c.frequency, c.recency, c.customers, c.value]),
    }),
  );
  const exp = frequencyRecencyCells(summary.frequency, summary.recency, a.expected);
  const expTitle = m.expectedTitle(f.num(a.expectedHorizon, 0), units);
  blocks.push(
    chart('chart-expected', expTitle, frequencyRecencySpec({ ...exp, kind: 'count' }, { ...heatText, title: expTitle, value: m.expectedTransactions, quantile: guide(ctx.lang).quantileLegend }), {
      name: 'expected-transactions-grid.csv', header: ['frequency', 'recency', 'customers', 'mean_expected_transactions'], rows: exp.cells.map((c) => [c.frequency, c.recency, c.customers, c.value]),
    }),
  );
  return { id: 'model', title: m.secModel, blocks };
}

/** Portfolio value: CLV distribution, pyramid, Lorenz curve and Gini. */
export function valueSection(v: ValueAnalysis, ctx: SectionContext, hasAmount = true): Section {
  const { m, f } = ctx;
  const blocks: Block[] = [];
  if (!hasAmount) {
    // no amounts: value is unknown, never shown as 0
    blocks.push({ kind: 'paragraph', text: m.valueNotAvailable });
    blocks.push({ kind: 'figures', items: [{ label: m.equity, value: m.notAvailable }, { label: m.meanClv, value: m.notAvailable }] });
    return { id: 'value', title: m.secValue, blocks };
  }
  if (v.modelBased) blocks.push({ kind: 'paragraph', text: m.valueIntro(f.int(v.horizonMonths), f.pct(v.annualDiscount, 0)) });
  else blocks.push({ kind: 'paragraph', text: m.valueHistorical });
  const { total, median } = v;
  blocks.push({
    kind: 'figures',
    items: [
      { label: v.modelBased ? m.equity : m.revenue, value: f.money(total, 0) },
      { label: m.meanClv, value: f.money(total / Math.max(1, v.clv.length)) },
      { label: m.medianClv, value: f.money(median) },
      { label: 'Gini', value: f.num(v.gini, 2) },
    ],
  });
  const bins = logBins(v.clv, 5, 0.01);
  if (bins.bins.length) {
    blocks.push(
      chart('chart-clv', m.clvTitle, clvDistributionSpec({ bins: bins.bins }, { title: m.clvTitle, x: m.clvAxis, y: m.customers }), {
        name: 'clv-distribution.csv', header: ['from', 'to', 'customers'], rows: bins.bins.map((b) => [b.lo, b.hi, b.customers]),
      }),
    );
    if (bins.zero > 0) blocks.push({ kind: 'paragraph', text: m.zeroClv(f.int(bins.zero)) });
  }
  const tiers = v.tierRows.map((t) => ({ tier: displayName(ctx, t.tier), customerShare: t.share_customers, valueShare: Number.isFinite(t.share_value) ? t.share_value : 0, customers: t.customers }));
  blocks.push(
    chart('chart-pyramid', m.pyramidTitle, pyramidSpec({ tiers }, { title: m.pyramidTitle, customerShare: m.shareCustomers, valueShare: m.shareValue, share: m.share, customers: m.customers }), {
      name: 'value-pyramid.csv', header: ['tier', 'customers', 'share_customers', 'share_value'], rows: v.tierRows.map((t) => [t.tier, t.customers, t.share_customers, t.share_value]),
    }),
  );
  const lc = v.lorenz;
  const points = lc.population.map((p, k) => ({ customerShare: p, valueShare: lc.value[k] })).filter((p) => Number.isFinite(p.valueShare));
  if (points.length) {
    blocks.push(
      chart('chart-lorenz', m.lorenzTitle, lorenzSpec({ points, gini: v.gini }, { title: m.lorenzTitle, x: m.lorenzX, y: m.lorenzY, gini: m.gini(f.num(v.gini, 2)) }), {
        name: 'lorenz.csv', header: ['share_customers', 'share_value'], rows: points.map((p) => [p.customerShare, p.valueShare]),
      }),
    );
    const s20 = v.top20;
    if (Number.isFinite(s20)) blocks.push({ kind: 'paragraph', text: m.topShare(f.pct(0.2, 0), f.pct(s20)) });
  }
  if (v.whale && v.whale.population.length) {
    const w = v.whale;
    const points = w.population.map((p, k) => ({ customerShare: p, profitShare: w.shareOfProfit[k] })).filter((p) => Number.isFinite(p.profitShare));
    blocks.push({ kind: 'paragraph', text: m.whaleText(f.money(w.totalProfit, 0), f.money(w.peakProfit, 0), f.pct(w.peakPopulation), f.int(w.unprofitableCustomers)) });
    if (points.length) {
      blocks.push(
        chart('chart-whale', m.whaleTitle, whaleSpec({ points }, { title: m.whaleTitle, x: m.whaleX, y: m.whaleY }), {
          name: 'whale-curve.csv', header: ['share_customers', 'cumulative_profit', 'share_of_profit'], rows: w.population.map((p, k) => [p, w.cumulativeProfit[k], w.shareOfProfit[k]]),
        }),
      );
    }
  }
  return { id: 'value', title: m.secValue, blocks };
}

/** Tiers, RFM grid and segments, migration. */
export function segmentsSection(v: ValueAnalysis, ctx: SectionContext): Section {
  const { m, f } = ctx;
  const blocks: Block[] = [];
  blocks.push({
    kind: 'table',
    header: [m.tier, m.customers, m.shareCustomers, m.shareValue, m.meanValue, m.meanAlive, m.historicalSpend],
    rows: v.tierRows.map((t) => [displayName(ctx, t.tier), f.int(t.customers), f.pct(t.share_customers), f.pct(t.share_value), f.money(t.mean_clv), f.pct(t.mean_probability_alive), f.money(t.historical_spend, 0)]),
    numeric: [false, true, true, true, true, true, true],
  });
  const cells = rfmCells(v.rfm.recency, v.rfm.frequency, v.historical);
  blocks.push(
    chart('chart-rfm', m.rfmTitle, rfmSpec({ cells }, { title: m.rfmTitle, x: m.recencyScore, y: m.frequencyScore, customers: m.customers, meanValue: m.meanSpend }), {
      name: 'rfm-grid.csv', header: ['recency_score', 'frequency_score', 'customers', 'mean_spend'], rows: cells.map((c) => [c.recency, c.frequency, c.customers, c.meanValue]),
    }),
  );
  const segs = v.segmentRows.filter((s) => s.customers > 0);
  blocks.push(
    chart('chart-segments', m.segmentsTitle, segmentsSpec({ segments: segs.map((s) => ({ segment: displayName(ctx, s.segment), customers: s.customers, value: s.value })) }, { title: m.segmentsTitle, customers: m.customers, value: m.value }), {
      name: 'rfm-segments.csv', header: ['segment', 'customers', 'share_customers', 'value', 'share_value', 'mean_probability_alive'], rows: segs.map((s) => [s.segment, s.customers, s.share_customers, s.value, s.share_value, s.mean_probability_alive]),
    }),
  );
  if (v.migration) {
    const mm = v.migration.matrix;
    const rowsWith = mm.from.map((_, i) => mm.counts[i].some((c) => c > 0));
    const cells2 = mm.from.flatMap((a, i) => (rowsWith[i] ? mm.to : []).map((b, j) => ({ from: displayName(ctx, a), to: displayName(ctx, b), customers: mm.counts[i][j], share: Number.isFinite(mm.rowShares[i][j]) ? mm.rowShares[i][j] : 0 })));
    const order = [...new Set([...mm.from.filter((_, i) => rowsWith[i]), ...mm.to])].map((s) => displayName(ctx, s));
    blocks.push({ kind: 'paragraph', text: m.migrationText(f.date(v.migration.mid), f.date(v.migration.end)) });
    blocks.push(
      chart('chart-migration', m.migrationTitle, migrationSpec({ cells: cells2, order }, { title: m.migrationTitle, from: m.firstHalf, to: m.secondHalf, customers: m.customers, share: m.rowShare }), {
        name: 'migration.csv', header: ['from', 'to', 'customers', 'share_of_row'], rows: mm.from.flatMap((a, i) => mm.to.map((b, j) => [a, b, mm.counts[i][j], mm.rowShares[i][j]])),
      }),
    );
  }
  return { id: 'segments', title: m.secSegments, blocks };
}

/** The top of the prioritised list. */
export function prioritiesSection(v: ValueAnalysis, end: number, ctx: SectionContext): Section | null {
  const { m, f } = ctx;
  if (v.priorities.length === 0) return null;
  return {
    id: 'priorities',
    title: m.secPriorities,
    blocks: [
      { kind: 'paragraph', text: m.prioritiesIntro(v.priorities.length) },
      {
        kind: 'table',
        header: ['#', m.customerId, v.modelBased ? m.clv : m.historicalSpend, m.probabilityAlive, m.tier, m.segment, m.lastPurchase, m.flags],
        rows: v.priorities.map((p) => {
          return [String(p.rank), p.customer_id, f.money(p.clv), f.pct(p.probability_alive), displayName(ctx, p.tier), displayName(ctx, p.rfm_segment), f.date(end - p.days_since_last_purchase), p.flags.map((x) => m.flagNames[x] ?? x).join(', ')];
        }),
        numeric: [true, false, true, true, false, false, false, false],
      },
    ],
  };
}
