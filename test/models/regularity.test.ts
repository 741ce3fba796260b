import { describe, expect, it } from 'vitest';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import { regularity, regularityReading } from '../../src/models/regularity.ts';
import { createRng } from '../../src/random.ts';
import { regularitySpec } from '../../src/report/charts/regularity.ts';

/** Customers buying with Erlang-k gaps (stage rate λ ~ Gamma(3, 300/k) per day: mean gap about 100 days, so few gaps fall within a day), 8 purchases each, dated to the day. */
function erlangLog(k: number, customers: number, seed: number): string {
  const rng = createRng(seed);
  const lines = ['customer_id,date,amount'];
  const t0 = Date.UTC(2020, 0, 1);
  for (let c = 0; c < customers; c++) {
    const lambda = rng.gamma(3, 300 / k); // stage rate per day, mean k / 100
    let t = rng.uniform() * 30;
    for (let j = 0; j < 8; j++) {
      lines.push(`c${c},${new Date(t0 + Math.floor(t) * 864e5).toISOString().slice(0, 10)},10`);
      t += rng.gamma(k, lambda);
    }
  }
  return lines.join('\n') + '\n';
}

describe('regularity: Wheat & Morrison (1990) k on simulated Erlang-k purchases', () => {
  for (const k of [1, 2, 4]) {
    it(`k = ${k} lies in the 95% bootstrap interval; the histogram and the Erlang-k reference are densities`, () => {
      const r = regularity(parseTransactions(Buffer.from(erlangLog(k, 1500, 3 + k))), { resamples: 400 });
      expect(r.customers).toBe(1500);
      expect(r.interval[0]).toBeLessThan(k);
      expect(r.interval[1]).toBeGreaterThan(k);
      expect(Math.abs(r.k - k)).toBeLessThan(0.35 * k);
      // the histogram integrates to the share of intervals inside it; the reference to about 1
      const hist = r.histogram.reduce((s, b) => s + b.density * (b.to - b.from), 0);
      expect(hist).toBeCloseTo(1 - r.beyond / r.intervals, 10);
      const ref = r.erlang.reduce((s, p) => s + p.density * 0.04, 0);
      expect(ref).toBeGreaterThan(0.97);
      expect(ref).toBeLessThan(1.01);
      expect(r.reading).toMatch(k === 1 ? /Erlang-1/ : new RegExp(`Erlang-${k} process`));
    });
  }
  it('too few repeat buyers is an error in words; the chart spec layers the histogram and the reference line', () => {
    expect(() => regularity(parseTransactions(Buffer.from('customer_id,date,amount\na,2020-01-01,1\na,2020-02-01,1\n')))).toThrow(/three or more purchase days/);
    const spec = regularitySpec({ histogram: [{ from: 0, to: 0.1, density: 0.2 }], erlang: [{ x: 0.05, density: 0.25 }] }, { title: 't', x: 'x', y: 'y', observed: 'o', erlang: 'e' }) as unknown as { layer: { mark: { type: string } }[] };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['bar', 'line']);
    expect(regularityReading(0.5, [0.4, 0.6])).toMatch(/clumpier than a Poisson process/);
  });
});
