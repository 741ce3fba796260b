/**
 * The models by name (DESIGN.md §3 parameter names), with the kind of input each needs and one way to fit
 * them, used by `clvkit fit` and `clvkit predict`.
 */
import { UsageError } from '../errors.ts';
import type { BgBbData } from './bgbb.ts';
import type { GammaGammaData } from './gammagamma.ts';
import type { RetentionCohort } from './retention-data.ts';
import type { FitOptions, FitResultBase } from './types.ts';
import type { SummaryData } from '../types.ts';

/**
 * @example
 * const name: ModelName = 'bgbb';
 */
export type ModelName = 'bgnbd' | 'mbgnbd' | 'paretonbd' | 'bgbb' | 'sbg' | 'bdw' | 'gammagamma' | 'nbd' | 'ggomnbd' | 'bgcnbd' | 'mbgcnbd' | 'paretonbdcor';

/**
 * Input a model is fitted on: a customer summary, BG/BB rows, survivor counts, or (spend) a summary with monetary values.
 *
 * @example
 * MODELS.sbg.input; // 'survivors'
 */
export type ModelInputNeed = 'summary' | 'bgbb' | 'survivors' | 'spend';

/**
 * What the CLI needs to know about a model.
 *
 * @example
 * MODELS.paretonbd.params; // ['r', 'alpha', 's', 'beta']
 */
export interface ModelInfo {
  name: ModelName;
  title: string;
  params: string[];
  input: ModelInputNeed;
  reference: string;
}

/**
 * Every model by name.
 *
 * @example
 * Object.keys(MODELS); // ['bgnbd', 'mbgnbd', 'paretonbd', 'bgbb', 'sbg', 'bdw', 'gammagamma']
 */
export const MODELS: Record<ModelName, ModelInfo> = {
  bgnbd: { name: 'bgnbd', title: 'BG/NBD', params: ['r', 'alpha', 'a', 'b'], input: 'summary', reference: 'Fader, Hardie & Lee (2005a), Marketing Science 24(2)' },
  mbgnbd: { name: 'mbgnbd', title: 'MBG/NBD', params: ['r', 'alpha', 'a', 'b'], input: 'summary', reference: 'Batislam, Denizel & Filiztekin (2007), IJRM 24(3)' },
  paretonbd: { name: 'paretonbd', title: 'Pareto/NBD', params: ['r', 'alpha', 's', 'beta'], input: 'summary', reference: 'Schmittlein, Morrison & Colombo (1987), Management Science 33(1)' },
  bgbb: { name: 'bgbb', title: 'BG/BB', params: ['alpha', 'beta', 'gamma', 'delta'], input: 'bgbb', reference: 'Fader, Hardie & Shang (2010), Marketing Science 29(6)' },
  sbg: { name: 'sbg', title: 'shifted-beta-geometric', params: ['alpha', 'beta'], input: 'survivors', reference: 'Fader & Hardie (2007), Journal of Interactive Marketing 21(1)' },
  bdw: { name: 'bdw', title: 'beta-discrete-Weibull', params: ['alpha', 'beta', 'c'], input: 'survivors', reference: 'Fader, Hardie, Liu, Davin & Steenburgh (2018), Journal of Interactive Marketing 43' },
  gammagamma: { name: 'gammagamma', title: 'Gamma-Gamma spend', params: ['p', 'q', 'v'], input: 'spend', reference: 'Fader, Hardie & Lee (2005b), JMR 42(4); Fader & Hardie (2013) note' },
  nbd: { name: 'nbd', title: 'NBD', params: ['r', 'alpha'], input: 'summary', reference: 'Ehrenberg (1959); Platzer & Reutterer (2016), Marketing Science 35(5)' },
  ggomnbd: { name: 'ggomnbd', title: 'GGom/NBD', params: ['r', 'alpha', 'b', 's', 'beta'], input: 'summary', reference: 'Bemmaor & Glady (2012), Management Science 58(5)' },
  bgcnbd: { name: 'bgcnbd', title: 'BG/CNBD-k', params: ['k', 'r', 'alpha', 'a', 'b'], input: 'summary', reference: 'Platzer & Reutterer (2016), Marketing Science 35(5)' },
  paretonbdcor: { name: 'paretonbdcor', title: 'Pareto/NBD with correlated rates (Sarmanov)', params: ['r', 'alpha', 's', 'beta', 'omega'], input: 'summary', reference: 'Park & Fader (2004), Marketing Science 23(3); Abe (2009), Marketing Science 28(3)' },
  mbgcnbd: { name: 'mbgcnbd', title: 'MBG/CNBD-k', params: ['k', 'r', 'alpha', 'a', 'b'], input: 'summary', reference: 'Platzer & Reutterer (2016), Marketing Science 35(5)' },
};

/**
 * The model of that name, or a UsageError listing the names.
 *
 * @example
 * modelInfo('bgbb').params; // ['alpha', 'beta', 'gamma', 'delta']
 */
export function modelInfo(name: string | undefined): ModelInfo {
  const key = (name ?? '').toLowerCase().replace(/[^a-z]/g, '');
  const info = (MODELS as Record<string, ModelInfo>)[key];
  if (!info) throw new UsageError(`--model must be one of ${Object.keys(MODELS).join(', ')}${name ? `, got "${name}"` : ''}`);
  return info;
}

/**
 * Input of fitModel.
 *
 * @example
 * const input: FitInput = { kind: 'survivors', cohorts: [{ alive: [1000, 631, 468] }] };
 */
export type FitInput =
  | { kind: 'summary'; data: SummaryData & { monetaryValue?: ArrayLike<number> } }
  | { kind: 'bgbb'; data: BgBbData }
  | { kind: 'survivors'; cohorts: RetentionCohort[] }
  | { kind: 'spend'; data: GammaGammaData };

/**
 * Options of some models only: the Erlang order k of the CNBD-k models (fixed, or chosen over 1..maxK).
 *
 * @example
 * const extra: ModelExtraOptions = { k: 2 };
 */
export interface ModelExtraOptions {
  k?: number;
  maxK?: number;
}

/**
 * Fit a model by name. Model modules are loaded on demand (the CLI stays fast to start).
 *
 * @example
 * const fitted = await fitModel('sbg', { kind: 'survivors', cohorts: [{ name: 'regular', alive: [1000, 631, 468] }] });
 * fitted.params; // { alpha, beta }
 */
export async function fitModel(name: ModelName, input: FitInput, options: FitOptions & ModelExtraOptions = {}): Promise<FitResultBase<Record<string, number>>> {
  const info = MODELS[name];
  const need = info.input;
  const mismatch = () =>
    new UsageError(
      `${info.title} needs ${
        need === 'summary'
          ? 'a customer summary (a transaction file, or frequency,recency,T)'
          : need === 'bgbb'
            ? 'BG/BB rows frequency,recency,periods[,weights] (or a summary in whole periods)'
            : need === 'survivors'
              ? 'survivor counts: period,alive (or a table of cohort columns with --column)'
              : 'a summary with spend (monetary_value or zbar, or a transaction file with amounts)'
      }; got ${input.kind === 'survivors' ? 'survivor counts' : input.kind === 'bgbb' ? 'BG/BB rows' : 'a customer summary'}`,
    );
  switch (name) {
    case 'bgnbd':
    case 'mbgnbd':
    case 'paretonbd':
    case 'nbd':
    case 'ggomnbd':
    case 'bgcnbd':
    case 'mbgcnbd':
    case 'paretonbdcor': {
      if (input.kind !== 'summary' && input.kind !== 'spend') throw mismatch();
      const data = input.data as SummaryData;
      if (name === 'nbd') return (await import('./nbd.ts')).fitNbd(data, options);
      if (name === 'ggomnbd') return (await import('./ggomnbd.ts')).fitGGomNbd(data, options);
      // CNBD-k: the data carry litt when they come from summarize() or an engine
      if (name === 'bgcnbd' || name === 'mbgcnbd') return (await import('./cnbdk.ts')).fitCnbd(name, data, options);
      if (name === 'paretonbdcor') return (await import('./paretonbd-correlated.ts')).fitCorrelatedParetoNbd(data, options);
      if (name === 'bgnbd') return (await import('./bgnbd.ts')).fitBgNbd(data, options);
      if (name === 'mbgnbd') return (await import('./mbgnbd.ts')).fitMbgNbd(data, options);
      return (await import('./paretonbd.ts')).fitParetoNbd(data, options);
    }
    case 'bgbb': {
      if (input.kind !== 'bgbb') throw mismatch();
      return (await import('./bgbb.ts')).fitBgBb(input.data, options);
    }
    case 'sbg':
    case 'bdw': {
      if (input.kind !== 'survivors') throw mismatch();
      if (name === 'sbg') return (await import('./sbg.ts')).fitSbg(input.cohorts, options);
      return (await import('./bdw.ts')).fitBdw(input.cohorts, options);
    }
    case 'gammagamma': {
      if (input.kind !== 'spend' && input.kind !== 'summary') throw mismatch();
      const d = input.data as GammaGammaData;
      if (!d.monetaryValue) throw mismatch();
      return (await import('./gammagamma.ts')).fitGammaGamma(d, options);
    }
  }
}
