import { createRng } from '../../src/random.ts';

/**
 * A seeded generator of malformed and hostile transaction files with their truth: every file is
 * built record by record, and each record carries what the reader must make of it (used, or
 * rejected with a reason), so the expected accounting and spend are known independently of the
 * reader. Line ends, encodings and byte-level damage are applied after, to the whole text.
 */
export interface Row {
  id: string;
  date: string;
  amount: string;
  /** What a correct reader does with the row: its amount when used, or the reason it is rejected. */
  truth: { used: number } | { reason: string };
  /** Written as is (after line-end and encoding transforms), instead of id,date,amount. */
  raw?: string;
}

export interface Case {
  name: string;
  /** The class of the issue it belongs to (line ends, encodings, numbers, dates, structure, hostile, files). */
  kind: string;
  bytes: Buffer;
  /** Extra CLI arguments (e.g. --encoding latin1). */
  args?: string[];
  /** Expected with --skip-bad-rows: exit 0 and this accounting, or exit 1 (a whole-file error) with a message matching `error`. */
  expect:
    | { code: 0; read: number; used: number; rejected: Record<string, number>; spend: number; customers: number; firstBad?: { line: number; column?: number } }
    | { code: 1; error: RegExp; line?: number };
  /** Whether the DuckDB engine is run too (files it would read differently are pre-read by the node reader). */
  engines?: ('node' | 'duckdb')[];
}

const HEADER = 'customer_id,date,amount';

function baseRows(seed: number, n: number): Row[] {
  const rng = createRng(seed);
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const id = `C${1 + rng.integer(Math.max(2, Math.floor(n / 3)))}`;
    const day = new Date(Date.UTC(2023, 0, 1) + rng.integer(700) * 864e5).toISOString().slice(0, 10);
    const cents = 100 + rng.integer(20000);
    rows.push({ id, date: day, amount: (cents / 100).toFixed(2), truth: { used: cents / 100 } });
  }
  return rows;
}

function text(rows: Row[], eol = '\n', header = HEADER): string {
  return header + eol + rows.map((r) => r.raw ?? `${r.id},${r.date},${r.amount}`).join(eol) + eol;
}

/** The expected accounting of rows (blank lines counted as read and rejected, as the node ingest does). */
function expectOk(rows: Row[], extra: Partial<{ firstBad: { line: number; column?: number } }> = {}): Case['expect'] {
  const rejected: Record<string, number> = {};
  let spend = 0;
  const customers = new Set<string>();
  let used = 0;
  for (const r of rows) {
    if ('used' in r.truth) {
      used++;
      spend += r.truth.used;
      customers.add(r.id);
    } else rejected[r.truth.reason] = (rejected[r.truth.reason] ?? 0) + 1;
  }
  return { code: 0, read: rows.length, used, rejected, spend, customers: customers.size, ...extra };
}

/** Put `bad` rows at seeded places among `rows`; returns the 1-based file line of the first (header = line 1). */
function scatter(seed: number, rows: Row[], bad: Row[]): { rows: Row[]; firstLine: number } {
  const rng = createRng(seed);
  const out = rows.slice();
  const at: number[] = [];
  for (const b of bad) {
    const k = 1 + rng.integer(out.length - 1);
    out.splice(k, 0, b);
    at.push(k);
  }
  const firstLine = 2 + out.findIndex((r) => bad.includes(r));
  return { rows: out, firstLine };
}

const bad = (id: string, date: string, amount: string, reason: string): Row => ({ id, date, amount, truth: { reason } });
const ok = (id: string, date: string, amount: string, value: number): Row => ({ id, date, amount, truth: { used: value } });

/** Windows-1252 bytes of a string (the characters used here only). */
function cp1252(s: string): Buffer {
  const map: Record<string, number> = { é: 0xe9, è: 0xe8, ë: 0xeb, ç: 0xe7, Œ: 0x8c, '€': 0x80, ü: 0xfc, ñ: 0xf1 };
  return Buffer.from(Array.from(s, (c) => map[c] ?? c.charCodeAt(0)));
}

/**
 * All cases for a seed: the classes of issue 15 and more.
 *
 * @example
 * for (const c of robustnessCases(1)) writeFileSync(c.name + '.csv', c.bytes);
 */
export function robustnessCases(seed: number): Case[] {
  const cases: Case[] = [];
  const add = (c: Case) => cases.push({ engines: ['node', 'duckdb'], ...c, name: `${c.name}-s${seed}` });
  const rows = baseRows(seed, 60);

  // Line ends: every record read, whatever the line ends.
  for (const [name, eol] of [['lf', '\n'], ['crlf', '\r\n'], ['cr', '\r']] as const) {
    add({ name: `line-ends-${name}`, kind: 'line ends', bytes: Buffer.from(text(rows, eol)), expect: expectOk(rows) });
  }
  {
    const rng = createRng(seed + 7);
    const eols = ['\n', '\r\n', '\r'];
    let s = HEADER + '\n';
    for (const r of rows) s += `${r.id},${r.date},${r.amount}` + eols[rng.integer(3)];
    add({ name: 'line-ends-mixed', kind: 'line ends', bytes: Buffer.from(s), expect: expectOk(rows) });
    const q = rows.slice();
    q[3] = { ...q[3], raw: `"${q[3].id}",${q[3].date},"${q[3].amount}"` };
    const multi: Row = { id: 'Q\r\nline', date: '2024-01-05', amount: '3', truth: { used: 3 }, raw: '"Q\r\nline",2024-01-05,3' };
    add({ name: 'quoted-line-ends', kind: 'line ends', bytes: Buffer.from(text([...q, multi], '\r')), expect: expectOk([...q, multi]) });
    add({ name: 'no-final-newline', kind: 'line ends', bytes: Buffer.from(text(rows).slice(0, -1)), expect: expectOk(rows) });
  }

  // Encodings.
  {
    const named = rows.map((r, i) => (i % 7 === 0 ? { ...r, id: `${r.id}-Café€Œ` } : r));
    const t = text(named, '\n', 'customer_id,date,amount');
    add({ name: 'utf8-bom', kind: 'encodings', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]), expect: expectOk(named) });
    add({ name: 'cp1252-auto', kind: 'encodings', bytes: cp1252(t), expect: expectOk(named) });
    add({ name: 'utf16le-bom', kind: 'encodings', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]), expect: expectOk(named) });
    add({ name: 'utf16be-bom', kind: 'encodings', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]), expect: expectOk(named) });
    const latin = rows.map((r, i) => (i % 5 === 0 ? { ...r, id: `${r.id}-Müñoz` } : r));
    add({ name: 'latin1-option', kind: 'encodings', bytes: Buffer.from(text(latin), 'latin1'), args: ['--encoding', 'latin1'], expect: expectOk(latin) });
    const broken = Buffer.concat([Buffer.from(HEADER + '\nA,2024-01-01,1\n'), Buffer.from([0x81, 0x8d]), Buffer.from(',2024-01-02,1\n')]);
    add({ name: 'neither-utf8-nor-cp1252', kind: 'encodings', bytes: broken, expect: { code: 1, error: /not valid UTF-8 nor Windows-1252.*--encoding/, line: 3 } });
    const nul = Buffer.from(HEADER + '\nA\u0000B,2024-01-01,1\n');
    add({ name: 'nul-in-id', kind: 'encodings', bytes: nul, expect: { code: 1, error: /NUL bytes/, line: 2 } });
  }

  // Numbers: accounting negatives, trailing minus, non-finite, overflow, text.
  {
    const extra = [
      ok('N1', '2024-01-15', '100', 100),
      ok('N1', '2024-02-01', '(12.50)', -12.5),
      ok('N1', '2024-02-02', '12.50-', -12.5),
      ok('N2', '2024-02-03', '"1,234.50"', 1234.5),
      bad('N3', '2024-02-04', '1e309', 'amount out of range'),
      bad('N3', '2024-02-05', '9'.repeat(400), 'amount out of range'),
      bad('N4', '2024-02-06', '1e308', 'amount out of range'),
      bad('N4', '2024-02-07', '1e308', 'amount out of range'),
      bad('N4', '2024-02-08', '-1e308', 'amount out of range'),
      bad('N5', '2024-02-09', 'NaN', 'bad amount'),
      bad('N5', '2024-02-10', 'Infinity', 'bad amount'),
      bad('N5', '2024-02-11', 'douze', 'bad amount'),
      bad('N6', '2024-02-12', '', 'missing amount'),
    ];
    const { rows: all, firstLine } = scatter(seed, rows, extra.filter((r) => 'reason' in r.truth));
    const withOk = [...all, ...extra.filter((r) => 'used' in r.truth)];
    add({ name: 'numbers', kind: 'numbers', bytes: Buffer.from(text(withOk)), expect: expectOk(withOk, { firstBad: { line: firstLine, column: 3 } }) });
  }

  // Dates.
  {
    const extra = [
      bad('D1', '1899-12-31', '1', 'date out of range'),
      bad('D1', '2100-01-01', '1', 'date out of range'),
      bad('D2', '0000-01-01', '1', 'bad date'),
      bad('D2', '2024-02-30', '1', 'bad date'),
      bad('D3', '', '1', 'missing date'),
    ];
    const { rows: all, firstLine } = scatter(seed + 1, rows, extra);
    add({ name: 'dates', kind: 'dates', bytes: Buffer.from(text(all)), expect: expectOk(all, { firstBad: { line: firstLine, column: 2 } }) });
  }

  // Structure: blank lines, wrong field counts, missing customer, quotes.
  {
    const blank: Row = { id: '', date: '', amount: '', truth: { reason: 'blank line' }, raw: '' };
    const { rows: b } = scatter(seed + 2, rows, [blank, { ...blank }]);
    add({ name: 'blank-lines', kind: 'structure', bytes: Buffer.from(text(b)), expect: expectOk(b) });
    const fields = [
      { ...bad('F1', '2024-03-01', '1', 'wrong number of fields'), raw: 'F1,2024-03-01,1,extra' },
      { ...bad('F2', '2024-03-02', '', 'wrong number of fields'), raw: 'F2,2024-03-02' },
      bad('', '2024-03-03', '4', 'missing customer'),
    ];
    const { rows: f, firstLine } = scatter(seed + 3, rows, fields);
    add({ name: 'fields', kind: 'structure', bytes: Buffer.from(text(f)), expect: expectOk(f, { firstBad: { line: firstLine } }) });
    const quotes = [
      ok('Q1', '2024-04-01', '"5"', 5),
      { ...ok('Q,2', '2024-04-02', '6', 6), raw: '"Q,2",2024-04-02,6' },
      { ...ok('Q"3', '2024-04-03', '7', 7), raw: '"Q""3",2024-04-03,7' },
      { ...bad('Q4', '2024-04-04', '8', 'bad quoting'), raw: '"Q4"x,2024-04-04,8' },
    ];
    const q = [...rows, ...quotes];
    add({ name: 'quotes', kind: 'structure', bytes: Buffer.from(text(q)), expect: expectOk(q, { firstBad: { line: q.length + 1, column: 1 } }) });
    const unterminated = [...rows, { ...bad('U1', '2024-05-01', '', 'bad quoting'), raw: 'U1,2024-05-01,"9' }];
    add({ name: 'unterminated-quote-at-end', kind: 'structure', bytes: Buffer.from(text(unterminated)), expect: expectOk(unterminated, { firstBad: { line: unterminated.length + 1 } }) });
    add({ name: 'empty-file', kind: 'structure', bytes: Buffer.alloc(0), expect: { code: 1, error: /the file is empty/ } });
    add({ name: 'header-only', kind: 'structure', bytes: Buffer.from(HEADER + '\n'), expect: { code: 1, error: /header row .* but no data rows/ } });
    const wide = 'customer_id,date,amount,' + Array.from({ length: 20_000 }, (_, i) => `x${i}`).join(',');
    const wideRows = rows.slice(0, 5).map((r) => ({ ...r, raw: `${r.id},${r.date},${r.amount},` + ','.repeat(19_999) }));
    add({ name: 'twenty-thousand-columns', kind: 'structure', bytes: Buffer.from(text(wideRows, '\n', wide)), expect: expectOk(wideRows) });
    const long = [...rows.slice(0, 5), { ...ok('L'.repeat(3_000_000), '2024-06-01', '2', 2) }];
    add({ name: 'three-megabyte-id', kind: 'structure', bytes: Buffer.from(text(long)), expect: expectOk(long) });
  }

  // Hostile values: kept as data, guarded on output (formula prefix), never run.
  {
    const hostile = [
      ok('=HYPERLINK("http://x")', '2024-07-01', '1', 1),
      ok('+cmd|calc', '2024-07-02', '2', 2),
      ok('<script>alert(1)</script>', '2024-07-03', '3', 3),
      ok('@SUM(A1)', '2024-07-04', '4', 4),
      ok('-2+3', '2024-07-05', '5', 5),
      ok('👩‍💻客户', '2024-07-06', '6', 6),
    ].map((r) => ({ ...r, raw: `"${r.id.replace(/"/g, '""')}",${r.date},${r.amount}` }));
    const h = [...rows, ...hostile];
    add({ name: 'hostile-ids', kind: 'hostile', bytes: Buffer.from(text(h)), expect: expectOk(h) });
  }
  return cases;
}
