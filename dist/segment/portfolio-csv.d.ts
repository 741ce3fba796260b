import { type CsvFormat } from '../report/csv.ts';
import type { PortfolioAnalysis } from './portfolio.ts';
import type { PortfolioMigration } from './portfolio-migration.ts';
/**
 * Write every table of the analysis as its own CSV file in `dir` (created if needed) with the CSV writer's
 * formula-injection guards, and return the file names: tiers_pyramid, tiers_deciles, tiers_abc,
 * tiers_natural_breaks, tiers_past_pyramid, rfm_segments, concentration (Gini and top shares), lorenz,
 * whale (with costs), equity, priorities (one row per customer, flags joined by a space) and, with a
 * migration, migration_tiers, migration_past_tiers, migration_rfm (long form: from, to, customers, row_share).
 *
 * @example
 * writePortfolioCsv(analysis, 'out/'); // ['tiers_pyramid.csv', ...]
 */
export declare function writePortfolioCsv(a: PortfolioAnalysis, dir: string, migration?: PortfolioMigration, format?: CsvFormat): string[];
//# sourceMappingURL=portfolio-csv.d.ts.map