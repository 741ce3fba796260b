import { hiddenAlias } from '../alias.ts';
import { count } from '../../plural.ts';
import { wroteNote } from '../output.ts';
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { checkOutputFolder, ensureFolder, fileError, writeFileAtomic } from '../../io/atomic.ts';
import { join } from 'node:path';
import { ClvkitError, UsageError } from '../../errors.ts';
import { readTable, normalizeHeader } from '../../ingest/table.ts';
import { CSV_EN, CSV_FR, writeCsv, type CsvValue } from '../../io/csv.ts';
import { ioStudyConfig } from '../../research/io-template.ts';
import { analyseSurvey, type SurveyAnalysis } from '../../research/study.ts';
import { parseMissingRule, parseStudyConfig, type StudyConfig } from '../../research/survey-config.ts';

interface SurveyCliOptions {
  config?: string;
  template?: string;
  json?: boolean;
  outDir?: string;
  missing?: string;
  delimiter?: string;
  level?: string;
  lang?: string;
}

/**
 * Registers `clvkit survey <responses.csv> --config study.json [--json] [--out-dir dir] [--missing rule]`.
 *
 * @example
 * register(new Command("clvkit")); // then: clvkit survey io-responses.csv --template io --json
 */
export function register(program: Command): void {
  const cmd = program
    .command('survey')
    .description('survey study: reliability (alpha, CR, AVE, loadings), Fornell-Larcker, construct scores, OLS and logit models')
    .argument('<responses>', 'responses CSV, one row per respondent, one column per item or variable')
    .option('-c, --config <study.json>', 'study config: scale, constructs with items and reverse-coded items, second-order constructs, models')
    .option('--template <name>', 'use a built-in study config instead of --config: io (interaction orientation, = data/io-study.json)')
    .option('--missing <rule>', 'missing answers: listwise, or mean:<max share> to fill from the respondent\'s construct mean (default: the config\'s, else listwise)')
    .option('--level <x>', 'confidence level of the intervals', '0.95')
    .option('--delimiter <d>', "field delimiter: ',' ';' tab '|' (default: detected)")
    .option('--out-dir <dir>', 'write every table as CSV (plus survey.json and per-respondent scores.csv) to this folder')
    .option('--lang <en|fr>', 'CSV dialect of --out-dir files: en (, and .) or fr (; and decimal comma)', 'en')
    .option('--json', 'print the whole study as one JSON document on stdout')
    .action(async (file: string, o: SurveyCliOptions) => {
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      const level = Number(o.level);
      if (!(level > 0 && level < 1)) throw new UsageError(`--level must be between 0 and 1, got "${o.level}"`);
      let missing;
      if (o.missing !== undefined) {
        try {
          missing = parseMissingRule(o.missing);
        } catch (e) {
          throw new UsageError(`--missing: ${(e as ClvkitError).detail}`);
        }
      }
      if (o.outDir) checkOutputFolder(o.outDir, [file, o.config], SURVEY_FILES);
      const config = loadConfig(o);
      const delimiter = o.delimiter === 'tab' ? '\t' : o.delimiter;
      const table = readTable(file, delimiter ? { delimiter } : {});
      const study = analyseSurvey(table, config, { missing, level });
      for (const w of study.warnings) process.stderr.write(`warning: ${w}\n`);
      for (const s of study.skipped) process.stderr.write(`skipped model "${s.name}": ${s.reason}\n`);
      if (o.outDir) {
        const written = writeSurveyTables(study, o.outDir, table, o.lang === 'fr');
        wroteNote(o, `wrote ${count(written.length, 'file', 'files')} to ${o.outDir}: ${written.join(', ')}`);
      }
      if (o.json) process.stdout.write(JSON.stringify(study) + '\n');
      // with --out-dir the readable result makes way for the one line saying what was written: it goes to stderr
      else (o.outDir ? process.stderr : process.stdout).write(formatSurvey(study));
    });
  hiddenAlias(cmd, '--sep <d>', 'delimiter');
}

function loadConfig(o: SurveyCliOptions): StudyConfig {
  if (o.config && o.template) throw new UsageError('give either --config or --template, not both');
  if (o.template) {
    if (o.template !== 'io') throw new UsageError(`--template must be io, got "${o.template}"`);
    return ioStudyConfig();
  }
  if (!o.config) throw new UsageError('survey needs --config study.json (or --template io); see data/io-study.json for an example');
  let text: string;
  try {
    text = readFileSync(o.config, 'utf8');
  } catch (e) {
    throw fileError(e, o.config, 'read');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ClvkitError(`the study config is not valid JSON: ${(e as Error).message}`, { file: o.config });
  }
  return parseStudyConfig(json, o.config);
}

/** Every file writeSurveyTables may write (checked against the inputs before any work). */
const SURVEY_FILES = ['reliability.csv', 'items.csv', 'fornell_larcker.csv', 'descriptives.csv', 'correlations.csv', 'models.csv', 'model_fit.csv', 'hierarchy.csv', 'scores.csv', 'survey.json'];

/** Writes the study's tables to `dir`; returns the file names. */
function writeSurveyTables(study: SurveyAnalysis, dir: string, table: { header: string[]; rows: string[][] }, french: boolean): string[] {
  const fmt = french ? CSV_FR : CSV_EN;
  ensureFolder(dir);
  const files: string[] = [];
  const write = (name: string, header: string[], rows: CsvValue[][]) => {
    writeCsv(join(dir, name), header, rows, fmt);
    files.push(name);
  };
  const rel = [...Object.entries(study.reliability), ...Object.entries(study.second_order)];
  write('reliability.csv', ['construct', 'label', 'items', 'n', 'alpha', 'cr', 'ave', 'method'], rel.map(([c, r]) => [c, r.label, r.items.join(' '), r.n, r.alpha, r.cr, r.ave, r.method]));
  write(
    'items.csv',
    ['construct', 'item', 'loading', 'alpha_if_deleted', 'item_total'],
    rel.flatMap(([c, r]) => r.items.map((it) => [c, it, r.loadings[it], r.alpha_if_deleted[it], r.item_total[it]])),
  );
  if (study.fornell_larcker) {
    const fl = study.fornell_larcker;
    write('fornell_larcker.csv', ['construct', ...fl.constructs, 'discriminant_validity'], fl.constructs.map((c, i) => [c, ...fl.matrix[i], fl.discriminant[c]]));
  }
  write('descriptives.csv', ['score', 'n', 'mean', 'sd', 'min', 'max'], Object.entries(study.scores.descriptives).map(([k, d]) => [k, d.n, d.mean, d.sd, d.min, d.max]));
  const cor = study.scores.correlations;
  write('correlations.csv', ['score', ...cor.variables], cor.variables.map((v, i) => [v, ...(cor.matrix[i] ?? [])]));
  write(
    'models.csv',
    ['model', 'type', 'dependent', 'term', 'estimate', 'se', 'se_hc3', 't', 'p', 'ci_low', 'ci_high', 'beta', 'vif', 'odds_ratio', 'or_low', 'or_high', 'lr_chi2', 'lr_p'],
    study.models.flatMap((m) =>
      m.coefficients.map((c) => [m.name, m.type, m.dependent, c.term, c.estimate, c.se, c.se_hc3, c.t, c.p, c.ci[0], c.ci[1], c.beta, c.vif, c.odds_ratio, c.or_ci?.[0], c.or_ci?.[1], c.lr_chi2, c.lr_p]),
    ),
  );
  write(
    'model_fit.csv',
    ['model', 'type', 'dependent', 'horizon', 'n', 'r2', 'adj_r2', 'f', 'f_df1', 'f_df2', 'f_p', 'sigma', 'log_likelihood', 'lr_chi2', 'lr_df', 'lr_p', 'aic'],
    study.models.map((m) => [m.name, m.type, m.dependent, m.horizon, m.n, m.r2, m.adj_r2, m.f, m.f_df1, m.f_df2, m.f_p, m.sigma, m.log_likelihood, m.lr_chi2, m.lr_df, m.lr_p, m.aic]),
  );
  write(
    'hierarchy.csv',
    ['model', 'step', 'added', 'r2', 'delta_r2', 'f', 'df1', 'df2', 'chi2', 'p'],
    study.models.flatMap((m) => (m.hierarchy ?? []).map((h) => [m.name, h.step, h.added.join(' '), h.r2, h.delta_r2, h.f, h.df1, h.df2, h.chi2, h.p])),
  );
  const idCol = table.header.map(normalizeHeader).findIndex((h) => ['respondent_id', 'respondent', 'id', 'repondant', 'id_repondant'].includes(h));
  const scoreNames = Object.keys(study.respondentScores);
  write(
    'scores.csv',
    ['respondent', ...scoreNames],
    table.rows.map((r, i) => [idCol >= 0 ? r[idCol] : String(i + 1), ...scoreNames.map((s) => study.respondentScores[s][i])]),
  );
  writeFileAtomic(join(dir, 'survey.json'), JSON.stringify(study, null, 2) + '\n');
  files.push('survey.json');
  return files;
}

const f3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(3));
const fp = (p: number | null | undefined) => (p === null || p === undefined ? '–' : p < 0.001 ? '<0.001' : p.toFixed(3));
const pText = (p: number | null | undefined) => (p === null || p === undefined ? 'p –' : p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/** Plain-text tables for the terminal (full precision is in --json and --out-dir). */
function formatSurvey(s: SurveyAnalysis): string {
  const out: string[] = [];
  if (s.title) out.push(s.title, '');
  out.push(`${count(s.respondents, 'respondent', 'respondents')}; missing answers: ${s.missing.rule} (${s.missing.imputed} filled, ${s.missing.unanswered} left missing)`, '');
  out.push('Reliability and convergent validity', pad(['construct', 'items', 'n', 'alpha', 'CR', 'AVE']));
  for (const [c, r] of [...Object.entries(s.reliability), ...Object.entries(s.second_order)]) out.push(pad([c, String(r.items.length), String(r.n), f3(r.alpha), f3(r.cr), f3(r.ave)]));
  out.push('', 'Loadings (one-factor, standardised) | alpha if deleted | corrected item-total');
  for (const [c, r] of Object.entries(s.reliability)) for (const it of r.items) out.push(pad([c, it, f3(r.loadings[it]), f3(r.alpha_if_deleted[it]), f3(r.item_total[it])]));
  if (s.fornell_larcker) {
    const fl = s.fornell_larcker;
    out.push('', `Fornell-Larcker (√AVE on the diagonal, n = ${fl.n})`, pad(['', ...fl.constructs]));
    fl.constructs.forEach((c, i) => out.push(pad([c + (fl.discriminant[c] ? '' : ' *'), ...fl.matrix[i].slice(0, i + 1).map(f3)])));
  }
  out.push('', 'Construct scores', pad(['score', 'n', 'mean', 'sd', 'min', 'max']));
  for (const [k, d] of Object.entries(s.scores.descriptives)) out.push(pad([k, String(d.n), f3(d.mean), f3(d.sd), f3(d.min), f3(d.max)]));
  for (const m of s.models) {
    out.push('', `${m.name} (${m.type}, ${m.dependent}${m.horizon ? ', ' + m.horizon : ''}): n = ${m.n}, ${m.type === 'ols' ? `R² = ${f3(m.r2)}, adj. R² = ${f3(m.adj_r2)}, F = ${f3(m.f)}, ${pText(m.f_p)}` : `McFadden R² = ${f3(m.r2)}, LR χ² = ${f3(m.lr_chi2)} (df ${m.lr_df}), ${pText(m.lr_p)}`}`);
    out.push(pad(m.type === 'ols' ? ['term', 'b', 'se', 'se HC3', 't', 'p', 'beta', 'VIF'] : ['term', 'b', 'se', 'z', 'p', 'odds ratio', 'OR low', 'OR high']));
    for (const c of m.coefficients) {
      out.push(pad(m.type === 'ols' ? [c.term, f3(c.estimate), f3(c.se), f3(c.se_hc3), f3(c.t), fp(c.p), f3(c.beta), f3(c.vif)] : [c.term, f3(c.estimate), f3(c.se), f3(c.t), fp(c.p), f3(c.odds_ratio), f3(c.or_ci?.[0]), f3(c.or_ci?.[1])]));
    }
    for (const h of m.hierarchy ?? []) {
      out.push(`  step ${h.step} + ${h.added.join(', ')}: ${m.type === 'ols' ? `ΔR² = ${f3(h.delta_r2)}, F(${h.df1}, ${h.df2}) = ${f3(h.f)}` : `LR χ²(${h.df1}) = ${f3(h.chi2)}`}, ${pText(h.p)}`);
    }
  }
  for (const k of s.skipped) out.push('', `skipped: ${k.name} (${k.reason})`);
  return out.join('\n') + '\n';
}

function pad(cells: string[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(14) : c.padStart(10))).join(' ');
}
