/**
 * A user-facing error: one readable line, with the place in the input when there is one.
 * The CLI prints `message` alone (no stack) and exits with `exitCode`.
 *
 * @example
 * throw new ClvkitError('expected a date like 2024-01-31, got "31-31-2024"', { file: 'tx.csv', line: 12, column: 2 });
 * // tx.csv:12:2: expected a date like 2024-01-31, got "31-31-2024"
 */
export interface ErrorLocation {
    file?: string;
    line?: number;
    column?: number;
}
export declare class ClvkitError extends Error {
    readonly location: ErrorLocation;
    readonly exitCode: number;
    readonly detail: string;
    constructor(detail: string, location?: ErrorLocation, exitCode?: number);
}
/** Bad usage of the CLI or API (exit code 2). */
export declare class UsageError extends ClvkitError {
    constructor(detail: string);
}
//# sourceMappingURL=errors.d.ts.map