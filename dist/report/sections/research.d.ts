/** Section builders of the research inputs: Kano, NPS, survey models; and the methods section. */
import type { KanoResult } from '../../research/kano.ts';
import type { NpsResult } from '../../research/nps-counts.ts';
import type { NpsGroup } from '../../research/nps-groups.ts';
import type { SurveyAnalysis } from '../../research/study.ts';
import type { Section } from '../document.ts';
import { type SectionContext } from './context.ts';
/** Kano classification with the Better/Worse scatter. */
export declare function kanoSection(k: KanoResult, ctx: SectionContext): Section | null;
/** NPS results: overall, per group of a column, and per value tier of the respondents who are customers. */
export interface NpsInput {
    overall: NpsResult;
    groups?: NpsGroup[];
    groupColumn?: string;
    /** NPS per value tier (tier names from src/segment), top first. */
    tiers?: NpsGroup[];
    /** Respondents matched to a customer. */
    matched?: number;
}
/** NPS overall and per group, with intervals. */
export declare function npsSection(n: NpsInput, ctx: SectionContext): Section;
/** Survey reliability and regression models with coefficient plots. */
export declare function surveySection(s: SurveyAnalysis, ctx: SectionContext): Section | null;
/** Methods and references. */
export declare function methodsSection(ctx: SectionContext, settings?: string): Section;
//# sourceMappingURL=research.d.ts.map