/**
 * Models B benchmark: `npx tsx bench/models-b.bench.ts [--reps 21]`.
 *
 * Median wall time of one fit (data already in memory, after two warm-up fits) of
 *   BG/BB on donations.csv (22 weighted rows, 11,104 donors),
 *   sBG and beta-discrete-Weibull on sbg_retention.csv (years 0..7 as 1,000 customers, each group),
 *   Gamma-Gamma on the 946 CDNOW repeat buyers,
 * and of `predict` work: BG/BB conditional expectations + DERT for the 22 patterns.
 * Prints a table on stderr and the JSON results as the last line of stdout, with the peak RSS.
 */
import { readFileSync } from 'node:fs';
import { fitBdw } from '../src/models/bdw.ts';
import { fitBgBb } from '../src/models/bgbb.ts';
import { fitGammaGamma } from '../src/models/gammagamma.ts';
import { survivorsFromPercentages } from '../src/models/retention-data.ts';
import { fitSbg } from '../src/models/sbg.ts';
import { SHARED_DATA } from '../test/helpers/shared-data.ts';

const repsArg = process.argv.indexOf('--reps');
const REPS = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 21;

function csv(name: string): number[][] {
  return readFileSync(`${SHARED_DATA}/${name}`, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',').map(Number));
}

function median(v: number[]): number {
  const s = v.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(label: string, fn: () => unknown): { label: string; medianMs: number; minMs: number } {
  fn();
  fn();
  const t: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return { label, medianMs: median(t), minMs: Math.min(...t) };
}

const don = csv('donations.csv');
const bgbbData = { frequency: don.map((r) => r[0]), recency: don.map((r) => r[1]), periods: don.map((r) => r[2]), weights: don.map((r) => r[3]) };
const ret = csv('sbg_retention.csv');
const regular = survivorsFromPercentages(ret.slice(0, 8).map((r) => r[1]), 1000);
const highEnd = survivorsFromPercentages(ret.slice(0, 8).map((r) => r[2]), 1000);
const cd = csv('cdnow_customers_summary_with_transactions.csv');
const ggData = { frequency: cd.map((r) => r[1]), monetaryValue: cd.map((r) => r[4]) };
const fitted = fitBgBb(bgbbData);

const results = [
  time('BG/BB fit, donations (22 rows, 11,104 donors)', () => fitBgBb(bgbbData)),
  time('sBG fit, sbg_retention regular (years 0-7)', () => fitSbg(regular)),
  time('sBG fit, sbg_retention high end (years 0-7)', () => fitSbg(highEnd)),
  time('BdW fit, sbg_retention regular (years 0-7)', () => fitBdw(regular)),
  time('BdW fit, sbg_retention high end (years 0-7)', () => fitBdw(highEnd)),
  time('Gamma-Gamma fit, CDNOW (946 repeat buyers)', () => fitGammaGamma(ggData)),
  time('BG/BB predictions, 22 patterns (E[X(n,n+5)], P(alive), DERT)', () => {
    for (let i = 0; i < don.length; i++) {
      const row = { frequency: don[i][0], recency: don[i][1], periods: don[i][2] };
      fitted.conditionalExpectedTransactions(5, row);
      fitted.probabilityAlive(row);
      fitted.discountedExpectedResidualTransactions(row, 0.1);
    }
  }),
];
const peakRssMB = process.resourceUsage().maxRSS / 1024;
for (const r of results) process.stderr.write(`${r.label.padEnd(66)} median ${r.medianMs.toFixed(2).padStart(8)} ms   min ${r.minMs.toFixed(2).padStart(8)} ms\n`);
process.stderr.write(`peak RSS ${peakRssMB.toFixed(0)} MiB, ${REPS} repetitions each\n`);
console.log(JSON.stringify({ bench: 'models-b', reps: REPS, peakRssMB, results }));
