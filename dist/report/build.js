import { analyseForReport } from './analyse.js';
import { renderHtml } from './html.js';
import { renderSvg } from './render.js';
import { fitError, sectionContext } from './sections/context.js';
import { accountingSection, contractsSection, keyFiguresSection, modelSection, prioritiesSection, recruitmentSection, segmentsSection, valueSection, } from './sections/portfolio.js';
import { kanoSection, methodsSection, npsSection, surveySection } from './sections/research.js';
function modelTitle(model) {
    if (model === 'auto' || model === undefined)
        return 'BG/NBD';
    return model === 'mbgnbd' ? 'MBG/NBD' : model === 'paretonbd' ? 'Pareto/NBD' : 'BG/NBD';
}
/**
 * The report's sections, in page order, from the inputs (no rendering).
 *
 * @example
 * const sections = reportSections({ source: 'tx.csv', table }, analyseForReport(table), 'en');
 * sections.map((s) => s.id); // ['key-figures', 'inputs', 'value', 'model', 'segments', 'recruitment', 'priorities', 'methods']
 */
export function reportSections(inputs, p, lang, options = {}) {
    const ctx = sectionContext(lang, options.currency);
    const accounted = [{ file: inputs.source, kind: 'transactions', accounting: p.summary.accounting ?? inputs.table.accounting }];
    const add = (kind, a) => {
        if (a?.accounting)
            accounted.push({ file: a.file, kind, accounting: a.accounting });
    };
    add('contracts', inputs.contracts);
    add('leads', inputs.leads);
    add('survey', inputs.survey);
    add('kano', inputs.kano);
    add('nps', inputs.nps);
    const model = p.model
        ? modelSection(p.model, p.summary, ctx, p.calibration?.calibrationEnd !== undefined ? ctx.f.date(p.calibration.calibrationEnd) : undefined)
        : p.modelError
            ? { id: 'model', title: ctx.m.secModel, blocks: [{ kind: 'paragraph', text: ctx.m.modelFailed(modelTitle(options.model), fitError(ctx, p.modelError)) }] }
            : null;
    const sections = [
        keyFiguresSection(p.facts, inputs.table.length, ctx, p.value),
        accountingSection(accounted, ctx),
        valueSection(p.value, ctx),
        model,
        segmentsSection(p.value, ctx),
        recruitmentSection({ recruitment: p.recruitment, cohorts: p.cohorts, conversion: p.conversion, leads: inputs.leads?.result }, ctx),
        inputs.contracts ? contractsSection(inputs.contracts.result, ctx) : null,
        prioritiesSection(p.value, p.summary.end, ctx),
        inputs.kano ? kanoSection(inputs.kano.result, ctx) : null,
        inputs.nps ? npsSection(inputs.nps.result, ctx) : null,
        inputs.survey ? surveySection(inputs.survey.result, ctx) : null,
        methodsSection(ctx, ctx.m.settingsText(p.model ? modelTitle(p.model.chosen) : modelTitle(options.model), p.calibration?.calibrationEnd !== undefined ? ctx.f.date(p.calibration.calibrationEnd) : ctx.m.none, ctx.f.int(p.value.horizonMonths), ctx.f.pct(p.value.annualDiscount, 0), ctx.f.pct(p.value.margin, 0), (options.currency ?? 'EUR').toUpperCase())),
    ];
    return sections.filter((s) => s !== null);
}
/**
 * The whole report as a self-contained HTML page.
 *
 * @example
 * const table = await readTransactions('data/sample-transactions.csv');
 * const html = await buildReport({ source: 'sample-transactions.csv', table }, { lang: 'fr', calibrationEnd: '2025-06-30' });
 * writeFileSync('reports/demo.html', html);
 */
export async function buildReport(inputs, options = {}) {
    const lang = options.lang ?? 'en';
    const p = inputs.portfolio ?? analyseForReport(inputs.table, options);
    const sections = reportSections(inputs, p, lang, options);
    const charts = sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'chart');
    let done = 0;
    for (const b of charts) {
        if (b.kind !== 'chart')
            continue;
        b.svg = await renderSvg(b.spec, lang);
        options.onChart?.(++done, charts.length);
    }
    const ctx = sectionContext(lang, options.currency);
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < p.facts.first.length; i++) {
        if (p.facts.first[i] < 0)
            continue;
        if (p.facts.first[i] < first)
            first = p.facts.first[i];
        if (p.facts.last[i] > last)
            last = p.facts.last[i];
    }
    const today = options.generatedOn ?? new Date();
    const doc = {
        lang,
        title: ctx.m.title,
        subtitle: ctx.m.subtitle(inputs.source, ctx.f.date(first), ctx.f.date(last)),
        generated: (options.interactive ? ctx.m.generatedInteractive : ctx.m.generated)(ctx.f.date(Math.floor(today.getTime() / 86_400_000))),
        sections,
    };
    return renderHtml(doc, { interactive: options.interactive });
}
//# sourceMappingURL=build.js.map