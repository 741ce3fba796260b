import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { formatDay } from '../../src/ingest/dates.ts';
import { summarize } from '../../src/summary/summarize.ts';
import { simulateContracts, writeContractsCsv } from '../../src/simulate/contracts.ts';
import { simulateSurvey } from '../../src/research/simulate-survey.ts';
import { reportInputsFromFiles } from '../../src/report/inputs.ts';
import { buildReport, reportSections } from '../../src/report/build.ts';
import type { ReportInputs } from '../../src/report/build.ts';
import { toCsv } from '../../src/io/csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'clvkit-report-inputs-'));
let inputs: ReportInputs;

beforeAll(async () => {
  const table = await readTransactions('data/sample-transactions.csv');
  writeContractsCsv(simulateContracts({ contracts: 300, start: '2024-01-01', spreadDays: 365, end: '2025-12-30', seed: 3 }), join(dir, 'contracts.csv'));
  const s = summarize(table);
  const leads = ['lead_id,date,source,customer_id'];
  s.customerIds.slice(0, 400).forEach((id, i) => leads.push(`L${i},${formatDay(s.firstPurchase[i] - 3)},${i % 2 ? 'search' : 'social'},${id}`));
  for (let i = 0; i < 200; i++) leads.push(`X${i},2024-06-01,search,`);
  writeFileSync(join(dir, 'leads.csv'), leads.join('\n') + '\n');
  const survey = simulateSurvey({ seed: 5 });
  writeFileSync(join(dir, 'survey.csv'), toCsv(survey.header, survey.rows.map((r) => r.map((v) => (Number.isNaN(v) ? '' : v)))));
  inputs = reportInputsFromFiles('data/sample-transactions.csv', table, {
    contracts: join(dir, 'contracts.csv'), leads: join(dir, 'leads.csv'), survey: join(dir, 'survey.csv'), config: 'data/io-study.json',
  });
});

describe('reportInputsFromFiles', () => {
  it('adds the contract, leads and survey sections with their accounting', () => {
    const sections = reportSections(inputs, inputs.portfolio!, 'en');
    const ids = sections.map((s) => s.id);
    expect(ids).toContain('contracts');
    expect(ids).toContain('survey');
    const charts = sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'chart' ? [b.id] : []));
    expect(charts).toEqual(expect.arrayContaining(['chart-survival', 'chart-leads-funnel']));
    expect(charts.some((c) => c.startsWith('chart-model-1-'))).toBe(true);
    const accounting = sections.find((s) => s.id === 'inputs')!.blocks.find((b) => b.kind === 'table')!;
    if (accounting.kind !== 'table') throw new Error('no table');
    expect(accounting.rows.map((r) => r[0])).toEqual(['sample-transactions.csv (transactions)', 'contracts.csv (contracts)', 'leads.csv (leads)', 'survey.csv (survey)']);
    expect(inputs.leads!.result.overall.leads).toBe(600);
    expect(inputs.leads!.result.overall.customers).toBe(400);
  });

  it('renders the whole French report with them', async () => {
    const html = await buildReport(inputs, { lang: 'fr' });
    expect(html).toContain('Fidélité des abonnements');
    expect(html).toContain('Du prospect au réachat');
    expect(html).toContain('Modèles de l’enquête');
  });

  it('refuses --survey without --config', () => {
    expect(() => reportInputsFromFiles('x.csv', inputs.table, { survey: join(dir, 'survey.csv') })).toThrow(/--survey and --config go together/);
  });
});
