/** Languages of clvkit's messages and reports. */
export type PluralLang = 'en' | 'fr';

/**
 * The word form that goes with a count: English takes the singular for exactly 1, French for 0 and 1
 * (and anything below 2, as "1,5 kilo"), per the CLDR plural rules of the two languages.
 *
 * @example
 * plural(1, 'customer', 'customers'); // 'customer'
 * plural(0, 'customer', 'customers'); // 'customers'
 * plural(0, 'client', 'clients', 'fr'); // 'client'
 * plural(2, 'client', 'clients', 'fr'); // 'clients'
 */
export function plural(n: number, one: string, other: string, lang: PluralLang = 'en'): string {
  const a = Math.abs(n);
  if (lang === 'fr') return a < 2 ? one : other;
  return a === 1 ? one : other;
}

/**
 * A count with its word: `count(1, 'customer', 'customers')` is "1 customer". The number is written by
 * `format` (default: as is, so that messages keep their exact figures).
 *
 * @example
 * count(2, 'quarter', 'quarters'); // '2 quarters'
 * count(1, 'trimestre', 'trimestres', 'fr'); // '1 trimestre'
 * count(23570, 'customer', 'customers', 'en', (n) => n.toLocaleString('en-US')); // '23,570 customers'
 */
export function count(n: number, one: string, other: string, lang: PluralLang = 'en', format: (n: number) => string = String): string {
  return `${format(n)} ${plural(n, one, other, lang)}`;
}

/**
 * The word form for a number already written out for a reader ("1", "23,570", "1,5", "12 345" with a
 * narrow space), as the report's messages receive them: the text is read back in its language's
 * convention, and anything that is not a number takes the plural.
 *
 * @example
 * pluralText('1', 'month', 'months'); // 'month'
 * pluralText('1,5', 'mois', 'mois', 'fr'); // 'mois'
 * pluralText('0', 'client', 'clients', 'fr'); // 'client'
 * pluralText('23,570', 'customer', 'customers'); // 'customers'
 */
export function pluralText(text: string, one: string, other: string, lang: PluralLang = 'en'): string {
  const t = text.trim();
  const n = lang === 'fr' ? Number(t.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) : Number(t.replace(/,/g, ''));
  return Number.isNaN(n) || t === '' ? other : plural(n, one, other, lang);
}
