/**
 * What `clvkit predict` shows on a terminal: the totals of the portfolio and the top customers, instead
 * of a million CSV lines. Piped or redirected, predict writes the CSV (see the command); this is for eyes.
 */
import { cellOf, type OutputColumn } from '../io/column-writer.ts';
import { count } from '../plural.ts';
import { formatTable, type TableColumn } from './table.ts';

/** Options of {@link formatPredictionTable}. */
export interface PredictionTableOptions {
  /** Rows shown (default 10). */
  top?: number;
  color?: boolean;
  width?: number;
}

/** The columns ranked by, in order of preference: the first one present decides. */
const RANKING = ['clv', 'expected_transactions', 'probability_alive', 'expected_spend'];
/** Columns shown when present (the rest stay in the CSV). */
const SHOWN = ['frequency', 'recency', 'T', 'expected_transactions', 'probability_alive', 'expected_spend', 'clv', 'clv_lower', 'clv_upper'];
const SUMMED = ['expected_transactions', 'clv'];
/** Left out in this order when the table is wider than the terminal. */
const DROPPED_FIRST = ['recency', 'T', 'clv_lower', 'clv_upper', 'expected_spend', 'frequency', 'probability_alive'];

function widest(text: string): number {
  let w = 0;
  for (const line of text.split('\n')) w = Math.max(w, [...line].length);
  return w;
}

/**
 * A compact terminal view of per-customer predictions: one line of totals (customers, expected
 * transactions, CLV), the `top` customers by CLV (or by expected transactions when there is no spend),
 * and where the full list is. The index of the largest rows is found in one pass (no sort of all rows).
 *
 * @example
 * formatPredictionTable([{ name: 'customer_id', text: (i) => ids[i] }, { name: 'clv', numbers: clv }], ids.length);
 * // '3 customers; total clv 812.40\n\ncustomer_id     clv\nC2           500.10\n…'
 */
export function formatPredictionTable(columns: readonly OutputColumn[], rows: number, options: PredictionTableOptions = {}): string {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const idColumn = columns[0];
  const rankName = RANKING.find((n) => byName.has(n));
  const lines: string[] = [];
  const totals = SUMMED.filter((n) => byName.has(n)).map((n) => {
    const c = byName.get(n)!;
    let s = 0;
    for (let i = 0; i < rows; i++) {
      const v = cellOf(c, i);
      if (typeof v === 'number' && Number.isFinite(v)) s += v;
    }
    return `total ${n.replace(/_/g, ' ')} ${s.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}`;
  });
  lines.push([count(rows, 'customer', 'customers', 'en', (n) => n.toLocaleString('en-US')), ...totals].join('; '));
  const top = Math.min(options.top ?? 10, rows);
  const order = rankName ? topRows(byName.get(rankName)!, rows, top) : Array.from({ length: top }, (_, i) => i);
  let names = SHOWN.filter((n) => byName.has(n) && n !== idColumn.name);
  const render = () => {
    const shown = [idColumn, ...names.map((n) => byName.get(n)!)];
    const header: TableColumn[] = shown.map((c) => ({ header: c.name, ...(c.name === 'probability_alive' ? { percent: true } : {}), ...(c.name === 'frequency' ? { digits: 0 } : {}) }));
    const body = order.map((i) =>
      shown.map((c) => {
        const v = cellOf(c, i);
        return typeof v === 'number' || typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);
      }),
    );
    return formatTable(header, body, { color: false });
  };
  // on a narrow terminal, leave out the columns a reader misses least, rather than cut the ids
  let table = render();
  for (const drop of DROPPED_FIRST) {
    if (!(options.width !== undefined && options.width > 0) || widest(table) <= options.width) break;
    if (names.includes(drop)) {
      names = names.filter((n) => n !== drop);
      table = render();
    }
  }
  if (options.color) table = table.replace(/^[^\n]*/, (h) => `\u001b[1m${h}\u001b[22m`);
  const what = rankName ? `the ${count(top, 'customer', 'customers')} with the largest ${rankName.replace(/_/g, ' ')}` : `the first ${count(top, 'customer', 'customers')}`;
  return `${lines.join('\n')}\n\n${table}\n${what}; every customer and column: --out predictions.csv, or redirect (clvkit predict … > predictions.csv)\n`;
}

/** Indices of the k largest finite values of a column, largest first (ties: earlier row first). */
function topRows(c: OutputColumn, rows: number, k: number): number[] {
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < rows; i++) {
    const v = cellOf(c, i);
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (idx.length === k && !(v > val[k - 1])) continue;
    // insertion into the short sorted list
    let j = idx.length === k ? k - 1 : idx.length;
    while (j > 0 && val[j - 1] < v) {
      val[j] = val[j - 1];
      idx[j] = idx[j - 1];
      j--;
    }
    val[j] = v;
    idx[j] = i;
  }
  return idx.slice(0, k);
}
