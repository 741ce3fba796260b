/**
 * Action flags of one customer:
 * - `high-value-at-risk`: in a top past-value tier (index < highValueTiers) with P(alive) < atRiskProbability;
 * - `rising`: the CLV tier is above (a smaller index than) the past-value tier;
 * - `lapsed`: P(alive) < lapsedProbability, or no purchase for more than lapsedDays days.
 *
 * @example
 * actionFlags({ valueTier: 3, pastTier: 0, probabilityAlive: 0.05, daysSinceLastPurchase: 400 });
 * // ['high-value-at-risk', 'lapsed']
 */
export function actionFlags(c, o = {}) {
    const flags = [];
    if (c.pastTier < (o.highValueTiers ?? 3) && c.probabilityAlive < (o.atRiskProbability ?? 0.5))
        flags.push('high-value-at-risk');
    if (c.valueTier < c.pastTier)
        flags.push('rising');
    if (c.probabilityAlive < (o.lapsedProbability ?? 0.1) || c.daysSinceLastPurchase > (o.lapsedDays ?? 365))
        flags.push('lapsed');
    return flags;
}
//# sourceMappingURL=flags.js.map