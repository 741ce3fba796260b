import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../src/models/bgnbd.ts';
import { fitGammaGamma } from '../../src/models/gammagamma.ts';
import { fitError, sectionContext } from '../../src/report/sections/context.ts';

/** The message a model throws (the real one, not a copy of its text). */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}

describe('fit failures in the report language', () => {
  const fr = sectionContext('fr');
  const en = sectionContext('en');
  const failures: Record<string, string> = {
    noRepeat: thrown(() => fitBgNbd({ frequency: new Float64Array(3), recency: new Float64Array(3), T: Float64Array.from([5, 6, 7]) })),
    empty: thrown(() => fitBgNbd({ frequency: new Float64Array(0), recency: new Float64Array(0), T: new Float64Array(0) })),
    spend: thrown(() => fitGammaGamma({ frequency: Float64Array.from([0, 0]), monetaryValue: Float64Array.from([0, 0]) })),
  };

  it('every failure a report can meet is said in French, with no English left', () => {
    // A non-converged fit cannot be provoked on demand (the optimiser falls back to Nelder-Mead):
    // its message is matched on the phrase the optimiser uses, checked below to be in its source.
    failures.notConverged = 'bgnbd: the fit did not converge after 500 iterations (best point r=1)';
    for (const [name, message] of Object.entries(failures)) {
      const text = fitError(fr, message);
      expect(text, name).not.toContain(message);
      expect(text, name).not.toMatch(/\b(the|customers?|could not|did not|needs|found)\b/);
    }
  });

  it('matches phrases that the models really use', () => {
    const dir = join(import.meta.dirname, '../../src/models');
    const source = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const { match } of fr.m.fitErrors) expect(source, match).toContain(match);
  });

  it('keeps the model\'s own words in English, and marks an unknown message as English in French', () => {
    expect(fitError(en, failures.notConverged)).toBe(failures.notConverged);
    expect(fitError(fr, 'bgnbd: something new')).toBe('message du modèle, en anglais : « bgnbd: something new »');
  });
});
