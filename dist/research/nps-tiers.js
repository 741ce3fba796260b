import { valueTiers } from '../segment/pyramid.js';
import { npsFromGroupCounts } from './nps-groups.js';
import { npsCategory } from './nps.js';
/**
 * NPS by value tier: the tiers are the customer pyramid ({@link valueTiers}) of the whole customer base by
 * historical value (e.g. total spend from the transaction summary); each respondent is matched to a
 * customer by id and counted in that customer's tier. Respondents not in the base are counted as unmatched.
 *
 * @param respondentIds customer id of each score
 * @param scores 0–10 scores
 * @param customerIds ids of the customer base
 * @param values historical value of each customer (same order as customerIds)
 * @example
 * const r = npsByValueTier(['C1', 'C2', 'C9'], [10, 3, 9], ['C1', 'C2'], [500, 20], { cuts: [0.5, 0.5], names: ['top', 'rest'] });
 * r.groups.map((g) => [g.group, g.nps]); // [['top', 100], ['rest', -100]]
 * r.unmatched; // 1
 */
export function npsByValueTier(respondentIds, scores, customerIds, values, options = {}) {
    if (respondentIds.length !== scores.length)
        throw new RangeError(`npsByValueTier: ${scores.length} scores but ${respondentIds.length} ids`);
    const tiers = valueTiers(values, options);
    const index = new Map();
    customerIds.forEach((id, i) => index.set(id, i));
    const counts = new Map(tiers.names.map((name) => [name, [0, 0, 0]]));
    let matched = 0;
    let unmatched = 0;
    const unmatchedExamples = [];
    for (let i = 0; i < scores.length; i++) {
        const k = npsCategory(scores[i]);
        const c = index.get(respondentIds[i]);
        if (c === undefined) {
            unmatched++;
            if (unmatchedExamples.length < 5)
                unmatchedExamples.push(respondentIds[i]);
            continue;
        }
        matched++;
        counts.get(tiers.names[tiers.tier[c]])[k === 'promoter' ? 0 : k === 'passive' ? 1 : 2]++;
    }
    const groups = npsFromGroupCounts(counts, options).map((g, t) => ({
        ...g,
        tierCustomers: tiers.counts[t],
        tierValueShare: tiers.valueShares[t],
    }));
    return { groups, matched, unmatched, unmatchedExamples };
}
//# sourceMappingURL=nps-tiers.js.map