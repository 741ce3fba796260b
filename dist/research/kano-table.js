/** The six categories in the order used for counts and reports. */
export const KANO_CATEGORIES = ['A', 'O', 'M', 'I', 'R', 'Q'];
// Kano evaluation table (Kano et al. 1984; as tabulated in Berger et al. 1993, Center for Quality of
// Management Journal 2(4)): row = functional answer 1..5, column = dysfunctional answer 1..5.
const EVALUATION = ['QAAAO', 'RIIIM', 'RIIIM', 'RIIIM', 'RRRRQ'];
/**
 * The Kano category of one answer pair, from the standard 5×5 evaluation table.
 *
 * @param functional answer to "if the product has this feature, how do you feel?" (1..5)
 * @param dysfunctional answer to "if the product does not have this feature, how do you feel?" (1..5)
 * @example
 * kanoCategory(1, 5); // 'O' (like it present, dislike it absent: one-dimensional)
 * kanoCategory(1, 3); // 'A'
 * kanoCategory(3, 5); // 'M'
 * kanoCategory(5, 5); // 'Q'
 */
export function kanoCategory(functional, dysfunctional) {
    if (!isKanoAnswer(functional) || !isKanoAnswer(dysfunctional)) {
        throw new RangeError(`Kano answers are 1..5, got (${functional}, ${dysfunctional})`);
    }
    return EVALUATION[functional - 1][dysfunctional - 1];
}
function isKanoAnswer(x) {
    return x === 1 || x === 2 || x === 3 || x === 4 || x === 5;
}
//# sourceMappingURL=kano-table.js.map