/**
 * Accepted words for each answer on the Kano scale (English and French). Matching ignores case,
 * accents, the kind of apostrophe, repeated spaces and a final full stop or exclamation mark;
 * the codes 1..5 are accepted too.
 */
export const KANO_ANSWER_WORDS = {
    1: ['like', 'i like it', 'i like', "j'aime", "j'aime ça", 'ça me plaît', 'cela me plaît'],
    2: ['must-be', 'must be', 'expect', 'i expect it', 'it must be that way', "c'est normal", 'doit être', 'ça doit être comme ça', 'je m\'y attends'],
    3: ['neutral', 'i am neutral', "i'm neutral", 'neutre', 'je suis neutre', 'indifférent', 'indifferent', 'ça m\'est égal'],
    4: ['live with', 'can live with', 'i can live with it', 'tolerate', 'i can tolerate it', 'je peux tolérer', 'je peux le tolérer', "je m'en accommode", "je peux m'en accommoder"],
    5: ['dislike', 'i dislike it', 'i dislike', "je n'aime pas", "je n'aime pas ça", 'ça me déplaît', 'cela me déplaît'],
};
/**
 * Lower case, accents removed, typographic apostrophes straightened, spaces collapsed, final . or ! dropped.
 *
 * @example
 * normalizeKanoWord('  Ça me  PLAÎT ! '); // 'ca me plait'
 */
export function normalizeKanoWord(text) {
    return text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/\s*[.!]+$/, '');
}
const LOOKUP = new Map();
for (const [code, words] of Object.entries(KANO_ANSWER_WORDS)) {
    const answer = Number(code);
    LOOKUP.set(code, answer);
    for (const w of words)
        LOOKUP.set(normalizeKanoWord(w), answer);
}
/**
 * Read one Kano answer: a code 1..5 or an accepted English or French word (see {@link KANO_ANSWER_WORDS}).
 * Returns undefined when the text is not an accepted answer.
 *
 * @example
 * parseKanoAnswer('4');                 // 4
 * parseKanoAnswer('I can live with it'); // 4
 * parseKanoAnswer('ÇA ME PLAIT');        // 1
 * parseKanoAnswer('maybe');              // undefined
 */
export function parseKanoAnswer(text) {
    return LOOKUP.get(normalizeKanoWord(text));
}
/**
 * The accepted answers as one readable line, for error messages.
 *
 * @example
 * acceptedKanoAnswers(); // "1 (like / i like it / …); 2 (must-be / …); …"
 */
export function acceptedKanoAnswers() {
    return Object.entries(KANO_ANSWER_WORDS)
        .map(([code, words]) => `${code} (${words.join(' / ')})`)
        .join('; ');
}
//# sourceMappingURL=kano-answer.js.map