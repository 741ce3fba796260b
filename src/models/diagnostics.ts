/**
 * The diagnostics users of lifetimes and BTYD look at to trust a model: the period-transactions comparison
 * (customers by number of repeat purchases in calibration, actual against the model's expectation, with a
 * chi-square goodness of fit), one customer's P(alive) over their purchase history, and the fitted
 * heterogeneity distributions.
 */
import { chisquareCdf as chisqCdf } from '../stdlib.ts';
import { ClvkitError } from '../errors.ts';
import { gammaln, betaln } from './special.ts';

/**
 * One bin of the period-transactions comparison: `repeat` purchases (the last bin is `repeat` or more).
 *
 * @example
 * const b: PeriodTransactionsBin = { repeat: 0, label: '0', actual: 1411, expected: 1392.6, orMore: false };
 */
export interface PeriodTransactionsBin {
  repeat: number;
  label: string;
  actual: number;
  expected: number;
  /** The last bin: `repeat` or more. */
  orMore: boolean;
}

/**
 * The period-transactions comparison with its goodness of fit.
 *
 * @example
 * const p: PeriodTransactions = periodTransactions(fitted, summary);
 * p.chiSquare; p.pValue;
 */
export interface PeriodTransactions {
  bins: PeriodTransactionsBin[];
  customers: number;
  chiSquare: number;
  /** bins − 1 − estimated parameters. */
  degreesOfFreedom: number;
  pValue: number;
  /** Bins whose expected count is below 5 (the chi-square approximation is then doubtful). */
  warnings: string[];
}

/**
 * Pearson's chi-square Σ (O − E)² / E over bins and its p-value on `df` degrees of freedom.
 *
 * @example
 * chiSquareTest([10, 20, 30], [12, 18, 30], 1); // { statistic: 0.5555..., pValue: 0.456 }
 */
export function chiSquareTest(observed: ArrayLike<number>, expected: ArrayLike<number>, df: number): { statistic: number; pValue: number } {
  if (observed.length !== expected.length) throw new ClvkitError(`chi-square: ${observed.length} observed counts for ${expected.length} expected`);
  let x2 = 0;
  for (let i = 0; i < observed.length; i++) {
    if (!(expected[i] >= 0)) throw new ClvkitError(`chi-square: the expected count of bin ${i + 1} is not a number >= 0 (${expected[i]})`);
    // a bin the model makes impossible adds nothing when empty and rejects the model when not
    if (expected[i] === 0) x2 += observed[i] === 0 ? 0 : Infinity;
    else x2 += (observed[i] - expected[i]) ** 2 / expected[i];
  }
  return { statistic: x2, pValue: df >= 1 ? 1 - chisqCdf(x2, df) : NaN };
}

/**
 * Customers by number of repeat purchases in calibration, 0 .. bins−2 and (bins−1) or more: actual counts
 * against the model's expectation Σ_i P(X(T_i) = n) (each customer at their own T: FHL 2005a eq. 8 for the
 * BG/NBD, the model's own probabilityOfTransactions for the others), and Pearson's chi-square with
 * bins − 1 − (number of parameters) degrees of freedom (bins the model makes impossible and that are empty
 * do not count). The expectations sum to the number of customers.
 *
 * @example
 * const p = periodTransactions(fitBgNbd(summary), summary, { bins: 8 });
 * p.bins.map((b) => [b.label, b.actual, b.expected]);
 */
export function periodTransactions(
  model: { params: Record<string, number>; probabilityOfTransactions(n: number, t: number): number },
  data: { frequency: ArrayLike<number>; T: ArrayLike<number>; weights?: ArrayLike<number> },
  options: { bins?: number; parameters?: number } = {},
): PeriodTransactions {
  const K = options.bins ?? 8;
  if (!Number.isInteger(K) || K < 2) throw new ClvkitError(`period transactions: bins must be a whole number >= 2, got ${K}`);
  const n = data.frequency.length;
  const actual = new Float64Array(K);
  // customers grouped by T: the pmf is computed once per distinct T
  const byT = new Map<number, number>();
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const w = data.weights ? data.weights[i] : 1;
    const x = data.frequency[i];
    actual[Math.min(K - 1, Math.floor(x))] += w;
    byT.set(data.T[i], (byT.get(data.T[i]) ?? 0) + w);
    customers += w;
  }
  const expected = new Float64Array(K);
  for (const [T, w] of byT) {
    let below = 0;
    for (let k = 0; k < K - 1; k++) {
      const p = model.probabilityOfTransactions(k, T);
      expected[k] += w * p;
      below += p;
    }
    // the last bin is the rest of the distribution: P(X(T) >= K−1) = 1 − Σ_{k<K−1} P(X(T) = k)
    expected[K - 1] += w * Math.max(0, 1 - below);
  }
  const bins: PeriodTransactionsBin[] = Array.from({ length: K }, (_, k) => ({ repeat: k, label: k === K - 1 ? `${k}+` : String(k), actual: actual[k], expected: expected[k], orMore: k === K - 1 }));
  const params = options.parameters ?? Object.keys(model.params).length;
  // bins the model makes impossible (BG/BB: more transactions than periods) hold no information
  const used = bins.filter((b) => b.expected > 0 || b.actual > 0).length;
  const df = used - 1 - params;
  const warnings: string[] = [];
  const small = bins.filter((b) => b.expected < 5 && (b.expected > 0 || b.actual > 0)).map((b) => b.label);
  if (small.length) warnings.push(`expected counts below 5 in bin(s) ${small.join(', ')}: the chi-square p-value is approximate; use fewer bins`);
  if (df < 1) warnings.push(`${used} bins leave ${df} degrees of freedom for ${params} parameters: no p-value; use more bins`);
  const { statistic, pValue } = chiSquareTest(actual, expected, Math.max(df, 0));
  return { bins, customers, chiSquare: statistic, degreesOfFreedom: df, pValue, warnings };
}

/**
 * One point of a customer's P(alive) history.
 *
 * @example
 * const p: AlivePoint = { t: 10, frequency: 2, recency: 7.5, probabilityAlive: 0.81, purchase: false };
 */
export interface AlivePoint {
  /** Time since the first purchase, model units. */
  t: number;
  frequency: number;
  recency: number;
  probabilityAlive: number;
  /** The point is at a purchase (just after it). */
  purchase: boolean;
}

/**
 * P(alive) of one customer over their history: at `steps` evenly spaced times from the first purchase (time 0)
 * to `until` and at each repeat purchase, P(alive | x(t), t_x(t), T = t) with x(t) the repeat purchases by t
 * and t_x(t) the last of them (the quantity lifetimes' plot_history_alive draws).
 *
 * @example
 * aliveHistory(fitBgNbd(summary), [0, 3.1, 9.4], 39, 40); // 41 grid points and the purchase at 3.1 and 9.4
 */
export function aliveHistory(model: { probabilityAlive(row: { frequency: number; recency: number; T: number; periods?: number }): number }, purchaseTimes: ArrayLike<number>, until: number, steps = 100): AlivePoint[] {
  const times = Array.from(purchaseTimes).sort((a, b) => a - b);
  if (times.length === 0) throw new ClvkitError('P(alive) history: the customer has no purchase');
  const first = times[0];
  const repeats = times.slice(1).map((v) => v - first);
  if (!(until >= 0)) throw new ClvkitError(`P(alive) history: the end must be >= 0, got ${until}`);
  const grid = new Set<number>();
  for (let s = 0; s <= steps; s++) grid.add((until * s) / steps);
  for (const r of repeats) if (r <= until) grid.add(r);
  const out: AlivePoint[] = [];
  for (const t of [...grid].sort((a, b) => a - b)) {
    let x = 0;
    let tx = 0;
    for (const r of repeats) {
      if (r > t) break;
      x++;
      tx = r;
    }
    out.push({ t, frequency: x, recency: tx, probabilityAlive: model.probabilityAlive({ frequency: x, recency: tx, T: t, periods: t }), purchase: repeats.includes(t) });
  }
  return out;
}

/**
 * A point of a fitted heterogeneity density.
 *
 * @example
 * const p: HeterogeneityPoint = { distribution: 'purchase rate λ ~ Gamma(r, α)', parameter: 'lambda', x: 0.05, density: 3.1 };
 */
export interface HeterogeneityPoint {
  distribution: string;
  parameter: string;
  x: number;
  density: number;
}

/** Gamma(shape, rate) density, log-space: rate^shape x^(shape−1) e^(−rate x) / Γ(shape). */
function gammaDensity(x: number, shape: number, rate: number): number {
  return Math.exp(shape * Math.log(rate) + (shape - 1) * Math.log(x) - rate * x - gammaln(shape));
}

/** Beta(a, b) density, log-space: x^(a−1) (1−x)^(b−1) / B(a, b). */
function betaDensity(x: number, a: number, b: number): number {
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - betaln(a, b));
}

/**
 * The fitted mixing distributions of a model, as density points: the purchase rate λ ~ Gamma(r, α) of the
 * BG/NBD family, Pareto/NBD, NBD, GGom/NBD and CNBD-k (FHL 2005a assumption ii), the dropout probability
 * p ~ Beta(a, b) of the BG family (assumption iv), the dropout rate μ ~ Gamma(s, β) of the Pareto/NBD
 * (SMC 1987); BG/BB: transaction probability p ~ Beta(α, β) and dropout θ ~ Beta(γ, δ) (FHS 2010); sBG and
 * BdW: churn θ ~ Beta(α, β). Gamma grids run to mean + 5 SD (from a small positive value: the density may be
 * infinite at 0), Beta grids over (0, 1).
 *
 * @example
 * heterogeneity({ model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, 200);
 */
export function heterogeneity(model: { model: string; params: Record<string, number> }, points = 200): HeterogeneityPoint[] {
  const p = model.params;
  const out: HeterogeneityPoint[] = [];
  const gamma = (label: string, parameter: string, shape: number, rate: number) => {
    const mean = shape / rate;
    const hi = mean + 5 * Math.sqrt(shape) / rate;
    for (let i = 1; i <= points; i++) {
      const x = (hi * i) / points;
      out.push({ distribution: label, parameter, x, density: gammaDensity(x, shape, rate) });
    }
  };
  const beta = (label: string, parameter: string, a: number, b: number) => {
    for (let i = 1; i < points; i++) {
      const x = i / points;
      out.push({ distribution: label, parameter, x, density: betaDensity(x, a, b) });
    }
  };
  switch (model.model) {
    case 'bgnbd':
    case 'mbgnbd':
    case 'bgcnbd':
    case 'mbgcnbd':
      gamma(`purchase rate λ ~ Gamma(r, α)${model.model.includes('cnbd') ? ' (per Erlang stage: k stages a purchase)' : ''}`, 'lambda', p.r, p.alpha);
      beta('dropout probability p ~ Beta(a, b)', 'p', p.a, p.b);
      break;
    case 'paretonbd':
    case 'ggomnbd':
      gamma('purchase rate λ ~ Gamma(r, α)', 'lambda', p.r, p.alpha);
      gamma(model.model === 'ggomnbd' ? 'dropout scale η ~ Gamma(s, β)' : 'dropout rate μ ~ Gamma(s, β)', 'mu', p.s, p.beta);
      break;
    case 'nbd':
      gamma('purchase rate λ ~ Gamma(r, α)', 'lambda', p.r, p.alpha);
      break;
    case 'bgbb':
      beta('transaction probability p ~ Beta(α, β)', 'p', p.alpha, p.beta);
      beta('dropout probability θ ~ Beta(γ, δ)', 'theta', p.gamma, p.delta);
      break;
    case 'sbg':
    case 'bdw':
      beta('churn probability θ ~ Beta(α, β)', 'theta', p.alpha, p.beta);
      break;
    case 'gammagamma':
      gamma('spend rate ν ~ Gamma(q, v)', 'nu', p.q, p.v);
      break;
    default:
      throw new ClvkitError(`no heterogeneity distributions known for the model "${model.model}"`);
  }
  return out;
}
