import { count } from '../../plural.ts';
import { wroteNote } from '../output.ts';
import type { Command } from 'commander';
import { checkOutputFolder, ensureFolder } from '../../io/atomic.ts';
import { join } from 'node:path';
import { UsageError } from '../../errors.ts';
import { CSV_EN, CSV_FR, writeCsv } from '../../io/csv.ts';
import { kanoFeatures, type KanoFeature } from '../../research/kano.ts';
import { readKanoAnswers } from '../../research/kano-read.ts';
import { KANO_CATEGORIES, kanoCategory } from '../../research/kano-table.ts';
import { formatAccounting } from '../../summary/export.ts';

interface KanoCliOptions {
  json?: boolean;
  outDir?: string;
  skipBadRows?: boolean;
  lang: string;
}

/** `clvkit kano <answers.csv> [--json] [--out-dir dir]`: parsing and output only; the analysis is in src/research. */
export function register(program: Command): void {
  program
    .command('kano')
    .description('Kano classification per feature (Kano et al. 1984) with Better/Worse coefficients (Berger et al. 1993)')
    .argument('<answers>', 'long-form answers: respondent, feature, functional, dysfunctional (or répondant, fonctionnalité, fonctionnel, dysfonctionnel); codes 1-5 or words')
    .option('--json', 'print {"features": [...]} as one JSON document on stdout')
    .option('--out-dir <dir>', 'write kano_features.csv and kano_answers.csv there')
    .option('--skip-bad-rows', 'count rows with a missing or unknown answer and keep going instead of stopping at the first')
    .option('--lang <en|fr>', 'CSV export dialect: en (, and .) or fr (; and decimal comma)', 'en')
    .action((file: string, o: KanoCliOptions) => {
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      if (o.outDir) checkOutputFolder(o.outDir, [file], ['kano_features.csv', 'kano_answers.csv']);
      const answers = readKanoAnswers(file, { skipBadRows: o.skipBadRows });
      const result = kanoFeatures(answers.rows);
      process.stderr.write(`${file}: ${formatAccounting(answers.accounting)}; ${count(result.respondents, 'respondent', 'respondents')}, ${count(result.features.length, 'feature', 'features')}\n`);
      if (o.outDir) {
        ensureFolder(o.outDir);
        const format = o.lang === 'fr' ? CSV_FR : CSV_EN;
        const header = [
          'feature', 'n', 'category', 'tie',
          ...KANO_CATEGORIES, ...KANO_CATEGORIES.map((c) => `share_${c}`),
          'better', 'worse', 'fong_difference', 'fong_threshold', 'fong_significant',
        ];
        const rows = result.features.map((f) => [
          f.feature, f.n, f.category, f.tie ? f.tie.join('/') : '',
          ...KANO_CATEGORIES.map((c) => f.counts[c]), ...KANO_CATEGORIES.map((c) => f.shares[c]),
          f.better, f.worse, f.fong.difference, f.fong.threshold, f.fong.significant,
        ]);
        writeCsv(join(o.outDir, 'kano_features.csv'), header, rows, format);
        writeCsv(
          join(o.outDir, 'kano_answers.csv'),
          ['respondent', 'feature', 'functional', 'dysfunctional', 'category'],
          answers.rows.map((r) => [r.respondent, r.feature, r.functional, r.dysfunctional, kanoCategory(r.functional, r.dysfunctional)]),
          format,
        );
        wroteNote(o, `wrote kano_features.csv and kano_answers.csv to ${o.outDir}`);
      }
      if (o.json) {
        const doc = {
          file,
          accounting: answers.accounting,
          respondents: result.respondents,
          features: result.features.map(featureJson),
          // every --json document carries its warnings; Kano has none of its own (bad rows are in the accounting)
          warnings: [] as string[],
        };
        process.stdout.write(JSON.stringify(doc) + '\n');
      } else {
        // with --out-dir the readable result makes way for the one line saying what was written: it goes to stderr
        (o.outDir ? process.stderr : process.stdout).write(kanoTable(result.features));
      }
    });
}

function featureJson(f: KanoFeature) {
  return { feature: f.feature, category: f.category, counts: f.counts, better: f.better, worse: f.worse, tie: f.tie, n: f.n, shares: f.shares, fong: f.fong };
}

const NAMES: Record<string, string> = { A: 'attractive', O: 'one-dimensional', M: 'must-be', I: 'indifferent', R: 'reverse', Q: 'questionable' };

function kanoTable(features: KanoFeature[]): string {
  const w = Math.max(7, ...features.map((f) => f.feature.length));
  const fmt = (x: number) => (Number.isNaN(x) ? '  –  ' : x.toFixed(2).padStart(5));
  let s = `${'feature'.padEnd(w)}  ${'n'.padStart(5)}  category          ${KANO_CATEGORIES.map((c) => c.padStart(4)).join('')}  better  worse\n`;
  for (const f of features) {
    const cat = `${f.category} ${NAMES[f.category]}`.padEnd(18);
    s += `${f.feature.padEnd(w)}  ${String(f.n).padStart(5)}  ${cat}${KANO_CATEGORIES.map((c) => String(f.counts[c]).padStart(4)).join('')}  ${fmt(f.better)}   ${fmt(f.worse)}`;
    if (f.tie) s += `  (tie: ${f.tie.join(', ')})`;
    else if (!f.fong.significant) s += '  (not significantly ahead of the second category, Fong 1996)';
    s += '\n';
  }
  return s;
}
