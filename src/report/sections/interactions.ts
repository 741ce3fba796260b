/**
 * The report section of `clvkit interactions` (English and French): which contacts change how often
 * customers buy and how long they stay. A pure builder: the analysis in, a Section out; the report
 * includes it when touchpoints are given.
 */
import type { InteractionAnalysis } from '../../outcomes/interactions.ts';
import { coefficientsSpec } from '../charts/index.ts';
import type { Block, Section } from '../document.ts';
import { chart, displayName, type SectionContext } from './context.ts';

const WORDS = {
  en: {
    title: 'Contacts, purchasing and attrition',
    intro: (n: string, ch: string, t: string) => `Contacts of ${n} customers through ${ch} enter the Pareto/NBD model as time-varying covariates (${t} per period) of both the purchase rate and the dropout rate (Bachmann, Meierer & Näf 2021).`,
    lr: (stat: string, df: number, p: string) => `With the contacts the model fits the data better: likelihood-ratio statistic ${stat} on ${df} degrees of freedom, p = ${p}.`,
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
  },
  fr: {
    title: 'Contacts, achats et attrition',
    intro: (n: string, ch: string, t: string) => `Les contacts de ${n} clients par ${ch} entrent dans le modèle Pareto/NBD comme covariables variables dans le temps (${t} par période) du taux d’achat et du taux d’abandon (Bachmann, Meierer & Näf 2021).`,
    lr: (stat: string, df: number, p: string) => `Avec les contacts, le modèle s’ajuste mieux aux données : rapport de vraisemblance ${stat} pour ${df} degrés de liberté, p = ${p}.`,
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
  const blocks: Block[] = [
    { kind: 'paragraph', text: w.intro(f.int(a.customers), a.channels.join(', '), a.transform) },
    { kind: 'paragraph', text: w.lr(f.num(a.lrTest.statistic, 1), a.lrTest.df, a.lrTest.p < 1e-4 ? (ctx.lang === 'fr' ? '< 0,0001' : '< 0.0001') : f.num(a.lrTest.p, 4)) },
  ];
  if (a.holdout) {
    const imp = a.holdout.improvement;
    blocks.push({ kind: 'paragraph', text: w.holdout(f.num(a.holdout.maeWithout, 3), f.num(a.holdout.maeWith, 3), `${f.pct(Math.abs(imp), 1)} ${imp >= 0 ? w.better : w.worse}`) });
  }
  const coefs = a.effects.map((e) => ({ term: `${e.covariate} · ${proc(e.process)}`, estimate: e.estimate, lower: Math.log(e.lower), upper: Math.log(e.upper), p: e.p }));
  blocks.push(
    chart('chart-interactions', w.chartTitle, coefficientsSpec({ coefficients: coefs }, { title: w.chartTitle, x: w.axis, p: 'p' }), {
      name: 'contact-effects.csv',
      header: ['channel', 'covariate', 'process', 'estimate', 'se', 'multiplier', 'lower', 'upper', 'p'],
      rows: a.effects.map((e) => [e.channel, e.covariate, e.process, e.estimate, e.se, e.multiplier, e.lower, e.upper, e.p]),
    }),
  );
  blocks.push({
    kind: 'table',
    caption: w.effectsCaption,
    header: [w.channel, w.covariate, w.process, w.multiplier, w.interval],
    rows: a.effects.map((e) => [e.channel, e.covariate, proc(e.process), f.num(e.multiplier, 3), interval(e.lower, e.upper)]),
    numeric: [false, false, false, true, true],
  });
  blocks.push({
    kind: 'table',
    caption: w.satCaption,
    header: [w.channel, w.band, w.process, w.multiplier, w.interval],
    rows: a.saturation.map((e) => [e.channel, e.band, proc(e.process), f.num(e.multiplier, 3), interval(e.lower, e.upper)]),
    numeric: [false, false, false, true, true],
  });
  if (a.plan.length > 0) {
    blocks.push({
      kind: 'table',
      caption: w.planCaption(f.int(options.horizon ?? 52)),
      header: [w.plan, w.tier, w.customers, w.perCustomer, w.total],
      rows: a.plan.map((p) => [`${p.channel} +${p.contacts}`, displayName(ctx, p.tier), f.int(p.customers), f.num(p.change_per_customer, 2), f.num(p.change_total, 0)]),
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
  if (a.warnings.length > 0) blocks.push({ kind: 'list', items: a.warnings.map((x) => `${w.warnings}: ${x}`) });
  return { id: 'interactions', title: w.title, blocks };
}
