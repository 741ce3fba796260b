/**
 * The search for the maximum of the correlated Pareto/NBD's profile likelihood p(θ) = max_ω LL(θ, ω),
 * θ = (r, α, s, β), and the first-order certificate that the point found is a local maximum.
 *
 * Where the best ω sits on the Sarmanov bound (Park & Fader 2004: the density g h [1 + ω(e^{-λ} − L1)
 * (e^{-μ} − L2)] stays ≥ 0 only for ω in [lo(θ), hi(θ)], see omegaBounds), p(θ) = LL(θ, bound(θ)).
 * Each bound is the pointwise min/max of two smooth branches, hi = min(1/A, 1/B), A = L1(1 − L2),
 * B = L2(1 − L1), and lo = max(−1/C, −1/D), C = (1 − L1)(1 − L2), D = L1 L2, so p has a kink where
 * the two branches meet (L1 = L2 on the upper bound, L1 + L2 = 1 on the lower). A quasi-Newton search
 * zigzags across the kink without converging; on it the problem is smooth in (r, α, s) (kinkProblem).
 */
import { DEFAULT_TOL, fitWithEngine, type LikelihoodProblem, type PreparedSummary } from './fit.ts';
import { fitParetoNbdPrepared, paretoNbdFitted, paretoNbdProblem, type ParetoNbdModel, type ParetoNbdParams } from './paretonbd.ts';
import type { FitOptions } from './types.ts';

export type Edge = 'lo' | 'hi';

/** The profile likelihood as correlatedParetoNbdProfile builds it. */
export interface Profile extends LikelihoodProblem {
  omegaAt(p: ArrayLike<number>): { omega: number; bound: Edge | undefined };
  /** ω and its bound at the last evaluation, and (after a gradient) ∂LL/∂(r, α, s, β) at fixed ω and ∂LL/∂ω. */
  last(): { omega: number; bound: Edge | undefined; g5: Float64Array | undefined };
}

/** A point of the profile: θ, its log-likelihood, the best ω and, when known, the 5-vector gradient there. */
export interface ProfilePoint {
  th: number[];
  ll: number;
  omega: number;
  bound: Edge | undefined;
  g5?: Float64Array;
}

/**
 * The two branches of the bound `edge` at θ and their gradients in (r, α, s, β) (closed form from
 * L1 = (α/(α+1))^r, L2 = (β/(β+1))^s, Park & Fader 2004): branch b = ±1/X has ∇b = −b ∇log X; the bound
 * follows branch 0 (A, or C) where gap = log X0 − log X1 > 0, branch 1 (B, or D) where gap < 0.
 *
 * @example
 * boundBranches([0.55, 10.6, 0.6, 11.7], 'hi').value; // [1/A, 1/B]; hi = min of the two
 */
export function boundBranches(th: ArrayLike<number>, edge: Edge): { value: [number, number]; grad: [Float64Array, Float64Array]; gap: number } {
  const [r, alpha, s, beta] = [th[0], th[1], th[2], th[3]];
  const c1 = r * Math.log1p(1 / alpha); // −log L1
  const c2 = s * Math.log1p(1 / beta);
  // ∇log L1 = (−log(1 + 1/α), r/(α(α+1)), 0, 0); ∇log(1 − L) = −L/(1 − L) ∇log L
  const d1 = [-Math.log1p(1 / alpha), r / (alpha * (alpha + 1))];
  const d2 = [-Math.log1p(1 / beta), s / (beta * (beta + 1))];
  const odds1 = 1 / Math.expm1(c1); // L1/(1 − L1) = 1/(e^{c1} − 1)
  const odds2 = 1 / Math.expm1(c2);
  const logL1 = -c1;
  const logL2 = -c2;
  const log1mL1 = Math.log(-Math.expm1(-c1));
  const log1mL2 = Math.log(-Math.expm1(-c2));
  // log X as (log-L1 part, log-L2 part) with the factor on ∇log L1, ∇log L2
  const parts: [number, number, number, number][] = edge === 'hi'
    ? [[logL1 + log1mL2, 1, -odds2, 0], [logL2 + log1mL1, -odds1, 1, 0]]
    : [[log1mL1 + log1mL2, -odds1, -odds2, 0], [logL1 + logL2, 1, 1, 0]];
  const sign = edge === 'hi' ? 1 : -1;
  const value: [number, number] = [0, 0];
  const grad: [Float64Array, Float64Array] = [new Float64Array(4), new Float64Array(4)];
  for (let i = 0; i < 2; i++) {
    const [logX, k1, k2] = parts[i];
    const b = sign * Math.exp(-logX);
    value[i] = b;
    grad[i][0] = -b * k1 * d1[0];
    grad[i][1] = -b * k1 * d1[1];
    grad[i][2] = -b * k2 * d2[0];
    grad[i][3] = -b * k2 * d2[1];
  }
  return { value, grad, gap: parts[0][0] - parts[1][0] };
}

/**
 * The kink of `edge` as a function of (r, α, s): β solves L2 = L1 (upper bound) or L2 = 1 − L1 (lower
 * bound). With c = r log(1 + 1/α) = −log L1 and u = −log L2 = g(c) (g(c) = c, or −log(1 − e^{−c})),
 * s log(1 + 1/β) = u gives β = 1/(e^{u/s} − 1), dβ/du = −β(1+β)/s, dβ/ds = β(1+β)u/s².
 *
 * @example
 * kinkBeta([0.55, 10.6, 0.6], 'hi').beta; // the β with L2 = L1
 */
export function kinkBeta(p: ArrayLike<number>, edge: Edge): { beta: number; db: [number, number, number] } {
  const [r, alpha, s] = [p[0], p[1], p[2]];
  const l1a = Math.log1p(1 / alpha);
  const c = r * l1a;
  const u = edge === 'hi' ? c : -Math.log(-Math.expm1(-c));
  const du = edge === 'hi' ? 1 : -1 / Math.expm1(c);
  const beta = 1 / Math.expm1(u / s);
  const dbdu = (-beta * (1 + beta)) / s;
  return { beta, db: [dbdu * du * l1a, (dbdu * du * -r) / (alpha * (alpha + 1)), (beta * (1 + beta) * u) / (s * s)] };
}

/** The kink's gap threshold: |log X0 − log X1| below it, both branches are active (rounding of a point built by kinkBeta is ~1e-16). */
const KINK_GAP = 1e-10;

/**
 * The penalised profile likelihood restricted to the kink, a smooth problem in (r, α, s) (β = kinkBeta):
 * its gradient is the profile's through β. Along the kink both branches of the bound have the same
 * derivative, so the profile's bound slope (either branch, or their mean) is exact for moves that stay on it.
 *
 * @example
 * const k = kinkProblem(profile, 'hi', start, 0);
 */
export function kinkProblem(profile: Profile, edge: Edge, start: number[], penalizer: number): LikelihoodProblem & { toTheta(p: ArrayLike<number>): number[] } {
  const toTheta = (p: ArrayLike<number>) => [p[0], p[1], p[2], kinkBeta(p, edge).beta];
  // the profile's curvature restricted to the kink at the start: Jᵀ H J, J = ∂(r, α, s, β)/∂(r, α, s)
  const H = profile.curvature;
  const J = kinkBeta(start, edge).db;
  const curvature = H && [0, 1, 2].map((i) => [0, 1, 2].map((j) => H[i][j] + J[i] * H[3][j] + H[i][3] * J[j] + J[i] * J[j] * H[3][3]));
  const ok = (b: number) => b > 0 && Number.isFinite(b);
  const pen = (th: number[]) => penalizer * (th[0] ** 2 + th[1] ** 2 + th[2] ** 2 + th[3] ** 2);
  const g4 = new Float64Array(4);
  return {
    names: ['r', 'alpha', 's'],
    initial: start.slice(0, 3),
    observations: profile.observations,
    curvature,
    toTheta,
    logLikelihood: (p) => {
      const th = toTheta(p);
      return ok(th[3]) ? profile.logLikelihood(Float64Array.from(th)) - pen(th) : -Infinity;
    },
    gradient: (p, g) => {
      const { beta, db } = kinkBeta(p, edge);
      if (!ok(beta)) return -Infinity;
      const th = [p[0], p[1], p[2], beta];
      const ll = profile.gradient!(Float64Array.from(th), g4);
      for (let k = 0; k < 4; k++) g4[k] -= 2 * penalizer * th[k];
      for (let k = 0; k < 3; k++) g[k] = g4[k] + g4[3] * db[k];
      return ll - pen(th);
    },
  };
}

/** The outcome of certifyProfileMaximum: `slope` the largest first-order gain per unit move of a log-parameter. */
export interface Certificate {
  certified: boolean;
  /** where the point is: ω inside its range, on one branch of a bound, or on the kink */
  at: 'interior' | 'branch' | 'kink';
  slope: number;
  /** on the kink: whether a move off it (onto a branch) gains more than the tolerance */
  leavesKink: boolean;
}

/**
 * A first-order certificate that θ is a local maximum of the (penalised) profile likelihood, from the
 * 5-vector gradient g5 = (∂LL/∂(r, α, s, β) at fixed ω, ∂LL/∂ω) at (θ, ω). The profile's one-sided
 * derivative in a direction d is ∇LL·d inside the ω range (envelope theorem, Milgrom & Segal 2002,
 * Econometrica 70(2)) and ∇LL·d + ∂LL/∂ω · b'(θ; d) when ω = b(θ) is on a bound (chain rule; ∂LL/∂ω ≥ 0
 * at hi, ≤ 0 at lo, else ω would move inside). With G_i = ∇LL + ∂LL/∂ω ∇b_i for the bound's branch i,
 * p'(θ; d) = min_i G_i·d over the active branches (hi is the min of its branches and ∂LL/∂ω ≥ 0, lo the
 * max and ∂LL/∂ω ≤ 0; Danskin 1967, The Theory of Max-Min, for the derivative of a min of smooth
 * functions). A local maximum has no ascent direction, p'(θ; d) ≤ 0 for all d:
 * - inside, or on one branch: the smooth gradient (∇LL, or G_i) ≈ 0;
 * - on the kink: d = t + c e_β with t tangent to the kink (G_0·t = G_1·t, since the branches agree along
 *   it), so p'(θ; d) = G·t + c·(one-sided slope in β on the side of c): the kink problem's gradient ≈ 0
 *   and both one-sided slopes ±min_i(±G_i·e_β) ≤ 0 (moving β up puts θ on one branch, down on the other).
 * "≈ 0" and "≤ 0" are per unit move of a log-parameter, to tol (1 + |LL|): the optimiser's own
 * convergence test (fit.ts), so a certified point is one where a converged optimiser may stop.
 *
 * @example
 * certifyProfileMaximum(point, 1e-9, 0).certified;
 */
export function certifyProfileMaximum(pt: ProfilePoint & { g5: Float64Array }, tol: number, penalizer = 0): Certificate {
  const { th, g5, bound } = pt;
  const penalty = penalizer * (th[0] ** 2 + th[1] ** 2 + th[2] ** 2 + th[3] ** 2);
  const scale = tol * (1 + Math.abs(pt.ll - penalty));
  const gradOf = (b?: Float64Array) => Array.from({ length: 4 }, (_, k) => g5[k] + (b ? g5[4] * b[k] : 0) - 2 * penalizer * th[k]);
  const logSlope = (G: number[]) => Math.max(...G.map((v, k) => Math.abs(v * th[k])));
  if (!bound) {
    const slope = logSlope(gradOf());
    return { certified: slope <= scale, at: 'interior', slope, leavesKink: false };
  }
  // ω pushes against its bound (bestOmega stops there only then); a sign the other way is no maximum
  if (!((bound === 'hi' ? g5[4] : -g5[4]) >= 0)) return { certified: false, at: 'branch', slope: Infinity, leavesKink: false };
  const br = boundBranches(th, bound);
  if (Math.abs(br.gap) > KINK_GAP) {
    const slope = logSlope(gradOf(br.grad[br.gap > 0 ? 0 : 1]));
    return { certified: slope <= scale, at: 'branch', slope, leavesKink: false };
  }
  const G0 = gradOf(br.grad[0]);
  const G1 = gradOf(br.grad[1]);
  const { db } = kinkBeta(th, bound);
  // tangent to the kink: the kink problem's gradient on the log scale (mean of the branches, equal up to rounding)
  const tangent = [0, 1, 2].map((k) => th[k] * (0.5 * (G0[k] + G1[k]) + 0.5 * (G0[3] + G1[3]) * db[k]));
  // off the kink: one-sided slopes per unit log β, up and down
  const up = th[3] * Math.min(G0[3], G1[3]);
  const down = th[3] * Math.min(-G0[3], -G1[3]);
  const tangential = Math.max(...tangent.map(Math.abs));
  const slope = Math.max(tangential, up, down);
  return { certified: slope <= scale, at: 'kink', slope, leavesKink: Math.max(up, down) > scale };
}

/**
 * Local optimality by perturbation (the fallback where the certificate fails): whether a relative move of
 * 1e-4 in any parameter, alone or in pairs, improves the profile likelihood by more than 1e-7 (1 + |LL|).
 *
 * @example
 * if (isImprovable(profile, th, ll)) console.log('not converged');
 */
export function isImprovable(profile: Profile, th: number[], ll: number): boolean {
  for (let k = 0; k < 4; k++) {
    for (let j = k; j < 4; j++) {
      // a single parameter moves two ways, a pair four
      const signs = j === k ? [[1, 1], [-1, 1]] : [[1, 1], [1, -1], [-1, 1], [-1, -1]];
      for (const [sk, sj] of signs) {
        const q = th.slice();
        q[k] *= 1 + 1e-4 * sk;
        if (j !== k) q[j] *= 1 + 1e-4 * sj;
        if (profile.logLikelihood(Float64Array.from(q)) > ll + 1e-7 * (1 + Math.abs(ll))) return true;
      }
    }
  }
  return false;
}

/** The result of searchProfile: the point found, evaluations used, and whether it is certified a local maximum. */
export interface ProfileSearch {
  best: ProfilePoint;
  evaluations: number;
  certified: boolean;
}

/**
 * The profile search, every evaluation counted against `budget`:
 * 1. quasi-Newton on p(θ) from the start; when its best point sits on a bound and it evaluates points
 *    across the kink from it twice, it stops (the optimum is on the kink, where it would zigzag to its budget);
 * 2. then, or when 1 ends short of the certificate after crossing the kink, the maximum along the kink
 *    (kinkProblem) from the best point;
 * 3. when no point is certified yet (a kink point with an ascent onto a branch, a point short of
 *    convergence), 1 again from the best point, without the kink stop.
 * The certificate is taken at each phase's final point (where the optimiser stopped, with the gradient it
 * evaluated there), not at the best evaluation: near the optimum the likelihoods differ by rounding only.
 * Returned: the certified point with the highest likelihood, else the best evaluation (for the caller's
 * perturbation check), which is also returned where it is above every certified point.
 *
 * @example
 * const { best, certified } = searchProfile(profile, {}, 300);
 */
export function searchProfile(profile: Profile, options: FitOptions, budget: number): ProfileSearch {
  const penalizer = options.penalizer ?? 0;
  const tol = options.tolerance ?? DEFAULT_TOL;
  const penalised = (pt: ProfilePoint) => pt.ll - penalizer * (pt.th[0] ** 2 + pt.th[1] ** 2 + pt.th[2] ** 2 + pt.th[3] ** 2);
  let evaluations = 0;
  let best: ProfilePoint | undefined; // the best evaluation
  const recent: ProfilePoint[] = []; // the last gradient evaluations: an optimiser's final point is among them
  let stopAtKink = false;
  let flips = 0; // evaluations across the kink from the best point (on the same bound) in this run of the smooth search
  let crossed = false; // in any run
  let halted = false;
  const record = (p: Float64Array, ll: number) => {
    if (!Number.isFinite(ll)) return;
    const o = profile.last();
    const pt: ProfilePoint = { th: Array.from(p), ll, omega: o.omega, bound: o.bound, g5: o.g5 ? Float64Array.from(o.g5) : undefined };
    if (pt.g5 && recent.push(pt) > 16) recent.shift();
    if (best && o.bound && best.bound === o.bound) {
      const side = Math.sign(boundBranches(p, o.bound).gap);
      if (side !== 0 && side === -Math.sign(boundBranches(best.th, best.bound).gap)) {
        crossed = true;
        if (stopAtKink && ++flips >= 2) halted = true;
      }
    }
    if (!best || penalised(pt) > penalised(best)) best = pt;
  };
  const open = () => !halted && evaluations < budget;
  const counted: Profile = {
    ...profile,
    logLikelihood: (p) => {
      if (!open()) return -Infinity;
      // the optimiser's closing value at its final point, which it has just evaluated with the gradient
      const last = recent[recent.length - 1];
      if (last && last.th.every((v, k) => v === p[k])) return last.ll;
      evaluations++;
      const ll = profile.logLikelihood(p);
      record(p, ll);
      return ll;
    },
    gradient: (p, g) => {
      if (!open()) return -Infinity;
      evaluations++;
      const ll = profile.gradient!(p, g);
      record(p, ll);
      return ll;
    },
  };
  const engine = { ...options, initial: undefined, acceptNonConverged: true, starts: 1 };
  /** The smooth search from `start`; its final point, and whether it stopped at the kink. */
  const smooth = (start: number[], kinkStop: boolean) => {
    stopAtKink = kinkStop;
    flips = 0;
    halted = false;
    const f = fitWithEngine('paretonbdcor', { ...counted, initial: start }, engine, { standardErrors: false });
    const stopped = halted;
    halted = false;
    return { th: [f.params.r, f.params.alpha, f.params.s, f.params.beta], stopped };
  };
  /** The search along the kink of `edge` from θ; its final point. */
  const kink = (from: number[], edge: Edge) => {
    stopAtKink = false;
    const k = kinkProblem(counted, edge, from, penalizer);
    try {
      const f = fitWithEngine('paretonbdcor', k, { ...engine, penalizer: 0 }, { standardErrors: false });
      return k.toTheta([f.params.r, f.params.alpha, f.params.s]);
    } catch {
      return from; // keep the point it started from
    }
  };
  const certified: ProfilePoint[] = [];
  /** The certificate at θ, from the gradient evaluated there (once more if it is not among the recent ones). */
  const consider = (th: number[]): Certificate | undefined => {
    let pt: ProfilePoint | undefined;
    for (let i = recent.length - 1; i >= 0 && !pt; i--) if (recent[i].th.every((v, k) => v === th[k])) pt = recent[i];
    if (!pt) {
      if (evaluations >= budget) return undefined;
      evaluations++;
      const ll = profile.gradient!(Float64Array.from(th), new Float64Array(4));
      const o = profile.last();
      if (!Number.isFinite(ll) || !o.g5) return undefined;
      pt = { th, ll, omega: o.omega, bound: o.bound, g5: Float64Array.from(o.g5) };
    }
    const c = certifyProfileMaximum(pt as ProfilePoint & { g5: Float64Array }, tol, penalizer);
    if (c.certified) certified.push(pt);
    return c;
  };
  const first = smooth(profile.initial, true);
  if (first.stopped && best?.bound) consider(kink(best.th, best.bound));
  else if (!consider(first.th)?.certified && crossed && best?.bound) {
    // short of the certificate on a bound after crossing the kink: the maximum may be on it
    consider(kink(best.th, best.bound));
  }
  if (!certified.length && best && evaluations < budget) {
    // a kink point with an ascent onto a branch, or a point short of convergence
    consider(smooth(best.th, false).th);
  }
  const found = certified.reduce<ProfilePoint | undefined>((a, b) => (!a || penalised(b) > penalised(a) ? b : a), undefined);
  if (!best) return { best: { th: profile.initial.slice(), ll: -Infinity, omega: 0, bound: undefined }, evaluations, certified: false };
  // a certified point below the best evaluation (beyond the optimiser's resolution) is another, lower local
  // maximum: the best evaluation is returned uncertified (so the fit never ends below its start)
  if (!found || penalised(best) - penalised(found) > tol * (1 + Math.abs(found.ll))) return { best, evaluations, certified: false };
  return { best: found, evaluations, certified: true };
}

/** A problem's analytic Hessian at θ as rows, or undefined. */
function hessianAt(problem: LikelihoodProblem, th: ArrayLike<number>): number[][] | undefined {
  if (!problem.hessian) return undefined;
  const k = th.length;
  const H = new Float64Array(k * k);
  problem.hessian(Float64Array.from(th), H, new Float64Array(k));
  return Array.from({ length: k }, (_, i) => Array.from(H.subarray(k * i, k * i + k)));
}

/**
 * The independent Pareto/NBD, the search's start and the null model of the LR test: a full fit on all
 * rows, to the optimiser's usual tolerance. With its Hessian there, the start matrix of the profile
 * search: at ω = 0 the profile is this likelihood and with the best ω its curvature in θ stays close,
 * where BFGS from a scaled identity spends most of its iterations learning it (1M customers: 24
 * profile evaluations instead of 7).
 * On large data (a reweighted subsample exists) the Pareto/NBD's own route is Newton on all rows after
 * the subsample, three analytic Hessians of ~140 ms at 1M customers; here all rows get BFGS on the
 * gradient alone (~70 ms) from the subsample's optimum and its Hessian, which converges in a few steps.
 * Where that does not converge, the Pareto/NBD's own route runs.
 *
 * @example
 * const { ind, curvature } = fitIndependentStart(prep, frequencyTimePairs(prep), {});
 */
export function fitIndependentStart(prep: PreparedSummary, pairs: Parameters<typeof paretoNbdProblem>[2], options: FitOptions): { ind: ParetoNbdModel; curvature?: number[][] } {
  const problem = paretoNbdProblem(prep, 30000, pairs);
  const fitOptions = { penalizer: options.penalizer, acceptNonConverged: options.acceptNonConverged };
  const params = (f: { params: ParetoNbdParams }) => [f.params.r, f.params.alpha, f.params.s, f.params.beta];
  if (problem.coarse) {
    // the subsample's optimum from the full problem's start, as the engine's warm start does (fit.ts)
    const coarse = fitWithEngine<ParetoNbdParams>('paretonbd', { ...problem.coarse, initial: problem.initial }, { penalizer: options.penalizer, tolerance: Math.max(options.tolerance ?? DEFAULT_TOL, 1e-8), acceptNonConverged: true }, { standardErrors: false });
    const curvature = hessianAt(problem.coarse, params(coarse));
    // the engine's closing value at its final point is the one its last gradient pass summed (the same sum)
    let last: { p: Float64Array; ll: number } | undefined;
    const logLikelihood = (p: Float64Array) => (last && last.p.every((v, k) => v === p[k]) ? last.ll : problem.logLikelihood(p));
    const gradient = (p: Float64Array, g: Float64Array) => {
      const ll = problem.gradient!(p, g);
      last = { p: Float64Array.from(p), ll };
      return ll;
    };
    const full = fitWithEngine<ParetoNbdParams>('paretonbd', { ...problem, initial: params(coarse), coarse: undefined, hessian: undefined, curvature, logLikelihood, gradient }, { ...fitOptions, acceptNonConverged: true }, { standardErrors: false });
    if (full.converged) return { ind: paretoNbdFitted(full), curvature };
  }
  const ind = fitParetoNbdPrepared(prep, fitOptions, pairs, { standardErrors: false }, problem);
  return { ind, curvature: hessianAt(problem.coarse ?? problem, params(ind)) };
}
