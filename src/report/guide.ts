/**
 * The report's reading guide in English and French: the executive summary's sentences, what each
 * metric means (and does not), how to read each section, and the words of the lists to act on.
 * Kept apart from i18n.ts (the labels and formats) because it is prose that changes on its own.
 */
import { pluralText } from '../plural.ts';
import type { Lang } from './locales.ts';

const EN = {
  tableShown: (shown: string, total: string) => `Showing ${shown} of ${total} ${pluralText(total, 'row', 'rows')}; the CSV holds all of them.`,
  tableShownCapped: (shown: string, total: string, inCsv: string) => `Showing ${shown} of ${total} ${pluralText(total, 'row', 'rows')}; the CSV holds the first ${inCsv} (the whole list: clvkit segment --out-dir).`,
  downloadTableCsv: 'Download this table (CSV)',
  secSummary: 'Summary',
  summaryValue: (customers: string, value: string, months: string, model: string, margin: string, discount: string, currency: string) =>
    `The ${customers} customers are expected to bring ${value} over the next ${months} months (${model}; margin ${margin}, annual discount ${discount}, ${currency}).`,
  summaryNoValue: (customers: string, revenue: string) => `The ${customers} customers spent ${revenue} over the period; no model-based value could be computed for them (see Model fit).`,
  amountsIn: (code: string) => `amounts in ${code}`,
  valueInterval: (value: string, lo: string, hi: string, level: string, draws: string) => `${value} (${level} interval ${lo} to ${hi}, from ${draws} draws of the purchase model’s parameters; spend at its estimate)`,
  amountsNoCurrency: 'amounts without a currency (none given with --currency or found in the data)',
  summaryNoAmounts: (customers: string) => `The data has no amounts for its ${customers} customers, so value figures are not available; the counts and the purchase model below still hold.`,
  summaryConcentration: (topShare: string, valueShare: string) => `Value is concentrated: the top ${topShare} of customers hold ${valueShare} of it.`,
  summaryAtRisk: (n: string, spend: string, value: string) =>
    `${n} high-value customers are at risk (a top past-value tier and a probability of being alive under 50%): they spent ${spend} and are expected to bring only ${value}; they are listed below.`,
  summaryNoAtRisk: 'No high-value customer is at risk by the rule below (a top past-value tier and a probability of being alive under 50%).',
  summaryRecruitment: (recent: string, before: string, change: string) => `New customers in the last three full months: ${recent}, against ${before} in the three before (${change}).`,
  summaryRepeat: (share: string) => `${share} of customers came back for a second purchase.`,
  // definitions
  defTerms: 'Terms used in this section',
  defClv: 'CLV (customer lifetime value): the discounted margin a customer is expected to bring over the horizon, from the purchase model (how often, and for how long) times the spend model (how much per purchase) times the margin. It is an expectation for the customer, not a promise: about half of customers will do better and half worse.',
  defPAlive: 'P(alive): the model’s probability that the customer has not silently left, given when they last bought and how often they bought before. It is not a probability of buying next month, and under BG/NBD a customer who never bought twice has P(alive) = 1 by the model’s construction.',
  defTiers: 'Tiers (customer pyramid): customers ranked by CLV; Platinum is the top 1%, Gold the next 4%, Iron the next 15%, Lead the remaining 80% (Zeithaml, Rust & Lemon 2001).',
  defRfm: 'RFM segments: each customer gets a score of 1 to 5 for recency, frequency and monetary value (quintiles of the base); the named segments are rules on those scores (for example Champions: R ≥ 4, F ≥ 4, M ≥ 4).',
  defFlags: 'Flags: high value at risk = in a top past-value tier (the top 20% by past spend) with P(alive) under 50%; rising = the CLV tier is above the past-spend tier; lapsed = P(alive) under 10% or no purchase for over a year.',
  // how to read
  readKeyFigures: 'How to read: the figures describe the data as it is, before any model. A repeat rate far below 50% means most value rests on a minority of returning customers.',
  readRecruitment: 'How to read: recruitment counts first purchases per month; cohort retention follows each month’s new customers; a partial first or last month is left out of the per-month charts so it does not look like a drop.',
  readModel: 'How to read: the model is trusted when the predicted line follows the actual one on the holdout period (after the dashed line). A gap that widens means the predictions drift: use them for ranking rather than for exact amounts.',
  readValue: 'How to read: value is the discounted margin the customers are expected to bring over the horizon. The distribution is skewed: a few customers carry most of it.',
  readSegments: 'How to read: tiers rank by expected future value; RFM segments describe past behaviour. A customer in a high tier with a low RFM recency score is the one to call.',
  readActions: 'How to read: the first list is who to keep (valuable customers the model thinks may be leaving); the second is who matters most for the future. Sort any column by clicking its heading; download the whole list as CSV.',
  // lists
  secActions: 'Customers to act on',
  atRiskTitle: 'High-value customers at risk',
  atRiskIntro: (n: string) => `${n} ${pluralText(n, 'customer', 'customers')} in a top past-value tier (the top 20% by past spend) ${pluralText(n, 'has', 'have')} a probability of being alive under 50%, the rule of the “high value at risk” flag. Sorted by past spend.`,
  atRiskNone: 'No customer meets the rule (a top past-value tier and P(alive) under 50%).',
  topTitle: 'Top customers by CLV',
  topIntro: (n: string) => (pluralText(n, 'one', 'other') === 'one' ? `The ${n} customer with the highest lifetime value, with their probability of being alive.` : `The ${n} customers with the highest lifetime value, with their probability of being alive.`),
  pastSpend: 'Past spend',
  partialPeriod: (label: string) => `The last period (${label}) is partial and is left out.`,
  quantileLegend: 'quantile colour scale',
};

export type Guide = typeof EN;

const FR: Guide = {
  tableShown: (shown, total) => `${shown} ${pluralText(shown, 'ligne affichée', 'lignes affichées', 'fr')} sur ${total} ; le CSV les contient toutes.`,
  tableShownCapped: (shown, total, inCsv) => `${shown} ${pluralText(shown, 'ligne affichée', 'lignes affichées', 'fr')} sur ${total} ; le CSV contient les ${inCsv} premières (la liste complète : clvkit segment --out-dir).`,
  downloadTableCsv: 'Télécharger ce tableau (CSV)',
  secSummary: 'Synthèse',
  summaryValue: (customers, value, months, model, margin, discount, currency) =>
    `Les ${customers} clients devraient rapporter ${value} sur les ${months} prochains mois (${model} ; marge ${margin}, actualisation annuelle ${discount}, ${currency}).`,
  summaryNoValue: (customers, revenue) => `Les ${customers} clients ont dépensé ${revenue} sur la période ; aucune valeur fondée sur un modèle n’a pu être calculée (voir l’ajustement du modèle).`,
  amountsIn: (code) => `montants en ${code}`,
  valueInterval: (value, lo, hi, level, draws) => `${value} (intervalle à ${level} : ${lo} à ${hi}, d’après ${draws} tirages des paramètres du modèle d’achat ; dépense à son estimation)`,
  amountsNoCurrency: 'montants sans devise (aucune donnée par --currency ni trouvée dans les données)',
  summaryNoAmounts: (customers) => `Les données n’ont pas de montants pour leurs ${customers} clients : les chiffres de valeur ne sont pas disponibles ; les comptages et le modèle d’achat ci-dessous restent valables.`,
  summaryConcentration: (topShare, valueShare) => `La valeur est concentrée : les ${topShare} meilleurs clients en détiennent ${valueShare}.`,
  summaryAtRisk: (n, spend, value) =>
    `${n} clients de forte valeur sont en danger (palier de valeur passée élevé et probabilité d’être actif inférieure à 50 %) : ils ont dépensé ${spend} et ne devraient plus rapporter que ${value} ; ils sont listés plus bas.`,
  summaryNoAtRisk: 'Aucun client de forte valeur n’est en danger selon la règle ci-dessous (palier de valeur passée élevé et probabilité d’être actif inférieure à 50 %).',
  summaryRecruitment: (recent, before, change) => `Nouveaux clients sur les trois derniers mois complets : ${recent}, contre ${before} sur les trois précédents (${change}).`,
  summaryRepeat: (share) => `${share} des clients sont revenus pour un deuxième achat.`,
  defTerms: 'Termes utilisés dans cette section',
  defClv: 'Valeur vie (CLV) : la marge actualisée qu’un client devrait rapporter sur l’horizon, produit du modèle d’achat (à quelle fréquence, et combien de temps), du modèle de dépense (combien par achat) et de la marge. C’est une espérance pour le client, pas une promesse : environ la moitié des clients feront mieux, l’autre moitié moins bien.',
  defPAlive: 'P(actif) : la probabilité, selon le modèle, que le client ne soit pas parti sans le dire, compte tenu de la date de son dernier achat et de sa fréquence d’achat passée. Ce n’est pas la probabilité d’acheter le mois prochain ; avec le BG/NBD, un client qui n’a jamais racheté a P(actif) = 1 par construction du modèle.',
  defTiers: 'Paliers (pyramide des clients) : les clients classés par valeur vie ; Platine = le 1 % du haut, Or = les 4 % suivants, Fer = les 15 % suivants, Plomb = les 80 % restants (Zeithaml, Rust & Lemon 2001).',
  defRfm: 'Segments RFM : chaque client reçoit une note de 1 à 5 pour la récence, la fréquence et le montant (quintiles de la base) ; les segments nommés sont des règles sur ces notes (par exemple Champions : R ≥ 4, F ≥ 4, M ≥ 4).',
  defFlags: 'Signaux : forte valeur en danger = palier de valeur passée élevé (les 20 % qui ont le plus dépensé) et P(actif) inférieure à 50 % ; en progression = palier de valeur vie au-dessus du palier de dépense passée ; perdu = P(actif) inférieure à 10 % ou aucun achat depuis plus d’un an.',
  readKeyFigures: 'Comment lire : ces chiffres décrivent les données telles quelles, avant tout modèle. Un taux de réachat très inférieur à 50 % signifie que l’essentiel de la valeur repose sur une minorité de clients fidèles.',
  readRecruitment: 'Comment lire : le recrutement compte les premiers achats par mois ; la fidélité par cohorte suit les nouveaux clients de chaque mois ; un premier ou dernier mois incomplet est écarté des graphiques mensuels pour ne pas ressembler à une chute.',
  readModel: 'Comment lire : on peut se fier au modèle quand la courbe prédite suit la courbe réelle sur la période de validation (après le trait pointillé). Un écart qui se creuse signifie que les prédictions dérivent : s’en servir pour classer plutôt que pour des montants exacts.',
  readValue: 'Comment lire : la valeur est la marge actualisée que les clients devraient rapporter sur l’horizon. Sa distribution est très asymétrique : quelques clients en portent l’essentiel.',
  readSegments: 'Comment lire : les paliers classent par valeur future attendue ; les segments RFM décrivent le comportement passé. Un client d’un palier élevé avec une note de récence basse est celui à appeler.',
  readActions: 'Comment lire : la première liste dit qui retenir (des clients de valeur que le modèle voit partir) ; la seconde, qui compte le plus pour l’avenir. Cliquer sur l’en-tête d’une colonne la trie ; la liste complète se télécharge en CSV.',
  secActions: 'Clients à traiter',
  atRiskTitle: 'Clients de forte valeur en danger',
  atRiskIntro: (n) => `${n} ${pluralText(n, 'client', 'clients', 'fr')} d’un palier de valeur passée élevé (les 20 % qui ont le plus dépensé) ${pluralText(n, 'a une probabilité d’être actif', 'ont une probabilité d’être actifs', 'fr')} inférieure à 50 %, la règle du signal « forte valeur en danger ». Triés par dépense passée.`,
  atRiskNone: 'Aucun client ne remplit la règle (palier de valeur passée élevé et P(actif) inférieure à 50 %).',
  topTitle: 'Meilleurs clients par valeur vie',
  topIntro: (n) => (pluralText(n, 'one', 'other', 'fr') === 'one' ? `Le client de plus forte valeur vie, avec sa probabilité d’être encore actif.` : `Les ${n} clients de plus forte valeur vie, avec leur probabilité d’être encore actifs.`),
  pastSpend: 'Dépense passée',
  partialPeriod: (label) => `La dernière période (${label}) est incomplète et n’est pas montrée.`,
  quantileLegend: 'échelle de couleurs par quantiles',
};

/**
 * The reading guide in a language.
 *
 * @example
 * guide('fr').secSummary // 'Synthèse'
 */
export function guide(lang: Lang): Guide {
  return lang === 'fr' ? FR : EN;
}
