/**
 * Section builders of the customer portfolio: key figures, row accounting, recruitment and
 * retention, contracts, model fit, value, segments and the prioritised list. Each takes one result
 * object and returns a Section (or null when there is nothing to show).
 */
import type { RowAccounting } from '../../types.ts';
import type { Section } from '../document.ts';
import type { ReportAnalysis, ModelAnalysis, ValueAnalysis } from '../analyse.ts';
import type { RecruitmentRow } from '../../outcomes/recruitment.ts';
import type { CohortRow } from '../../outcomes/cohorts.ts';
import type { Conversion } from '../../outcomes/conversion.ts';
import type { ContractRetention } from '../../outcomes/contract-retention.ts';
import type { LeadFunnel } from '../../outcomes/funnel.ts';
import type { CustomerFacts } from '../../outcomes/customers.ts';
import { type SectionContext } from './context.ts';
/** Key figures from the customer facts. */
export declare function keyFiguresSection(facts: CustomerFacts, transactions: number, ctx: SectionContext, value?: ValueAnalysis): Section;
/** One input file with its row accounting. */
export interface AccountedInput {
    file: string;
    kind: 'transactions' | 'contracts' | 'leads' | 'survey' | 'kano' | 'nps';
    accounting: RowAccounting | {
        read: number;
        used: number;
        rejected: Record<string, number>;
        first_lines?: Record<string, number[]>;
    };
}
/** The row accounting of every input. */
export declare function accountingSection(inputs: AccountedInput[], ctx: SectionContext): Section | null;
/** Recruitment (acquisitions per month by channel), conversion to a second purchase and cohort retention. */
export declare function recruitmentSection(r: {
    recruitment: RecruitmentRow[];
    cohorts: CohortRow[];
    conversion: Conversion;
    leads?: LeadFunnel;
}, ctx: SectionContext): Section | null;
/** Contract survival with Kaplan-Meier bands and sBG / BdW projections. */
export declare function contractsSection(c: ContractRetention, ctx: SectionContext): Section;
/** Model fit, selection and validation. */
export declare function modelSection(a: ModelAnalysis, summary: ReportAnalysis['summary'], ctx: SectionContext, calibrationEndText?: string): Section;
/** Portfolio value: CLV distribution, pyramid, Lorenz curve and Gini. */
export declare function valueSection(v: ValueAnalysis, ctx: SectionContext): Section;
/** Tiers, RFM grid and segments, migration. */
export declare function segmentsSection(v: ValueAnalysis, ctx: SectionContext): Section;
/** The top of the prioritised list. */
export declare function prioritiesSection(v: ValueAnalysis, end: number, ctx: SectionContext): Section | null;
//# sourceMappingURL=portfolio.d.ts.map