import { npsFromCounts } from './nps-counts.js';
import { npsDifference } from './nps-difference.js';
import { npsCategory } from './nps.js';
/**
 * NPS per group, groups in first-seen order. Each group is also compared with the rest of the respondents;
 * with exactly two groups, `versusRest` of the first is the two-group difference (first − second).
 *
 * @param scores 0–10 scores
 * @param groups group label of each score (same length)
 * @example
 * const g = npsByGroup([10, 9, 3, 10, 7, 0], ['web', 'web', 'web', 'store', 'store', 'store']);
 * g[0].group; // 'web'
 * g[0].nps;   // 100 * (2 - 1) / 3 = 33.33
 * g[0].versusRest!.difference; // 33.33 - 0 = 33.33
 */
export function npsByGroup(scores, groups, options = {}) {
    if (scores.length !== groups.length)
        throw new RangeError(`npsByGroup: ${scores.length} scores but ${groups.length} group labels`);
    const counts = new Map();
    for (let i = 0; i < scores.length; i++) {
        let c = counts.get(groups[i]);
        if (c === undefined) {
            c = [0, 0, 0];
            counts.set(groups[i], c);
        }
        const k = npsCategory(scores[i]);
        c[k === 'promoter' ? 0 : k === 'passive' ? 1 : 2]++;
    }
    return npsFromGroupCounts(counts, options);
}
/**
 * NPS per group from [promoters, passives, detractors] counts, in the map's order (empty groups allowed:
 * their NPS, SE and interval are NaN, null in JSON).
 *
 * @example
 * npsFromGroupCounts(new Map([['a', [5, 3, 2]], ['b', [0, 0, 0]]]))[1].n; // 0
 */
export function npsFromGroupCounts(counts, options = {}) {
    let tP = 0;
    let tA = 0;
    let tD = 0;
    for (const [p, a, d] of counts.values()) {
        tP += p;
        tA += a;
        tD += d;
    }
    const out = [];
    for (const [group, [p, a, d]] of counts) {
        const r = npsFromCounts(p, a, d, options);
        const restN = tP + tA + tD - (p + a + d);
        const versusRest = r.n > 0 && restN > 0 ? npsDifference(r, npsFromCounts(tP - p, tA - a, tD - d, options), options) : null;
        out.push({ group, ...r, versusRest });
    }
    return out;
}
//# sourceMappingURL=nps-groups.js.map