/**
 * Shared types of the model-fitting engine (DESIGN.md §1-2): fit options, the common fit result
 * and the columnar summary input every model accepts.
 */

/**
 * Options accepted by every `fitXxx(data, options)`.
 *
 * - `penalizer`: L2 penalty on the natural parameters, as lifetimes does: the optimiser maximises
 *   `logLikelihood - penalizer * sum(params^2)`. Default 0.
 * - `initial`: natural-scale starting values by parameter name (missing names use the model's default).
 * - `maxIterations`: quasi-Newton iterations per start (default 500).
 * - `tolerance`: convergence tolerance on the gradient, relative to `1 + |logLikelihood|` (default 1e-9).
 * - `starts`: number of starting points tried; by default one start, more only when the first fails.
 * - `acceptNonConverged`: return the best point found instead of throwing when the fit does not converge.
 * - `standardErrors`: false skips the observed information (standard errors and covariance NaN), for fits
 *   whose likelihood alone is used (a model choice on a sample); models without the shared engine ignore it.
 *
 * @example
 * const options: FitOptions = { penalizer: 0.001, initial: { r: 1, alpha: 1 } };
 */
export interface FitOptions {
  penalizer?: number;
  initial?: Record<string, number>;
  maxIterations?: number;
  tolerance?: number;
  starts?: number;
  acceptNonConverged?: boolean;
  standardErrors?: boolean;
}

/**
 * Fields every fitted model carries.
 *
 * @example
 * const fitted: FitResultBase<{ r: number; alpha: number }> = {
 *   model: 'demo', params: { r: 1, alpha: 2 }, logLikelihood: -10, standardErrors: { r: 0.1, alpha: 0.2 },
 *   converged: true, iterations: 12, aic: 24, bic: 25, customers: 100,
 * };
 */
export interface FitResultBase<P extends Record<string, number>> {
  model: string;
  params: P;
  /** Total (unpenalised) log-likelihood over customers, in the data's own time unit. */
  logLikelihood: number;
  standardErrors: Record<keyof P & string, number>;
  converged: boolean;
  iterations: number;
  aic: number;
  bic: number;
  /** Number of customers (sum of weights). */
  customers: number;
  /** Natural-scale covariance from the observed information (inverse Hessian). */
  covariance?: number[][];
  /** Set when standard errors could not be computed (Hessian not positive definite, ...). */
  warning?: string;
  /**
   * Set when the parameters ran to a bound: the model the fit tends to (e.g. BG/NBD with a, b -> ∞ is
   * one dropout probability for all), whose formulas the predictions then use.
   */
  limit?: ModelLimit;
  /** Everything the user must know about this fit, in plain English (empty when nothing). */
  warnings?: string[];
}

/**
 * The nested model a fit at a bound of the parameter space tends to.
 *
 * @example
 * const l: ModelLimit = { name: 'common-dropout', description: 'every customer has the same dropout probability q = 0.23', params: { q: 0.23 } };
 */
export interface ModelLimit {
  name: string;
  description: string;
  params: Record<string, number>;
}
