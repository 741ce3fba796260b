/**
 * Discounted expected transactions through the factorisation of the conditional expectation of the
 * BG/NBD family and the Pareto/NBD:
 *
 *   E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) · c(x, T) · g(t; key),
 *
 * where the time profile g depends on (x, T) only (BG/NBD, MBG/NBD) or on T only (Pareto/NBD). So
 * Σ_j w_j E[Y(t_j) | ·] = P(alive) · c · Σ_j w_j g(t_j; key): the quadrature runs once per distinct key,
 * not per distinct (x, t_x, T) row, and P(alive) scales it per row.
 */
import { bgExpectedActive } from '../models/bgnbd.ts';
import type { SummaryData } from '../types.ts';
import { rowAt, type ValueModel } from './value-model.ts';

/** One model's factorisation: coefficient c(x, T), time profile g(t; x, T) and whether g ignores x. */
export interface Factorisation {
  coef(x: number, T: number): number;
  profile(t: number, x: number, T: number): number;
  /** g depends on T only. */
  byTOnly: boolean;
}

/** [1 − (B/(B+t))^{s−1}] / (s−1), stable as s → 1 (limit log(1 + t/B)); as in src/models/paretonbd.ts. */
function powerDiff(s: number, B: number, t: number): number {
  const L = Math.log1p(t / B);
  const e = (s - 1) * L;
  return Math.abs(e) < 1e-10 ? L * (1 - e / 2) : -Math.expm1(-e) / (s - 1);
}

/**
 * The factorisation of a BG/NBD, MBG/NBD or Pareto/NBD model (its parameters as given), or undefined for another model.
 *
 * @example
 * factorisationOf(fitBgNbd(summary))?.profile(52, 2, 38.86); // G(r+2, α+38.86, a, b+2, 52)
 */
export function factorisationOf(model: ValueModel): Factorisation | undefined {
  const p = model.params;
  if (model.model === 'bgnbd' || model.model === 'mbgnbd') {
    const { r, alpha, a, b } = p;
    // MBG/NBD has the BG/NBD form with b + x + 1 (its time-0 dropout): Batislam et al. 2007, conditional expectation
    const m = model.model === 'mbgnbd' ? 1 : 0;
    // FHL 2005a eq. (10): E[Y(t)|x,t_x,T] = P(alive) · (a+b+x−1)/(a−1) [1 − ((α+T)/(α+T+t))^{r+x} 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
    return { coef: () => 1, profile: (t, x, T) => (t === 0 ? 0 : bgExpectedActive(r + x, alpha + T, a, b + x + m, t)), byTOnly: false };
  }
  if (model.model === 'paretonbd') {
    const { r, alpha, s, beta } = p;
    // Fader & Hardie 2005 note §6: E[Y(t)|·] = P(alive) · (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^{s−1}]
    return { coef: (x, T) => ((r + x) / (alpha + T)) * (beta + T), profile: (t, _x, T) => (t === 0 ? 0 : powerDiff(s, beta + T, t)), byTOnly: true };
  }
  return undefined;
}

/** Result of {@link factoredTransactions}: per row of the data. */
export interface FactoredTransactions {
  /** Σ_j w_j E[Y(t_j) | row]. */
  values: Float64Array;
  /** E[Y(H) | row] (only when a horizon was asked for). */
  expected?: Float64Array;
  probabilityAlive: Float64Array;
}

/**
 * Σ_j weights_j · E[Y(times_j) | row] for every row (and E[Y(horizon) | row] when `horizon` is given), by the
 * factorisation above, or undefined when the model has none or does not match it on a few sample rows
 * (then the caller takes the general path).
 *
 * @example
 * const f = factoredTransactions(fitBgNbd(summary), summary, discountNodes(52, 0.0018), 52);
 * f?.values[0];
 */
export function factoredTransactions(model: ValueModel, data: SummaryData, nodes: { times: Float64Array; weights: Float64Array }, horizon?: number): FactoredTransactions | undefined {
  const f = factorisationOf(model);
  if (!f || !matches(model, f, data, nodes.times)) return undefined;
  const n = data.frequency.length;
  const { times, weights } = nodes;
  const withH = horizon !== undefined && Number.isFinite(horizon);
  // key (x, T) or T -> slot; the profile sums once per slot
  const slotOf = new Int32Array(n);
  const byX = new Map<number, Map<number, number>>();
  const keyX: number[] = [];
  const keyT: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = f.byTOnly ? 0 : data.frequency[i];
    const T = data.T[i];
    let inner = byX.get(x);
    if (!inner) byX.set(x, (inner = new Map()));
    let slot = inner.get(T);
    if (slot === undefined) {
      slot = keyX.length;
      inner.set(T, slot);
      keyX.push(data.frequency[i]);
      keyT.push(T);
    }
    slotOf[i] = slot;
  }
  const k = keyX.length;
  const sum = new Float64Array(k);
  const atH = withH ? new Float64Array(k) : undefined;
  for (let q = 0; q < k; q++) {
    const x = keyX[q];
    const T = keyT[q];
    let acc = 0;
    for (let j = 0; j < times.length; j++) acc += weights[j] * f.profile(times[j], x, T);
    sum[q] = acc;
    if (atH) atH[q] = f.profile(horizon!, x, T);
  }
  // P(alive) row by row: the vectorised method would compress the (already distinct) rows again
  const alive = new Float64Array(n);
  for (let i = 0; i < n; i++) alive[i] = model.probabilityAlive(rowAt(data, i));
  const values = new Float64Array(n);
  const expected = atH ? new Float64Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const c = alive[i] * f.coef(data.frequency[i], data.T[i]);
    values[i] = c * sum[slotOf[i]];
    if (expected) expected[i] = c * atH![slotOf[i]];
  }
  return { values, expected, probabilityAlive: alive };
}

/** The factorisation reproduces the model's own E[Y(t) | row] on a few rows (guards against a model object that differs). */
function matches(model: ValueModel, f: Factorisation, data: SummaryData, times: Float64Array): boolean {
  const n = data.frequency.length;
  if (n === 0 || times.length === 0) return true;
  const t = times[times.length >> 1];
  for (const i of [0, n >> 1, n - 1]) {
    const row = rowAt(data, i);
    const want = model.conditionalExpectedTransactions(t, row);
    const got = model.probabilityAlive(row) * f.coef(row.frequency, row.T) * f.profile(t, row.frequency, row.T);
    if (!(Math.abs(got - want) <= 1e-9 * Math.abs(want) + 1e-300)) return false;
  }
  return true;
}
