import { reject } from './contracts.js';
import { tenure } from './periods.js';
/**
 * Lifetimes of contracts in `period` units from each contract's own start (calendar months for
 * month, quarter and year). An empty end, or an end after `end`, is censored at `end`. Contracts
 * starting after `end` are rejected (counted in `accounting`).
 *
 * @example
 * const lt = contractLifetimes(contracts, end, 'month', accounting);
 * lt.time[0]; lt.event[0];
 */
export function contractLifetimes(contracts, end, period, accounting) {
    const kept = contracts.filter((c) => {
        if (c.start <= end)
            return true;
        if (accounting) {
            accounting.used--;
            reject(accounting, 'starts after the observation end', c.line);
        }
        return false;
    });
    const time = new Float64Array(kept.length);
    const event = new Uint8Array(kept.length);
    const observedPeriods = new Int32Array(kept.length);
    let endedAfterEnd = 0;
    kept.forEach((c, i) => {
        const ended = c.end >= 0 && c.end <= end;
        if (c.end > end)
            endedAfterEnd++;
        event[i] = ended ? 1 : 0;
        time[i] = tenure(c.start, ended ? c.end : end, period);
        observedPeriods[i] = Math.floor(tenure(c.start, end, period));
    });
    return { time, event, observedPeriods, contracts: kept, endedAfterEnd };
}
//# sourceMappingURL=contract-lifetimes.js.map