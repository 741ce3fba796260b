/**
 * The report section of `clvkit interactions` (English and French): which contacts change how often
 * customers buy and how long they stay. A pure builder: the analysis in, a Section out; the report
 * includes it when touchpoints are given.
 */
import { P_FLOOR } from '../../p-value-text.ts';
import { pluralText } from '../../plural.ts';
import { interactionWarningFr } from './interactions-warnings.ts';
import { effectIdentified, type ChannelEffect, type InteractionAnalysis } from '../../outcomes/interactions.ts';
import { coefficientsSpec } from '../charts/index.ts';
import type { Block, Section } from '../document.ts';
import { chart, displayName, type SectionContext } from './context.ts';

const WORDS = {
  en: {
    title: 'Contacts, purchasing and attrition',
    intro: (n: string, ch: string, t: string) => `Contacts of ${n} ${pluralText(n, 'customer', 'customers')} through ${ch} enter the Pareto/NBD model as time-varying covariates (${t} per period) of both the purchase rate and the dropout rate (Bachmann, Meierer & Näf 2021).`,
    lr: (stat: string, df: number, p: string) => `Likelihood-ratio test of the model with contacts against the model without them: statistic ${stat} on ${df} degrees of freedom, ${p}.`,
    lrVerdict: (significant: boolean) => (significant ? 'The contacts explain purchasing and attrition better than chance would (5% level).' : 'At the 5% level the data cannot tell the model with contacts from the model without them.'),
    accounting: (read: string, used: string, unmatched: string, outside: string) => `${read} ${pluralText(read, 'contact', 'contacts')} read, ${used} used in the model (${unmatched} of people without a purchase and ${outside} outside the observation period are left out).`,
    satChartTitle: 'Saturation: effect of each band of contacts per period',
    satAxis: 'log multiplier against no contact (95% interval)',
    read: 'How to read: a multiplier above 1 means that in a period with more contacts through the channel, customers buy more often (purchase) or leave sooner (dropout); below 1, less often or later. An interval that contains 1 means the data cannot tell the effect from none. In the saturation view, where the purchase multipliers of higher bands stop rising, more contacts stop helping; a dropout multiplier above 1 in a high band means more contacts drive customers away. These are associations given the model, not the results of an experiment: contacts aimed at customers about to buy or about to leave bias them.',
    defMultiplier: (t: string) => `Multiplier: e to the power of the coefficient, the factor on a customer’s mean purchase rate (or dropout rate) for one unit more of the covariate. Here contacts enter as ${t} per period: ${t === 'log' ? 'with log(1 + n), one unit is multiplying 1 + n by e ≈ 2.72 (from 0 to about 1.7 contacts, from 1 to about 4.4), so one contact instead of none multiplies the rate by the multiplier to the power 0.69' : t === 'count' ? 'one unit is one more contact in the period' : 'a unit is being in the band rather than at 0 contacts'}.`,
    defLr: 'Likelihood-ratio test: twice the gain in log-likelihood from adding the contacts to the model, compared with a chi-squared distribution with as many degrees of freedom as coefficients added. A small p means the gain is more than chance would give.',
    defHoldout: 'Holdout improvement: how much the mean absolute error of the transactions predicted per customer over the period after the calibration end drops when the model uses the contacts that actually happened, against the model without contacts.',
    defSaturation: 'Saturation view: the model refitted with contact bands (for example 1, 2–3, 4+ contacts in a period), each band’s multiplier against a period without contact.',
    termMultiplier: 'Multiplier', termLr: 'Likelihood-ratio test', termHoldout: 'Holdout improvement', termSaturation: 'Saturation view',
    holdout: (a: string, b: string, imp: string) => `On the holdout period the mean absolute error of the predicted transactions per customer goes from ${a} without contacts to ${b} with them (${imp}).`,
    chartTitle: 'Effect of contacts on the purchase and dropout rates',
    axis: 'log multiplier (95% interval); right of 0: more',
    effectsCaption: 'Multiplier of the mean rate per unit of the covariate, with 95% intervals',
    satCaption: 'Saturation: multiplier of a contact band against no contact in the period',
    planCaption: (h: string) => `Expected CLV change of each contact plan over ${h} periods, by value tier`,
    followCaption: 'Contacts followed by a purchase (95% Wilson interval)',
    channel: 'Channel', covariate: 'Covariate', process: 'Process', multiplier: 'Multiplier', interval: '95% interval', band: 'Contacts',
    purchase: 'purchase', dropout: 'dropout', both: 'both',
    plan: 'Plan', tier: 'Tier', customers: 'Customers', perCustomer: 'Change per customer', total: 'Total change',
    window: 'Within', days: (d: number) => `${d} days`, contacts: 'Contacts', share: 'Followed by a purchase',
    better: 'better', worse: 'worse',
    warnings: 'Warnings',
    notIdentified: 'not identified',
    allTiers: 'all customers',
    leftOut: (terms: string) => `Not identified by the data (the likelihood is flat in that direction), so left out of the chart: ${terms}.`,
  },
  fr: {
    title: 'Contacts, achats et attrition',
    intro: (n: string, ch: string, t: string) => `Les contacts de ${n} ${pluralText(n, 'client', 'clients', 'fr')} par ${ch} entrent dans le modèle Pareto/NBD comme covariables variables dans le temps (${t} par période) du taux d’achat et du taux d’abandon (Bachmann, Meierer & Näf 2021).`,
    lr: (stat: string, df: number, p: string) => `Test du rapport de vraisemblance du modèle avec contacts contre le modèle sans : statistique ${stat} pour ${df} degrés de liberté, ${p}.`,
    lrVerdict: (significant: boolean) => (significant ? 'Les contacts expliquent les achats et l’attrition mieux que le hasard (seuil de 5 %).' : 'Au seuil de 5 %, les données ne distinguent pas le modèle avec contacts du modèle sans.'),
    accounting: (read: string, used: string, unmatched: string, outside: string) => `${read} ${pluralText(read, 'contact lu', 'contacts lus', 'fr')}, ${used} ${pluralText(used, 'utilisé', 'utilisés', 'fr')} dans le modèle (${unmatched} de personnes sans achat et ${outside} hors de la période d’observation sont écartés).`,
    satChartTitle: 'Saturation : effet de chaque tranche de contacts par période',
    satAxis: 'log du multiplicateur par rapport à aucun contact (intervalle à 95 %)',
    read: 'Comment lire : un multiplicateur supérieur à 1 signifie que, dans une période avec plus de contacts par ce canal, les clients achètent plus souvent (achat) ou partent plus tôt (abandon) ; inférieur à 1, moins souvent ou plus tard. Un intervalle qui contient 1 signifie que les données ne distinguent pas l’effet d’une absence d’effet. Dans la vue de saturation, là où les multiplicateurs d’achat des tranches supérieures cessent de croître, davantage de contacts n’aident plus ; un multiplicateur d’abandon supérieur à 1 dans une tranche élevée signifie que davantage de contacts font fuir les clients. Ce sont des associations selon le modèle, pas les résultats d’une expérience : des contacts visant des clients sur le point d’acheter ou de partir les biaisent.',
    defMultiplier: (t: string) => `Multiplicateur : e à la puissance du coefficient, le facteur appliqué au taux d’achat moyen (ou au taux d’abandon) d’un client pour une unité de plus de la covariable. Ici les contacts entrent comme ${t} par période : ${t === 'log' ? 'avec log(1 + n), une unité revient à multiplier 1 + n par e ≈ 2,72 (de 0 à environ 1,7 contact, de 1 à environ 4,4) : un contact au lieu d’aucun multiplie donc le taux par le multiplicateur à la puissance 0,69' : t === 'count' ? 'une unité est un contact de plus dans la période' : 'une unité est le fait d’être dans la tranche plutôt qu’à 0 contact'}.`,
    defLr: 'Test du rapport de vraisemblance : deux fois le gain de log-vraisemblance obtenu en ajoutant les contacts au modèle, comparé à une loi du khi-deux à autant de degrés de liberté que de coefficients ajoutés. Un p faible signifie que le gain dépasse ce que donnerait le hasard.',
    defHoldout: 'Amélioration sur la période de validation : la baisse de l’erreur absolue moyenne des transactions prévues par client après la fin de la calibration quand le modèle utilise les contacts qui ont eu lieu, par rapport au modèle sans contacts.',
    defSaturation: 'Vue de saturation : le modèle réestimé avec des tranches de contacts (par exemple 1, 2–3, 4+ contacts dans une période), le multiplicateur de chaque tranche par rapport à une période sans contact.',
    termMultiplier: 'Multiplicateur', termLr: 'Test du rapport de vraisemblance', termHoldout: 'Amélioration en validation', termSaturation: 'Vue de saturation',
    holdout: (a: string, b: string, imp: string) => `Sur la période de validation, l’erreur absolue moyenne des transactions prévues par client passe de ${a} sans contacts à ${b} avec (${imp}).`,
    chartTitle: 'Effet des contacts sur les taux d’achat et d’abandon',
    axis: 'log du multiplicateur (intervalle à 95 %) ; à droite de 0 : plus',
    effectsCaption: 'Multiplicateur du taux moyen par unité de la covariable, avec intervalles à 95 %',
    satCaption: 'Saturation : multiplicateur d’une tranche de contacts par rapport à aucun contact dans la période',
    planCaption: (h: string) => `Variation attendue de la CLV de chaque plan de contacts sur ${h} périodes, par niveau de valeur`,
    followCaption: 'Contacts suivis d’un achat (intervalle de Wilson à 95 %)',
    channel: 'Canal', covariate: 'Covariable', process: 'Processus', multiplier: 'Multiplicateur', interval: 'Intervalle à 95 %', band: 'Contacts',
    purchase: 'achat', dropout: 'abandon', both: 'les deux',
    plan: 'Plan', tier: 'Niveau', customers: 'Clients', perCustomer: 'Variation par client', total: 'Variation totale',
    window: 'Dans les', days: (d: number) => `${d} jours`, contacts: 'Contacts', share: 'Suivis d’un achat',
    better: 'meilleure', worse: 'moins bonne',
    warnings: 'Avertissements',
    notIdentified: 'non identifié',
    allTiers: 'tous les clients',
    leftOut: (terms: string) => `Non identifiés par les données (la vraisemblance est plate dans cette direction), donc absents du graphique : ${terms}.`,
  },
};

/**
 * The section, or null when the analysis has no channel.
 *
 * @example
 * const section = interactionsSection(analysis, sectionContext('fr'));
 */
export function interactionsSection(a: InteractionAnalysis, ctx: SectionContext, options: { horizon?: number } = {}): Section | null {
  if (a.channels.length === 0) return null;
  const { f } = ctx;
  const w = WORDS[ctx.lang];
  const proc = (p: string) => (w as unknown as Record<string, string>)[p] ?? p;
  const sep = ctx.lang === 'fr' ? ' ; ' : ', ';
  const interval = (lo: number, hi: number) => `[${f.num(lo, 2)}${sep}${f.num(hi, 2)}]`;
  const significant = a.lrTest.p < 0.05;
  const pText = a.lrTest.p < P_FLOOR ? `p < ${f.num(P_FLOOR, 4)}` : `p = ${f.num(a.lrTest.p, 4)}`;
  const blocks: Block[] = [
    { kind: 'note', text: w.read },
    { kind: 'paragraph', text: w.intro(f.int(a.customers), a.channels.join(', '), a.transform) },
    { kind: 'paragraph', text: w.accounting(f.int(a.contacts.read), f.int(Math.max(0, a.contacts.used - a.contacts.unmatched - a.contacts.outside)), f.int(a.contacts.unmatched), f.int(a.contacts.outside)) },
    { kind: 'paragraph', text: `${w.lr(f.num(a.lrTest.statistic, 1), a.lrTest.df, pText)} ${w.lrVerdict(significant)}` },
  ];
  if (a.holdout) {
    const imp = a.holdout.improvement;
    blocks.push({ kind: 'paragraph', text: w.holdout(f.num(a.holdout.maeWithout, 3), f.num(a.holdout.maeWith, 3), `${f.pct(Math.abs(imp), 1)} ${imp >= 0 ? w.better : w.worse}`) });
  }
  // a coefficient the data do not identify (the fit's own rule: no finite SE, SE above 50 or |γ| above 8)
  // has no meaningful interval: named, not drawn
  const identified = (e: ChannelEffect) => effectIdentified(e);
  const multiplier = (e: ChannelEffect) => (identified(e) ? f.num(e.multiplier, 3) : w.notIdentified);
  const range = (e: ChannelEffect) => (identified(e) ? interval(e.lower, e.upper) : '–');
  const coefs = a.effects.filter(identified).map((e) => ({ term: `${e.covariate} · ${proc(e.process)}`, estimate: e.estimate, lower: Math.log(e.lower), upper: Math.log(e.upper), p: e.p }));
  blocks.push(
    chart('chart-interactions', w.chartTitle, coefficientsSpec({ coefficients: coefs }, { title: w.chartTitle, x: w.axis, p: 'p' }), {
      name: 'contact-effects.csv',
      header: ['channel', 'covariate', 'process', 'estimate', 'se', 'multiplier', 'lower', 'upper', 'p'],
      rows: a.effects.map((e) => [e.channel, e.covariate, e.process, e.estimate, e.se, e.multiplier, e.lower, e.upper, e.p]),
    }),
  );
  const leftOut = (list: ChannelEffect[], term: (e: ChannelEffect) => string) => {
    const out = list.filter((e) => !identified(e)).map(term);
    if (out.length > 0) blocks.push({ kind: 'paragraph', text: w.leftOut(out.join(', ')) });
  };
  leftOut(a.effects, (e) => `${e.covariate} · ${proc(e.process)}`);
  blocks.push({
    kind: 'table',
    caption: w.effectsCaption,
    header: [w.channel, w.covariate, w.process, w.multiplier, w.interval],
    rows: a.effects.map((e) => [e.channel, e.covariate, proc(e.process), multiplier(e), range(e)]),
    numeric: [false, false, false, true, true],
  });
  if (a.saturation.length > 0) {
    const sat = a.saturation.filter(identified).map((e) => ({ term: `${e.channel} ${e.band} · ${proc(e.process)}`, estimate: e.estimate, lower: Math.log(e.lower), upper: Math.log(e.upper), p: e.p }));
    blocks.push(
      chart('chart-interactions-saturation', w.satChartTitle, coefficientsSpec({ coefficients: sat }, { title: w.satChartTitle, x: w.satAxis, p: 'p' }), {
        name: 'contact-saturation.csv',
        header: ['channel', 'band', 'process', 'estimate', 'se', 'multiplier', 'lower', 'upper', 'p'],
        rows: a.saturation.map((e) => [e.channel, e.band, e.process, e.estimate, e.se, e.multiplier, e.lower, e.upper, e.p]),
      }),
    );
    leftOut(a.saturation as ChannelEffect[], (e) => `${e.channel} ${(e as ChannelEffect & { band: string }).band} · ${proc(e.process)}`);
  }
  blocks.push({
    kind: 'table',
    caption: w.satCaption,
    header: [w.channel, w.band, w.process, w.multiplier, w.interval],
    rows: a.saturation.map((e) => [e.channel, e.band, proc(e.process), multiplier(e), range(e)]),
    numeric: [false, false, false, true, true],
  });
  if (a.plan.length > 0) {
    blocks.push({
      kind: 'table',
      caption: w.planCaption(f.int(options.horizon ?? 52)),
      header: [w.plan, w.tier, w.customers, w.perCustomer, w.total],
      rows: a.plan.map((p) => [`${p.channel} +${p.contacts}`, p.tier === 'all' ? w.allTiers : displayName(ctx, p.tier), f.int(p.customers), f.num(p.change_per_customer, 2), f.num(p.change_total, 0)]),
      numeric: [false, false, true, true, true],
    });
  }
  blocks.push({
    kind: 'table',
    caption: w.followCaption,
    header: [w.channel, w.window, w.contacts, w.share, w.interval],
    rows: a.tables.followedByPurchase.map((r) => [r.channel, w.days(r.window_days), f.int(r.contacts), f.pct(r.share, 1), `[${f.pct(r.lower, 1)}${sep}${f.pct(r.upper, 1)}]`]),
    numeric: [false, false, true, true, true],
  });
  if (a.warnings.length > 0) blocks.push({ kind: 'heading', text: w.warnings }, { kind: 'list', items: ctx.lang === 'fr' ? a.warnings.map(interactionWarningFr) : a.warnings });
  blocks.push({
    kind: 'definitions',
    items: [
      { term: w.termMultiplier, text: w.defMultiplier(a.transform.startsWith('bands') ? 'bands' : a.transform) },
      { term: w.termLr, text: w.defLr },
      ...(a.holdout ? [{ term: w.termHoldout, text: w.defHoldout }] : []),
      { term: w.termSaturation, text: w.defSaturation },
    ],
  });
  return { id: 'interactions', title: w.title, blocks };
}
