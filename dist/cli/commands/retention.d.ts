import type { Command } from 'commander';
/**
 * `clvkit retention <transactions.csv> [--leads file] [--contracts file] [--period day|week|month|quarter]
 * [--end DATE] [--out-dir dir] [--json]` (DESIGN.md §3).
 *
 * @example
 * // clvkit retention orders.csv --contracts contracts.csv --period month --json > retention.json
 */
export declare function register(program: Command): void;
//# sourceMappingURL=retention.d.ts.map