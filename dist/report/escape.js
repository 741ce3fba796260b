/** HTML escaping for everything that comes from the data (ids, channel names, headers, file names). */
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/**
 * Escape text for an HTML text node or a quoted attribute value.
 *
 * @example
 * escapeHtml('<script>"a" & \'b\'') // '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;'
 */
export function escapeHtml(value) {
    return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
/**
 * JSON to embed in a `<script type="application/json">` element: `<`, `>`, `&` and the line separators
 * are written as \u escapes, so no data can close the element or open a comment.
 *
 * @example
 * scriptJson({ id: '</script>' }) // '{"id":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value) {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
/**
 * A `data:` URL for a CSV download (UTF-8 with a byte-order mark so spreadsheets read accents).
 *
 * @example
 * csvDataUrl('a,b\n1,2\n') // 'data:text/csv;charset=utf-8,%EF%BB%BFa%2Cb%0A1%2C2%0A'
 */
export function csvDataUrl(csv) {
    return 'data:text/csv;charset=utf-8,' + encodeURIComponent('\ufeff' + csv);
}
/**
 * A safe download file name: letters, digits, dot, dash and underscore only.
 *
 * @example
 * safeFileName('tracking <plot>.csv') // 'tracking_plot_.csv'
 */
export function safeFileName(name) {
    return name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100) || 'data.csv';
}
/**
 * An id for an HTML element from a label.
 *
 * @example
 * slug('Model fit & validation') // 'model-fit-validation'
 */
export function slug(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section';
}
//# sourceMappingURL=escape.js.map