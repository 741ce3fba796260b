import { formatDay } from '../ingest/dates.js';
import { cohortMatrix } from './cohorts.js';
import { contractRetention } from './contract-retention.js';
import { CONVERSION_WINDOWS, conversion } from './conversion.js';
import { customerFacts } from './customers.js';
import { driverModels } from './drivers.js';
import { leadFunnel } from './funnel.js';
import { periodDays } from './periods.js';
import { recruitment } from './recruitment.js';
import { mapFloat64 } from '../typed-map.js';
/**
 * Recruitment, conversion, cohort retention, drivers and (with a contracts file) contractual retention
 * from a transaction table: the whole of `clvkit retention`.
 *
 * @example
 * const table = await readTransactions('orders.csv');
 * const report = retentionOutcomes(table, { period: 'month', contracts: readContracts('contracts.csv') });
 * report.cohorts[0].retention; report.contracts?.median;
 */
export function retentionOutcomes(table, options = {}) {
    const period = options.period ?? 'month';
    const level = options.level ?? 0.95;
    let end = options.end;
    if (end === undefined) {
        let latest = -Infinity;
        for (let i = 0; i < table.length; i++)
            if (table.day[i] > latest)
                latest = table.day[i];
        latest = Math.max(latest, options.leads?.latest ?? -Infinity, options.contracts?.latest ?? -Infinity);
        end = Number.isFinite(latest) ? latest : 0;
    }
    const facts = customerFacts(table, end);
    let pAlive;
    if (options.probabilityAlive) {
        const byId = new Map();
        options.probabilityAlive.customerIds.forEach((id, i) => byId.set(id, options.probabilityAlive.values[i]));
        pAlive = mapFloat64(facts.customerIds, (id) => byId.get(id) ?? 0);
    }
    const conv = conversion(facts, period, options.windows ?? CONVERSION_WINDOWS, level);
    if (options.leads)
        conv.leads = leadFunnel(options.leads, facts, period, level);
    const report = {
        period,
        end: formatDay(end),
        notes: {
            periods: 'Calendar periods: ISO weeks start on Monday (labels 2024-W01), months, quarters (2024-Q1) and years; days are UTC calendar days.',
            channel: "A customer's acquisition channel is the channel of the first transaction on the first purchase day.",
            cohorts: "A cohort is the customers whose first purchase falls in a period; retention[k] is the share of them buying in the cohort's k-th period (k = 0 is the acquisition period, so it is 1); revenue_retention[k] = revenue in period k / revenue in period 0. last_partial marks a last period cut by the end.",
            expected_active: 'expected_active = Σ P(alive) at the end over the cohort, from the transaction model given (BG/NBD by default), null without one.',
        },
        accounting: { transactions: { ...table.accounting, after_end: facts.afterEnd } },
        recruitment: recruitment(facts, period),
        conversion: conv,
        cohorts: cohortMatrix(table, facts, period, pAlive),
        expected_active_model: pAlive ? (options.probabilityAlive?.model ?? 'bgnbd') : null,
        drivers: options.drivers === false ? [] : driverModels(facts, periodDays(period), 180, level),
    };
    if (options.contracts) {
        report.contracts = contractRetention(options.contracts, { end, period, level, minGroupSize: options.minGroupSize, horizon: options.horizon });
    }
    return report;
}
//# sourceMappingURL=retention.js.map