/**
 * The dialect of a transaction file, decided from its first lines: delimiter, header row,
 * decimal separator, and which columns hold the customer, date, amount and channel.
 */
import { ClvkitError, UsageError } from '../errors.ts';
import { normalizeHeader } from './table.ts';
import { DateShape, dateShape, parseDate } from './dates.ts';

/** A delimiter option: one of these characters or `whitespace` (runs of spaces and tabs). */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

/** Column aliases (DESIGN.md §1), matched after normalizeHeader (lower case, accents off, `_`). */
export const CUSTOMER_ALIASES = ['customer_id', 'client', 'id_client', 'customer', 'id', 'client_id', 'customerid', 'numero_client', 'no_client'];
export const DATE_ALIASES = ['date', 'order_date', 'date_commande', 'transaction_date', 'purchase_date', 'date_achat'];
export const AMOUNT_ALIASES = ['amount', 'montant', 'revenue', 'sales', 'chiffre_affaires', 'price', 'dollar_value', 'value', 'total', 'prix'];
export const CHANNEL_ALIASES = ['channel', 'canal', 'source'];

const CANDIDATES: Delimiter[] = [';', ',', '\t', '|'];

/** Words that make a header an amount (after headerKey): `Montant TTC (€)`, `Prix unitaire`, `Order total`, `CA`. */
const AMOUNT_WORDS = ['amount', 'montant', 'revenue', 'revenu', 'sales', 'vente', 'ventes', 'chiffre', 'ca', 'price', 'prix', 'value', 'valeur', 'total', 'spend', 'depense', 'paid', 'paye', 'ttc', 'ht', 'sum', 'somme', 'net', 'gross', 'brut'];
/** Words that make a header a customer id: `N° client`, `Client #`, `Customer No.`, `Code acheteur`. */
const CUSTOMER_WORDS = ['client', 'customer', 'cust', 'acheteur', 'buyer', 'member', 'adherent', 'user', 'account', 'compte'];
/** Words that make a header descriptive rather than a key or an amount. */
const NOT_KEYS = ['name', 'nom', 'prenom', 'firstname', 'lastname', 'adresse', 'address', 'city', 'ville', 'phone', 'telephone', 'qty', 'quantity', 'quantite', 'qte', 'count', 'nombre'];
/** Words of a date header: `Date de commande`, `Order date`, `Date (UTC)`. */
const DATE_WORDS = ['date', 'datetime', 'timestamp'];
const ORDER_WORDS = ['commande', 'order', 'achat', 'purchase', 'transaction', 'vente', 'facture', 'invoice'];

/** Currency symbols and the ISO 4217 code they stand for (the dollar sign is read as USD, said in a note). */
const CURRENCY_SYMBOLS: [string, string][] = [['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['CHF', 'CHF'], ['US$', 'USD'], ['CA$', 'CAD'], ['C$', 'CAD'], ['A$', 'AUD'], ['$', 'USD'], ['zł', 'PLN'], ['kr', 'SEK']];

/**
 * The comparable key of a header and the unit it carries: accents and case off, a unit or currency in
 * parentheses or brackets taken out (`Montant TTC (€)` -> `montant_ttc`, unit `€`), and the number
 * signs `N°`, `Nº`, `#`, `No.` read as `no` (`N° client` -> `no_client`, `Client #` -> `client_no`).
 *
 * @example
 * headerKey('Montant TTC (€)'); // { key: 'montant_ttc', unit: '€' }
 * headerKey('Amount [USD]'); // { key: 'amount', unit: 'USD' }
 */
export function headerKey(header: string): { key: string; unit?: string } {
  let h = header.replace(/^\uFEFF/, '').trim();
  let unit: string | undefined;
  const m = /^(.*?)\s*[([]\s*([^()[\]]+?)\s*[)\]]\s*$/.exec(h);
  if (m && m[1].trim() !== '') {
    h = m[1];
    unit = m[2];
  }
  h = h.replace(/\b[Nn]\s*[°º]/g, ' no ').replace(/[°º]/g, ' no ').replace(/#/g, ' no ').replace(/\b(no|num|nr)\.(?=\s|$)/gi, ' no ');
  // currency symbols inside a header (`Montant €`) count as its unit
  for (const [sym] of CURRENCY_SYMBOLS) {
    if (sym.length === 1 && h.includes(sym)) {
      unit ??= sym;
      h = h.split(sym).join(' ');
    }
  }
  const key = normalizeHeader(h).replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
  return unit !== undefined ? { key, unit } : { key };
}

/**
 * The ISO 4217 code named by a header's unit (`€`, `EUR`, `USD`, `$`) or by currency signs or codes in
 * the amount values (`12,50 €`, `$1,200`, `EUR 30`), or undefined when nothing names one.
 *
 * @example
 * detectCurrency('€', []); // 'EUR'
 * detectCurrency(undefined, ['$12.50', '$3.00']); // 'USD'
 */
export function detectCurrency(unit: string | undefined, values: string[]): string | undefined {
  const known = typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : new Set<string>();
  const fromText = (t: string): string | undefined => {
    const code = /(?:^|[^A-Za-z])([A-Z]{3})(?:$|[^A-Za-z])/.exec(t.toUpperCase() === t ? t : t.toUpperCase());
    if (code && known.has(code[1]) && /^\s*[A-Za-z]{3}\s*$|\d/.test(t)) return code[1];
    for (const [sym, iso] of CURRENCY_SYMBOLS) if (t.includes(sym) && (sym.length === 1 || /[^A-Za-z]/.test(t))) return iso;
    return undefined;
  };
  if (unit !== undefined) {
    const u = unit.trim();
    if (/^[A-Za-z]{3}$/.test(u) && known.has(u.toUpperCase())) return u.toUpperCase();
    const c = fromText(u);
    if (c) return c;
  }
  const counts = new Map<string, number>();
  for (const v of values) {
    const t = v.trim();
    if (t === '' || /^[\d\s.,+-]+$/.test(t)) continue;
    const c = fromText(t);
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [c, k] of counts) if (k > n) [best, n] = [c, k];
  return best;
}

/** Whether a text cell reads as a number, allowing a currency sign or code, spaces and either decimal mark. */
function looksNumeric(v: string): boolean {
  const t = v.trim().replace(/[€£¥₹$]|\b[A-Z]{3}\b/g, '').replace(/[\s\u00a0\u202f']/g, '');
  return /^[+-]?(\d+([.,]\d+)*)$/.test(t) && t !== '';
}

/**
 * The delimiter of a file from the text of its first lines: the candidate found the same
 * number of times (outside quotes) on the most lines; `whitespace` when none splits the lines
 * but runs of blanks do (CDNOW_master.txt).
 *
 * @example
 * detectDelimiter('id;date;montant\n1;01/02/2024;12,50\n') // ';'
 * detectDelimiter(' 00001 19970101  1   11.77\n')         // 'whitespace'
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split('\n', 40).filter((l) => l.trim().length > 0);
  if (lines.length > 1 && !text.endsWith('\n')) lines.pop(); // last line may be cut
  let best: Delimiter | undefined;
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0];
    if (!first) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  if (best !== undefined && bestScore >= 500) return best;
  if (lines.length > 0 && /\S[ \t]+\S/.test(lines[0])) return 'whitespace';
  return best ?? ',';
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
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
export function looksLikeHeader(fields: string[]): boolean {
  const known = new Set([...CUSTOMER_ALIASES, ...DATE_ALIASES, ...AMOUNT_ALIASES, ...CHANNEL_ALIASES]);
  if (fields.some((f) => known.has(normalizeHeader(f)))) return true;
  return !fields.some((f) => {
    const b = Buffer.from(f.trim());
    return dateShape(b, 0, b.length) !== DateShape.None && !Number.isNaN(parseDate(f, guessOrder(f)));
  });
}

/** Any plausible order for a lone a/b/yyyy value (only used to ask "is this a date at all"). */
function guessOrder(f: string): 'dd/mm/yyyy' | undefined {
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
export function detectDecimal(values: string[], delimiter: Delimiter): ',' | '.' {
  let comma = 0;
  let dot = 0;
  for (const raw of values) {
    const v = raw.trim();
    if (/,\d{1,2}\D*$/.test(v) || /\.\d{3},\d+/.test(v)) comma++;
    else if (/\.\d{1,2}\D*$/.test(v) || /,\d{3}\.\d+/.test(v) || /^\D*\d*\.\d+\D*$/.test(v)) dot++;
  }
  if (comma > dot) return ',';
  if (dot > comma) return '.';
  return delimiter === ';' ? ',' : '.';
}

/** Indices (0-based, -1 when absent) of the columns the ingest reads. */
export interface ColumnMap {
  customer: number;
  date: number;
  amount: number;
  channel: number;
}

export interface ColumnOptions {
  customerCol?: string | number;
  dateCol?: string | number;
  amountCol?: string | number;
  channelCol?: string | number;
  /** The file has no amounts, on purpose (`--no-amount`): no amount column is looked for. */
  noAmount?: boolean;
}

/**
 * Map the customer, date, amount and channel columns from names (header or `columns`), by
 * explicit name or 1-based number, else by alias. Customer and date are required.
 *
 * @example
 * resolveColumns(['id_client', 'date_commande', 'montant'], {}, 'f.csv') // { customer: 0, date: 1, amount: 2, channel: -1 }
 */
export function resolveColumns(names: string[] | undefined, fieldCount: number, options: ColumnOptions, file: string, samples: string[][] = []): ColumnMap {
  if (names === undefined && (options.customerCol === undefined || options.dateCol === undefined)) {
    throw new ClvkitError(
      'the file has no header row: name its columns with --columns (e.g. --columns customer_id,date,amount) ' +
        'or give --customer-col and --date-col as column numbers',
      { file },
    );
  }
  const header = names ?? Array.from({ length: fieldCount }, (_, i) => `column${i + 1}`);
  const norm = header.map(normalizeHeader);
  const keys = header.map((h) => headerKey(h).key);
  const found = header.join(', ');
  const tokens = keys.map((k) => k.split('_').filter(Boolean));
  // by words when no alias matches: the first header holding one of `words` (and, for dates, preferring an order date)
  const byWords = (words: string[], prefer: string[] = []): number => {
    // a name or an address is not an identifier (`client_name`, `nom_client`)
    const has = (i: number, ws: string[]) => tokens[i].some((t) => ws.includes(t)) && !tokens[i].some((t) => NOT_KEYS.includes(t));
    for (let i = 0; i < keys.length; i++) if (has(i, words) && prefer.length && has(i, prefer)) return i;
    for (let i = 0; i < keys.length; i++) if (has(i, words)) return i;
    return -1;
  };
  const pick = (aliases: string[], what: string, explicit: string | number | undefined, required: boolean, flag: string, words: string[] = [], prefer: string[] = []): number => {
    if (explicit !== undefined) {
      const name = String(explicit);
      const byName = norm.indexOf(normalizeHeader(name));
      if (byName >= 0) return byName;
      const byKey = keys.indexOf(headerKey(name).key);
      if (byKey >= 0) return byKey;
      if (/^\d+$/.test(name) && Number(name) >= 1 && Number(name) <= header.length) return Number(name) - 1;
      throw new ClvkitError(`no column "${name}" for the ${what} (${flag}); columns found: ${found}`, { file });
    }
    for (const a of aliases) {
      const i = norm.indexOf(a);
      if (i >= 0) return i;
    }
    for (const a of aliases) {
      const i = keys.indexOf(a);
      if (i >= 0) return i;
    }
    if (names !== undefined && words.length) {
      const i = byWords(words, prefer);
      if (i >= 0) return i;
    }
    if (!required) return -1;
    throw new ClvkitError(`no ${what} column (looked for ${aliases.slice(0, 5).join(', ')}, …); columns found: ${found}; name it with ${flag}`, { file });
  };
  const customer = pick(CUSTOMER_ALIASES, 'customer', options.customerCol, true, '--customer-col', CUSTOMER_WORDS);
  const date = pick(DATE_ALIASES, 'date', options.dateCol, true, '--date-col', DATE_WORDS, ORDER_WORDS);
  let amount = -1;
  if (!options.noAmount) {
    amount = pick(AMOUNT_ALIASES, 'amount', options.amountCol, false, '--amount-col', AMOUNT_WORDS);
    if (amount === customer || amount === date) amount = -1;
  } else if (options.amountCol !== undefined) throw new UsageError('--no-amount and --amount-col contradict each other: give one');
  const channel = pick(CHANNEL_ALIASES, 'channel', options.channelCol, false, '--channel-col');
  if (customer === date) throw new ClvkitError(`the customer and date columns are the same column ("${header[customer]}")`, { file });
  if (amount < 0 && !options.noAmount && names !== undefined) {
    // nothing recognised as an amount: never drop one in silence when a column looks like one
    const numeric = header
      .map((h, i) => ({ h, i }))
      .filter(({ i }) => i !== customer && i !== date && i !== channel)
      .filter(({ i }) => {
        const vals = samples.map((r) => r[i] ?? '').filter((v) => v.trim() !== '');
        return vals.length > 0 && vals.every(looksNumeric);
      });
    if (numeric.length > 0) {
      throw new ClvkitError(
        `no amount column recognised, but ${numeric.length === 1 ? 'this column looks' : 'these columns look'} numeric: ${numeric.map(({ h }) => `"${h}"`).join(', ')}; ` +
          `name the amount with --amount-col ${JSON.stringify(numeric[0].h)}, or give --no-amount if the file has no amounts (value figures are then not available)`,
        { file },
      );
    }
  }
  return { customer, date, amount, channel };
}

/**
 * Which column was taken for what, for the notes a command prints: `customer = "N° client", date = …`.
 *
 * @example
 * describeColumns(['N° client', 'Date de commande', 'Montant TTC (€)'], { customer: 0, date: 1, amount: 2, channel: -1 });
 */
export function describeColumns(names: string[] | undefined, cols: ColumnMap, currency?: string): string {
  const name = (i: number) => (names ? `"${names[i]}"` : `column ${i + 1}`);
  const parts = [`customer = ${name(cols.customer)}`, `date = ${name(cols.date)}`];
  parts.push(cols.amount >= 0 ? `amount = ${name(cols.amount)}${currency ? ` (${currency})` : ''}` : 'amount: none (value figures not available)');
  if (cols.channel >= 0) parts.push(`channel = ${name(cols.channel)}`);
  return `columns: ${parts.join(', ')}`;
}
