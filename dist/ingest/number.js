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
export function parseNumber(text, decimal) {
    let s = text.trim();
    if (s.length === 0)
        return NaN;
    let negative = false;
    if (s.startsWith('(') && s.endsWith(')')) {
        negative = true;
        s = s.slice(1, -1).trim();
    }
    // Currency symbols and ISO codes at either end; spaces of any kind inside.
    s = s.replace(/^(?:[€$£¥]|EUR|USD|GBP|CHF)\s*/i, '').replace(/\s*(?:[€$£¥]|EUR|USD|GBP|CHF)$/i, '');
    if (s.startsWith('-')) {
        negative = !negative;
        s = s.slice(1);
    }
    else if (s.startsWith('+'))
        s = s.slice(1);
    else if (s.endsWith('-')) {
        negative = !negative;
        s = s.slice(0, -1);
    }
    s = s.replace(/^(?:[€$£¥]|EUR|USD|GBP|CHF)\s*/i, '');
    s = s.replace(/[\s\u00a0\u202f']/g, '');
    const thousands = decimal === ',' ? '.' : ',';
    if (s.includes(thousands)) {
        // Thousands separators must group exactly three digits.
        const [intPart, ...rest] = s.split(decimal);
        if (rest.length > 1)
            return NaN;
        if (!/^\d{1,3}(?:[.,]\d{3})+$/.test(intPart) || intPart.includes(decimal))
            return NaN;
        s = intPart.split(thousands).join('') + (rest.length ? '.' + rest[0] : '');
    }
    else if (decimal === ',') {
        s = s.replace(',', '.');
    }
    if (!/^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s))
        return NaN;
    const v = Number(s);
    return negative ? -v : v;
}
//# sourceMappingURL=number.js.map