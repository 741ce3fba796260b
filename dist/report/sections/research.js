import { coefficientsSpec, kanoSpec, npsSpec } from '../charts/index.js';
import { REFERENCES } from '../i18n.js';
import { slug } from '../escape.js';
import { chart, displayName } from './context.js';
/** Kano classification with the Better/Worse scatter. */
export function kanoSection(k, ctx) {
    const { m, f } = ctx;
    if (k.features.length === 0)
        return null;
    const cat = (c) => m.kanoCategories[c] ?? c;
    return {
        id: 'kano',
        title: m.secKano,
        blocks: [
            chart('chart-kano', m.kanoTitle, kanoSpec({ features: k.features.map((x) => ({ feature: x.feature, better: x.better, worse: x.worse, category: cat(x.category) })) }, { title: m.kanoTitle, x: m.kanoX, y: m.kanoY, category: m.category }), {
                name: 'kano.csv', header: ['feature', 'category', 'n', 'better', 'worse'], rows: k.features.map((x) => [x.feature, x.category, x.n, x.better, x.worse]),
            }),
            {
                kind: 'table',
                header: [m.feature, m.category, m.respondents, m.better, m.worse],
                rows: k.features.map((x) => [x.feature, cat(x.category), f.int(x.n), f.num(x.better, 2), f.num(x.worse, 2)]),
                numeric: [false, false, true, true, true],
            },
        ],
    };
}
/** Groups drawn in the NPS chart (the largest). */
const MAX_NPS_GROUPS = 15;
/** NPS overall and per group, with intervals. */
export function npsSection(n, ctx) {
    const { m, f } = ctx;
    const all = [{ group: m.overall, r: n.overall }, ...(n.groups ?? []).map((g) => ({ group: g.group, r: g }))];
    // the chart shows the overall score and the largest groups; the table lists them all
    const drawn = [all[0], ...all.slice(1).sort((a, b) => b.r.n - a.r.n).slice(0, MAX_NPS_GROUPS)];
    const o = n.overall;
    const tierBlocks = [];
    if (n.tiers?.length) {
        const tiers = n.tiers.filter((t) => t.n > 0);
        tierBlocks.push({ kind: 'paragraph', text: m.npsTiersText(f.int(n.matched ?? 0), f.int(o.n)) });
        tierBlocks.push(chart('chart-nps-tiers', m.npsTiersTitle, npsSpec({ groups: tiers.map((g) => ({ group: displayName(ctx, g.group), nps: g.nps, lower: g.ci[0], upper: g.ci[1], n: g.n })) }, { title: m.npsTiersTitle, x: m.npsAxis, n: m.respondents }), {
            name: 'nps-by-tier.csv', header: ['tier', 'n', 'promoters', 'passives', 'detractors', 'nps', 'ci_lower', 'ci_upper'],
            rows: tiers.map((g) => [g.group, g.n, g.promoters, g.passives, g.detractors, g.nps, g.ci[0], g.ci[1]]),
        }));
    }
    return {
        id: 'nps',
        title: m.secNps,
        blocks: [
            { kind: 'paragraph', text: m.npsText(f.num(o.nps, 1), f.num(o.ci[0], 1), f.num(o.ci[1], 1), f.int(o.n)) },
            chart('chart-nps', m.npsTitle, npsSpec({ groups: drawn.map((g) => ({ group: g.group, nps: g.r.nps, lower: g.r.ci[0], upper: g.r.ci[1], n: g.r.n })) }, { title: m.npsTitle, x: m.npsAxis, n: m.respondents }), {
                name: 'nps.csv', header: ['group', 'n', 'promoters', 'passives', 'detractors', 'nps', 'ci_lower', 'ci_upper'],
                rows: all.map((g) => [g.group, g.r.n, g.r.promoters, g.r.passives, g.r.detractors, g.r.nps, g.r.ci[0], g.r.ci[1]]),
            }),
            {
                kind: 'table',
                header: [n.groupColumn ?? m.group, m.respondents, m.promoters, m.passives, m.detractors, 'NPS'],
                rows: all.map((g) => [g.group, f.int(g.r.n), f.int(g.r.promoters), f.int(g.r.passives), f.int(g.r.detractors), f.num(g.r.nps, 1)]),
                numeric: [false, true, true, true, true, true],
            },
            ...tierBlocks,
        ],
    };
}
/** Survey reliability and regression models with coefficient plots. */
export function surveySection(s, ctx) {
    const { m, f } = ctx;
    const blocks = [];
    const rel = Object.entries(s.reliability);
    if (rel.length) {
        blocks.push({
            kind: 'table',
            caption: m.reliability,
            header: [m.construct, 'n', 'α', 'CR', 'AVE'],
            rows: rel.map(([name, r]) => [name, f.int(r.n), f.num(r.alpha ?? NaN, 2), f.num(r.cr ?? NaN, 2), f.num(r.ave ?? NaN, 2)]),
            numeric: [false, true, true, true, true],
        });
    }
    s.models.forEach((model, k) => {
        const coefs = model.coefficients.filter((c) => c.term !== '(Intercept)' && c.term !== 'intercept' && c.term !== '(intercept)');
        blocks.push({ kind: 'paragraph', text: m.surveyModel(model.name, f.int(model.n), f.num(model.r2, 3)) });
        const title = m.coefficientsTitle(model.name);
        blocks.push(chart(`chart-model-${k + 1}-${slug(model.name)}`, title, coefficientsSpec({ coefficients: coefs.map((c) => ({ term: c.term, estimate: c.estimate, lower: c.ci[0], upper: c.ci[1], p: c.p })) }, { title, x: m.estimate, p: m.pValue }), {
            name: `model-${k + 1}.csv`, header: ['term', 'estimate', 'se', 'p', 'ci_lower', 'ci_upper'], rows: model.coefficients.map((c) => [c.term, c.estimate, c.se, c.p, c.ci[0], c.ci[1]]),
        }));
        blocks.push({
            kind: 'table',
            header: [m.term, m.estimate, m.standardError, m.pValue],
            rows: model.coefficients.map((c) => [displayName(ctx, c.term), f.num(c.estimate, 3), f.num(c.se, 3), f.num(c.p, 3)]),
            numeric: [false, true, true, true],
        });
    });
    if (blocks.length === 0)
        return null;
    return { id: 'survey', title: m.secSurvey, blocks };
}
/** Methods and references. */
export function methodsSection(ctx, settings) {
    const { m } = ctx;
    return {
        id: 'methods',
        title: m.secMethods,
        blocks: [...(settings ? [{ kind: 'paragraph', text: settings }] : []), ...m.methodsText.map((t) => ({ kind: 'paragraph', text: t })), { kind: 'heading', text: m.references }, { kind: 'list', items: [...REFERENCES] }],
    };
}
//# sourceMappingURL=research.js.map