import type { TopLevelSpec } from 'vega-lite';
import type { Block, CsvData } from '../document.ts';
import { type Formatter, type Lang, type Messages } from '../i18n.ts';
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
 * const ctx = sectionContext('fr'); ctx.f.money(12) // '12,00 €'
 */
export declare function sectionContext(lang: Lang, currency?: string): SectionContext;
/** A chart block. */
export declare function chart(id: string, title: string, spec: TopLevelSpec, csv: CsvData): Block;
/** A fit error message in the report's language when it is a known one, else as the model gave it. */
export declare function fitError(ctx: SectionContext, message: string): string;
/** Display name of a tier, segment or state from src/segment (French names for the defaults). */
export declare function displayName(ctx: SectionContext, name: string): string;
//# sourceMappingURL=context.d.ts.map