/**
 * How regular are a customer base's purchases: the Wheat & Morrison (1990) estimate of the Erlang
 * order k from inter-purchase times ("Estimating purchase regularity with two interpurchase times",
 * Journal of Marketing Research 27(1)), as used by Platzer & Reutterer (2016) before fitting the
 * CNBD-k models. For two consecutive intervals of an Erlang-k customer, M = t1/(t1+t2) ~ Beta(k, k)
 * whatever the customer's rate, so Var(M) = 1/(4(2k+1)) and k = 1/(8 Var(M)) − 1/2.
 */
import { count, plural } from '../plural.ts';
import { ClvkitError } from '../errors.ts';
import { createRng } from '../random.ts';
import { groupOrder, periodTable } from '../summary/summarize.ts';
import type { PeriodUnit, TransactionTable } from '../types.ts';
import { betaln } from './special.ts';

/**
 * Options of `regularity`.
 *
 * @example
 * const o: RegularityOptions = { unit: 'day', resamples: 1000, seed: 1 };
 */
export interface RegularityOptions {
  /** Purchase period: rows of one customer in one period are one purchase (default day). */
  unit?: PeriodUnit;
  /** Last day used (Day number), default the last in the table. */
  end?: number;
  /** Bootstrap resamples for the interval (default 1000) and their seed (default 1). */
  resamples?: number;
  seed?: number;
}

/**
 * The estimate, its interval, the histogram of normalised inter-purchase times with the Erlang-k
 * reference, and a plain reading.
 *
 * @example
 * const r: RegularityResult = regularity(table);
 * r.k; r.interval; r.reading;
 */
export interface RegularityResult {
  /** Wheat & Morrison estimate of k. */
  k: number;
  /** 95% percentile-bootstrap interval over customers. */
  interval: [number, number];
  /** Customers with at least three purchases (two intervals), which the estimate uses. */
  customers: number;
  /** Inter-purchase times in the histogram (customers with at least two intervals). */
  intervals: number;
  /** Histogram of each interval divided by its customer's mean interval, as a density. */
  histogram: { from: number; to: number; count: number; density: number }[];
  /** Intervals beyond the histogram's last bin (4 times the customer's mean). */
  beyond: number;
  /** The density of the normalised times under Erlang-k at the estimated k (exact for each customer's count of intervals). */
  erlang: { x: number; density: number }[];
  reading: string;
  warnings: string[];
}

const BIN = 0.1;
const MAX_X = 4;

/**
 * Wheat & Morrison's k from the last two inter-purchase times of every customer with three or more
 * purchase periods, with a bootstrap interval, and the histogram of normalised inter-purchase times
 * against Erlang-k. A period is a purchase when it has no returns or nets positive (as the summary).
 *
 * @example
 * const r = regularity(await readTransactions('orders.csv'));
 * r.reading; // "purchases are about as regular as an Erlang-2 process ..."
 */
export function regularity(table: TransactionTable, options: RegularityOptions = {}): RegularityResult {
  const unit = options.unit ?? 'day';
  const n = table.length;
  if (n === 0) throw new ClvkitError('regularity: no transactions');
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (table.day[i] < minDay) minDay = table.day[i];
    if (table.day[i] > maxDay) maxDay = table.day[i];
  }
  const end = options.end ?? maxDay;
  const nCustomers = table.customerIds.length;
  const { index, start } = groupOrder(table.customer, table.day, n, nCustomers, minDay, maxDay);
  const periodOf = periodTable(minDay, maxDay - minDay + 1, unit);
  const ms: number[] = [];
  const normalised: number[] = [];
  const perCount = new Map<number, number>(); // customers by number of intervals (>= 2)
  const times: number[] = [];
  for (let c = 0; c < nCustomers; c++) {
    times.length = 0;
    let j = start[c];
    const b = start[c + 1];
    while (j < b) {
      const d0 = table.day[index[j]];
      if (d0 > end) break;
      const p = periodOf[d0 - minDay];
      let net = 0;
      let ret = false;
      for (; j < b; j++) {
        const d = table.day[index[j]];
        if (d > end || periodOf[d - minDay] !== p) break;
        const v = table.amount[index[j]];
        if (Number.isFinite(v)) {
          net += v;
          if (v < 0) ret = true;
        }
      }
      // a period is a purchase when it has no returns or its net amount is positive (summarize.ts)
      if (!ret || net > 0) times.push(p);
    }
    const k = times.length - 1; // intervals
    if (k < 2) continue;
    const t1 = times[k - 1] - times[k - 2];
    const t2 = times[k] - times[k - 1];
    ms.push(t1 / (t1 + t2));
    const mean = (times[k] - times[0]) / k;
    for (let i = 1; i <= k; i++) normalised.push((times[i] - times[i - 1]) / mean);
    perCount.set(k, (perCount.get(k) ?? 0) + 1);
  }
  if (ms.length < 2) throw new ClvkitError(`regularity: ${ms.length} customer(s) with three or more purchase ${unit}s; at least 2 are needed (more than 100 for a useful estimate)`);
  // k from the sums of M and M² over N customers: Wheat & Morrison (1990), M ~ Beta(k, k), Var(M) = 1/(4(2k+1))
  const kOf = (s: number, s2: number, N: number) => {
    const mean = s / N;
    const v = (s2 - N * mean * mean) / (N - 1);
    return 1 / (8 * v) - 0.5;
  };
  const N = ms.length;
  const m = Float64Array.from(ms);
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < N; i++) {
    sum += m[i];
    sum2 += m[i] * m[i];
  }
  const k = kOf(sum, sum2, N);
  const rng = createRng(options.seed ?? 1);
  const B = options.resamples ?? 1000;
  const boot = new Float64Array(B);
  // each resample's customers drawn in one loop (fillIntegers: the draws of N calls of integer), then its sums
  const drawn = new Int32Array(N);
  for (let r = 0; r < B; r++) {
    rng.fillIntegers(N, drawn);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const x = m[drawn[i]];
      s += x;
      s2 += x * x;
    }
    boot[r] = kOf(s, s2, N);
  }
  boot.sort();
  const q = (p: number) => boot[Math.min(B - 1, Math.max(0, Math.round(p * (B - 1))))];
  const interval: [number, number] = [q(0.025), q(0.975)];
  // histogram of normalised inter-purchase times
  const nb = Math.round(MAX_X / BIN);
  const counts = new Float64Array(nb);
  let beyond = 0;
  for (const u of normalised) {
    const b = Math.floor(u / BIN);
    if (b >= nb) beyond++;
    else counts[b]++;
  }
  const total = normalised.length;
  const histogram = Array.from(counts, (count, b) => ({ from: b * BIN, to: (b + 1) * BIN, count, density: count / (total * BIN) }));
  // reference: for a customer with m intervals, t_i / mean = m B with B ~ Beta(k, (m-1)k) (Erlang-k intervals,
  // any rate); the mixture over customers weighted by their number of intervals
  const kk = Math.max(k, 1e-3);
  const erlang: { x: number; density: number }[] = [];
  for (let x = 0.02; x < MAX_X; x += 0.04) {
    let dens = 0;
    for (const [m, cnt] of perCount) {
      if (x >= m) continue;
      const y = x / m;
      const a = kk;
      const bb = (m - 1) * kk;
      dens += m * cnt * Math.exp((a - 1) * Math.log(y) + (bb - 1) * Math.log1p(-y) - betaln(a, bb) - Math.log(m));
    }
    erlang.push({ x: Number(x.toFixed(2)), density: dens / total });
  }
  const warnings: string[] = [];
  if (ms.length < 100) warnings.push(`only ${count(ms.length, 'customer has', 'customers have')} three or more purchases: the estimate of k is rough`);
  return { k, interval, customers: ms.length, intervals: total, histogram, beyond, erlang, reading: regularityReading(k, interval), warnings };
}

/**
 * A plain reading of an estimate of k with its interval.
 *
 * @example
 * regularityReading(2.1, [1.8, 2.4]); // 'purchases are about as regular as an Erlang-2 process …'
 */
export function regularityReading(k: number, interval: [number, number]): string {
  const f = (v: number) => v.toFixed(2);
  const range = `k = ${f(k)}, 95% interval ${f(interval[0])} to ${f(interval[1])}`;
  if (interval[1] < 1) return `purchases are clumpier than a Poisson process (${range}): bursts then pauses; the Erlang-k models (k >= 1) do not describe them, and the Poisson-based models are the closest`;
  if (interval[0] <= 1 || k < 1.5) return `purchases are about as irregular as a Poisson process, an Erlang-1 (${range}): the BG/NBD, MBG/NBD and Pareto/NBD timing assumption holds; the CNBD-k models add little`;
  const r = Math.round(k);
  return `purchases are about as regular as an Erlang-${r} process (${range}): more regular than the Poisson-based models assume; consider the BG/CNBD-k or MBG/CNBD-k models (clvkit fit --model bgcnbd)`;
}
