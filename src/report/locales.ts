/**
 * The report's languages and vega's number locales, apart from the renderer so that a page can be
 * assembled without loading vega (the charts may be rendered in worker threads, see render-pool.ts).
 */
export type Lang = 'en' | 'fr';

/** Number locales for vega's d3-format (French: decimal comma, U+202F narrow no-break space thousands, as Intl 'fr-FR'). */
export const NUMBER_LOCALES: Record<Lang, Record<string, unknown>> = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''], minus: '\u2212' },
  fr: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0€'], percent: '\u00a0%', minus: '\u2212' },
};
