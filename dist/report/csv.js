import { writeFileSync } from 'node:fs';
export const CSV_EN = { delimiter: ',', decimal: '.' };
export const CSV_FR = { delimiter: ';', decimal: ',' };
/**
 * One CSV cell. Numbers are written at full precision in their shortest round-trip form and stay
 * numbers; text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
 * leading `'` (OWASP CSV injection guidance); text with the delimiter, quotes or newlines is quoted.
 *
 * @example
 * csvCell('=HYPERLINK("x")') // "'=HYPERLINK(""x"")" quoted
 * csvCell(0.1 + 0.2)         // '0.30000000000000004'
 * csvCell(12.5, CSV_FR)      // '12,5'
 */
export function csvCell(value, format = CSV_EN) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            return Number.isNaN(value) ? '' : value > 0 ? 'Infinity' : '-Infinity';
        const s = String(value);
        return format.decimal === ',' ? s.replace('.', ',') : s;
    }
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    let s = value;
    if (/^[=+\-@\t\r]/.test(s))
        s = "'" + s;
    if (s.includes(format.delimiter) || /["\n\r]/.test(s))
        s = '"' + s.replace(/"/g, '""') + '"';
    return s;
}
/**
 * A whole CSV document (header plus rows, LF line ends).
 *
 * @example
 * toCsv(['customer_id', 'clv'], [['C1', 12.5]]) // 'customer_id,clv\nC1,12.5\n'
 */
export function toCsv(header, rows, format = CSV_EN) {
    const parts = [header.map((h) => csvCell(h, format)).join(format.delimiter)];
    for (const row of rows)
        parts.push(row.map((v) => csvCell(v, format)).join(format.delimiter));
    return parts.join('\n') + '\n';
}
/** Write a CSV file (see toCsv). */
export function writeCsv(path, header, rows, format = CSV_EN) {
    writeFileSync(path, toCsv(header, rows, format));
}
/** Column-wise records to rows, in the header's order. */
export function recordsToRows(header, records) {
    return records.map((r) => header.map((h) => r[h]));
}
//# sourceMappingURL=csv.js.map