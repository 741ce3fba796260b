/**
 * The models by name (DESIGN.md §3 parameter names), with the kind of input each needs and one way to fit
 * them, used by `clvkit fit` and `clvkit predict`.
 */
import { UsageError } from '../errors.js';
/**
 * Every model by name.
 *
 * @example
 * Object.keys(MODELS); // ['bgnbd', 'mbgnbd', 'paretonbd', 'bgbb', 'sbg', 'bdw', 'gammagamma']
 */
export const MODELS = {
    bgnbd: { name: 'bgnbd', title: 'BG/NBD', params: ['r', 'alpha', 'a', 'b'], input: 'summary', reference: 'Fader, Hardie & Lee (2005a), Marketing Science 24(2)' },
    mbgnbd: { name: 'mbgnbd', title: 'MBG/NBD', params: ['r', 'alpha', 'a', 'b'], input: 'summary', reference: 'Batislam, Denizel & Filiztekin (2007), IJRM 24(3)' },
    paretonbd: { name: 'paretonbd', title: 'Pareto/NBD', params: ['r', 'alpha', 's', 'beta'], input: 'summary', reference: 'Schmittlein, Morrison & Colombo (1987), Management Science 33(1)' },
    bgbb: { name: 'bgbb', title: 'BG/BB', params: ['alpha', 'beta', 'gamma', 'delta'], input: 'bgbb', reference: 'Fader, Hardie & Shang (2010), Marketing Science 29(6)' },
    sbg: { name: 'sbg', title: 'shifted-beta-geometric', params: ['alpha', 'beta'], input: 'survivors', reference: 'Fader & Hardie (2007), Journal of Interactive Marketing 21(1)' },
    bdw: { name: 'bdw', title: 'beta-discrete-Weibull', params: ['alpha', 'beta', 'c'], input: 'survivors', reference: 'Fader, Hardie, Liu, Davin & Steenburgh (2018), Journal of Interactive Marketing 43' },
    gammagamma: { name: 'gammagamma', title: 'Gamma-Gamma spend', params: ['p', 'q', 'v'], input: 'spend', reference: 'Fader, Hardie & Lee (2005b), JMR 42(4); Fader & Hardie (2013) note' },
};
/**
 * The model of that name, or a UsageError listing the names.
 *
 * @example
 * modelInfo('bgbb').params; // ['alpha', 'beta', 'gamma', 'delta']
 */
export function modelInfo(name) {
    const key = (name ?? '').toLowerCase().replace(/[^a-z]/g, '');
    const info = MODELS[key];
    if (!info)
        throw new UsageError(`--model must be one of ${Object.keys(MODELS).join(', ')}${name ? `, got "${name}"` : ''}`);
    return info;
}
/**
 * Fit a model by name. Model modules are loaded on demand (the CLI stays fast to start).
 *
 * @example
 * const fitted = await fitModel('sbg', { kind: 'survivors', cohorts: [{ name: 'regular', alive: [1000, 631, 468] }] });
 * fitted.params; // { alpha, beta }
 */
export async function fitModel(name, input, options = {}) {
    const info = MODELS[name];
    const need = info.input;
    const mismatch = () => new UsageError(`${info.title} needs ${need === 'summary'
        ? 'a customer summary (a transaction file, or frequency,recency,T)'
        : need === 'bgbb'
            ? 'BG/BB rows frequency,recency,periods[,weights] (or a summary in whole periods)'
            : need === 'survivors'
                ? 'survivor counts: period,alive (or a table of cohort columns with --column)'
                : 'a summary with spend (monetary_value or zbar, or a transaction file with amounts)'}; got ${input.kind === 'survivors' ? 'survivor counts' : input.kind === 'bgbb' ? 'BG/BB rows' : 'a customer summary'}`);
    switch (name) {
        case 'bgnbd':
        case 'mbgnbd':
        case 'paretonbd': {
            if (input.kind !== 'summary' && input.kind !== 'spend')
                throw mismatch();
            const data = input.data;
            if (name === 'bgnbd')
                return (await import('./bgnbd.js')).fitBgNbd(data, options);
            if (name === 'mbgnbd')
                return (await import('./mbgnbd.js')).fitMbgNbd(data, options);
            return (await import('./paretonbd.js')).fitParetoNbd(data, options);
        }
        case 'bgbb': {
            if (input.kind !== 'bgbb')
                throw mismatch();
            return (await import('./bgbb.js')).fitBgBb(input.data, options);
        }
        case 'sbg':
        case 'bdw': {
            if (input.kind !== 'survivors')
                throw mismatch();
            if (name === 'sbg')
                return (await import('./sbg.js')).fitSbg(input.cohorts, options);
            return (await import('./bdw.js')).fitBdw(input.cohorts, options);
        }
        case 'gammagamma': {
            if (input.kind !== 'spend' && input.kind !== 'summary')
                throw mismatch();
            const d = input.data;
            if (!d.monetaryValue)
                throw mismatch();
            return (await import('./gammagamma.js')).fitGammaGamma(d, options);
        }
    }
}
//# sourceMappingURL=registry.js.map