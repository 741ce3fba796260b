/** HTML escaping for everything that comes from the data (ids, channel names, headers, file names). */
/**
 * Escape text for an HTML text node or a quoted attribute value.
 *
 * @example
 * escapeHtml('<script>"a" & \'b\'') // '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;'
 */
export declare function escapeHtml(value: unknown): string;
/**
 * JSON to embed in a `<script type="application/json">` element: `<`, `>`, `&` and the line separators
 * are written as \u escapes, so no data can close the element or open a comment.
 *
 * @example
 * scriptJson({ id: '</script>' }) // '{"id":"\\u003c/script\\u003e"}'
 */
export declare function scriptJson(value: unknown): string;
/**
 * A `data:` URL for a CSV download (UTF-8 with a byte-order mark so spreadsheets read accents).
 *
 * @example
 * csvDataUrl('a,b\n1,2\n') // 'data:text/csv;charset=utf-8,%EF%BB%BFa%2Cb%0A1%2C2%0A'
 */
export declare function csvDataUrl(csv: string): string;
/**
 * A safe download file name: letters, digits, dot, dash and underscore only.
 *
 * @example
 * safeFileName('tracking <plot>.csv') // 'tracking_plot_.csv'
 */
export declare function safeFileName(name: string): string;
/**
 * An id for an HTML element from a label.
 *
 * @example
 * slug('Model fit & validation') // 'model-fit-validation'
 */
export declare function slug(text: string): string;
//# sourceMappingURL=escape.d.ts.map