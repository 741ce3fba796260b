import type { Command } from 'commander';
/**
 * `clvkit report <transactions.csv> -o report.html [--lang fr] [--model auto] [--calibration-end DATE] ...`:
 * the whole portfolio report as one self-contained HTML file.
 *
 * @example
 * // clvkit report data/sample-transactions.csv -o reports/demo.html --calibration-end 2025-06-30 --lang fr
 */
export declare function register(program: Command): void;
//# sourceMappingURL=report.d.ts.map