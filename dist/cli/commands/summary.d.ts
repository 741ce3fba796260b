import type { Command } from 'commander';
import { type TransactionCliOptions } from '../options.ts';
export declare function register(program: Command): void;
/** Read a transaction file and summarise it with the CLI options (shared by several commands). */
export declare function summaryFromFile(file: string, o: TransactionCliOptions): Promise<import("../../summary/summarize.ts").SummaryResult>;
//# sourceMappingURL=summary.d.ts.map