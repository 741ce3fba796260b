import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retentionFromFiles } from '../../src/outcomes/retention-files.ts';

// Oracle: the last transaction date written in the file (2024-03-31) is the end; rows of the side
// inputs dated later are counted after the end, by hand.
describe('the end of observation is set by the transactions, never by contracts or leads (issue 15)', () => {
  it('a contract and a lead dated 2099 leave the end at the last transaction and are counted after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-end-'));
    const tx = join(dir, 'tx.csv');
    writeFileSync(tx, 'customer_id,date,amount\nA,2024-01-05,10\nA,2024-02-10,5\nB,2024-01-20,7\nB,2024-03-31,3\n');
    const contracts = join(dir, 'contracts.csv');
    writeFileSync(contracts, 'customer,start,end\nA,2024-01-01,2024-02-01\nB,2024-01-15,\nC,2099-01-01,\nD,2024-02-01,2099-06-01\n');
    const leads = join(dir, 'leads.csv');
    writeFileSync(leads, 'lead_id,date,source,customer_id\nL1,2024-01-01,web,A\nL2,2099-01-01,web,\n');
    const { report } = await retentionFromFiles(tx, { contractsFile: contracts, leadsFile: leads, model: false, period: 'month' });
    expect(report.end).toBe('2024-03-31');
    expect(report.cohorts.length).toBe(1); // one cohort month (2024-01), not ~900 months to 2099
    expect(report.contracts!.end).toBe('2024-03-31');
    expect(report.contracts!.accounting.rejected).toEqual({ 'starts after the observation end': 1 });
    expect(report.contracts!.ended_after_end_censored).toBe(1); // D ends in 2099: active at the end
    expect(report.conversion.leads!.accounting.rejected).toEqual({ 'lead after the observation end': 1 });
  });
});
