/**
 * Mergeable sufficient statistics: the histogram of (frequency, recency, T) with a customer count
 * per row. BG/NBD, Pareto/NBD and MBG/NBD likelihoods depend on a customer only through
 * (x, t_x, T) (Fader, Hardie & Lee 2005a, eq. 6), so the histogram is all a fit needs; histograms
 * of disjoint customer shards add up, row by row, to the histogram of the whole base.
 *
 * Format, version 1 (documented in docs/readme/engines.md):
 *   JSON  {"format": "clvkit-histogram", "version": 1, "freq": "week", "unit": "day",
 *          "end": "1997-09-30", "customers": 2357, "rows": [[x, t_x, T, n], ...]}
 *   CSV   a first line `#clvkit-histogram,version=1,freq=week,unit=day,end=1997-09-30`, then the
 *         header `frequency,recency,T,count` and one row per distinct (x, t_x, T).
 * Numbers are written in the shortest form that reads back to the same double. Keys are exact
 * doubles: every engine computes recency and T as (whole periods × days per unit) / days per freq
 * with the same double operations (summarize.ts, engines/sql.ts), so the same customer history
 * gives bit-identical keys in every shard and engine; rows are merged on exact equality.
 * `unit` (purchase period) and `end` are optional metadata; when both histograms carry them they
 * must match, and `freq` must always match.
 */
import { readFileSync } from 'node:fs';
import { fileError } from '../io/atomic.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { extname } from 'node:path';
import { ClvkitError } from '../errors.ts';
import { formatDay } from '../ingest/dates.ts';
import type { SummaryData } from '../types.ts';
import type { Day, PeriodUnit } from '../types.ts';
import { compressSummary } from './compress.ts';
import { mapFloat64 } from '../typed-map.ts';

export const HISTOGRAM_FORMAT = 'clvkit-histogram';
export const HISTOGRAM_VERSION = 1;

/** A (frequency, recency, T) histogram, columnar, rows sorted by (frequency, recency, T). */
export interface Histogram {
  /** Time unit of recency and T. */
  freq: PeriodUnit;
  /** Purchase period the summary collapsed to (metadata). */
  unit?: PeriodUnit;
  /** Observation (calibration) end, 'YYYY-MM-DD' (metadata). */
  end?: string;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  count: Float64Array;
}

const UNITS: readonly PeriodUnit[] = ['day', 'week', 'month'];

function sorted(h: Omit<Histogram, 'frequency' | 'recency' | 'T' | 'count'>, f: Float64Array, r: Float64Array, t: Float64Array, w: Float64Array): Histogram {
  const idx = Array.from({ length: f.length }, (_, i) => i);
  idx.sort((i, j) => f[i] - f[j] || r[i] - r[j] || t[i] - t[j]);
  const pick = (a: Float64Array) => mapFloat64(idx, (i) => a[i]);
  return { ...h, frequency: pick(f), recency: pick(r), T: pick(t), count: pick(w) };
}

/**
 * The histogram of a customer summary (weights, when given, are counts).
 *
 * @example
 * const h = histogramFromSummary(summarize(table, { end: '1997-09-30' }));
 * h.count.reduce((a, b) => a + b, 0); // 2357
 */
export function histogramFromSummary(
  summary: SummaryData & { freq?: PeriodUnit; unit?: PeriodUnit; end?: Day },
  meta: { freq?: PeriodUnit; unit?: PeriodUnit; end?: Day | string } = {},
): Histogram {
  const c = compressSummary(summary);
  const freq = meta.freq ?? summary.freq ?? 'week';
  const unit = meta.unit ?? summary.unit;
  const endRaw = meta.end ?? summary.end;
  const end = endRaw === undefined ? undefined : typeof endRaw === 'number' ? formatDay(endRaw) : endRaw;
  return sorted({ freq, ...(unit ? { unit } : {}), ...(end ? { end } : {}) }, c.frequency, c.recency, c.T, c.weights);
}

/**
 * Merge histograms of customer shards (same freq; same unit and end when given): counts of equal
 * (x, t_x, T) rows add up.
 *
 * @example
 * const all = mergeHistograms([readHistogram('shard1.json'), readHistogram('shard2.json')]);
 */
export function mergeHistograms(histograms: Histogram[]): Histogram {
  if (histograms.length === 0) throw new ClvkitError('no histogram to merge');
  const first = histograms[0];
  let unit = first.unit;
  let end = first.end;
  for (const h of histograms) {
    if (h.freq !== first.freq) throw new ClvkitError(`cannot merge histograms in different time units: ${first.freq} and ${h.freq}`);
    if (h.unit !== undefined) {
      if (unit !== undefined && h.unit !== unit) throw new ClvkitError(`cannot merge histograms with different purchase periods: ${unit} and ${h.unit}`);
      unit = h.unit;
    }
    if (h.end !== undefined) {
      if (end !== undefined && h.end !== end) throw new ClvkitError(`cannot merge histograms with different observation ends: ${end} and ${h.end}`);
      end = h.end;
    }
  }
  const n = histograms.reduce((s, h) => s + h.frequency.length, 0);
  const f = new Float64Array(n);
  const r = new Float64Array(n);
  const t = new Float64Array(n);
  const w = new Float64Array(n);
  let k = 0;
  for (const h of histograms) {
    f.set(h.frequency, k);
    r.set(h.recency, k);
    t.set(h.T, k);
    w.set(h.count, k);
    k += h.frequency.length;
  }
  const c = compressSummary({ frequency: f, recency: r, T: t, weights: w });
  return sorted({ freq: first.freq, ...(unit ? { unit } : {}), ...(end ? { end } : {}) }, c.frequency, c.recency, c.T, c.weights);
}

/**
 * The histogram as model input: one weighted row per distinct (x, t_x, T).
 *
 * @example
 * const model = fitBgNbd(histogramToSummaryData(h));
 */
export function histogramToSummaryData(h: Histogram): Required<SummaryData> {
  return { frequency: h.frequency, recency: h.recency, T: h.T, weights: h.count };
}

/** Number of customers in a histogram. */
export function histogramCustomers(h: Histogram): number {
  let s = 0;
  for (let i = 0; i < h.count.length; i++) s += h.count[i];
  return s;
}

/** The versioned JSON document. */
export function histogramToJson(h: Histogram): string {
  const rows: number[][] = new Array(h.frequency.length);
  for (let i = 0; i < rows.length; i++) rows[i] = [h.frequency[i], h.recency[i], h.T[i], h.count[i]];
  const doc = {
    format: HISTOGRAM_FORMAT,
    version: HISTOGRAM_VERSION,
    freq: h.freq,
    ...(h.unit ? { unit: h.unit } : {}),
    ...(h.end ? { end: h.end } : {}),
    customers: histogramCustomers(h),
    rows,
  };
  return JSON.stringify(doc);
}

function checkUnit(v: unknown, what: string, where: string): PeriodUnit {
  if (typeof v !== 'string' || !(UNITS as string[]).includes(v)) throw new ClvkitError(`${where}: ${what} must be day, week or month, got ${JSON.stringify(v)}`);
  return v as PeriodUnit;
}

function checkRow(x: number, tx: number, T: number, n: number, where: string): void {
  if (!(Number.isInteger(x) && x >= 0) || !(tx >= 0) || !(T >= tx) || !(n > 0) || ![x, tx, T, n].every(Number.isFinite)) {
    throw new ClvkitError(`${where}: bad row [${x}, ${tx}, ${T}, ${n}] (need whole frequency >= 0, 0 <= recency <= T, count > 0)`);
  }
}

/** Parse the JSON document (any version but 1 is refused with a clear message). */
export function histogramFromJson(text: string, where = '<histogram>'): Histogram {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ClvkitError(`${where}: not JSON: ${(e as Error).message}`);
  }
  if (doc?.format !== HISTOGRAM_FORMAT) throw new ClvkitError(`${where}: not a clvkit histogram (format ${JSON.stringify(doc?.format)})`);
  if (doc.version !== HISTOGRAM_VERSION) throw new ClvkitError(`${where}: histogram version ${JSON.stringify(doc.version)} is not supported (this clvkit reads version ${HISTOGRAM_VERSION})`);
  const freq = checkUnit(doc.freq, 'freq', where);
  const unit = doc.unit === undefined ? undefined : checkUnit(doc.unit, 'unit', where);
  const end = doc.end === undefined ? undefined : String(doc.end);
  if (!Array.isArray(doc.rows)) throw new ClvkitError(`${where}: rows must be an array of [frequency, recency, T, count]`);
  const rows = doc.rows as unknown[];
  const n = rows.length;
  const f = new Float64Array(n);
  const r = new Float64Array(n);
  const t = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== 4) throw new ClvkitError(`${where}: row ${i + 1} must be [frequency, recency, T, count]`);
    const [x, tx, T, c] = row.map(Number);
    checkRow(x, tx, T, c, `${where}: row ${i + 1}`);
    f[i] = x;
    r[i] = tx;
    t[i] = T;
    w[i] = c;
  }
  // Duplicated keys (a hand-made file) are merged.
  const c = compressSummary({ frequency: f, recency: r, T: t, weights: w });
  return sorted({ freq, ...(unit ? { unit } : {}), ...(end ? { end } : {}) }, c.frequency, c.recency, c.T, c.weights);
}

/** The CSV form: metadata line, header, rows. */
export function histogramToCsv(h: Histogram): string {
  let meta = `#${HISTOGRAM_FORMAT},version=${HISTOGRAM_VERSION},freq=${h.freq}`;
  if (h.unit) meta += `,unit=${h.unit}`;
  if (h.end) meta += `,end=${h.end}`;
  const lines = [meta, 'frequency,recency,T,count'];
  for (let i = 0; i < h.frequency.length; i++) lines.push(`${h.frequency[i]},${h.recency[i]},${h.T[i]},${h.count[i]}`);
  return lines.join('\n') + '\n';
}

/** Parse the CSV form. */
export function histogramFromCsv(text: string, where = '<histogram>'): Histogram {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const meta = lines[0]?.trim() ?? '';
  if (!meta.startsWith(`#${HISTOGRAM_FORMAT}`)) throw new ClvkitError(`${where}: not a clvkit histogram (first line must start with #${HISTOGRAM_FORMAT})`);
  const kv: Record<string, string> = {};
  for (const part of meta.slice(1).split(',').slice(1)) {
    const [k, v] = part.split('=');
    kv[k.trim()] = (v ?? '').trim();
  }
  if (kv.version !== String(HISTOGRAM_VERSION)) throw new ClvkitError(`${where}: histogram version ${kv.version ?? '(none)'} is not supported (this clvkit reads version ${HISTOGRAM_VERSION})`);
  const header = lines[1]?.split(',').map((s) => s.trim());
  if (!header || header.join(',') !== 'frequency,recency,T,count') throw new ClvkitError(`${where}: line 2 must be the header frequency,recency,T,count`);
  const rows = lines.slice(2).map((l, i) => {
    const row = l.split(',').map((v) => (v.trim() === '' ? NaN : Number(v)));
    if (row.length !== 4 || !row.every(Number.isFinite)) throw new ClvkitError(`${where}:${i + 3}: expected four numbers frequency,recency,T,count, got "${l}"`);
    return row;
  });
  const doc = { format: HISTOGRAM_FORMAT, version: HISTOGRAM_VERSION, freq: kv.freq, unit: kv.unit, end: kv.end, rows };
  return histogramFromJson(JSON.stringify(doc), where);
}

/** Write as JSON (`.json`) or CSV (any other extension). */
export function writeHistogram(path: string, h: Histogram): void {
  writeFileAtomic(path, extname(path).toLowerCase() === '.json' ? histogramToJson(h) + '\n' : histogramToCsv(h));
}

/** Read a histogram file, JSON or CSV (decided by the content). */
export function readHistogram(path: string): Histogram {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw fileError(e, path, 'read');
  }
  return text.trimStart().startsWith('{') ? histogramFromJson(text, path) : histogramFromCsv(text, path);
}
