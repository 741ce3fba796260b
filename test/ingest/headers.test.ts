import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCurrency, headerKey, resolveColumns } from '../../src/ingest/dialect.ts';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { ClvkitError } from '../../src/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'clvkit-headers-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const cols = (header: string[], samples: string[][] = [], o = {}) => resolveColumns(header, header.length, o, 'f.csv', samples);

describe('headers of real French and English exports (issue 16)', () => {
  it('headerKey takes out units and reads the number signs: hand-written cases', () => {
    expect(headerKey('Montant TTC (€)')).toEqual({ key: 'montant_ttc', unit: '€' });
    expect(headerKey('Amount [USD]')).toEqual({ key: 'amount', unit: 'USD' });
    expect(headerKey('N° client').key).toBe('no_client');
    expect(headerKey('Nº Client').key).toBe('no_client');
    expect(headerKey('Client #').key).toBe('client_no');
    expect(headerKey('Customer No.').key).toBe('customer_no');
    expect(headerKey('Prix unitaire').key).toBe('prix_unitaire');
    expect(headerKey('Date de commande').key).toBe('date_de_commande');
  });
  it('N° client;Date de commande;Montant TTC (€): all three found, the currency EUR from the header', () => {
    expect(cols(['N° client', 'Date de commande', 'Montant TTC (€)'])).toEqual({ customer: 0, date: 1, amount: 2, channel: -1 });
    expect(cols(['Customer #', 'Order Date', 'Amount [USD]'])).toEqual({ customer: 0, date: 1, amount: 2, channel: -1 });
    expect(cols(['Nº Client', 'Date livraison', 'Date de commande', 'Quantité', 'Prix unitaire'])).toEqual({ customer: 0, date: 2, amount: 4, channel: -1 });
    expect(cols(['CLIENT', 'DATE', 'MONTANT'])).toEqual({ customer: 0, date: 1, amount: 2, channel: -1 });
  });
  it('no amount recognised while a column looks numeric: stop and list it with --amount-col; --no-amount says there are none', () => {
    const run = () => cols(['customer_id', 'date', 'Qté', 'Colonne X'], [['A', '2024-01-02', '2', '12,50 €'], ['B', '2024-01-03', '1', '3']]);
    expect(run).toThrow(ClvkitError);
    expect(run).toThrow(/no amount column recognised, but these columns look numeric: "Qté", "Colonne X"; name the amount with --amount-col "Qté", or give --no-amount/);
    expect(cols(['customer_id', 'date', 'Qté'], [['A', '2024-01-02', '2']], { noAmount: true }).amount).toBe(-1);
    expect(cols(['customer_id', 'date', 'note'], [['A', '2024-01-02', 'gift']]).amount).toBe(-1); // nothing numeric: no amounts, nothing to ask
  });
  it('the currency from the header or the values: €, EUR, $ and USD; none from bare numbers', () => {
    expect(detectCurrency('€', [])).toBe('EUR');
    expect(detectCurrency('USD', [])).toBe('USD');
    expect(detectCurrency(undefined, ['12,50 €', '3,00 €'])).toBe('EUR');
    expect(detectCurrency(undefined, ['$12.50', '$3.00'])).toBe('USD');
    expect(detectCurrency(undefined, ['GBP 12.50'])).toBe('GBP');
    expect(detectCurrency(undefined, ['12.50', '3'])).toBeUndefined();
    expect(detectCurrency('kg', ['12'])).toBeUndefined();
  });
  it('readTransactions on the Excel export of the issue: amounts read, currency EUR, and the columns said', async () => {
    const f = file('excel.csv', 'N° client;Date de commande;Montant TTC (€)\nC1;02/01/2024;12,50\nC1;15/02/2024;30,00\nC2;03/01/2024;7,25\n');
    const t = await readTransactions(f);
    expect(t.hasAmount).toBe(true);
    expect(Array.from(t.amount)).toEqual([12.5, 30, 7.25]);
    expect(t.currency).toBe('EUR');
    expect(t.columnsNote).toBe('columns: customer = "N° client", date = "Date de commande", amount = "Montant TTC (€)" (EUR)');
  });
  it('a file without amounts needs --no-amount when another column looks numeric, and says so', async () => {
    const f = file('qty.csv', 'customer_id,date,quantity\nA,2024-01-02,2\nB,2024-01-03,1\n');
    await expect(readTransactions(f)).rejects.toThrow(/--amount-col "quantity", or give --no-amount/);
    const t = await readTransactions(f, { noAmount: true });
    expect(t.hasAmount).toBe(false);
    expect(t.columnsNote).toMatch(/amount: none \(value figures not available\)/);
  });
});
