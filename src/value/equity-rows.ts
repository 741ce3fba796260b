/**
 * Σ_r v_r · DET_r(θ) over distinct (x, t_x, T) rows for many parameter sets θ of one model family: the
 * work that does not depend on θ (the distinct frequencies, recencies and T, each row's (x, T) slot) is
 * done once, and each θ costs one exponential per row plus a few sums per distinct T or (x, T).
 *
 * The discounted expected transactions use the factorisation of src/value/factored.ts,
 * DET_r = P(alive | row) · c(x, T) · Σ_j w_j g(t_j; x, T), with the discount nodes (t_j, w_j) of
 * src/value/discount-nodes.ts, so the totals equal those of customerValue (same formulas, sums in
 * another order: equal to rounding).
 */
import { logF } from '../models/paretonbd.ts';
import { log1mexp, softplus } from '../models/special.ts';
import type { SummaryData } from '../types.ts';
import { factorisationOf, type Factorisation } from './factored.ts';
import type { ValueModel } from './value-model.ts';

/** Distinct values of a column and each row's index into them. */
interface Distinct {
  values: Float64Array;
  index: Int32Array;
}

function distinct(column: ArrayLike<number>): Distinct {
  const map = new Map<number, number>();
  const values: number[] = [];
  const index = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    let k = map.get(v);
    if (k === undefined) {
      k = values.length;
      map.set(v, k);
      values.push(v);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(values), index };
}

/** Groups of rows by a pair of distinct-value indices: each row's group and each group's two indices. */
function pairs(a: Int32Array, b: Int32Array, nb: number): { of: Int32Array; first: Int32Array; second: Int32Array } {
  const map = new Map<number, number>();
  const first: number[] = [];
  const second: number[] = [];
  const of = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const key = a[i] * nb + b[i];
    let k = map.get(key);
    if (k === undefined) {
      k = first.length;
      map.set(key, k);
      first.push(a[i]);
      second.push(b[i]);
    }
    of[i] = k;
  }
  return { of, first: Int32Array.from(first), second: Int32Array.from(second) };
}

/** The θ-free structure of a set of distinct rows. */
export interface RowPlan {
  rows: SummaryData;
  x: Distinct;
  tx: Distinct;
  T: Distinct;
  /** (x, T) slots. */
  xT: { of: Int32Array; first: Int32Array; second: Int32Array };
  /** (x, t_x) pairs, made on first use (Pareto/NBD). */
  xtx?: { of: Int32Array; first: Int32Array; second: Int32Array };
}

/**
 * The θ-free structure of distinct rows, to be reused by {@link rowTotal} for every parameter set.
 *
 * @example
 * const plan = rowPlan(compressSummary(summary)); // distinct x, t_x, T and the (x, T) slots
 */
export function rowPlan(rows: SummaryData): RowPlan {
  const x = distinct(rows.frequency);
  const tx = distinct(rows.recency);
  const T = distinct(rows.T);
  return { rows, x, tx, T, xT: pairs(x.index, T.index, T.values.length) };
}

/**
 * Σ_r value_r · DET_r for one fitted model (BG/NBD, MBG/NBD or Pareto/NBD with its ordinary parameters),
 * DET_r = Σ_j weights_j E[Y(times_j) | row r]; undefined when the model is another one or at a limit of
 * its parameters, or does not match the factorisation (the caller then takes customerValue's path).
 *
 * @example
 * rowTotal(fitBgNbd(summary), rowPlan(rows), rowValue, discountNodes(52, 0.0018)); // Σ CLV
 */
export function rowTotal(model: ValueModel, plan: RowPlan, value: ArrayLike<number>, nodes: { times: Float64Array; weights: Float64Array }): number | undefined {
  if ((model as { limit?: unknown }).limit !== undefined) return undefined;
  const f = factorisationOf(model);
  if (!f || !agrees(model, f, plan, nodes.times)) return undefined;
  if (model.model === 'bgnbd' || model.model === 'mbgnbd') return bgFamilyTotal(model, f, plan, value, nodes);
  if (model.model === 'paretonbd') return paretoTotal(model, f, plan, value, nodes);
  return undefined;
}

/** The factorisation reproduces the model's own E[Y(t) | row] on a few rows (as factored.ts checks). */
function agrees(model: ValueModel, f: Factorisation, plan: RowPlan, times: Float64Array): boolean {
  const { rows } = plan;
  const n = rows.frequency.length;
  const t = times.length ? times[times.length >> 1] : 1;
  for (const i of checkRows(n)) {
    const row = { frequency: rows.frequency[i], recency: rows.recency[i], T: rows.T[i] };
    const want = model.conditionalExpectedTransactions(t, row);
    const got = model.probabilityAlive(row) * f.coef(row.frequency, row.T) * f.profile(t, row.frequency, row.T);
    if (!(Math.abs(got - want) <= 1e-9 * Math.abs(want) + 1e-300)) return false;
  }
  return true;
}

/** The rows where this module's P(alive) is compared with the model's own. */
function checkRows(n: number): number[] {
  return n === 0 ? [] : [0, n >> 1, n - 1];
}

/** This module's P(alive) of row i is the model's own (to 1e-12). */
function sameAlive(model: ValueModel, rows: SummaryData, i: number, pa: number): boolean {
  const want = model.probabilityAlive({ frequency: rows.frequency[i], recency: rows.recency[i], T: rows.T[i] });
  return Math.abs(pa - want) <= 1e-12 * want + 1e-300;
}

function paretoAlive(model: ValueModel, x: number, tx: number, T: number): number {
  return model.probabilityAlive({ frequency: x, recency: tx, T });
}

/**
 * BG/NBD and MBG/NBD. P(alive) = 1/(1 + e^u), u = log(a/(b+x−1+m)) + (r+x) log((α+T)/(α+t_x)) (FHL 2005a
 * appendix; Batislam et al. 2007 with m = 1), with log(α+T) and log(α+t_x) once per distinct value. The
 * profile Σ_j w_j G(r+x, α+T, a, b+x+m, t_j) (FHL 2005a eq. 7) uses the series of bgExpectedActive,
 * G = C[(1 − (1−z)^{a−1})/(a−1) − (1−z)^{a−1} Σ_n c_n z^n], z = t/(α+T+t), whose coefficients c_n depend on
 * x and not on t or T, and whose other factors depend on (T, t) and not on x: so Σ_j w_j G = C[Σ_j w_j f_j −
 * Σ_n c_n M_n(T)] with the moments M_n(T) = Σ_j w_j (1−z_j)^{a−1} z_j^n made once per distinct T. Where the
 * series is not used (bgExpectedActive's own conditions) the profile is summed node by node.
 */
function bgFamilyTotal(model: ValueModel, f: Factorisation, plan: RowPlan, value: ArrayLike<number>, nodes: { times: Float64Array; weights: Float64Array }): number | undefined {
  const { r, alpha, a, b } = model.params;
  const m = model.model === 'mbgnbd' ? 1 : 0;
  const { times, weights } = nodes;
  const J = times.length;
  const xs = plan.x.values;
  const Ts = plan.T.values;
  const nT = Ts.length;
  const am1 = a - 1;
  const A = a + b + m - 1 - r; // C − (r + x), the same for every x
  // per distinct T: Σ_j w_j f_j, the largest z, and w_j (1−z_j)^{a−1}, z_j for the moments
  const F = new Float64Array(nT);
  const zMax = new Float64Array(nT);
  const wp = new Float64Array(nT * J);
  const zz = new Float64Array(nT * J);
  for (let k = 0; k < nT; k++) {
    const aT = alpha + Ts[k];
    let acc = 0;
    let zm = 0;
    for (let j = 0; j < J; j++) {
      const t = times[j];
      if (t === 0) continue; // G(·, 0) = 0
      const L = -Math.log1p(t / aT); // log(1 − z)
      const first = Math.abs(am1 * L) < 1e-10 ? -L * (1 + (am1 * L) / 2) : -Math.expm1(am1 * L) / am1;
      acc += weights[j] * first;
      const z = t / (aT + t);
      if (z > zm) zm = z;
      wp[k * J + j] = weights[j] * Math.exp(am1 * L);
      zz[k * J + j] = z;
    }
    F[k] = acc;
    zMax[k] = zm;
  }
  // moments per distinct T, grown as the slots need them
  const moments: Float64Array[] = new Array(nT);
  const filled = new Int32Array(nT); // M_1 .. M_filled are set
  const power = new Float64Array(nT * J); // w_j (1−z_j)^{a−1} z_j^filled
  const moment = (k: number, n: number): number => {
    let M = moments[k];
    if (!M) {
      M = moments[k] = new Float64Array(64);
      for (let j = 0; j < J; j++) power[k * J + j] = wp[k * J + j];
    }
    while (filled[k] < n) {
      const q = ++filled[k];
      if (q >= M.length) {
        const grown = new Float64Array(M.length * 2);
        grown.set(M);
        M = moments[k] = grown;
      }
      let s = 0;
      for (let j = 0; j < J; j++) s += (power[k * J + j] *= zz[k * J + j]);
      M[q] = s;
    }
    return M[n];
  };
  const slots = plan.xT;
  const nS = slots.first.length;
  const profile = new Float64Array(nS);
  for (let q = 0; q < nS; q++) {
    const x = xs[slots.first[q]];
    const k = slots.second[q];
    const C = a + b + x + m - 1;
    if (!(C > 0.05) || zMax[k] > 0.999 || A < -1 || a > 40 || C > 1e4) {
      // bgExpectedActive integrates over p here: node by node
      let acc = 0;
      for (let j = 0; j < J; j++) acc += weights[j] * f.profile(times[j], x, Ts[k]);
      profile[q] = acc;
      continue;
    }
    // Σ_n c_n M_n: c_1 = A/C, c_{n+1} = c_n (A+n)(a+n−1)/((C+n)(n+1)), stopped as bgExpectedActive stops
    let c = A / C;
    let S = c * moment(k, 1);
    for (let n = 1; n < 200000; n++) {
      c *= ((A + n) * (a + n - 1)) / ((C + n) * (n + 1));
      const term = c * moment(k, n + 1);
      S += term;
      if (Math.abs(term) <= 1e-17 * Math.abs(S) && n > 2) break;
      if (term === 0) break;
    }
    profile[q] = C * (F[k] - S);
  }
  // P(alive) per row from log(α+T), log(α+t_x) per distinct value and log(a/(b+x−1+m)) per distinct x
  const logAT = Float64Array.from(Ts, (T) => Math.log(alpha + T));
  const logAtx = Float64Array.from(plan.tx.values, (tx) => Math.log(alpha + tx));
  const odds = Float64Array.from(xs, (x) => Math.log(a / (b + (x - 1 + m))));
  const { frequency } = plan.rows;
  const xi = plan.x.index;
  const ti = plan.T.index;
  const ri = plan.tx.index;
  const slotOf = slots.of;
  let total = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    let pa = 1;
    if (x > 0 || m === 1) {
      const u = odds[xi[i]] + (r + x) * (logAT[ti[i]] - logAtx[ri[i]]);
      const e = Math.exp(-Math.abs(u)); // one exponential: e^−u when u > 0, e^u otherwise
      pa = u > 0 ? e / (1 + e) : 1 / (1 + e);
    }
    total += value[i] * pa * profile[slotOf[i]];
  }
  for (const i of checkRows(frequency.length)) {
    const x = frequency[i];
    const u = x > 0 || m === 1 ? odds[xi[i]] + (r + x) * (logAT[ti[i]] - logAtx[ri[i]]) : -Infinity;
    if (!sameAlive(model, plan.rows, i, u === -Infinity ? 1 : u > 0 ? Math.exp(-u) / (1 + Math.exp(-u)) : 1 / (1 + Math.exp(u)))) return undefined;
  }
  return total;
}

/**
 * Pareto/NBD. The profile depends on T alone (c(x, T) · Σ_j w_j g(t_j; T), Fader & Hardie 2005 note §6),
 * summed once per distinct T; P(alive) = 1/(1 + e^{l2 − l1}) with l1 = −r log(1+T/α) − x log(α+T) −
 * s log(1+T/β) and l2 = log s − log(r+s+x) + F(t_x) + log(1 − e^{F(T) − F(t_x)}) (Fader & Hardie 2005 note
 * §3, as the likelihood of src/models/paretonbd.ts computes it), with the 2F1 term F once per distinct
 * (x, t) instead of twice per row; rows where the likelihood integrates directly (its series argument at
 * t_x above 0.98) take the model's own P(alive).
 */
function paretoTotal(model: ValueModel, f: Factorisation, plan: RowPlan, value: ArrayLike<number>, nodes: { times: Float64Array; weights: Float64Array }): number | undefined {
  const { r, alpha, s, beta } = model.params;
  const { times, weights } = nodes;
  const Ts = plan.T.values;
  const xs = plan.x.values;
  const txs = plan.tx.values;
  const byT = new Float64Array(Ts.length);
  for (let k = 0; k < Ts.length; k++) {
    let acc = 0;
    for (let j = 0; j < times.length; j++) acc += weights[j] * f.profile(times[j], 0, Ts[k]);
    byT[k] = acc;
  }
  plan.xtx ??= pairs(plan.x.index, plan.tx.index, txs.length);
  const xtx = plan.xtx;
  const slots = plan.xT;
  // F at (x, T) and (x, t_x), and l1 at (x, T)
  const FT = new Float64Array(slots.first.length);
  const l1 = new Float64Array(slots.first.length);
  for (let q = 0; q < FT.length; q++) {
    const x = xs[slots.first[q]];
    const T = Ts[slots.second[q]];
    FT[q] = logF(r, alpha, s, beta, x, T);
    l1[q] = -r * Math.log1p(T / alpha) - x * Math.log(alpha + T) - s * Math.log1p(T / beta);
  }
  const Fx = new Float64Array(xtx.first.length).fill(NaN);
  const logS = Math.log(s);
  const { frequency, recency, T } = plan.rows;
  const check = new Set(checkRows(frequency.length));
  let total = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    const tx = recency[i];
    const q = slots.of[i];
    let pa: number;
    if (!(T[i] > tx)) pa = 1; // no dropout term: l2 = −∞
    else if ((alpha >= beta ? (alpha - beta) / (alpha + tx) : (beta - alpha) / (beta + tx)) > 0.98) pa = paretoAlive(model, x, tx, T[i]);
    else {
      const p = xtx.of[i];
      let fx = Fx[p];
      if (Number.isNaN(fx)) fx = Fx[p] = logF(r, alpha, s, beta, x, tx);
      const l2 = logS + (-Math.log(r + s + x) + fx + log1mexp(Math.min(FT[q] - fx, 0)));
      pa = Math.exp(l2 === -Infinity ? 0 : -softplus(l2 - l1[q]));
    }
    if (check.has(i) && !sameAlive(model, plan.rows, i, pa)) return undefined;
    total += value[i] * pa * f.coef(x, T[i]) * byT[plan.T.index[i]];
  }
  return total;
}
