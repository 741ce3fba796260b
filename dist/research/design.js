import { ClvkitError } from '../errors.js';
import { mean } from './describe.js';
/**
 * Builds the predictor columns of a regression with product interactions. With `centre`
 * (default true), every variable that enters an interaction is mean-centred before the
 * product is formed, both as a main effect and inside the product (Aiken & West 1991,
 * Multiple Regression: Testing and Interpreting Interactions, ch. 3), so each main effect is the
 * effect at the mean of the other variable. Variables named only in an interaction are added as
 * main effects.
 *
 * @example
 * const d = designMatrix({ a: Float64Array.of(1, 2, 3), b: Float64Array.of(0, 1, 1) }, ['a', 'b'], [['a', 'b']]);
 * d.names; // ['a', 'b', 'a:b']
 */
export function designMatrix(variables, predictors, interactions = [], centre = true) {
    const main = [...predictors];
    for (const pair of interactions) {
        if (pair.length < 2)
            throw new ClvkitError(`an interaction needs at least two variables, got [${pair.join(', ')}]`);
        for (const v of pair)
            if (!main.includes(v))
                main.push(v);
    }
    const inInteraction = new Set(interactions.flat());
    const centred = {};
    const get = (name) => {
        const x = variables[name];
        if (!x)
            throw new ClvkitError(`unknown variable "${name}"; known: ${Object.keys(variables).join(', ')}`);
        if (centre && inInteraction.has(name)) {
            const m = centred[name] ?? mean(x);
            centred[name] = m;
            return Float64Array.from(x, (v) => v - m);
        }
        return Float64Array.from(x);
    };
    const columns = main.map(get);
    const names = [...main];
    for (const pair of interactions) {
        const parts = pair.map(get);
        const prod = new Float64Array(parts[0].length).fill(1);
        for (const part of parts)
            for (let i = 0; i < prod.length; i++)
                prod[i] *= part[i];
        columns.push(prod);
        names.push(pair.join(':'));
    }
    return { names, columns, centred };
}
//# sourceMappingURL=design.js.map