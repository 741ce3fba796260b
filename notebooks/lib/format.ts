/**
 * Small display helpers shared by the notebooks: Markdown tables, number formatting and a
 * stand-alone SVG (with its namespace, so that Jupyter and GitHub can show it as an image).
 */

/** A number with `digits` decimals and thousands separators; text as is; NaN and null as "–". */
export function fmt(value: unknown, digits = 2): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '–';
    return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** A percentage: 0.1234 → "12.3%". */
export function pct(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${(100 * value).toFixed(digits)}%` : '–';
}

/**
 * A Markdown table. `digits` gives the decimals of numeric cells, per column name or for all.
 *
 * @example
 * markdownTable(['model', 'LL'], [['BG/NBD', -9582.43]], { LL: 1 })
 */
export function markdownTable(header: string[], rows: unknown[][], digits: number | Record<string, number> = 2): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const numberLike = (v: unknown) => v === null || v === undefined || typeof v === 'number' || (typeof v === 'string' && /^[-−+]?[\d,.]*\d[\d,.]*%?$|^[–]?$/.test(v));
  const numeric = header.map((_, j) => rows.length > 0 && rows.every((r) => numberLike(r[j])));
  const d = (j: number) => (typeof digits === 'number' ? digits : digits[header[j]] ?? 2);
  const lines = [
    `| ${header.map(esc).join(' | ')} |`,
    `| ${header.map((_, j) => (numeric[j] ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((v, j) => esc(fmt(v, d(j)))).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** Make an SVG string rendered by the report code stand-alone (it drops the namespace for inlining in HTML). */
export function standaloneSvg(svg: string): string {
  return svg.includes('xmlns=') ? svg : svg.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ');
}
