import type { Command } from 'commander';
/** `clvkit nps <scores.csv> [--score-col score] [--by column] [--transactions tx.csv] [--json] [--out-dir dir]`. */
export declare function register(program: Command): void;
//# sourceMappingURL=nps.d.ts.map