/**
 * Pareto/NBD with time-varying covariates (Bachmann, Meierer & Näf 2021, "The role of time-varying
 * contextual factors in latent attrition models for customer base analysis", Marketing Science
 * 40(4), §3): while alive a customer buys at rate λ e^{γ_p'z_p(t)} and drops out with hazard
 * μ e^{γ_d'z_d(t)}, λ ~ Gamma(r, α), μ ~ Gamma(s, β), covariates constant within each period.
 * With A(t) = ∫_0^t e^{γ_p'z_p}, C(t) = ∫_0^t e^{γ_d'z_d} (their eq. for the integrated rates),
 * one customer's likelihood is
 *   L = Γ(r+x)α^rβ^s/Γ(r) · e^{γ_p'Σ_j z_p(t_j)} · [ (α+A(T))^{−(r+x)} (β+C(T))^{−s}
 *       + s ∫_{t_x}^T (α+A(u))^{−(r+x)} e^{γ_d'z_d(u)} (β+C(u))^{−(s+1)} du ],
 * the Pareto/NBD likelihood (Fader & Hardie 2005 note, §3) with time measured by A and C. The
 * integral is summed over the pieces where the covariates are constant, each by Gauss–Legendre
 * quadrature sized to the integrand's variation over it (at most e^{0.25} per sub-interval, which
 * leaves a relative error below 1e-12). With no covariates (A = C = t) this is the Pareto/NBD.
 */
import { ClvkitError } from '../../errors.ts';
import { fitParetoNbd } from '../paretonbd.ts';
import { predictCustomers, type CustomerPrediction, type SpendModel } from '../discounting.ts';
import { digamma, gammaln, gaussLegendre, logAddExp } from '../special.ts';
import type { DynamicCovariateData } from './panel.ts';
import { compressCustomers, pieceVectors } from './dynamic-compress.ts';
import { covarianceFromHessian, hessianByDifferences, maximizeBfgs, newtonStep, type GradientObjective } from './newton.ts';
import { Z95, covariateSlots, type Coefficient, type CovariateSpec } from './static-fit.ts';
import { normalCdf } from '../../stdlib.ts';

/**
 * Quadrature rule by the integrand's variation v over a sub-interval (its log-variation plus twice the
 * largest relative change of α+A or β+C, which bounds the curvature of the power laws): the
 * Gauss–Legendre error terms (DLMF 3.5.15) stay below about 1e-12 relative with 2 nodes up to
 * v = 0.01, 3 up to 0.1 and 4 up to 0.5; longer pieces are split.
 */
const MAX_VARIATION = 0.5;

/** Nats of headroom above the integrand when the running sums are rescaled (they stay below e^{-headroom} per node, far from overflow). */
const RESCALE_HEADROOM = 2;

const GL2 = gaussLegendre(2);
const GL3 = gaussLegendre(3);
const GL4 = gaussLegendre(4);

/**
 * A Pareto/NBD fitted with time-varying covariates.
 *
 * @example
 * const m: ParetoNbdDynamicModel = fitParetoNbdDynamic(data);
 * m.coefficients; m.probabilityAliveAll();
 */
export interface ParetoNbdDynamicModel {
  model: 'paretonbd';
  covariates: 'dynamic';
  params: { r: number; alpha: number; s: number; beta: number };
  standardErrors: { r: number; alpha: number; s: number; beta: number };
  coefficients: Coefficient[];
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  parameters: number;
  aic: number;
  bic: number;
  customers: number;
  covariance: number[][];
  parameterNames: string[];
  reference: Record<string, string>;
  warnings: string[];
  design: { names: string[]; purchase: string[]; dropout: string[]; constrained: string[] };
  /** P(alive at T) per customer of the data. */
  probabilityAliveAll(): Float64Array;
  /** E[Y(t) | history] per customer, with the covariates after T from the data's future pieces. */
  conditionalExpectedTransactionsAll(t: number): Float64Array;
  /** The rows of `clvkit predict` for the data's customers. */
  predictCustomers(options: { horizon: number; rate: number; margin?: number; spend?: SpendModel; monetaryValue?: ArrayLike<number> }): CustomerPrediction[];
}

/**
 * One coefficient of the dynamic model: its design column and the process(es) it enters.
 *
 * @example
 * const slot: DynamicSlot = { name: 'High.Season', process: 'purchase', column: 0 };
 */
export interface DynamicSlot {
  name: string;
  process: 'purchase' | 'dropout' | 'both';
  column: number;
}

/** The coefficient slots of a panel: the same resolution as the static fit's. */
function resolveSlots(data: DynamicCovariateData, spec: CovariateSpec) {
  return covariateSlots(data, spec);
}

/**
 * The log-likelihood of the dynamic model with its analytic gradient in θ = (log r, log α, log s,
 * log β, coefficients), over the customers `from`..`to`-1 (all by default) with optional weights.
 *
 * @example
 * const f = dynamicObjective(data, slots);
 * f.evaluate(theta, grad);
 */
export function dynamicObjective(data: DynamicCovariateData, list: DynamicSlot[], rows?: Int32Array, weights?: Float64Array, llOut?: Float64Array): GradientObjective & { outer?: Float64Array } {
  const k = data.names.length;
  const K = 4 + list.length;
  const n = data.frequency.length;
  const gp = new Float64Array(k);
  const gd = new Float64Array(k);
  const pIdx = new Int32Array(k).fill(-1);
  const dIdx = new Int32Array(k).fill(-1);
  list.forEach((s, m) => {
    if (s.process !== 'dropout') pIdx[s.column] = 4 + m;
    if (s.process !== 'purchase') dIdx[s.column] = 4 + m;
  });
  const usedP = Int32Array.from([...Array(k).keys()].filter((c) => pIdx[c] >= 0));
  const usedD = Int32Array.from([...Array(k).keys()].filter((c) => dIdx[c] >= 0));
  const nP = usedP.length;
  const nD = usedD.length;
  // e^{γ_p'z} and γ_d'z once per distinct covariate vector and evaluation, not once per piece
  const vectors = pieceVectors(data);
  const nv = vectors ? vectors.count : 0;
  const mpV = new Float64Array(nv);
  const ldV = new Float64Array(nv);
  const mdV = new Float64Array(nv);
  const dA = new Float64Array(k);
  const dC = new Float64Array(k);
  // accumulators: [r, α, s, β] then purchase γ (k), then dropout γ (k)
  const acc = new Float64Array(4 + 2 * k);
  const g1 = new Float64Array(4 + 2 * k);
  const gi = new Float64Array(4 + 2 * k);
  const count = rows ? rows.length : n;
  const gTheta = new Float64Array(K);
  const self: GradientObjective & { outer?: Float64Array } = {
    k: K,
    outer: undefined,
    evaluate(theta, grad) {
      const outerProduct: Float64Array | undefined = self.outer;
      if (outerProduct) outerProduct.fill(0);
      const z = data.z;
      const r = Math.exp(theta[0]);
      const alpha = Math.exp(theta[1]);
      const s = Math.exp(theta[2]);
      const beta = Math.exp(theta[3]);
      if (![r, alpha, s, beta].every((v) => v > 0 && Number.isFinite(v))) return -Infinity;
      gp.fill(0);
      gd.fill(0);
      for (let e = 0; e < nP; e++) gp[usedP[e]] = theta[pIdx[usedP[e]]];
      for (let e = 0; e < nD; e++) gd[usedD[e]] = theta[dIdx[usedD[e]]];
      if (vectors) {
        const vz = vectors.z;
        for (let v = 0; v < nv; v++) {
          let ep = 0;
          let ed = 0;
          for (let e = 0; e < nP; e++) ep += gp[usedP[e]] * vz[v * k + usedP[e]];
          for (let e = 0; e < nD; e++) ed += gd[usedD[e]] * vz[v * k + usedD[e]];
          mpV[v] = Math.exp(ep);
          ldV[v] = ed;
          mdV[v] = Math.exp(ed);
        }
      }
      const vid = vectors ? vectors.id : undefined;
      grad.fill(0);
      let total = 0;
      const la = Math.log(alpha);
      const lb = Math.log(beta);
      const psiR = digamma(r);
      const lgR = gammaln(r);
      for (let q = 0; q < count; q++) {
        const i = rows ? rows[q] : q;
        const w = weights ? weights[q] : 1;
        const x = data.frequency[i];
        const tx = data.recency[i];
        const T = data.T[i];
        const o0 = data.offsets[i];
        const o1 = data.offsets[i + 1];
        // forward pass: A, C and their γ-derivatives; the dropout integral over (t_x, T]
        let A = 0;
        let C = 0;
        dA.fill(0);
        dC.fill(0);
        let ref = -Infinity;
        let sum = 0;
        acc.fill(0);
        let u0 = 0;
        const rx = r + x;
        for (let p = o0; p < o1; p++) {
          const len = data.length[p];
          const zOff = p * k;
          let m1: number;
          let lmd: number;
          let m2: number;
          if (vid) {
            const v = vid[p];
            m1 = mpV[v];
            lmd = ldV[v];
            m2 = mdV[v];
          } else {
            let ep = 0;
            lmd = 0;
            for (let e = 0; e < nP; e++) ep += gp[usedP[e]] * z[zOff + usedP[e]];
            for (let e = 0; e < nD; e++) lmd += gd[usedD[e]] * z[zOff + usedD[e]];
            m1 = Math.exp(ep);
            m2 = Math.exp(lmd);
          }
          const u1 = u0 + len;
          if (u1 > tx && T > tx && len > 0) {
            const lo = Math.max(u0, tx);
            const Alo = A + m1 * (lo - u0);
            const Clo = C + m2 * (lo - u0);
            const Ahi = A + m1 * len;
            const Chi = C + m2 * len;
            const ra = (Ahi - Alo) / (alpha + Alo);
            const rb = (Chi - Clo) / (beta + Clo);
            const variation = rx * Math.log1p(ra) + (s + 1) * Math.log1p(rb) + 2 * Math.max(ra, rb);
            const parts = variation <= MAX_VARIATION ? 1 : Math.ceil(variation / MAX_VARIATION);
            const per = variation / parts;
            const rule = per <= 0.01 ? GL2 : per <= 0.1 ? GL3 : GL4;
            const h = (u1 - lo) / parts;
            // node sums of f, f/(α+A), f·du/(α+A), f/(β+C), f·du/(β+C): the γ-derivatives of the piece
            // are linear in them (dA(u) = dA_a + m_p du z), so each node costs O(1), not O(k)
            let s0 = 0;
            let s1 = 0;
            let s2 = 0;
            let s3 = 0;
            let s4 = 0;
            for (let part = 0; part < parts; part++) {
              const a = lo + part * h;
              for (let j = 0; j < rule.x.length; j++) {
                const u = a + 0.5 * h * (1 + rule.x[j]);
                const wj = 0.5 * h * rule.w[j];
                const du = u - u0;
                const Au = A + m1 * du;
                const Cu = C + m2 * du;
                const lau = Math.log(alpha + Au);
                const lbu = Math.log(beta + Cu);
                const qv = -rx * lau + lmd - (s + 1) * lbu;
                if (qv > ref) {
                  // rescale with headroom: the integrand rises and falls with the covariates, and
                  // each rescale costs an exp and a pass over the sums
                  const next = qv + RESCALE_HEADROOM;
                  const scale = ref === -Infinity ? 0 : Math.exp(ref - next);
                  sum *= scale;
                  for (let e = 0; e < acc.length; e++) acc[e] *= scale;
                  s0 *= scale;
                  s1 *= scale;
                  s2 *= scale;
                  s3 *= scale;
                  s4 *= scale;
                  ref = next;
                }
                const f = wj * Math.exp(qv - ref);
                sum += f;
                const ia = 1 / (alpha + Au);
                const ib = 1 / (beta + Cu);
                acc[0] += f * (-r * lau);
                acc[1] += f * (-rx * alpha * ia);
                acc[2] += f * (-s * lbu);
                acc[3] += f * (-(s + 1) * beta * ib);
                s0 += f;
                s1 += f * ia;
                s2 += f * du * ia;
                s3 += f * ib;
                s4 += f * du * ib;
              }
            }
            for (let e = 0; e < nP; e++) {
              const c = usedP[e];
              acc[4 + c] += -rx * (dA[c] * s1 + m1 * z[zOff + c] * s2);
            }
            for (let e = 0; e < nD; e++) {
              const c = usedD[e];
              acc[4 + k + c] += z[zOff + c] * s0 - (s + 1) * (dC[c] * s3 + m2 * z[zOff + c] * s4);
            }
          }
          A += m1 * len;
          C += m2 * len;
          for (let e = 0; e < nP; e++) dA[usedP[e]] += m1 * len * z[zOff + usedP[e]];
          for (let e = 0; e < nD; e++) dC[usedD[e]] += m2 * len * z[zOff + usedD[e]];
          u0 = u1;
        }
        // alive term ℓ1 = −(r+x) log(α+A_T) − s log(β+C_T)
        const laT = Math.log(alpha + A);
        const lbT = Math.log(beta + C);
        const l1 = -rx * laT - s * lbT;
        g1.fill(0);
        g1[0] = -r * laT;
        g1[1] = (-rx * alpha) / (alpha + A);
        g1[2] = -s * lbT;
        g1[3] = (-s * beta) / (beta + C);
        for (let e = 0; e < nP; e++) g1[4 + usedP[e]] = (-rx * dA[usedP[e]]) / (alpha + A);
        for (let e = 0; e < nD; e++) g1[4 + k + usedD[e]] = (-s * dC[usedD[e]]) / (beta + C);
        // outer terms: log Γ(r+x) − log Γ(r) + r log α + s log β + γ_p'S
        let outer = gammaln(rx) - lgR + r * la + s * lb;
        for (let e = 0; e < nP; e++) outer += gp[usedP[e]] * data.purchaseSums[i * k + usedP[e]];
        let ll: number;
        gi.fill(0);
        if (sum > 0) {
          const l2 = Math.log(s) + ref + Math.log(sum);
          const lse = logAddExp(l1, l2);
          const w1 = Math.exp(l1 - lse);
          const w2 = 1 - w1;
          for (let e = 0; e < gi.length; e++) gi[e] = w1 * g1[e] + w2 * (acc[e] / sum);
          gi[2] += w2; // d log s / d log s
          ll = outer + lse;
        } else {
          gi.set(g1);
          ll = outer + l1;
        }
        gi[0] += r * (digamma(rx) - psiR) + r * la;
        gi[1] += r;
        gi[2] += s * lb;
        gi[3] += s;
        for (let e = 0; e < nP; e++) gi[4 + usedP[e]] += data.purchaseSums[i * k + usedP[e]];
        total += w * ll;
        if (llOut) llOut[q] = ll;
        gTheta.fill(0);
        for (let e = 0; e < 4; e++) gTheta[e] = gi[e];
        for (let e = 0; e < nP; e++) gTheta[pIdx[usedP[e]]] += gi[4 + usedP[e]];
        for (let e = 0; e < nD; e++) gTheta[dIdx[usedD[e]]] += gi[4 + k + usedD[e]];
        for (let e = 0; e < K; e++) grad[e] += w * gTheta[e];
        if (outerProduct) {
          // BHHH: Σ w g gᵀ, the outer-product estimate of the information
          for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) outerProduct[a * K + b] += w * gTheta[a] * gTheta[b];
        }
      }
      return total;
    },
  };
  return self;
}

/**
 * Fits the Pareto/NBD with time-varying covariates by maximum likelihood (BFGS on the analytic
 * gradient from the fit without covariates; a 20,000-customer subsample first on large data;
 * standard errors from the Hessian by differences of the gradient at the optimum).
 *
 * @example
 * const m = fitParetoNbdDynamic(dynamicCovariateData(panel, customers, 7), { purchase: ['High.Season'], dropout: ['High.Season'] });
 */
export function fitParetoNbdDynamic(data: DynamicCovariateData, spec: CovariateSpec = {}): ParetoNbdDynamicModel {
  const n = data.frequency.length;
  if (n === 0) throw new ClvkitError('paretonbd: no customers to fit');
  const { list, purchase, dropout, constrained } = resolveSlots(data, spec);
  const K = 4 + list.length;
  const warnings: string[] = [];
  // customers alike in everything the likelihood sees count once, with their number as weight
  const alike = compressCustomers(data);
  const baseRows = alike?.rows;
  const baseWeights = alike?.weights;
  const m = baseRows ? baseRows.length : n;
  const SUB = 20000;
  // a deterministic subsample for the warm start on large data (every m/SUB-th row, weight m/SUB)
  const subStep = m / SUB;
  const subRows = m > 2 * SUB ? Int32Array.from({ length: SUB }, (_, j) => (baseRows ? baseRows[Math.floor(j * subStep)] : Math.floor(j * subStep))) : undefined;
  const subWeights = subRows ? Float64Array.from({ length: SUB }, (_, j) => subStep * (baseWeights ? baseWeights[Math.floor(j * subStep)] : 1)) : undefined;
  const pick = (a: Float64Array) => (subRows ? Float64Array.from(subRows, (i) => a[i]) : a);
  // the start: the Pareto/NBD without covariates (on the subsample when there is one: it is only a start)
  const base = fitParetoNbd({ frequency: pick(data.frequency), recency: pick(data.recency), T: pick(data.T), weights: subWeights }, { acceptNonConverged: true });
  let theta: Float64Array = new Float64Array(K);
  theta[0] = Math.log(base.params.r);
  theta[1] = Math.log(base.params.alpha);
  theta[2] = Math.log(base.params.s);
  theta[3] = Math.log(base.params.beta);
  const l2 = spec.l2 ?? 0;
  if (!(l2 >= 0) || !Number.isFinite(l2)) throw new ClvkitError(`paretonbd: the L2 penalty must be a number >= 0, got ${l2}`);
  const penaltyOf = (t: Float64Array, g?: Float64Array): number => {
    let v = 0;
    for (let j = 4; j < K; j++) {
      v += l2 * t[j] * t[j];
      if (g) g[j] -= 2 * l2 * t[j];
    }
    return v;
  };
  const penalised = (f: GradientObjective): GradientObjective => ({
    k: f.k,
    evaluate(t, g) {
      return f.evaluate(t, g) - penaltyOf(t, g);
    },
  });
  const fullObjective = dynamicObjective(data, list, baseRows, baseWeights);
  const full = penalised(fullObjective);
  let iterations = 0;
  /** −(outer product of the customers' gradients): the BHHH curvature at θ, with the (penalised) value and gradient of the same evaluation. */
  const bhhh = (f: ReturnType<typeof dynamicObjective>, t: Float64Array): { hessian: Float64Array; value: number; grad: Float64Array } => {
    f.outer = new Float64Array(K * K);
    const grad = new Float64Array(K);
    const value = f.evaluate(t, grad) - penaltyOf(t, grad);
    const H = Float64Array.from(f.outer, (v) => -v);
    f.outer = undefined;
    for (let j = 4; j < K; j++) H[j * K + j] -= 2 * l2;
    return { hessian: H, value, grad };
  };
  // beyond e^18 for a base parameter or ±12 for a coefficient the likelihood is flat: freeze there
  const limits = Float64Array.from({ length: K }, (_, j) => (j < 4 ? 18 : 12));
  const frozen = new Set<number>();
  let start: Float64Array = theta;
  if (subRows) {
    const subObjective = dynamicObjective(data, list, subRows, subWeights);
    const sub = penalised(subObjective);
    const b = bhhh(subObjective, theta);
    const res = maximizeBfgs(sub, theta, b.hessian, { limits, initial: b });
    start = res.theta;
    iterations += res.iterations;
    for (const j of res.frozen) frozen.add(j);
  }
  const b0 = bhhh(fullObjective, start);
  const res = maximizeBfgs(full, start, b0.hessian, { maxIterations: 200, limits, initial: b0 });
  theta = res.theta;
  iterations += res.iterations;
  for (const j of res.frozen) frozen.add(j);
  if (!res.converged) warnings.push(`paretonbd with time-varying covariates: the fit did not converge in ${iterations} iterations; the estimates are the best point found`);
  // BFGS returns the value and gradient at its optimum (a frozen coordinate's gradient is zeroed there: evaluate again)
  const gOpt = new Float64Array(K);
  let value: number;
  if (res.frozen.length === 0) {
    value = res.value;
    gOpt.set(res.grad);
  } else value = full.evaluate(theta, gOpt);
  const H = hessianByDifferences(full, theta, gOpt);
  // one Newton step with the Hessian the standard errors need anyway: BFGS stops with the gradient
  // small, the Newton step takes the parameters to full precision
  const free = [...Array(K).keys()].filter((j) => !frozen.has(j));
  const Hf = new Float64Array(free.length * free.length);
  free.forEach((a, i) => free.forEach((b, j) => (Hf[i * free.length + j] = H[a * K + b])));
  const stepFree = newtonStep(Hf, Float64Array.from(free, (j) => gOpt[j]), free.length);
  const polish = stepFree ? Float64Array.from({ length: K }, (_, j) => (free.includes(j) ? stepFree[free.indexOf(j)] : 0)) : undefined;
  // each row's log-likelihood at the final θ, for the predictions (P(alive) is the alive term's share)
  let llRows: Float64Array | undefined;
  if (polish) {
    const next = Float64Array.from(theta, (v, j) => v + polish[j]);
    const out = new Float64Array(m);
    const vNext = dynamicObjective(data, list, baseRows, baseWeights, out).evaluate(next, new Float64Array(K)) - penaltyOf(next);
    if (vNext >= value) {
      theta = next;
      value = vNext;
      llRows = out;
    }
  }
  if (!llRows) {
    llRows = new Float64Array(m);
    value = dynamicObjective(data, list, baseRows, baseWeights, llRows).evaluate(theta, new Float64Array(K)) - penaltyOf(theta);
  }
  const llAll = alike ? Float64Array.from(alike.of, (q) => llRows![q]) : llRows;
  const names = ['r', 'alpha', 's', 'beta'] as const;
  const unidentified: number[] = [];
  list.forEach((sl, m) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let p = 0; p < data.length.length; p++) {
      const v = data.z[p * data.names.length + sl.column];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo === hi) {
      unidentified.push(4 + m);
      warnings.push(`covariate "${sl.name}" is constant (${lo}), so its coefficient is not identified (no standard error)`);
    }
  });
  // a base parameter at the edge (e.g. s, β → ∞: no heterogeneity left in dropout) has no standard
  // error; the others come from the rest of the information matrix
  for (let i = 0; i < 4; i++) if (Math.abs(theta[i]) > 15) unidentified.push(i);
  for (const j of frozen) if (!unidentified.includes(j)) unidentified.push(j);
  let { covariance: cov, warning } = covarianceFromHessian(H, K, unidentified);
  const ridge = [0, 1, 2, 3].filter((i) => Math.abs(theta[i]) > 6 && !unidentified.includes(i));
  if (warning && ridge.length > 0) {
    // a base parameter far out along a flat ridge (e.g. s and β both large: dropout rates nearly the
    // same for everyone) leaves the information singular: the other parameters' errors without it
    const retry = covarianceFromHessian(H, K, [...unidentified, ...ridge]);
    if (!retry.warning) {
      cov = retry.covariance;
      warning = `${ridge.map((i) => names[i]).join(' and ')} lie far out on a flat ridge of the likelihood (no standard error); the other standard errors hold them fixed`;
    }
  }
  if (warning) warnings.push(warning);
  if (l2 > 0) warnings.push(`covariate coefficients are shrunk by an L2 penalty of ${l2}: their intervals come from the penalised information and are not exact maximum-likelihood intervals`);
  // the unpenalised log-likelihood at the optimum
  const ll = value + penaltyOf(theta);
  const params = { r: 0, alpha: 0, s: 0, beta: 0 };
  const standardErrors = { r: 0, alpha: 0, s: 0, beta: 0 };
  names.forEach((nm, i) => {
    params[nm] = Math.exp(theta[i]);
    standardErrors[nm] = params[nm] * Math.sqrt(cov[i * K + i]);
    if (Math.abs(theta[i]) > 15) warnings.push(`paretonbd with time-varying covariates: ${nm} = ${params[nm].toPrecision(3)} drifted to the edge of its range; its estimate is not reliable`);
  });
  list.forEach((sl, m) => {
    const se = Math.sqrt(cov[(4 + m) * K + 4 + m]);
    if (Math.abs(theta[4 + m]) > 8 || se > 50) warnings.push(`coefficient ${sl.process}:${sl.name} = ${theta[4 + m].toPrecision(3)} (SE ${Number.isFinite(se) ? se.toPrecision(3) : 'n/a'}) is not identified by the data (the likelihood is flat in that direction): drop the covariate from that process or add an L2 penalty`);
  });
  const coefficients: Coefficient[] = list.map((sl, m) => {
    const est = theta[4 + m];
    const se = Math.sqrt(cov[(4 + m) * K + 4 + m]);
    const z = est / se;
    return { name: sl.name, process: sl.process, estimate: est, se, lower: est - Z95 * se, upper: est + Z95 * se, z, p: 2 * (1 - normalCdf(Math.abs(z), 0, 1)), multiplier: Math.exp(est) };
  });
  const covariance: number[][] = [];
  for (let a = 0; a < K; a++) covariance.push(Array.from(cov.subarray(a * K, a * K + K)));
  const k = data.names.length;
  const gpFull = new Float64Array(k);
  const gdFull = new Float64Array(k);
  list.forEach((sl, m) => {
    if (sl.process !== 'dropout') gpFull[sl.column] = theta[4 + m];
    if (sl.process !== 'purchase') gdFull[sl.column] = theta[4 + m];
  });
  const predictions = dynamicPredictions(data, params, gpFull, gdFull, llAll);
  return {
    model: 'paretonbd',
    covariates: 'dynamic',
    params,
    standardErrors,
    coefficients,
    logLikelihood: ll,
    converged: !warnings.some((w) => w.includes('did not converge')),
    iterations,
    parameters: K,
    aic: -2 * ll + 2 * K,
    bic: -2 * ll + K * Math.log(n),
    customers: n,
    covariance,
    parameterNames: [...names.map((nm) => `log_${nm}`), ...list.map((sl) => `${sl.process}:${sl.name}`)],
    reference: data.reference,
    warnings,
    design: { names: data.names.slice(), purchase, dropout, constrained },
    ...predictions,
  };
}

/**
 * Predictions of the dynamic model (Bachmann, Meierer & Näf 2021, §3.3): P(alive at T) is the share
 * of the likelihood's alive term; given alive, λ | data ~ Gamma(r+x, α+A(T)) and μ | data ~
 * Gamma(s, β+C(T)), so E[Y(t)] = P(alive) (r+x)/(α+A(T)) ∫_T^{T+t} m_p(u) ((β+C(T))/(β+C(u)))^s du,
 * in closed form on each piece of constant covariates after T.
 *
 * @example
 * const preds = dynamicPredictions(data, params, gammaPurchase, gammaDropout);
 */
export function dynamicPredictions(data: DynamicCovariateData, params: { r: number; alpha: number; s: number; beta: number }, gp: Float64Array, gd: Float64Array, logLikelihoods?: Float64Array): Pick<ParetoNbdDynamicModel, 'probabilityAliveAll' | 'conditionalExpectedTransactionsAll' | 'predictCustomers'> {
  const k = data.names.length;
  const n = data.frequency.length;
  const { r, alpha, s, beta } = params;
  const logAliveAT = new Float64Array(n);
  const AT = new Float64Array(n);
  const CT = new Float64Array(n);
  // one pass with the likelihood's own pieces: P(alive) and the posterior scales
  const list: DynamicSlot[] = [];
  const names = data.names;
  const theta: number[] = [Math.log(r), Math.log(alpha), Math.log(s), Math.log(beta)];
  for (let c = 0; c < k; c++) {
    if (gp[c] !== 0) {
      list.push({ name: names[c], process: 'purchase', column: c });
      theta.push(gp[c]);
    }
    if (gd[c] !== 0) {
      list.push({ name: names[c], process: 'dropout', column: c });
      theta.push(gd[c]);
    }
  }
  const dot = (g: Float64Array, z: Float64Array, o: number) => {
    let v = 0;
    for (let c = 0; c < k; c++) v += g[c] * z[o + c];
    return v;
  };
  for (let i = 0; i < n; i++) {
    let A = 0;
    let C = 0;
    for (let p = data.offsets[i]; p < data.offsets[i + 1]; p++) {
      A += Math.exp(dot(gp, data.z, p * k)) * data.length[p];
      C += Math.exp(dot(gd, data.z, p * k)) * data.length[p];
    }
    AT[i] = A;
    CT[i] = C;
  }
  // log L of each customer, to share out the alive term
  let llAll = logLikelihoods;
  if (!llAll) {
    llAll = new Float64Array(n);
    dynamicObjective(data, list, undefined, undefined, llAll).evaluate(Float64Array.from(theta), new Float64Array(theta.length));
  }
  for (let i = 0; i < n; i++) {
    const lli = llAll[i];
    let outer = gammaln(r + data.frequency[i]) - gammaln(r) + r * Math.log(alpha) + s * Math.log(beta);
    for (let c = 0; c < k; c++) outer += gp[c] * data.purchaseSums[i * k + c];
    const l1 = -(r + data.frequency[i]) * Math.log(alpha + AT[i]) - s * Math.log(beta + CT[i]);
    logAliveAT[i] = Math.min(0, outer + l1 - lli);
  }
  const cet = (i: number, t: number): number => {
    if (t === 0) return 0;
    const x = data.frequency[i];
    const B = beta + CT[i];
    let c0 = 0; // C(u) − C(T) at the start of the piece
    let left = t;
    let integral = 0;
    for (let p = data.futureOffsets[i]; p < data.futureOffsets[i + 1] && left > 0; p++) {
      const L = Math.min(left, data.futureLength[p]);
      const m1 = Math.exp(dot(gp, data.futureZ, p * k));
      const m2 = Math.exp(dot(gd, data.futureZ, p * k));
      // ∫_0^L m1 (B/(a + m2 v))^s dv = (m1/m2) (B/a)^s a [(b/a)^{1−s} − 1]/(1−s), a = B + c0, b = a + m2 L (a log(b/a) at s = 1)
      const a = B + c0;
      const b = a + m2 * L;
      const e = (1 - s) * Math.log(b / a);
      const part = Math.abs(e) < 1e-10 ? Math.log(b / a) * (1 + e / 2) : Math.expm1(e) / (1 - s);
      integral += (m1 / m2) * Math.exp(s * Math.log(B / a)) * a * part;
      c0 += m2 * L;
      left -= L;
    }
    return Math.exp(logAliveAT[i]) * ((r + x) / (alpha + AT[i])) * integral;
  };
  return {
    probabilityAliveAll: () => Float64Array.from(logAliveAT, (v) => Math.exp(v)),
    conditionalExpectedTransactionsAll: (t: number) => Float64Array.from({ length: n }, (_, i) => cet(i, t)),
    predictCustomers(options) {
      const out: CustomerPrediction[] = [];
      for (let i = 0; i < n; i++) {
        const model = {
          conditionalExpectedTransactions: (t: number) => cet(i, t),
          probabilityAlive: () => Math.exp(logAliveAT[i]),
        };
        const row = predictCustomers(model, {
          customerIds: [data.customerIds[i]],
          frequency: [data.frequency[i]],
          recency: [data.recency[i]],
          T: [data.T[i]],
          monetaryValue: options.monetaryValue ? [options.monetaryValue[i]] : undefined,
        }, options);
        out.push(row[0]);
      }
      return out;
    },
  };
}

