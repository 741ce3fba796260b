/**
 * Maximum likelihood for latent-attrition models with time-invariant covariates (Fader & Hardie 2007,
 * "Incorporating time-invariant covariates into the Pareto/NBD and BG/NBD models"): each customer's
 * Gamma scale parameter of the purchase process is multiplied by exp(γ_p'z) (α_i = α exp(−γ_p'z)) and
 * the dropout process's parameters likewise (Pareto/NBD β_i = β exp(−γ_d'z); BG/NBD a_i = a exp(γ_d'z),
 * b_i = b exp(γ_d'z), the specification of CLVTools). Customers with the same covariate vector form a
 * group whose likelihood is the model's own (with its analytic gradient and Hessian); the chain rule
 * through log α_i = log α − γ_p'z gives exact derivatives in (log r, log α, log s, log β, γ), and
 * Newton's method finds the optimum.
 */
import { normalCdf } from '../../stdlib.ts';
import { ClvkitError } from '../../errors.ts';
import type { SummaryData } from '../../types.ts';
import { prepareSummary, type LikelihoodProblem, type PreparedSummary } from '../fit.ts';
import type { CovariateMatrix } from './design.ts';
import { covarianceFromHessian, maximizeNewton, type SmoothObjective } from './newton.ts';

/** z_{0.975}: 95 % two-sided normal intervals. */
export const Z95 = 1.959963984540054;

/**
 * Which covariates enter which process. By default every covariate enters both, with separate
 * coefficients; `constrained` ones share one coefficient across the two processes. `l2` adds
 * λ Σ γ² (covariate coefficients only) to the objective; the reported log-likelihood is unpenalised.
 *
 * @example
 * const spec: CovariateSpec = { purchase: ['Gender', 'Channel'], dropout: ['Gender', 'Channel'], constrained: ['Gender'] };
 */
export interface CovariateSpec {
  purchase?: string[];
  dropout?: string[];
  constrained?: string[];
  l2?: number;
  maxIterations?: number;
}

/**
 * One coefficient: `process` 'both' for a constrained one. `multiplier` = exp(estimate), the factor
 * on the mean purchase rate (purchase) or the mean dropout rate (dropout) per unit of the covariate.
 *
 * @example
 * const c: Coefficient = { name: 'Gender', process: 'purchase', estimate: 0.2, se: 0.1, lower: 0.004, upper: 0.396, z: 2, p: 0.0455, multiplier: 1.2214 };
 */
export interface Coefficient {
  name: string;
  process: 'purchase' | 'dropout' | 'both';
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  z: number;
  p: number;
  multiplier: number;
}

/** How a family's four base parameters move with the covariates: (index, sign) per process. */
export interface FamilyLinks {
  names: [string, string, string, string];
  purchase: { index: number; sign: number }[];
  dropout: { index: number; sign: number }[];
}

/**
 * One customer's log-likelihood with gradient (4) and Hessian (16) in the natural base parameters:
 * used instead of per-group problems when nearly every customer has their own covariate vector.
 *
 * @example
 * const rows: RowDerivatives = paretoNbdRowDerivatives;
 */
export type RowDerivatives = (p: ArrayLike<number>, x: number, tx: number, T: number, g: Float64Array, H: Float64Array) => number;

/** Above this many distinct covariate vectors (and 1 per 20 customers) the fit goes row by row. */
const ROWWISE_GROUPS = 200;

/** One coefficient parameter: the design column it multiplies in each process it enters. */
export interface CoefficientSlot {
  name: string;
  process: 'purchase' | 'dropout' | 'both';
  column: number;
}

/**
 * A fitted static-covariate model, before the family adds its predictions.
 *
 * @example
 * const f: StaticCovariateFit = fitStaticCovariates(...);
 * f.coefficients[0].multiplier;
 */
export interface StaticCovariateFit {
  params: Record<string, number>;
  standardErrors: Record<string, number>;
  coefficients: Coefficient[];
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Number of free parameters (base 4 plus coefficients). */
  parameters: number;
  aic: number;
  bic: number;
  customers: number;
  /** Covariance of (log base parameters, coefficients), in `parameterNames` order. */
  covariance: number[][];
  parameterNames: string[];
  reference: Record<string, string>;
  warnings: string[];
  /** The four base parameters of a customer with covariate vector `z` (design order). */
  customerParams(z: ArrayLike<number>): Record<string, number>;
  /** Design column names and the processes they enter. */
  design: { names: string[]; purchase: string[]; dropout: string[]; constrained: string[] };
}

/**
 * Resolves the spec against the covariate names (a static design or a time-varying panel): the
 * coefficient slots, in parameter order.
 *
 * @example
 * covariateSlots({ names: ['Gender'], source: { Gender: 'Gender' } }, { constrained: ['Gender'] }).list // [{ name: 'Gender', process: 'both', column: 0 }]
 */
export function covariateSlots(matrix: Pick<CovariateMatrix, 'names' | 'source'>, spec: CovariateSpec): { list: CoefficientSlot[]; purchase: string[]; dropout: string[]; constrained: string[] } {
  const expand = (names: string[] | undefined): string[] => {
    if (names === undefined) return matrix.names.slice();
    const out: string[] = [];
    for (const w of names) {
      const hits = matrix.names.filter((n) => n === w || matrix.source[n] === w);
      if (hits.length === 0) throw new ClvkitError(`unknown covariate "${w}" (covariates: ${[...new Set(matrix.names.map((n) => matrix.source[n]))].join(', ')})`);
      for (const h of hits) if (!out.includes(h)) out.push(h);
    }
    return out;
  };
  const purchase = expand(spec.purchase);
  const dropout = expand(spec.dropout);
  const constrained = expand(spec.constrained ?? []);
  for (const c of constrained) {
    if (!purchase.includes(c) || !dropout.includes(c)) throw new ClvkitError(`covariate "${c}" is constrained equal across the processes, so it must enter both (purchase and dropout)`);
  }
  const list: CoefficientSlot[] = [];
  const col = (n: string) => matrix.names.indexOf(n);
  for (const n of purchase) if (!constrained.includes(n)) list.push({ name: n, process: 'purchase', column: col(n) });
  for (const n of dropout) if (!constrained.includes(n)) list.push({ name: n, process: 'dropout', column: col(n) });
  for (const n of constrained) list.push({ name: n, process: 'both', column: col(n) });
  return { list, purchase, dropout, constrained };
}

/**
 * The data the start of a covariate fit is fitted on: all of it up to 40,000 customers, else a
 * deterministic subsample of about 20,000 (every n/20,000-th customer, weighted n/20,000 times its
 * own weight). The start only has to be near the optimum: Newton's method on the exact Hessian of
 * all the data does the rest.
 *
 * @example
 * const base = fitParetoNbd(startData(summary), { acceptNonConverged: true });
 */
export function startData(data: SummaryData, target = 20000): SummaryData {
  const n = data.frequency.length;
  if (n <= 2 * target) return data;
  const step = n / target;
  const rows = Int32Array.from({ length: target }, (_, j) => Math.floor(j * step));
  const pick = (a: ArrayLike<number>) => Float64Array.from(rows, (i) => a[i]);
  const w = data.weights;
  return { frequency: pick(data.frequency), recency: pick(data.recency), T: pick(data.T), weights: Float64Array.from(rows, (i) => step * (w ? w[i] : 1)) };
}

/**
 * Fits a family (its per-group likelihood problem builder and parameter links) with static covariates.
 * `start` gives the base parameters (natural scale) to start from, usually the fit without covariates.
 *
 * @example
 * const fit = fitStaticCovariates('paretonbd', summary, matrix, spec, PARETO_LINKS, (prep) => paretoNbdProblem(prep), start);
 */
export function fitStaticCovariates(
  model: string,
  data: SummaryData,
  matrix: CovariateMatrix,
  spec: CovariateSpec,
  links: FamilyLinks,
  problemFor: (prep: PreparedSummary) => LikelihoodProblem,
  start: ArrayLike<number>,
  rowDerivatives?: RowDerivatives,
): StaticCovariateFit {
  const n = data.frequency.length;
  if (matrix.rows !== n) throw new ClvkitError(`${model}: ${matrix.rows} covariate rows for ${n} customers`);
  const k0 = matrix.names.length;
  const { list, purchase, dropout, constrained } = covariateSlots(matrix, spec);
  const used = [...new Set(list.map((s) => s.column))].sort((a, b) => a - b);
  // group customers by their covariate vector (only the columns in use)
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    let key = '';
    for (const c of used) key += matrix.values[i * k0 + c] + '|';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  const warnings: string[] = [];
  const K = 4 + list.length;
  type Group = { problem?: LikelihoodProblem; rows?: number[]; J: Float64Array };
  const gs: Group[] = [];
  let customers = 0;
  const rowwise = rowDerivatives !== undefined && groups.size > ROWWISE_GROUPS && groups.size * 20 > n;
  const jacobian = (row: number): Float64Array => {
    // J: d u / d θ (4×K), u = log of the customer's four base parameters
    const J = new Float64Array(4 * K);
    for (let i = 0; i < 4; i++) J[i * K + i] = 1;
    list.forEach((sl, m) => {
      const v = matrix.values[row * k0 + sl.column];
      if (sl.process !== 'dropout') for (const l of links.purchase) J[l.index * K + 4 + m] += l.sign * v;
      if (sl.process !== 'purchase') for (const l of links.dropout) J[l.index * K + 4 + m] += l.sign * v;
    });
    return J;
  };
  if (rowwise) {
    // validates the rows and counts customers as the grouped path does
    customers = prepareSummary(data, model, false).customers;
    for (const rows of groups.values()) gs.push({ rows, J: jacobian(rows[0]) });
  } else {
    for (const rows of groups.values()) {
      const pick = (a: ArrayLike<number>) => Float64Array.from(rows, (i) => a[i]);
      const sub: SummaryData = { frequency: pick(data.frequency), recency: pick(data.recency), T: pick(data.T), weights: data.weights ? pick(data.weights) : undefined };
      const prep = prepareSummary(sub, model, false);
      customers += prep.customers;
      gs.push({ problem: problemFor(prep), J: jacobian(rows[0]) });
    }
  }
  const unidentified: number[] = [];
  for (const [m, s] of list.entries()) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = matrix.values[i * k0 + s.column];
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (lo === hi) {
      unidentified.push(4 + m);
      warnings.push(`covariate "${s.name}" is constant (${lo}) over all customers, so its coefficient is not identified (no standard error)`);
    }
  }
  const p = new Float64Array(4);
  const gn = new Float64Array(4);
  const Hn = new Float64Array(16);
  const gu = new Float64Array(4);
  const rg = new Float64Array(4);
  const rH = new Float64Array(16);
  const Hu = new Float64Array(16);
  const JH = new Float64Array(4 * K);
  const objective: SmoothObjective = {
    k: K,
    evaluate(theta, grad, hess) {
      grad.fill(0);
      hess.fill(0);
      let total = 0;
      for (const g of gs) {
        for (let i = 0; i < 4; i++) {
          let u = 0;
          for (let m = 0; m < K; m++) u += g.J[i * K + m] * theta[m];
          p[i] = Math.exp(u);
          if (!(p[i] > 0) || !Number.isFinite(p[i])) return -Infinity;
        }
        let ll: number | void;
        if (g.problem) {
          ll = g.problem.hessian!(p, Hn, gn);
          if (ll === undefined) ll = g.problem.gradient!(p, gn);
        } else {
          ll = 0;
          gn.fill(0);
          Hn.fill(0);
          for (const i of g.rows!) {
            const w = data.weights ? data.weights[i] : 1;
            if (w === 0) continue;
            ll += w * rowDerivatives!(p, data.frequency[i], data.recency[i], data.T[i], rg, rH);
            for (let a = 0; a < 4; a++) gn[a] += w * rg[a];
            for (let a = 0; a < 16; a++) Hn[a] += w * rH[a];
          }
        }
        if (!Number.isFinite(ll)) return -Infinity;
        total += ll;
        // derivatives wrt u = log p: g_u = g p, H_u = diag(p) H diag(p) + diag(g p)
        for (let i = 0; i < 4; i++) {
          gu[i] = gn[i] * p[i];
          for (let j = 0; j < 4; j++) Hu[i * 4 + j] = Hn[i * 4 + j] * p[i] * p[j];
          Hu[i * 4 + i] += gu[i];
        }
        const J = g.J;
        for (let m = 0; m < K; m++) {
          let s = 0;
          for (let i = 0; i < 4; i++) s += J[i * K + m] * gu[i];
          grad[m] += s;
        }
        // H_θ = Jᵀ H_u J
        for (let i = 0; i < 4; i++) {
          for (let m = 0; m < K; m++) {
            let s = 0;
            for (let j = 0; j < 4; j++) s += Hu[i * 4 + j] * J[j * K + m];
            JH[i * K + m] = s;
          }
        }
        for (let a = 0; a < K; a++) {
          for (let b = 0; b < K; b++) {
            let s = 0;
            for (let i = 0; i < 4; i++) s += J[i * K + a] * JH[i * K + b];
            hess[a * K + b] += s;
          }
        }
      }
      return total;
    },
  };
  const theta0 = new Float64Array(K);
  for (let i = 0; i < 4; i++) theta0[i] = Math.log(start[i]);
  const l2 = spec.l2 ?? 0;
  if (!(l2 >= 0) || !Number.isFinite(l2)) throw new ClvkitError(`${model}: the L2 penalty must be a number >= 0, got ${l2}`);
  const penalty = new Float64Array(K);
  for (let m = 4; m < K; m++) penalty[m] = l2;
  const res = maximizeNewton(objective, theta0, { penalty, maxIterations: spec.maxIterations, unidentified });
  if (!res.converged) warnings.push(`${model} with covariates: the fit did not converge in ${res.iterations} Newton iterations; the estimates are the best point found`);
  if (res.warning) warnings.push(res.warning);
  const th = res.theta;
  let cov = res.covariance;
  const drifted = [0, 1, 2, 3].filter((i) => Math.abs(th[i]) > 15);
  if (drifted.length > 0) cov = covarianceFromHessian(res.hessian, K, [...unidentified, ...drifted]).covariance;
  links.names.forEach((nm, i) => {
    if (Math.abs(th[i]) > 15) warnings.push(`${model} with covariates: ${nm} = ${Math.exp(th[i]).toPrecision(3)} drifted to the edge of its range (the model is near a limiting case); its estimate and the coefficients that move it are not reliable`);
  });
  const params: Record<string, number> = {};
  const standardErrors: Record<string, number> = {};
  links.names.forEach((nm, i) => {
    params[nm] = Math.exp(th[i]);
    standardErrors[nm] = params[nm] * Math.sqrt(cov[i * K + i]); // delta method from log scale
  });
  const coefficients: Coefficient[] = list.map((s, m) => {
    const est = th[4 + m];
    const se = Math.sqrt(cov[(4 + m) * K + 4 + m]);
    const z = est / se;
    return { name: s.name, process: s.process, estimate: est, se, lower: est - Z95 * se, upper: est + Z95 * se, z, p: 2 * (1 - normalCdf(Math.abs(z), 0, 1)), multiplier: Math.exp(est) };
  });
  coefficients.forEach((c) => {
    if (Math.abs(c.estimate) > 8 || c.se > 50) warnings.push(`coefficient ${c.process}:${c.name} = ${c.estimate.toPrecision(3)} (SE ${Number.isFinite(c.se) ? c.se.toPrecision(3) : 'n/a'}) is not identified by the data (the likelihood is flat in that direction): drop the covariate from that process or add an L2 penalty`);
  });
  if (l2 > 0) warnings.push(`covariate coefficients are shrunk by an L2 penalty of ${l2}: their intervals come from the penalised information and are not exact maximum-likelihood intervals`);
  const parameterNames = [...links.names.map((nm) => `log_${nm}`), ...list.map((s) => `${s.process}:${s.name}`)];
  const covariance: number[][] = [];
  for (let a = 0; a < K; a++) covariance.push(Array.from(cov.subarray(a * K, a * K + K)));
  const customerParams = (z: ArrayLike<number>): Record<string, number> => {
    const u = [th[0], th[1], th[2], th[3]];
    list.forEach((s, m) => {
      const v = z[s.column];
      if (s.process !== 'dropout') for (const l of links.purchase) u[l.index] += l.sign * v * th[4 + m];
      if (s.process !== 'purchase') for (const l of links.dropout) u[l.index] += l.sign * v * th[4 + m];
    });
    const out: Record<string, number> = {};
    links.names.forEach((nm, i) => (out[nm] = Math.exp(u[i])));
    return out;
  };
  return {
    params,
    standardErrors,
    coefficients,
    logLikelihood: res.logLikelihood,
    converged: res.converged,
    iterations: res.iterations,
    parameters: K,
    aic: -2 * res.logLikelihood + 2 * K,
    bic: -2 * res.logLikelihood + K * Math.log(customers),
    customers,
    covariance,
    parameterNames,
    reference: matrix.reference,
    warnings,
    customerParams,
    design: { names: matrix.names.slice(), purchase, dropout, constrained },
  };
}
