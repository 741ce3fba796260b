import type { PortfolioAnalysis } from './portfolio.ts';
import type { PortfolioMigration } from './portfolio-migration.ts';
/** Key of a top share in the JSON and CSV: 0.01 → 'top_1pct'. */
export declare function topShareKey(fraction: string): string;
/**
 * The `clvkit segment --json` document (DESIGN.md §3, **contract**):
 * `{tiers: {pyramid, deciles, abc, ...}, rfm: {segments, ...}, concentration: {gini_spend, gini_clv, top_shares,
 * lorenz, ...}, migration, priorities: [{customer_id, clv, probability_alive, tier, rfm_segment, flags, ...}]}`
 * plus `model`, `value` and `equity`. The Lorenz curve has 101 points (0%, 1%, …, 100% of customers). NaN and
 * infinite numbers become null (JSON has no NaN).
 *
 * @example
 * process.stdout.write(JSON.stringify(portfolioJson(analysis, migration)) + '\n');
 */
export declare function portfolioJson(a: PortfolioAnalysis, migration?: PortfolioMigration): Record<string, unknown>;
//# sourceMappingURL=portfolio-json.d.ts.map