import { describe, expect, it } from 'vitest';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import { summarize, summaryCustomerIdAt, summaryIdBytes } from '../../src/summary/summarize.ts';

// Oracle: summary.customerIds[k], the ids as the summary's own array gives them.
describe('summaryCustomerIdAt: one id decoded from the bytes equals customerIds[k] (invariant)', () => {
  const lines = ['customer_id,date,amount'];
  const ids = ['C0001', 'C0002', 'C0010', 'Zoë Müller', '北京-7', 'x', 'C0003', '  padded ', 'C99999999'];
  ids.forEach((id, i) => {
    lines.push(`"${id}",2024-0${1 + (i % 9)}-10,10`);
    lines.push(`"${id}",2024-09-2${i % 9},5`);
  });
  const csv = lines.join('\n') + '\n';
  it('every customer kept', () => {
    const s = summarize(parseTransactions(csv), { freq: 'week' });
    expect(summaryIdBytes(s)).toBeDefined();
    const idAt = summaryCustomerIdAt(s);
    for (let k = 0; k < s.frequency.length; k++) expect(idAt(k)).toBe(s.customerIds[k]);
  });
  it('customers left out by --end (the kept rows map to the table)', () => {
    const s = summarize(parseTransactions(csv), { freq: 'week', end: '2024-05-31' });
    expect(s.frequency.length).toBeLessThan(ids.length);
    const idAt = summaryCustomerIdAt(s);
    for (let k = 0; k < s.frequency.length; k++) expect(idAt(k)).toBe(s.customerIds[k]);
  });
});
