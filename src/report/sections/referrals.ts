/**
 * The report section "Customers as partners": customer referral value (Kumar, Petersen & Leone 2010), the
 * CLV × CRV matrix with the action per cell (KPL 2007), stated versus actual recommendation when NPS scores
 * are given, and customer engagement value (Kumar et al. 2010). A pure builder: results in, blocks out;
 * its words in English and French live here to keep the shared message table small.
 */
import { pluralText } from '../../plural.ts';
import type { StatedVersusActual } from '../../research/nps-referrals.ts';
import type { EngagementValue } from '../../value/referrals/engagement.ts';
import type { ReferralValue } from '../../value/referrals/crv.ts';
import type { ValueCell, ValueMatrix } from '../../value/referrals/matrix.ts';
import type { Block, Section } from '../document.ts';
import type { SectionContext } from './context.ts';

/**
 * What the section shows (the parts of a ReferralAnalysis, plus NPS when given).
 *
 * @example
 * const input: ReferralSectionInput = { crv: a.crv, matrix: a.matrix, engagement: a.engagement, warnings: a.warnings, referrals: a.matched.length, timeUnit: 'week' };
 */
export interface ReferralSectionInput {
  crv: ReferralValue;
  matrix: ValueMatrix;
  engagement: EngagementValue;
  /** Referrals matched (after the end of observation left out). */
  referrals: number;
  unmatchedReferred?: number;
  nps?: StatedVersusActual;
  /** Time unit of the referral rates (the model's: day, week or month). */
  timeUnit: string;
  warnings: string[];
}

const TEXT = {
  en: {
    title: 'Customers as partners: referral value',
    intro: (crv: string, one: string, two: string, refs: string, past: string, future: string) =>
      `The customers' ${refs} referrals are worth ${crv} (customer referral value, CRV): ${one} from referred customers who would not have joined otherwise (their own CLV) and ${two} of acquisition costs saved on those who would have. Of this, ${past} comes from referrals already made and ${future} from referrals projected over the horizon.`,
    shareData: (s: string, n: string) => `Share of type-one referrals (would not have joined otherwise): ${s}, measured on ${n} referrals of known type.`,
    shareOption: (s: string) => `Share of type-one referrals (would not have joined otherwise): ${s}. This is an assumption given as an option, not a figure from the data; the CRV moves with it.`,
    matrix: 'CLV × CRV matrix',
    matrixText: (clv: string, crv: string, source: string) => `Customers are high on a measure when above its cut-off (${source}): CLV ${clv}, CRV ${crv}.`,
    median: 'the medians',
    given: 'given cut-offs',
    cell: 'Cell',
    customers: 'Customers',
    clvMean: 'Mean CLV',
    crvMean: 'Mean CRV',
    action: 'Recommended action',
    cells: { champions: 'Champions', affluents: 'Affluents', advocates: 'Advocates', misers: 'Misers' } as Record<ValueCell, string>,
    actions: {
      champions: 'keep them engaged: reward both their purchases and their referrals',
      affluents: 'encourage referrals: referral incentives, invite them to recommend',
      advocates: 'encourage purchases: up-sell and cross-sell',
      misers: 'encourage both at low cost; do not over-invest',
    } as Record<ValueCell, string>,
    nps: 'Stated versus actual recommendation',
    npsText: (matched: string) => `Among the ${matched} ${pluralText(matched, 'customer', 'customers')} who answered the recommendation question:`,
    category: 'Category',
    referrers: 'Referred someone',
    rate: (unit: string) => `Referrals per ${unit}`,
    crvCi: 'Mean CRV (interval)',
    categories: { promoter: 'Promoters', passive: 'Passives', detractor: 'Detractors' },
    predictsYes: (d: string, lo: string, hi: string) => `Stated intent predicts referral value here: promoters' mean CRV exceeds detractors' by ${d} (interval ${lo} to ${hi}).`,
    predictsNo: (d: string, lo: string, hi: string) => `Stated intent does not reliably predict referral value here: the difference between promoters' and detractors' mean CRV is ${d}, with an interval from ${lo} to ${hi} that includes zero or lies below it.`,
    predictsUnknown: 'Promoters and detractors are both needed to compare stated intent with actual referrals.',
    engagement: 'Customer engagement value',
    component: 'Component',
    total: 'Total',
    components: { clv: 'Lifetime value (CLV)', crv: 'Referral value (CRV)', influencer: 'Influencer value', knowledge: 'Knowledge value', cev: 'Engagement value (CEV)' },
    notGiven: 'not given',
    warnings: 'Caveats',
  },
  fr: {
    title: 'Les clients partenaires : valeur de recommandation',
    intro: (crv: string, one: string, two: string, refs: string, past: string, future: string) =>
      `Les ${refs} parrainages des clients valent ${crv} (valeur de recommandation, CRV) : ${one} de clients parrainés qui ne seraient pas venus sans cela (leur propre CLV) et ${two} de coûts d'acquisition économisés sur ceux qui seraient venus de toute façon. ${past} viennent des parrainages déjà faits et ${future} des parrainages projetés sur l'horizon.`,
    shareData: (s: string, n: string) => `Part des parrainages de type un (ne seraient pas venus sans cela) : ${s}, mesurée sur ${n} parrainages de type connu.`,
    shareOption: (s: string) => `Part des parrainages de type un (ne seraient pas venus sans cela) : ${s}. C'est une hypothèse donnée en option, pas un chiffre des données ; la CRV en dépend.`,
    matrix: 'Matrice CLV × CRV',
    matrixText: (clv: string, crv: string, source: string) => `Un client est haut sur une mesure au-dessus de son seuil (${source}) : CLV ${clv}, CRV ${crv}.`,
    median: 'les médianes',
    given: 'seuils donnés',
    cell: 'Case',
    customers: 'Clients',
    clvMean: 'CLV moyenne',
    crvMean: 'CRV moyenne',
    action: 'Action recommandée',
    cells: { champions: 'Champions', affluents: 'Aisés', advocates: 'Ambassadeurs', misers: 'Avares' } as Record<ValueCell, string>,
    actions: {
      champions: 'les garder engagés : récompenser leurs achats et leurs parrainages',
      affluents: 'encourager les parrainages : incitations, les inviter à recommander',
      advocates: 'encourager les achats : montée en gamme et ventes croisées',
      misers: 'encourager les deux à faible coût ; ne pas surinvestir',
    } as Record<ValueCell, string>,
    nps: 'Recommandation déclarée et recommandation réelle',
    npsText: (matched: string) => `Parmi les ${matched} clients qui ont répondu à la question de recommandation :`,
    category: 'Catégorie',
    referrers: 'Ont parrainé',
    rate: (unit: string) => `Parrainages par ${({ day: 'jour', week: 'semaine', month: 'mois' } as Record<string, string>)[unit] ?? unit}`,
    crvCi: 'CRV moyenne (intervalle)',
    categories: { promoter: 'Promoteurs', passive: 'Passifs', detractor: 'Détracteurs' },
    predictsYes: (d: string, lo: string, hi: string) => `L'intention déclarée prédit ici la valeur de recommandation : la CRV moyenne des promoteurs dépasse celle des détracteurs de ${d} (intervalle ${lo} à ${hi}).`,
    predictsNo: (d: string, lo: string, hi: string) => `L'intention déclarée ne prédit pas sûrement la valeur de recommandation ici : l'écart de CRV moyenne entre promoteurs et détracteurs est de ${d}, avec un intervalle de ${lo} à ${hi} qui contient zéro ou reste en dessous.`,
    predictsUnknown: 'Il faut des promoteurs et des détracteurs pour comparer intention déclarée et parrainages réels.',
    engagement: "Valeur d'engagement client",
    component: 'Composante',
    total: 'Total',
    components: { clv: 'Valeur vie client (CLV)', crv: 'Valeur de recommandation (CRV)', influencer: "Valeur d'influence", knowledge: 'Valeur de connaissance', cev: "Valeur d'engagement (CEV)" },
    notGiven: 'non fournie',
    warnings: 'Réserves',
  },
};

/**
 * The referral section: CRV with its parts and the type-one share stated, the matrix with actions,
 * NPS stated versus actual, engagement value by component, and the caveats (warnings, in English).
 *
 * @example
 * const section = referralSection(input, sectionContext('fr'));
 * section.blocks[0]; // the paragraph with the total CRV
 */
export function referralSection(r: ReferralSectionInput, ctx: SectionContext): Section {
  const { f } = ctx;
  const t = TEXT[ctx.lang];
  const c = r.crv;
  const s = c.typeOneShare;
  const blocks: Block[] = [
    { kind: 'paragraph', text: t.intro(f.money(c.total.crv), f.money(c.total.typeOne), f.money(c.total.typeTwo), f.int(r.referrals), f.money(c.total.past), f.money(c.total.future)) },
    { kind: 'paragraph', text: s.source === 'data' ? t.shareData(f.pct(s.value, 1), f.int(s.known)) : t.shareOption(f.pct(s.value, 1)) },
    { kind: 'heading', text: t.matrix },
    { kind: 'paragraph', text: t.matrixText(f.money(r.matrix.cutoffs.clv), f.money(r.matrix.cutoffs.crv), r.matrix.cutoffs.source === 'median' ? t.median : t.given) },
    {
      kind: 'table',
      header: [t.cell, t.customers, t.clvMean, t.crvMean, t.action],
      rows: r.matrix.cells.map((x) => [t.cells[x.cell], f.int(x.customers), x.customers ? f.money(x.clv_mean) : '–', x.customers ? f.money(x.crv_mean) : '–', t.actions[x.cell]]),
      numeric: [false, true, true, true, false],
    },
  ];
  if (r.nps) {
    const n = r.nps;
    blocks.push({ kind: 'heading', text: t.nps }, { kind: 'paragraph', text: t.npsText(f.int(n.matched)) });
    blocks.push({
      kind: 'table',
      header: [t.category, t.customers, t.referrers, t.rate(r.timeUnit), t.crvCi],
      rows: n.groups.map((g) => [
        t.categories[g.category],
        f.int(g.customers),
        g.customers ? f.pct(g.referrers.rate, 1) : '–',
        Number.isFinite(g.referral_rate) ? f.num(g.referral_rate, 4) : '–',
        Number.isFinite(g.crv_lower) ? `${f.money(g.crv_mean)} (${f.money(g.crv_lower)} – ${f.money(g.crv_upper)})` : Number.isFinite(g.crv_mean) ? f.money(g.crv_mean) : '–',
      ]),
      numeric: [false, true, true, true, true],
    });
    const d = n.difference;
    blocks.push({
      kind: 'paragraph',
      text: n.predicts === 'unknown' ? t.predictsUnknown : (n.predicts === 'yes' ? t.predictsYes : t.predictsNo)(f.money(d.crv), f.money(d.crv_lower), f.money(d.crv_upper)),
    });
  }
  const e = r.engagement.totals;
  blocks.push({ kind: 'heading', text: t.engagement });
  blocks.push({
    kind: 'table',
    header: [t.component, t.total],
    rows: [
      [t.components.clv, f.money(e.clv)],
      [t.components.crv, f.money(e.crv)],
      [t.components.influencer, e.influencer === null ? t.notGiven : f.money(e.influencer)],
      [t.components.knowledge, e.knowledge === null ? t.notGiven : f.money(e.knowledge)],
      [t.components.cev, f.money(e.cev)],
    ],
    numeric: [false, true],
  });
  if (r.warnings.length) blocks.push({ kind: 'heading', text: t.warnings }, { kind: 'list', items: r.warnings });
  return { id: 'referrals', title: t.title, blocks };
}
