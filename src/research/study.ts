import { chisquareCdf as chisqCdf } from '../stdlib.ts';
import { ClvkitError } from '../errors.ts';
import type { Table } from '../ingest/table.ts';
import { averageVarianceExtracted } from './ave.ts';
import { compositeReliability } from './composite-reliability.ts';
import { cronbachAlpha } from './cronbach.ts';
import { correlationMatrix, mean, sampleVariance } from './describe.ts';
import { designMatrix } from './design.ts';
import { fornellLarcker, type FornellLarckerTable } from './fornell-larcker.ts';
import { hierarchicalOls } from './hierarchical.ts';
import { logit } from './logistic.ts';
import { ols } from './ols.ts';
import { oneFactor } from './one-factor.ts';
import { parseMissingRule, type MissingRule, type ModelSpec, type StudyConfig } from './survey-config.ts';
import { readSurveyColumns } from './survey-data.ts';
import { vif } from './vif.ts';

export interface ReliabilityEntry {
  label?: string;
  items: string[];
  /** Respondents with every item answered (after the missing-answer rule). */
  n: number;
  alpha: number | null;
  cr: number | null;
  ave: number | null;
  loadings: Record<string, number>;
  alpha_if_deleted: Record<string, number | null>;
  item_total: Record<string, number | null>;
  method: string;
  heywood: boolean;
}

export interface ScoreDescriptives {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export interface ModelCoefficient {
  term: string;
  estimate: number;
  se: number;
  se_hc3: number | null;
  t: number;
  p: number;
  ci: [number, number];
  /** OLS: standardised coefficient and VIF. */
  beta?: number | null;
  vif?: number | null;
  /** Logit: odds ratio with its interval and the per-term likelihood-ratio test. */
  odds_ratio?: number;
  or_ci?: [number, number];
  lr_chi2?: number | null;
  lr_p?: number | null;
}

export interface HierarchyStep {
  step: number;
  added: string[];
  r2: number;
  /** OLS: R² gain and its F test. Logit: likelihood-ratio test of the added terms. */
  delta_r2: number;
  f?: number;
  df1: number;
  df2?: number;
  chi2?: number;
  log_likelihood?: number;
  p: number;
}

export interface ModelReport {
  name: string;
  type: 'ols' | 'logit';
  dependent: string;
  horizon?: string;
  n: number;
  r2: number;
  adj_r2: number;
  coefficients: ModelCoefficient[];
  /** OLS overall F test. */
  f?: number | null;
  f_df1?: number;
  f_df2?: number;
  f_p?: number | null;
  sigma?: number;
  /** Logit fit statistics. */
  log_likelihood?: number;
  null_log_likelihood?: number;
  lr_chi2?: number;
  lr_df?: number;
  lr_p?: number;
  aic?: number;
  /** Means subtracted from the variables of interaction terms. */
  centred?: Record<string, number>;
  hierarchy?: HierarchyStep[];
}

export interface SurveyAnalysis {
  title?: string;
  respondents: number;
  missing: { rule: string; imputed: number; unanswered: number };
  reliability: Record<string, ReliabilityEntry>;
  second_order: Record<string, ReliabilityEntry & { components: string[] }>;
  fornell_larcker: (FornellLarckerTable & { n: number }) | null;
  scores: {
    descriptives: Record<string, ScoreDescriptives>;
    correlations: { variables: string[]; n: number; matrix: number[][] };
  };
  models: ModelReport[];
  skipped: { name: string; reason: string }[];
  warnings: string[];
  /** Per-respondent construct scores (NaN where not computable); not part of the JSON document. */
  readonly respondentScores: Record<string, Float64Array>;
}

export interface SurveyOptions {
  /** `listwise` (default) or `mean:<max share>`, or a parsed rule; overrides the config's `missing`. */
  missing?: string | MissingRule;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
}

/**
 * The whole survey study in one call: reliability per construct (Cronbach's alpha, alpha if item
 * deleted, corrected item-total correlations, one-factor loadings, composite reliability, AVE), the
 * Fornell-Larcker table, construct scores (item means; second-order constructs as the mean of their
 * components) with descriptives and correlations, and every regression of the config (OLS or logit,
 * controls entered first with the gain tested, interactions mean-centred).
 *
 * @example
 * const table = readTable('responses.csv');
 * const study = analyseSurvey(table, parseStudyConfig(JSON.parse(readFileSync('study.json', 'utf8'))));
 * study.reliability.CC.alpha; study.models[0].coefficients;
 */
export function analyseSurvey(table: Table, config: StudyConfig, options: SurveyOptions = {}): SurveyAnalysis {
  const ruleText = typeof options.missing === 'string' ? options.missing : options.missing ? undefined : config.missing ?? 'listwise';
  const rule: MissingRule = typeof options.missing === 'object' ? options.missing : parseMissingRule(ruleText!);
  const level = options.level ?? 0.95;
  const constructs = config.constructs ?? {};
  const second = config.secondOrder ?? {};
  const scoreNames = new Set([...Object.keys(constructs), ...Object.keys(second)]);
  const items = Object.values(constructs).flatMap((c) => c.items);
  const modelVars = (m: ModelSpec) => [m.dependent, ...(m.controls ?? []), ...m.predictors, ...(m.interactions ?? []).flat()];
  const raw = [...new Set((config.models ?? []).flatMap(modelVars).filter((v) => !scoreNames.has(v)))].filter((v) => !items.includes(v));
  const data = readSurveyColumns(table, config, [...items, ...raw], rule);
  const warnings: string[] = [];
  const missingItems = items.filter((it) => data.absent.includes(it));
  if (missingItems.length) {
    throw new ClvkitError(`items not found in the responses: ${missingItems.join(', ')}; columns found: ${table.header.join(', ')}`, { file: table.file, line: 1 });
  }
  const n = data.respondents;
  const cols = data.columns;

  // Reliability and scores per construct.
  const reliability: Record<string, ReliabilityEntry> = {};
  const scores: Record<string, Float64Array> = {};
  for (const [name, spec] of Object.entries(constructs)) {
    const complete = completeRows(spec.items.map((it) => cols[it]), n);
    const itemCols = spec.items.map((it) => subset(cols[it], complete));
    if (complete.length < 3) throw new ClvkitError(`construct ${name}: only ${complete.length} respondents answered every item; at least 3 are needed`);
    itemCols.forEach((c, j) => {
      if (sampleVariance(c) === 0) {
        throw new ClvkitError(`item "${spec.items[j]}" of construct ${name} has the same answer (${c[0]}) from all ${c.length} respondents, so it measures nothing: remove it from the construct`);
      }
    });
    reliability[name] = reliabilityOf(spec.items, itemCols, spec.label);
    if (reliability[name].heywood) warnings.push(`construct ${name}: a communality reached 1 (Heywood case); loadings are capped at 1`);
    const s = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      let ok = true;
      for (const it of spec.items) {
        const v = cols[it][i];
        if (Number.isNaN(v)) ok = false;
        sum += v;
      }
      // Construct score: the mean of its (reverse-coded) items.
      if (ok) s[i] = sum / spec.items.length;
    }
    scores[name] = s;
  }
  const secondOrder: SurveyAnalysis['second_order'] = {};
  for (const [name, spec] of Object.entries(second)) {
    const s = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      // Second-order score: the mean of the component scores (e.g. interaction orientation, Ramani & Kumar 2008).
      const v = spec.components.map((c) => scores[c][i]);
      if (v.every((x) => !Number.isNaN(x))) s[i] = v.reduce((a, b) => a + b, 0) / v.length;
    }
    scores[name] = s;
    const complete = completeRows(spec.components.map((c) => scores[c]), n);
    const compCols = spec.components.map((c) => subset(scores[c], complete));
    secondOrder[name] = { ...reliabilityOf(spec.components, compCols, spec.label), components: spec.components };
  }

  // Fornell-Larcker over multi-item first-order constructs.
  const multi = Object.keys(constructs).filter((c) => constructs[c].items.length >= 2);
  let fl: SurveyAnalysis['fornell_larcker'] = null;
  if (multi.length >= 2) {
    const rows = completeRows(multi.map((c) => scores[c]), n);
    if (rows.length >= 3) {
      const corr = correlationMatrix(multi.map((c) => subset(scores[c], rows)));
      fl = { ...fornellLarcker(multi, multi.map((c) => reliability[c].ave ?? NaN), corr), n: rows.length };
      for (const [c, ok] of Object.entries(fl.discriminant)) if (!ok) warnings.push(`construct ${c}: √AVE does not exceed its correlation with another construct (Fornell-Larcker criterion not met)`);
    } else warnings.push('Fornell-Larcker table skipped: fewer than 3 respondents have every construct score');
  }

  // Descriptives and correlations of the scores.
  const scoreVars = Object.keys(scores);
  const descriptives: Record<string, ScoreDescriptives> = {};
  for (const v of scoreVars) {
    const x = subset(scores[v], completeRows([scores[v]], n));
    // min and max by a loop: spreading a column into Math.min overflows the stack past about 125,000 respondents
    let min = Infinity;
    let max = -Infinity;
    for (const value of x) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    descriptives[v] = { n: x.length, mean: mean(x), sd: Math.sqrt(sampleVariance(x)), min, max };
  }
  const corrRows = completeRows(scoreVars.map((v) => scores[v]), n);
  const correlations = {
    variables: scoreVars,
    n: corrRows.length,
    matrix: corrRows.length >= 3 ? correlationMatrix(scoreVars.map((v) => subset(scores[v], corrRows))) : [],
  };

  // Regressions.
  const variables: Record<string, Float64Array> = { ...cols, ...scores };
  const models: ModelReport[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const spec of config.models ?? []) {
    const absent = [...new Set(modelVars(spec))].filter((v) => !(v in variables));
    if (absent.length) {
      const reason = `column${absent.length > 1 ? 's' : ''} ${absent.join(', ')} not in the responses`;
      if (spec.optional) {
        skipped.push({ name: spec.name, reason });
        continue;
      }
      throw new ClvkitError(
        `model "${spec.name}": ${absent.map((a) => `"${a}"`).join(', ')} ${absent.length > 1 ? 'are' : 'is'} neither a construct (${[...scoreNames].join(', ') || 'none'}) nor a column of the responses (columns: ${table.header.join(', ')})`,
        { file: table.file, line: 1 },
      );
    }
    try {
      models.push(fitModel(spec, variables, n, level));
    } catch (e) {
      if (e instanceof ClvkitError) throw new ClvkitError(`model "${spec.name}": ${e.detail}`, e.location);
      throw e;
    }
  }
  const analysis: SurveyAnalysis = {
    ...(config.title ? { title: config.title } : {}),
    respondents: n,
    missing: { rule: rule.kind === 'listwise' ? 'listwise' : `mean:${rule.maxShare}`, imputed: data.imputed, unanswered: data.missingAnswers },
    reliability,
    second_order: secondOrder,
    fornell_larcker: fl,
    scores: { descriptives, correlations },
    models,
    skipped,
    warnings,
  } as SurveyAnalysis;
  Object.defineProperty(analysis, 'respondentScores', { value: scores, enumerable: false });
  return analysis;
}

function reliabilityOf(items: string[], itemCols: Float64Array[], label?: string): ReliabilityEntry {
  const k = items.length;
  const byItem = <T>(v: T[]) => Object.fromEntries(items.map((it, j) => [it, v[j]]));
  if (k === 1) {
    return { ...(label ? { label } : {}), items, n: itemCols[0].length, alpha: null, cr: null, ave: null, loadings: byItem([1]), alpha_if_deleted: byItem([null]), item_total: byItem([null]), method: 'single-item', heywood: false };
  }
  const a = cronbachAlpha(itemCols);
  const f = oneFactor(correlationMatrix(itemCols));
  return {
    ...(label ? { label } : {}),
    items,
    n: itemCols[0].length,
    alpha: a.alpha,
    cr: compositeReliability(f.loadings),
    ave: averageVarianceExtracted(f.loadings),
    loadings: byItem(f.loadings),
    alpha_if_deleted: byItem(a.alphaIfDeleted),
    item_total: byItem(a.itemTotal),
    method: f.method,
    heywood: f.heywood,
  };
}

function completeRows(columns: ArrayLike<number>[], n: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (columns.every((c) => !Number.isNaN(c[i]))) rows.push(i);
  return rows;
}

function subset(x: ArrayLike<number>, rows: number[]): Float64Array {
  return Float64Array.from(rows, (i) => x[i]);
}

function fitModel(spec: ModelSpec, variables: Record<string, Float64Array>, n: number, level: number): ModelReport {
  const controls = spec.controls ?? [];
  const interactions = spec.interactions ?? [];
  const used = [...new Set([spec.dependent, ...controls, ...spec.predictors, ...interactions.flat()])];
  const rows = completeRows(used.map((v) => variables[v]), n);
  const local = Object.fromEntries(used.map((v) => [v, subset(variables[v], rows)]));
  const y = local[spec.dependent];
  const main = [...new Set([...controls, ...spec.predictors])];
  if (main.includes(spec.dependent) || interactions.flat().includes(spec.dependent)) throw new ClvkitError(`"${spec.dependent}" is both the dependent variable and a predictor`);
  const design = designMatrix(local, main, interactions, spec.centre ?? true);
  // Blocks for the hierarchical test: controls, then predictors (and variables only named in interactions), then products.
  const col = (name: string) => design.columns[design.names.indexOf(name)];
  const products = interactions.map((p) => p.join(':'));
  const middle = design.names.filter((t) => !controls.includes(t) && !products.includes(t));
  const blocks = [controls, middle, products].filter((b) => b.length > 0).map((b) => ({ names: b, columns: b.map(col) }));
  const base: Pick<ModelReport, 'name' | 'type' | 'dependent' | 'horizon'> = { name: spec.name, type: spec.type, dependent: spec.dependent, ...(spec.horizon ? { horizon: spec.horizon } : {}) };
  const centred = Object.keys(design.centred).length ? { centred: design.centred } : {};
  if (spec.type === 'ols') {
    const fit = ols(y, design.columns, design.names, { level });
    const v = design.columns.length >= 2 ? vif(design.columns, design.names) : [1];
    const hierarchy = blocks.length >= 2
      ? hierarchicalOls(y, blocks).map((s, i) => ({ step: i + 1, added: s.added, r2: s.r2, delta_r2: s.delta_r2, f: s.f_change, df1: s.df1, df2: s.df2, p: s.p }))
      : undefined;
    return {
      ...base,
      n: fit.n,
      r2: fit.r2,
      adj_r2: fit.adj_r2,
      f: fit.f,
      f_df1: fit.f_df1,
      f_df2: fit.f_df2,
      f_p: fit.f_p,
      sigma: fit.sigma,
      coefficients: fit.coefficients.map((c, j) => ({ ...c, vif: j === 0 ? null : v[j - 1] })),
      ...centred,
      ...(hierarchy ? { hierarchy } : {}),
    };
  }
  const fit = logit(y, design.columns, design.names, { level });
  let hierarchy: HierarchyStep[] | undefined;
  if (blocks.length >= 2) {
    let prevLl = fit.null_log_likelihood;
    const names: string[] = [];
    const columns: Float64Array[] = [];
    hierarchy = blocks.map((b, i) => {
      names.push(...b.names);
      columns.push(...b.columns);
      const step = i === blocks.length - 1 ? fit : logit(y, columns, names, { level, termTests: false, hc3: false });
      // Likelihood-ratio test of the added block: 2(LL_k − LL_{k−1}) ~ χ²(terms added) (Hosmer et al. 2013, §2.2).
      const chi2 = Math.max(0, 2 * (step.log_likelihood - prevLl));
      const r = { step: i + 1, added: b.names, r2: step.r2, delta_r2: step.r2 - (1 - prevLl / fit.null_log_likelihood), chi2, df1: b.names.length, log_likelihood: step.log_likelihood, p: 1 - chisqCdf(chi2, b.names.length) };
      prevLl = step.log_likelihood;
      return r;
    });
  }
  return {
    ...base,
    n: fit.n,
    r2: fit.r2,
    adj_r2: fit.adj_r2,
    log_likelihood: fit.log_likelihood,
    null_log_likelihood: fit.null_log_likelihood,
    lr_chi2: fit.lr_chi2,
    lr_df: fit.lr_df,
    lr_p: fit.lr_p,
    aic: fit.aic,
    coefficients: fit.coefficients.map(({ z: _z, ...c }) => c),
    ...centred,
    ...(hierarchy ? { hierarchy } : {}),
  };
}
