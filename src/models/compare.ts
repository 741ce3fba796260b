/**
 * Model comparison on one customer summary: parameters, log-likelihood, AIC, BIC, likelihood-ratio
 * tests of the nested pairs (Wilks 1938; boundary cases said, Self & Liang 1987), and with a
 * calibration/holdout split the holdout metrics per model: MAE, RMSE and bias of per-customer
 * holdout transactions, the correlation of predicted and actual, and the aggregate tracking error by
 * period (expected vs actual repeat transactions of the cohort per model time unit, FHL 2005a Fig. 2).
 */
import { pValueText } from '../p-value-text.ts';
import { chisquareCdf as chisqCdf } from '../stdlib.ts';
import { ClvkitError, UsageError } from '../errors.ts';
import { compressSummary } from '../summary/compress.ts';
import { unitDays } from '../summary/summarize.ts';
import type { CustomerSummary, SummaryData, TransactionTable } from '../types.ts';
import type { TransactionModel } from './bgnbd.ts';
import { MODELS, fitModel, type ModelName } from './registry.ts';
import { expectedCumulativeTransactions } from './tracking.ts';
import type { FitResultBase } from './types.ts';

/** The counting models compare accepts (a customer summary as input). */
export const COMPARABLE_MODELS: ModelName[] = ['nbd', 'bgnbd', 'mbgnbd', 'paretonbd', 'paretonbdcor', 'ggomnbd', 'bgcnbd', 'mbgcnbd'];

/**
 * One model's line of the comparison table.
 *
 * @example
 * const row: ComparisonRow = comparison.models[0];
 * row.aic; row.holdout?.mae;
 */
export interface ComparisonRow {
  model: ModelName;
  title: string;
  /** Fitted parameters, or absent with `error` when the fit failed. */
  params?: Record<string, number>;
  standardErrors?: Record<string, number>;
  logLikelihood?: number;
  /** Free parameters (k of the CNBD-k models counts as one when it was chosen). */
  parameters?: number;
  aic?: number;
  bic?: number;
  warning?: string;
  error?: string;
  holdout?: HoldoutMetrics;
  fitted?: FitResultBase<Record<string, number>> & TransactionModel;
}

/**
 * Holdout metrics of one model: per-customer errors of E[Y(t*) | calibration] against the holdout
 * transactions, and the tracking error of the cohort's expected repeat transactions per period.
 *
 * @example
 * const h: HoldoutMetrics = { mae: 0.6, rmse: 1.1, bias: -0.02, correlation: 0.6, predicted: 1800, actual: 1788 };
 */
export interface HoldoutMetrics {
  mae: number;
  rmse: number;
  /** Mean of predicted − actual. */
  bias: number;
  /** Pearson correlation of predicted and actual holdout transactions (NaN when either is constant). */
  correlation: number;
  /** Totals over customers. */
  predicted: number;
  actual: number;
  /** Mean absolute difference of expected and actual repeat transactions per period, holdout periods (with a transaction table). */
  trackingMae?: number;
  /** Same over the calibration periods. */
  trackingMaeCalibration?: number;
  /** Per period: start time (model units from the first purchase), expected and actual repeat transactions. */
  tracking?: { t: number; expected: number; actual: number; holdout: boolean }[];
}

/**
 * A likelihood-ratio test of a nested pair.
 *
 * @example
 * const t: NestedTest = { restricted: 'nbd', full: 'bgnbd', statistic: 181.2, df: 2, p: 0, note: '...' };
 */
export interface NestedTest {
  restricted: ModelName;
  full: ModelName;
  statistic: number;
  df: number;
  p: number;
  /** When the restriction is on the boundary of the parameter space or a whole number: how to read p. */
  note?: string;
}

/**
 * The comparison: one row per model, the nested tests, and warnings.
 *
 * @example
 * const c: Comparison = await compareModels(summary, { models: ['bgnbd', 'paretonbd'] });
 */
export interface Comparison {
  models: ComparisonRow[];
  tests: NestedTest[];
  customers: number;
  holdoutLength?: number;
  warnings: string[];
}

/**
 * Options of compareModels.
 *
 * @example
 * const o: CompareOptions = { models: ['nbd', 'bgnbd', 'bgcnbd'], table };
 */
export interface CompareOptions {
  models?: ModelName[];
  /** The transactions behind the summary: enables the tracking error by period. */
  table?: TransactionTable;
  penalizer?: number;
  /** CNBD-k: fixed k (otherwise chosen by likelihood). */
  k?: number;
  onStep?: (what: string) => void;
}

const BOUNDARY = 'the restricted model lies on the boundary of the parameter space, so the χ² p-value is conservative (the null distribution is a mixture with a χ²₀ part; Self & Liang 1987)';
const NESTED: { restricted: ModelName; full: ModelName; df: number; note?: string }[] = [
  { restricted: 'nbd', full: 'bgnbd', df: 2, note: `NBD is the BG/NBD as b → ∞: ${BOUNDARY}` },
  { restricted: 'nbd', full: 'mbgnbd', df: 2, note: `NBD is the MBG/NBD as b → ∞: ${BOUNDARY}` },
  { restricted: 'nbd', full: 'paretonbd', df: 2, note: `NBD is the Pareto/NBD as s/β → 0: ${BOUNDARY}` },
  { restricted: 'paretonbd', full: 'ggomnbd', df: 1, note: `the Pareto/NBD is the GGom/NBD as b → 0 with β/b fixed: ${BOUNDARY}` },
  { restricted: 'paretonbd', full: 'paretonbdcor', df: 1 },
  { restricted: 'bgnbd', full: 'bgcnbd', df: 1, note: 'k = 1 against the best whole k: k is not a continuous parameter, so the χ²₁ p-value is a rough guide' },
  { restricted: 'mbgnbd', full: 'mbgcnbd', df: 1, note: 'k = 1 against the best whole k: k is not a continuous parameter, so the χ²₁ p-value is a rough guide' },
];

/**
 * Fits each model on the (calibration) summary and compares them. With holdout columns
 * (`holdoutFrequency`, `holdoutT`) the holdout metrics are computed; with `table` also the tracking
 * error by period. A model whose fit fails keeps its row with the error in words.
 *
 * @example
 * const s = summarize(table, { freq: 'week', calibrationEnd: '1997-09-30' });
 * const c = await compareModels(s, { models: ['nbd', 'bgnbd', 'paretonbd'], table });
 * c.models.map((m) => [m.model, m.aic, m.holdout?.mae]);
 */
export async function compareModels(summary: SummaryData & Partial<CustomerSummary> & { litt?: ArrayLike<number> }, options: CompareOptions = {}): Promise<Comparison> {
  const names = options.models ?? ['nbd', 'bgnbd', 'mbgnbd', 'paretonbd', 'ggomnbd', 'bgcnbd'];
  for (const n of names) if (!COMPARABLE_MODELS.includes(n)) throw new UsageError(`compare: --models takes ${COMPARABLE_MODELS.join(', ')}; got "${n}"`);
  const warnings: string[] = [];
  const data = { frequency: summary.frequency, recency: summary.recency, T: summary.T, ...(summary.weights ? { weights: summary.weights } : {}), ...(summary.litt ? { litt: summary.litt } : {}) };
  const customers = summary.frequency.length;
  const holdout = summary.holdoutFrequency && summary.holdoutT ? { freq: summary.holdoutFrequency, t: summary.holdoutT[0] ?? 0 } : undefined;
  const rows = holdout ? compressSummary(data) : undefined;
  const tracking = holdout && options.table && summary.firstPurchase && summary.freq && summary.calibrationEnd !== undefined ? trackingSetup(options.table, summary as CustomerSummary) : undefined;
  const fits: ModelFit[] = [];
  for (const name of names) {
    options.onStep?.(`fit ${name}`);
    try {
      const extra = options.k !== undefined ? { k: options.k } : {};
      const fitted = (await fitModel(name, { kind: 'summary', data }, { ...(options.penalizer !== undefined ? { penalizer: options.penalizer } : {}), ...extra })) as FittedModel;
      fits.push({ model: name, fitted, kFixed: options.k !== undefined });
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      fits.push({ model: name, error: e.message });
    }
  }
  const out = fits.map((f) => comparisonRow(f, holdout && rows ? { rows, actual: holdout.freq, t: holdout.t, tracking } : undefined));
  if ((names.includes('bgcnbd') || names.includes('mbgcnbd')) && !summary.litt) warnings.push('the summary has no litt (timing statistic): CNBD-k log-likelihoods lack the timing term and are not comparable with the other models');
  const tests = nestedTests(out, summary.litt !== undefined);
  return { models: out, tests, customers, ...(holdout ? { holdoutLength: holdout.t } : {}), warnings };
}

type FittedModel = FitResultBase<Record<string, number>> & TransactionModel;

/**
 * A model already fitted (or the reason it failed), for comparisonFromFits; `holdoutPredictions`, when
 * given, are E[Y(t*) | row] per unique row of compressSummary(summary) (saves recomputing them).
 *
 * @example
 * const f: ModelFit = { model: 'bgnbd', fitted: fitBgNbd(summary) };
 */
export interface ModelFit {
  model: ModelName;
  fitted?: FittedModel;
  error?: string;
  /** CNBD-k: k was fixed (not counted as a parameter). */
  kFixed?: boolean;
  holdoutPredictions?: Float64Array;
}

function comparisonRow(f: ModelFit, ho: { rows: ReturnType<typeof compressSummary>; actual: ArrayLike<number>; t: number; tracking?: Tracking } | undefined): ComparisonRow {
  const row: ComparisonRow = { model: f.model, title: MODELS[f.model]?.title ?? f.model };
  if (!f.fitted) {
    row.error = f.error ?? 'not fitted';
    return row;
  }
  const fitted = f.fitted;
  row.fitted = fitted;
  row.params = fitted.params;
  row.standardErrors = fitted.standardErrors as Record<string, number>;
  row.logLikelihood = fitted.logLikelihood;
  row.parameters = Object.keys(fitted.params).length - ((f.model === 'bgcnbd' || f.model === 'mbgcnbd') && f.kFixed ? 1 : 0);
  row.aic = 2 * row.parameters - 2 * fitted.logLikelihood;
  row.bic = row.parameters * Math.log(fitted.customers) - 2 * fitted.logLikelihood;
  if (fitted.warning) row.warning = fitted.warning;
  if (ho) row.holdout = holdoutMetrics(fitted, ho.rows, ho.actual, ho.t, ho.tracking, f.holdoutPredictions);
  return row;
}

/**
 * The comparison of models fitted elsewhere (the report's candidates): the same table as
 * compareModels without refitting. With holdout columns in the summary, the holdout metrics; with
 * `table`, the tracking error too.
 *
 * @example
 * const c = comparisonFromFits([{ model: 'bgnbd', fitted: bg }, { model: 'paretonbd', fitted: pn }], calibrationSummary);
 */
export function comparisonFromFits(fits: ModelFit[], summary: SummaryData & Partial<CustomerSummary> & { litt?: ArrayLike<number> }, table?: TransactionTable): Comparison {
  const holdout = summary.holdoutFrequency && summary.holdoutT ? { freq: summary.holdoutFrequency, t: summary.holdoutT[0] ?? 0 } : undefined;
  const rows = holdout ? compressSummary(summary) : undefined;
  const tracking = holdout && table && summary.firstPurchase && summary.freq && summary.calibrationEnd !== undefined ? trackingSetup(table, summary as CustomerSummary) : undefined;
  const out = fits.map((f) => comparisonRow(f, holdout && rows ? { rows, actual: holdout.freq, t: holdout.t, tracking } : undefined));
  return { models: out, tests: nestedTests(out, summary.litt !== undefined), customers: summary.frequency.length, ...(holdout ? { holdoutLength: holdout.t } : {}), warnings: [] };
}

function nestedTests(out: ComparisonRow[], hasLitt: boolean): NestedTest[] {
  const tests: NestedTest[] = [];
  for (const pair of NESTED) {
    const a = out.find((r) => r.model === pair.restricted && r.logLikelihood !== undefined);
    const b = out.find((r) => r.model === pair.full && r.logLikelihood !== undefined);
    if (!a || !b) continue;
    if ((pair.full === 'bgcnbd' || pair.full === 'mbgcnbd') && !hasLitt) continue;
    const statistic = Math.max(0, 2 * (b.logLikelihood! - a.logLikelihood!));
    tests.push({ restricted: pair.restricted, full: pair.full, statistic, df: pair.df, p: 1 - chisqCdf(statistic, pair.df), ...(pair.note ? { note: pair.note } : {}) });
  }
  return tests;
}

interface Tracking {
  firstTimes: Float64Array;
  /** Actual repeat transactions per period k = 0..steps-1 (period k covers model time [k, k+1) from the origin). */
  actual: Float64Array;
  steps: number;
  /** First holdout period. */
  holdoutFrom: number;
}

/** Actual repeat purchase days of the summary's customers per model period, from the table. */
function trackingSetup(table: TransactionTable, s: CustomerSummary): Tracking {
  const uDays = unitDays(s.freq);
  let origin = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < s.firstPurchase.length; i++) if (s.firstPurchase[i] < origin) origin = s.firstPurchase[i];
  const { customer, day, amount } = table;
  // the summary's customers: first purchase by the calibration end; their ids as in the table
  const include = new Uint8Array(table.customerIds.length);
  const idIndex = new Map<string, number>();
  table.customerIds.forEach((id, i) => idIndex.set(id, i));
  for (const id of s.customerIds) {
    const i = idIndex.get(id);
    if (i !== undefined) include[i] = 1;
  }
  const keys: number[] = [];
  const span = 1 << 20;
  for (let i = 0; i < table.length; i++) {
    if (!include[customer[i]] || !(amount[i] >= 0) || day[i] < origin) continue;
    keys.push(customer[i] * span + (day[i] - origin));
    if (day[i] > lastDay) lastDay = day[i];
  }
  const endDay = Math.max(lastDay, s.calibrationEnd!);
  const steps = Math.max(1, Math.floor((endDay - origin + 1) / uDays));
  const actual = new Float64Array(steps);
  const sorted = Float64Array.from(keys).sort();
  let current = -1;
  let prevDay = -1;
  for (const key of sorted) {
    const c = Math.floor(key / span);
    const d = key - c * span;
    if (c !== current) {
      current = c; // the first purchase day
      prevDay = d;
      continue;
    }
    if (d === prevDay) continue;
    prevDay = d;
    const k = Math.floor(d / uDays);
    if (k < steps) actual[k]++;
  }
  const firstTimes = new Float64Array(s.firstPurchase.length);
  for (let i = 0; i < firstTimes.length; i++) firstTimes[i] = (s.firstPurchase[i] - origin) / uDays;
  return { firstTimes, actual, steps, holdoutFrom: Math.floor((s.calibrationEnd! - origin + 1) / uDays) };
}

/**
 * Holdout metrics of a fitted model: MAE, RMSE, bias and correlation of E[Y(t) | calibration] against each
 * customer's holdout transactions (`rows`: the compressed calibration summary), and the tracking error when given.
 * Shared with `fit` and `predict` (issue 20).
 *
 * @example
 * const h = holdoutMetrics(fitted, compressSummary(summary), summary.holdoutFrequency, 39, undefined);
 * h.rmse;
 */
export function holdoutMetrics(fitted: TransactionModel, rows: ReturnType<typeof compressSummary>, actual: ArrayLike<number>, t: number, tracking: Tracking | undefined, given?: Float64Array): HoldoutMetrics {
  // `given`: the predictions per unique row when the caller has them already (the report)
  const pred = given ?? fitted.conditionalExpectedTransactionsAll(t, { frequency: rows.frequency, recency: rows.recency, T: rows.T });
  const n = rows.index.length;
  let ae = 0;
  let se = 0;
  let bias = 0;
  let sp = 0;
  let sa = 0;
  let spp = 0;
  let saa = 0;
  let spa = 0;
  for (let i = 0; i < n; i++) {
    const p = pred[rows.index[i]];
    const a = actual[i];
    const d = p - a;
    ae += Math.abs(d);
    se += d * d;
    bias += d;
    sp += p;
    sa += a;
    spp += p * p;
    saa += a * a;
    spa += p * a;
  }
  const cov = spa / n - (sp / n) * (sa / n);
  const vp = spp / n - (sp / n) ** 2;
  const va = saa / n - (sa / n) ** 2;
  const out: HoldoutMetrics = { mae: ae / n, rmse: Math.sqrt(se / n), bias: bias / n, correlation: vp > 0 && va > 0 ? cov / Math.sqrt(vp * va) : NaN, predicted: sp, actual: sa };
  if (tracking) {
    const curve = expectedCumulativeTransactions(fitted, tracking.firstTimes, tracking.steps, 1);
    const per: NonNullable<HoldoutMetrics['tracking']> = [];
    let hErr = 0;
    let hN = 0;
    let cErr = 0;
    let cN = 0;
    for (let k = 0; k < tracking.steps; k++) {
      const expected = curve.cumulative[k + 1] - curve.cumulative[k];
      const isHoldout = k >= tracking.holdoutFrom;
      per.push({ t: k, expected, actual: tracking.actual[k], holdout: isHoldout });
      const e = Math.abs(expected - tracking.actual[k]);
      if (isHoldout) {
        hErr += e;
        hN++;
      } else {
        cErr += e;
        cN++;
      }
    }
    if (hN) out.trackingMae = hErr / hN;
    if (cN) out.trackingMaeCalibration = cErr / cN;
    out.tracking = per;
  }
  return out;
}

/**
 * The comparison as a plain-text table (for stderr / stdout).
 *
 * @example
 * process.stdout.write(formatComparison(await compareModels(summary)));
 */
export function formatComparison(c: Comparison): string {
  const f = (v: number | undefined, d = 4) => (v === undefined || !Number.isFinite(v) ? '-' : Number(v.toPrecision(d + 2)).toString());
  const lines: string[] = [];
  const hasHoldout = c.models.some((m) => m.holdout);
  const hasTracking = c.models.some((m) => m.holdout?.trackingMae !== undefined);
  const head = ['model', 'parameters', 'LL', 'n par', 'AIC', 'BIC', ...(hasHoldout ? ['MAE', 'RMSE', 'bias', 'corr'] : []), ...(hasTracking ? ['tracking MAE'] : [])];
  const body = c.models.map((m) =>
    m.error
      ? [m.model, `fit failed: ${m.error}`]
      : [
          m.model,
          Object.entries(m.params!).map(([k, v]) => `${k}=${f(v, 3)}`).join(' '),
          f(m.logLikelihood, 6),
          String(m.parameters),
          f(m.aic, 6),
          f(m.bic, 6),
          ...(hasHoldout ? [f(m.holdout?.mae), f(m.holdout?.rmse), f(m.holdout?.bias), f(m.holdout?.correlation, 3)] : []),
          ...(hasTracking ? [f(m.holdout?.trackingMae)] : []),
        ],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  lines.push(head.map((h, i) => h.padEnd(widths[i])).join('  ').trimEnd());
  for (const r of body) lines.push(r.map((v, i) => (v ?? '').padEnd(widths[i] ?? 0)).join('  ').trimEnd());
  const best = (key: 'aic' | 'bic') => c.models.filter((m) => m[key] !== undefined).reduce<ComparisonRow | undefined>((a, b) => (!a || b[key]! < a[key]! ? b : a), undefined);
  lines.push(`lowest AIC: ${best('aic')?.model ?? '-'}; lowest BIC: ${best('bic')?.model ?? '-'}`);
  for (const t of c.tests) lines.push(`LR ${t.restricted} ⊂ ${t.full}: χ²(${t.df}) = ${f(t.statistic)}, ${pValueText(t.p)}${t.note ? ` (${t.note})` : ''}`);
  for (const m of c.models) if (m.warning) lines.push(`${m.model}: ${m.warning}`);
  for (const w of c.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n') + '\n';
}

/**
 * The comparison as the JSON document of `clvkit compare --json` (fitted model objects left out).
 *
 * @example
 * JSON.stringify(comparisonJson(c));
 */
export function comparisonJson(c: Comparison): Record<string, unknown> {
  return {
    customers: c.customers,
    ...(c.holdoutLength !== undefined ? { holdoutLength: c.holdoutLength } : {}),
    models: c.models.map(({ fitted: _f, ...m }) => m),
    tests: c.tests,
    warnings: [...c.warnings, ...c.models.filter((m) => m.warning).map((m) => `${m.model}: ${m.warning}`)],
  };
}
