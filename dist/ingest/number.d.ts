/**
 * Parse a number as written in a spreadsheet export: decimal comma or point, thousands
 * separators (space, non-breaking spaces, apostrophe, or the other separator), currency
 * symbols and codes, a leading or trailing minus, and parentheses for negatives.
 * Returns NaN when the text is not a number.
 *
 * @example
 * parseNumber('1 234,50 €', ',') // 1234.5
 * parseNumber('$1,234.50', '.')  // 1234.5
 * parseNumber('(12.00)', '.')    // -12
 */
export declare function parseNumber(text: string, decimal: ',' | '.'): number;
//# sourceMappingURL=number.d.ts.map