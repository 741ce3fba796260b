import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContracts } from '../../src/outcomes/contracts.ts';
import { readLeads } from '../../src/outcomes/leads.ts';

// Oracle: the transactions' own range (1900-01-01 to 2099-12-31, src/ingest/transactions.ts); the
// side inputs reject dates outside it with the same reason, counted, never used.
describe('dates of contracts and leads outside 1900-2099', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clvkit-side-dates-'));
  it('a contract starting in 1850 or ending in 2150 is rejected as "date out of range"', () => {
    const f = join(dir, 'contracts.csv');
    writeFileSync(f, 'customer,start,end\nA,2024-01-01,2024-02-01\nB,1850-01-01,\nC,2024-01-01,2150-01-01\nD,2099-12-31,\n');
    const c = readContracts(f);
    expect(c.accounting.read).toBe(4);
    expect(c.accounting.used).toBe(2);
    expect(c.accounting.rejected).toEqual({ 'date out of range': 2 });
    expect(c.contracts.map((x) => x.customer)).toEqual(['A', 'D']);
  });
  it('a lead dated 1899-12-31 is rejected as "date out of range", one dated 1900-01-01 is kept', () => {
    const f = join(dir, 'leads.csv');
    writeFileSync(f, 'lead_id,date,source,customer_id\nL1,1899-12-31,web,\nL2,1900-01-01,web,\n');
    const l = readLeads(f);
    expect(l.accounting.rejected).toEqual({ 'date out of range': 1 });
    expect(l.leads.map((x) => x.id)).toEqual(['L2']);
  });
});
