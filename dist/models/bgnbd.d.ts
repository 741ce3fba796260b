import type { SummaryRow } from '../types.ts';
import { type LikelihoodProblem, type PreparedSummary } from './fit.ts';
import type { FitOptions, FitResultBase, SummaryData } from './types.ts';
/**
 * BG/NBD parameters: purchase rate heterogeneity Gamma(r, alpha), dropout Beta(a, b).
 *
 * @example
 * const p: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 */
export interface BgNbdParams extends Record<string, number> {
    r: number;
    alpha: number;
    a: number;
    b: number;
}
/**
 * The common prediction interface of the BG/NBD-family and Pareto/NBD models (DESIGN.md §2).
 *
 * @example
 * const m: TransactionModel = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * m.expectedTransactions(39);
 */
export interface TransactionModel {
    /** E[X(t)]: expected repeat transactions in (0, t] of a customer who made a first purchase at 0. */
    expectedTransactions(t: number): number;
    /** E[Y(t) | frequency, recency, T]: expected transactions in (T, T + t]. */
    conditionalExpectedTransactions(t: number, row: SummaryRow): number;
    /** P(alive at T | frequency, recency, T). */
    probabilityAlive(row: SummaryRow): number;
    /** P(X(t) = n) for a new customer. */
    probabilityOfTransactions(n: number, t: number): number;
    /** P(Y(t) = n | frequency, recency, T): n transactions in (T, T + t]. */
    conditionalProbabilityOfTransactions(n: number, t: number, row: SummaryRow): number;
    /** probabilityAlive for every row of a summary. */
    probabilityAliveAll(data: SummaryData): Float64Array;
    /** conditionalExpectedTransactions for every row of a summary. */
    conditionalExpectedTransactionsAll(t: number, data: SummaryData): Float64Array;
}
/**
 * A BG/NBD model: fit results plus predictions.
 *
 * @example
 * const m: BgNbdModel = fitBgNbd(summary);
 * m.params.r; m.probabilityAlive({ frequency: 2, recency: 30.43, T: 38.86 });
 */
export interface BgNbdModel extends FitResultBase<BgNbdParams>, TransactionModel {
    model: 'bgnbd';
}
/**
 * Which member of the family: BG/NBD (dropout after repeat purchases) or MBG/NBD (also at time 0).
 *
 * @example
 * const family: BgFamily = 'mbgnbd';
 */
export type BgFamily = 'bgnbd' | 'mbgnbd';
/**
 * Per-row log-likelihood (unweighted) of BG/NBD-family models; shared by `bgNbdLogLikelihood` and
 * `mbgNbdLogLikelihood`.
 *
 * BG/NBD, FHL 2005a eq. (6): L = B(a,b+x)/B(a,b) Γ(r+x)α^r/(Γ(r)(α+T)^{r+x})
 *   + δ_{x>0} B(a+1,b+x-1)/B(a,b) Γ(r+x)α^r/(Γ(r)(α+t_x)^{r+x}).
 * MBG/NBD, Batislam et al. 2007 (likelihood): B(a,b+x+1) in the first term and B(a+1,b+x) in the second,
 * for every x. The two terms are combined as log(first) + softplus(log(second/first)).
 *
 * @example
 * bgFamilyLogLikelihood('bgnbd', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: [0], recency: [0], T: [38.86] });
 */
export declare function bgFamilyLogLikelihood(family: BgFamily, params: BgNbdParams, data: SummaryData): Float64Array;
/**
 * Per-row BG/NBD log-likelihood (FHL 2005a eq. 6), unweighted.
 *
 * @example
 * const ll = bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: [2], recency: [30.43], T: [38.86] });
 */
export declare function bgNbdLogLikelihood(params: BgNbdParams, data: SummaryData): Float64Array;
/**
 * The weighted BG/NBD-family likelihood over a prepared summary, with its analytic gradient and
 * Hessian. Terms that depend only on the frequency (log-gamma, log-beta, digamma, trigamma) are
 * computed once per distinct frequency, logs of α + T and α + t_x once per distinct value. Large
 * summaries get a reweighted subsample as warm start (`coarse`).
 *
 * @example
 * const problem = bgFamilyProblem('bgnbd', prepareSummary(summary, 'bgnbd'));
 */
export declare function bgFamilyProblem(family: BgFamily, prep: PreparedSummary, coarseRows?: number): LikelihoodProblem;
declare function checkT(t: number, what?: string): void;
declare function checkRow(row: SummaryRow): void;
/**
 * G(r, α, a, b, t) = E_{p~Beta(a,b), λ~Gamma(r,α)} [(1 - e^{-λpt}) / p], the expected number of
 * purchases in (0, t] of an active BG/NBD customer: FHL 2005a eq. (7),
 * (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))],
 * evaluated after Euler's transformation (DLMF 15.8.1) as
 * C [(1 - (1-z)^{a-1})/(a-1) - (1-z)^{a-1} Σ_{n>=1} (C-r)_n (a)_{n-1} / ((C)_n n!) z^n],
 * C = a+b-1, z = t/(α+t), which has no singularity at a = 1 and no growing terms for large r, b.
 * Falls back to quadrature over p when a + b - 1 is near or below 0.
 *
 * @example
 * bgExpectedActive(0.243, 4.414, 0.793, 2.426, 39); // E[X(39)] of the CDNOW BG/NBD fit
 */
export declare function bgExpectedActive(r: number, alpha: number, a: number, b: number, t: number): number;
/**
 * G(r, α, a, b, t) by direct quadrature of E_p[(1 - (α/(α+pt))^r)/p] over p ~ Beta(a, b)
 * (the definition behind FHL 2005a eq. 7) by tanh-sinh quadrature, which absorbs the endpoint
 * singularities of the Beta density.
 *
 * @example
 * bgExpectedActiveQuadrature(0.243, 4.414, 0.793, 2.426, 39); // same as bgExpectedActive
 */
export declare function bgExpectedActiveQuadrature(r: number, alpha: number, a: number, b: number, t: number): number;
/**
 * log NBD pmf: P(N(t) = x) for a Poisson count with Gamma(r, α) rate (FHL 2005a, assumptions i-ii).
 *
 * @example
 * Math.exp(logNbdPmf(0, 1, 1, 1)); // (α/(α+t))^r = 0.5
 */
export declare function logNbdPmf(x: number, r: number, alpha: number, t: number): number;
/**
 * P(N(t) >= x) for the NBD count (sum of the pmf from x on, or one minus the head, whichever is
 * the smaller sum; both without cancellation trouble).
 *
 * @example
 * nbdTail(0, 0.5, 2, 10); // 1
 */
export declare function nbdTail(x: number, r: number, alpha: number, t: number): number;
/**
 * P(X(t) = n) under a BG/NBD-family model with parameters (r, α, a, b):
 * BG/NBD FHL 2005a eq. (8): B(a,b+n)/B(a,b) NBD(n) + δ_{n>0} B(a+1,b+n-1)/B(a,b) P(NBD >= n);
 * MBG/NBD (dropout also at time 0, Batislam et al. 2007): B(a,b+n+1)/B(a,b) NBD(n) + B(a+1,b+n)/B(a,b) P(NBD >= n).
 *
 * @example
 * bgFamilyPmf('bgnbd', 0.243, 4.414, 0.793, 2.426, 0, 39);
 */
export declare function bgFamilyPmf(family: BgFamily, r: number, alpha: number, a: number, b: number, n: number, t: number): number;
/**
 * Applies a per-customer function once per distinct (frequency, recency, T) row and spreads the
 * results back to every customer (the summary is compressed first when it is large).
 *
 * @example
 * perUniqueRow({ frequency: [1, 1], recency: [2, 2], T: [5, 5] }, (x, tx, T) => x + tx + T); // [8, 8]
 */
export declare function perUniqueRow(data: SummaryData, f: (x: number, tx: number, T: number) => number): Float64Array;
/**
 * Builds the prediction methods of a BG/NBD-family model from its parameters.
 *
 * @example
 * const preds = bgFamilyPredictions('bgnbd', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * preds.probabilityAlive({ frequency: 0, recency: 0, T: 10 }); // 1
 */
export declare function bgFamilyPredictions(family: BgFamily, params: BgNbdParams): TransactionModel;
declare function checkParams(model: string, p: Record<string, number>, names: string[]): void;
/**
 * A BG/NBD model from known parameters (no fitting): predictions only.
 *
 * @example
 * const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * m.conditionalExpectedTransactions(39, { frequency: 2, recency: 30.43, T: 38.86 }); // 1.226
 */
export declare function bgNbdModel(params: BgNbdParams): BgNbdModel;
/**
 * Fits the BG/NBD model by maximum likelihood (FHL 2005a eq. 6) on the compressed summary.
 * Throws a ClvkitError when no customer made a repeat purchase or the fit does not converge.
 *
 * @example
 * const m = fitBgNbd({ frequency, recency, T });
 * m.params; // { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } on CDNOW
 * m.logLikelihood; // -9582.4
 */
export declare function fitBgNbd(data: SummaryData, options?: FitOptions): BgNbdModel;
export { checkParams as checkPositiveParams, checkRow as checkSummaryRow, checkT as checkHorizon };
//# sourceMappingURL=bgnbd.d.ts.map