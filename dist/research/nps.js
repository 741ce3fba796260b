import { ClvkitError } from '../errors.js';
import { npsFromCounts } from './nps-counts.js';
/**
 * Category of one likelihood-to-recommend score (Reichheld 2003, Harvard Business Review 81(12)).
 *
 * @example
 * npsCategory(9); // 'promoter'
 * npsCategory(7); // 'passive'
 * npsCategory(6); // 'detractor'
 */
export function npsCategory(score) {
    if (!(Number.isInteger(score) && score >= 0 && score <= 10)) {
        throw new ClvkitError(`an NPS score is a whole number from 0 to 10, got ${score}`);
    }
    return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}
/**
 * Net Promoter Score of 0–10 scores: 100 (share of promoters − share of detractors), with its standard error
 * and intervals (see {@link npsFromCounts}).
 *
 * @example
 * const r = netPromoterScore([10, 9, 8, 7, 6, 0]);
 * r.nps; // 100 * (2 - 2) / 6 = 0
 * r.promoters; // 2
 */
export function netPromoterScore(scores, options = {}) {
    let promoters = 0;
    let passives = 0;
    let detractors = 0;
    for (let i = 0; i < scores.length; i++) {
        const c = npsCategory(scores[i]);
        if (c === 'promoter')
            promoters++;
        else if (c === 'passive')
            passives++;
        else
            detractors++;
    }
    return npsFromCounts(promoters, passives, detractors, options);
}
//# sourceMappingURL=nps.js.map