/**
 * The touchpoint log (`customer, date, channel[, kind, cost]`): every contact of the firm with a
 * customer (e-mail, call, chat, visit, ticket), read by the transaction reader, so it has the same
 * dialects (delimiters, BOM, French decimals and dates), row accounting and file:line:column errors.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { ClvkitError } from '../errors.ts';
import type { RowAccounting } from '../types.ts';
import { CHANNEL_ALIASES } from './dialect.ts';
import { normalizeHeader } from './table.ts';
import { readTransactions, type IngestOptions } from './transactions.ts';

/** Aliases of the optional cost column of a touchpoint log. */
export const COST_ALIASES = ['cost', 'cout', 'contact_cost', 'cout_contact', 'spend'];
/** Aliases of the optional kind column (what the contact was: newsletter, reminder, complaint, …). */
export const KIND_ALIASES = ['kind', 'type', 'nature', 'contact_type'];

/**
 * Touchpoints, columnar: `customer[i]` indexes `customerIds`, `day[i]` days since 1970-01-01,
 * `channel[i]` indexes `channels` (the channel column, or the kind column with `by: 'kind'`),
 * `cost[i]` (NaN without a cost column).
 *
 * @example
 * const t = await readTouchpoints('contacts.csv');
 * t.channels; // ['email', 'phone']
 */
export interface TouchpointTable {
  customerIds: string[];
  customer: Int32Array;
  day: Int32Array;
  channel: Int32Array;
  channels: string[];
  cost: Float64Array;
  hasCost: boolean;
  length: number;
  accounting: RowAccounting;
  /** The column contacts are grouped by. */
  groupedBy: string;
}

/**
 * Options of `readTouchpoints`: the ingest options of transactions (`customerCol`, `dateCol`,
 * `delimiter`, `dateFormat`, `skipBadRows`, …), `channelCol`, `costCol`, and `by` to group contacts
 * by their kind instead of their channel.
 *
 * @example
 * const o: TouchpointOptions = { by: 'kind', skipBadRows: true };
 */
export interface TouchpointOptions extends Omit<IngestOptions, 'amountCol'> {
  costCol?: string;
  kindCol?: string;
  by?: 'channel' | 'kind';
}

/** The header fields of a file's first line (for the optional columns), or undefined. */
function headerOf(path: string): string[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    let text = buf.subarray(0, n).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const line = text.split(/\r?\n/)[0];
    const delim = [';', '\t', '|', ','].find((d) => line.includes(d)) ?? ',';
    return line.split(delim).map((h) => h.replace(/^"|"$/g, '').trim());
  } catch {
    return undefined; // readTransactions reports the file error
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads a touchpoint log; a log without a channel (or kind) column is an error that says which
 * columns were found.
 *
 * @example
 * const t = await readTouchpoints('contacts.csv', { skipBadRows: true });
 * t.accounting; // { read, used, rejected: { 'bad date': 2 } }
 */
export async function readTouchpoints(path: string, options: TouchpointOptions = {}): Promise<TouchpointTable> {
  const header = options.columns ? (Array.isArray(options.columns) ? options.columns : options.columns.split(',')) : headerOf(path);
  const norm = (header ?? []).map(normalizeHeader);
  const find = (aliases: string[], explicit?: string) => (explicit !== undefined ? explicit : header?.[norm.findIndex((h) => aliases.includes(h))]);
  const cost = find(COST_ALIASES, options.costCol);
  const by = options.by ?? 'channel';
  const group = by === 'kind' ? find(KIND_ALIASES, options.kindCol) : find(CHANNEL_ALIASES, options.channelCol as string | undefined);
  if (group === undefined) {
    throw new ClvkitError(`no ${by} column in the touchpoint log (looked for ${(by === 'kind' ? KIND_ALIASES : CHANNEL_ALIASES).join(', ')}); columns found: ${(header ?? []).join(', ')}`, { file: path });
  }
  const { costCol: _c, kindCol: _k, by: _b, ...ingest } = options;
  const table = await readTransactions(path, { ...ingest, channelCol: group, ...(cost !== undefined ? { amountCol: cost } : { amountCol: undefined }) });
  if (!table.channel || !table.channels) throw new ClvkitError(`no ${by} column in the touchpoint log`, { file: path });
  return {
    customerIds: table.customerIds,
    customer: table.customer,
    day: table.day,
    channel: table.channel,
    channels: table.channels,
    cost: cost !== undefined ? table.amount : new Float64Array(table.length).fill(NaN),
    hasCost: cost !== undefined && table.hasAmount,
    length: table.length,
    accounting: table.accounting,
    groupedBy: group,
  };
}
