import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
/**
 * Kaplan-Meier product-limit estimator (Kaplan & Meier 1958, JASA 53, the product-limit estimate: S(t) = Π_{t_i <= t} (1 − d_i/n_i))
 * with Greenwood's variance (Greenwood 1926; Klein & Moeschberger 2003, Survival Analysis, eq. 4.2.2)
 * and two pointwise bands: plain S ± z·se, and log-log S^(1/θ) .. S^θ with θ = exp(z·σ/ln S),
 * σ² = Σ d/(n(n−d)) (Klein & Moeschberger 2003, eq. 4.3.2; Kalbfleisch & Prentice 1980). Steps are
 * listed at every distinct time with an event or a censoring.
 *
 * @example
 * // AML, maintained group (Miller 1981): 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+
 * const km = kaplanMeier([9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0]);
 * km.survivalAt(13); // 0.8182
 * km.median;         // 31
 */
export function kaplanMeier(times, events, level = 0.95) {
    const n = times.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a] - times[b]);
    const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
    const steps = [];
    let atRisk = n;
    let s = 1;
    let sigma2 = 0;
    let totalEvents = 0;
    for (let k = 0; k < n;) {
        const t = times[order[k]];
        let d = 0;
        let c = 0;
        while (k < n && times[order[k]] === t) {
            if (events[order[k]])
                d++;
            else
                c++;
            k++;
        }
        if (d > 0) {
            s *= 1 - d / atRisk; // product-limit step, Kaplan & Meier (1958)
            sigma2 += atRisk > d ? d / (atRisk * (atRisk - d)) : Infinity; // Greenwood (1926); K&M 2003 eq. 4.2.2
        }
        totalEvents += d;
        steps.push({ t, at_risk: atRisk, events: d, censored: c, survival: s, ...bands(s, sigma2, z) });
        atRisk -= d + c;
    }
    const median = firstAtOrBelow(steps, (x) => x.survival);
    return {
        steps,
        n,
        events: totalEvents,
        level,
        median,
        // Brookmeyer & Crowley (1982), Biometrics 38: {t : 0.5 inside the band}, read where each band crosses 0.5.
        median_lower: firstAtOrBelow(steps, (x) => x.lower),
        median_upper: firstAtOrBelow(steps, (x) => x.upper),
        survivalAt: (t) => survivalAt(steps, t),
    };
}
function bands(s, sigma2, z) {
    if (s === 0 || !Number.isFinite(sigma2))
        return { se: NaN, lower: NaN, upper: NaN, lower_plain: NaN, upper_plain: NaN };
    const sigma = Math.sqrt(sigma2);
    const se = s * sigma; // Greenwood: Var S = S² Σ d/(n(n−d))
    if (s === 1)
        return { se: 0, lower: 1, upper: 1, lower_plain: 1, upper_plain: 1 };
    const theta = Math.exp((z * sigma) / Math.log(s)); // Klein & Moeschberger (2003), eq. 4.3.2
    return {
        se,
        lower: Math.pow(s, 1 / theta),
        upper: Math.pow(s, theta),
        lower_plain: Math.max(0, s - z * se),
        upper_plain: Math.min(1, s + z * se),
    };
}
function firstAtOrBelow(steps, value) {
    // A band is undefined where S = 0; it is 0 there.
    for (const st of steps)
        if (st.events > 0 && (st.survival === 0 ? 0 : value(st)) <= 0.5)
            return st.t;
    return NaN;
}
function survivalAt(steps, t) {
    let s = 1;
    for (const st of steps) {
        if (st.t > t)
            break;
        s = st.survival;
    }
    return s;
}
//# sourceMappingURL=kaplan-meier.js.map