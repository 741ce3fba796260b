import type { Command } from 'commander';
/**
 * Registers `clvkit survey <responses.csv> --config study.json [--json] [--out-dir dir] [--missing rule]`.
 *
 * @example
 * register(new Command("clvkit")); // then: clvkit survey io-responses.csv --template io --json
 */
export declare function register(program: Command): void;
//# sourceMappingURL=survey.d.ts.map