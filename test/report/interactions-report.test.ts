/**
 * The contacts section wired into the report: `buildReport` with `inputs.interactions` (API) and
 * `clvkit report --touchpoints` (CLI). Oracle: the analysis the API computes on the same files with the
 * same settings; every number of its effects and saturation tables appears in the page as the
 * section's formatter prints it, in English and French; data (a channel named <script>) is escaped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { readTouchpoints } from '../../src/ingest/touchpoints.ts';
import { interactionAnalysis } from '../../src/outcomes/interactions.ts';
import { simulateTouchpoints, writeTouchpointCsvs } from '../../src/simulate/touchpoints.ts';
import { buildReport } from '../../src/report/build.ts';
import { analyseForReport } from '../../src/report/analyse.ts';
import { interactionsReportInput } from '../../src/report/index.ts';
import { formatter } from '../../src/report/i18n.ts';
import { escapeHtml } from '../../src/report/escape.ts';
import type { TransactionTable } from '../../src/types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const dir = mkdtempSync(join(tmpdir(), 'clvkit-report-tp-'));
const CHANNEL = '<script>alert(1)</script>';
const tx = join(dir, 'transactions.csv');
const tp = join(dir, 'touchpoints.csv');
let table: TransactionTable;

beforeAll(async () => {
  const sim = simulateTouchpoints({ customers: 150, seed: 5, weeks: 60, acquisitionWeeks: 26 });
  await writeTouchpointCsvs(sim, (name, text) => writeFileSync(join(dir, name), name === 'touchpoints.csv' ? text.replaceAll(',sms,', `,${CHANNEL},`) : text));
  table = await readTransactions(tx);
});

describe('the report with touchpoints (API)', () => {
  it('has the contacts section with the numbers the analysis computes, in English and French, escaped', async () => {
    const settings = { calibrationEnd: '2025-01-31', horizonMonths: 12, annualDiscount: 0.1, margin: 1, plan: [{ channel: 'email', contacts: 1 }] };
    const input = await interactionsReportInput(tp, table, settings);
    // the oracle: the analysis of `clvkit interactions` with the same settings (12 months = 52.18 weeks)
    const direct = interactionAnalysis(table, await readTouchpoints(tp), { calibrationEnd: '2025-01-31', horizon: (12 * 365.25) / 12 / 7, discount: 0.1, margin: 1, plan: settings.plan });
    expect(input.result.effects).toEqual(direct.effects);
    expect(input.result.saturation).toEqual(direct.saturation);
    expect(input.result.lrTest).toEqual(direct.lrTest);
    expect(input.result.channels).toContain(CHANNEL);
    expect(input.accounting).toMatchObject({ read: direct.contacts.read, used: direct.contacts.used });
    const portfolio = analyseForReport(table, { calibrationEnd: '2025-01-31', model: 'paretonbd' });
    for (const lang of ['en', 'fr'] as const) {
      const f = formatter(lang);
      const html = await buildReport({ source: 'transactions.csv', table, portfolio, interactions: input }, { lang });
      expect(html).toContain(lang === 'en' ? 'Contacts, purchasing and attrition' : 'Contacts, achats et attrition');
      expect(html).toContain(lang === 'en' ? 'How to read: a multiplier above 1' : 'Comment lire : un multiplicateur supérieur à 1');
      expect(html).toContain(lang === 'en' ? 'Likelihood-ratio test' : 'Test du rapport de vraisemblance');
      // the touchpoint log is in the row accounting of the inputs
      expect(html).toContain(lang === 'en' ? 'touchpoint log' : 'journal des contacts');
      const sep = lang === 'fr' ? ' ; ' : ', ';
      for (const e of [...input.result.effects, ...input.result.saturation]) {
        expect(html).toContain(`<td>${escapeHtml(e.channel)}</td>`);
        // a coefficient the fit flags as not identified (no finite SE, SE > 50 or |γ| > 8) is named, not given a number
        if (Number.isFinite(e.se) && e.se <= 50 && Math.abs(e.estimate) <= 8) {
          expect(html).toContain(f.num(e.multiplier, 3));
          expect(html).toContain(`[${f.num(e.lower, 2)}${sep}${f.num(e.upper, 2)}]`);
        } else expect(html).toContain(lang === 'en' ? 'not identified' : 'non identifié');
      }
      expect(html).toContain(f.num(input.result.lrTest.statistic, 1));
      expect(html).toContain(f.num(input.result.holdout!.maeWith, 3));
      // the channel named <script> is text everywhere, never markup
      expect(html).not.toContain(CHANNEL);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  }, 120_000);
});

describe('clvkit report --touchpoints', () => {
  it('writes the report with the section; --plan without --touchpoints is a usage error', () => {
    const out = join(dir, 'report.html');
    const r = spawnSync(process.execPath, [bin, 'report', tx, '--touchpoints', tp, '--calibration-end', '2025-01-31', '--model', 'paretonbd', '--plan', 'email:+1', '--lang', 'fr', '-o', out], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Contacts, achats et attrition');
    expect(html).toContain('email +1');
    expect(html).not.toContain(CHANNEL);
    const bad = spawnSync(process.execPath, [bin, 'report', tx, '--plan', 'email:+1', '-o', join(dir, 'bad.html')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--plan goes with --touchpoints/);
  }, 120_000);
});
