/**
 * Worker thread of fit-beside.ts: the BG/NBD fitted on the columns, sent back as its plain fields with its
 * P(alive) of every row.
 */
import { answerBeside } from '../worker-beside.ts';
import type { BesideRequest } from './fit-beside.ts';

answerBeside(async (d: BesideRequest) => {
  // loaded here, inside answerBeside, so that a failure to load is answered too
  const { plainFit } = await import('./fit-beside.ts');
  const { fitBgNbd } = await import('./bgnbd.ts');
  const columns = { frequency: d.frequency, recency: d.recency, T: d.T };
  const model = fitBgNbd(columns);
  return { fit: plainFit(model), probabilityAlive: model.probabilityAliveAll(columns) };
});
