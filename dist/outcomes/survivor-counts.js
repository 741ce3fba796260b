/**
 * Turn right-censored contract lifetimes into survivor counts the sBG and BdW fit exactly.
 * In discrete time a contract is active at the start of period t when it ends after its t-th
 * anniversary, so a contract ending at tenure u churned at T = max(1, ceil(u)). A contract observed
 * for m whole periods contributes an observed churn at T when T <= m, and is otherwise a survivor
 * censored at m (a churn inside the last, incomplete period is not used: that period was not watched
 * for everyone). Grouping contracts by m gives cohorts alive[0..m] whose joint survivor-count
 * likelihood, Σ lost_t log P(T = t) + alive_m log S(m) per group, is exactly the sBG likelihood with
 * right-censored lifetimes (Fader & Hardie 2007, §3: churners contribute P(T = t), survivors S(m)),
 * and the same for the BdW (Fader et al. 2018, §2).
 *
 * @example
 * const counts = survivorCounts(contractLifetimes(contracts, end, 'month'));
 * fitSbg(counts.cohorts);
 */
export function survivorCounts(lifetimes, include) {
    const byM = new Map(); // m -> churn count at T = 1..m, plus censored at index 0
    let used = 0;
    let tooRecent = 0;
    for (let i = 0; i < lifetimes.time.length; i++) {
        if (include && !include(i))
            continue;
        const m = lifetimes.observedPeriods[i];
        if (m < 1) {
            tooRecent++;
            continue;
        }
        used++;
        let counts = byM.get(m);
        if (!counts)
            byM.set(m, (counts = new Array(m + 1).fill(0)));
        const T = Math.max(1, Math.ceil(lifetimes.time[i]));
        if (lifetimes.event[i] && T <= m)
            counts[T]++;
        else
            counts[0]++;
    }
    const cohorts = [...byM.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([m, counts]) => {
        const size = counts.reduce((s, v) => s + v, 0);
        const alive = [size];
        for (let t = 1; t <= m; t++)
            alive.push(alive[t - 1] - counts[t]);
        return { name: `observed ${m} period${m === 1 ? '' : 's'}`, alive };
    });
    const churnAt = new Map();
    const censoredAt = new Map();
    for (const [m, counts] of byM) {
        if (counts[0] > 0)
            censoredAt.set(m, counts[0]);
        for (let t = 1; t <= m; t++)
            if (counts[t] > 0)
                churnAt.set(t, (churnAt.get(t) ?? 0) + counts[t]);
    }
    const sorted = (map) => [...map.entries()].sort((a, b) => a[0] - b[0]);
    return { cohorts, used, tooRecent, churned: sorted(churnAt), censored: sorted(censoredAt) };
}
//# sourceMappingURL=survivor-counts.js.map