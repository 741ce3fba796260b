const CONTROLS = ['firm_size', 'b2b', 'competition'];
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
export function ioStudyConfig() {
    const model = (name, dependent, horizon, optional = false) => ({
        name,
        type: 'ols',
        dependent,
        predictors: ['IO'],
        controls: [...CONTROLS],
        horizon,
        ...(optional ? { optional: true } : {}),
    });
    return {
        title: 'Interaction orientation and firm performance (replication template after Ramani & Kumar 2008)',
        scale: [1, 7],
        constructs: {
            CC: { label: 'Customer concept', items: ['cc1', 'cc2', 'cc3', 'cc4'], reverse: ['cc4'] },
            IRC: { label: 'Interaction response capacity', items: ['irc1', 'irc2', 'irc3', 'irc4'] },
            CE: { label: 'Customer empowerment', items: ['ce1', 'ce2', 'ce3', 'ce4'] },
            CVM: { label: 'Customer value management', items: ['cvm1', 'cvm2', 'cvm3', 'cvm4'] },
            SAT: { label: 'Customer satisfaction (relationship performance)', items: ['sat1', 'sat2', 'sat3'] },
            REC: { label: 'Recommendation / word of mouth (relationship performance)', items: ['rec1', 'rec2', 'rec3'] },
        },
        secondOrder: {
            IO: { label: 'Interaction orientation', components: ['CC', 'IRC', 'CE', 'CVM'] },
        },
        models: [
            model('Satisfaction', 'SAT', 'short term'),
            model('Recommendation', 'REC', 'short term'),
            model('Recruitment', 'recruitment', 'short term'),
            model('Conversion', 'conversion', 'short term'),
            model('Retention', 'retention', 'short term'),
            {
                name: 'Satisfaction: IO x competitive intensity',
                type: 'ols',
                dependent: 'SAT',
                predictors: ['IO'],
                controls: ['firm_size', 'b2b'],
                interactions: [['IO', 'competition']],
                horizon: 'short term',
            },
            model('Satisfaction, next year', 'satisfaction_t1', 'long term (lagged one year)', true),
            model('Recommendation, next year', 'recommendation_t1', 'long term (lagged one year)', true),
            model('Recruitment, next year', 'recruitment_t1', 'long term (lagged one year)', true),
            model('Conversion, next year', 'conversion_t1', 'long term (lagged one year)', true),
            model('Retention, next year', 'retention_t1', 'long term (lagged one year)', true),
            { ...model('Retention improved (logit)', 'retention_up', 'long term (lagged one year)', true), type: 'logit' },
        ],
        missing: 'listwise',
        notes: {
            source: 'Ramani, G. & Kumar, V. (2008). Interaction orientation and firm performance. Journal of Marketing, 72(1), 27-45.',
            firm_size: 'natural log of the number of employees',
            b2b: '1 when the firm sells mainly to businesses, 0 otherwise',
            competition: 'competitive intensity, one item on the 1-7 scale',
            recruitment: 'new customers acquired this year as a % of the customer base',
            conversion: 'prospects converted to customers this year, %',
            retention: 'customers retained from last year, %',
            lagged: 'columns ending in _t1 are the same outcomes measured one year later (optional); retention_up is 1 when retention rose the next year',
        },
    };
}
//# sourceMappingURL=io-template.js.map