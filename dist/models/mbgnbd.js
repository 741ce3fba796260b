/**
 * MBG/NBD model (Batislam, Denizel & Filiztekin 2007, "Empirical validation and comparison of
 * models for customer base analysis", International Journal of Research in Marketing 24(3), 201-209).
 *
 * As the BG/NBD (Fader, Hardie & Lee 2005a) but a customer may also become inactive right after
 * the first purchase (at time 0), so customers with no repeat purchase can be inactive too.
 */
import { bgFamilyLogLikelihood, bgFamilyPredictions, bgFamilyProblem, checkPositiveParams } from './bgnbd.js';
import { fitWithEngine, prepareSummary } from './fit.js';
/**
 * Per-row MBG/NBD log-likelihood (Batislam et al. 2007, MBG/NBD likelihood), unweighted:
 * L = B(a,b+x+1)/B(a,b) Γ(r+x)α^r/(Γ(r)(α+T)^{r+x}) + B(a+1,b+x)/B(a,b) Γ(r+x)α^r/(Γ(r)(α+t_x)^{r+x}).
 *
 * @example
 * mbgNbdLogLikelihood({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, { frequency: [0], recency: [0], T: [38.86] });
 */
export function mbgNbdLogLikelihood(params, data) {
    return bgFamilyLogLikelihood('mbgnbd', params, data);
}
/**
 * An MBG/NBD model from known parameters (no fitting): predictions only.
 *
 * @example
 * const m = mbgNbdModel({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 });
 * m.expectedTransactions(39);
 */
export function mbgNbdModel(params) {
    checkPositiveParams('mbgnbd', params, ['r', 'alpha', 'a', 'b']);
    const p = { r: params.r, alpha: params.alpha, a: params.a, b: params.b };
    return {
        model: 'mbgnbd',
        params: p,
        standardErrors: { r: NaN, alpha: NaN, a: NaN, b: NaN },
        logLikelihood: NaN,
        converged: false,
        iterations: 0,
        aic: NaN,
        bic: NaN,
        customers: 0,
        warning: 'built from parameters, not fitted',
        ...bgFamilyPredictions('mbgnbd', p),
    };
}
/**
 * Fits the MBG/NBD model by maximum likelihood (Batislam et al. 2007) on the compressed
 * summary, with the analytic gradient.
 *
 * @example
 * const m = fitMbgNbd({ frequency, recency, T });
 * m.params; // CDNOW: r 0.525, alpha 6.183, a 0.891, b 1.614 (as cited)
 */
export function fitMbgNbd(data, options = {}) {
    const prep = prepareSummary(data, 'mbgnbd');
    const base = fitWithEngine('mbgnbd', bgFamilyProblem('mbgnbd', prep), options);
    return { ...base, model: 'mbgnbd', ...bgFamilyPredictions('mbgnbd', base.params) };
}
//# sourceMappingURL=mbgnbd.js.map