import { logit } from '../research/logistic.ts';
import { NO_DAY, type CustomerFacts } from './customers.ts';
import { mapFloat64 } from '../typed-map.ts';

/** Fewest customers for a channel to get its own dummy. */
const MIN_LEVEL = 20;

/**
 * One logistic driver model, or why it could not be fitted.
 *
 * @example
 * const [conv]: DriverModel[] = driverModels(facts, 30.4375); // conv.coefficients?.[1].odds_ratio
 */
export interface DriverModel {
  outcome: 'conversion' | 'retention';
  definition: string;
  /** Customers in the model and those with the outcome. */
  n: number;
  events: number;
  /** Customers left out and why. */
  excluded: Record<string, number>;
  /** Reference level of the channel dummies (the most frequent channel), null without channels. */
  reference_channel: string | null;
  coefficients?: { term: string; estimate: number; se: number; p: number; odds_ratio: number; or_ci: [number, number] }[];
  pseudo_r2?: number;
  lr_chi2?: number;
  lr_p?: number;
  error?: string;
}

/**
 * Logistic models of conversion (a second purchase within `conversionDays` of the first, among
 * customers observed that long) and of retention (at least one purchase in the last `activeDays`
 * before the end, among customers acquired before that window) on the acquisition channel (dummies
 * against the most frequent channel; channels with fewer than 20 customers share one dummy), the log of the first-order value (customers with a first order
 * <= 0 are left out) and the acquisition date (years since the first acquisition), with odds ratios
 * and Wald intervals from the research kit's IRLS logit (Hosmer, Lemeshow & Sturdivant 2013, §1.3).
 * A model that cannot be fitted (constant outcome, separation, too few customers) carries `error`.
 *
 * @example
 * const [conv, ret] = driverModels(customerFacts(table, end), 30.4375);
 * conv.coefficients; // [{ term: 'log_first_order_value', odds_ratio: 1.3, or_ci: [1.1, 1.5], ... }, ...]
 */
export function driverModels(facts: CustomerFacts, activeDays: number, conversionDays = 180, level = 0.95): DriverModel[] {
  let firstAcq = Infinity;
  for (const f of facts.first) if (f !== NO_DAY && f < firstAcq) firstAcq = f;
  const conv = fitDriver(facts, 'conversion', `a second purchase within ${conversionDays} days of the first, among customers acquired at least ${conversionDays} days before the end`, firstAcq, level, (c) => {
    if (facts.end - facts.first[c] < conversionDays) return 'observed less than the window';
    return facts.second[c] !== NO_DAY && facts.second[c] - facts.first[c] <= conversionDays ? 1 : 0;
  });
  const window = Math.round(activeDays);
  const ret = fitDriver(facts, 'retention', `still active at the end = at least one purchase in the last ${window} days (one period), among customers acquired before that window (P(alive) is not used here)`, firstAcq, level, (c) => {
    if (facts.first[c] > facts.end - window) return 'acquired within the last period';
    return facts.last[c] > facts.end - window ? 1 : 0;
  });
  return [conv, ret];
}

function fitDriver(
  facts: CustomerFacts,
  outcome: DriverModel['outcome'],
  definition: string,
  firstAcq: number,
  level: number,
  outcomeOf: (c: number) => number | string,
): DriverModel {
  const excluded: Record<string, number> = {};
  // the customers in the model and their outcomes, in typed arrays (a million customers: no boxed numbers)
  const all = facts.first.length;
  const kept = new Int32Array(all);
  const outcomes = new Uint8Array(all); // 0 or 1
  let m = 0;
  for (let c = 0; c < all; c++) {
    if (facts.first[c] === NO_DAY) continue;
    const v = outcomeOf(c);
    let reason = typeof v === 'string' ? v : undefined;
    if (reason === undefined && facts.hasAmount && !(facts.firstValue[c] > 0)) reason = 'first order value <= 0';
    if (reason !== undefined) {
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      continue;
    }
    kept[m] = c;
    outcomes[m++] = v as number;
  }
  const rows = kept.subarray(0, m);
  const y = outcomes.subarray(0, m);
  let events = 0;
  for (let i = 0; i < m; i++) events += y[i];
  const base: DriverModel = { outcome, definition, n: rows.length, events, excluded, reference_channel: null };
  const predictors: Float64Array[] = [];
  const names: string[] = [];
  const counts = new Map<number, number>();
  for (const c of rows) if (facts.channel[c] >= 0) counts.set(facts.channel[c], (counts.get(facts.channel[c]) ?? 0) + 1);
  if (counts.size >= 2) {
    const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    base.reference_channel = facts.channels[ordered[0][0]] ?? String(ordered[0][0]);
    // Channels with fewer than MIN_LEVEL customers share one "other channels" dummy (sparse levels separate).
    const rare = new Set(ordered.slice(1).filter(([, n]) => n < MIN_LEVEL).map(([ch]) => ch));
    for (const [ch] of ordered.slice(1)) {
      if (rare.has(ch)) continue;
      predictors.push(mapFloat64(rows, (c) => (facts.channel[c] === ch ? 1 : 0)));
      names.push(`channel: ${facts.channels[ch] ?? ch}`);
    }
    if (rare.size > 0) {
      predictors.push(mapFloat64(rows, (c) => (rare.has(facts.channel[c]) ? 1 : 0)));
      names.push('channel: other channels');
    }
  }
  if (facts.hasAmount) {
    predictors.push(mapFloat64(rows, (c) => Math.log(facts.firstValue[c])));
    names.push('log_first_order_value');
  }
  const years = mapFloat64(rows, (c) => (facts.first[c] - firstAcq) / 365.25);
  if (years.some((v) => v !== years[0])) {
    predictors.push(years);
    names.push('acquisition_years');
  }
  try {
    const fit = logit(y, predictors, names, { level, termTests: false, hc3: false });
    return {
      ...base,
      coefficients: fit.coefficients.map((k) => ({ term: k.term, estimate: k.estimate, se: k.se, p: k.p, odds_ratio: k.odds_ratio, or_ci: k.or_ci })),
      pseudo_r2: fit.r2,
      lr_chi2: fit.lr_chi2,
      lr_p: fit.lr_p,
    };
  } catch (e) {
    return { ...base, error: (e as Error).message };
  }
}
