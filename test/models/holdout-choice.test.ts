import { describe, expect, it } from 'vitest';
import { chooseOnHoldout } from '../../src/models/holdout-choice.ts';
import { allZeroWarning, fitWarnings, oneTimeBuyerNote } from '../../src/models/warnings.ts';
import { bgNbdModel } from '../../src/models/bgnbd.ts';
import { createRng } from '../../src/random.ts';

describe('model choice on a holdout treats differences below the sampling noise as ties (issue 16)', () => {
  const rng = createRng(3);
  const n = 4000;
  const base = Float64Array.from({ length: n }, () => Math.abs(rng.normal()));
  it('the bootstrap noise equals 1.96 sd(d)/sqrt(n) of the paired differences (the analytic standard error of a mean) within 10%', () => {
    const other = Float64Array.from(base, (v) => v + 0.3 * rng.normal());
    const c = chooseOnHoldout([{ name: 'a', bic: 10, absoluteErrors: base }, { name: 'b', bic: 5, absoluteErrors: other }], { draws: 400 });
    const d = Array.from(other, (v, i) => v - base[i]);
    const m = d.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(d.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1));
    const row = c.candidates.find((r) => r.name === (c.lowestError === 'a' ? 'b' : 'a'))!;
    expect(Math.abs(row.noise / ((1.96 * sd) / Math.sqrt(n)) - 1)).toBeLessThan(0.1);
  });
  it('past analyticAbove customers the noise is exactly 1.96 sd(d)/sqrt(n) (population sd; the limit the bootstrap estimates) and agrees with a 400-draw bootstrap within 10%', () => {
    const other = Float64Array.from(base, (v) => v + 0.2 * rng.normal() + 0.01);
    const cands = [{ name: 'a', bic: 10, absoluteErrors: base }, { name: 'b', bic: 5, absoluteErrors: other }];
    const exact = chooseOnHoldout(cands, { analyticAbove: 1000 });
    const boot = chooseOnHoldout(cands, { draws: 400 });
    expect(exact.draws).toBe(0);
    expect(exact.customers).toBe(n);
    const d = Array.from(other, (v, i) => v - base[i]);
    const m = d.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(d.reduce((s, v) => s + (v - m) ** 2, 0) / n);
    const row = (c: typeof exact) => c.candidates.find((r) => r.name !== c.lowestError)!;
    expect(row(exact).noise).toBeCloseTo((1.96 * sd) / Math.sqrt(n), 12);
    expect(Math.abs(row(boot).noise / row(exact).noise - 1)).toBeLessThan(0.1);
    expect(exact.chosen).toBe(boot.chosen);
  });
  it('a difference of 0.0007 with noise 0.01 is a tie: the lower BIC wins (the issue: Pareto/NBD chosen on noise with the worst BIC)', () => {
    const noisy = Float64Array.from(base, (v) => Math.max(0, v + 0.3 * rng.normal()));
    const shift = (noisy.reduce((s, v) => s + v, 0) - base.reduce((s, v) => s + v, 0)) / n;
    const pareto = Float64Array.from(noisy, (v) => v - shift - 0.0007); // MAE 0.0007 below BG/NBD's
    const c = chooseOnHoldout([{ name: 'bgnbd', bic: 19000, absoluteErrors: base }, { name: 'paretonbd', bic: 19050, absoluteErrors: pareto }]);
    expect(c.lowestError).toBe('paretonbd');
    const bg = c.candidates.find((r) => r.name === 'bgnbd')!;
    expect(bg.difference).toBeCloseTo(0.0007, 10);
    expect(bg.noise).toBeGreaterThan(0.0007);
    expect(bg.tie).toBe(true);
    expect(c.chosen).toBe('bgnbd');
  });
  it('a clear difference decides whatever the BIC; hand-computed: errors [1,1,1,1] vs [0,0,0,0] differ by 1 with noise 0', () => {
    const c = chooseOnHoldout([{ name: 'worse', bic: 1, absoluteErrors: [1, 1, 1, 1] }, { name: 'better', bic: 100, absoluteErrors: [0, 0, 0, 0] }]);
    expect(c.chosen).toBe('better');
    expect(c.candidates[0]).toMatchObject({ mae: 1, difference: 1, noise: 0, tie: false });
  });
});

describe('warnings that travel with predictions', () => {
  it('one-time buyers under BG/NBD are said plainly, with their count and share; not for MBG/NBD, Pareto/NBD or the NBD limit', () => {
    expect(oneTimeBuyerNote('bgnbd', [0, 2, 0, 1])).toMatch(/^2 of 4 customers \(50\.0%\) have no repeat purchase: under BG\/NBD they have P\(alive\) = 1 by the model's construction/);
    expect(oneTimeBuyerNote('mbgnbd', [0, 2])).toBeUndefined();
    expect(oneTimeBuyerNote('paretonbd', [0, 2])).toBeUndefined();
    expect(oneTimeBuyerNote('bgnbd', [0, 2], 'nbd')).toBeUndefined();
    expect(oneTimeBuyerNote('bgnbd', [1, 2])).toBeUndefined();
    // the fact stated: P(alive) = 1 at frequency 0 (FHL 2005a)
    expect(bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }).probabilityAlive({ frequency: 0, recency: 0, T: 50 })).toBe(1);
  });
  it('all-zero predictions are flagged; a single non-zero value is not', () => {
    expect(allZeroWarning('expected transactions', [0, 0, 0])).toMatch(/every customer has expected transactions 0/);
    expect(allZeroWarning('expected transactions', [0, 1e-300, 0])).toBeUndefined();
  });
  it('a fit\'s limit and notes become its warnings; a model built from parameters has none', () => {
    expect(fitWarnings({ warnings: ['x'] })).toEqual(['x']);
    expect(fitWarnings({ warning: 'built from parameters, not fitted' })).toEqual([]);
    expect(fitWarnings({ warning: 'standard errors unavailable' })).toEqual(['standard errors unavailable']);
  });
});
