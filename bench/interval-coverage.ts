/**
 * Coverage study of the parameter-uncertainty intervals (issue 20), larger than the test:
 * `npx tsx bench/interval-coverage.ts [--sets 400] [--customers 1000] [--level 0.9]`.
 *
 * Simulates `sets` BG/NBD data sets with known parameters (r 0.5, alpha 6, a 0.7, b 2.5; T = 40 weeks), fits
 * each, draws 200 parameter sets from the asymptotic normal on the log scale, and counts how often the
 * interval of E[Y(20) | x, t_x, T], P(alive) and P(no purchase in 20) of 4 reference customers covers the value
 * under the true parameters. Prints the coverage with its binomial standard error.
 */
import { fitBgNbd, bgNbdModel } from '../src/models/bgnbd.ts';
import { createRng } from '../src/random.ts';
import { normalParameterDraws } from '../src/value/parameter-draws.ts';
import { predictionIntervals, rowPredictions } from '../src/value/prediction-intervals.ts';
import { simulateSummary } from '../test/models/simulate-helpers.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SETS = arg('sets', 400);
const CUSTOMERS = arg('customers', 1000);
const LEVEL = arg('level', 0.9);
const TRUE = { r: 0.5, alpha: 6, a: 0.7, b: 2.5 };
const ref = { frequency: Float64Array.of(1, 3, 6, 2), recency: Float64Array.of(30, 20, 38, 5), T: Float64Array.of(40, 40, 40, 40) };
const truth = rowPredictions(bgNbdModel(TRUE), ref, 20, undefined);
const hits = { expected: 0, alive: 0, noPurchase: 0 };
let total = 0;
for (let set = 1; set <= SETS; set++) {
  const sim = simulateSummary('bgnbd', TRUE, { customers: CUSTOMERS, seed: 50000 + set, minT: 40, maxT: 40 });
  const fit = fitBgNbd(sim);
  const draws = normalParameterDraws(fit, 200, createRng(set)).map((params) => ({ params }));
  const iv = predictionIntervals(fit, ref, draws, { horizon: 20, rate: 0, level: LEVEL });
  for (let j = 0; j < 4; j++) {
    total++;
    const inside = (b: { lower: Float64Array; upper: Float64Array }, v: number) => b.lower[j] <= v && v <= b.upper[j];
    if (inside(iv.expectedTransactions, truth.expected[j])) hits.expected++;
    if (inside(iv.probabilityAlive, truth.alive[j])) hits.alive++;
    if (inside(iv.probabilityNoPurchase, truth.noPurchase[j])) hits.noPurchase++;
  }
}
const se = Math.sqrt((LEVEL * (1 - LEVEL)) / SETS);
const out = Object.fromEntries(Object.entries(hits).map(([k, v]) => [k, v / total]));
process.stderr.write(`coverage of ${LEVEL * 100}% intervals, ${SETS} data sets of ${CUSTOMERS} customers, 4 reference customers: ` + Object.entries(out).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ') + ` (binomial SE per customer ${se.toFixed(3)})\n`);
console.log(JSON.stringify({ sets: SETS, customers: CUSTOMERS, level: LEVEL, coverage: out }));
