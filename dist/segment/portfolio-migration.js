import { migrationMatrix } from './migration.js';
/**
 * Migration matrices (counts and row shares) between an analysis at an earlier observation end and one at
 * a later end: CLV tiers, past-spend tiers and RFM segments, customers matched by id, newcomers in `(new)`.
 *
 * @example
 * const m = portfolioMigration(analysePortfolio(summaryAtJune), analysePortfolio(summaryAtDecember));
 * m.tiers.counts; m.rfmSegments.rowShares;
 */
export function portfolioMigration(before, after) {
    const labels = (a, key) => {
        const t = a.assignments[key];
        return { ids: a.customerIds, labels: Array.from(t.tier, (k) => t.names[k]) };
    };
    const segmentOrder = after.rfm.rules.map((r) => r.name);
    return {
        tiers: migrationMatrix(labels(before, 'pyramid'), labels(after, 'pyramid'), after.assignments.pyramid.names),
        pastTiers: migrationMatrix(labels(before, 'pastPyramid'), labels(after, 'pastPyramid'), after.assignments.pastPyramid.names),
        rfmSegments: migrationMatrix({ ids: before.customerIds, labels: before.rfm.segments }, { ids: after.customerIds, labels: after.rfm.segments }, segmentOrder),
    };
}
//# sourceMappingURL=portfolio-migration.js.map