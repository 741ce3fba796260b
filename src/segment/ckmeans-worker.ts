/**
 * Worker thread of naturalBreakTiersBeside (natural-breaks.ts): the lower bounds of the K optimal clusters of the
 * sorted values (ckmeansLowerBounds), the same code as in the calling thread.
 */
import { answerBeside } from '../worker-beside.ts';

answerBeside(async (d: { sorted: Float64Array; K: number }) => {
  // loaded here, inside answerBeside, so that a failure to load is answered too
  const { ckmeansLowerBounds } = await import('./ckmeans.ts');
  return ckmeansLowerBounds(d.sorted, d.K);
});
