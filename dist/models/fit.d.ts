import type { FitOptions, FitResultBase, SummaryData } from './types.ts';
/**
 * A log-likelihood to maximise over strictly positive natural parameters.
 *
 * @example
 * // Poisson rate lambda from counts 2, 3, 4 (MLE = 3)
 * const problem: LikelihoodProblem = {
 *   names: ['lambda'], initial: [1], observations: 3,
 *   logLikelihood: (p) => 9 * Math.log(p[0]) - 3 * p[0],
 * };
 */
export interface LikelihoodProblem {
    /** Natural parameter names in order, all strictly positive. */
    names: string[];
    /** Natural-scale start. */
    initial: number[];
    /** Total weighted log-likelihood at natural-scale params; may return -Infinity/NaN for invalid points. */
    logLikelihood(params: Float64Array): number;
    /** Optional analytic gradient wrt NATURAL params written into `grad`; returns the log-likelihood. */
    gradient?(params: Float64Array, grad: Float64Array): number;
    /** n for BIC (sum of weights). */
    observations: number;
    /** L2 penalty on the natural params: the engine maximises LL - penalizer * sum(params^2) (as lifetimes). */
    penalizer?: number;
    /** Optional upper bounds (e.g. a parameter in (0,1)); such parameters are optimised on the logit scale. */
    upperBounds?: (number | undefined)[];
    /**
     * Optional analytic Hessian of the log-likelihood wrt NATURAL params, written row-major into
     * `hess` (k*k); used for Newton steps and the standard errors instead of differencing the
     * gradient. When `grad` is given it may also fill the gradient and return the log-likelihood
     * (one pass over the data); returning nothing makes the engine call `gradient` as well.
     */
    hessian?(params: Float64Array, hess: Float64Array, grad?: Float64Array): number | void;
    /**
     * Optional cheaper approximation of the same log-likelihood (e.g. a reweighted subsample of the
     * rows): the engine maximises it first and starts the full problem from its optimum and its
     * inverse-Hessian approximation, which saves most full evaluations on large data.
     */
    coarse?: LikelihoodProblem;
}
/**
 * Result of `maximizeLikelihood`. `logLikelihood` is the unpenalised log-likelihood at the optimum;
 * `standardErrors` and `covariance` come from the Hessian of the maximised (penalised) objective.
 *
 * @example
 * const res: MaximizeResult = maximizeLikelihood(problem);
 * res.params[0]; res.standardErrors[0];
 */
export interface MaximizeResult {
    params: Float64Array;
    logLikelihood: number;
    standardErrors: Float64Array;
    covariance: number[][];
    converged: boolean;
    iterations: number;
    aic: number;
    bic: number;
    /** Why standard errors are NaN, or why convergence is doubtful. */
    warning?: string;
}
/**
 * Options of `maximizeLikelihood`.
 *
 * @example
 * maximizeLikelihood(problem, { maxIterations: 200, tolerance: 1e-10, starts: 3 });
 */
export interface MaximizeOptions {
    maxIterations?: number;
    tolerance?: number;
    starts?: number;
}
/**
 * Maximises a log-likelihood over strictly positive parameters.
 *
 * Quasi-Newton (BFGS) on log-parameters (logit for bounded ones) with a backtracking line search,
 * analytic gradient when given, else central differences. When BFGS stalls or fails, a Nelder-Mead
 * polish restarts it, and further deterministic starts are tried (`starts`, default 4 on failure;
 * with `starts > 1` all of them are always tried and the best kept). Standard errors come from the
 * observed information: the numerical Hessian of the maximised objective in natural parameters
 * (central differences of the analytic gradient when available), inverted.
 *
 * @example
 * const res = maximizeLikelihood({
 *   names: ['lambda'], initial: [1], observations: 3,
 *   logLikelihood: (p) => 9 * Math.log(p[0]) - 3 * p[0],
 * });
 * res.params[0]; // 3
 * res.standardErrors[0]; // 1 = sqrt(lambda / n)
 */
export declare function maximizeLikelihood(problem: LikelihoodProblem, options?: MaximizeOptions): MaximizeResult;
/**
 * Numerical Hessian of the penalised log-likelihood in natural parameters (symmetrised):
 * central differences of the analytic gradient when available, else second differences of the value.
 *
 * @example
 * const H = numericalHessian(problem, Float64Array.of(3)); // [[-1]] for the Poisson example
 */
export declare function numericalHessian(problem: LikelihoodProblem, params: Float64Array): number[][];
/**
 * Inverse of a symmetric positive-definite matrix by Cholesky (scaled to unit diagonal first);
 * `undefined` when it is not positive definite.
 *
 * @example
 * invertSpd([[4, 0], [0, 2]]); // [[0.25, 0], [0, 0.5]]
 */
export declare function invertSpd(A: number[][]): number[][] | undefined;
/**
 * Runs `maximizeLikelihood` for a model and shapes the common fit result. Throws a ClvkitError when
 * the fit does not converge, unless `options.acceptNonConverged` is set.
 *
 * @example
 * const base = fitWithEngine('poisson', problem, {});
 * base.params.lambda; base.standardErrors.lambda; base.aic;
 */
export declare function fitWithEngine<P extends Record<string, number>>(model: string, problem: LikelihoodProblem, options?: FitOptions): FitResultBase<P>;
/**
 * A validated, compressed (frequency, recency, T) summary with weights, ready for a likelihood:
 * unique rows plus the distinct frequencies and each row's index into them.
 *
 * @example
 * const prep: PreparedSummary = prepareSummary({ frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86] }, 'bgnbd');
 * prep.rows; // 2
 */
export interface PreparedSummary {
    frequency: Float64Array;
    recency: Float64Array;
    T: Float64Array;
    weights: Float64Array;
    rows: number;
    /** Sum of weights. */
    customers: number;
    /** Weighted number of customers with frequency > 0. */
    repeatBuyers: number;
    /** Distinct frequencies and, per unique row, the index of its frequency. */
    distinctFrequencies: Float64Array;
    frequencyIndex: Int32Array;
}
/**
 * Validates a summary (finite values, integer frequency >= 0, 0 <= recency <= T, recency = 0 when
 * frequency = 0, weights >= 0) and compresses it to weighted unique rows. Throws a ClvkitError
 * naming the first bad row, or when there are no customers, or (with `requireRepeat`) when no
 * customer made a repeat purchase, which leaves the purchase process unidentified.
 *
 * @example
 * prepareSummary({ frequency: [0, 0], recency: [0, 0], T: [5, 6] }, 'bgnbd'); // throws: no repeat purchases
 */
export declare function prepareSummary(data: SummaryData, model: string, requireRepeat?: boolean): PreparedSummary;
/**
 * A reweighted subsample of a prepared summary for warm starts (`LikelihoodProblem.coarse`): rows
 * whose weight is at least 1/q are kept as they are, the others with probability q (deterministic
 * hash of the row number) and weight w/q, so the subsample's log-likelihood is an unbiased
 * estimate of the full one.
 *
 * @example
 * const small = subsamplePrepared(prep, 20000); // about 20,000 rows
 */
export declare function subsamplePrepared(prep: PreparedSummary, targetRows: number): PreparedSummary;
//# sourceMappingURL=fit.d.ts.map