/**
 * The French text of the warnings the contact analysis (outcomes/interactions.ts) and the covariate
 * fits (models/covariates) write in English: each known message is matched by its shape and rewritten
 * with its figures; anything else is shown as it is, marked as English, so that nothing is hidden.
 */
import { plural } from '../../plural.ts';

type Rule = [RegExp, (m: RegExpMatchArray) => string];

const n = (s: string) => Number(s);
/** A figure of an English message written the French way (decimal comma). */
const dec = (s: string) => s.replace(/(\d)\.(\d)/g, '$1,$2');

const RULES: Rule[] = [
  [/^contacts are counted per (\d+)-day period \(the model's (\w+) is ([\d.]+) days\)$/, (m) => `les contacts sont comptés par période de ${m[1]} jours (l’unité du modèle, ${UNIT[m[2]] ?? m[2]}, dure ${dec(m[3])} jours)`],
  [/^(\d+) contact\(s\) are of customers without a purchase in the transactions and are not used$/, (m) => `${m[1]} ${plural(n(m[1]), 'contact concerne', 'contacts concernent', 'fr')} des personnes sans achat dans les transactions et ${plural(n(m[1]), 'n’est pas utilisé', 'ne sont pas utilisés', 'fr')}`],
  [/^(\d+) contact\(s\) are dated before the first purchase of any customer or after the end of observation and are not used$/, (m) => `${m[1]} ${plural(n(m[1]), 'contact est daté', 'contacts sont datés', 'fr')} d’avant le premier achat du client ou d’après la fin de l’observation et ${plural(n(m[1]), 'n’est pas utilisé', 'ne sont pas utilisés', 'fr')}`],
  [/^no --calibration-end: the holdout comparison is not made$/, () => 'pas de --calibration-end : la comparaison sur la période de validation n’est pas faite'],
  [/^spend not modelled \((.*)\): the plan's CLV counts transactions$/, (m) => `dépense non modélisée (${m[1]}, en anglais) : la valeur vie des plans compte des transactions`],
  [/^the transactions have no amounts: the plan's CLV is in discounted transactions$/, () => 'les transactions n’ont pas de montants : la valeur vie des plans est en transactions actualisées'],
  [/^contact plans: each customer's future periods take the mean of their transformed contacts over their calibration periods \(the plan adds its contacts to every period\); the CLV changes carry the uncertainty of the channel effects, which is not shown$/, () => 'plans de contacts : les périodes futures de chaque client reprennent la moyenne de ses contacts transformés sur ses périodes de calibration (le plan ajoute ses contacts à chaque période) ; les variations de valeur vie portent l’incertitude des effets des canaux, qui n’est pas montrée'],
  [/^covariate "(.*)" is constant \((.*)\)(?: over all customers)?, so its coefficient is not identified \(no standard error\)$/, (m) => `la covariable « ${m[1]} » est constante (${m[2]}) : son coefficient n’est pas identifié (pas d’erreur type)`],
  [/^coefficient (\w+):(.*) = (\S+) \(SE (\S+)\) is not identified by the data \(the likelihood is flat in that direction\): drop the covariate from that process or add an L2 penalty$/, (m) => `le coefficient ${m[1]}:${m[2]} = ${dec(m[3])} (erreur type ${dec(m[4])}) n’est pas identifié par les données (la vraisemblance est plate dans cette direction) : retirez la covariable de ce processus ou ajoutez une pénalité L2`],
  [/^covariate coefficients are shrunk by an L2 penalty of (\S+): their intervals come from the penalised information and are not exact maximum-likelihood intervals$/, (m) => `les coefficients des covariables sont réduits par une pénalité L2 de ${dec(m[1])} : leurs intervalles viennent de l’information pénalisée et ne sont pas des intervalles exacts du maximum de vraisemblance`],
  [/^(.*) with (?:time-varying )?covariates: the fit did not converge in (\d+) (?:Newton )?iterations; the estimates are the best point found$/, (m) => `${m[1]} avec covariables : l’ajustement n’a pas convergé en ${m[2]} itérations ; les estimations sont le meilleur point trouvé`],
  [/^categorical covariate "(.*)": indicators against the reference level "(.*)"$/, (m) => `covariable qualitative « ${m[1]} » : indicatrices par rapport au niveau de référence « ${m[2]} »`],
];

const UNIT: Record<string, string> = { day: 'le jour', week: 'la semaine', month: 'le mois', year: 'l’année' };

/**
 * A warning of the contact analysis in French (or marked as English when its shape is not known).
 *
 * @example
 * interactionWarningFr('no --calibration-end: the holdout comparison is not made');
 * // 'pas de --calibration-end : la comparaison sur la période de validation n’est pas faite'
 */
export function interactionWarningFr(text: string): string {
  if (text.startsWith('saturation view: ')) return `vue de saturation : ${interactionWarningFr(text.slice('saturation view: '.length))}`;
  for (const [re, fr] of RULES) {
    const m = text.match(re);
    if (m) return fr(m);
  }
  return `remarque (en anglais) : ${text}`;
}
