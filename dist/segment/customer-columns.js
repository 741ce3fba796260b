import { ClvkitError } from '../errors.js';
import { parseDate } from '../ingest/dates.js';
import { CUSTOMER_ALIASES, DATE_ALIASES } from '../ingest/dialect.js';
import { parseNumber } from '../ingest/number.js';
import { columnIndex, optionalColumnIndex, readTable } from '../ingest/table.js';
/**
 * Extra numeric columns of a transaction file aggregated per customer id (sum or mean of the rows with a
 * value; empty cells are skipped). Rows dated after `end` are left out when the date column can be read.
 * The file is read whole (the small-table reader): fine for the margin and cost columns of `clvkit segment`.
 *
 * @example
 * const cols = readCustomerColumns('orders.csv', [{ column: 'cost', aggregate: 'sum' }], {});
 * cols.get('C1'); // [12.5]
 */
export function readCustomerColumns(path, requests, o = {}) {
    const table = readTable(path, { delimiter: o.delimiter, columns: o.columns });
    const cust = columnIndex(table, CUSTOMER_ALIASES, 'customer id', o.customerCol);
    const date = optionalColumnIndex(table, DATE_ALIASES, 'date', o.dateCol);
    const cols = requests.map((r) => columnIndex(table, [], r.column, r.column));
    const sums = new Map();
    const counts = new Map();
    for (let k = 0; k < table.rows.length; k++) {
        const row = table.rows[k];
        if (o.end !== undefined && date >= 0) {
            const d = parseDate(row[date], o.dateFormat);
            if (d > o.end)
                continue;
        }
        const id = row[cust].trim();
        let s = sums.get(id);
        let c = counts.get(id);
        if (!s || !c) {
            s = new Array(requests.length).fill(0);
            c = new Array(requests.length).fill(0);
            sums.set(id, s);
            counts.set(id, c);
        }
        for (let j = 0; j < cols.length; j++) {
            const raw = row[cols[j]].trim();
            if (raw === '')
                continue;
            const v = parseNumber(raw, table.decimal);
            if (!Number.isFinite(v)) {
                throw new ClvkitError(`expected a number in column "${table.header[cols[j]]}", got "${raw}"`, { file: path, line: table.lines[k], column: cols[j] + 1 });
            }
            s[j] += v;
            c[j]++;
        }
    }
    for (const [id, s] of sums) {
        const c = counts.get(id);
        requests.forEach((r, j) => {
            if (r.aggregate === 'mean')
                s[j] = c[j] === 0 ? NaN : s[j] / c[j];
        });
    }
    return sums;
}
//# sourceMappingURL=customer-columns.js.map