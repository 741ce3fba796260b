import { count } from '../../plural.ts';
import { writeFileAtomic } from '../../io/atomic.ts';
import { CSV_EN, CSV_FR, toCsv } from '../../io/csv.ts';
import { simulateSurvey, type SurveyTruth } from '../../research/simulate-survey.ts';

/**
 * `clvkit simulate --survey`: writes a synthetic interaction-orientation study (the columns of
 * data/io-study.json) with known true loadings and effects, prints the truth on stderr and returns it.
 *
 * @example
 * const { truth } = await simulateSurveyCommand({ seed: 1, out: 'io-responses.csv' });
 */
export async function simulateSurveyCommand(options: { seed?: number; respondents?: number; out?: string; lang?: 'en' | 'fr'; json?: boolean }): Promise<{ truth: SurveyTruth }> {
  const sim = simulateSurvey({ seed: options.seed ?? 1, respondents: options.respondents ?? 211 });
  const text = toCsv(sim.header, sim.rows, options.lang === 'fr' ? CSV_FR : CSV_EN);
  if (options.out) writeFileAtomic(options.out, text);
  else process.stdout.write(text);
  const wrote = `wrote ${count(sim.rows.length, 'synthetic survey response', 'synthetic survey responses')}${options.out ? ` to ${options.out}` : ''} (seed ${sim.truth.seed}); analyse with: clvkit survey ${options.out ?? '<file>'} --template io`;
  // the one line saying what was written goes to stdout when the data went to a file (stdout is free), unless --json holds it
  if (options.out && !options.json) process.stdout.write(wrote + '\n');
  else process.stderr.write(wrote + '\n');
  const lines = ['true IO effects:'];
  for (const [model, eff] of Object.entries(sim.truth.effects)) lines.push(`  ${model}: ${Object.entries(eff).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  process.stderr.write(lines.join('\n') + '\n');
  return { truth: sim.truth };
}
