import type { CustomerFacts } from './customers.ts';
/**
 * One logistic driver model, or why it could not be fitted.
 *
 * @example
 * const [conv]: DriverModel[] = driverModels(facts, 30.4375); // conv.coefficients?.[1].odds_ratio
 */
export interface DriverModel {
    outcome: 'conversion' | 'retention';
    definition: string;
    /** Customers in the model and those with the outcome. */
    n: number;
    events: number;
    /** Customers left out and why. */
    excluded: Record<string, number>;
    /** Reference level of the channel dummies (the most frequent channel), null without channels. */
    reference_channel: string | null;
    coefficients?: {
        term: string;
        estimate: number;
        se: number;
        p: number;
        odds_ratio: number;
        or_ci: [number, number];
    }[];
    pseudo_r2?: number;
    lr_chi2?: number;
    lr_p?: number;
    error?: string;
}
/**
 * Logistic models of conversion (a second purchase within `conversionDays` of the first, among
 * customers observed that long) and of retention (at least one purchase in the last `activeDays`
 * before the end, among customers acquired before that window) on the acquisition channel (dummies
 * against the most frequent channel; channels with fewer than 20 customers share one dummy), the log of the first-order value (customers with a first order
 * <= 0 are left out) and the acquisition date (years since the first acquisition), with odds ratios
 * and Wald intervals from the research kit's IRLS logit (Hosmer, Lemeshow & Sturdivant 2013, §1.3).
 * A model that cannot be fitted (constant outcome, separation, too few customers) carries `error`.
 *
 * @example
 * const [conv, ret] = driverModels(customerFacts(table, end), 30.4375);
 * conv.coefficients; // [{ term: 'log_first_order_value', odds_ratio: 1.3, or_ci: [1.1, 1.5], ... }, ...]
 */
export declare function driverModels(facts: CustomerFacts, activeDays: number, conversionDays?: number, level?: number): DriverModel[];
//# sourceMappingURL=drivers.d.ts.map