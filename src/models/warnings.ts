/**
 * What the user must know about a fit or a set of predictions, as plain sentences that travel with the
 * result (stderr, `warnings: [...]` in every `--json` document, the CSV outputs' accounting, the report).
 */
import { count, plural } from '../plural.ts';
import type { FitResultBase } from './types.ts';

/**
 * The warnings of a fit: its limit (a fit at a bound of the parameter space) and the engine's notes.
 *
 * @example
 * fitWarnings(fitBgNbd(summary)); // [] inside the parameter space
 */
export function fitWarnings(fitted: Pick<FitResultBase<Record<string, number>>, 'warning' | 'warnings'>): string[] {
  if (fitted.warnings) return [...fitted.warnings];
  return fitted.warning && fitted.warning !== 'built from parameters, not fitted' ? [fitted.warning] : [];
}

/**
 * The plain statement of BG/NBD's construction for one-time buyers: a customer without repeat purchases
 * cannot have dropped out (dropout happens only after a repeat purchase), so P(alive) = 1 (Fader, Hardie &
 * Lee 2005a; the MBG/NBD of Batislam et al. 2007 lets them drop out at time 0). Undefined for other models
 * or when every customer repeated.
 *
 * @example
 * oneTimeBuyerNote('bgnbd', [0, 2, 0]); // '2 of 3 customers (66.7%) have no repeat purchase: ...'
 */
export function oneTimeBuyerNote(model: string, frequency: ArrayLike<number>, limit?: string): string | undefined {
  if (model !== 'bgnbd' || limit === 'nbd') return undefined;
  let zero = 0;
  for (let i = 0; i < frequency.length; i++) if (frequency[i] === 0) zero++;
  if (zero === 0) return undefined;
  const share = ((100 * zero) / frequency.length).toFixed(1);
  return (
    `${zero} of ${count(frequency.length, 'customer', 'customers')} (${share}%) ${zero === 1 ? 'has' : 'have'} no repeat purchase: under BG/NBD ${zero === 1 ? 'it has' : 'they have'} P(alive) = 1 by the model's construction ` +
    '(dropout happens only after a repeat purchase), so their P(alive) says nothing about them; MBG/NBD or Pareto/NBD let them drop out (--model mbgnbd, paretonbd)'
  );
}

/**
 * A warning when every value of a prediction is 0 (or not finite), which is never a fact a model states
 * about a whole customer base.
 *
 * @example
 * allZeroWarning('expected transactions', [0, 0]); // 'every customer has expected transactions 0: ...'
 */
export function allZeroWarning(what: string, values: ArrayLike<number>): string | undefined {
  if (values.length === 0) return undefined;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && values[i] !== 0) return undefined;
  return `every customer has ${what} 0: this is not a finding but a sign of a degenerate fit or missing data; check the warnings above and the input`;
}
