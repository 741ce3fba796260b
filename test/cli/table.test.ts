import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/table.ts';
import { useColor } from '../../src/cli/color.ts';

// Oracle: tables laid out by hand, character by character.
describe('formatTable (hand-laid tables)', () => {
  it('pads columns to the widest cell, numbers right-aligned with separators, text left-aligned', () => {
    const t = formatTable([{ header: 'tier' }, { header: 'customers' }, { header: 'share', percent: true }], [
      ['Platinum', 236, 0.01],
      ['Lead', 18856, 0.8],
    ]);
    expect(t).toBe('tier      customers  share\n' + 'Platinum        236   1.0%\n' + 'Lead         18,856  80.0%\n');
  });
  it('formats decimals, n/a for non-finite numbers and blanks for missing cells', () => {
    const t = formatTable(['x', { header: 'v', digits: 3 }], [['a', 1.23456], ['b', NaN], ['c', null]]);
    expect(t).toBe('x      v\n' + 'a  1.235\n' + 'b    n/a\n' + 'c\n');
    expect(formatTable(['m'], [[2.5], [10]])).toBe('   m\n2.50\n  10\n');
  });
  it('cuts long text at maxWidth with an ellipsis', () => {
    const t = formatTable([{ header: 'segment', maxWidth: 8 }, 'n'], [['Champions of the world', 3]]);
    expect(t).toBe('segment   n\n' + 'Champio…  3\n');
  });
  it('narrows text columns to fit a terminal width, never below 6 characters', () => {
    const t = formatTable(['name', 'n'], [['abcdefghijklmnop', 1]], { width: 12 });
    for (const line of t.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(12);
    expect(t).toBe('name       n\n' + 'abcdefgh…  1\n');
    const tight = formatTable(['name', 'n'], [['abcdefghijklmnop', 1]], { width: 3 });
    expect(tight.split('\n')[1]).toBe('abcde…  1');
  });
  it('writes colour codes only when asked, and a non-terminal stream never asks', () => {
    expect(formatTable(['a'], [['x']])).not.toMatch(/\u001b/);
    expect(formatTable(['a'], [['x']], { color: true })).toBe('\u001b[1ma\u001b[22m\nx\n');
    expect(useColor({ isTTY: false })).toBe(false);
    expect(useColor({})).toBe(false);
  });
  it('keeps accented text to its character count and flattens line breaks', () => {
    expect(formatTable(['é', 'n'], [['été', 1], ['a\nb', 22]])).toBe('é     n\nété   1\na b  22\n');
  });
});
