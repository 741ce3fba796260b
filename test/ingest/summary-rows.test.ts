import { describe, expect, it } from 'vitest';
import { LongNumbers, plainCell } from '../../src/ingest/summary-rows.ts';
import { seededUniform } from '../models/simulate-helpers.ts';

const bytes = (s: string) => Buffer.from(s, 'latin1');
const cell = (s: string, dec = 46, longs = new LongNumbers()) => plainCell(bytes(s), 0, s.length, dec, longs);

describe('plainCell: a plain decimal from bytes equals Number() of its text', () => {
  it('on hand-picked cells: signs, zeros, a lone separator, 2^53 and past it, many decimals', () => {
    for (const s of ['0', '-0', '+0', '7', '-3.25', '.5', '4.', '0001.5000', '9007199254740991', '9007199254740992', '9007199254740993', '102.42857142857143', '0.1', '0.30000000000000004', '1' + '0'.repeat(30), '0.' + '0'.repeat(24) + '1234', '123456789012345678901234567890.5']) {
      expect(Object.is(cell(s), Number(s)), s).toBe(true);
    }
  });
  it('NaN for anything else (the general path decides): empty, sign only, two separators, exponent, spaces, currency', () => {
    for (const s of ['', '-', '+', '.', '1.2.3', '1e5', ' 1', '1 ', '$1', '1,5']) expect(cell(s), s).toBeNaN();
    expect(cell('1,5', 44)).toBe(1.5);
  });
  it('on 200,000 random decimals of 1 to 20 significant digits (shortest forms of random doubles among them)', () => {
    const u = seededUniform(7);
    const longs = new LongNumbers();
    for (let k = 0; k < 200_000; k++) {
      let s: string;
      if (k % 2) s = String((u() - 0.5) * 10 ** Math.floor(u() * 12));
      else {
        const digits = 1 + Math.floor(u() * 20);
        let d = '';
        for (let i = 0; i < digits; i++) d += Math.floor(u() * 10);
        const point = Math.floor(u() * (digits + 1));
        s = (u() < 0.3 ? '-' : '') + d.slice(0, point) + '.' + d.slice(point);
      }
      if (s.includes('e')) continue;
      const v = plainCell(bytes(s), 0, s.length, 46, longs);
      if (!Object.is(v, Number(s))) expect(v, s).toBe(Number(s));
    }
  });
  it('the cache of long cells never mixes up two cells (a small cache, many colliding cells, each read twice)', () => {
    const longs = new LongNumbers();
    const u = seededUniform(11);
    const cells: string[] = [];
    for (let k = 0; k < 20_000; k++) cells.push(String(u() * 1000 + 1 / 7));
    for (const round of [0, 1]) {
      for (const s of cells) {
        const v = plainCell(bytes(s), 0, s.length, 46, longs);
        if (v !== Number(s)) expect(v, `${s} (round ${round})`).toBe(Number(s));
      }
    }
  });
});
