import type { TopLevelSpec } from 'vega-lite';
import type { Block, CsvData } from '../document.ts';
import { formatter, messages, type Formatter, type Lang, type Messages } from '../i18n.ts';

/** What every section builder gets: the language's words and formats. */
export interface SectionContext {
  lang: Lang;
  m: Messages;
  f: Formatter;
}

/**
 * The context for a language and currency.
 *
 * @example
 * const ctx = sectionContext('fr', 'EUR'); ctx.f.money(12) // '12,00 €'
 */
export function sectionContext(lang: Lang, currency?: string): SectionContext {
  return { lang, m: messages(lang), f: formatter(lang, currency) };
}

/** A chart block. */
export function chart(id: string, title: string, spec: TopLevelSpec, csv: CsvData): Block {
  return { kind: 'chart', id, title, spec, csv };
}

/** A fit error message in the report's language when it is a known one, else as the model gave it. */
export function fitError(ctx: SectionContext, message: string): string {
  return ctx.m.fitErrors.find((e) => message.includes(e.match))?.text ?? ctx.m.fitErrorOther(message);
}

/** Display name of a tier, segment or state from src/segment (French names for the defaults). */
export function displayName(ctx: SectionContext, name: string): string {
  return ctx.m.names[name] ?? name;
}
