import { type MigrationMatrix } from './migration.ts';
import type { PortfolioAnalysis } from './portfolio.ts';
/** Tier and segment migration between two analyses of the same customer base. */
export interface PortfolioMigration {
    /** The customer pyramid on CLV at each date. */
    tiers: MigrationMatrix;
    /** The customer pyramid on historical spend at each date (model-free). */
    pastTiers: MigrationMatrix;
    /** Named RFM segments at each date. */
    rfmSegments: MigrationMatrix;
}
/**
 * Migration matrices (counts and row shares) between an analysis at an earlier observation end and one at
 * a later end: CLV tiers, past-spend tiers and RFM segments, customers matched by id, newcomers in `(new)`.
 *
 * @example
 * const m = portfolioMigration(analysePortfolio(summaryAtJune), analysePortfolio(summaryAtDecember));
 * m.tiers.counts; m.rfmSegments.rowShares;
 */
export declare function portfolioMigration(before: PortfolioAnalysis, after: PortfolioAnalysis): PortfolioMigration;
//# sourceMappingURL=portfolio-migration.d.ts.map