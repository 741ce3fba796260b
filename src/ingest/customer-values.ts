/**
 * A per-customer value file `customer_id, value` (several rows per customer are summed): the source of
 * influencer value (acquisitions attributed to a customer's reviews or posts) or knowledge value (value of
 * the customer's adopted suggestions) in customer engagement value (Kumar et al. 2010, JSR 13(3)).
 */
import { ClvkitError } from '../errors.ts';
import type { RowAccounting } from '../types.ts';
import { parseNumber } from './number.ts';
import { columnIndex, readTable, type Table, type TableOptions } from './table.ts';

/**
 * @example
 * const v: CustomerValues = readCustomerValues('influence.csv', { what: 'influencer value' });
 * v.values.get('C1'); // summed value of C1
 */
export interface CustomerValues {
  file: string;
  values: Map<string, number>;
  accounting: RowAccounting;
}

/**
 * @example
 * readCustomerValues('kv.csv', { idCol: 'client', valueCol: 'valeur', what: 'knowledge value' });
 */
export interface CustomerValuesOptions extends TableOptions {
  idCol?: string;
  valueCol?: string;
  /** What the values are, for messages (default 'value'). */
  what?: string;
  skipBadRows?: boolean;
}

/**
 * Accepted column names.
 *
 * @example
 * CUSTOMER_VALUE_COLUMNS.value; // ['value', 'valeur', 'amount', ...]
 */
export const CUSTOMER_VALUE_COLUMNS = {
  id: ['customer_id', 'customer', 'client', 'id_client', 'id'],
  value: ['value', 'valeur', 'amount', 'montant', 'influencer_value', 'knowledge_value'],
};

/**
 * Read a per-customer value file: a missing id or a value that is not a number stops the read at
 * file:line:column unless `skipBadRows` (then counted per reason).
 *
 * @example
 * readCustomerValues('influence.csv').values; // Map { 'C1' => 120, ... }
 */
export function readCustomerValues(path: string, options: CustomerValuesOptions = {}): CustomerValues {
  return customerValuesFromTable(readTable(path, options), options);
}

/**
 * Same as readCustomerValues, from a table already read.
 *
 * @example
 * customerValuesFromTable(parseTable('customer_id,value\nA,2\nA,3\n', 'v.csv')).values.get('A'); // 5
 */
export function customerValuesFromTable(table: Table, options: CustomerValuesOptions = {}): CustomerValues {
  const what = options.what ?? 'value';
  const ci = columnIndex(table, CUSTOMER_VALUE_COLUMNS.id, 'customer id', options.idCol);
  const vi = columnIndex(table, CUSTOMER_VALUE_COLUMNS.value, what, options.valueCol);
  const accounting: RowAccounting = { read: table.rows.length, used: 0, rejected: {}, firstLines: {} };
  const values = new Map<string, number>();
  table.rows.forEach((row, r) => {
    const line = table.lines[r];
    const id = row[ci].trim();
    const v = parseNumber(row[vi], table.decimal);
    const reason = id === '' ? 'missing customer' : Number.isNaN(v) ? `bad ${what}` : undefined;
    if (reason) {
      if (!options.skipBadRows) {
        const col = id === '' ? ci : vi;
        const msg = id === '' ? 'missing customer' : `expected a number (the ${what}), got "${row[vi].trim()}"`;
        throw new ClvkitError(`${msg} in column "${table.header[col]}" (use --skip-bad-rows to count and skip such rows)`, { file: table.file, line, column: col + 1 });
      }
      accounting.rejected[reason] = (accounting.rejected[reason] ?? 0) + 1;
      const first = (accounting.firstLines![reason] ??= []);
      if (first.length < 5) first.push(line);
      return;
    }
    values.set(id, (values.get(id) ?? 0) + v);
    accounting.used++;
  });
  return { file: table.file, values, accounting };
}
