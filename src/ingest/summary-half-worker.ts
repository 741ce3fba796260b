/**
 * Worker thread of summary-half.ts: reads the second half of a summary file with the fast loop and answers
 * the rows it took and where it stopped.
 */
import { answerBeside } from '../worker-beside.ts';
import type { HalfColumns, HalfRequest } from './summary-half.ts';

answerBeside(
  async (d: HalfRequest) => {
    // loaded here, inside answerBeside, so that a failure to load is answered too
    const { readHalf } = await import('./summary-half.ts');
    return readHalf(d);
  },
  // the columns handed over, not copied
  async (h) => (await import('./summary-half.ts')).halfBuffers(h as HalfColumns),
);
