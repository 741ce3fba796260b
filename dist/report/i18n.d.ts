/**
 * Every word of the report in English and French, and number, currency and date formatting per
 * language (Intl with 'en-GB' and 'fr-FR'). French numbers keep Intl's separators: U+202F (narrow
 * no-break space) between thousands and U+00A0 (no-break space) before the € sign, so a figure never
 * wraps across lines; the tests assert exactly these characters.
 */
import type { Day } from '../types.ts';
import type { Lang } from './render.ts';
export type { Lang };
declare const EN: {
    readonly lang: 'en';
    readonly title: 'Customer portfolio report';
    readonly subtitle: (source: string, from: string, to: string) => string;
    readonly generated: (date: string) => string;
    readonly generatedInteractive: (date: string) => string;
    readonly contents: 'Contents';
    readonly downloadCsv: 'Download the data (CSV)';
    readonly noData: 'Not enough data for this section.';
    readonly secKeyFigures: 'Key figures';
    readonly secData: 'Inputs and row accounting';
    readonly secRecruitment: 'Recruitment, conversion and retention';
    readonly secContracts: 'Contract retention';
    readonly secModel: 'Model fit and validation';
    readonly secValue: 'Portfolio value';
    readonly secSegments: 'Segments and tiers';
    readonly secPriorities: 'Prioritised customers';
    readonly secKano: 'Kano analysis';
    readonly secNps: 'Net Promoter Score';
    readonly secSurvey: 'Survey models';
    readonly secMethods: 'Methods and references';
    readonly headline: (equity: string, months: string, top: string, share: string) => string;
    readonly customers: 'Customers';
    readonly transactions: 'Transactions';
    readonly revenue: 'Revenue';
    readonly repeatRate: 'Repeat customers';
    readonly repeatRateNote: 'share of customers with a second purchase day';
    readonly period: 'Period';
    readonly averageOrder: 'Average transaction value';
    readonly revenuePerCustomer: 'Revenue per customer';
    readonly periodValue: (from: string, to: string) => string;
    readonly accountingIntro: 'Every row read is either used or rejected with a reason.';
    readonly input: 'Input';
    readonly rowsRead: 'Rows read';
    readonly rowsUsed: 'Used';
    readonly rowsRejected: 'Rejected';
    readonly reasons: 'Reasons';
    readonly colon: ': ';
    readonly listSeparator: '; ';
    readonly lines: (list: string) => string;
    /** Rejection reasons of the readers (ingest, contracts, leads, Kano, NPS), as shown in the accounting table. */
    readonly reasonNames: Record<string, string>;
    readonly kindTransactions: 'transactions';
    readonly kindContracts: 'contracts';
    readonly kindLeads: 'leads';
    readonly kindSurvey: 'survey';
    readonly kindKano: 'Kano answers';
    readonly kindNps: 'NPS scores';
    readonly acquisitionsTitle: 'New customers per month';
    readonly month: 'month';
    readonly newCustomers: 'new customers';
    readonly channel: 'channel';
    readonly noChannel: '(none)';
    readonly otherChannels: '(other channels)';
    readonly recruitmentText: (n: string, periods: string, top: string) => string;
    readonly conversionTitle: 'Conversion to a second purchase';
    readonly conversionText: (rate: string, lo: string, hi: string, w: string) => string;
    readonly conversionEver: (rate: string) => string;
    readonly funnelTitle: 'From first purchase to repeat purchase';
    readonly stepFirst: 'first purchase';
    readonly stepWithin: (days: number) => string;
    readonly stepEver: 'second purchase at any time';
    readonly stepLeads: 'leads';
    readonly stepConverted: 'leads who bought';
    readonly stepRepeat: 'leads who bought again';
    readonly leadsFunnelTitle: 'From lead to repeat purchase';
    readonly count: 'count';
    readonly shareOfFirst: 'share of the first step';
    readonly cohortTitle: 'Share of each monthly cohort buying n months after acquisition';
    readonly monthsSince: 'months since first purchase';
    readonly cohort: 'cohort';
    readonly activeShare: 'active share';
    readonly active: 'active';
    readonly cohortSize: 'cohort size';
    readonly survivalTitle: 'Contract survival (Kaplan-Meier, 95% band)';
    readonly survivalText: (n: string, ev: string, median: string) => string;
    readonly notReached: 'not reached';
    readonly months: 'months';
    readonly stillActive: 'still active';
    readonly group: 'group';
    readonly allContracts: 'all contracts';
    readonly projection: 'model projection';
    readonly leadsText: (leads: string, converted: string, rate: string) => string;
    readonly modelIntro: (name: string, n: string) => string;
    readonly modelAuto: (name: string, err: string) => string;
    readonly modelAutoNoHoldout: (name: string) => string;
    readonly modelFailed: (name: string, message: string) => string;
    /** Known fit failures, matched on the models' English message. */
    readonly fitErrors: {
        match: string;
        text: string;
    }[];
    /** Any other fit failure: the model's own (English) message, said to be so in other languages. */
    readonly fitErrorOther: (message: string) => string;
    readonly modelComparison: 'Model comparison';
    readonly model: 'Model';
    readonly parameter: 'Parameter';
    readonly estimate: 'Estimate';
    readonly standardError: 'Standard error';
    readonly logLikelihood: 'Log-likelihood';
    readonly holdoutError: 'Holdout error (MAE)';
    readonly trackingCumTitle: 'Cumulative repeat transactions: actual vs model';
    readonly trackingPerUnitTitle: (unit: string) => string;
    readonly unitName: Record<string, string>;
    readonly unitNames: Record<string, string>;
    readonly repeatTransactions: 'repeat transactions';
    readonly actual: 'actual';
    readonly predicted: 'model';
    readonly trackingText: (end: string) => string;
    readonly holdoutTitle: 'Holdout transactions by calibration frequency';
    readonly calibrationRepeats: 'repeat transactions in the calibration period';
    readonly holdoutMean: 'mean transactions in the holdout period';
    readonly aliveTitle: 'Probability of being alive by frequency and recency';
    readonly expectedTitle: (h: string, units: string) => string;
    readonly recencyIn: (units: string) => string;
    readonly repeatPurchases: 'repeat purchases';
    readonly probabilityAlive: 'P(alive)';
    readonly expectedTransactions: 'expected transactions';
    readonly valueIntro: (h: string, d: string) => string;
    readonly valueHistorical: 'No spend model could be fitted; value below is historical revenue.';
    readonly equity: 'Customer equity';
    readonly meanClv: 'Mean CLV';
    readonly medianClv: 'Median CLV';
    readonly zeroClv: (n: string) => string;
    readonly clvTitle: 'Distribution of customer lifetime value (log scale)';
    readonly clvAxis: 'CLV (log scale)';
    readonly pyramidTitle: 'Value pyramid: share of customers and of value per tier';
    readonly share: 'share';
    readonly value: 'value';
    readonly lorenzTitle: 'Concentration of value (Lorenz curve)';
    readonly lorenzX: 'share of customers (lowest value first)';
    readonly lorenzY: 'share of value';
    readonly gini: (g: string) => string;
    readonly topShare: (p: string, v: string) => string;
    readonly whaleTitle: 'Whale curve: cumulative share of historical profit';
    readonly whaleX: 'share of customers (most profitable first)';
    readonly whaleY: 'cumulative share of profit';
    readonly whaleText: (total: string, peak: string, pop: string, unprofitable: string) => string;
    readonly tier: 'Tier';
    readonly shareCustomers: 'Share of customers';
    readonly shareValue: 'Share of value';
    readonly meanValue: 'Mean value';
    readonly meanAlive: 'Mean P(alive)';
    readonly historicalSpend: 'Historical spend';
    readonly rfmTitle: 'RFM grid: customers per recency × frequency score, colour = mean spend';
    readonly recencyScore: 'recency score (5 = most recent)';
    readonly frequencyScore: 'frequency score (5 = most frequent)';
    readonly meanSpend: 'mean spend';
    readonly segmentsTitle: 'RFM segments: size and value';
    readonly segment: 'Segment';
    /** Display names of the default RFM segments and tiers, keyed by their names in src/segment. */
    readonly names: Record<string, string>;
    readonly flagNames: Record<string, string>;
    readonly migrationTitle: 'Tier migration from the middle to the end of the period';
    readonly firstHalf: 'tier at mid-period';
    readonly secondHalf: 'tier at the end';
    readonly rowShare: 'share of the row';
    readonly migrationText: (mid: string, end: string) => string;
    readonly prioritiesIntro: (n: number) => string;
    readonly customerId: 'Customer';
    readonly clv: 'CLV';
    readonly lastPurchase: 'Last purchase';
    readonly flags: 'Flags';
    readonly kanoTitle: 'Kano Better/Worse coefficients';
    readonly kanoX: '|Worse| (dissatisfaction if absent)';
    readonly kanoY: 'Better (satisfaction if present)';
    readonly feature: 'Feature';
    readonly category: 'Category';
    readonly kanoCategories: Record<string, string>;
    readonly respondents: 'Respondents';
    readonly better: 'Better';
    readonly worse: 'Worse';
    readonly npsTitle: 'Net Promoter Score with 95% interval';
    readonly npsAxis: 'NPS (points)';
    readonly npsText: (nps: string, lo: string, hi: string, n: string) => string;
    readonly npsTiersTitle: 'NPS by value tier of the respondents who are customers';
    readonly npsTiersText: (matched: string, n: string) => string;
    readonly promoters: 'Promoters';
    readonly passives: 'Passives';
    readonly detractors: 'Detractors';
    readonly overall: 'overall';
    readonly surveyModel: (name: string, n: string, r2: string) => string;
    readonly coefficientsTitle: (name: string) => string;
    readonly term: 'Term';
    readonly pValue: 'p';
    readonly reliability: 'Reliability';
    readonly construct: 'Construct';
    readonly methodsText: readonly ['Transactions are collapsed to one purchase per customer per day; frequency is the number of repeat purchase days, recency the time from the first to the last purchase, T the time from the first purchase to the end of observation, in the model’s time unit (weeks unless --freq says otherwise).', 'Counting models are fitted by maximum likelihood on customers grouped by identical (frequency, recency, T); standard errors come from the observed information matrix.', 'Lifetime value multiplies discounted expected transactions by the Gamma-Gamma conditional expected spend per transaction.', 'Intervals for proportions are Wilson intervals; survival curves are Kaplan-Meier estimates with log-log bands.'];
    readonly references: 'References';
    readonly settingsText: (model: string, calibration: string, horizon: string, discount: string, margin: string, currency: string) => string;
    readonly none: 'none';
};
/** The shape of a language's messages. */
export type Messages = {
    [K in keyof typeof EN]: (typeof EN)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof EN)[K] extends readonly string[] ? readonly string[] : (typeof EN)[K] extends string ? string : (typeof EN)[K];
};
/** The messages of a language. */
export declare function messages(lang: Lang): Messages;
/** Bibliographic references (same in both languages: titles stay in their original language). */
export declare const REFERENCES: readonly string[];
/** Number, currency, percentage and date formatting for one language. */
export interface Formatter {
    lang: Lang;
    /** Whole number with group separators: 1,234 / 1 234. */
    int(x: number): string;
    /** Number with a fixed count of decimals. */
    num(x: number, digits?: number): string;
    /** Amount in the report currency: €1,234.56 / 1 234,56 €. */
    money(x: number, digits?: number): string;
    /** A share 0..1 as a percentage: 12.3% / 12,3 %. */
    pct(share: number, digits?: number): string;
    /** A day (days since 1970-01-01 UTC): 22 Nov 2026 / 22/11/2026. */
    date(day: Day): string;
    /** A month label from 'YYYY-MM': Nov 2026 / nov. 2026. */
    month(label: string): string;
}
/**
 * The formatter of a language.
 *
 * @example
 * formatter('fr').money(1234.56) // '1 234,56 €' (U+202F between thousands, U+00A0 before €)
 * formatter('fr').date(20779)    // '22/11/2026'
 * formatter('en').money(1234.56) // '€1,234.56'
 */
export declare function formatter(lang: Lang, currency?: string): Formatter;
//# sourceMappingURL=i18n.d.ts.map