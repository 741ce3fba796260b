/**
 * Intervals on per-customer predictions that carry the uncertainty of the estimated parameters: each
 * parameter set (draws from the asymptotic normal, or bootstrap refits: src/value/parameter-draws.ts) gives
 * every prediction again, and the interval is the central `level` range of those values (percentile
 * interval). Computed per distinct (frequency, recency, T) row, a block of rows at a time, so memory is
 * block × draws whatever the number of customers; spend and CLV, which also depend on the customer's mean
 * spend, per customer within the block.
 *
 * What it covers: the uncertainty of the model's expectation for this customer given the data (E[Y(t) | x,
 * t_x, T] with the parameters unknown). What it does not: the randomness of the customer's own future
 * purchases (see predictiveTransactionInterval), nor a wrong model.
 */
import { ClvkitError } from '../errors.ts';
import { compressSummary } from '../summary/compress.ts';
import { discountedConditionalExpectedTransactions, type PredictiveModel } from '../models/discounting.ts';
import { fittedFromBase } from '../models/saved-model.ts';
import { gammaGammaModel, type GammaGammaModel } from '../models/gammagamma.ts';
import type { FitResultBase } from '../models/types.ts';
import type { SummaryData } from '../types.ts';
import { factoredTransactions } from './factored.ts';
import { periodDiscountNodes } from './period-discounting.ts';
import { bgIntervalRows, giveInterval, SpendClvSlots, type BgIntervalDraws, type Bounds, type IntervalBounds, type IntervalRows } from './interval-rows.ts';
import { startBeside } from '../worker-beside.ts';
import { activePmfByKey } from './purchase-distribution.ts';
import { aliveFromLogOdds, aliveLogOddsFrom, betaDropoutOdds, bgExpectedActive, bgFamilyLimit, type BgFamily } from '../models/bgnbd.ts';
import { activeDiscounted, activeExpected, activeNoPurchase, BgDrawColumns } from './bg-draw-columns.ts';

/** Whether rows run in (x, T) order (the fast path computes per run of equal keys; unsorted rows stay exact but slower). */
function sortedByKey(rows: SummaryData): boolean {
  for (let i = 1; i < rows.frequency.length; i++) {
    const dx = rows.frequency[i] - rows.frequency[i - 1];
    if (dx < 0 || (dx === 0 && rows.T[i] < rows.T[i - 1])) return false;
  }
  return true;
}
import { isDiscreteTime, type ValueModel } from './value-model.ts';

export type { Bounds } from './interval-rows.ts';

/**
 * One parameter set of the transaction model (and of the spend model when there is one).
 *
 * @example
 * const d: IntervalDraw = { params: { r: 0.25, alpha: 4.1, a: 0.8, b: 2.4 }, spendParams: { p: 6, q: 3.9, v: 15 } };
 */
export interface IntervalDraw {
  params: Record<string, number>;
  spendParams?: Record<string, number>;
}


/**
 * Per-customer intervals of the predictions of `clvkit predict`, in the input's order.
 *
 * @example
 * const iv: PredictionIntervals = predictionIntervals(model, summary, draws, { horizon: 52, rate: 0, level: 0.9 });
 * iv.expectedTransactions.lower[0];
 */
export interface PredictionIntervals extends IntervalBounds {
  level: number;
  /** Parameter sets used (those whose predictions were all finite). */
  draws: number;
  /** Parameter sets skipped: a model could not be built from them. */
  failedDraws: number;
  /** How the discounting was computed in the draws, when not at every node. */
  note?: string;
  /** Distinct rows whose intervals a worker thread computed beside the calling one (absent: all in this thread). */
  rowsBeside?: number;
}

/**
 * Options of predictionIntervals: the prediction settings of predictColumns and the interval level.
 *
 * @example
 * const o: PredictionIntervalOptions = { horizon: 52, rate: ratePerUnit(0.1, 'week'), margin: 1, spend: gg, level: 0.9 };
 */
export interface PredictionIntervalOptions {
  horizon: number;
  rate: number;
  margin?: number;
  /** The fitted spend model; its draws come in IntervalDraw.spendParams. */
  spend?: GammaGammaModel;
  level: number;
  /** Distinct rows per block (memory: block × draws × 8 bytes per quantity). */
  blockRows?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * A shorter rule for Σ_j w_j g(t_j) over the discount nodes when g is smooth on [0, H]: g interpolated at the
 * N+1 Chebyshev-Lobatto points t_c = H(1 − cos(πc/N))/2 (barycentric Lagrange form, Berrut & Trefethen 2004,
 * SIAM Review 46(3), eq. 5.1 with weights (−1)^c, halved at the ends), so Σ_j w_j g(t_j) ≈ Σ_c W_c g(t_c) with
 * W_c = Σ_j w_j L_c(t_j). Exact for polynomials of degree N; checked against the full nodes before use.
 *
 * @example
 * const rule = chebyshevRule({ times: Float64Array.of(1, 2), weights: Float64Array.of(0.5, 0.5) }, 2, 4);
 */
export function chebyshevRule(nodes: { times: Float64Array; weights: Float64Array }, H: number, N: number): { times: Float64Array; weights: Float64Array } {
  const tc = Float64Array.from({ length: N + 1 }, (_, c) => (H * (1 - Math.cos((Math.PI * c) / N))) / 2);
  const bw = Float64Array.from({ length: N + 1 }, (_, c) => (c % 2 === 0 ? 1 : -1) * (c === 0 || c === N ? 0.5 : 1));
  const W = new Float64Array(N + 1);
  for (let j = 0; j < nodes.times.length; j++) {
    const t = nodes.times[j];
    const hit = tc.findIndex((v) => v === t);
    if (hit >= 0) {
      W[hit] += nodes.weights[j];
      continue;
    }
    let den = 0;
    for (let c = 0; c <= N; c++) den += bw[c] / (t - tc[c]);
    for (let c = 0; c <= N; c++) W[c] += (nodes.weights[j] * (bw[c] / (t - tc[c]))) / den;
  }
  return { times: tc, weights: W };
}

/** Predictions of one model on a block of distinct rows. */
interface RowPredictions {
  expected: Float64Array;
  alive: Float64Array;
  noPurchase: Float64Array;
  discounted?: Float64Array;
}

const FACTORED = new Set(['bgnbd', 'mbgnbd', 'paretonbd']);
/** Distinct rows from which a worker thread computes beside this one (below, its start costs more than it saves). */
const BESIDE_FROM_ROWS = 20_000;
/** Rows per claim of the shared counter: small enough that both threads finish together. */
const CHUNK_ROWS = 1024;

/**
 * The BG/NBD-family predictions of rows sorted by (x, T), the parts that depend on (x, T) once per run of
 * equal keys: E[Y(t) | x, t_x, T] = P(alive)·G(r+x, α+T, a, b+x+m, t) (FHL 2005a eq. 10; Batislam et al. 2007),
 * P(Y(t) = 0 | ·) = 1 − P(alive)(1 − NBD₀(r+x, α+T, t)) (an active customer drops out only after a purchase),
 * P(alive) from the model's own log-odds (bgnbd.ts). Undefined at a limit of the parameter space (the caller
 * then takes the general path).
 */
function bgFamilyRows(model: { model: string; params: Record<string, number> }, rows: SummaryData, horizon: number, nodes: { times: Float64Array; weights: Float64Array } | undefined): RowPredictions | undefined {
  const family = model.model as BgFamily;
  const { r, alpha, a, b } = model.params;
  if (bgFamilyLimit(family, { r, alpha, a, b })) return undefined;
  const m = family === 'mbgnbd' ? 1 : 0;
  const n = rows.frequency.length;
  const expected = new Float64Array(n);
  const alive = new Float64Array(n);
  const noPurchase = new Float64Array(n);
  const discounted = nodes ? new Float64Array(n) : undefined;
  let kx = NaN;
  let kT = NaN;
  let gH = 0;
  let gD = 0;
  let q0 = 0;
  let odds = 0;
  for (let i = 0; i < n; i++) {
    const x = rows.frequency[i];
    const T = rows.T[i];
    if (x !== kx || T !== kT) {
      kx = x;
      kT = T;
      gH = horizon === 0 ? 0 : activeExpected(r, alpha, a, b, m, x, T, horizon);
      q0 = activeNoPurchase(r, alpha, x, T, horizon);
      if (nodes) gD = activeDiscounted(r, alpha, a, b, m, x, T, nodes);
      odds = betaDropoutOdds(a, b, x, m);
    }
    // P(alive) = 1 before the first repeat purchase in the BG/NBD (FHL 2005a), as aliveLogOdds' −∞ gives
    const pa = x === 0 && m === 0 ? 1 : aliveFromLogOdds(aliveLogOddsFrom(odds, r, alpha, x, rows.recency[i], T));
    alive[i] = pa;
    expected[i] = pa * gH;
    noPurchase[i] = pa * q0 + (1 - pa);
    if (discounted) discounted[i] = pa * gD;
  }
  return { expected, alive, noPurchase, ...(discounted ? { discounted } : {}) };
}

/**
 * Expected transactions over the horizon, P(alive), P(no purchase in the horizon) and (with `nodes`) the
 * discounted expected transactions, for every row of `rows` (distinct rows). The BG/NBD family and the
 * Pareto/NBD use their factorisation (src/value/factored.ts): P(Y(t) = 0 | x, t_x, T) = 1 − P(alive)·(1 − q0),
 * with q0 = P(no purchase in t | alive, x, T) depending on (x, T) only (the posterior of an active customer;
 * FHL 2005a §5, Fader & Hardie 2005 note), found once per (x, T) from the model's own
 * conditionalProbabilityOfTransactions; other models are evaluated row by row with their own methods.
 *
 * @example
 * const p = rowPredictions(fitBgNbd(summary), compressSummary(summary), 52, undefined);
 * p.noPurchase[0];
 */
export function rowPredictions(model: PredictiveModel & Pick<ValueModel, 'model' | 'params'>, rows: SummaryData, horizon: number, nodes: { times: Float64Array; weights: Float64Array } | undefined, rate = 0): RowPredictions {
  const m = rows.frequency.length;
  const pmf = (model as { conditionalProbabilityOfTransactions?: (n: number, t: number, r: object) => number }).conditionalProbabilityOfTransactions;
  const row = (k: number) => ({ frequency: rows.frequency[k], recency: rows.recency[k], T: rows.T[k], periods: rows.T[k] });
  if ((model.model === 'bgnbd' || model.model === 'mbgnbd') && Number.isFinite(horizon) && sortedByKey(rows)) {
    const fast = bgFamilyRows(model, rows, horizon, nodes);
    if (fast) return fast;
  }
  if (FACTORED.has(model.model) && !isDiscreteTime(model) && pmf && Number.isFinite(horizon)) {
    const f = factoredTransactions(model as ValueModel, rows, nodes ?? { times: Float64Array.of(horizon), weights: Float64Array.of(1) }, horizon);
    if (f && f.expected) {
      const noPurchase = new Float64Array(m);
      const q0 = activePmfByKey(model as never, 0, horizon)!;
      for (let k = 0; k < m; k++) noPurchase[k] = 1 - f.probabilityAlive[k] * (1 - q0(rows.frequency[k], rows.T[k]));
      return { expected: f.expected, alive: f.probabilityAlive, noPurchase, ...(nodes ? { discounted: f.values } : {}) };
    }
  }
  const expected = new Float64Array(m);
  const alive = new Float64Array(m);
  const noPurchase = new Float64Array(m);
  const discounted = nodes ? new Float64Array(m) : undefined;
  for (let k = 0; k < m; k++) {
    const r = row(k);
    expected[k] = Number.isFinite(horizon) ? model.conditionalExpectedTransactions(horizon, r) : NaN;
    alive[k] = model.probabilityAlive(r);
    noPurchase[k] = pmf && Number.isFinite(horizon) ? pmf.call(model, 0, horizon, r) : NaN;
    if (discounted) {
      if (isDiscreteTime(model)) discounted[k] = rate === 0 ? expected[k] : discountedConditionalExpectedTransactions(model, r, horizon, rate);
      else {
        let s = 0;
        for (let j = 0; j < nodes!.times.length; j++) s += nodes!.weights[j] * model.conditionalExpectedTransactions(nodes!.times[j], r);
        discounted[k] = s;
      }
    }
  }
  return { expected, alive, noPurchase, ...(discounted ? { discounted } : {}) };
}

/**
 * Per-customer intervals (see the module comment) from parameter sets `draws` of the fitted `model` (and
 * of `options.spend`). `clv` = discounted expected transactions × expected spend × margin, per draw.
 *
 * @example
 * const draws = normalParameterDraws(fitted, 200, createRng(1)).map((params) => ({ params }));
 * const iv = predictionIntervals(fitted, summary, draws, { horizon: 52, rate: 0, level: 0.9 });
 */
export function predictionIntervals(
  model: FitResultBase<Record<string, number>>,
  data: SummaryData & { monetaryValue?: ArrayLike<number> },
  draws: IntervalDraw[],
  options: PredictionIntervalOptions,
): PredictionIntervals {
  const level = options.level;
  if (!(level > 0 && level < 1)) throw new ClvkitError(`the interval level must be between 0 and 1, got ${level}`);
  const margin = options.margin ?? 1;
  const H = options.horizon;
  const n = data.frequency.length;
  const wantValue = options.spend !== undefined && data.monetaryValue !== undefined;
  if (wantValue && draws.some((d) => !d.spendParams)) throw new ClvkitError('predictionIntervals: every draw needs spendParams when a spend model is given');
  let nodes = wantValue ? periodDiscountNodes(H, options.rate) : undefined;
  let ruleNote: string | undefined;
  if (nodes && nodes.times.length > 8 && (model.model === 'bgnbd' || model.model === 'mbgnbd') && !(model as { limit?: unknown }).limit) {
    // the draws evaluate the smooth time profile at a few Chebyshev points instead of every node, when that
    // reproduces the node sum at the estimates to 1e-10 (relative) for every (x, T) of the data
    const chosen = shortRule(model, data, nodes, H);
    if (chosen) {
      ruleNote = `discounting in the draws: ${chosen.times.length} Chebyshev points instead of ${nodes.times.length} nodes (max relative difference at the estimates ${chosen.error.toExponential(1)})`;
      nodes = chosen;
    }
  }
  // the models of every draw, built once; a set that cannot make a model is skipped and counted
  const models: (PredictiveModel & Pick<ValueModel, 'model' | 'params'>)[] = [];
  const spends: GammaGammaModel[] = [];
  let failed = 0;
  for (const d of draws) {
    try {
      const m = fittedFromBase({ ...model, params: d.params }) as unknown as PredictiveModel & Pick<ValueModel, 'model' | 'params'>;
      const s = wantValue ? gammaGammaModel(d.spendParams as { p: number; q: number; v: number }) : undefined;
      models.push(m);
      if (s) spends.push(s);
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      failed++;
    }
  }
  const D = models.length;
  const spendParams = spends.map((g) => g.params);
  if (D < 2) throw new ClvkitError(`prediction intervals need at least 2 usable parameter sets, got ${D} of ${draws.length}`);
  const c = compressSummary(data);
  const m = c.frequency.length;
  // distinct rows in (x, T) order, so a block holds whole runs of a key (the part of a prediction that
  // depends on (x, T) only is computed once per run); customers ordered by their row's position (counting sort)
  const perm = Int32Array.from({ length: m }, (_, k) => k).sort((i, j) => c.frequency[i] - c.frequency[j] || c.T[i] - c.T[j] || c.recency[i] - c.recency[j]);
  const posOf = new Int32Array(m);
  for (let k = 0; k < m; k++) posOf[perm[k]] = k;
  const u = { frequency: Float64Array.from(perm, (k) => c.frequency[k]), recency: Float64Array.from(perm, (k) => c.recency[k]), T: Float64Array.from(perm, (k) => c.T[k]) };
  const start = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) start[posOf[c.index[i]] + 1]++;
  for (let k = 0; k < m; k++) start[k + 1] += start[k];
  const order = new Int32Array(n);
  const fill = start.slice(0, m);
  for (let i = 0; i < n; i++) order[fill[posOf[c.index[i]]]++] = i;

  const bg: BgIntervalDraws = { family: model.model, params: models.map((d) => d.params as BgIntervalDraws['params'][number]), horizon: H, nodes };
  // undefined when the draws need the general path (a draw at a limit, an infinite horizon)
  const columns = BgDrawColumns.of(bg.family, bg.params, H, nodes);
  const bgRows = columns !== undefined;
  // many rows of the BG/NBD family: a worker thread takes chunks of rows beside this one (the work is all
  // arithmetic, which two cores do twice as fast), writing its customers' bounds into shared memory
  const shared = bgRows && m >= BESIDE_FROM_ROWS && process.env.CLVKIT_INTERVAL_WORKER !== '0';
  const doubles = () => (shared ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n));
  const bounds = (): Bounds => ({ lower: doubles(), upper: doubles() });
  const out: PredictionIntervals = {
    expectedTransactions: bounds(),
    probabilityAlive: bounds(),
    probabilityNoPurchase: bounds(),
    ...(wantValue ? { expectedSpend: bounds(), clv: bounds() } : {}),
    level,
    draws: D,
    failedDraws: failed,
    ...(ruleNote ? { note: ruleNote } : {}),
  };
  const money = data.monetaryValue;
  const rows: IntervalRows = {
    ...u,
    start,
    order,
    level,
    draws: D,
    out,
    ...(wantValue ? { spend: { params: spendParams, monetaryValue: shared && !(money instanceof Float64Array) ? Float64Array.from(money!) : money!, margin } } : {}),
  };
  const slots = wantValue ? new SpendClvSlots(rows) : undefined;
  if (columns) {
    const next = new Int32Array(new SharedArrayBuffer(4));
    const beside = shared ? startBeside<number>(new URL('./interval-rows-worker.js', import.meta.url), { rows, bg, next, chunk: CHUNK_ROWS }) : undefined;
    for (;;) {
      const k0 = Atomics.add(next, 0, CHUNK_ROWS);
      if (k0 >= m) break;
      bgIntervalRows(rows, columns, k0, Math.min(m, k0 + CHUNK_ROWS), slots);
      options.onProgress?.(Math.min(m, Atomics.load(next, 0)), m);
    }
    if (beside) {
      try {
        out.rowsBeside = beside.take();
      } catch {
        // the worker failed (it could not start, or threw): every row again in this thread, the same numbers
        bgIntervalRows(rows, columns, 0, m, wantValue ? new SpendClvSlots(rows) : undefined);
      }
    }
    return out;
  }
  const B = Math.max(1, Math.min(m, options.blockRows ?? 8192));
  const colE = new Float64Array(D);
  const colA = new Float64Array(D);
  const colP0 = new Float64Array(D);
  const colDisc = wantValue ? new Float64Array(D) : undefined;
  // other models: a block of rows under each draw in turn, stored draw-major (row j under draw d at d · b + j)
  const E = new Float64Array(B * D);
  const A = new Float64Array(B * D);
  const P0 = new Float64Array(B * D);
  const DISC = wantValue ? new Float64Array(B * D) : undefined;
  const gather = (arr: Float64Array, b: number, j: number, col: Float64Array) => {
    for (let d = 0; d < D; d++) col[d] = arr[d * b + j];
    return col;
  };
  for (let k0 = 0; k0 < m; k0 += B) {
    const k1 = Math.min(m, k0 + B);
    const block = { frequency: u.frequency.subarray(k0, k1), recency: u.recency.subarray(k0, k1), T: u.T.subarray(k0, k1) };
    const b = k1 - k0;
    for (let d = 0; d < D; d++) {
      const p = rowPredictions(models[d], block, H, nodes, options.rate);
      E.set(p.expected, d * b);
      A.set(p.alive, d * b);
      P0.set(p.noPurchase, d * b);
      if (DISC) DISC.set(p.discounted!, d * b);
    }
    for (let j = 0; j < b; j++) {
      const lo = start[k0 + j];
      const hi = start[k0 + j + 1];
      if (DISC) slots!.row(k0 + j, gather(DISC, b, j, colDisc!));
      giveInterval(gather(E, b, j, colE), D, level, order, lo, hi, out.expectedTransactions);
      giveInterval(gather(A, b, j, colA), D, level, order, lo, hi, out.probabilityAlive);
      giveInterval(gather(P0, b, j, colP0), D, level, order, lo, hi, out.probabilityNoPurchase);
    }
    options.onProgress?.(k1, m);
  }
  return out;
}

/** The shortest Chebyshev rule (8, 12, 16, 24 intervals) matching the node sums of the fitted BG/NBD-family model at every (x, T) to 1e-10. */
function shortRule(model: FitResultBase<Record<string, number>>, data: SummaryData, nodes: { times: Float64Array; weights: Float64Array }, H: number): ({ times: Float64Array; weights: Float64Array; error: number }) | undefined {
  const { r, alpha, a, b } = model.params;
  const m = model.model === 'mbgnbd' ? 1 : 0;
  const keys = new Map<number, Set<number>>();
  for (let i = 0; i < data.frequency.length; i++) {
    let set = keys.get(data.frequency[i]);
    if (!set) keys.set(data.frequency[i], (set = new Set()));
    set.add(data.T[i]);
  }
  const g = (x: number, T: number, t: number) => (t === 0 ? 0 : bgExpectedActive(r + x, alpha + T, a, b + x + m, t));
  const exact = new Map<string, number>();
  for (const [x, Ts] of keys) for (const T of Ts) {
    let s = 0;
    for (let j = 0; j < nodes.times.length; j++) s += nodes.weights[j] * g(x, T, nodes.times[j]);
    exact.set(`${x},${T}`, s);
  }
  for (const N of [8, 12, 16, 24]) {
    if (N + 1 >= nodes.times.length) return undefined;
    const rule = chebyshevRule(nodes, H, N);
    let err = 0;
    for (const [x, Ts] of keys) for (const T of Ts) {
      let s = 0;
      for (let c = 0; c < rule.times.length; c++) s += rule.weights[c] * g(x, T, rule.times[c]);
      const e = exact.get(`${x},${T}`)!;
      err = Math.max(err, Math.abs(s - e) / Math.max(Math.abs(e), 1e-300));
    }
    if (err <= 1e-10) return { ...rule, error: err };
  }
  return undefined;
}
