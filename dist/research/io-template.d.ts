import type { StudyConfig } from './survey-config.ts';
/**
 * The interaction-orientation replication template (Ramani & Kumar 2008, "Interaction orientation
 * and firm performance", Journal of Marketing 72(1)): four components (customer concept,
 * interaction response capacity, customer empowerment, customer value management) averaged into a
 * second-order interaction-orientation score; controls (firm size as log employees, B2B, competitive
 * intensity); relationship performance (satisfaction, recommendation) and profitability performance
 * (recruitment, conversion, retention), each regressed on IO + controls, with optional lagged
 * (next-year) outcomes for the long-term effects, a moderation model and a logit model. The same
 * config ships as data/io-study.json. Item wordings are the user's; the names are placeholders.
 *
 * @example
 * const study = analyseSurvey(readTable('io-responses.csv'), ioStudyConfig());
 */
export declare function ioStudyConfig(): StudyConfig;
//# sourceMappingURL=io-template.d.ts.map