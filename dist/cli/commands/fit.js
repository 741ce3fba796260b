import { basename } from 'node:path';
import { ClvkitError, UsageError } from '../../errors.js';
import { readSummaryFile, sniffModelInputKind } from '../../ingest/summary-file.js';
import { MODELS, fitModel, modelInfo } from '../../models/registry.js';
import { addTransactionOptions, numberOption } from '../options.js';
import { formatAccounting } from '../../summary/export.js';
import { addEngineOptions, engineOf, summaryFromEngine } from '../engine-options.js';
/**
 * Add the options of `fit` and `predict` to a command.
 *
 * @example
 * addModelOptions(program.command('fit').argument('<input>'));
 */
export function addModelOptions(cmd) {
    return addEngineOptions(addTransactionOptions(cmd))
        .requiredOption('-m, --model <name>', `model: ${Object.keys(MODELS).join(', ')}`)
        .option('--penalizer <x>', 'L2 penalizer on the parameters (as lifetimes), default 0')
        .option('--column <names>', 'survivor tables: the cohort column(s) to fit, comma-separated (several are fitted jointly)')
        .option('--cohort-size <n>', 'survivor tables: the values are percentages of cohorts of n customers')
        .option('--through <period>', 'survivor tables: fit on periods 0..period only (hold out the later ones)')
        .option('--json', 'print the result as one JSON document on stdout');
}
/**
 * Read the input of `fit`/`predict` for a model: detects a summary / BG/BB / survivor file from its header,
 * otherwise reads it as a transaction file and summarises it (--unit, --freq, --end, --calibration-end, ...).
 *
 * @example
 * const loaded = await loadModelInput('donations.csv', modelInfo('bgbb'), {});
 * await fitModel('bgbb', loaded.input);
 */
export async function loadModelInput(input, info, o) {
    const cohortSize = numberOption('cohort-size', o.cohortSize, (v) => v > 0 && Number.isFinite(v));
    const through = numberOption('through', o.through, (v) => Number.isInteger(v) && v >= 1);
    // Another engine reads transactions only (a file for duckdb, --table/--query for postgres).
    const engine = engineOf(o);
    if (engine === 'node' && input === undefined)
        throw new UsageError('missing the input file');
    const file = input ?? '';
    const kind = engine !== 'node' ? 'transactions' : sniffModelInputKind(file, o.delimiter === 'tab' ? '\t' : o.delimiter);
    const notes = [];
    if (kind === 'survivors' || info.input === 'survivors') {
        if (kind !== 'survivors') {
            throw new UsageError(`${info.title} needs survivor counts: a file with columns period,alive (or a period column and cohort columns chosen with --column)`);
        }
        const data = readSummaryFile(file, { delimiter: delimiterOf(o), column: o.column, cohortSize, through });
        if (data.kind !== 'survivors')
            throw new ClvkitError('expected survivor counts', { file });
        if (!data.fromPercentages && data.cohorts.some((c) => c.alive.some((v) => !Number.isInteger(v)))) {
            notes.push('the survivor values are not whole numbers: if they are percentages, give --cohort-size N so that standard errors are right');
        }
        // Observed survivors of every period, including those held out by --through (for comparison with the projection).
        const observed = through === undefined ? data.cohorts : readSummaryFile(file, { delimiter: delimiterOf(o), column: o.column, cohortSize }).cohorts;
        return { input: { kind: 'survivors', cohorts: data.cohorts }, hasSpend: false, source: 'survivors', cohorts: observed, notes };
    }
    if (kind === 'bgbb') {
        const data = readSummaryFile(file, { delimiter: delimiterOf(o), kind: 'bgbb' });
        if (data.kind !== 'bgbb')
            throw new ClvkitError('expected BG/BB rows', { file });
        if (info.input !== 'bgbb')
            throw new UsageError(`${info.title} needs a customer summary, not BG/BB rows (frequency,recency,periods): use --model bgbb`);
        const ids = Array.from({ length: data.frequency.length }, (_, i) => String(i + 1));
        return {
            input: { kind: 'bgbb', data },
            customers: { customerIds: ids, frequency: data.frequency, recency: data.recency, T: data.periods },
            hasSpend: false,
            source: 'bgbb',
            notes,
        };
    }
    let customers;
    let source;
    if (kind === 'summary') {
        const data = readSummaryFile(file, { delimiter: delimiterOf(o), kind: 'summary' });
        if (data.kind !== 'summary')
            throw new ClvkitError('expected a customer summary', { file });
        customers = data;
        source = 'summary';
    }
    else {
        const s = await summaryFromEngine(input, o);
        const hasAmount = s.monetaryValue.some((v, i) => s.frequency[i] > 0 && Number.isFinite(v));
        customers = { customerIds: s.customerIds, frequency: s.frequency, recency: s.recency, T: s.T, ...(hasAmount ? { monetaryValue: s.monetaryValue } : {}) };
        source = 'transactions';
        notes.push(`${input !== undefined ? basename(input) : (o.table ?? '--query')}: ${s.accounting ? formatAccounting(s.accounting) + '; ' : ''}${s.customerIds.length} customers`);
    }
    const hasSpend = customers.monetaryValue !== undefined;
    if (info.input === 'bgbb') {
        for (let i = 0; i < customers.frequency.length; i++) {
            if (!Number.isInteger(customers.recency[i]) || !Number.isInteger(customers.T[i])) {
                throw new UsageError('BG/BB needs whole periods: summarise with the same --unit and --freq (e.g. --unit month --freq month), or give a frequency,recency,periods[,weights] file');
            }
        }
        return {
            input: { kind: 'bgbb', data: { frequency: customers.frequency, recency: customers.recency, periods: customers.T, ...(customers.weights ? { weights: customers.weights } : {}) } },
            customers,
            hasSpend,
            source,
            notes,
        };
    }
    if (info.input === 'spend') {
        if (!customers.monetaryValue) {
            throw new UsageError('the Gamma-Gamma model needs spend: a summary with monetary_value (or zbar), or a transaction file with an amount column');
        }
        return { input: { kind: 'spend', data: { frequency: customers.frequency, monetaryValue: customers.monetaryValue, ...(customers.weights ? { weights: customers.weights } : {}) } }, customers, hasSpend, source, notes };
    }
    return {
        input: { kind: 'summary', data: { frequency: customers.frequency, recency: customers.recency, T: customers.T, ...(customers.weights ? { weights: customers.weights } : {}) } },
        customers,
        hasSpend,
        source,
        notes,
    };
}
function delimiterOf(o) {
    if (o.delimiter === undefined)
        return undefined;
    const aliases = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|', space: 'whitespace' };
    return aliases[o.delimiter] ?? o.delimiter;
}
/**
 * The model's time unit for discounting: --freq (day, week, month, or year for summary files whose unit is a year).
 *
 * @example
 * modelTimeUnit({ freq: 'week' }); // 'week'
 */
export function modelTimeUnit(o) {
    const f = o.freq ?? 'week';
    if (!['day', 'week', 'month', 'year'].includes(f))
        throw new UsageError(`--freq must be day, week, month or year, got "${f}"`);
    return f;
}
/**
 * The JSON document of `fit --json` (DESIGN.md §3 **contract**), plus aic, bic, iterations, and for
 * the Gamma-Gamma model the frequency-spend correlation.
 *
 * @example
 * fitJson(fitted); // { model: 'bgbb', params: {...}, logLikelihood, standardErrors, converged, customers, aic, bic, iterations }
 */
export function fitJson(fitted) {
    const out = {
        model: fitted.model,
        params: fitted.params,
        logLikelihood: fitted.logLikelihood,
        standardErrors: fitted.standardErrors,
        converged: fitted.converged,
        customers: fitted.customers,
        aic: fitted.aic,
        bic: fitted.bic,
        iterations: fitted.iterations,
    };
    const corr = fitted.frequencySpendCorrelation;
    if (corr !== undefined)
        out.frequencySpendCorrelation = corr;
    if (fitted.warning)
        out.warning = fitted.warning;
    return out;
}
/**
 * Human-readable fit report (for stderr).
 *
 * @example
 * process.stderr.write(formatFit(fitted, modelInfo('bgbb')));
 */
export function formatFit(fitted, info) {
    const lines = [`${info.title} fitted on ${fitted.customers} customers: ${fitted.converged ? 'converged' : 'NOT converged'} (${fitted.iterations} iterations)`];
    const width = Math.max(...Object.keys(fitted.params).map((k) => k.length));
    for (const [k, v] of Object.entries(fitted.params)) {
        const se = fitted.standardErrors[k];
        lines.push(`  ${k.padEnd(width)}  ${fmt(v)}  (SE ${fmt(se)})`);
    }
    lines.push(`log-likelihood ${fmt(fitted.logLikelihood)}, AIC ${fmt(fitted.aic)}, BIC ${fmt(fitted.bic)}`);
    const corr = fitted.frequencySpendCorrelation;
    if (corr !== undefined) {
        lines.push(`correlation of frequency and mean spend among repeat buyers: ${fmt(corr)}${Math.abs(corr) > 0.3 ? ' (high: the model assumes independence)' : ''}`);
    }
    if (fitted.warning)
        lines.push(`warning: ${fitted.warning}`);
    lines.push(`(${info.reference})`);
    return lines.join('\n') + '\n';
}
function fmt(v) {
    return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v);
}
/**
 * Fit a model to a file: the library call behind `clvkit fit`.
 *
 * @example
 * const { fitted } = await fitFromFile('donations.csv', { model: 'bgbb' });
 */
export async function fitFromFile(file, o) {
    const info = modelInfo(o.model);
    const penalizer = numberOption('penalizer', o.penalizer, (v) => v >= 0 && Number.isFinite(v));
    const loaded = await loadModelInput(file, info, o);
    const fitted = await fitModel(info.name, loaded.input, penalizer !== undefined ? { penalizer } : {});
    return { info, loaded, fitted };
}
/**
 * @example
 * register(program); // adds `clvkit fit <input> --model <name>`
 */
export function register(program) {
    const cmd = program
        .command('fit')
        .description('fit a model (bgnbd, mbgnbd, paretonbd, bgbb, sbg, bdw, gammagamma) to a transaction file or a summary file')
        .argument('[input]', 'transaction file, summary file (frequency,recency,T[,monetary_value] or x,t_x,T,zbar), BG/BB rows (frequency,recency,periods[,weights]) or survivor counts (period,alive)');
    addModelOptions(cmd).action(async (file, o) => {
        const { info, loaded, fitted } = await fitFromFile(file, o);
        for (const n of loaded.notes)
            process.stderr.write(n + '\n');
        if (o.json)
            process.stdout.write(JSON.stringify(fitJson(fitted)) + '\n');
        process.stderr.write(formatFit(fitted, info));
    });
}
//# sourceMappingURL=fit.js.map