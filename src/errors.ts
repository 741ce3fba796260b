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

export class ClvkitError extends Error {
  readonly location: ErrorLocation;
  readonly exitCode: number;
  readonly detail: string;

  constructor(detail: string, location: ErrorLocation = {}, exitCode = 1) {
    super(formatLocation(location) + detail);
    this.name = 'ClvkitError';
    this.detail = detail;
    this.location = location;
    this.exitCode = exitCode;
  }
}

/** Bad usage of the CLI or API (exit code 2). */
export class UsageError extends ClvkitError {
  constructor(detail: string) {
    super(detail, {}, 2);
    this.name = 'UsageError';
  }
}

function formatLocation({ file, line, column }: ErrorLocation): string {
  if (file === undefined && line === undefined) return '';
  let s = file ?? '<input>';
  if (line !== undefined) s += `:${line}`;
  if (line !== undefined && column !== undefined) s += `:${column}`;
  return s + ': ';
}
