/**
 * Customer engagement value, Kumar, Aksoy, Donkers, Venkatesan, Wiesel & Tillmanns (2010), "Undervalued or
 * overvalued customers: capturing total customer engagement value", Journal of Service Research 13(3):
 * CEV = CLV + CRV + CIV (influencer value) + CKV (knowledge value), each component kept apart.
 */
import { ClvkitError } from '../../errors.ts';

/**
 * Per-customer components (customers' order); influencer and knowledge values when a file gives them.
 *
 * @example
 * const parts: EngagementInputs = { clv: [100], crv: [55.5], influencer: [12] };
 */
export interface EngagementInputs {
  clv: ArrayLike<number>;
  crv: ArrayLike<number>;
  influencer?: ArrayLike<number>;
  knowledge?: ArrayLike<number>;
}

/**
 * @example
 * engagementValue({ clv: [1], crv: [2] }).totals.cev; // 3
 */
export interface EngagementValue {
  cev: Float64Array;
  totals: { clv: number; crv: number; influencer: number | null; knowledge: number | null; cev: number };
  /** Components present (clv and crv always). */
  components: ('clv' | 'crv' | 'influencer' | 'knowledge')[];
}

/**
 * CEV_i = CLV_i + CRV_i + CIV_i + CKV_i (Kumar et al. 2010, JSR 13(3), eq. 1); a component without a
 * source is left out of the sum and reported as null, never as 0.
 *
 * @example
 * const e = engagementValue({ clv: [100, 20], crv: [55.5, 0], knowledge: [5, 0] });
 * e.cev; // [160.5, 20]
 */
export function engagementValue(p: EngagementInputs): EngagementValue {
  const n = p.clv.length;
  for (const [name, a] of [['crv', p.crv], ['influencer', p.influencer], ['knowledge', p.knowledge]] as const) {
    if (a && a.length !== n) throw new ClvkitError(`engagement value: ${a.length} ${name} values for ${n} customers`);
  }
  const cev = new Float64Array(n);
  const totals = { clv: 0, crv: 0, influencer: p.influencer ? 0 : null, knowledge: p.knowledge ? 0 : null, cev: 0 } as EngagementValue['totals'];
  for (let i = 0; i < n; i++) {
    const civ = p.influencer ? p.influencer[i] : 0;
    const ckv = p.knowledge ? p.knowledge[i] : 0;
    cev[i] = p.clv[i] + p.crv[i] + civ + ckv;
    totals.clv += p.clv[i];
    totals.crv += p.crv[i];
    if (p.influencer) totals.influencer! += civ;
    if (p.knowledge) totals.knowledge! += ckv;
    totals.cev += cev[i];
  }
  const components: EngagementValue['components'] = ['clv', 'crv'];
  if (p.influencer) components.push('influencer');
  if (p.knowledge) components.push('knowledge');
  return { cev, totals, components };
}
