/**
 * The byte scanner's fast paths take exactly the rows the general loop would take, with the same
 * values: a file laid out as customer, date, amount (fastLoop3) reads the same as the same rows
 * with the columns in another order (fastLoop and the general loop), odd rows included.
 */
import { describe, expect, it } from 'vitest';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import type { TransactionTable } from '../../src/types.ts';

function rnd(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
}

const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)];

interface Dialect {
  sep: string;
  header: [string, string, string];
  goodDate: (i: number) => string;
  dates: string[];
  amounts: string[];
}

const EN: Dialect = {
  sep: ',',
  header: ['customer_id', 'date', 'amount'],
  goodDate: (i) => `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  dates: ['2024-01-05', '2024-02-30', '2024-01-05T10:00', '2024-01-05 10:00:00', '2024-1-5', '', ' 2024-01-05', '2024-01-05 ', '2024/01/05', '1899-12-31', '2024-13-01', 'x024-01-05'],
  amounts: ['12.50', '-3.25', '12', '0', '1 234.50', '', '$5', '12.', '.5', '1234567890123456', '123456789012345', '-', '0.001', '12.5.1', ' 7', '7 ', '-0', '12\r5', '12345678901234567', '9007199254740993', '1e3', '+5'],
};

const FR: Dialect = {
  sep: ';',
  header: ['id_client', 'date_commande', 'montant'],
  goodDate: (i) => `${String(13 + (i % 15)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/2024`,
  dates: ['05/01/2024', '30/02/2024', '5/1/2024', '', '05-01-2024', '05.01.2024', '05/01/24', '31/12/1899'],
  amounts: ['12,50', '-3,25', '12', '1 234,50', '1.234,50', '', '12,5 €', ',5', '12,'],
};

const IDS = ['C0000123', 'C12', 'C0000123', 'x-abc', ' C0000124', 'C0000125 ', '', 'Ç001', 'C0000126', 'C000000000127', '00042', 'C0000127\t', '\tC0000128'];

function build(dia: Dialect, order: [number, number, number], crlf: boolean, seed: number): string {
  const r = rnd(seed);
  const nl = crlf ? '\r\n' : '\n';
  const lines = [order.map((k) => dia.header[k]).join(dia.sep)];
  for (let i = 0; i < 3000; i++) {
    // Clean rows first (they settle the dialect), then a mix.
    const odd = i >= 300 && r() < 0.3;
    const f = [
      odd && r() < 0.4 ? pick(r, IDS) : `C${String(Math.floor(r() * 500)).padStart(7, '0')}`,
      odd && r() < 0.4 ? pick(r, dia.dates) : dia.goodDate(i),
      odd && r() < 0.5 ? pick(r, dia.amounts) : (Math.floor(r() * 100000) / 100).toFixed(2).replace('.', dia.sep === ';' ? ',' : '.'),
    ];
    let line = order.map((k) => f[k]).join(dia.sep);
    if (odd && r() < 0.05) line += dia.sep + 'extra';
    if (odd && r() < 0.03) line = '';
    lines.push(line);
  }
  return lines.join(nl) + (r() < 0.5 ? nl : '');
}

function rows(t: TransactionTable): [string, number, number][] {
  return Array.from({ length: t.length }, (_, i) => [t.customerIds[t.customer[i]], t.day[i], t.amount[i]]);
}

const EN_TIME: Dialect = {
  ...EN,
  goodDate: (i) => `${EN.goodDate(i)}${i % 3 === 0 ? 'T' : ' '}${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:07${i % 5 === 0 ? 'Z' : i % 7 === 0 ? '+02:00' : ''}`,
  dates: [...EN.dates, '2024-01-05T10', '2024-01-05T10:0', '2024-01-05 10:00x', '2024-01-05 ', '2024-01-05T', '2024-02-30T10:00', '2024-01-05T10:00:00.123-05:00', '2024/01/05 10:00'],
};

const FR_TIME: Dialect = {
  ...FR,
  goodDate: (i) => `${FR.goodDate(i)} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}${i % 4 === 0 ? ':09' : ''}`,
  dates: [...FR.dates, '05/01/2024 10', '05/01/2024 10:0', '05/01/2024 10:00x', '05/01/2024T10:00', '5/1/2024 10:00', '30/02/2024 10:00', '05/01/2024 '],
};

describe('fast paths', () => {
  for (const [name, dia] of [
    ['comma, ISO dates, decimal point', EN],
    ['comma, ISO dates and times, decimal point', EN_TIME],
    ['semicolon, dd/mm/yyyy and times, decimal comma', FR_TIME],
    ['semicolon, dd/mm/yyyy, decimal comma', FR],
  ] as const) {
    for (const crlf of [false, true]) {
      it(`${name}${crlf ? ', CRLF' : ''}: customer, date, amount reads as date, customer, amount`, () => {
        for (const seed of [1, 2, 3]) {
          const fast = parseTransactions(build(dia, [0, 1, 2], crlf, seed), { skipBadRows: true, chunkSize: 4096 });
          const other = parseTransactions(build(dia, [1, 0, 2], crlf, seed), { skipBadRows: true, chunkSize: 4096 });
          expect(rows(fast)).toEqual(rows(other));
          expect(fast.customerIds).toEqual(other.customerIds);
          expect(fast.accounting).toEqual(other.accounting);
          expect(fast.length).toBeGreaterThan(2000);
          expect(Object.keys(fast.accounting.rejected).length).toBeGreaterThan(2);
        }
      });
    }
  }

  it('reads the same across the fast loops\' 32 KiB slices: many slices, odd rows at every offset, a row longer than a slice', () => {
    const r = rnd(9);
    const long = 'L'.repeat(40_000);
    const make = (order: [number, number, number]) => {
      const lines = [order.map((k) => EN.header[k]).join(',')];
      for (let i = 0; i < 20000; i++) {
        const odd = i > 100 && r() < 0.02;
        const f = [
          i === 5000 ? long : odd && r() < 0.5 ? pick(r, IDS) : `C${String(Math.floor(r() * 3000)).padStart(7, '0')}`,
          odd && r() < 0.5 ? pick(r, EN.dates) : EN.goodDate(i),
          odd ? pick(r, EN.amounts) : (Math.floor(r() * 100000) / 100).toFixed(2),
        ];
        lines.push(order.map((k) => f[k]).join(','));
      }
      return lines.join('\n') + '\n';
    };
    const fastText = make([0, 1, 2]);
    // The same rows as date, customer, amount (fastLoop and the general loop, no slices of fastLoop3).
    const otherText = fastText
      .split('\n')
      .map((line) => {
        const f = line.split(',');
        return f.length === 3 ? [f[1], f[0], f[2]].join(',') : line;
      })
      .join('\n');
    const fast = parseTransactions(fastText, { skipBadRows: true });
    const other = parseTransactions(otherText, { skipBadRows: true });
    expect(fastText.length).toBeGreaterThan(15 * 32 * 1024);
    expect(rows(fast)).toEqual(rows(other));
    expect(fast.customerIds).toEqual(other.customerIds);
    expect(fast.accounting).toEqual(other.accounting);
    expect(fast.customerIds).toContain(long);
  });
});

describe('fast paths with a channel column', () => {
  const CHANNELS = ['email', 'search', 'social', 'referral', 'e-mail', 'Search', 'réseau'];
  const ODD_CHANNELS = ['', ' email', 'email ', '\temail', 'search\t', ' ', 'a;b'];
  /**
   * customer, date, amount, channel in the given order; `quoted`: every channel cell in quotes; `general`: in quotes
   * with a space after it, which the general loop trims and the fast loops leave to it (so every row goes there).
   */
  function buildWithChannel(dia: Dialect, order: number[], crlf: boolean, seed: number, style: 'plain' | 'quoted' | 'general'): string {
    const r = rnd(seed);
    const nl = crlf ? '\r\n' : '\n';
    const header = [...dia.header, 'channel'];
    const lines = [order.map((k) => header[k]).join(dia.sep)];
    for (let i = 0; i < 3000; i++) {
      const odd = i >= 300 && r() < 0.3;
      let channel = odd && r() < 0.3 ? pick(r, ODD_CHANNELS) : pick(r, CHANNELS);
      if (channel.includes(dia.sep)) channel = channel.replace(dia.sep, '/');
      const f = [
        odd && r() < 0.3 ? pick(r, IDS) : `C${String(Math.floor(r() * 500)).padStart(7, '0')}`,
        odd && r() < 0.3 ? pick(r, dia.dates) : dia.goodDate(i),
        odd && r() < 0.3 ? pick(r, dia.amounts) : (Math.floor(r() * 100000) / 100).toFixed(2).replace('.', dia.sep === ';' ? ',' : '.'),
        style === 'quoted' ? `"${channel}"` : style === 'general' ? `"${channel} "` : channel,
      ];
      let line = order.map((k) => f[k]).join(dia.sep);
      if (odd && r() < 0.05) line += dia.sep + 'extra';
      lines.push(line);
    }
    return lines.join(nl) + nl;
  }
  const withChannels = (t: TransactionTable) => Array.from({ length: t.length }, (_, i) => [t.customerIds[t.customer[i]], t.day[i], t.amount[i], t.channels![t.channel![i]]]);
  for (const [name, dia] of [
    ['comma', EN],
    ['semicolon', FR],
  ] as const) {
    for (const crlf of [false, true]) {
      for (const order of [
        [0, 1, 2, 3],
        [0, 3, 1, 2],
      ]) {
        it(`${name}${crlf ? ', CRLF' : ''}, columns ${order.join('')}: plain and quoted channel cells read as the general loop reads them`, () => {
          for (const seed of [4, 5]) {
            const general = parseTransactions(buildWithChannel(dia, order, crlf, seed, 'general'), { skipBadRows: true, chunkSize: 4096 });
            for (const style of ['plain', 'quoted'] as const) {
              const fast = parseTransactions(buildWithChannel(dia, order, crlf, seed, style), { skipBadRows: true, chunkSize: 4096 });
              expect(withChannels(fast)).toEqual(withChannels(general));
              expect(fast.channels).toEqual(general.channels);
              expect(Array.from(fast.channel!)).toEqual(Array.from(general.channel!));
              expect(fast.customerIds).toEqual(general.customerIds);
              expect(fast.accounting).toEqual(general.accounting);
            }
            expect(general.length).toBeGreaterThan(2000);
            expect(general.channels!.length).toBeGreaterThan(6);
          }
        });
      }
    }
  }
});

describe('ids with tabs around them', () => {
  it('are trimmed on the fast paths as in the general loop (an id with a trailing tab was a second customer)', () => {
    const body = 'C1,2024-01-01,1\n' + 'C2,2024-01-02,2\n'.repeat(100) + 'C1\t,2024-01-03,3\n\tC2,2024-01-04,4\n';
    for (const header of ['customer_id,date,amount', 'customer_id,date,amount,note']) {
      const text = header + '\n' + (header.endsWith('note') ? body.replace(/\n/g, ',x\n') : body);
      const fast = parseTransactions(text);
      const general = parseTransactions(text + '"C3",2024-01-05,5' + (header.endsWith('note') ? ',x' : '') + '\n');
      expect(fast.customerIds).toEqual(['C1', 'C2']);
      expect(general.customerIds).toEqual(['C1', 'C2', 'C3']);
    }
  });
});

describe('quoted fields on the fastest path (as R\'s write.csv writes them)', () => {
  const quote = (t: string) => `"${t}"`;
  // (not an unclosed quote: the record it opens runs on to the next quote, which the two layouts place differently)
  const ODD_QUOTED = ['""', '"a""b"', '" C0000124"', '"C0000125\t"', '"C1"x', '"x,y"', '"C0000126"'];
  function buildQuoted(dia: Dialect, order: [number, number, number], crlf: boolean, seed: number): string {
    const r = rnd(seed);
    const nl = crlf ? '\r\n' : '\n';
    const lines = [order.map((k) => quote(dia.header[k])).join(dia.sep)];
    for (let i = 0; i < 3000; i++) {
      const odd = i >= 300 && r() < 0.3;
      const id = odd && r() < 0.3 ? pick(r, IDS) : `C${String(Math.floor(r() * 500)).padStart(7, '0')}`;
      const date = odd && r() < 0.3 ? pick(r, dia.dates) : dia.goodDate(i);
      const amount = odd && r() < 0.3 ? pick(r, dia.amounts) : (Math.floor(r() * 100000) / 100).toFixed(2).replace('.', dia.sep === ';' ? ',' : '.');
      const f = [
        odd && r() < 0.2 ? pick(r, ODD_QUOTED).replace(',', dia.sep) : r() < 0.9 ? quote(id) : id,
        r() < 0.9 ? quote(date) : date,
        r() < 0.2 ? quote(amount) : amount,
      ];
      lines.push(order.map((k) => f[k]).join(dia.sep));
    }
    return lines.join(nl) + nl;
  }
  for (const [name, dia] of [
    ['comma, ISO dates', EN],
    ['comma, ISO dates and times', EN_TIME],
    ['semicolon, dd/mm/yyyy, decimal comma', FR],
  ] as const) {
    for (const crlf of [false, true]) {
      it(`${name}${crlf ? ', CRLF' : ''}: customer, date, amount in quotes reads as the general loop reads date, customer, amount`, () => {
        for (const seed of [7, 8]) {
          const fast = parseTransactions(buildQuoted(dia, [0, 1, 2], crlf, seed), { skipBadRows: true, chunkSize: 4096 });
          const general = parseTransactions(buildQuoted(dia, [1, 0, 2], crlf, seed), { skipBadRows: true, chunkSize: 4096 });
          expect(rows(fast)).toEqual(rows(general));
          expect(fast.customerIds).toEqual(general.customerIds);
          expect(fast.accounting).toEqual(general.accounting);
          expect(fast.length).toBeGreaterThan(2000);
        }
      });
    }
  }
});

describe('an unclosed quote on the fastest path', () => {
  it('goes to the general loop, whose quoted field runs on to the next quote (by hand: the three rows it spans are one bad record)', () => {
    const clean = '"K1","2024-01-01",1\n'.repeat(50);
    for (const broken of ['"C1","2024-01-05x,1\n', '"C1","2024-01-05,1\n', '"C1","2024-01-05","1\n', '"C1,2024-01-05,1\n']) {
      const t = parseTransactions('customer_id,date,amount\n' + clean + broken + 'C2,2024-01-06,2\n"C3","2024-01-07",3\n"K2","2024-01-08",4\n', { skipBadRows: true });
      expect([broken, t.customerIds]).toEqual([broken, ['K1', 'K2']]);
      expect(t.accounting.used).toBe(51);
    }
  });
});

describe('day-month dates with a time on the fast paths', () => {
  it('every row is taken or rejected as parseDate(…, dd/mm/yyyy) decides, day for day', async () => {
    const { parseDate } = await import('../../src/ingest/dates.ts');
    const times = [' 10:00', ' 10:00:00', 'T23:59:59Z', ' 00:00:00.5+02:00', ' 10', ' 1:00', ' 10:00x', ' ', 'T', 'X10:00', ' 25:00'];
    const days = ['05/01/2024', '29/02/2024', '29/02/2023', '05/13/2024', '5/1/2024', '31/12/1999', '05.01.2024'];
    const cells: string[] = [];
    for (const d of days) for (const t of times) cells.push(d + t);
    const rowsOf = (order: 'cda' | 'dca') => {
      const lines = [order === 'cda' ? 'id_client;date;montant' : 'date;id_client;montant'];
      // clean rows first: they settle the shape and the order (31 > 12: day first)
      for (let i = 0; i < 50; i++) lines.push(order === 'cda' ? `K${i};31/01/2024 08:00;1` : `31/01/2024 08:00;K${i};1`);
      cells.forEach((c, i) => lines.push(order === 'cda' ? `C${i};${c};1` : `${c};C${i};1`));
      return lines.join('\n') + '\n';
    };
    for (const order of ['cda', 'dca'] as const) {
      const t = parseTransactions(rowsOf(order), { skipBadRows: true });
      const dayOf = new Map<string, number>();
      for (let r = 0; r < t.length; r++) dayOf.set(t.customerIds[t.customer[r]], t.day[r]);
      cells.forEach((c, i) => {
        // a dotted date is day first whatever the file's order; the others follow the file's (day first)
        const want = parseDate(c.trim(), 'dd/mm/yyyy');
        expect([c, dayOf.get(`C${i}`)]).toEqual([c, Number.isNaN(want) ? undefined : want]);
      });
    }
  });
});
