import type { SummaryRow } from '../types.ts';
import { type TransactionModel } from './bgnbd.ts';
import { type LikelihoodProblem, type PreparedSummary } from './fit.ts';
import type { FitOptions, FitResultBase, SummaryData } from './types.ts';
/**
 * Pareto/NBD parameters: purchase rates Gamma(r, alpha), dropout rates Gamma(s, beta).
 *
 * @example
 * const p: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 */
export interface ParetoNbdParams extends Record<string, number> {
    r: number;
    alpha: number;
    s: number;
    beta: number;
}
/**
 * A Pareto/NBD model: fit results, predictions and the discounted expected residual transactions.
 *
 * @example
 * const m: ParetoNbdModel = fitParetoNbd(summary);
 * m.discountedExpectedResidualTransactions({ frequency: 2, recency: 30.43, T: 38.86 }, 0.0018);
 */
export interface ParetoNbdModel extends FitResultBase<ParetoNbdParams>, TransactionModel {
    model: 'paretonbd';
    /**
     * DERT (Fader, Hardie & Lee 2005b, eq. 2): expected purchases after T discounted continuously
     * at rate `delta` per time unit, over an infinite horizon.
     */
    discountedExpectedResidualTransactions(row: SummaryRow, delta: number): number;
    /** DERT for every row of a summary. */
    discountedExpectedResidualTransactionsAll(data: SummaryData, delta: number): Float64Array;
}
/**
 * log I + r log α + s log β, with I = ∫_{t_x}^T (α+τ)^{-(r+x)} (β+τ)^{-(s+1)} dτ, through the
 * closed form I = (F(t_x) - F(T)) / (r+s+x) (Fader & Hardie 2005 note §3, A_0 term after Euler's
 * transformation).
 *
 * @example
 * logDropoutIntegralSeries(0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86);
 */
export declare function logDropoutIntegralSeries(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number;
/**
 * log I + r log α + s log β, with I = ∫_{t_x}^T (α+τ)^{-(r+x)} (β+τ)^{-(s+1)} dτ (the dropout term
 * of the likelihood, Fader & Hardie 2005 note §3, before its 2F1 closed form), by tanh-sinh
 * quadrature, used where the 2F1 series converges slowly (β ≫ α or α ≫ β). The substitution
 * (α+τ)^{-(r+x)} dτ ∝ dp, p in (0, 1), leaves the smooth factor (β+τ)^{-(s+1)} to integrate.
 * With `g`, fills the gradient wrt (r, α, s, β) by differentiating under the integral.
 *
 * @example
 * logDropoutIntegralQuad(0.5, 2, 0.01, 5000, 3, 10, 40); // same value as logDropoutIntegralSeries
 */
export declare function logDropoutIntegralQuad(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number, g?: Float64Array, H?: Float64Array): number;
/**
 * Per-row Pareto/NBD log-likelihood (Fader & Hardie 2005 note), unweighted.
 *
 * @example
 * paretoNbdLogLikelihood({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, { frequency: [2], recency: [30.43], T: [38.86] });
 */
export declare function paretoNbdLogLikelihood(params: ParetoNbdParams, data: SummaryData): Float64Array;
/**
 * The weighted Pareto/NBD likelihood over a prepared summary with its analytic gradient (the
 * derivatives of the 2F1 series are summed term by term). Large summaries get a reweighted
 * subsample as warm start (`coarse`).
 *
 * @example
 * const problem = paretoNbdProblem(prepareSummary(summary, 'paretonbd'));
 */
export declare function paretoNbdProblem(prep: PreparedSummary, coarseRows?: number): LikelihoodProblem;
/**
 * P(X(t) = n) for a new Pareto/NBD customer (Fader & Hardie 2006 note "Deriving an expression for
 * P(X(t) = x) under the Pareto/NBD model"): the NBD count times the probability to be alive at t,
 * plus the dropout-time integral ∫_0^t NBD(n; τ) s β^s (β+τ)^{-(s+1)} dτ. The integral (§4
 * of the note, which evaluates it with 2F1 terms and a finite sum) is computed by tanh-sinh
 * quadrature here, which avoids the note's subtraction of nearly equal terms.
 *
 * @example
 * paretoNbdPmf({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 0, 39);
 */
export declare function paretoNbdPmf(p: ParetoNbdParams, n: number, t: number): number;
/**
 * Prediction methods of a Pareto/NBD model from its parameters.
 *
 * @example
 * const preds = paretoNbdPredictions({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
 * preds.probabilityAlive({ frequency: 500, recency: 38, T: 39 });
 */
export declare function paretoNbdPredictions(params: ParetoNbdParams): TransactionModel & Pick<ParetoNbdModel, 'discountedExpectedResidualTransactions' | 'discountedExpectedResidualTransactionsAll'>;
/**
 * A Pareto/NBD model from known parameters (no fitting): predictions only.
 *
 * @example
 * const m = paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
 * m.expectedTransactions(39);
 */
export declare function paretoNbdModel(params: ParetoNbdParams): ParetoNbdModel;
/**
 * Fits the Pareto/NBD model by maximum likelihood on the compressed summary, with the analytic
 * gradient. Throws a ClvkitError when no customer made a repeat purchase or the fit does not converge.
 *
 * @example
 * const m = fitParetoNbd({ frequency, recency, T });
 * m.params; // CDNOW: r 0.553, alpha 10.578, s 0.606, beta 11.669; LL -9595.0
 */
export declare function fitParetoNbd(data: SummaryData, options?: FitOptions): ParetoNbdModel;
//# sourceMappingURL=paretonbd.d.ts.map