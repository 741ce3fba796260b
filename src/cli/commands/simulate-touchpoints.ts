import { wroteNote } from '../output.ts';
import { count } from '../../plural.ts';
import { join } from 'node:path';
import { UsageError } from '../../errors.ts';
import { checkOutputFolder, ensureFolder, writeFileAtomic } from '../../io/atomic.ts';
import { simulateTouchpoints } from '../../simulate/touchpoints.ts';

/**
 * `clvkit simulate --touchpoints --out-dir DIR`: transactions.csv and touchpoints.csv with known
 * channel effects (printed with --json).
 *
 * @example
 * await simulateTouchpointFiles({ outDir: 'sim', customers: '2000', seed: '3', json: true });
 */
export async function simulateTouchpointFiles(o: { outDir?: string; customers?: string; seed?: string; start?: string; days?: string; acquisitionDays?: string; json?: boolean }): Promise<void> {
  if (!o.outDir) throw new UsageError('--touchpoints writes two files: give --out-dir <dir>');
  const seed = Number(o.seed ?? '1');
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got "${o.seed}"`);
  const customers = Number(o.customers ?? '3000');
  if (!(customers >= 1) || !Number.isInteger(customers)) throw new UsageError(`--customers must be a whole number >= 1, got "${o.customers}"`);
  const days = Number(o.days ?? '728');
  const acq = Number(o.acquisitionDays ?? '364');
  if (!(days >= 7) || !(acq >= 1) || acq > days) throw new UsageError('--days must be at least 7 and --acquisition-days between 1 and --days');
  checkOutputFolder(o.outDir, [], ['transactions.csv', 'touchpoints.csv']);
  ensureFolder(o.outDir);
  const sim = simulateTouchpoints({ customers, seed, start: o.start, weeks: Math.floor(days / 7), acquisitionWeeks: Math.max(1, Math.floor(acq / 7)) });
  const { writeTouchpointCsvs } = await import('../../simulate/touchpoints.ts');
  await writeTouchpointCsvs(sim, (name, text) => writeFileAtomic(join(o.outDir!, name), text));
  const summary = { ...sim.truth, transactions: sim.transactions.customer.length, touchpoints: sim.touchpoints.customer.length, files: ['transactions.csv', 'touchpoints.csv'], warnings: [] };
  if (o.json) process.stdout.write(JSON.stringify({ ...summary, warnings: [] }) + '\n');
  else wroteNote(o, `wrote ${count(summary.transactions, 'transaction', 'transactions')} and ${count(summary.touchpoints, 'contact', 'contacts')} of ${count(customers, 'customer', 'customers')} to ${o.outDir}`);
}
