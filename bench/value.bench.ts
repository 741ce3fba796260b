/**
 * Value benchmark: `npx tsx bench/value.bench.ts [--draws 200]`.
 *
 * On the CDNOW calibration summary (2,357 customers, weeks): median wall time of the per-customer CLV
 * (BG/NBD + Gamma-Gamma, 12 months, 10% a year) and of Pareto/NBD infinite-horizon DERT by closed form and
 * by the quadrature, then one customer-equity bootstrap with `--draws` draws (refit BG/NBD and Gamma-Gamma
 * each draw) with its equity interval. Prints a table on stderr and the JSON results as the last line of
 * stdout, with the peak RSS.
 */
import { readFileSync } from 'node:fs';
import { fitBgNbd } from '../src/models/bgnbd.ts';
import { fitGammaGamma } from '../src/models/gammagamma.ts';
import { fitParetoNbd } from '../src/models/paretonbd.ts';
import type { SummaryData } from '../src/types.ts';
import { bootstrapEquity } from '../src/value/bootstrap-equity.ts';
import { customerValue } from '../src/value/customer-value.ts';
import { discountedExpectedTransactions } from '../src/value/discounted-transactions.ts';
import type { ValueModel } from '../src/value/value-model.ts';
import { SHARED_DATA } from '../test/helpers/shared-data.ts';

const drawsArg = process.argv.indexOf('--draws');
const DRAWS = drawsArg > 0 ? Number(process.argv[drawsArg + 1]) : 200;
const REPS = 11;

const rows = readFileSync(`${SHARED_DATA}/cdnow_customers_summary_with_transactions.csv`, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',').map(Number));
const data = {
  frequency: Float64Array.from(rows, (r) => r[1]),
  recency: Float64Array.from(rows, (r) => r[2]),
  T: Float64Array.from(rows, (r) => r[3]),
  monetaryValue: Float64Array.from(rows, (r) => r[4]),
};

function median(v: number[]): number {
  const s = v.slice().sort((a, b) => a - b);
  return s[(s.length - 1) >> 1];
}

function time(label: string, fn: () => unknown) {
  fn();
  const t: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return { label, medianMs: median(t) };
}

const bg = fitBgNbd(data) as unknown as ValueModel;
const pareto = fitParetoNbd(data) as unknown as ValueModel;
const gg = fitGammaGamma(data);
const value = { horizon: 12, horizonUnit: 'month' as const, modelUnitDays: 7, annualDiscount: 0.1 };
const results: { label: string; medianMs: number; note?: string }[] = [
  time('CLV, BG/NBD + Gamma-Gamma, 12 months (2,357 customers)', () => customerValue(bg, data, { ...value, spend: gg })),
  time('Pareto/NBD DERT, closed form (FHL 2005b eq. 2)', () => discountedExpectedTransactions(pareto, data, { horizon: Infinity, annualDiscount: 0.1, unitDays: 7, method: 'closed-form' })),
  time('Pareto/NBD DERT, quadrature', () => discountedExpectedTransactions(pareto, data, { horizon: Infinity, annualDiscount: 0.1, unitDays: 7, method: 'integral' })),
];
const t0 = performance.now();
const eq = bootstrapEquity(data, {
  model: bg,
  fitTransactions: (d: SummaryData, initial) => fitBgNbd(d, { initial }) as unknown as ValueModel,
  spend: gg,
  fitSpend: (d, initial) => fitGammaGamma(d, { initial }),
  value,
  draws: DRAWS,
  seed: 1,
});
results.push({
  label: `equity bootstrap, ${DRAWS} draws`,
  medianMs: performance.now() - t0,
  note: `equity ${eq.equity.toFixed(0)}, 90% [${eq.lower.toFixed(0)}, ${eq.upper.toFixed(0)}], ${eq.failedDraws} failed`,
});
for (const r of results) process.stderr.write(`${r.label.padEnd(60)} ${r.medianMs.toFixed(1).padStart(9)} ms${r.note ? '  ' + r.note : ''}\n`);
process.stdout.write(JSON.stringify({ results, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
