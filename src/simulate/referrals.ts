/**
 * A seeded customer base with referrals and known truth: customers buy as in BG/NBD with Gamma-Gamma spend
 * (as simulateTransactions), and from their first purchase to the end of observation refer new customers in
 * a Poisson process at rate λ ~ Gamma(r, α) per week (the referral NBD that `clvkit referrals` fits); each
 * referral is type one (would not have joined otherwise) with probability `typeOneShare`, and the referred
 * customer's first purchase is on the referral day. Referred customers refer in turn.
 */
import { AtomicFile } from '../io/atomic.ts';
import { createRng } from '../random.ts';
import { DEFAULT_SIMULATION, type SimulationParams } from './transactions.ts';

/**
 * True referral parameters (weeks).
 *
 * @example
 * const t: ReferralTruth = { r: 0.5, alpha: 50, typeOneShare: 0.6, acquisitionCost: 40 };
 */
export interface ReferralTruth {
  r: number;
  alpha: number;
  typeOneShare: number;
  acquisitionCost: number;
}

/**
 * @example
 * simulateReferrals({ customers: 2000, seed: 3, referral: { r: 0.5, alpha: 40 } });
 */
export interface ReferralSimulationOptions {
  /** Customers acquired without referral (the roots); referred ones come on top. */
  customers?: number;
  seed?: number;
  start?: string;
  days?: number;
  acquisitionDays?: number;
  params?: Partial<SimulationParams>;
  referral?: Partial<ReferralTruth>;
}

/**
 * The simulated base: transactions (columnar), referrals and the truth.
 *
 * @example
 * const sim: SimulatedReferrals = simulateReferrals({ seed: 1 });
 * sim.referrals.referrer.length; // referrals made
 */
export interface SimulatedReferrals {
  customers: number;
  rootCustomers: number;
  transactions: { customer: Int32Array; day: Int32Array; amount: Float64Array; length: number };
  referrals: { referrer: Int32Array; referred: Int32Array; day: Int32Array; typeOne: Uint8Array; length: number };
  params: SimulationParams;
  referral: ReferralTruth;
  /** Type-one share among the referrals made (the sample's own, beside the true probability). */
  sampleTypeOneShare: number;
  start: number;
  end: number;
  seed: number;
}

export const DEFAULT_REFERRAL_TRUTH: ReferralTruth = { r: 0.5, alpha: 50, typeOneShare: 0.6, acquisitionCost: 40 };

const DAY_MS = 86_400_000;

/**
 * Simulate customers, their purchases and their referrals with known rates and type-one share.
 *
 * @example
 * const sim = simulateReferrals({ customers: 1000, seed: 7 });
 * sim.referral.r / sim.referral.alpha; // true mean referral rate per week
 */
export function simulateReferrals(options: ReferralSimulationOptions = {}): SimulatedReferrals {
  const roots = options.customers ?? DEFAULT_SIMULATION.customers;
  const seed = options.seed ?? DEFAULT_SIMULATION.seed;
  const params: SimulationParams = { ...DEFAULT_SIMULATION.params, ...options.params };
  const truth: ReferralTruth = { ...DEFAULT_REFERRAL_TRUTH, ...options.referral };
  const days = options.days ?? DEFAULT_SIMULATION.days;
  const acquisitionDays = Math.min(options.acquisitionDays ?? DEFAULT_SIMULATION.acquisitionDays, days);
  const start = Math.floor(Date.parse((options.start ?? DEFAULT_SIMULATION.start) + 'T00:00:00Z') / DAY_MS);
  const end = start + days - 1;
  const rng = createRng(seed);
  const firstDay: number[] = [];
  for (let c = 0; c < roots; c++) firstDay.push(start + Math.floor(rng.uniform() * acquisitionDays));
  const tx = { customer: [] as number[], day: [] as number[], amount: [] as number[] };
  const ref = { referrer: [] as number[], referred: [] as number[], day: [] as number[], typeOne: [] as number[] };
  // customers are processed in creation order; referrals append new customers to the list
  for (let c = 0; c < firstDay.length; c++) {
    const first = firstDay[c];
    const lambda = rng.gamma(params.r, params.alpha);
    const dropout = rng.beta(params.a, params.b);
    const nu = rng.gamma(params.q, params.v);
    const spend = () => Math.round(rng.gamma(params.p, nu) * 100) / 100;
    tx.customer.push(c);
    tx.day.push(first);
    tx.amount.push(spend());
    const windowWeeks = (end + 1 - first) / 7;
    let t = 0;
    for (;;) {
      t += rng.exponential(lambda);
      if (t >= windowWeeks) break;
      tx.customer.push(c);
      tx.day.push(first + Math.floor(t * 7));
      tx.amount.push(spend());
      if (rng.uniform() < dropout) break;
    }
    // referrals from the first purchase day to the end of observation, Poisson at rate ρ ~ Gamma(r, α)
    const rho = rng.gamma(truth.r, truth.alpha);
    let u = 0;
    for (;;) {
      u += rng.exponential(rho);
      if (u >= windowWeeks) break;
      const d = first + Math.floor(u * 7);
      ref.referrer.push(c);
      ref.referred.push(firstDay.length);
      ref.day.push(d);
      ref.typeOne.push(rng.uniform() < truth.typeOneShare ? 1 : 0);
      firstDay.push(d);
    }
  }
  let ones = 0;
  for (const x of ref.typeOne) ones += x;
  return {
    customers: firstDay.length,
    rootCustomers: roots,
    transactions: { customer: Int32Array.from(tx.customer), day: Int32Array.from(tx.day), amount: Float64Array.from(tx.amount), length: tx.customer.length },
    referrals: { referrer: Int32Array.from(ref.referrer), referred: Int32Array.from(ref.referred), day: Int32Array.from(ref.day), typeOne: Uint8Array.from(ref.typeOne), length: ref.referrer.length },
    params,
    referral: truth,
    sampleTypeOneShare: ref.typeOne.length ? ones / ref.typeOne.length : NaN,
    start,
    end,
    seed,
  };
}

/** Customer id as written: R plus a zero-padded index. */
function customerId(i: number, width: number): string {
  return 'R' + String(i + 1).padStart(width, '0');
}

/**
 * Write `transactions.csv` (customer_id,date,amount; by date) and `referrals.csv`
 * (referrer,referred,date,would_have_joined,acquisition_cost) into `dir`, atomically. Returns the paths.
 *
 * @example
 * writeSimulatedReferrals(simulateReferrals(), 'data/referrals');
 */
export function writeSimulatedReferrals(sim: SimulatedReferrals, dir: string): { transactions: string; referrals: string } {
  const width = Math.max(6, String(sim.customers).length);
  const iso = new Map<number, string>();
  const date = (d: number) => {
    let s = iso.get(d);
    if (s === undefined) iso.set(d, (s = new Date(d * DAY_MS).toISOString().slice(0, 10)));
    return s;
  };
  const T = sim.transactions;
  const order = Int32Array.from({ length: T.length }, (_, i) => i).sort((a, b) => T.day[a] - T.day[b] || a - b);
  const paths = { transactions: `${dir}/transactions.csv`, referrals: `${dir}/referrals.csv` };
  const tf = new AtomicFile(paths.transactions);
  let chunk = 'customer_id,date,amount\n';
  for (const i of order) {
    chunk += `${customerId(T.customer[i], width)},${date(T.day[i])},${T.amount[i].toFixed(2)}\n`;
    if (chunk.length > 1 << 20) {
      tf.write(chunk);
      chunk = '';
    }
  }
  tf.write(chunk);
  tf.commit();
  const R = sim.referrals;
  const rf = new AtomicFile(paths.referrals);
  chunk = 'referrer,referred,date,would_have_joined,acquisition_cost\n';
  for (let k = 0; k < R.length; k++) {
    chunk += `${customerId(R.referrer[k], width)},${customerId(R.referred[k], width)},${date(R.day[k])},${R.typeOne[k] ? 'no' : 'yes'},${sim.referral.acquisitionCost}\n`;
    if (chunk.length > 1 << 20) {
      rf.write(chunk);
      chunk = '';
    }
  }
  rf.write(chunk);
  rf.commit();
  return paths;
}
