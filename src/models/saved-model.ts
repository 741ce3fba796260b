/**
 * Saved models (docs/scoring.md): a fitted model as a versioned JSON document, and back. Loading rebuilds
 * the predictions from the saved parameters through the same constructors the fit functions end with, so a
 * loaded model predicts to the last bit what the fitted one did (JSON numbers are written in their shortest
 * round-trip form, so the doubles come back unchanged).
 */
import { ClvkitError } from '../errors.ts';
import { bdwModel, type BdwParams } from './bdw.ts';
import { bgBbModel, type BgBbParams } from './bgbb.ts';
import { bgFamilyFitted, type BgNbdParams } from './bgnbd.ts';
import { cnbdPredictions, type CnbdParams } from './cnbdk.ts';
import { gammaGammaModel, type GammaGammaModel, type GammaGammaParams } from './gammagamma.ts';
import { ggomNbdPredictions, type GGomNbdParams } from './ggomnbd.ts';
import { nbdPredictions, type NbdParams } from './nbd.ts';
import { paretoNbdFitted, type ParetoNbdParams } from './paretonbd.ts';
import { correlatedParetoNbdPredictions, omegaBounds, rateCorrelation, type CorrelatedParetoNbdParams } from './paretonbd-correlated.ts';
import { MODELS, type ModelName } from './registry.ts';
import { sbgModel, type SbgParams } from './sbg.ts';
import type { FitResultBase } from './types.ts';

/** The `format` field of every saved model. */
export const MODEL_FORMAT = 'clvkit-model';
/** The format version this clvkit writes (and the newest it reads). */
export const MODEL_FORMAT_VERSION = 1;

/**
 * One fit as saved: parameters, their covariance and the fit statistics.
 *
 * @example
 * const f: SavedFit = { model: 'gammagamma', params: { p: 6.25, q: 3.74, v: 15.44 }, standardErrors: { p: 0.5, q: 0.3, v: 2 },
 *   covariance: { names: ['p', 'q', 'v'], matrix: [[0.25, 0, 0], [0, 0.09, 0], [0, 0, 4]] }, logLikelihood: -4000, aic: 8006, bic: 8020,
 *   converged: true, iterations: 20, customers: 946 };
 */
export interface SavedFit {
  model: string;
  params: Record<string, number>;
  /** Natural-scale standard errors (null in the file when not available). */
  standardErrors: Record<string, number | null>;
  /** Natural-scale covariance of the estimated parameters (the inverse observed information), rows and columns in `names` order. */
  covariance?: { names: string[]; matrix: (number | null)[][] };
  logLikelihood: number;
  aic: number;
  bic: number;
  converged: boolean;
  iterations: number;
  customers: number;
  warning?: string;
  /** Model-specific fit details: CNBD-k `kProfile`, sBG/BdW `cohorts`, Gamma-Gamma `frequencySpendCorrelation`, `excludedNonPositiveSpend`. */
  details?: Record<string, unknown>;
}

/**
 * What the model was fitted on, checked when scoring: the input kind, the model time unit (`--freq`), the
 * purchase period (`--unit`), the calibration end and the columns the input had.
 *
 * @example
 * const d: SavedData = { input: 'summary', unit: 'week', periodUnit: 'day', calibrationEnd: '1997-09-30', columns: ['frequency', 'recency', 'T', 'monetary_value'] };
 */
export interface SavedData {
  input: 'summary' | 'bgbb' | 'survivors' | 'spend';
  /** The model time unit (parameters such as alpha are per this unit). */
  unit?: string;
  /** Purchases were collapsed to one per customer per this period. */
  periodUnit?: string;
  calibrationEnd?: string;
  end?: string;
  columns?: string[];
  source?: string;
}

/**
 * A saved model, format version 1 (docs/scoring.md describes every field).
 *
 * @example
 * const saved: SavedModel = saveModel(fitBgNbd(summary), { data: { input: 'summary', unit: 'week' } });
 * JSON.stringify(saved);
 */
export interface SavedModel extends SavedFit {
  format: typeof MODEL_FORMAT;
  version: number;
  title: string;
  reference: string;
  /** Scale the optimiser worked on and the parameter-uncertainty intervals draw on: 'log' for every model. */
  fittingScale: 'log';
  data: SavedData;
  /** The spend model fitted with it (Gamma-Gamma), when spend was known. */
  spend?: SavedFit;
  /** Fit options that matter for predictions (penalizer, a fixed k). */
  options: Record<string, number | string | boolean>;
  /** Covariate definitions and coefficients, for models fitted with covariates. */
  covariates?: Record<string, unknown>;
  /** Messages about the fit that travel with it. */
  warnings: string[];
}

/**
 * A model loaded from a saved document: the fitted model with its predictions, the spend model when
 * saved, and the document itself.
 *
 * @example
 * const { model, spend, saved } = loadModel(readFileSync('model.json', 'utf8'));
 */
export interface LoadedModel {
  model: FitResultBase<Record<string, number>>;
  spend?: GammaGammaModel;
  saved: SavedModel;
}

function fitOf(fitted: FitResultBase<Record<string, number>>): SavedFit {
  const names = Object.keys(fitted.standardErrors);
  const out: SavedFit = {
    model: fitted.model,
    params: { ...fitted.params },
    standardErrors: { ...fitted.standardErrors },
    ...(fitted.covariance ? { covariance: { names, matrix: fitted.covariance.map((r) => [...r]) } } : {}),
    logLikelihood: fitted.logLikelihood,
    aic: fitted.aic,
    bic: fitted.bic,
    converged: fitted.converged,
    iterations: fitted.iterations,
    customers: fitted.customers,
    ...(fitted.warning ? { warning: fitted.warning } : {}),
  };
  const details: Record<string, unknown> = {};
  const f = fitted as unknown as Record<string, unknown>;
  for (const k of ['kProfile', 'cohorts', 'frequencySpendCorrelation', 'excludedNonPositiveSpend', 'correlationSE', 'zeroCorrelationTest']) if (f[k] !== undefined) details[k] = f[k];
  if (Object.keys(details).length) out.details = details;
  return out;
}

/**
 * The saved form of a fitted model (a plain object: `JSON.stringify` it to write the file).
 *
 * @example
 * const saved = saveModel(fitBgNbd(summary), { data: { input: 'summary', unit: 'week', periodUnit: 'day' }, spend: fitGammaGamma(summary) });
 * writeFileSync('model.json', JSON.stringify(saved, null, 2));
 */
export function saveModel(
  fitted: FitResultBase<Record<string, number>>,
  context: { data?: SavedData; spend?: FitResultBase<Record<string, number>>; options?: Record<string, number | string | boolean>; covariates?: Record<string, unknown> } = {},
): SavedModel {
  const info = (MODELS as Record<string, (typeof MODELS)[ModelName]>)[fitted.model];
  if (!info) throw new ClvkitError(`cannot save a model of kind "${fitted.model}": not one of ${Object.keys(MODELS).join(', ')}`);
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    title: info.title,
    reference: info.reference,
    fittingScale: 'log',
    ...fitOf(fitted),
    data: context.data ?? { input: info.input },
    ...(context.spend ? { spend: fitOf(context.spend) } : {}),
    options: context.options ?? {},
    ...(context.covariates ? { covariates: context.covariates } : {}),
    warnings: [...(fitted.warnings ?? (fitted.warning ? [fitted.warning] : []))],
  };
}

const num = (v: number | null | undefined): number => (typeof v === 'number' ? v : NaN);

function baseOf(f: SavedFit): FitResultBase<Record<string, number>> {
  const se: Record<string, number> = {};
  for (const [k, v] of Object.entries(f.standardErrors ?? {})) se[k] = num(v);
  return {
    model: f.model,
    params: { ...f.params },
    logLikelihood: num(f.logLikelihood),
    standardErrors: se,
    converged: f.converged,
    iterations: f.iterations,
    aic: num(f.aic),
    bic: num(f.bic),
    customers: f.customers,
    ...(f.covariance ? { covariance: f.covariance.matrix.map((r) => r.map(num)) } : {}),
    ...(f.warning ? { warning: f.warning } : {}),
  };
}

function checkFit(f: SavedFit, names: string[], where: string): void {
  if (!f || typeof f !== 'object' || !f.params || typeof f.params !== 'object') throw new ClvkitError(`${where}: no parameters`);
  for (const n of names) {
    const v = f.params[n];
    // the Sarmanov omega of the correlated Pareto/NBD may be negative: within the bounds its other parameters set
    if (n === 'omega' && typeof v === 'number' && Number.isFinite(v)) {
      const p = f.params as Record<string, number>;
      const b = omegaBounds(p.r, p.alpha, p.s, p.beta);
      if (v >= b.lo && v <= b.hi) continue;
    }
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) throw new ClvkitError(`${where}: parameter ${n} must be a positive number, got ${JSON.stringify(v)}`);
  }
  const extra = Object.keys(f.params).filter((k) => !names.includes(k));
  if (extra.length) throw new ClvkitError(`${where}: unknown parameter(s) ${extra.join(', ')} (expected ${names.join(', ')})`);
}

/**
 * The fitted model of a fit result, rebuilt from its parameters without fitting: the same constructor each
 * fit function ends with (so limits, warnings and predictions are those of the fit).
 *
 * @example
 * const m = fittedFromBase({ ...fitBgNbd(summary) }); // predicts exactly as the fit
 */
export function fittedFromBase(base: FitResultBase<Record<string, number>>, details: Record<string, unknown> = {}): FitResultBase<Record<string, number>> {
  const name = base.model as ModelName;
  switch (name) {
    case 'bgnbd':
    case 'mbgnbd':
      return bgFamilyFitted(name, { ...base, params: base.params as BgNbdParams });
    case 'paretonbd':
      return paretoNbdFitted({ ...base, params: base.params as ParetoNbdParams });
    case 'nbd':
      return { ...base, ...nbdPredictions(base.params as NbdParams) };
    case 'ggomnbd':
      return { ...base, ...ggomNbdPredictions(base.params as GGomNbdParams) };
    case 'bgcnbd':
    case 'mbgcnbd':
      return { ...base, kProfile: details.kProfile ?? [], ...cnbdPredictions(name, base.params as CnbdParams) } as FitResultBase<Record<string, number>>;
    case 'paretonbdcor': {
      const p = base.params as CorrelatedParetoNbdParams;
      return {
        ...base,
        correlation: rateCorrelation(p),
        correlationSE: num(details.correlationSE as number),
        ...(details.zeroCorrelationTest ? { zeroCorrelationTest: details.zeroCorrelationTest } : {}),
        ...correlatedParetoNbdPredictions(p),
      } as FitResultBase<Record<string, number>>;
    }
    case 'bgbb':
      return bgBbModel(base.params as BgBbParams, base as FitResultBase<BgBbParams>);
    case 'sbg':
      return sbgModel(base.params as SbgParams, { ...(base as FitResultBase<SbgParams>), cohorts: (details.cohorts ?? []) as never });
    case 'bdw':
      return bdwModel(base.params as BdwParams, { ...(base as FitResultBase<BdwParams>), cohorts: (details.cohorts ?? []) as never });
    case 'gammagamma':
      return gammaGammaModel(base.params as GammaGammaParams, {
        ...(base as FitResultBase<GammaGammaParams>),
        frequencySpendCorrelation: num(details.frequencySpendCorrelation as number),
        excludedNonPositiveSpend: (details.excludedNonPositiveSpend as number) ?? 0,
      });
    default:
      throw new ClvkitError(`cannot rebuild a model of kind "${base.model}" from its parameters`);
  }
}

/**
 * Read a saved model (the document, or its JSON text): checks the format, version, model name and
 * parameters, and rebuilds the model and its spend model.
 *
 * @example
 * const { model, spend } = loadModel(readFileSync('model.json', 'utf8'));
 * model.params; spend?.params;
 */
export function loadModel(input: SavedModel | string): LoadedModel {
  let saved: SavedModel;
  if (typeof input === 'string') {
    try {
      saved = JSON.parse(input) as SavedModel;
    } catch (e) {
      throw new ClvkitError(`not a saved model: the JSON does not parse (${(e as Error).message})`);
    }
  } else saved = input;
  if (!saved || typeof saved !== 'object' || saved.format !== MODEL_FORMAT) {
    throw new ClvkitError(`not a saved model: "format" must be "${MODEL_FORMAT}" (write one with clvkit fit --save model.json)`);
  }
  if (!Number.isInteger(saved.version) || saved.version < 1) throw new ClvkitError(`saved model: "version" must be a whole number >= 1, got ${JSON.stringify(saved.version)}`);
  if (saved.version > MODEL_FORMAT_VERSION) {
    throw new ClvkitError(`the saved model is format version ${saved.version}, newer than this clvkit reads (${MODEL_FORMAT_VERSION}): update clvkit`);
  }
  const info = (MODELS as Record<string, (typeof MODELS)[ModelName]>)[saved.model];
  if (!info) throw new ClvkitError(`saved model: unknown model "${saved.model}" (expected one of ${Object.keys(MODELS).join(', ')})`);
  if (saved.covariates) throw new ClvkitError(`the saved ${info.title} model has covariates: scoring covariate models from a file is not supported yet; refit with clvkit predict --covariates`);
  checkFit(saved, info.params, `saved ${info.title} model`);
  const model = fittedFromBase(baseOf(saved), saved.details);
  let spend: GammaGammaModel | undefined;
  if (saved.spend) {
    if (saved.spend.model !== 'gammagamma') throw new ClvkitError(`saved model: unknown spend model "${saved.spend.model}" (expected gammagamma)`);
    checkFit(saved.spend, MODELS.gammagamma.params, 'saved spend model');
    spend = fittedFromBase(baseOf(saved.spend), saved.spend.details) as GammaGammaModel;
  }
  return { model, ...(spend ? { spend } : {}), saved };
}
