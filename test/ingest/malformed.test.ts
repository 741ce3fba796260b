import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTransactions, type IngestOptions } from '../../src/ingest/transactions.ts';
import { ClvkitError } from '../../src/errors.ts';

let dir = '';
const files: Record<string, string | Buffer> = {
  'empty.csv': '',
  'blank.csv': '\n \r\n\n',
  'bom-only.csv': '\uFEFF',
  'header-only.csv': 'customer_id,date,amount\r\n',
  'no-customer.csv': 'client_name,when,amount\nA,2024-01-01,3\n',
  'no-date.csv': 'customer_id,day,amount\nA,2024-01-01,3\n',
  'latin1.csv': Buffer.concat([Buffer.from('client,date,montant\nA,2024-01-01,3\n'), Buffer.from([0x52, 0xe9, 0x6d, 0x79]), Buffer.from(',2024-01-02,4\n')]),
  'utf16.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,date\n1,2024-01-01\n', 'utf16le')]),
  'bad-date.csv': 'customer_id,date,amount\nA,2024-01-01,3\nB,2024-13-01,4\n',
  'bad-amount.csv': 'customer_id,date,amount\nA,2024-01-01,3\nB,2024-01-02,douze\n',
  'missing-amount.csv': 'customer_id,date,amount\nA,2024-01-01,\n',
  'missing-customer.csv': 'customer_id,date,amount\n ,2024-01-01,3\n',
  'fields.csv': 'customer_id,date,amount\nA,2024-01-01,3\nB,2024-01-02\n',
  'unclosed.csv': 'customer_id,date,note,amount\nA,2024-01-01,"open,3\nB,2024-01-02,x,4\n',
  'junk-quote.csv': 'customer_id,date,amount\n"A"x,2024-01-01,3\n',
  'ambiguous.csv': 'customer_id,date\nA,01/02/2024\nB,03/04/2024\nC,05/05/2024\n',
  'no-header-no-columns.csv': 'A,2024-01-01,3\n',
  'quoted-newline.csv': 'customer_id,date,note,amount\nA,2024-01-01,"two\nlines",3\nB,2024-01-02,"x",4\nC,2024-02-31,"y",5\n',
  'mixed.csv':
    'customer_id,date,amount\n' +
    'A,2024-01-01,3\n' + // 2 ok
    'B,2024-02-30,4\n' + // 3 bad date
    '\n' + // 4 blank
    'C,2024-01-03,x\n' + // 5 bad amount
    ',2024-01-03,2\n' + // 6 missing customer
    'D,2024-01-04\n' + // 7 wrong number of fields
    'E,yesterday,1\n' + // 8 bad date
    'F,2024-01-05,"1,234.50"\n', // 9 ok
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clvkit-bad-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
});

async function message(name: string, options: IngestOptions = {}): Promise<string> {
  try {
    await readTransactions(join(dir, name), options);
  } catch (e) {
    expect(e).toBeInstanceOf(ClvkitError);
    expect((e as ClvkitError).exitCode).toBe(1);
    return (e as Error).message.replace(dir + '/', '');
  }
  throw new Error(`${name}: no error`);
}

describe('malformed files: one clear message each', () => {
  it('empty, blank and BOM-only files', async () => {
    expect(await message('empty.csv')).toBe('empty.csv: the file is empty');
    expect(await message('blank.csv')).toBe('blank.csv: the file is empty');
    expect(await message('bom-only.csv')).toBe('bom-only.csv: the file is empty');
  });

  it('header-only file', async () => {
    expect(await message('header-only.csv')).toBe('header-only.csv: the file has a header row (customer_id, date, amount) but no data rows');
  });

  it('missing columns list the columns found and the option', async () => {
    expect(await message('no-customer.csv')).toBe(
      'no-customer.csv: no customer column (looked for customer_id, client, id_client, customer, id, …); columns found: client_name, when, amount; name it with --customer-col',
    );
    expect(await message('no-date.csv')).toBe(
      'no-date.csv: no date column (looked for date, order_date, date_commande, transaction_date, purchase_date, …); columns found: customer_id, day, amount; name it with --date-col',
    );
    expect(await message('no-date.csv', { dateCol: 'when' })).toBe('no-date.csv: no column "when" for the date (--date-col); columns found: customer_id, day, amount');
  });

  it('a headerless file without column names asks for --columns', async () => {
    expect(await message('no-header-no-columns.csv')).toMatch(/^no-header-no-columns\.csv: the file has no header row: name its columns with --columns/);
  });

  it('Latin-1 bytes are read as Windows-1252 and UTF-16 with a BOM is read (issue 15), both said in the accounting', async () => {
    const latin = await readTransactions(join(dir, 'latin1.csv'));
    expect(latin.customerIds).toEqual(['A', 'Rémy']);
    expect(latin.accounting.notes?.[0]).toMatch(/^read as Windows-1252: not valid UTF-8/);
    const utf16 = await readTransactions(join(dir, 'utf16.csv'));
    expect(utf16.customerIds).toEqual(['1']);
    expect(utf16.accounting.notes).toEqual(['read as UTF-16 LE (byte-order mark)']);
    expect(await message('latin1.csv', { encoding: 'utf8' })).toMatch(/^latin1\.csv:3: the file is not valid UTF-8: give its encoding with --encoding/);
  });

  it('bad rows stop at file:line:column with what was expected and the value', async () => {
    expect(await message('bad-date.csv')).toBe('bad-date.csv:3:2: expected a date like 1997-01-31 (yyyy-mm-dd), got "2024-13-01"');
    expect(await message('bad-amount.csv')).toBe('bad-amount.csv:3:3: expected an amount like 1,234.50, got "douze"');
    expect(await message('missing-amount.csv')).toBe('missing-amount.csv:2:3: expected an amount, got ""');
    expect(await message('missing-customer.csv')).toBe('missing-customer.csv:2:1: expected a customer id, got ""');
    expect(await message('fields.csv')).toBe('fields.csv:3: expected 3 fields (customer_id, date, amount), got "B,2024-01-02" (2 fields)');
    expect(await message('unclosed.csv')).toBe('unclosed.csv:2:3: expected a closing quote ("), got end of file');
    expect(await message('junk-quote.csv')).toBe('junk-quote.csv:2:1: expected a delimiter after the closing quote, got ""A"x"');
  });

  it('quoted newlines keep line numbers right', async () => {
    expect(await message('quoted-newline.csv')).toBe('quoted-newline.csv:5:2: expected a date like 1997-01-31 (yyyy-mm-dd), got "2024-02-31"');
  });

  it('ambiguous day/month order names --date-format', async () => {
    expect(await message('ambiguous.csv')).toBe(
      'ambiguous.csv: cannot tell day from month: every date (e.g. "01/02/2024") has both day and month at most 12; ' +
        'give --date-format dd/mm/yyyy or --date-format mm/dd/yyyy (option dateFormat)',
    );
    const t = await readTransactions(join(dir, 'ambiguous.csv'), { dateFormat: 'mm/dd/yyyy' });
    expect(Array.from(t.day)).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 2, 4), Date.UTC(2024, 4, 5)].map((ms) => ms / 864e5));
  });

  it('skipBadRows counts every row per reason with the first line numbers', async () => {
    const t = await readTransactions(join(dir, 'mixed.csv'), { skipBadRows: true });
    expect(t.customerIds).toEqual(['A', 'F']);
    expect(Array.from(t.amount)).toEqual([3, 1234.5]);
    expect(t.accounting).toEqual({
      read: 8,
      used: 2,
      rejected: { 'bad date': 2, 'blank line': 1, 'bad amount': 1, 'missing customer': 1, 'wrong number of fields': 1 },
      firstLines: { 'bad date': [3, 8], 'blank line': [4], 'bad amount': [5], 'missing customer': [6], 'wrong number of fields': [7] },
    });
  });

  it('blank lines are counted but never stop the import', async () => {
    const name = 'blank-lines.csv';
    writeFileSync(join(dir, name), 'customer_id,date\n\nA,2024-01-01\n\n\nB,2024-01-02\n');
    const t = await readTransactions(join(dir, name));
    expect(t.accounting).toEqual({ read: 5, used: 2, rejected: { 'blank line': 3 }, firstLines: { 'blank line': [2, 4, 5] } });
  });
});
