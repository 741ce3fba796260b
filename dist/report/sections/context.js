import { formatter, messages } from '../i18n.js';
/**
 * The context for a language and currency.
 *
 * @example
 * const ctx = sectionContext('fr'); ctx.f.money(12) // '12,00 €'
 */
export function sectionContext(lang, currency = 'EUR') {
    return { lang, m: messages(lang), f: formatter(lang, currency) };
}
/** A chart block. */
export function chart(id, title, spec, csv) {
    return { kind: 'chart', id, title, spec, csv };
}
/** A fit error message in the report's language when it is a known one, else as the model gave it. */
export function fitError(ctx, message) {
    return ctx.m.fitErrors.find((e) => message.includes(e.match))?.text ?? ctx.m.fitErrorOther(message);
}
/** Display name of a tier, segment or state from src/segment (French names for the defaults). */
export function displayName(ctx, name) {
    return ctx.m.names[name] ?? name;
}
//# sourceMappingURL=context.js.map