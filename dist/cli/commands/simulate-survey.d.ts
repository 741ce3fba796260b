import { type SurveyTruth } from '../../research/simulate-survey.ts';
/**
 * `clvkit simulate --survey`: writes a synthetic interaction-orientation study (the columns of
 * data/io-study.json) with known true loadings and effects, prints the truth on stderr and returns it.
 *
 * @example
 * const { truth } = await simulateSurveyCommand({ seed: 1, out: 'io-responses.csv' });
 */
export declare function simulateSurveyCommand(options: {
    seed?: number;
    respondents?: number;
    out?: string;
    lang?: 'en' | 'fr';
}): Promise<{
    truth: SurveyTruth;
}>;
//# sourceMappingURL=simulate-survey.d.ts.map