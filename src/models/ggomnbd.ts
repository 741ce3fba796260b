/**
 * Gamma-Gompertz/NBD model (Bemmaor & Glady 2012, "Modeling purchasing behavior with sudden
 * 'death': a flexible customer lifetime model", Management Science 58(5), 1012-1021).
 *
 * While alive, purchases follow a Poisson process with rate λ ~ Gamma(r, α). The lifetime is
 * Gompertz with hazard η b e^{bτ}, η ~ Gamma(s, β), so a customer survives to τ with probability
 * S(τ) = (β / (β + e^{bτ} - 1))^s (their eq. 3). As b → 0 with β/b fixed it is the Pareto/NBD.
 *
 * Numerics: the dropout term ∫_{t_x}^T (α+τ)^{-(r+x)} f(τ) dτ has no closed form; it is computed by
 * tanh-sinh quadrature after the substitution (α+τ)^{-(r+x)} dτ ∝ dp, which leaves a smooth
 * factor however large the frequency, and its gradient by differentiating under the integral.
 */
import type { SummaryData, SummaryRow } from '../types.ts';
import { checkPositiveParams, logNbdPmf, type TransactionModel } from './bgnbd.ts';
import { fitWithEngine, prepareSummary, subsamplePrepared, type LikelihoodProblem, type PreparedSummary } from './fit.ts';
import { fitParetoNbdPrepared, frequencyTimePairs, rowPredictions, type ParetoNbdModel } from './paretonbd.ts';
import { digamma, gammaln, integrate, integrateUnit, log1mexp, logAddExp } from './special.ts';
import type { FitOptions, FitResultBase } from './types.ts';

/**
 * GGom/NBD parameters: purchase rates Gamma(r, alpha); Gompertz lifetime scale b, with η ~ Gamma(s, beta).
 *
 * @example
 * const p: GGomNbdParams = { r: 0.553, alpha: 10.578, b: 0.0002, s: 0.603, beta: 0.0026 };
 */
export interface GGomNbdParams extends Record<string, number> {
  r: number;
  alpha: number;
  b: number;
  s: number;
  beta: number;
}

/**
 * A GGom/NBD model: fit results, predictions and DERT (by quadrature).
 *
 * @example
 * const m: GGomNbdModel = fitGGomNbd(summary);
 * m.discountedExpectedResidualTransactions({ frequency: 2, recency: 30.43, T: 38.86 }, 0.0018);
 */
export interface GGomNbdModel extends FitResultBase<GGomNbdParams>, TransactionModel {
  model: 'ggomnbd';
  /** Expected purchases after T discounted continuously at rate δ, infinite horizon (quadrature). */
  discountedExpectedResidualTransactions(row: SummaryRow, delta: number): number;
}

const NAMES = ['r', 'alpha', 'b', 's', 'beta'];
/** Quadrature nodes of the dropout integral (checked against an adaptive reference in the tests). */
const TS_STEP = 1 / 6; // 39 nodes: 1e-10 absolute on the log-likelihood at extreme rows (test)
const TAIL_STEP = 1 / 12; // 77 nodes for the tails (logTailTerm): 1e-11 at the same rows (test)
const TS_LIMIT = 3.2;
const tanhSinh = new Map<number, { p: Float64Array; q: Float64Array; logW: Float64Array }>();
/** Tanh-sinh nodes on (0, 1) (Takahasi & Mori 1974) of step h: p, 1 - p without cancellation, log weights (computed once). */
function nodes(h = TS_STEP): { p: Float64Array; q: Float64Array; logW: Float64Array } {
  const known = tanhSinh.get(h);
  if (known) return known;
  const ps: number[] = [];
  const qs: number[] = [];
  const lw: number[] = [];
  const n = Math.ceil(TS_LIMIT / h);
  for (let j = -n; j <= n; j++) {
    const u = j * h;
    const sh = (Math.PI / 2) * Math.sinh(u);
    const e = Math.exp(-2 * Math.abs(sh));
    const lo = e / (1 + e);
    const hi = 1 / (1 + e);
    const p = sh >= 0 ? hi : lo;
    const q = sh >= 0 ? lo : hi;
    const w = Math.PI * Math.cosh(u) * p * q * h; // dp/du h
    if (!(w > 0) || p === 0 || q === 0) continue;
    ps.push(p);
    qs.push(q);
    lw.push(Math.log(w));
  }
  const out = { p: Float64Array.from(ps), q: Float64Array.from(qs), logW: Float64Array.from(lw) };
  tanhSinh.set(h, out);
  return out;
}
let Q = new Float64Array(0);
let TAU = new Float64Array(0);
let VS = new Float64Array(0);
let EXPM = new Float64Array(0);
let L1P = new Float64Array(0);

/**
 * log of the dropout term plus r log α + s log β, with its gradient wrt (r, α, b, s, β) in `g`:
 * log[s b α^r β^s ∫_{t_x}^T e^{bτ} (α+τ)^{-(r+x)} (β + e^{bτ} - 1)^{-(s+1)} dτ]
 * (Bemmaor & Glady 2012, the likelihood of eq. 6, death between t_x and T).
 * With k = r+x-1, p = (1 - ((α+t_x)/(α+τ))^k) / c, c = 1 - ((α+t_x)/(α+T))^k, the weight
 * (α+τ)^{-(r+x)} dτ becomes (α+t_x)^{-k} (c/k) dp.
 */
function logDropoutTerm(r: number, alpha: number, b: number, s: number, beta: number, x: number, tx: number, T: number, g?: Float64Array): number {
  const k = r + x - 1;
  const atx = alpha + tx;
  const V = Math.log1p((T - tx) / atx);
  const kv = k * V;
  const small = Math.abs(kv) < 1e-10;
  const c = -Math.expm1(-kv);
  const ck = small ? V * (1 - kv / 2) : c / k;
  const { p: ps, q: qs, logW } = nodes();
  const NODES = ps.length;
  if (Q.length !== NODES) allocate(NODES);
  let m = -Infinity;
  const q = Q;
  const lbeta = Math.log(beta);
  const ekv = Math.exp(-kv);
  for (let i = 0; i < NODES; i++) {
    const p = ps[i];
    // v = log((α+τ)/(α+t_x)) = -log(1 - p c)/k (p V when k -> 0); 1 - p c = e^{-kV} + q c near p = 1
    const v = small ? p * V : -(p < 0.5 ? Math.log1p(-p * c) : Math.log(ekv + qs[i] * c)) / k;
    const tau = tx + atx * Math.expm1(v);
    const E = Math.expm1(b * tau);
    const l1p = Math.log1p(E / beta);
    TAU[i] = tau;
    VS[i] = v;
    EXPM[i] = E;
    L1P[i] = l1p;
    // log[e^{bτ} β^s (β+E)^{-(s+1)}] = bτ - s log(1 + E/β) - log(β + E)
    q[i] = b * tau - (s + 1) * l1p - lbeta + logW[i];
    if (q[i] > m) m = q[i];
  }
  let sum = 0;
  for (let i = 0; i < NODES; i++) {
    q[i] = Math.exp(q[i] - m);
    sum += q[i];
  }
  if (g) weightedScores(r, alpha, b, s, beta, x, atx, sum, g);
  // r log α + (1-(r+x)) log(α+t_x) = -r log(1 + t_x/α) - (x-1) log(α+t_x); the weights are on (0, 1)
  return Math.log(s * b) - r * Math.log1p(tx / alpha) - (x - 1) * Math.log(atx) + Math.log(ck) + m + Math.log(sum);
}

/**
 * log of the "alive at T" term plus r log α + s log β, with its gradient:
 * (α+T)^{-(r+x)} α^r (β/(β + e^{bT} - 1))^s (Bemmaor & Glady 2012, eq. 6).
 */
function logAliveTerm(r: number, alpha: number, b: number, s: number, beta: number, x: number, T: number, g?: Float64Array): number {
  const E = Math.expm1(b * T);
  if (g) {
    g[0] = -Math.log1p(T / alpha);
    g[1] = ((r * T) / alpha - x) / (alpha + T);
    g[2] = (-s * T * (1 + E)) / (beta + E);
    g[3] = -Math.log1p(E / beta);
    g[4] = (s * E) / (beta * (beta + E));
  }
  return -r * Math.log1p(T / alpha) - x * Math.log(alpha + T) - s * Math.log1p(E / beta);
}

function rowParts(p: GGomNbdParams, x: number, tx: number, T: number): { ll: number; logAlive: number } {
  const l1 = logAliveTerm(p.r, p.alpha, p.b, p.s, p.beta, x, T);
  const l2 = T > tx ? logDropoutTerm(p.r, p.alpha, p.b, p.s, p.beta, x, tx, T) : -Infinity;
  const lse = logAddExp(l1, l2);
  return { ll: gammaln(p.r + x) - gammaln(p.r) + lse, logAlive: l1 - lse };
}

/**
 * Per-row GGom/NBD log-likelihood (Bemmaor & Glady 2012, eq. 6), unweighted.
 *
 * @example
 * ggomNbdLogLikelihood({ r: 0.553, alpha: 10.578, b: 0.0002, s: 0.603, beta: 0.0026 }, { frequency: [2], recency: [30.43], T: [38.86] });
 */
export function ggomNbdLogLikelihood(params: GGomNbdParams, data: SummaryData): Float64Array {
  const n = data.frequency.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rowParts(params, data.frequency[i], data.recency[i], data.T[i]).ll;
  return out;
}

/**
 * log of the dropout term from t on, α^r ∫_t^∞ (α+τ)^{-(r+x)} f(τ) dτ with f the GGom lifetime density
 * s b e^{bτ} β^s (β + e^{bτ} - 1)^{-(s+1)} (Bemmaor & Glady 2012, eq. 3 differentiated), for x >= 1,
 * with its gradient wrt (r, α, b, s, β) in `g`. The death-time integral of eq. 6 over (t_x, T] is the
 * difference of this tail at t_x and at T, so it is computed once per distinct (x, t) pair, not per row.
 * With k = r+x-1 > 0 and p = 1 - ((α+t)/(α+τ))^k the weight (α+τ)^{-(r+x)} dτ is (α+t)^{-k} dp / k,
 * which leaves the density f(τ(p)) to integrate over p in (0, 1) (tanh-sinh, the nodes of logDropoutTerm;
 * k is raised to 1 when below, see the code).
 */
function logTailTerm(r: number, alpha: number, b: number, s: number, beta: number, x: number, t: number, g?: Float64Array): number {
  const k = r + x - 1;
  // a heavy-tailed weight (k < 1) would spread the nodes over scales the density never reaches: below
  // k = 1 the weight is (α+τ)^{-2} dτ and the factor ((α+τ)/(α+t))^{1-k} joins the integrand
  const kk = Math.max(k, 1);
  const at = alpha + t;
  const { q: qs, logW } = nodes(TAIL_STEP);
  const NODES = qs.length;
  if (Q.length !== NODES) allocate(NODES);
  const q = Q;
  const lbeta = Math.log(beta);
  let m = -Infinity;
  for (let i = 0; i < NODES; i++) {
    // v = log((α+τ)/(α+t)) = -log(1 - p)/kk
    const v = -Math.log(qs[i]) / kk;
    const tau = t + at * Math.expm1(v);
    const E = Math.expm1(b * tau);
    const l1p = Math.log1p(E / beta);
    TAU[i] = tau;
    VS[i] = v;
    EXPM[i] = E;
    L1P[i] = l1p;
    // log[e^{bτ} β^s (β+E)^{-(s+1)}]; far in the tail bτ and (s+1) log(1 + E/β) both overflow: the density is 0 there
    const lq = b * tau - (s + 1) * l1p - lbeta + (kk - k) * v + logW[i];
    q[i] = lq === lq ? lq : -Infinity;
    if (q[i] > m) m = q[i];
  }
  let sum = 0;
  for (let i = 0; i < NODES; i++) {
    q[i] = Math.exp(q[i] - m);
    sum += q[i];
  }
  if (g) weightedScores(r, alpha, b, s, beta, x, at, sum, g);
  // r log α - k log(α+t) = -r log(1 + t/α) - (x-1) log(α+t)
  return Math.log(s * b) - r * Math.log1p(t / alpha) - (x - 1) * Math.log(at) - Math.log(kk) + m + Math.log(sum);
}

function allocate(n: number): void {
  Q = new Float64Array(n);
  TAU = new Float64Array(n);
  VS = new Float64Array(n);
  EXPM = new Float64Array(n);
  L1P = new Float64Array(n);
}

/**
 * The gradient of log ∫ F over the nodes filled in by the last integral (F = α^r (α+τ)^{-(r+x)} f(τ)):
 * the F-weighted mean of ∇ log F (differentiation under the integral; the limits do not move).
 */
function weightedScores(r: number, alpha: number, b: number, s: number, beta: number, x: number, a0: number, sum: number, g: Float64Array): void {
  const la0 = Math.log(a0);
  const lalpha = Math.log(alpha);
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let g3 = 0;
  let g4 = 0;
  for (let i = 0; i < Q.length; i++) {
    const wt = Q[i] / sum;
    if (wt === 0) continue;
    const v = VS[i];
    const tau = TAU[i];
    const E = EXPM[i];
    const bE = beta + E;
    // log(1 + τ/α) = log(α+t0) + v - log α; α + τ = (α+t0) e^v; (1+E)/(β+E) -> 1 as E overflows
    g0 -= wt * (la0 + v - lalpha);
    g1 += wt * (r / alpha - (r + x) / (a0 * Math.exp(v)));
    g2 += wt * tau * (1 - (s + 1) * (E > 1e300 ? 1 : (1 + E) / bE));
    g3 -= wt * L1P[i];
    g4 += wt * (s / beta - (s + 1) / bE);
  }
  g[0] = g0;
  g[1] = g1;
  g[2] = g2 + 1 / b;
  g[3] = g3 + 1 / s;
  g[4] = g4;
}

/**
 * The weighted GGom/NBD likelihood over a prepared summary with its analytic gradient (the
 * Hessian for the standard errors is differenced from it). The alive term depends on (x, T) and the
 * dropout term, for x >= 1, on the tails at (x, t_x) and (x, T) (logTailTerm): both are computed once
 * per distinct (frequency, time) pair per evaluation and shared by the rows; rows with x = 0 integrate
 * over (0, T] directly (logDropoutTerm), and so do all rows when the pairs are nearly as many as the
 * rows (continuous times), where the tails would cost more. Large summaries get a reweighted subsample as warm start.
 *
 * @example
 * const problem = ggomNbdProblem(prepareSummary(summary, 'ggomnbd'));
 */
export function ggomNbdProblem(prep: PreparedSummary, initial?: number[], coarseRows = 20000, pairs = frequencyTimePairs(prep)): LikelihoodProblem {
  const { frequency, recency, T, weights, rows, distinctFrequencies: xs, frequencyIndex: fi } = prep;
  const K = xs.length;
  const wx = new Float64Array(K);
  for (let i = 0; i < rows; i++) wx[fi[i]] += weights[i];
  const { x: ptX, t: ptT, atT: idxT, atRecency: idxR, count: M } = pairs;
  // which pairs need the tail (x >= 1, as t_x or T of a row with a dropout term) and the alive term (as T)
  const needTail = new Uint8Array(M);
  const needAlive = new Uint8Array(M);
  let dropoutRows = 0;
  for (let i = 0; i < rows; i++) {
    needAlive[idxT[i]] = 1;
    if (frequency[i] >= 1 && T[i] > recency[i]) {
      needTail[idxT[i]] = needTail[idxR[i]] = 1;
      dropoutRows++;
    }
  }
  // two tails of 77 nodes per row when times are continuous: then integrate each row over (t_x, T] (39 nodes)
  let tails = 0;
  for (let j = 0; j < M; j++) tails += needTail[j];
  const useTails = tails * nodes(TAIL_STEP).q.length < dropoutRows * nodes().q.length;
  if (!useTails) needTail.fill(0);
  const aVal = new Float64Array(M);
  const aG = new Float64Array(5 * M);
  const tVal = new Float64Array(M);
  const tG = new Float64Array(5 * M);
  const g1 = new Float64Array(5);
  const g2 = new Float64Array(5);
  const compute = (p: Float64Array, grad?: Float64Array): number => {
    const [r, alpha, b, s, beta] = p;
    let ll = 0;
    if (grad) grad.fill(0);
    const lgr = gammaln(r);
    const psiR = grad ? digamma(r) : 0;
    for (let k = 0; k < K; k++) {
      ll += wx[k] * (gammaln(r + xs[k]) - lgr);
      if (grad) grad[0] += wx[k] * (digamma(r + xs[k]) - psiR);
    }
    for (let j = 0; j < M; j++) {
      if (needAlive[j]) {
        aVal[j] = logAliveTerm(r, alpha, b, s, beta, ptX[j], ptT[j], grad ? g1 : undefined);
        if (grad) aG.set(g1, 5 * j);
      }
      if (needTail[j]) {
        tVal[j] = logTailTerm(r, alpha, b, s, beta, ptX[j], ptT[j], grad ? g1 : undefined);
        if (grad) tG.set(g1, 5 * j);
      }
    }
    for (let i = 0; i < rows; i++) {
      const w = weights[i];
      const x = frequency[i];
      const jT = idxT[i];
      const l1 = aVal[jT];
      if (!(T[i] > recency[i])) {
        ll += w * l1;
        if (grad) for (let a = 0; a < 5; a++) grad[a] += w * aG[5 * jT + a];
        continue;
      }
      let l2: number;
      if (x === 0 || !useTails) {
        l2 = logDropoutTerm(r, alpha, b, s, beta, x, recency[i], T[i], grad ? g2 : undefined);
      } else {
        // ∫_{t_x}^T = tail(t_x) - tail(T): log tail(t_x) + log(1 - ρ), ρ = tail(T)/tail(t_x) < 1
        const jR = idxR[i];
        const diff = Math.min(tVal[jT] - tVal[jR], 0);
        l2 = tVal[jR] + log1mexp(diff);
        if (grad && l2 > -Infinity) {
          const rho = Math.exp(diff);
          const inv = 1 / -Math.expm1(diff);
          for (let a = 0; a < 5; a++) g2[a] = (tG[5 * jR + a] - rho * tG[5 * jT + a]) * inv;
        }
      }
      const lse = logAddExp(l1, l2);
      ll += w * lse;
      if (grad) {
        const w1 = Math.exp(l1 - lse);
        const w2 = 1 - w1;
        for (let a = 0; a < 5; a++) grad[a] += w * (w1 * aG[5 * jT + a] + (w2 > 0 ? w2 * g2[a] : 0));
      }
    }
    return ll;
  };
  let coarse: LikelihoodProblem | undefined | null = null;
  return {
    names: NAMES.slice(),
    initial: initial ?? defaultInitial(prep),
    observations: prep.customers,
    logLikelihood: (p) => compute(p),
    gradient: (p, g) => compute(p, g),
    // built when the optimiser asks for it (not when the fit stops at the Pareto/NBD limit)
    get coarse() {
      if (coarse === null) coarse = prep.rows > 2 * coarseRows ? ggomNbdProblem(subsamplePrepared(prep, coarseRows), initial, coarseRows) : undefined;
      return coarse;
    },
  };
}

function defaultInitial(prep: PreparedSummary): number[] {
  let sx = 0;
  let sT = 0;
  let maxT = 0;
  for (let i = 0; i < prep.rows; i++) {
    sx += prep.weights[i] * prep.frequency[i];
    sT += prep.weights[i] * prep.T[i];
    if (prep.T[i] > maxT) maxT = prep.T[i];
  }
  const r = 0.5;
  const alpha = Math.min(Math.max(r / Math.max(sx / Math.max(sT, 1e-12), 1e-12), 1e-3), 1e6);
  // near the Pareto/NBD limit: b small, β/b = mean T
  const b = 0.1 / Math.max(maxT, 1e-6);
  return [r, alpha, b, 0.5, b * Math.max(sT / prep.customers, 1e-3)];
}

/** Survival to u of a customer whose η ~ Gamma(s, β): (β/(β + e^{bu} - 1))^s (Bemmaor & Glady 2012, eq. 3). */
function survival(b: number, s: number, beta: number, u: number): number {
  return Math.exp(-s * Math.log1p(Math.expm1(b * u) / beta));
}

/**
 * Prediction methods of a GGom/NBD model. A customer alive at T with x purchases is a new customer
 * of parameters (r+x, α+T, b, s, (β + e^{bT} - 1) e^{-bT}) (the Gamma posteriors of λ and η).
 *
 * @example
 * ggomNbdPredictions({ r: 0.553, alpha: 10.578, b: 0.0002, s: 0.603, beta: 0.0026 }).expectedTransactions(39);
 */
export function ggomNbdPredictions(params: GGomNbdParams): TransactionModel & Pick<GGomNbdModel, 'discountedExpectedResidualTransactions'> {
  const { r, alpha, b, s, beta } = params;
  const palive = (x: number, tx: number, T: number) => Math.exp(rowParts(params, x, tx, T).logAlive);
  // E[X(t)] = (r/α) ∫_0^t S(u) du: Poisson purchases while alive (Bemmaor & Glady 2012, eq. 8)
  const expected = (rr: number, aa: number, bb: number, t: number) => (t === 0 ? 0 : (rr / aa) * integrate((u) => survival(b, s, bb, u), 0, t, 8, 20));
  const postBeta = (T: number) => (beta + Math.expm1(b * T)) * Math.exp(-b * T);
  const condExp = (t: number, x: number, tx: number, T: number) => (t === 0 ? 0 : palive(x, tx, T) * expected(r + x, alpha + T, postBeta(T), t));
  // P(X(t) = n) = NBD(n; t) S(t) + ∫_0^t NBD(n; τ) f(τ) dτ, f = -S' the lifetime density
  const pmf = (rr: number, aa: number, bb: number, n: number, t: number) => {
    if (!(n >= 0) || Math.floor(n) !== n) return 0;
    if (t === 0) return n === 0 ? 1 : 0;
    const alive = Math.exp(logNbdPmf(n, rr, aa, t)) * survival(b, s, bb, t);
    const dead = integrate((tau) => {
      const E = Math.expm1(b * tau);
      const lf = Math.log(s * b) + b * tau - s * Math.log1p(E / bb) - Math.log(bb + E);
      return Math.exp(logNbdPmf(n, rr, aa, tau) + lf);
    }, 0, t, 8, 20);
    return alive + dead;
  };
  // DERT = P(alive) (r+x)/(α+T) ∫_0^∞ e^{-δu} S_post(u) du; u = -log(1-v)/δ maps it onto (0, 1)
  const dert = (x: number, tx: number, T: number, delta: number) => {
    const bb = postBeta(T);
    const integral = integrateUnit((_p, q) => survival(b, s, bb, -Math.log(q) / delta)) / delta;
    return palive(x, tx, T) * ((r + x) / (alpha + T)) * integral;
  };
  return rowPredictions({
    expected: (t) => expected(r, alpha, beta, t),
    palive,
    condExp,
    pmf: (n, t) => pmf(r, alpha, beta, n, t),
    // dead -> 0 purchases; alive -> the new-customer pmf with the posterior parameters
    condPmf: (n, t, x, _tx, T) => {
      const pa = palive(x, _tx, T);
      return pa * pmf(r + x, alpha + T, postBeta(T), n, t) + (n === 0 ? 1 - pa : 0);
    },
    dert,
  });
}

/**
 * A GGom/NBD model from known parameters (no fitting): predictions only.
 *
 * @example
 * ggomNbdModel({ r: 0.553, alpha: 10.578, b: 0.0002, s: 0.603, beta: 0.0026 }).probabilityAlive({ frequency: 2, recency: 30.43, T: 38.86 });
 */
export function ggomNbdModel(params: GGomNbdParams): GGomNbdModel {
  checkPositiveParams('ggomnbd', params, NAMES);
  const p = { r: params.r, alpha: params.alpha, b: params.b, s: params.s, beta: params.beta };
  return {
    model: 'ggomnbd',
    params: p,
    standardErrors: { r: NaN, alpha: NaN, b: NaN, s: NaN, beta: NaN },
    logLikelihood: NaN,
    converged: false,
    iterations: 0,
    aic: NaN,
    bic: NaN,
    customers: 0,
    warning: 'built from parameters, not fitted',
    ...ggomNbdPredictions(p),
  };
}

/**
 * Fits the GGom/NBD model by maximum likelihood on the compressed summary, starting from the
 * Pareto/NBD fit it contains. The Pareto/NBD is its limit b -> 0 with β/b fixed (Bemmaor & Glady
 * 2012, §2): when the likelihood falls as b leaves 0 along that ray from the Pareto/NBD optimum, the
 * maximum is that limit (the gradient in the other parameters is 0 there), and the fit stops at it
 * and says so instead of walking b towards 0; otherwise the optimiser starts near it.
 *
 * @example
 * const m = fitGGomNbd({ frequency, recency, T });
 * m.params; // CDNOW: r 0.553, alpha 10.578, b 0.0002, s 0.603, beta 0.0026; LL -9594.98 (Bemmaor & Glady 2012, Table 2)
 */
export function fitGGomNbd(data: SummaryData, options: FitOptions = {}): GGomNbdModel {
  const prep = prepareSummary(data, 'ggomnbd');
  let maxT = 0;
  for (let i = 0; i < prep.rows; i++) maxT = Math.max(maxT, prep.T[i]);
  const pairs = frequencyTimePairs(prep);
  let pnbd: ParetoNbdModel | undefined;
  try {
    pnbd = fitParetoNbdPrepared(prep, { penalizer: options.penalizer }, pairs);
  } catch {
    pnbd = undefined; // the data-driven start
  }
  // b small enough that bT <= 1e-8 over the data: the Pareto/NBD to first order in b
  const b0 = 1e-8 / Math.max(maxT, 1e-6);
  // the optimiser's start when the limit is not the maximum: bT = 1e-2, β/b the Pareto/NBD β
  const initial = pnbd ? [pnbd.params.r, pnbd.params.alpha, 1e6 * b0, pnbd.params.s, 1e6 * b0 * pnbd.params.beta] : undefined;
  const problem = ggomNbdProblem(prep, initial, 20000, pairs);
  if (pnbd && pnbd.converged && !pnbd.limit && !options.initial && !(options.penalizer! > 0)) {
    const atLimit = paretoNbdLimitFit(problem, pnbd, b0);
    if (atLimit) return { ...atLimit, model: 'ggomnbd', ...ggomNbdPredictions(atLimit.params) };
  }
  const base = fitWithEngine<GGomNbdParams>('ggomnbd', problem, options);
  return { ...base, model: 'ggomnbd', ...ggomNbdPredictions(base.params) };
}

/**
 * The GGom/NBD fit at its Pareto/NBD limit, or undefined when the likelihood rises as b leaves 0. The
 * slope is d LL/db along β = b β_P, from the analytic gradient: ∂/∂b + β_P ∂/∂β, at b = b0 (bT <= 1e-8
 * over the data, where the likelihood equals the limit's to about 1e-9 per customer; the slope is
 * stable there: on CDNOW -7.2368 at bT = 1e-8 and -7.2371 at 1e-6). That point is returned: r, α, s and
 * their standard errors are the Pareto/NBD's, b and β have none.
 */
function paretoNbdLimitFit(problem: LikelihoodProblem, pnbd: ParetoNbdModel, b0: number): FitResultBase<GGomNbdParams> | undefined {
  const { r, alpha, s, beta: betaP } = pnbd.params;
  const g = new Float64Array(5);
  const b = b0;
  const ll = problem.gradient!(Float64Array.of(r, alpha, b, s, b * betaP), g);
  const slope = g[2] + betaP * g[4];
  if (!Number.isFinite(ll) || !(slope <= 0)) return undefined;
  const params: GGomNbdParams = { r, alpha, b, s, beta: b * betaP };
  const fmt = (v: number) => Number(v.toPrecision(4)).toString();
  const warning =
    `b = ${fmt(b)} at the edge of the parameter space: the likelihood is highest in the Pareto/NBD limit (b -> 0 with beta/b = ${fmt(betaP)} fixed; ` +
    `it falls as b grows from 0, slope ${fmt(slope)} per unit of b), so the data show no Gompertz ageing and do not identify b and beta apart; ` +
    'the fit stops at the limit (predictions are the Pareto/NBD\'s), with the Pareto/NBD standard errors for r, alpha, s and none for b and beta';
  const n = problem.observations;
  return {
    model: 'ggomnbd',
    params,
    logLikelihood: ll,
    standardErrors: { r: pnbd.standardErrors.r, alpha: pnbd.standardErrors.alpha, b: NaN, s: pnbd.standardErrors.s, beta: NaN },
    converged: true,
    iterations: pnbd.iterations,
    aic: 10 - 2 * ll,
    bic: 5 * Math.log(n) - 2 * ll,
    customers: n,
    warning: [warning, ...(pnbd.warning ? [`Pareto/NBD: ${pnbd.warning}`] : [])].join('; '),
  };
}
