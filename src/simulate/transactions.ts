import { AtomicFile } from '../io/atomic.ts';
import { once } from 'node:events';
import { createRng } from '../random.ts';
import { grown } from '../typed-map.ts';

/** True parameters of a simulated transaction log (weeks as the time unit). */
export interface SimulationParams {
  /** BG/NBD purchase rate heterogeneity: lambda ~ Gamma(r, alpha) per week (Fader, Hardie & Lee 2005a). */
  r: number;
  alpha: number;
  /** BG/NBD dropout probability after each repeat purchase: p ~ Beta(a, b). */
  a: number;
  b: number;
  /** Gamma-Gamma spend (Fader, Hardie & Lee 2005b): z ~ Gamma(p, nu), nu ~ Gamma(q, v). */
  p: number;
  q: number;
  v: number;
}

export interface SimulationOptions {
  customers?: number;
  seed?: number;
  /** First calendar day of the log, ISO date. */
  start?: string;
  /** Length of the whole observation window in days. */
  days?: number;
  /** Days over which first purchases are spread (uniformly), from `start`. */
  acquisitionDays?: number;
  params?: Partial<SimulationParams>;
  /** Channel names and their probabilities; omitted for no channel column. */
  channels?: { name: string; share: number }[];
}

export const DEFAULT_SIMULATION: Required<Omit<SimulationOptions, 'channels'>> & { params: SimulationParams } = {
  customers: 5000,
  seed: 1,
  start: '2024-01-01',
  days: 730,
  acquisitionDays: 365,
  params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, v: 15 },
};

export interface SimulatedLog {
  /** Customer index (0-based) per transaction, grouped by customer, in time order. */
  customer: Int32Array;
  /** Days since 1970-01-01 UTC. */
  day: Int32Array;
  amount: Float64Array;
  channel?: Int32Array;
  channels?: string[];
  customers: number;
  params: SimulationParams;
  start: number;
  end: number;
  seed: number;
}

const DAY_MS = 86_400_000;

/**
 * Simulate a BG/NBD transaction log with Gamma-Gamma spend: each customer's first purchase falls
 * uniformly in the acquisition window; repeat purchases follow a Poisson process at rate lambda
 * until the customer drops out (probability p after each repeat purchase); times are rounded to days.
 *
 * @example
 * const log = simulateTransactions({ customers: 1000, seed: 7 });
 * log.customer.length; // about 3 transactions a customer with the defaults
 */
export function simulateTransactions(options: SimulationOptions = {}): SimulatedLog {
  const n = options.customers ?? DEFAULT_SIMULATION.customers;
  const seed = options.seed ?? DEFAULT_SIMULATION.seed;
  const params: SimulationParams = { ...DEFAULT_SIMULATION.params, ...options.params };
  const days = options.days ?? DEFAULT_SIMULATION.days;
  const acquisitionDays = Math.min(options.acquisitionDays ?? DEFAULT_SIMULATION.acquisitionDays, days);
  const start = Math.floor(Date.parse((options.start ?? DEFAULT_SIMULATION.start) + 'T00:00:00Z') / DAY_MS);
  const end = start + days - 1;
  const rng = createRng(seed);
  let cap = Math.max(16, n * 4);
  let customer = new Int32Array(cap);
  let day = new Int32Array(cap);
  let amount = new Float64Array(cap);
  const channels = options.channels;
  let channel = channels ? new Int32Array(cap) : undefined;
  let m = 0;
  const push = (c: number, d: number, z: number, ch: number) => {
    if (m === cap) {
      cap *= 2;
      const grow = <T extends Int32Array | Float64Array>(a: T): T => grown(a, cap);
      customer = grow(customer);
      day = grow(day);
      amount = grow(amount);
      if (channel) channel = grow(channel);
    }
    customer[m] = c;
    day[m] = d;
    amount[m] = z;
    if (channel) channel[m] = ch;
    m++;
  };
  const cumulative = channels ? cumulativeShares(channels.map((c) => c.share)) : [];
  const windowWeeks = days / 7;
  for (let c = 0; c < n; c++) {
    const first = rng.uniform() * acquisitionDays; // days from start
    const lambda = rng.gamma(params.r, params.alpha); // per week
    const dropout = rng.beta(params.a, params.b);
    const nu = rng.gamma(params.q, params.v);
    const ch = channels ? pick(cumulative, rng.uniform()) : 0;
    const spend = () => Math.round(rng.gamma(params.p, nu) * 100) / 100;
    push(c, start + Math.floor(first), spend(), ch);
    let t = first / 7; // weeks
    for (;;) {
      t += rng.exponential(lambda);
      if (t >= windowWeeks) break;
      push(c, start + Math.floor(t * 7), spend(), ch);
      if (rng.uniform() < dropout) break;
    }
  }
  return {
    customer: customer.subarray(0, m),
    day: day.subarray(0, m),
    amount: amount.subarray(0, m),
    channel: channel?.subarray(0, m),
    channels: channels?.map((c) => c.name),
    customers: n,
    params,
    start,
    end,
    seed,
  };
}

function cumulativeShares(shares: number[]): number[] {
  const total = shares.reduce((s, x) => s + x, 0);
  let acc = 0;
  return shares.map((s) => (acc += s / total));
}

function pick(cumulative: number[], u: number): number {
  for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]) return i;
  return cumulative.length - 1;
}

export interface CsvDialect {
  delimiter: ',' | ';';
  decimal: '.' | ',';
  dateFormat: 'iso' | 'dd/mm/yyyy';
  header: string[];
}

export const ENGLISH_DIALECT: CsvDialect = { delimiter: ',', decimal: '.', dateFormat: 'iso', header: ['customer_id', 'date', 'amount', 'channel'] };
export const FRENCH_DIALECT: CsvDialect = { delimiter: ';', decimal: ',', dateFormat: 'dd/mm/yyyy', header: ['id_client', 'date_commande', 'montant', 'canal'] };

/** Customer id as written in files: C plus a zero-padded index. */
export function simulatedCustomerId(index: number, customers: number): string {
  return 'C' + String(index + 1).padStart(Math.max(6, String(customers).length), '0');
}

/**
 * Write a simulated log as CSV, transactions sorted by date (as exports are), in an English or French dialect.
 *
 * @example
 * await writeSimulatedCsv(simulateTransactions({ seed: 1 }), 'data/sample.csv', FRENCH_DIALECT);
 */
export async function writeSimulatedCsv(log: SimulatedLog, target: string | NodeJS.WritableStream, dialect: CsvDialect = ENGLISH_DIALECT): Promise<void> {
  const order = sortByDay(log.day, log.start, log.end);
  // A file is written atomically (the previous file stays whole until the new one is complete).
  const file = typeof target === 'string' ? new AtomicFile(target) : undefined;
  const out = file ? { write: (s: string) => (file.write(s), true) } : (target as NodeJS.WritableStream);
  const hasChannel = log.channel !== undefined;
  const header = hasChannel ? dialect.header : dialect.header.slice(0, 3);
  let chunk = header.join(dialect.delimiter) + '\n';
  const dateCache = new Map<number, string>();
  const formatDate = (d: number) => {
    let s = dateCache.get(d);
    if (s === undefined) {
      const iso = new Date(d * DAY_MS).toISOString().slice(0, 10);
      s = dialect.dateFormat === 'iso' ? iso : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
      dateCache.set(d, s);
    }
    return s;
  };
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    let amount = log.amount[i].toFixed(2);
    if (dialect.decimal === ',') amount = amount.replace('.', ',');
    chunk += simulatedCustomerId(log.customer[i], log.customers) + dialect.delimiter + formatDate(log.day[i]) + dialect.delimiter + amount;
    if (hasChannel) chunk += dialect.delimiter + log.channels![log.channel![i]];
    chunk += '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out as NodeJS.WritableStream, 'drain');
      chunk = '';
    }
  }
  if (file) {
    file.write(chunk);
    file.commit();
  } else if (!out.write(chunk)) await once(out as NodeJS.WritableStream, 'drain');
}

/** Stable counting sort of transaction indices by day. */
function sortByDay(day: Int32Array, start: number, end: number): Int32Array {
  const counts = new Int32Array(end - start + 2);
  for (let i = 0; i < day.length; i++) counts[day[i] - start + 1]++;
  for (let d = 1; d < counts.length; d++) counts[d] += counts[d - 1];
  const order = new Int32Array(day.length);
  for (let i = 0; i < day.length; i++) order[counts[day[i] - start]++] = i;
  return order;
}
