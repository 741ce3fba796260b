import type { FitOptions, FitResultBase } from './types.ts';
/**
 * Gamma-Gamma parameters: z ~ Gamma(p, nu), nu ~ Gamma(q, v).
 *
 * @example
 * const p: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };
 */
export interface GammaGammaParams extends Record<string, number> {
    p: number;
    q: number;
    v: number;
}
/**
 * Input: frequency (repeat transactions) and monetaryValue (mean value of those repeat transactions) per customer.
 * Customers with frequency 0 are ignored in the fit.
 *
 * @example
 * const data: GammaGammaData = { frequency: [2, 1, 0], monetaryValue: [22.35, 11.77, 0] };
 */
export interface GammaGammaData {
    frequency: ArrayLike<number>;
    monetaryValue: ArrayLike<number>;
    weights?: ArrayLike<number>;
}
/**
 * A fitted (or parameterised) Gamma-Gamma model.
 *
 * @example
 * const m = gammaGammaModel({ p: 6.25, q: 3.74, v: 15.44 });
 * m.expectedAverageSpend(); // p v / (q - 1) = 35.22
 * m.conditionalExpectedAverageSpend(2, 22.35);
 */
export interface GammaGammaModel extends FitResultBase<GammaGammaParams> {
    model: 'gammagamma';
    /** Pearson correlation of frequency and monetary value among the repeat buyers fitted (NaN without a fit). */
    frequencySpendCorrelation: number;
    /** Customers left out of the fit because their mean repeat spend was not positive. */
    excludedNonPositiveSpend: number;
    /** E[M] = p v / (q - 1), the population mean spend per transaction (Infinity when q <= 1). */
    expectedAverageSpend(): number;
    /** E[M | x, m] = p (v + x m) / (p x + q - 1), the conditional mean spend per transaction. */
    conditionalExpectedAverageSpend(frequency: number, monetaryValue: number): number;
}
/**
 * log f(m | p, q, v, x): density of the mean m of x transactions (Fader & Hardie 2013 note, §2, the
 * distribution of the mean; FHL 2005b, the spend submodel): Gamma(px+q)/(Gamma(px) Gamma(q)) v^q m^(px-1) x^(px) / (v + m x)^(px+q).
 * With `grad` (length 3) adds its gradient wrt (p, q, v).
 *
 * @example
 * gammaGammaLogLikelihoodRow({ p: 1, q: 1, v: 1 }, 1, 1); // log(1/4)
 */
export declare function gammaGammaLogLikelihoodRow(params: GammaGammaParams, x: number, m: number, grad?: Float64Array | number[]): number;
/**
 * A Gamma-Gamma model from known parameters (no fit).
 *
 * @example
 * gammaGammaModel({ p: 6.25, q: 3.74, v: 15.44 }).conditionalExpectedAverageSpend(0, 0); // = population mean
 */
export declare function gammaGammaModel(params: GammaGammaParams, fit?: Omit<FitResultBase<GammaGammaParams>, 'params' | 'model'> & {
    frequencySpendCorrelation?: number;
    excludedNonPositiveSpend?: number;
}): GammaGammaModel;
/**
 * Fit the Gamma-Gamma model on the repeat buyers (frequency > 0 and a positive mean spend), by maximum
 * likelihood with analytic gradients; reports the frequency-spend correlation the model assumes is zero.
 *
 * @example
 * const fitted = fitGammaGamma({ frequency: summary.frequency, monetaryValue: summary.monetaryValue });
 * fitted.params; // CDNOW: { p: 6.25, q: 3.74, v: 15.44 }
 * fitted.frequencySpendCorrelation; // 0.11 on CDNOW
 */
export declare function fitGammaGamma(data: GammaGammaData, options?: FitOptions): GammaGammaModel;
//# sourceMappingURL=gammagamma.d.ts.map