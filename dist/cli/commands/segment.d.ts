import type { Command } from 'commander';
/**
 * `clvkit segment <transactions.csv>`: tiers, RFM segments, concentration, migration and the prioritised
 * list (DESIGN.md §3). Tables go to `--out-dir` as CSV files; `--json` prints them as one JSON document.
 */
export declare function register(program: Command): void;
//# sourceMappingURL=segment.d.ts.map