/**
 * Whether to colour what goes to a stream: only a terminal, and never with NO_COLOR set (no-color.org).
 *
 * @example
 * formatTable(columns, rows, { color: useColor(process.stdout), width: process.stdout.columns });
 */
export function useColor(stream: { isTTY?: boolean }): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR;
}
