/**
 * Seeded synthetic subscription files with known sBG parameters (Fader & Hardie 2007): each
 * contract churns at the end of any period with probability theta, theta ~ Beta(alpha, beta).
 */
import { formatDay, parseDateOption } from '../ingest/dates.js';
import { addPeriods } from '../outcomes/periods.js';
import { writeCsv } from '../report/csv.js';
import { createRng } from './random.js';
/**
 * Draw a contracts book: per contract a plan, a start day, theta ~ Beta(alpha, beta) and a lifetime
 * T ~ shifted geometric(theta) periods (P(T = t) = theta (1 − theta)^(t−1), Fader & Hardie 2007, §3),
 * so the contract ends on its T-th anniversary; ends after the observation end are left empty.
 *
 * @example
 * const sim = simulateContracts({ contracts: 2000, alpha: 1, beta: 3, spreadDays: 365, seed: 7 });
 * writeContractsCsv(sim, 'contracts.csv');
 */
export function simulateContracts(options = {}) {
    const n = options.contracts ?? 1000;
    const period = options.period ?? 'month';
    const seed = options.seed ?? 1;
    const rng = createRng(seed);
    const plans = options.plans ?? [{ name: '', alpha: options.alpha ?? 0.704, beta: options.beta ?? 1.182 }];
    const start0 = parseDateOption(options.start ?? '2020-01-01', 'start');
    const end = options.end !== undefined ? parseDateOption(options.end, 'end') : addPeriods(start0, 36, period);
    const spread = options.spreadDays ?? 0;
    const weights = plans.map((p) => p.share ?? 1);
    const total = weights.reduce((s, w) => s + w, 0);
    const width = String(n).length;
    const rows = [];
    for (let i = 0; i < n; i++) {
        let u = rng.uniform() * total;
        let k = 0;
        while (k < plans.length - 1 && u >= weights[k])
            u -= weights[k++];
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
export function writeContractsCsv(sim, path) {
    const withPlan = sim.plans.length > 1 || sim.plans[0].name !== '';
    const header = withPlan ? ['customer_id', 'start', 'end', 'plan'] : ['customer_id', 'start', 'end'];
    writeCsv(path, header, sim.rows.map((r) => {
        const row = [r.customer, formatDay(r.start), r.end >= 0 ? formatDay(r.end) : ''];
        if (withPlan)
            row.push(r.plan);
        return row;
    }));
}
//# sourceMappingURL=contracts.js.map