/**
 * A seeded transaction log with a touchpoint log whose contacts change purchasing and attrition by
 * known amounts: the Pareto/NBD with time-varying covariates (Bachmann, Meierer & Näf 2021), weekly
 * contact counts n_c per channel as covariates. While alive, a customer buys at rate
 * λ · Π_c (1 + n_c)^{γ_p,c} and drops out with hazard μ · Π_c (1 + n_c)^{γ_d,c} · e^{σ_c max(0, n_c − m_c)}:
 * log(1 + n) effects, and beyond m_c contacts a week attrition rises by e^{σ_c} per extra contact
 * (saturation). Spend per transaction is Gamma-Gamma (Fader, Hardie & Lee 2005b).
 */
import { createRng } from '../random.ts';
import { formatDay, parseDateOption } from '../ingest/dates.ts';

/**
 * One channel of the simulated touchpoint log and its true effects.
 *
 * @example
 * const email: SimulatedChannel = { name: 'email', kind: 'newsletter', cost: 0.05, meanContacts: 1.2, purchaseEffect: 0.35, dropoutEffect: -0.2, saturationThreshold: 3, saturationDropout: 0.4 };
 */
export interface SimulatedChannel {
  name: string;
  kind: string;
  cost: number;
  /** Mean contacts per customer and week (customers vary around it: Gamma with shape 2). */
  meanContacts: number;
  /** γ_p: the purchase rate is multiplied by (1 + n)^γ_p. */
  purchaseEffect: number;
  /** γ_d: the dropout rate is multiplied by (1 + n)^γ_d. */
  dropoutEffect: number;
  /** m: beyond m contacts in a week, attrition rises by e^σ per extra contact. */
  saturationThreshold: number;
  saturationDropout: number;
}

/**
 * Options of `simulateTouchpoints` (weeks as the time unit).
 *
 * @example
 * const o: TouchpointSimulation = { customers: 3000, seed: 7 };
 */
export interface TouchpointSimulation {
  customers?: number;
  seed?: number;
  start?: string;
  weeks?: number;
  acquisitionWeeks?: number;
  params?: { r: number; alpha: number; s: number; beta: number; p: number; q: number; v: number };
  channels?: SimulatedChannel[];
}

export const DEFAULT_CHANNELS: SimulatedChannel[] = [
  { name: 'email', kind: 'newsletter', cost: 0.05, meanContacts: 1.5, purchaseEffect: 0.3, dropoutEffect: -0.25, saturationThreshold: 3, saturationDropout: 0.5 },
  { name: 'phone', kind: 'call', cost: 4, meanContacts: 0.3, purchaseEffect: 0.5, dropoutEffect: -0.5, saturationThreshold: 1, saturationDropout: 0.6 },
  { name: 'sms', kind: 'promotion', cost: 0.1, meanContacts: 0.8, purchaseEffect: 0, dropoutEffect: 0, saturationThreshold: 2, saturationDropout: 0.8 },
];

export const DEFAULT_TOUCHPOINT_PARAMS = { r: 0.9, alpha: 10, s: 0.6, beta: 30, p: 6, q: 4, v: 15 };

/**
 * The simulated logs (rows in customer then time order) and the truth.
 *
 * @example
 * const sim: SimulatedTouchpoints = simulateTouchpoints({ customers: 100 });
 * sim.truth.channels[0].purchaseEffect;
 */
export interface SimulatedTouchpoints {
  transactions: { customer: Int32Array; day: Int32Array; amount: Float64Array };
  touchpoints: { customer: Int32Array; day: Int32Array; channel: Int32Array };
  truth: {
    params: { r: number; alpha: number; s: number; beta: number; p: number; q: number; v: number };
    timeUnit: 'week';
    channels: SimulatedChannel[];
    model: string;
    customers: number;
    seed: number;
    start: string;
    weeks: number;
    end: string;
  };
}

/**
 * Simulates the two logs. Contacts start in the week of the first purchase and continue, whether the
 * customer is still alive or not (the firm does not know), to the end of the window.
 *
 * @example
 * const sim = simulateTouchpoints({ customers: 2000, seed: 3, weeks: 104 });
 */
export function simulateTouchpoints(o: TouchpointSimulation = {}): SimulatedTouchpoints {
  const n = o.customers ?? 3000;
  const seed = o.seed ?? 1;
  const start = o.start ?? '2024-01-01';
  const weeks = o.weeks ?? 104;
  const acq = o.acquisitionWeeks ?? 52;
  const params = o.params ?? DEFAULT_TOUCHPOINT_PARAMS;
  const channels = o.channels ?? DEFAULT_CHANNELS;
  const rng = createRng(seed);
  const d0 = parseDateOption(start);
  const endDay = d0 + weeks * 7 - 1;
  const tc: number[] = [];
  const td: number[] = [];
  const ta: number[] = [];
  const kc: number[] = [];
  const kd: number[] = [];
  const kch: number[] = [];
  const C = channels.length;
  const counts = new Int32Array(C);
  const rho = new Float64Array(C);
  for (let i = 0; i < n; i++) {
    const first = d0 + Math.floor(rng.uniform() * acq * 7);
    const lambda = rng.gamma(params.r, params.alpha);
    const mu = rng.gamma(params.s, params.beta);
    const nu = rng.gamma(params.q, params.v);
    const spend = () => Math.round(rng.gamma(params.p, nu) * 100) / 100 || 0.01;
    for (let c = 0; c < C; c++) rho[c] = rng.gamma(2, 2 / channels[c].meanContacts);
    tc.push(i);
    td.push(first);
    ta.push(spend());
    let alive = true;
    // calendar weeks from the start; the customer's time runs from `first`
    const w0 = Math.floor((first - d0) / 7);
    for (let w = w0; w < weeks; w++) {
      const a = Math.max(d0 + w * 7, first);
      const b = d0 + (w + 1) * 7;
      let logP = 0;
      let logD = 0;
      for (let c = 0; c < C; c++) {
        // Poisson contacts this week (inversion; means are small)
        let m = 0;
        let pr = Math.exp(-rho[c]);
        let cum = pr;
        const u = rng.uniform();
        while (u > cum && m < 200) {
          m++;
          pr *= rho[c] / m;
          cum += pr;
        }
        counts[c] = m;
        for (let j = 0; j < m; j++) {
          kc.push(i);
          kd.push(d0 + w * 7 + Math.floor(rng.uniform() * 7));
          kch.push(c);
        }
        const ch = channels[c];
        logP += ch.purchaseEffect * Math.log1p(m);
        logD += ch.dropoutEffect * Math.log1p(m) + ch.saturationDropout * Math.max(0, m - ch.saturationThreshold);
      }
      if (!alive) continue;
      // time in weeks within [a, b): dropout then purchases up to the end of life or of the week
      const span = (b - a) / 7;
      const death = rng.exponential(mu * Math.exp(logD));
      const until = Math.min(span, death);
      if (death < span) alive = false;
      let t = 0;
      const rate = lambda * Math.exp(logP);
      for (;;) {
        t += rng.exponential(rate);
        if (!(t < until)) break;
        const day = a + Math.floor(t * 7);
        if (day > first && day <= endDay) {
          tc.push(i);
          td.push(day);
          ta.push(spend());
        }
      }
    }
  }
  // contacts in time order within a customer
  const order = Array.from(kc.keys()).sort((x, y) => kc[x] - kc[y] || kd[x] - kd[y]);
  return {
    transactions: { customer: Int32Array.from(tc), day: Int32Array.from(td), amount: Float64Array.from(ta) },
    touchpoints: { customer: Int32Array.from(order, (j) => kc[j]), day: Int32Array.from(order, (j) => kd[j]), channel: Int32Array.from(order, (j) => kch[j]) },
    truth: {
      params,
      timeUnit: 'week',
      channels,
      model: 'Pareto/NBD with weekly contacts as time-varying covariates: purchase rate λ·Π(1+n_c)^purchaseEffect, dropout rate μ·Π(1+n_c)^dropoutEffect·exp(saturationDropout·max(0, n_c − saturationThreshold))',
      customers: n,
      seed,
      start,
      weeks,
      end: formatDay(endDay),
    },
  };
}

/** Customer ids C00001, … (zero-padded to the customer count). */
function customerId(i: number, n: number): string {
  return 'C' + String(i + 1).padStart(Math.max(5, String(n).length), '0');
}

/**
 * Writes `transactions.csv` (customer_id, date, amount) and `touchpoints.csv` (customer_id, date,
 * channel, kind, cost) through the given writers (atomic files in the CLI).
 *
 * @example
 * await writeTouchpointCsvs(sim, (name, lines) => writeFileAtomic(join(dir, name), lines.join('')));
 */
export async function writeTouchpointCsvs(sim: SimulatedTouchpoints, write: (name: string, text: string) => void | Promise<void>): Promise<void> {
  const n = sim.truth.customers;
  const tx: string[] = ['customer_id,date,amount\n'];
  for (let r = 0; r < sim.transactions.customer.length; r++) tx.push(`${customerId(sim.transactions.customer[r], n)},${formatDay(sim.transactions.day[r])},${sim.transactions.amount[r]}\n`);
  await write('transactions.csv', tx.join(''));
  const tp: string[] = ['customer_id,date,channel,kind,cost\n'];
  const ch = sim.truth.channels;
  for (let r = 0; r < sim.touchpoints.customer.length; r++) {
    const c = ch[sim.touchpoints.channel[r]];
    tp.push(`${customerId(sim.touchpoints.customer[r], n)},${formatDay(sim.touchpoints.day[r])},${c.name},${c.kind},${c.cost}\n`);
  }
  await write('touchpoints.csv', tp.join(''));
}

