import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatDay } from '../../src/ingest/dates.ts';
import { parseTable } from '../../src/ingest/table.ts';
import { contractLifetimes } from '../../src/outcomes/contract-lifetimes.ts';
import { contractRetention } from '../../src/outcomes/contract-retention.ts';
import { contractsFromTable, readContracts } from '../../src/outcomes/contracts.ts';
import { addPeriods } from '../../src/outcomes/periods.ts';
import { survivorCounts } from '../../src/outcomes/survivor-counts.ts';
import { simulateContracts, writeContractsCsv } from '../../src/simulate/contracts.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

const tmp = mkdtempSync(join(tmpdir(), 'clvkit-contracts-'));

/** A contracts CSV for one cohort starting on `start` whose survivors at the start of years 0..m are `alive`. */
function cohortCsv(alive: number[], start: number, plan = ''): string[] {
  const lines: string[] = [];
  let id = 0;
  for (let t = 1; t < alive.length; t++) {
    for (let k = 0; k < alive[t - 1] - alive[t]; k++) lines.push(`${plan}${++id},${formatDay(start)},${formatDay(addPeriods(start, t, 'year'))},${plan}`);
  }
  for (let k = 0; k < alive[alive.length - 1]; k++) lines.push(`${plan}${++id},${formatDay(start)},,${plan}`);
  return lines;
}

describe.runIf(sharedDataAvailable('sbg_retention.csv'))('sBG through contracts: Fader & Hardie (2007) data', () => {
  // sbg_retention.csv: % of an initial 1,000 customers still active at the start of years 0..12.
  const table = parseTable(readFileSync(sharedPath('sbg_retention.csv'), 'utf8'), 'sbg_retention.csv');
  const column = (name: string) => table.rows.map((r) => Math.round(Number(r[table.header.indexOf(name)]) * 10));
  const regular = column('regular');
  const highEnd = column('high_end');
  const start = daysFromCivil(2000, 1, 1);
  const end = addPeriods(start, 7, 'year');
  const file = join(tmp, 'fh2007.csv');
  writeFileSync(file, ['customer_id,start,end,plan', ...cohortCsv(regular.slice(0, 8), start, 'regular'), ...cohortCsv(highEnd.slice(0, 8), start, 'high_end')].join('\n') + '\n');
  const result = contractRetention(readContracts(file), { end, period: 'year', horizon: 12, minGroupSize: 100 });
  const plan = (name: string) => result.models.groups.find((g) => g.group === 'plan' && g.name === name)!;

  it('every row is used; KM at whole years equals the published survivor shares (no censoring before year 7)', () => {
    expect(result.accounting).toMatchObject({ read: 2000, used: 2000, rejected: {} });
    const g = plan('regular');
    for (let t = 0; t <= 7; t++) expect(g.projection[t].km).toBeCloseTo(regular[t] / 1000, 12);
    expect(g.projection[8].km).toBeNull();
  });

  it('recovers the published parameters from the first 7 years (regular 0.704, 1.182; high end 0.668, 3.806)', () => {
    const r = plan('regular').sbg as { params: Record<string, number> };
    const h = plan('high_end').sbg as { params: Record<string, number> };
    expect(r.params.alpha).toBeCloseTo(0.704, 3);
    expect(r.params.beta).toBeCloseTo(1.182, 3);
    expect(h.params.alpha).toBeCloseTo(0.668, 3);
    expect(h.params.beta).toBeCloseTo(3.806, 2);
  });

  it('projects years 8-12 as the sBG with those parameters, close to what happened', () => {
    const g = plan('regular');
    const { alpha, beta } = (g.sbg as { params: Record<string, number> }).params;
    // S(t) = S(t−1)·r_t with r_t = (beta + t − 1)/(alpha + beta + t − 1) (Fader & Hardie 2007, §3, the sBG retention rate).
    let s = 1;
    for (let t = 1; t <= 12; t++) {
      s *= (beta + t - 1) / (alpha + beta + t - 1);
      expect(g.projection[t].sbg).toBeCloseTo(s, 10);
    }
    // Holdout years 8..12 (actual 22.3, 20.7, 19.4, 18.3, 17.3%): projections within half a point.
    for (let t = 8; t <= 12; t++) expect(Math.abs(g.projection[t].sbg! - regular[t] / 1000)).toBeLessThan(0.005);
  });

  it('observed retention rates rise with tenure (63.1% then 74.2%, ... 92.0%) and the note says why', () => {
    const rates = contractRetention(readContracts(file), { end, period: 'year', minGroupSize: 100 });
    const byPlan = plan('regular');
    expect(byPlan.observed_periods).toBe(7);
    // Pooled over both plans: renewed / at risk from the counts.
    const pooled = regular.slice(0, 8).map((r, t) => r + highEnd[t]);
    rates.retention_rates.forEach((row, k) => expect(row.retention_rate).toBeCloseTo(pooled[k + 1] / pooled[k], 12));
    expect(rates.retention_trend.rising).toBe(true);
    expect(rates.heterogeneity_note).toMatch(/rises with tenure/);
  });
});

describe('censoring of contracts', () => {
  const start = daysFromCivil(2024, 1, 15);
  const end = daysFromCivil(2024, 5, 20); // 4 whole months after the start, and 5 days
  const table = parseTable(
    [
      'customer,start,end',
      'a,2024-01-15,2024-02-15', // ends on its 1st anniversary: T = 1, tenure 1
      'b,2024-01-15,2024-03-01', // tenure 1.5: active at the start of month 1, churn T = 2
      'c,2024-01-15,', // active: censored at tenure 4.16, 4 whole months
      'd,2024-01-15,2024-05-18', // churns inside the incomplete 5th month: censored at 4 for the models
      'e,2024-05-01,', // observed for less than one whole month: too recent for the models
      'f,2024-06-01,', // starts after the end: rejected
      'g,2024-01-15,2024-01-10', // end before start: rejected
      ',2024-01-15,', // no customer: rejected
      'i,not a date,', // bad start: rejected
    ].join('\n'),
    'contracts.csv',
  );
  const input = contractsFromTable(table);

  it('accounts for every row', () => {
    expect(input.accounting).toMatchObject({ read: 9, used: 6, rejected: { 'end before start': 1, 'missing customer': 1, 'bad start date': 1 } });
    const r = contractRetention(input, { end, period: 'month' });
    expect(r.accounting.used).toBe(5);
    expect(r.accounting.rejected['starts after the observation end']).toBe(1);
    expect(r.accounting.first_lines['starts after the observation end']).toEqual([7]);
    expect(r.accounting.used + Object.values(r.accounting.rejected).reduce((s, v) => s + v, 0)).toBe(9);
  });

  it('tenures in calendar months and survivor counts by whole periods observed', () => {
    const lt = contractLifetimes(input.contracts.filter((c) => c.start <= end), end, 'month');
    expect(lt.time[0]).toBe(1);
    expect(lt.time[1]).toBeCloseTo(1 + 15 / 29, 12); // 15 Feb -> 1 Mar is 15 of the 29 days of that month
    expect(Array.from(lt.event)).toEqual([1, 1, 0, 1, 0]);
    expect(Array.from(lt.observedPeriods)).toEqual([4, 4, 4, 4, 0]);
    const counts = survivorCounts(lt);
    // a churns at 1, b at 2, c and d survive to 4 (d's churn is in the unwatched 5th month); e too recent.
    expect(counts.cohorts).toEqual([{ name: 'observed 4 periods', alive: [4, 3, 2, 2, 2] }]);
    expect(counts.tooRecent).toBe(1);
    expect(start).toBe(input.contracts[0].start);
  });

  it('all censored: KM stays at 1, no median, models report why they cannot be fitted', () => {
    const active = contractsFromTable(parseTable('customer,start,end\na,2024-01-01,\nb,2024-02-01,\n', 'x.csv'));
    const r = contractRetention(active, { end: daysFromCivil(2024, 12, 31), period: 'month' });
    expect(r.km.every((s) => s.survival === 1)).toBe(true);
    expect(Number.isNaN(r.median)).toBe(true);
    expect(r.models.groups[0].sbg).toHaveProperty('error');
    expect(r.retention_rates.every((x) => x.retention_rate === 1)).toBe(true);
  });

  it('a cohort of one', () => {
    const one = contractsFromTable(parseTable('customer,start,end\na,2024-01-01,2024-03-01\n', 'x.csv'));
    const r = contractRetention(one, { end: daysFromCivil(2024, 12, 31), period: 'month' });
    expect(r.km).toHaveLength(1);
    expect(r.median).toBe(2);
    expect(r.retention_rates[0]).toMatchObject({ t: 1, at_risk: 1, renewed: 1 });
    expect(r.retention_rates[1]).toMatchObject({ t: 2, at_risk: 1, renewed: 0 });
  });
});

describe('simulated subscriptions with known sBG parameters', () => {
  it('recovers alpha = 1, beta = 3 from a book with staggered starts and heavy censoring (within 3 SE)', () => {
    const sim = simulateContracts({ contracts: 4000, alpha: 1, beta: 3, spreadDays: 730, seed: 1 });
    const file = join(tmp, 'sim.csv');
    writeContractsCsv(sim, file);
    const input = readContracts(file);
    expect(input.accounting.used).toBe(4000);
    const r = contractRetention(input, { end: sim.end, period: 'month' });
    const fit = r.models.groups[0].sbg as { params: Record<string, number>; standard_errors: Record<string, number> };
    expect(r.censored).toBeGreaterThan(300);
    expect(Math.abs(fit.params.alpha - 1)).toBeLessThan(3 * fit.standard_errors.alpha);
    expect(Math.abs(fit.params.beta - 3)).toBeLessThan(3 * fit.standard_errors.beta);
  });

  it('recovers each plan when plans differ', () => {
    const sim = simulateContracts({
      contracts: 6000,
      plans: [
        { name: 'basic', alpha: 2, beta: 4 },
        { name: 'premium', alpha: 0.5, beta: 3 },
      ],
      spreadDays: 365,
      seed: 11,
    });
    const r = contractRetention({ contracts: sim.rows.map((x, i) => ({ ...x, line: i + 2 })), hasPlan: true, accounting: { file: 'sim', read: 6000, used: 6000, rejected: {}, first_lines: {} }, latest: sim.end }, { end: sim.end, period: 'month' });
    for (const [name, a, b] of [['basic', 2, 4], ['premium', 0.5, 3]] as const) {
      const fit = r.models.groups.find((g) => g.group === 'plan' && g.name === name)!.sbg as { params: Record<string, number>; standard_errors: Record<string, number> };
      expect(Math.abs(fit.params.alpha - a)).toBeLessThan(3 * fit.standard_errors.alpha);
      expect(Math.abs(fit.params.beta - b)).toBeLessThan(3 * fit.standard_errors.beta);
    }
  });

  it('the same seed gives the same book', () => {
    expect(simulateContracts({ seed: 5, contracts: 50 })).toEqual(simulateContracts({ seed: 5, contracts: 50 }));
  });
});

describe('compact censored likelihood', () => {
  const sim = simulateContracts({ contracts: 1500, alpha: 0.8, beta: 2.5, spreadDays: 400, seed: 21 });
  const lt = contractLifetimes(sim.rows.map((x, i) => ({ ...x, line: i + 2 })), sim.end, 'month');
  const counts = survivorCounts(lt);

  it('fits the same sBG and BdW as the models fitted to the survivor-count cohorts (invariant)', async () => {
    const { fitSbg } = await import('../../src/models/sbg.ts');
    const { fitBdw } = await import('../../src/models/bdw.ts');
    const { fitCensoredSbg, fitCensoredBdw } = await import('../../src/outcomes/censored-fit.ts');
    const a = fitSbg(counts.cohorts);
    const b = fitCensoredSbg(counts);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 8);
    expect(b.params.alpha).toBeCloseTo(a.params.alpha, 6);
    expect(b.params.beta).toBeCloseTo(a.params.beta, 6);
    expect(b.standardErrors.alpha).toBeCloseTo(a.standardErrors.alpha, 5);
    const c = fitBdw(counts.cohorts);
    const d = fitCensoredBdw(counts);
    expect(d.logLikelihood).toBeCloseTo(c.logLikelihood, 6);
    expect(d.params.c).toBeCloseTo(c.params.c, 3);
  });

  it('compact counts hold every contract observed for a whole period once', () => {
    const n = counts.churned.reduce((s, [, k]) => s + k, 0) + counts.censored.reduce((s, [, k]) => s + k, 0);
    expect(n).toBe(counts.used);
    expect(counts.used + counts.tooRecent).toBe(lt.contracts.length);
  });

  it('too many start cohorts: per-cohort fits are skipped with the reason', () => {
    const r = contractRetention({ contracts: lt.contracts, hasPlan: false, accounting: { file: 'sim', read: 1500, used: 1500, rejected: {}, first_lines: {} }, latest: sim.end }, { end: sim.end, period: 'month', minGroupSize: 10, maxCohortFits: 5 });
    expect(r.models.groups.map((g) => g.group)).toEqual(['all']);
    expect(r.models.skipped.length).toBeGreaterThan(5);
    expect(r.models.skipped[0].reason).toMatch(/more than 5 start cohorts/);
  });
});

describe('dates in contracts files', () => {
  it('day-first dates are recognised over the whole file', () => {
    const input = contractsFromTable(parseTable('customer;start;end\na;05/01/2024;20/02/2024\nb;03/02/2024;\n', 'fr.csv'));
    expect(input.contracts.map((c) => [formatDay(c.start), c.end >= 0 ? formatDay(c.end) : ''])).toEqual([['2024-01-05', '2024-02-20'], ['2024-02-03', '']]);
  });
  it('a file whose day/month order cannot be told is an error asking for --date-format', () => {
    expect(() => contractsFromTable(parseTable('customer,start,end\na,05/01/2024,\n', 'x.csv'))).toThrow(/--date-format/);
  });
});
