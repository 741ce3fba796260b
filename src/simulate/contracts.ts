/**
 * Seeded synthetic subscription files with known sBG parameters (Fader & Hardie 2007): each
 * contract churns at the end of any period with probability theta, theta ~ Beta(alpha, beta).
 */
import { formatDay, parseDateOption } from '../ingest/dates.ts';
import { type OutcomePeriod, addPeriods } from '../outcomes/periods.ts';
import { writeCsv } from '../io/csv.ts';
import type { Day } from '../types.ts';
import { createRng } from '../random.ts';

/**
 * One plan of the simulated book: its share of contracts and its sBG parameters.
 *
 * @example
 * const plan: SimulatedPlan = { name: 'premium', alpha: 0.7, beta: 1.2, share: 2 };
 */
export interface SimulatedPlan {
  name: string;
  alpha: number;
  beta: number;
  /** Relative weight (default 1). */
  share?: number;
}

/**
 * @example
 * simulateContracts({ contracts: 500, alpha: 1, beta: 3, spreadDays: 365, end: '2021-12-31', seed: 2 });
 */
export interface ContractSimulationOptions {
  /** Number of contracts (default 1000). */
  contracts?: number;
  /** sBG parameters when no plans are given (default alpha 0.704, beta 1.182: Fader & Hardie's "regular" segment). */
  alpha?: number;
  beta?: number;
  /** Several plans with their own parameters (written in a `plan` column). */
  plans?: SimulatedPlan[];
  /** Billing period (default month). */
  period?: OutcomePeriod;
  /** First possible start (default 2020-01-01). */
  start?: string | Day;
  /** Starts are spread uniformly over this many days from `start` (default 0: one cohort). */
  spreadDays?: number;
  /** Observation end: later ends are written empty (still active). Default: start + 36 periods. */
  end?: string | Day;
  seed?: number;
}

/**
 * A simulated contracts book and the truth it was drawn from.
 *
 * @example
 * const sim: SimulatedContracts = simulateContracts({ seed: 1 }); // sim.rows[0].end: -1 while active
 */
export interface SimulatedContracts {
  rows: { customer: string; start: Day; end: Day; plan: string }[];
  plans: SimulatedPlan[];
  period: OutcomePeriod;
  end: Day;
  seed: number;
}

/**
 * Draw a contracts book: per contract a plan, a start day, theta ~ Beta(alpha, beta) and a lifetime
 * T ~ shifted geometric(theta) periods (P(T = t) = theta (1 − theta)^(t−1), Fader & Hardie 2007, §3),
 * so the contract ends on its T-th anniversary; ends after the observation end are left empty.
 *
 * @example
 * const sim = simulateContracts({ contracts: 2000, alpha: 1, beta: 3, spreadDays: 365, seed: 7 });
 * writeContractsCsv(sim, 'contracts.csv');
 */
export function simulateContracts(options: ContractSimulationOptions = {}): SimulatedContracts {
  const n = options.contracts ?? 1000;
  const period = options.period ?? 'month';
  const seed = options.seed ?? 1;
  const rng = createRng(seed);
  const plans: SimulatedPlan[] = options.plans ?? [{ name: '', alpha: options.alpha ?? 0.704, beta: options.beta ?? 1.182 }];
  const start0 = parseDateOption(options.start ?? '2020-01-01', 'start');
  const end = options.end !== undefined ? parseDateOption(options.end, 'end') : addPeriods(start0, 36, period);
  const spread = options.spreadDays ?? 0;
  const weights = plans.map((p) => p.share ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const width = String(n).length;
  const rows: SimulatedContracts['rows'] = [];
  for (let i = 0; i < n; i++) {
    let u = rng.uniform() * total;
    let k = 0;
    while (k < plans.length - 1 && u >= weights[k]) u -= weights[k++];
    const plan = plans[k];
    const start = start0 + (spread > 0 ? rng.integer(spread + 1) : 0);
    const theta = rng.beta(plan.alpha, plan.beta);
    // Inverse-CDF draw of the shifted geometric: T = ceil(ln U / ln(1 − theta)), at least 1.
    const v = 1 - rng.uniform();
    const T = theta >= 1 ? 1 : Math.max(1, Math.ceil(Math.log(v) / Math.log1p(-theta)));
    const stop = T > 100_000 ? Infinity : addPeriods(start, T, period);
    rows.push({ customer: `S${String(i + 1).padStart(width, '0')}`, start, end: stop <= end ? stop : -1, plan: plan.name });
  }
  return { rows, plans, period, end, seed };
}

/**
 * Write a simulated book as `customer_id,start,end[,plan]` (ISO dates, empty end = active).
 *
 * @example
 * writeContractsCsv(simulateContracts({ seed: 3 }), 'contracts.csv');
 */
export function writeContractsCsv(sim: SimulatedContracts, path: string): void {
  const withPlan = sim.plans.length > 1 || sim.plans[0].name !== '';
  const header = withPlan ? ['customer_id', 'start', 'end', 'plan'] : ['customer_id', 'start', 'end'];
  writeCsv(
    path,
    header,
    sim.rows.map((r) => {
      const row: (string | number)[] = [r.customer, formatDay(r.start), r.end >= 0 ? formatDay(r.end) : ''];
      if (withPlan) row.push(r.plan);
      return row;
    }),
  );
}
