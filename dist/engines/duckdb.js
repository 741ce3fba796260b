/**
 * The customer summary computed by DuckDB (embedded, through @duckdb/node-api) from a CSV or
 * Parquet file: one SQL statement (sql.ts), streamed back chunk by chunk into typed arrays, so
 * memory on the Node side is the summary (about 60 bytes a customer), not the transactions.
 */
import { existsSync } from 'node:fs';
import { ClvkitError } from '../errors.js';
import { ambiguousDatesError, parseDateOption } from '../ingest/dates.js';
import { duckDbCsvSource, textRelation, UndecidedDayMonth } from './csv-source.js';
import { SummaryCollector } from './result.js';
import { quoteIdent, quoteLiteral, summarySql } from './sql.js';
import { resolveColumns } from '../ingest/dialect.js';
import { histogramFromSummary } from '../summary/histogram.js';
import { summaryHistogramSql } from './scoring.js';
let duckdbModule;
/** Load @duckdb/node-api lazily (the CLI's node engine never pays for it). */
export async function loadDuckDb() {
    duckdbModule ??= import('@duckdb/node-api').catch((e) => {
        duckdbModule = undefined;
        throw new ClvkitError(`the duckdb engine needs the @duckdb/node-api package: ${e.message}`);
    });
    return duckdbModule;
}
/** An in-memory DuckDB connection with the memory and thread settings; close it with `closeSync()`. */
export async function openDuckDb(options = {}) {
    const { DuckDBInstance } = await loadDuckDb();
    const config = { memory_limit: options.memoryLimit ?? '1GB' };
    if (options.threads !== undefined)
        config.threads = String(options.threads);
    const instance = await DuckDBInstance.create(':memory:', config);
    const connection = await instance.connect();
    return { instance, connection };
}
/**
 * Run `work` over the CSV as a typed DuckDB source when the sample allows it (fast), and again
 * over the all-text source when DuckDB cannot convert a value (exact row accounting). Day/month
 * dates that the first 64 KiB cannot order are ordered over the whole file first (dayMonthOverFile).
 */
export async function withCsvSource(connection, file, options, work) {
    let opts = options;
    let fast;
    try {
        fast = duckDbCsvSource(file, opts, true);
    }
    catch (e) {
        if (!(e instanceof UndecidedDayMonth))
            throw e;
        opts = { ...options, dateFormat: await dayMonthOverFile(connection, file, e) };
        fast = duckDbCsvSource(file, opts, true);
    }
    if (fast.typed) {
        try {
            return await work(fast.source);
        }
        catch (e) {
            if (!(e instanceof ClvkitError) || !e.message.includes('duckdb:'))
                throw e;
        }
    }
    return work(duckDbCsvSource(file, opts, false).source);
}
/**
 * Day/month order over every date of the file, by the node ingest's rule: the first valid date
 * (in file order) with exactly one part over 12 decides; if none does, dates whose parts differ
 * make the ambiguity error that names --date-format, and a file where every date has equal parts
 * is read day-first (either order gives the same days).
 */
export async function dayMonthOverFile(connection, file, undecided) {
    const { relation, field } = textRelation(file, undecided.layout);
    const pattern = "'^(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})$'";
    const dates = `(SELECT d, TRY_CAST(regexp_extract(d, ${pattern}, 1) AS INTEGER) AS a, TRY_CAST(regexp_extract(d, ${pattern}, 2) AS INTEGER) AS b, ` +
        `replace(d, '-', '/') AS s FROM (SELECT ${field(undecided.layout.date)} AS d FROM ${relation}) WHERE regexp_matches(d, ${pattern})) AS v`;
    const first = async (sql) => {
        try {
            // File order: the first deciding value wins, as in the node ingest.
            await connection.run('SET preserve_insertion_order = true');
            const rows = (await connection.runAndReadAll(sql)).getRowsJS();
            return rows.length > 0 ? String(rows[0][0]) : undefined;
        }
        catch (e) {
            throw new ClvkitError(`duckdb: ${e.message.split('\n')[0]}`, { file });
        }
    };
    const decided = await first(`SELECT CASE WHEN a > 12 THEN 'dd/mm/yyyy' ELSE 'mm/dd/yyyy' END FROM ${dates} ` +
        `WHERE (a > 12 AND b <= 12 AND TRY_STRPTIME(s, '%d/%m/%Y') IS NOT NULL) OR (b > 12 AND a <= 12 AND TRY_STRPTIME(s, '%m/%d/%Y') IS NOT NULL) LIMIT 1`);
    if (decided === 'dd/mm/yyyy' || decided === 'mm/dd/yyyy')
        return decided;
    const example = undecided.example || (await first(`SELECT d FROM ${dates} WHERE a <> b LIMIT 1`));
    if (example)
        throw ambiguousDatesError(file, example);
    return 'dd/mm/yyyy';
}
/** Parquet columns by name, typed as they are; dates may be DATE, TIMESTAMP or ISO text. */
export async function parquetSource(connection, path, options) {
    const rel = `read_parquet(${quoteLiteral(path)})`;
    let names;
    try {
        const r = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${rel}`);
        names = r.getRowObjectsJS().map((row) => String(row.column_name));
    }
    catch (e) {
        throw new ClvkitError(`cannot read the Parquet file: ${e.message.split('\n')[0]}`, { file: path });
    }
    const map = resolveColumns(names, names.length, options, path);
    const col = (i) => quoteIdent(names[i]);
    return {
        relation: rel,
        customer: `CAST(${col(map.customer)} AS VARCHAR)`,
        date: `TRY_CAST(${col(map.date)} AS DATE)`,
        dateFlag: `CASE WHEN ${col(map.date)} IS NULL THEN 1 WHEN TRY_CAST(${col(map.date)} AS DATE) IS NULL THEN 2 ELSE 0 END`,
        ...(map.amount >= 0
            ? {
                amount: `TRY_CAST(${col(map.amount)} AS DOUBLE)`,
                amountFlag: `CASE WHEN ${col(map.amount)} IS NULL THEN 1 WHEN TRY_CAST(${col(map.amount)} AS DOUBLE) IS NULL THEN 2 ELSE 0 END`,
            }
            : {}),
    };
}
/**
 * Summarise a transaction file with DuckDB. Same options and same result as
 * `summarize(await readTransactions(file, options), options)`, customers in DuckDB's order
 * unless `orderByCustomer`.
 *
 * @example
 * const s = await summarizeWithDuckDb({ file: 'orders.csv' }, { end: '2024-12-31', freq: 'week' });
 * const p = await summarizeWithDuckDb({ parquet: 'orders/*.parquet' }, { customerCol: 'client' });
 */
export async function summarizeWithDuckDb(source, options = {}) {
    const path = 'file' in source ? source.file : source.parquet;
    if (!/[*?[]/.test(path) && !existsSync(path))
        throw new ClvkitError('cannot read the file: ENOENT', { file: path });
    const { instance, connection } = await openDuckDb(options);
    try {
        if ('file' in source)
            return await withCsvSource(connection, source.file, options, (src) => runSummary(connection, src, options, path));
        return await runSummary(connection, await parquetSource(connection, source.parquet, options), options, path);
    }
    finally {
        connection.closeSync();
        instance.closeSync();
    }
}
/** Run the engine statement over a SqlSource on an open connection and collect the summary. */
export async function runSummary(connection, src, options, label) {
    const unit = options.unit ?? 'day';
    const freq = options.freq ?? 'week';
    const end = options.end === undefined ? undefined : parseDateOption(options.end, '--end');
    const cal = options.calibrationEnd === undefined ? undefined : parseDateOption(options.calibrationEnd, '--calibration-end');
    const sql = summarySql({ dialect: 'duckdb', source: src, unit, freq, end, calibrationEnd: cal, output: 'engine', deferEnd: true, orderByCustomer: options.orderByCustomer ?? false });
    const collector = new SummaryCollector(cal !== undefined, end === undefined);
    let result;
    try {
        // Customers come back in any order (or sorted by ORDER BY): DuckDB need not keep the scan order, which lets it stream in parallel.
        await connection.run('SET preserve_insertion_order = false');
        result = await connection.stream(sql);
    }
    catch (e) {
        throw new ClvkitError(`duckdb: ${e.message.split('\n')[0]}`, { file: label });
    }
    for (;;) {
        let chunk;
        try {
            chunk = await result.fetchChunk();
        }
        catch (e) {
            throw new ClvkitError(`duckdb: ${e.message.split('\n')[0]}`, { file: label });
        }
        if (!chunk || chunk.rowCount === 0)
            break;
        const c = chunk;
        const cols = Array.from({ length: c.columnCount }, (_, k) => c.getColumnVector(k));
        const rows = chunk.rowCount;
        const width = cols.length;
        const row = new Array(width);
        for (let i = 0; i < rows; i++) {
            for (let k = 0; k < width; k++)
                row[k] = cols[k].getItem(i);
            collector.add(row);
        }
    }
    return collector.finish({ unit, freq, end, calibrationEnd: cal, skipBadRows: options.skipBadRows, hasAmount: src.amount !== undefined, source: label });
}
/**
 * The (frequency, recency, T, count) histogram computed in DuckDB: only the distinct rows come
 * back, so fitting a model on a very large log needs a few thousand rows of memory in Node.
 * The same keys as histogramFromSummary of the node engine's summary (exact doubles).
 *
 * @example
 * const h = await histogramWithDuckDb({ file: 'orders.csv' }, { end: '2024-12-31' });
 * const model = fitBgNbd(histogramToSummaryData(h));
 */
export async function histogramWithDuckDb(source, options = {}) {
    const path = 'file' in source ? source.file : source.parquet;
    if (!/[*?[]/.test(path) && !existsSync(path))
        throw new ClvkitError('cannot read the file: ENOENT', { file: path });
    const { instance, connection } = await openDuckDb(options);
    try {
        const run = async (src) => {
            const unit = options.unit ?? 'day';
            const freq = options.freq ?? 'week';
            const end = options.end === undefined ? undefined : parseDateOption(options.end, '--end');
            const cal = options.calibrationEnd === undefined ? undefined : parseDateOption(options.calibrationEnd, '--calibration-end');
            const sql = summaryHistogramSql({ dialect: 'duckdb', source: src, unit, freq, end, calibrationEnd: cal });
            let rows;
            try {
                rows = (await connection.runAndReadAll(sql)).getRowsJS();
            }
            catch (e) {
                throw new ClvkitError(`duckdb: ${e.message.split('\n')[0]}`, { file: path });
            }
            const n = rows.length;
            const f = new Float64Array(n);
            const r = new Float64Array(n);
            const t = new Float64Array(n);
            const w = new Float64Array(n);
            for (let i = 0; i < n; i++) {
                f[i] = Number(rows[i][0]);
                r[i] = Number(rows[i][1]);
                t[i] = Number(rows[i][2]);
                w[i] = Number(rows[i][3]);
            }
            const lastDay = cal ?? end;
            return histogramFromSummary({ frequency: f, recency: r, T: t, weights: w }, { freq, unit, ...(lastDay !== undefined ? { end: lastDay } : {}) });
        };
        if ('file' in source)
            return await withCsvSource(connection, source.file, options, run);
        return await run(await parquetSource(connection, source.parquet, options));
    }
    finally {
        connection.closeSync();
        instance.closeSync();
    }
}
//# sourceMappingURL=duckdb.js.map