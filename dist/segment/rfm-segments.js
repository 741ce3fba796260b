import { ClvkitError } from '../errors.js';
/**
 * The default named segments, matched in this order, first match wins. Scores are quintiles (5 = best);
 * the grid over R (rows) and F (columns) is covered completely, so every customer gets a segment:
 *
 * | # | segment | R | F | M | reading |
 * |---|---|---|---|---|---|
 * | 1 | Champions | 4–5 | 4–5 | 4–5 | bought recently, often, and spend the most |
 * | 2 | Loyal | 3–5 | 4–5 | any | frequent buyers still active |
 * | 3 | Potential loyalists | 4–5 | 2–3 | any | recent buyers with a few purchases |
 * | 4 | New | 5 | 1 | any | first purchase very recently |
 * | 5 | Promising | 4 | 1 | any | recent single purchase |
 * | 6 | Need attention | 3 | 3 | any | middling recency and frequency |
 * | 7 | About to sleep | 3 | 1–2 | any | fading, few purchases |
 * | 8 | Cannot lose them | 1–2 | 4–5 | 4–5 | used to buy often and much, gone quiet |
 * | 9 | At risk | 1–2 | 3–5 | any | used to buy regularly, gone quiet |
 * | 10 | Hibernating | 2 | 1–2 | any | long ago, few purchases |
 * | 11 | Lost | 1 | 1–2 | any | longest ago, few purchases |
 *
 * The bounds are this project's own reading of the RFM grid (Hughes 1994; Kumar & Reinartz, Customer
 * Relationship Management, ch. on customer value metrics); replace them with a JSON file of rules.
 */
export const DEFAULT_RFM_SEGMENTS = [
    { name: 'Champions', r: [4, 5], f: [4, 5], m: [4, 5] },
    { name: 'Loyal', r: [3, 5], f: [4, 5] },
    { name: 'Potential loyalists', r: [4, 5], f: [2, 3] },
    { name: 'New', r: [5, 5], f: [1, 1] },
    { name: 'Promising', r: [4, 4], f: [1, 1] },
    { name: 'Need attention', r: [3, 3], f: [3, 3] },
    { name: 'About to sleep', r: [3, 3], f: [1, 2] },
    { name: 'Cannot lose them', r: [1, 2], f: [4, 5], m: [4, 5] },
    { name: 'At risk', r: [1, 2], f: [3, 5] },
    { name: 'Hibernating', r: [2, 2], f: [1, 2] },
    { name: 'Lost', r: [1, 1], f: [1, 2] },
];
/** Name given to customers no rule matches (only possible with custom rules). */
export const UNMATCHED_SEGMENT = 'Other';
/**
 * Named RFM segment of each customer: the first rule whose R, F and M bounds all contain the
 * customer's scores, or `Other` when none does.
 *
 * @example
 * const s = { recency: Int8Array.from([5, 1]), frequency: Int8Array.from([5, 1]), monetary: Int8Array.from([5, 1]) };
 * rfmSegments(s); // ['Champions', 'Lost']
 */
export function rfmSegments(scores, rules = DEFAULT_RFM_SEGMENTS) {
    const n = scores.recency.length;
    const out = new Array(n);
    const inside = (v, b) => b === undefined || (v >= b[0] && v <= b[1]);
    const segmentOf = (r, f, m) => {
        const rule = rules.find((x) => inside(r, x.r) && inside(f, x.f) && inside(m, x.m));
        return rule ? rule.name : UNMATCHED_SEGMENT;
    };
    // the segment of each score triple 0..15 is looked up once (scores are 1..5 with the default quintiles)
    const memo = new Array(4096);
    for (let i = 0; i < n; i++) {
        const r = scores.recency[i];
        const f = scores.frequency[i];
        const m = scores.monetary[i];
        if (r >= 0 && r < 16 && f >= 0 && f < 16 && m >= 0 && m < 16) {
            const key = (r << 8) | (f << 4) | m;
            out[i] = memo[key] ??= segmentOf(r, f, m);
        }
        else {
            out[i] = segmentOf(r, f, m);
        }
    }
    return out;
}
/**
 * Check and normalise custom rules (from a parsed JSON document: an array of rules, or
 * `{ "segments": [...] }`). Bounds are two whole scores low <= high within 1..5.
 *
 * @example
 * parseRfmRules({ segments: [{ name: 'Best', r: [5, 5] }, { name: 'Rest' }] }); // two rules
 */
export function parseRfmRules(doc, source = 'RFM rules') {
    const list = Array.isArray(doc) ? doc : doc?.segments;
    if (!Array.isArray(list) || list.length === 0)
        throw new ClvkitError(`${source}: expected a non-empty array of segments, or {"segments": [...]}`);
    const seen = new Set();
    return list.map((item, k) => {
        const o = item;
        if (typeof o?.name !== 'string' || o.name.length === 0)
            throw new ClvkitError(`${source}: segment ${k + 1} needs a "name"`);
        if (seen.has(o.name))
            throw new ClvkitError(`${source}: segment name "${o.name}" appears twice`);
        seen.add(o.name);
        const rule = { name: o.name };
        for (const key of ['r', 'f', 'm']) {
            const b = o[key];
            if (b === undefined)
                continue;
            if (!Array.isArray(b) || b.length !== 2 || !b.every((v) => Number.isInteger(v) && v >= 1 && v <= 5) || b[0] > b[1]) {
                throw new ClvkitError(`${source}: segment "${o.name}": "${key}" must be [low, high] with whole scores 1 <= low <= high <= 5`);
            }
            rule[key] = [b[0], b[1]];
        }
        for (const key of Object.keys(o)) {
            if (!['name', 'r', 'f', 'm', 'description'].includes(key))
                throw new ClvkitError(`${source}: segment "${o.name}": unknown field "${key}" (use name, r, f, m, description)`);
        }
        return rule;
    });
}
//# sourceMappingURL=rfm-segments.js.map