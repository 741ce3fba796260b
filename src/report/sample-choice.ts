/**
 * The report's model choice on a sample of customers (large data without a holdout): each candidate fitted on
 * the sample's distinct rows, the lowest BIC chosen, then the chosen model fitted on all customers' rows.
 * In this thread (fitSampleChoice), or in a worker thread beside the analyses that do not need the model
 * (sampleChoiceBeside): the same code on the same rows, so the same fits.
 */
import { fitBgNbd } from '../models/bgnbd.ts';
import type { TransactionModel } from '../models/bgnbd.ts';
import { fitMbgNbd } from '../models/mbgnbd.ts';
import { fitParetoNbd } from '../models/paretonbd.ts';
import { fitFromPlain, plainFit, type PlainFit } from '../models/fit-beside.ts';
import type { FitOptions, FitResultBase } from '../models/types.ts';
import { ClvkitError } from '../errors.ts';
import { startBeside, type Beside } from '../worker-beside.ts';

export type CountingModelName = 'bgnbd' | 'mbgnbd' | 'paretonbd';
export const COUNTING_MODELS: readonly CountingModelName[] = ['bgnbd', 'mbgnbd', 'paretonbd'];
export type FittedCountingModel = FitResultBase<Record<string, number>> & TransactionModel;

/** The data a fit takes: the distinct (x, t_x, T) rows with their weights (the fit's own compression then finds nothing more to merge). */
export type FitData = { frequency: Float64Array; recency: Float64Array; T: Float64Array; weights: Float64Array };

/**
 * The named counting model fitted on the rows.
 *
 * @example
 * fitByName('bgnbd', compressSummary(summary)).params.r;
 */
export function fitByName(name: CountingModelName, d: FitData, options: FitOptions = {}): FittedCountingModel {
  if (name === 'bgnbd') return fitBgNbd(d, options) as unknown as FittedCountingModel;
  if (name === 'mbgnbd') return fitMbgNbd(d, options) as unknown as FittedCountingModel;
  return fitParetoNbd(d, options) as unknown as FittedCountingModel;
}

/** The candidates fitted on the sample (a fit, or why it failed), and the chosen one fitted on all rows. */
export interface SampleChoice {
  candidates: { name: CountingModelName; fit?: FittedCountingModel; error?: string }[];
  /** The candidate of lowest BIC; undefined when every candidate failed. */
  chosen?: CountingModelName;
  /** The chosen model fitted on all rows, or why that fit failed. */
  fit?: FittedCountingModel;
  fitError?: string;
}

/**
 * Fit each candidate on the sample's rows (without standard errors: only their likelihood is used), choose the
 * lowest BIC, fit it on all rows.
 *
 * @example
 * const c = fitSampleChoice(['bgnbd', 'mbgnbd', 'paretonbd'], sampleRows, allRows);
 * c.chosen; c.fit!.params;
 */
export function fitSampleChoice(names: readonly CountingModelName[], sampleRows: FitData, allRows: FitData, onStep?: (step: string) => void): SampleChoice {
  const candidates = names.map((name) => {
    onStep?.(`fit ${name} (sample)`);
    try {
      // only the likelihood decides (BIC), and the report shows the chosen model's standard errors from its fit on all
      return { name, fit: fitByName(name, sampleRows, { standardErrors: false }) };
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      return { name, error: e.detail.replace(new RegExp(`^(${name}: )+`), '') };
    }
  });
  const ok = candidates.filter((c) => c.fit);
  if (ok.length === 0) return { candidates };
  const chosen = ok.reduce((a, b) => (b.fit!.bic < a.fit!.bic ? b : a)).name;
  onStep?.(`fit ${chosen}`);
  try {
    return { candidates, chosen, fit: fitByName(chosen, allRows) };
  } catch (e) {
    if (!(e instanceof ClvkitError)) throw e;
    return { candidates, chosen, fitError: e.detail };
  }
}


/** The choice with its fits as plain fields (sent by the worker). */
export type PlainSampleChoice = Omit<SampleChoice, 'candidates' | 'fit'> & { candidates: { name: CountingModelName; fit?: PlainFit; error?: string }[]; fit?: PlainFit };

/**
 * The choice's fits without their methods.
 *
 * @example
 * const plain = plainSampleChoice(fitSampleChoice(names, sample, all)); // structured-cloneable
 */
export function plainSampleChoice(c: SampleChoice): PlainSampleChoice {
  const plain = (f: FittedCountingModel | undefined) => (f ? plainFit(f) : undefined);
  return { ...c, candidates: c.candidates.map((k) => ({ ...k, fit: plain(k.fit) })), fit: plain(c.fit) };
}

/**
 * The choice's fits rebuilt with their methods (fittedFromBase: the constructor each fit ends with).
 *
 * @example
 * const c = sampleChoiceFromPlain(plainSampleChoice(fitSampleChoice(names, sample, all)));
 */
export function sampleChoiceFromPlain(p: PlainSampleChoice): SampleChoice {
  const rebuilt = (f: PlainFit | undefined) => (f ? fitFromPlain<FittedCountingModel>(f) : undefined);
  const out: SampleChoice = { ...p, candidates: p.candidates.map((k) => ({ ...k, fit: rebuilt(k.fit) })), fit: rebuilt(p.fit) };
  for (const k of out.candidates) if (!k.fit) delete k.fit;
  if (!out.fit) delete out.fit;
  return out;
}

/**
 * fitSampleChoice in a worker thread while this thread goes on; `take()` waits for it. Undefined when no
 * worker can run it (then call fitSampleChoice).
 *
 * @example
 * const beside = sampleChoiceBeside(names, sampleRows, allRows);
 * // ... analyses that do not need the model ...
 * const choice = beside ? beside.take() : fitSampleChoice(names, sampleRows, allRows);
 */
export function sampleChoiceBeside(names: readonly CountingModelName[], sampleRows: FitData, allRows: FitData): Beside<SampleChoice> | undefined {
  const plain = startBeside<PlainSampleChoice>(new URL('./sample-choice-worker.js', import.meta.url), { names, sampleRows, allRows });
  return plain && { take: () => sampleChoiceFromPlain(plain.take()) };
}
