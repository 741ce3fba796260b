/**
 * Interaction orientation on the firm's own data (Ramani & Kumar 2008): which contacts, through
 * which channel, change how often customers buy and how long they stay. Contacts per customer and
 * period enter the Pareto/NBD as time-varying covariates of both processes (Bachmann, Meierer & Näf
 * 2021); the analysis compares the fits with and without them (likelihood-ratio test, holdout
 * error), shows each channel's multiplicative effects, the effects by contact band (saturation),
 * and the expected CLV change of a contact plan "+n contacts per period on channel c" by value tier.
 */
import { ClvkitError } from '../errors.ts';
import type { TouchpointTable } from '../ingest/touchpoints.ts';
import type { CovariateFile } from '../ingest/covariates.ts';
import { covariateMatrix } from '../models/covariates/design.ts';
import type { Day, PeriodUnit, TransactionTable } from '../types.ts';
import { summarize, unitDays } from '../summary/summarize.ts';
import { repeatPurchaseDays } from '../summary/purchase-days.ts';
import { contactCounts, contactsPerPeriod, followedByPurchase, parseTransform, transformCount, transformNames, type ContactCounts, type ContactTransform } from '../summary/contacts.ts';
import { fitParetoNbd } from '../models/paretonbd.ts';
import { fitGammaGamma, type GammaGammaModel } from '../models/gammagamma.ts';
import { ratePerUnit } from '../models/discounting.ts';
import { dynamicCovariateData, type CovariatePanel, type DynamicCovariateData } from '../models/covariates/panel.ts';
import { dynamicPredictions, fitParetoNbdDynamic, type ParetoNbdDynamicModel } from '../models/covariates/paretonbd-dynamic.ts';
import { likelihoodRatioTest, type LikelihoodRatioTest } from '../models/covariates/lr-test.ts';
import { valueTiers } from '../segment/pyramid.ts';
import { wilsonInterval } from './wilson.ts';

/**
 * Options of `interactionAnalysis`.
 *
 * @example
 * const o: InteractionOptions = { calibrationEnd: '2025-06-30', plan: [{ channel: 'email', contacts: 1 }] };
 */
export interface InteractionOptions {
  /** Model time unit and contact period (default week). */
  freq?: PeriodUnit;
  end?: string | Day;
  calibrationEnd?: string | Day;
  /** How contacts enter the main model: count, log (default) or bands. */
  transform?: ContactTransform | string;
  /** Lower edges of the contact bands of the saturation view (default 1, 2, 4: bands 1, 2-3, 4+). */
  bands?: number[];
  /** Contact plans: +contacts per period on a channel. */
  plan?: { channel: string; contacts: number }[];
  /** CLV horizon in model units (default 52) and annual discount rate (default 0.1), margin (default 1). */
  horizon?: number;
  discount?: number;
  margin?: number;
  /** Other covariates (static or time-varying) entering both processes beside the contacts. */
  covariates?: CovariateFile;
}

/**
 * One channel effect: `process` purchase or dropout; `multiplier` = e^γ per unit of the covariate
 * (a contact for `count`, a unit of log(1 + n) for `log`, being in the band rather than at 0 contacts
 * for `bands`), with its 95 % interval.
 *
 * @example
 * const e: ChannelEffect = { channel: 'email', covariate: 'log1p(email)', process: 'purchase', estimate: 0.3, se: 0.1, multiplier: 1.35, lower: 1.11, upper: 1.64, p: 0.003 };
 */
export interface ChannelEffect {
  channel: string;
  covariate: string;
  process: 'purchase' | 'dropout' | 'both';
  estimate: number;
  se: number;
  multiplier: number;
  lower: number;
  upper: number;
  p: number;
}

/**
 * Whether the data identify an effect: a finite standard error of at most 50 and |coefficient| at most 8
 * (the rule of the covariate fits' "not identified" warning, models/covariates); otherwise its multiplier
 * and interval are not shown as figures.
 *
 * @example
 * effectIdentified({ estimate: -14.1, se: NaN } as ChannelEffect); // false
 */
export function effectIdentified(e: Pick<ChannelEffect, 'estimate' | 'se'>): boolean {
  return Number.isFinite(e.se) && e.se <= 50 && Math.abs(e.estimate) <= 8;
}

/**
 * The whole analysis (the JSON of `clvkit interactions`).
 *
 * @example
 * const r: InteractionAnalysis = interactionAnalysis(table, touchpoints, { calibrationEnd: '2025-06-30' });
 * r.effects; r.lrTest.p; r.saturation; r.plan;
 */
export interface InteractionAnalysis {
  channels: string[];
  transform: string;
  freq: PeriodUnit;
  periodDays: number;
  customers: number;
  contacts: { read: number; used: number; rejected: Record<string, number>; unmatched: number; outside: number };
  models: {
    without: { params: Record<string, number>; logLikelihood: number; parameters: number };
    with: { params: Record<string, number>; logLikelihood: number; parameters: number; converged: boolean };
  };
  lrTest: LikelihoodRatioTest;
  effects: ChannelEffect[];
  saturation: (ChannelEffect & { band: string })[];
  holdout?: { periods: number; actual: number; predictedWithout: number; predictedWith: number; maeWithout: number; maeWith: number; rmseWithout: number; rmseWith: number; improvement: number };
  plan: { channel: string; contacts: number; tier: string; customers: number; clv_base: number; clv_plan: number; change_per_customer: number; change_total: number }[];
  tables: {
    contactsPerPeriod: { group: string; channel: string; customers: number; customer_periods: number; contacts: number; per_customer_period: number }[];
    followedByPurchase: { channel: string; window_days: number; contacts: number; followed: number; share: number; lower: number; upper: number }[];
    costPerContact: { channel: string; contacts: number; mean_cost: number }[];
  };
  warnings: string[];
}

function transformLabel(t: ContactTransform): string {
  return t.kind === 'bands' ? `bands:${t.edges.join(',')}` : t.kind;
}

/**
 * Other covariates on the contact grid: per customer (summary order) and contact period, the value in
 * force on the period's first day (static covariates: the customer's row).
 */
function extraCovariates(file: CovariateFile, counts: ContactCounts): { names: string[]; values: Float64Array } {
  const design = covariateMatrix(file);
  const k = design.names.length;
  const n = counts.customerIds.length;
  const P = counts.periodStarts.length;
  const values = new Float64Array(n * P * k);
  const rowsOf = new Map<string, number[]>();
  file.customerIds.forEach((id, r) => {
    let l = rowsOf.get(id);
    if (!l) rowsOf.set(id, (l = []));
    l.push(r);
  });
  let missing = 0;
  let first = '';
  counts.customerIds.forEach((id, i) => {
    const rows = rowsOf.get(id);
    if (!rows) {
      if (missing++ === 0) first = id;
      return;
    }
    if (!file.dates) {
      for (let p = 0; p < P; p++) for (let j = 0; j < k; j++) values[(i * P + p) * k + j] = design.values[rows[0] * k + j];
      return;
    }
    const sorted = rows.slice().sort((a, b) => file.dates![a] - file.dates![b]);
    let q = 0;
    for (let p = 0; p < P; p++) {
      const d = counts.periodStarts[p];
      while (q + 1 < sorted.length && file.dates[sorted[q + 1]] <= d) q++;
      for (let j = 0; j < k; j++) values[(i * P + p) * k + j] = design.values[sorted[q] * k + j];
    }
  });
  if (missing > 0) throw new ClvkitError(`${missing} customer(s) of the transactions have no covariates (first: "${first}")`, { file: file.file });
  return { names: design.names, values };
}

/** The panel of transformed contact counts (names per channel from `transformNames`), then the other covariates. */
function contactPanel(counts: ContactCounts, t: ContactTransform, extra?: { names: string[]; values: Float64Array }): { panel: CovariatePanel; channelOf: string[] } {
  const C = counts.channels.length;
  const P = counts.periodStarts.length;
  const per = transformNames('x', t).length;
  const k = C * per;
  const names: string[] = [];
  const channelOf: string[] = [];
  for (const ch of counts.channels) {
    for (const nm of transformNames(ch, t)) {
      names.push(nm);
      channelOf.push(ch);
    }
  }
  const n = counts.customerIds.length;
  const e = extra ? extra.names.length : 0;
  const kk = k + e;
  const values = new Float64Array(n * P * kk);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < P; p++) {
      for (let c = 0; c < C; c++) transformCount(counts.counts[(i * P + p) * C + c], t, values, (i * P + p) * kk + c * per);
      for (let j = 0; j < e; j++) values[(i * P + p) * kk + k + j] = extra!.values[(i * P + p) * e + j];
    }
  }
  if (extra) {
    names.push(...extra.names);
    channelOf.push(...extra.names.map(() => ''));
  }
  const source: Record<string, string> = {};
  names.forEach((nm, j) => (source[nm] = channelOf[j] || nm));
  return { panel: { names, periodStarts: counts.periodStarts, customerIds: counts.customerIds, values, reference: {}, source }, channelOf };
}

function effectsOf(m: ParetoNbdDynamicModel, channelOf: (name: string) => string): ChannelEffect[] {
  return m.coefficients.map((c) => ({
    channel: channelOf(c.name),
    covariate: c.name,
    process: c.process,
    estimate: c.estimate,
    se: c.se,
    multiplier: c.multiplier,
    lower: Math.exp(c.lower),
    upper: Math.exp(c.upper),
    p: c.p,
  }));
}

/**
 * Runs the analysis on a transaction table and a touchpoint log.
 *
 * @example
 * const r = interactionAnalysis(await readTransactions('tx.csv'), await readTouchpoints('contacts.csv'), { calibrationEnd: '2025-06-30', plan: [{ channel: 'email', contacts: 1 }] });
 */
export function interactionAnalysis(table: TransactionTable, touchpoints: TouchpointTable, options: InteractionOptions = {}): InteractionAnalysis {
  const freq = options.freq ?? 'week';
  const transform = typeof options.transform === 'string' ? parseTransform(options.transform) : options.transform ?? { kind: 'log' as const };
  const bands: ContactTransform = { kind: 'bands', edges: options.bands ?? [1, 2, 4] };
  const warnings: string[] = [];
  const summary = summarize(table, { freq, unit: 'day', end: options.end, calibrationEnd: options.calibrationEnd });
  const n = summary.customerIds.length;
  if (n === 0) throw new ClvkitError('no customers in the transactions');
  const calEnd = summary.calibrationEnd ?? summary.end;
  // the summary's `end` is the calibration end when split: the observation end adds the holdout
  let obsEnd = summary.end;
  if (summary.calibrationEnd !== undefined && summary.holdoutT) {
    let h = 0;
    for (let i = 0; i < n; i++) h = Math.max(h, summary.holdoutT[i]);
    obsEnd = summary.calibrationEnd + Math.round(h * unitDays(freq));
  }
  const dpu = unitDays(freq);
  const periodDays = Math.max(1, Math.round(dpu));
  if (periodDays !== dpu) warnings.push(`contacts are counted per ${periodDays}-day period (the model's ${freq} is ${dpu.toFixed(4)} days)`);
  let start = Infinity;
  for (let i = 0; i < n; i++) start = Math.min(start, summary.firstPurchase[i]);
  const periods = Math.floor((obsEnd - start) / periodDays) + 1;
  const counts = contactCounts(touchpoints, summary.customerIds, { start, periods, periodDays });
  if (counts.unmatched > 0) warnings.push(`${counts.unmatched} contact(s) are of customers without a purchase in the transactions and are not used`);
  if (counts.outside > 0) warnings.push(`${counts.outside} contact(s) are dated before the first purchase of any customer or after the end of observation and are not used`);
  const customers = {
    customerIds: summary.customerIds,
    frequency: summary.frequency,
    recency: summary.recency,
    T: summary.T,
    firstPurchase: summary.firstPurchase,
    repeatPurchaseDays: repeatPurchaseDays(table, summary),
    end: calEnd,
  };
  const channelNames = counts.channels;
  // without contacts, with contacts (main transform), and the bands of the saturation view
  const without = fitParetoNbd(summary);
  const extra = options.covariates ? extraCovariates(options.covariates, counts) : undefined;
  const main = contactPanel(counts, transform, extra);
  const data = dynamicCovariateData(main.panel, customers, dpu);
  const withFit = fitParetoNbdDynamic(data);
  warnings.push(...withFit.warnings);
  const lrTest = likelihoodRatioTest({ logLikelihood: withFit.logLikelihood, parameters: withFit.parameters }, { logLikelihood: without.logLikelihood, parameters: 4 });
  const effects = effectsOf(withFit, (nm) => main.panel.source[nm]);
  let saturation: (ChannelEffect & { band: string })[] = [];
  const bandPanel = contactPanel(counts, bands, extra);
  const bandData = transformLabel(transform) === transformLabel(bands) ? data : dynamicCovariateData(bandPanel.panel, customers, dpu);
  const bandFit = transformLabel(transform) === transformLabel(bands) ? withFit : fitParetoNbdDynamic(bandData);
  for (const w of bandFit.warnings) if (!warnings.includes(w)) warnings.push(`saturation view: ${w}`);
  saturation = effectsOf(bandFit, (nm) => bandPanel.panel.source[nm]).map((e) => ({ ...e, band: e.covariate.slice(e.channel.length + 1) }));

  // holdout: predicted transactions over the holdout with the contacts that happened, against the actual
  let holdout: InteractionAnalysis['holdout'];
  if (summary.holdoutFrequency && summary.calibrationEnd !== undefined) {
    const len = (obsEnd - summary.calibrationEnd) / dpu;
    const withPred = withFit.conditionalExpectedTransactionsAll(len);
    let actual = 0;
    let pw = 0;
    let pwo = 0;
    let aw = 0;
    let awo = 0;
    let sw = 0;
    let swo = 0;
    for (let i = 0; i < n; i++) {
      const y = summary.holdoutFrequency[i];
      const a = withPred[i];
      const b = without.conditionalExpectedTransactions(len, { frequency: summary.frequency[i], recency: summary.recency[i], T: summary.T[i] });
      actual += y;
      pw += a;
      pwo += b;
      aw += Math.abs(a - y);
      awo += Math.abs(b - y);
      sw += (a - y) ** 2;
      swo += (b - y) ** 2;
    }
    holdout = { periods: len, actual, predictedWithout: pwo, predictedWith: pw, maeWithout: awo / n, maeWith: aw / n, rmseWithout: Math.sqrt(swo / n), rmseWith: Math.sqrt(sw / n), improvement: 1 - aw / awo };
  } else warnings.push('no --calibration-end: the holdout comparison is not made');

  // contact plans: each customer's future periods get their mean transformed contacts (baseline) or
  // the mean of the transform of (contacts + n) on the planned channel
  const horizon = options.horizon ?? 52;
  const rate = ratePerUnit(options.discount ?? 0.1, freq);
  const margin = options.margin ?? 1;
  let spend: GammaGammaModel | undefined;
  if (table.hasAmount) {
    try {
      spend = fitGammaGamma({ frequency: summary.frequency, monetaryValue: summary.monetaryValue });
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      warnings.push(`spend not modelled (${e.message}): the plan's CLV counts transactions`);
    }
  } else warnings.push('the transactions have no amounts: the plan\'s CLV is in discounted transactions');
  const k = main.panel.names.length;
  const P = counts.periodStarts.length;
  const C = channelNames.length;
  const ke = extra ? extra.names.length : 0;
  const per = (k - ke) / C;
  const futureData = (plan?: { channel: number; contacts: number }): DynamicCovariateData => {
    const fz = new Float64Array(n * k);
    const tmp = new Float64Array(per);
    for (let i = 0; i < n; i++) {
      const p0 = Math.max(0, Math.floor((summary.firstPurchase[i] - start) / periodDays));
      const p1 = Math.min(P - 1, Math.floor((calEnd - start) / periodDays));
      const m = Math.max(1, p1 - p0 + 1);
      for (let p = p0; p <= p1; p++) {
        for (let c = 0; c < C; c++) {
          const extra = plan && plan.channel === c ? plan.contacts : 0;
          transformCount(counts.counts[(i * P + p) * C + c] + extra, transform, tmp, 0);
          for (let j = 0; j < per; j++) fz[i * k + c * per + j] += tmp[j] / m;
        }
        for (let j = 0; j < ke; j++) fz[i * k + C * per + j] += extra!.values[(i * P + p) * ke + j] / m;
      }
    }
    return { ...data, futureOffsets: Int32Array.from({ length: n + 1 }, (_, i) => i), futureLength: new Float64Array(n).fill(Infinity), futureZ: fz };
  };
  const gp = new Float64Array(k);
  const gd = new Float64Array(k);
  withFit.coefficients.forEach((c) => {
    const col = main.panel.names.indexOf(c.name);
    if (c.process !== 'dropout') gp[col] = c.estimate;
    if (c.process !== 'purchase') gd[col] = c.estimate;
  });
  // without spend, a unit spend: the CLV is then the discounted expected transactions × margin
  const spendModel = spend ?? { conditionalExpectedAverageSpend: () => 1 };
  const monetary = spend ? summary.monetaryValue : new Float64Array(n).fill(1);
  const clvOf = (d: DynamicCovariateData) =>
    dynamicPredictions(d, withFit.params, gp, gd)
      .predictCustomers({ horizon, rate, margin, spend: spendModel, monetaryValue: monetary })
      .map((r) => r.clv!);
  const plan: InteractionAnalysis['plan'] = [];
  if ((options.plan ?? []).length > 0) {
    const base = clvOf(futureData());
    const tiers = valueTiers(base);
    for (const item of options.plan ?? []) {
      const c = channelNames.indexOf(item.channel);
      if (c < 0) throw new ClvkitError(`the contact plan names channel "${item.channel}", which is not in the touchpoint log (channels: ${channelNames.join(', ')})`);
      const planned = clvOf(futureData({ channel: c, contacts: item.contacts }));
      const groups = [...tiers.names.map((nm, t) => ({ nm, t })), { nm: 'all', t: -1 }];
      for (const { nm, t } of groups) {
        let cnt = 0;
        let b = 0;
        let q = 0;
        for (let i = 0; i < n; i++) {
          if (t >= 0 && tiers.tier[i] !== t) continue;
          cnt++;
          b += base[i];
          q += planned[i];
        }
        plan.push({ channel: item.channel, contacts: item.contacts, tier: nm, customers: cnt, clv_base: b, clv_plan: q, change_per_customer: cnt > 0 ? (q - b) / cnt : NaN, change_total: q - b });
      }
    }
    warnings.push('contact plans: each customer\'s future periods take the mean of their transformed contacts over their calibration periods (the plan adds its contacts to every period); the CLV changes carry the uncertainty of the channel effects, which is not shown');
  }

  // descriptive tables
  const historical = valueTiers(summary.totalSpend);
  const tables: InteractionAnalysis['tables'] = {
    contactsPerPeriod: contactsPerPeriod(counts, summary.firstPurchase, calEnd, historical.tier, historical.names.map((t) => `${t} (historical spend)`)),
    followedByPurchase: [7, 30].flatMap((w) =>
      followedByPurchase(touchpoints, table, w, obsEnd).map((r) => {
        const ci = wilsonInterval(r.followed, r.contacts);
        return { channel: r.channel, window_days: w, contacts: r.contacts, followed: r.followed, share: ci.rate, lower: ci.lower, upper: ci.upper };
      }),
    ),
    costPerContact: touchpoints.hasCost ? channelNames.map((ch, c) => {
      let m = 0;
      let s = 0;
      for (let r = 0; r < touchpoints.length; r++) if (touchpoints.channel[r] === c && Number.isFinite(touchpoints.cost[r])) {
        m++;
        s += touchpoints.cost[r];
      }
      return { channel: ch, contacts: m, mean_cost: m > 0 ? s / m : NaN };
    }) : [],
  };
  return {
    channels: channelNames,
    transform: transformLabel(transform),
    freq,
    periodDays,
    customers: n,
    contacts: { read: touchpoints.accounting.read, used: touchpoints.accounting.used, rejected: touchpoints.accounting.rejected, unmatched: counts.unmatched, outside: counts.outside },
    models: {
      without: { params: without.params, logLikelihood: without.logLikelihood, parameters: 4 },
      with: { params: withFit.params, logLikelihood: withFit.logLikelihood, parameters: withFit.parameters, converged: withFit.converged },
    },
    lrTest,
    effects,
    saturation,
    holdout,
    plan,
    tables,
    warnings,
  };
}
