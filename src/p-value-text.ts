/** Below this a p-value is written as "below it", not as a number (shared by the CLI and the report). */
export const P_FLOOR = 1e-4;

/**
 * A p-value as a reader should see it: "p < 0.0001" below that (a χ² tail of 3,000 underflows to 0,
 * which "p = 0" would misstate as certainty), otherwise "p = " with `digits` significant digits.
 *
 * @example
 * pValueText(0); // 'p < 0.0001'
 * pValueText(0.04321); // 'p = 0.0432'
 * pValueText(NaN); // 'p n/a'
 */
export function pValueText(p: number, digits = 3): string {
  if (!Number.isFinite(p)) return 'p n/a';
  if (p < P_FLOOR) return 'p < 0.0001';
  return `p = ${Number(p.toPrecision(digits))}`;
}
