import { ClvkitError } from '../errors.js';
/**
 * Validates a study config (DESIGN.md §3) and returns it typed; every problem is a ClvkitError
 * naming the place in the JSON (e.g. `models[2].dependent`). Accepts `center` as well as `centre`.
 *
 * @example
 * const config = parseStudyConfig({ scale: [1, 7], constructs: { CC: { items: ['cc1', 'cc2'] } }, models: [] }, 'study.json');
 */
export function parseStudyConfig(json, file = 'study config') {
    const fail = (path, what) => {
        throw new ClvkitError(`${path}: ${what}`, { file });
    };
    const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    const strings = (v, path) => {
        if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === ''))
            fail(path, 'must be a list of names');
        return v.map((s) => s.trim());
    };
    if (!isObj(json))
        return fail('(top level)', 'the study config must be a JSON object');
    const c = json;
    const out = {};
    if (c.title !== undefined)
        out.title = String(c.title);
    if (c.scale !== undefined) {
        const s = c.scale;
        if (!Array.isArray(s) || s.length !== 2 || !s.every((v) => typeof v === 'number' && Number.isFinite(v)) || s[0] >= s[1]) {
            fail('scale', 'must be [min, max] with min < max, e.g. [1, 7]');
        }
        out.scale = [s[0], s[1]];
    }
    const constructNames = new Set();
    if (c.constructs !== undefined) {
        if (!isObj(c.constructs))
            fail('constructs', 'must be an object {name: {items: [...]}}');
        out.constructs = {};
        const seen = new Map();
        for (const [name, spec] of Object.entries(c.constructs)) {
            const path = `constructs.${name}`;
            if (!isObj(spec))
                fail(path, 'must be an object with "items"');
            const s = spec;
            const items = strings(s.items, `${path}.items`);
            if (items.length === 0)
                fail(`${path}.items`, 'needs at least one item');
            for (const it of items) {
                if (seen.has(it))
                    fail(`${path}.items`, `item "${it}" is already in construct ${seen.get(it)}`);
                seen.set(it, name);
            }
            const reverse = s.reverse === undefined ? [] : strings(s.reverse, `${path}.reverse`);
            for (const r of reverse)
                if (!items.includes(r))
                    fail(`${path}.reverse`, `"${r}" is not one of its items (${items.join(', ')})`);
            if (reverse.length > 0 && !out.scale)
                fail(`${path}.reverse`, 'reverse-coded items need the answer range: add "scale": [min, max]');
            out.constructs[name] = { items, ...(reverse.length ? { reverse } : {}), ...(s.label !== undefined ? { label: String(s.label) } : {}) };
            constructNames.add(name);
        }
    }
    if (c.secondOrder !== undefined) {
        if (!isObj(c.secondOrder))
            fail('secondOrder', 'must be an object {name: {components: [...]}}');
        out.secondOrder = {};
        for (const [name, spec] of Object.entries(c.secondOrder)) {
            const path = `secondOrder.${name}`;
            if (constructNames.has(name))
                fail(path, `"${name}" is already a first-order construct`);
            if (!isObj(spec))
                fail(path, 'must be an object with "components"');
            const comps = strings(spec.components, `${path}.components`);
            if (comps.length < 2)
                fail(`${path}.components`, 'needs at least two constructs');
            for (const k of comps)
                if (!constructNames.has(k))
                    fail(`${path}.components`, `"${k}" is not a construct (constructs: ${[...constructNames].join(', ') || 'none'})`);
            const label = spec.label;
            out.secondOrder[name] = { components: comps, ...(label !== undefined ? { label: String(label) } : {}) };
        }
    }
    if (c.models !== undefined) {
        if (!Array.isArray(c.models))
            fail('models', 'must be a list');
        const names = new Set();
        out.models = c.models.map((m, i) => {
            const path = `models[${i}]`;
            if (!isObj(m))
                fail(path, 'must be an object');
            const mm = m;
            const type = mm.type ?? 'ols';
            if (type !== 'ols' && type !== 'logit')
                fail(`${path}.type`, `must be "ols" or "logit", got ${JSON.stringify(type)}`);
            if (typeof mm.dependent !== 'string' || mm.dependent.trim() === '')
                fail(`${path}.dependent`, 'must be a variable name');
            const name = typeof mm.name === 'string' && mm.name.trim() ? mm.name.trim() : `${type} ${String(mm.dependent)}`;
            if (names.has(name))
                fail(`${path}.name`, `"${name}" is used by two models`);
            names.add(name);
            const predictors = mm.predictors === undefined ? [] : strings(mm.predictors, `${path}.predictors`);
            const controls = mm.controls === undefined ? undefined : strings(mm.controls, `${path}.controls`);
            let interactions;
            if (mm.interactions !== undefined) {
                if (!Array.isArray(mm.interactions))
                    fail(`${path}.interactions`, 'must be a list of pairs like [["a", "b"]]');
                interactions = mm.interactions.map((p, j) => {
                    const pair = strings(p, `${path}.interactions[${j}]`);
                    if (pair.length < 2)
                        fail(`${path}.interactions[${j}]`, 'needs at least two variables');
                    return pair;
                });
            }
            if (predictors.length === 0 && !interactions?.length)
                fail(`${path}.predictors`, 'the model needs at least one predictor');
            const centreRaw = mm.centre ?? mm.center;
            if (centreRaw !== undefined && typeof centreRaw !== 'boolean')
                fail(`${path}.centre`, 'must be true or false');
            if (mm.optional !== undefined && typeof mm.optional !== 'boolean')
                fail(`${path}.optional`, 'must be true or false');
            const spec = { name, type: type, dependent: mm.dependent.trim(), predictors };
            if (controls)
                spec.controls = controls;
            if (interactions)
                spec.interactions = interactions;
            if (centreRaw !== undefined)
                spec.centre = centreRaw;
            if (mm.optional)
                spec.optional = true;
            if (mm.horizon !== undefined)
                spec.horizon = String(mm.horizon);
            return spec;
        });
    }
    if (c.missing !== undefined) {
        if (typeof c.missing !== 'string')
            fail('missing', 'must be "listwise" or "mean:<max share>"');
        parseMissingRule(c.missing);
        out.missing = c.missing;
    }
    if (c.notes !== undefined) {
        if (!isObj(c.notes))
            fail('notes', 'must be an object of strings');
        out.notes = Object.fromEntries(Object.entries(c.notes).map(([k, v]) => [k, String(v)]));
    }
    return out;
}
/**
 * Parses a missing-answer rule: `listwise`, or `mean:<max share>` (replace a respondent's missing
 * items by the mean of their answered items in the same construct when at most that share of the
 * construct's items is missing).
 *
 * @example
 * parseMissingRule('mean:0.25'); // { kind: 'mean', maxShare: 0.25 }
 */
export function parseMissingRule(text) {
    const t = text.trim().toLowerCase();
    if (t === 'listwise')
        return { kind: 'listwise' };
    const m = /^mean(?::\s*([0-9.]+)(%?))?$/.exec(t);
    if (m) {
        let share = m[1] === undefined ? 0.2 : Number(m[1]);
        if (m[2] === '%')
            share /= 100;
        if (Number.isFinite(share) && share >= 0 && share < 1)
            return { kind: 'mean', maxShare: share };
    }
    throw new ClvkitError(`the missing-answer rule must be "listwise" or "mean:<max share>" with a share in [0, 1) such as mean:0.25, got "${text}"`);
}
//# sourceMappingURL=survey-config.js.map