import { ClvkitError } from '../errors.js';
import { formatDay } from '../ingest/dates.js';
import { readTransactions } from '../ingest/transactions.js';
import { fitBgNbd } from '../models/bgnbd.js';
import { summarize } from '../summary/summarize.js';
import { readContracts } from './contracts.js';
import { readLeads } from './leads.js';
import { retentionOutcomes } from './retention.js';
/**
 * Read the transaction file (and the optional leads and contracts files), fit a BG/NBD for P(alive)
 * unless asked not to, and compute every outcome: the library behind `clvkit retention`.
 * The observation end defaults to the latest date in any input. Returns the report and notes for
 * the user (e.g. why the BG/NBD could not be fitted).
 *
 * @example
 * const { report } = await retentionFromFiles('orders.csv', { period: 'month', contractsFile: 'contracts.csv' });
 */
export async function retentionFromFiles(file, options = {}) {
    const table = await readTransactions(file, options.ingest ?? {});
    const leads = options.leadsFile ? usable(readLeads(options.leadsFile, { dateFormat: options.dateFormat })) : undefined;
    const contracts = options.contractsFile ? usable(readContracts(options.contractsFile, { dateFormat: options.dateFormat })) : undefined;
    let end = options.end;
    if (end === undefined) {
        let latest = Math.max(leads?.latest ?? -Infinity, contracts?.latest ?? -Infinity);
        for (let i = 0; i < table.length; i++)
            if (table.day[i] > latest)
                latest = table.day[i];
        if (!Number.isFinite(latest))
            throw new ClvkitError('no dated row in any input: nothing to analyse', { file });
        end = latest;
    }
    const notes = [];
    let probabilityAlive;
    if (options.model !== false) {
        try {
            const summary = summarize(table, { end: formatDay(end), unit: options.unit ?? 'day', freq: options.freq ?? 'week' });
            const model = fitBgNbd(summary);
            probabilityAlive = { customerIds: summary.customerIds, values: model.probabilityAliveAll(summary), model: 'bgnbd' };
        }
        catch (e) {
            notes.push(`no BG/NBD for the expected active customers: ${e.message}`);
        }
    }
    const report = retentionOutcomes(table, { ...options, end, leads, contracts, probabilityAlive });
    return { report, notes };
}
/** A small input with no usable row is an error at the first rejected line. */
function usable(input) {
    const a = input.accounting;
    if (a.used === 0) {
        const [reason, lines] = Object.entries(a.first_lines)[0] ?? ['no rows', []];
        throw new ClvkitError(`no usable row (${Object.entries(a.rejected).map(([r, n]) => `${n} ${r}`).join(', ')}); first: ${reason}`, { file: a.file, line: lines[0] });
    }
    return input;
}
//# sourceMappingURL=retention-files.js.map