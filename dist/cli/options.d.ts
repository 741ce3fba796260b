import type { Command } from 'commander';
import type { PeriodUnit } from '../types.ts';
/** Options shared by every command that reads a transaction file (DESIGN.md §1). */
export interface TransactionCliOptions {
    customerCol?: string;
    dateCol?: string;
    amountCol?: string;
    channelCol?: string;
    delimiter?: string;
    columns?: string;
    dateFormat?: string;
    decimal?: string;
    skipBadRows?: boolean;
    unit?: string;
    freq?: string;
    end?: string;
    calibrationEnd?: string;
    quiet?: boolean;
}
/** Add the transaction-file and summary options to a command. */
export declare function addTransactionOptions(cmd: Command): Command;
export declare function periodUnit(name: string, value: string | undefined, fallback: PeriodUnit): PeriodUnit;
/** Ingest options (for readTransactions) from parsed CLI options. */
export declare function ingestOptionsFrom(o: TransactionCliOptions): Record<string, unknown>;
/** Summary options (for summarize) from parsed CLI options. */
export declare function summaryOptionsFrom(o: TransactionCliOptions): Record<string, unknown>;
/** Parse a number option or fail with a usage error naming it. */
export declare function numberOption(name: string, value: string | undefined, check?: (v: number) => boolean): number | undefined;
//# sourceMappingURL=options.d.ts.map