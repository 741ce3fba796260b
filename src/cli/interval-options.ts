import type { Command } from 'commander';
import { ClvkitError, UsageError } from '../errors.ts';
import { createRng } from '../random.ts';
import { fitModel, type FitInput, type ModelInfo } from '../models/registry.ts';
import { fitGammaGamma, type GammaGammaModel } from '../models/gammagamma.ts';
import type { FitResultBase } from '../models/types.ts';
import { bootstrapParameterDraws, normalParameterDraws } from '../value/parameter-draws.ts';
import { predictionIntervals, type IntervalDraw, type PredictionIntervals } from '../value/prediction-intervals.ts';
import type { SummaryData } from '../types.ts';
import { numberOption } from './options.ts';
import { createProgress } from './progress.ts';

/**
 * The interval options of `clvkit predict`.
 *
 * @example
 * const o: IntervalCliOptions = { interval: '0.9', intervalDraws: '200', intervalMethod: 'normal', seed: '1' };
 */
export interface IntervalCliOptions {
  interval?: string;
  intervalDraws?: string;
  intervalMethod?: string;
  seed?: string;
  quiet?: boolean;
}

/**
 * Interval settings read from the options, or undefined without `--interval`.
 *
 * @example
 * intervalSettings({ interval: '0.9' }); // { level: 0.9, draws: 200, method: 'normal', seed: 1 }
 */
export function intervalSettings(o: IntervalCliOptions): { level: number; draws: number; method: 'normal' | 'bootstrap'; seed: number } | undefined {
  if (o.interval === undefined) return undefined;
  const raw = o.interval.trim();
  const pct = raw.endsWith('%');
  const v = numberOption('interval', pct ? raw.slice(0, -1) : raw, (x) => Number.isFinite(x));
  const level = pct ? v! / 100 : v!;
  if (!(level > 0 && level < 1)) throw new UsageError(`--interval must be a level between 0 and 1 (0.9 or 90%), got "${o.interval}"`);
  const draws = numberOption('interval-draws', o.intervalDraws ?? '200', (x) => Number.isInteger(x) && x >= 10 && x <= 100000)!;
  const method = (o.intervalMethod ?? 'normal') as 'normal' | 'bootstrap';
  if (method !== 'normal' && method !== 'bootstrap') throw new UsageError(`--interval-method must be normal or bootstrap, got "${o.intervalMethod}"`);
  const seed = numberOption('seed', o.seed ?? '1', (x) => Number.isInteger(x))!;
  return { level, draws, method, seed };
}

/**
 * Add --interval, --interval-draws, --interval-method and --seed to a command.
 *
 * @example
 * addIntervalOptions(program.command('predict'));
 */
export function addIntervalOptions(cmd: Command): Command {
  return cmd
    .option('--interval <level>', 'add <name>_lower and <name>_upper beside each prediction: a central interval at this level (0.9 or 90%) for the uncertainty of the estimated parameters')
    .option('--interval-draws <n>', 'parameter sets drawn for --interval', '200')
    .option('--interval-method <m>', 'normal (draws from the asymptotic normal of the estimates on the log scale) or bootstrap (refits on resampled customers)', 'normal')
    .option('--seed <n>', 'random seed of the interval draws', '1');
}

/**
 * Per-customer intervals for predict: parameter sets by the chosen method (seeded), then predictionIntervals,
 * with a progress bar on a terminal.
 *
 * @example
 * const iv = await intervalsForPredict({ fitted, spend, customers, input, info, horizon: 52, rate: 0.0018, margin: 1, settings, canRefit: true });
 */
export async function intervalsForPredict(a: {
  fitted: FitResultBase<Record<string, number>>;
  spend?: GammaGammaModel;
  customers: SummaryData & { monetaryValue?: ArrayLike<number> };
  input: FitInput;
  info: ModelInfo;
  horizon: number;
  rate: number;
  margin: number;
  settings: NonNullable<ReturnType<typeof intervalSettings>>;
  /** false when scoring with a saved model: the fitting data are not there to resample. */
  canRefit: boolean;
  fitOptions?: Record<string, number>;
  quiet?: boolean;
}): Promise<{ intervals: PredictionIntervals; notes: string[] }> {
  const { settings } = a;
  const rng = createRng(settings.seed);
  const notes: string[] = [];
  let draws: IntervalDraw[];
  if (settings.method === 'normal') {
    const t = normalParameterDraws(a.fitted, settings.draws, rng);
    const s = a.spend ? normalParameterDraws(a.spend, settings.draws, rng) : undefined;
    draws = t.map((params, i) => ({ params, ...(s ? { spendParams: s[i] } : {}) }));
  } else {
    if (!a.canRefit) throw new UsageError('--interval-method bootstrap refits on the fitting data, which a saved model does not carry: use --interval-method normal with --model-file');
    if (a.input.kind !== 'summary' && a.input.kind !== 'bgbb') throw new UsageError(`--interval-method bootstrap is for per-customer models, not ${a.info.title}`);
    if ((a.input.data as { weights?: unknown }).weights) throw new UsageError('--interval-method bootstrap resamples customers: the input has weighted rows (counts); give one row per customer or use --interval-method normal');
    const n = a.customers.frequency.length;
    const bar = await createProgress('bootstrap refits', settings.draws, a.quiet);
    const initial = a.fitted.params;
    const input = a.input;
    const { sets, failed } = await bootstrapParameterDraws(
      n,
      async (w) => {
        const weights = Float64Array.from(w);
        const refit = await fitModel(a.info.name, input.kind === 'summary' ? { kind: 'summary', data: { ...input.data, weights } } : { kind: 'bgbb', data: { ...input.data, weights } }, {
          ...(a.fitOptions ?? {}),
          ...(a.info.name === 'bgcnbd' || a.info.name === 'mbgcnbd' ? { k: initial.k } : { initial }),
        });
        const spendParams = a.spend && a.customers.monetaryValue ? fitGammaGamma({ frequency: a.customers.frequency, monetaryValue: a.customers.monetaryValue, weights }, { initial: a.spend.params }).params : undefined;
        return { params: refit.params, ...(spendParams ? { spendParams } : {}) };
      },
      settings.draws,
      rng,
      (d, t) => bar.update(d, t),
    );
    bar.stop();
    if (failed) notes.push(`interval: ${failed} of ${settings.draws} bootstrap refits failed and were skipped`);
    draws = sets;
  }
  const bar = await createProgress(`${Math.round(settings.level * 100)}% intervals`, 1, a.quiet);
  let intervals: PredictionIntervals;
  try {
    intervals = predictionIntervals(a.fitted, a.customers, draws, {
      horizon: a.horizon,
      rate: a.rate,
      margin: a.margin,
      ...(a.spend ? { spend: a.spend } : {}),
      level: settings.level,
      onProgress: (d, t) => bar.update(d, t),
    });
  } finally {
    bar.stop();
  }
  if (intervals.note) notes.push(`interval: ${intervals.note}`);
  if (intervals.failedDraws) notes.push(`interval: ${intervals.failedDraws} of ${draws.length} parameter sets gave no model and were skipped`);
  if (!(intervals.draws > 0)) throw new ClvkitError('no usable parameter set for the intervals');
  return { intervals, notes };
}

/** What the intervals cover, in words (stderr and the JSON document). */
export const INTERVAL_COVERS =
  'the uncertainty of the estimated parameters (the model expectation for each customer given the data); not the randomness of the customer\'s own future purchases (a wider, predictive interval), nor a wrong model';
