/**
 * Worker thread of predictionIntervals (prediction-intervals.ts): claims chunks of distinct rows from the
 * shared counter, as the calling thread does, and writes their customers' bounds into the shared arrays;
 * answers the number of rows it computed.
 */
import { answerBeside } from '../worker-beside.ts';
import type { BgIntervalDraws, IntervalRows } from './interval-rows.ts';

answerBeside(async (d: { rows: IntervalRows; bg: BgIntervalDraws; next: Int32Array; chunk: number }) => {
  // loaded here, inside answerBeside, so that a failure to load is answered too
  const { bgIntervalRows, SpendClvSlots } = await import('./interval-rows.ts');
  const { BgDrawColumns } = await import('./bg-draw-columns.ts');
  const columns = BgDrawColumns.of(d.bg.family, d.bg.params, d.bg.horizon, d.bg.nodes);
  if (!columns) throw new Error('the draws need the general path');
  const m = d.rows.frequency.length;
  const slots = d.rows.spend ? new SpendClvSlots(d.rows) : undefined;
  let done = 0;
  for (;;) {
    const k0 = Atomics.add(d.next, 0, d.chunk);
    if (k0 >= m) break;
    const k1 = Math.min(m, k0 + d.chunk);
    bgIntervalRows(d.rows, columns, k0, k1, slots);
    done += k1 - k0;
  }
  return done;
});
