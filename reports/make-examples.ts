/**
 * Regenerates the committed example reports (reports/example-en.html, reports/example-fr.html) from
 * the bundled sample log plus synthetic contracts, leads, survey, Kano and NPS files written to a
 * temporary folder. Run: npx tsx reports/make-examples.ts [folder] (default: reports/; `npm run demo`
 * writes reports/demo.html). The generation date is fixed (SOURCE_DATE_EPOCH), so the files are the
 * same on every run: test/report/examples.test.ts regenerates them and compares.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTransactions } from '../src/ingest/transactions.ts';
import { formatDay } from '../src/ingest/dates.ts';
import { summarize } from '../src/summary/summarize.ts';
import { simulateContracts, writeContractsCsv } from '../src/simulate/contracts.ts';
import { createRng } from '../src/random.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'clvkit.js');
const sample = join(root, 'data', 'sample-transactions.csv');
const outDir = process.argv[2] ?? join(root, 'reports');
const tmp = mkdtempSync(join(tmpdir(), 'clvkit-examples-'));
/** 2026-11-22, the date the examples say they were generated on. */
const GENERATED_ON = '1795305600';

function clvkit(args: string[]): void {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: GENERATED_ON } });
  process.stderr.write(r.stderr);
  if (r.status !== 0) throw new Error(`clvkit ${args.join(' ')} exited with ${r.status}`);
}

// research inputs from the simulator
clvkit(['simulate', '--kano', '--seed', '7', '-o', join(tmp, 'kano.csv')]);
clvkit(['simulate', '--nps', '--seed', '7', '-o', join(tmp, 'nps.csv')]);
clvkit(['simulate', '--survey', '--seed', '7', '-o', join(tmp, 'survey.csv')]);

// contracts: 800 subscriptions started during 2024, observed to the end of 2025
writeContractsCsv(simulateContracts({ contracts: 800, start: '2024-01-01', spreadDays: 365, end: '2025-12-30', seed: 7 }), join(tmp, 'contracts.csv'));

// leads: one lead a few days before the first purchase of 60% of the customers, plus 1,500 that never bought
const table = await readTransactions(sample);
const summary = summarize(table);
const rng = createRng(7);
const rand = () => rng.uniform();
const sources = ['search', 'social', 'referral'];
const leads = ['lead_id,date,source,customer_id'];
let n = 0;
summary.customerIds.forEach((id, i) => {
  if (rand() < 0.6) leads.push(`L${++n},${formatDay(summary.firstPurchase[i] - Math.floor(rand() * 20))},${sources[Math.floor(rand() * 3)]},${id}`);
});
for (let k = 0; k < 1500; k++) leads.push(`L${++n},${formatDay(summary.firstPurchase[0] + Math.floor(rand() * 700))},${sources[Math.floor(rand() * 3)]},`);
writeFileSync(join(tmp, 'leads.csv'), leads.join('\n') + '\n');

const common = [
  sample, '--calibration-end', '2025-06-30',
  '--contracts', join(tmp, 'contracts.csv'), '--leads', join(tmp, 'leads.csv'),
  '--survey', join(tmp, 'survey.csv'), '--config', join(root, 'data', 'io-study.json'),
  '--kano', join(tmp, 'kano.csv'), '--nps', join(tmp, 'nps.csv'), '--nps-by', 'channel', '--margin', '0.4', '--cost-per-order', '6', '--currency', 'EUR', '--quiet',
];
clvkit(['report', ...common, '--lang', 'en', '-o', join(outDir, 'example-en.html')]);
clvkit(['report', ...common, '--lang', 'fr', '-o', join(outDir, 'example-fr.html')]);
rmSync(tmp, { recursive: true, force: true });
