import { wilsonInterval } from './wilson.js';
/**
 * The retention-rate curve by tenure, r_t = survivors at t / survivors at t − 1 (Fader & Hardie 2007,
 * §2, r_t = S(t)/S(t−1)), pooled over contracts that were observed through period t (a life table;
 * Wilson intervals). With heterogeneous customers this rises with tenure even when each customer's
 * own churn probability is constant: the high-churn customers leave first.
 *
 * @example
 * retentionRates(survivorCounts(lifetimes)); // [{ t: 1, at_risk: 1000, renewed: 631, retention_rate: 0.631, ... }, ...]
 */
export function retentionRates(counts, level = 0.95) {
    const maxM = counts.cohorts.reduce((m, c) => Math.max(m, c.alive.length - 1), 0);
    const rows = [];
    for (let t = 1; t <= maxM; t++) {
        let atRisk = 0;
        let renewed = 0;
        for (const c of counts.cohorts) {
            if (c.alive.length - 1 < t)
                continue;
            atRisk += c.alive[t - 1];
            renewed += c.alive[t];
        }
        if (atRisk === 0)
            break;
        const w = wilsonInterval(renewed, atRisk, level);
        rows.push({ t, at_risk: atRisk, renewed, retention_rate: w.rate, lower: w.lower, upper: w.upper });
    }
    return rows;
}
/**
 * Whether the observed retention rates rise with tenure: the weighted least-squares slope of r_t on t
 * (weights: at_risk) over the periods with at least `minAtRisk` contracts at risk is positive and the last
 * of those rates is above the first; with the first and last rates for the note.
 *
 * @example
 * retentionTrend(rows); // { rising: true, first: 0.631, last: 0.92, last_t: 7, slope: 0.04 }
 */
export function retentionTrend(all, minAtRisk = 30) {
    const kept = all.filter((r) => r.at_risk >= minAtRisk);
    const rows = kept.length >= 2 ? kept : all;
    const lastRow = rows[rows.length - 1];
    if (rows.length < 2)
        return { rising: false, first: rows[0]?.retention_rate ?? NaN, last: lastRow?.retention_rate ?? NaN, last_t: lastRow?.t ?? NaN, slope: NaN };
    let sw = 0;
    let st = 0;
    let sr = 0;
    for (const r of rows) {
        sw += r.at_risk;
        st += r.at_risk * r.t;
        sr += r.at_risk * r.retention_rate;
    }
    const tm = st / sw;
    const rm = sr / sw;
    let num = 0;
    let den = 0;
    for (const r of rows) {
        num += r.at_risk * (r.t - tm) * (r.retention_rate - rm);
        den += r.at_risk * (r.t - tm) ** 2;
    }
    const slope = num / den; // weighted least-squares slope
    // Rising: a positive weighted slope and a last rate above the first.
    return { rising: slope > 0 && lastRow.retention_rate > rows[0].retention_rate, first: rows[0].retention_rate, last: lastRow.retention_rate, last_t: lastRow.t, slope };
}
//# sourceMappingURL=retention-rates.js.map