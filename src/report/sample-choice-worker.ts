/**
 * Worker thread of sampleChoiceBeside (sample-choice.ts): the sampled model choice, the chosen model's fit on
 * all rows and the spend model, sent back without the fits' methods (rebuilt in the calling thread).
 */
import { answerBeside } from '../worker-beside.ts';
import type { CountingModelName, FitData, SpendData } from './sample-choice.ts';

answerBeside(async (d: { names: CountingModelName[]; sampleRows: FitData; allRows: FitData; spend?: SpendData }) => {
  // loaded here, inside answerBeside, so that a failure to load is answered too
  const { fitSampleChoice, plainSampleChoice, plainSpendFit } = await import('./sample-choice.ts');
  return { ...plainSampleChoice(fitSampleChoice(d.names, d.sampleRows, d.allRows)), ...(d.spend ? { spend: plainSpendFit(d.spend) } : {}) };
});
