/**
 * Worker thread of sampleChoiceBeside (sample-choice.ts): the sampled model choice and the chosen model's
 * fit on all rows, sent back without the fits' methods (rebuilt in the calling thread).
 */
import { answerBeside } from '../worker-beside.ts';
import type { CountingModelName, FitData } from './sample-choice.ts';

answerBeside(async (d: { names: CountingModelName[]; sampleRows: FitData; allRows: FitData }) => {
  // loaded here, inside answerBeside, so that a failure to load is answered too
  const { fitSampleChoice, plainSampleChoice } = await import('./sample-choice.ts');
  return plainSampleChoice(fitSampleChoice(d.names, d.sampleRows, d.allRows));
});
