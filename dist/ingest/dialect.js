/**
 * The dialect of a transaction file, decided from its first lines: delimiter, header row,
 * decimal separator, and which columns hold the customer, date, amount and channel.
 */
import { ClvkitError } from '../errors.js';
import { normalizeHeader } from './table.js';
import { DateShape, dateShape, parseDate } from './dates.js';
/** Column aliases (DESIGN.md §1), matched after normalizeHeader (lower case, accents off, `_`). */
export const CUSTOMER_ALIASES = ['customer_id', 'client', 'id_client', 'customer', 'id', 'client_id', 'customerid', 'numero_client', 'no_client'];
export const DATE_ALIASES = ['date', 'order_date', 'date_commande', 'transaction_date', 'purchase_date', 'date_achat'];
export const AMOUNT_ALIASES = ['amount', 'montant', 'revenue', 'sales', 'chiffre_affaires', 'price', 'dollar_value', 'value', 'total', 'prix'];
export const CHANNEL_ALIASES = ['channel', 'canal', 'source'];
const CANDIDATES = [';', ',', '\t', '|'];
/**
 * The delimiter of a file from the text of its first lines: the candidate found the same
 * number of times (outside quotes) on the most lines; `whitespace` when none splits the lines
 * but runs of blanks do (CDNOW_master.txt).
 *
 * @example
 * detectDelimiter('id;date;montant\n1;01/02/2024;12,50\n') // ';'
 * detectDelimiter(' 00001 19970101  1   11.77\n')         // 'whitespace'
 */
export function detectDelimiter(text) {
    const lines = text.split('\n', 40).filter((l) => l.trim().length > 0);
    if (lines.length > 1 && !text.endsWith('\n'))
        lines.pop(); // last line may be cut
    let best;
    let bestScore = 0;
    for (const d of CANDIDATES) {
        const counts = lines.map((l) => countOutsideQuotes(l, d));
        const first = counts[0];
        if (!first)
            continue;
        const consistent = counts.filter((c) => c === first).length / counts.length;
        const score = consistent * 1000 + first;
        if (score > bestScore) {
            bestScore = score;
            best = d;
        }
    }
    if (best !== undefined && bestScore >= 500)
        return best;
    if (lines.length > 0 && /\S[ \t]+\S/.test(lines[0]))
        return 'whitespace';
    return best ?? ',';
}
function countOutsideQuotes(line, d) {
    let n = 0;
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (ch === '"')
            quoted = !quoted;
        else if (ch === d && !quoted)
            n++;
    }
    return n;
}
/**
 * Whether a first record is a header: it names a known column, or none of its fields is a date.
 *
 * @example
 * looksLikeHeader(['customer_id', 'date', 'amount']) // true
 * looksLikeHeader(['00004', '0001', '19970101', '2', '29.33']) // false
 */
export function looksLikeHeader(fields) {
    const known = new Set([...CUSTOMER_ALIASES, ...DATE_ALIASES, ...AMOUNT_ALIASES, ...CHANNEL_ALIASES]);
    if (fields.some((f) => known.has(normalizeHeader(f))))
        return true;
    return !fields.some((f) => {
        const b = Buffer.from(f.trim());
        return dateShape(b, 0, b.length) !== DateShape.None && !Number.isNaN(parseDate(f, guessOrder(f)));
    });
}
/** Any plausible order for a lone a/b/yyyy value (only used to ask "is this a date at all"). */
function guessOrder(f) {
    return /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*$/.test(f) ? 'dd/mm/yyyy' : undefined;
}
/**
 * Decimal separator of amount values: `,` when values look like `12,50` (a comma then one or
 * two digits at the end, or a comma after a dotted thousands group), `.` when they look like
 * `12.50`; without evidence, `,` for `;`-delimited files and `.` otherwise.
 *
 * @example
 * detectDecimal(['12,50', '3'], ';') // ','
 * detectDecimal(['1,234.50'], ',')   // '.'
 */
export function detectDecimal(values, delimiter) {
    let comma = 0;
    let dot = 0;
    for (const raw of values) {
        const v = raw.trim();
        if (/,\d{1,2}\D*$/.test(v) || /\.\d{3},\d+/.test(v))
            comma++;
        else if (/\.\d{1,2}\D*$/.test(v) || /,\d{3}\.\d+/.test(v) || /^\D*\d*\.\d+\D*$/.test(v))
            dot++;
    }
    if (comma > dot)
        return ',';
    if (dot > comma)
        return '.';
    return delimiter === ';' ? ',' : '.';
}
/**
 * Map the customer, date, amount and channel columns from names (header or `columns`), by
 * explicit name or 1-based number, else by alias. Customer and date are required.
 *
 * @example
 * resolveColumns(['id_client', 'date_commande', 'montant'], {}, 'f.csv') // { customer: 0, date: 1, amount: 2, channel: -1 }
 */
export function resolveColumns(names, fieldCount, options, file) {
    if (names === undefined && (options.customerCol === undefined || options.dateCol === undefined)) {
        throw new ClvkitError('the file has no header row: name its columns with --columns (e.g. --columns customer_id,date,amount) ' +
            'or give --customer-col and --date-col as column numbers', { file });
    }
    const header = names ?? Array.from({ length: fieldCount }, (_, i) => `column${i + 1}`);
    const norm = header.map(normalizeHeader);
    const found = header.join(', ');
    const pick = (aliases, what, explicit, required, flag) => {
        if (explicit !== undefined) {
            const name = String(explicit);
            const byName = norm.indexOf(normalizeHeader(name));
            if (byName >= 0)
                return byName;
            if (/^\d+$/.test(name) && Number(name) >= 1 && Number(name) <= header.length)
                return Number(name) - 1;
            throw new ClvkitError(`no column "${name}" for the ${what} (${flag}); columns found: ${found}`, { file });
        }
        for (const a of aliases) {
            const i = norm.indexOf(a);
            if (i >= 0)
                return i;
        }
        if (!required)
            return -1;
        throw new ClvkitError(`no ${what} column (looked for ${aliases.slice(0, 5).join(', ')}, …); columns found: ${found}; name it with ${flag}`, { file });
    };
    const customer = pick(CUSTOMER_ALIASES, 'customer', options.customerCol, true, '--customer-col');
    const date = pick(DATE_ALIASES, 'date', options.dateCol, true, '--date-col');
    const amount = pick(AMOUNT_ALIASES, 'amount', options.amountCol, false, '--amount-col');
    const channel = pick(CHANNEL_ALIASES, 'channel', options.channelCol, false, '--channel-col');
    if (customer === date)
        throw new ClvkitError(`the customer and date columns are the same column ("${header[customer]}")`, { file });
    return { customer, date, amount: amount === customer || amount === date ? -1 : amount, channel };
}
//# sourceMappingURL=dialect.js.map