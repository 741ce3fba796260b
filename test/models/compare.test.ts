import { describe, expect, it } from 'vitest';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { compareModels, comparisonJson, formatComparison } from '../../src/models/compare.ts';
import { summarize } from '../../src/summary/summarize.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

const hasCdnow = sharedDataAvailable('CDNOW_sample.txt');

describe.runIf(hasCdnow)('compare on CDNOW (39-week calibration, holdout to 1998-06-30)', async () => {
  const table = hasCdnow ? await readTransactions(sharedPath('CDNOW_sample.txt'), { columns: 'master_id,customer_id,date,cds,amount' } as never) : (undefined as never);
  const s = hasCdnow ? summarize(table, { freq: 'week', end: '1998-06-30', calibrationEnd: '1997-09-30' }) : (undefined as never);
  const c = hasCdnow ? await compareModels(s, { models: ['nbd', 'bgnbd', 'paretonbd'], table }) : (undefined as never);
  it('holdout MAE, RMSE, bias and correlation equal a direct per-customer computation from each fitted model', () => {
    for (const row of c.models) {
      const m = row.fitted!;
      const n = s.frequency.length;
      let ae = 0;
      let se = 0;
      let b = 0;
      const p: number[] = [];
      for (let i = 0; i < n; i++) {
        const pred = m.conditionalExpectedTransactions(s.holdoutT![i], { frequency: s.frequency[i], recency: s.recency[i], T: s.T[i] });
        const d = pred - s.holdoutFrequency![i];
        ae += Math.abs(d);
        se += d * d;
        b += d;
        p.push(pred);
      }
      expect(row.holdout!.mae).toBeCloseTo(ae / n, 12);
      expect(row.holdout!.rmse).toBeCloseTo(Math.sqrt(se / n), 12);
      expect(row.holdout!.bias).toBeCloseTo(b / n, 12);
      const a = Array.from(s.holdoutFrequency!);
      const mp = p.reduce((x, y) => x + y) / n;
      const ma = a.reduce((x, y) => x + y) / n;
      const cov = p.reduce((acc, v, i) => acc + (v - mp) * (a[i] - ma), 0);
      const corr = cov / Math.sqrt(p.reduce((acc, v) => acc + (v - mp) ** 2, 0) * a.reduce((acc, v) => acc + (v - ma) ** 2, 0));
      expect(row.holdout!.correlation).toBeCloseTo(corr, 10);
      expect(row.aic).toBeCloseTo(2 * row.parameters! - 2 * row.logLikelihood!, 8);
    }
  });
  it('tracking: the actual repeat purchases per week add up to the summary’s calibration and holdout repeat purchases (78 whole weeks)', () => {
    const tr = c.models[1].holdout!.tracking!;
    expect(tr.length).toBe(78);
    const total = tr.reduce((acc, p) => acc + p.actual, 0);
    const fromSummary = Array.from(s.frequency).reduce((x, y) => x + y) + Array.from(s.holdoutFrequency!).reduce((x, y) => x + y);
    expect(total).toBe(fromSummary);
    expect(tr.filter((p) => p.holdout).length).toBe(39);
    // the BG/NBD tracks better than the NBD (which has no dropout) over the holdout
    expect(c.models[1].holdout!.trackingMae!).toBeLessThan(c.models[0].holdout!.trackingMae!);
  });
  it('LR tests of the nested pairs present: 2 ΔLL with its χ² p-value and the boundary said in words', () => {
    const t = c.tests.find((x) => x.restricted === 'nbd' && x.full === 'bgnbd')!;
    expect(t.statistic).toBeCloseTo(2 * (c.models[1].logLikelihood! - c.models[0].logLikelihood!), 10);
    expect(t.df).toBe(2);
    expect(t.p).toBeLessThan(1e-10);
    expect(t.note).toMatch(/boundary/);
    expect(c.tests.map((x) => `${x.restricted}<${x.full}`)).toEqual(['nbd<bgnbd', 'nbd<paretonbd']);
    const json = comparisonJson(c) as { models: Record<string, unknown>[]; warnings: string[] };
    expect(json.models[0].fitted).toBeUndefined();
    expect(Array.isArray(json.warnings)).toBe(true);
    expect(formatComparison(c)).toMatch(/lowest AIC: (bgnbd|paretonbd)/);
  });
  it('a model that cannot be fitted keeps its row with the reason in words (CNBD-k without litt)', async () => {
    const noLitt = { frequency: s.frequency, recency: s.recency, T: s.T };
    const r = await compareModels(noLitt, { models: ['bgnbd', 'bgcnbd'] });
    expect(r.models[1].error).toMatch(/choosing k needs the timing statistic litt/);
    expect(r.warnings.join(' ')).toMatch(/no litt/);
  });
});
