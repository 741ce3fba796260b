/** A cell of a printed table: text, a number (formatted by the column), or nothing. */
export type TableCell = string | number | null | undefined;

/** A column of a printed table. */
export interface TableColumn {
  header: string;
  /** Default: right when every filled cell of the column is a number, else left. */
  align?: 'left' | 'right';
  /** Decimals of number cells (default: 0 for integers, 2 otherwise). */
  digits?: number;
  /** Number cells as percentages (0.123 → 12.3%, with `digits` default 1). */
  percent?: boolean;
  /** Longest cell (text past it is cut and ends with …); default 40. */
  maxWidth?: number;
}

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Bold header (ANSI); give it only when the output is a terminal. Default false. */
  color?: boolean;
  /** Terminal width: text columns are narrowed (down to 6 characters) until the table fits (0 or undefined: unknown, nothing narrowed). */
  width?: number;
  /** Columns are separated by this many spaces (default 2). */
  gap?: number;
}

const ELLIPSIS = '…';

/**
 * A compact text table for a terminal: one header row, columns padded to their widest cell, numbers
 * right-aligned with thousands separators (NaN and infinities as "n/a"), long text cut with "…", and no
 * colour codes unless `color` is asked (never when stdout is not a terminal). Ends with a newline.
 *
 * @example
 * formatTable([{ header: 'tier' }, { header: 'customers' }, { header: 'share', percent: true }],
 *   [['Platinum', 236, 0.01], ['Lead', 18856, 0.8]]);
 * // 'tier      customers  share\n' +
 * // 'Platinum        236   1.0%\n' +
 * // 'Lead         18,856  80.0%\n'
 */
export function formatTable(columns: readonly (TableColumn | string)[], rows: readonly (readonly TableCell[])[], options: TableOptions = {}): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  const gap = ' '.repeat(options.gap ?? 2);
  const align = cols.map((c, j) => c.align ?? (rows.some((r) => typeof r[j] === 'number') && rows.every((r) => r[j] === null || r[j] === undefined || r[j] === '' || typeof r[j] === 'number') ? 'right' : 'left'));
  const text = rows.map((r) => cols.map((c, j) => cellText(r[j], c)));
  const widths = cols.map((c, j) => Math.min(Math.max(len(c.header), ...text.map((r) => len(r[j]))), Math.max(c.maxWidth ?? 40, 1)));
  if (options.width !== undefined && options.width > 0) {
    // narrow the widest text column, one character at a time, until the table fits or nothing can give
    const total = () => widths.reduce((s, w) => s + w, 0) + gap.length * (cols.length - 1);
    while (total() > options.width) {
      let widest = -1;
      for (let j = 0; j < cols.length; j++) if (align[j] === 'left' && widths[j] > 6 && (widest < 0 || widths[j] > widths[widest])) widest = j;
      if (widest < 0) break;
      widths[widest]--;
    }
  }
  const line = (cells: string[], bold = false) => {
    const s = cells
      .map((t, j) => {
        const cut = len(t) > widths[j] ? [...t].slice(0, Math.max(widths[j] - 1, 0)).join('') + ELLIPSIS : t;
        const pad = ' '.repeat(widths[j] - len(cut));
        return align[j] === 'right' ? pad + cut : cut + pad;
      })
      .join(gap)
      .trimEnd();
    return bold && options.color ? `\u001b[1m${s}\u001b[22m` : s;
  };
  return [line(cols.map((c) => c.header), true), ...text.map((r) => line(r))].join('\n') + '\n';
}

function cellText(v: TableCell, c: TableColumn): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(/[\r\n\t]+/g, ' ');
  if (!Number.isFinite(v)) return 'n/a';
  if (c.percent) return `${(100 * v).toLocaleString('en-US', { minimumFractionDigits: c.digits ?? 1, maximumFractionDigits: c.digits ?? 1 })}%`;
  const digits = c.digits ?? (Number.isInteger(v) ? 0 : 2);
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Length in characters (code points), which is what a terminal shows for the text clvkit prints. */
function len(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
