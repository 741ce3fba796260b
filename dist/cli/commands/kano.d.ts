import type { Command } from 'commander';
/** `clvkit kano <answers.csv> [--json] [--out-dir dir]`: parsing and output only; the analysis is in src/research. */
export declare function register(program: Command): void;
//# sourceMappingURL=kano.d.ts.map