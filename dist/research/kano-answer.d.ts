import type { KanoAnswer } from './kano-table.ts';
/**
 * Accepted words for each answer on the Kano scale (English and French). Matching ignores case,
 * accents, the kind of apostrophe, repeated spaces and a final full stop or exclamation mark;
 * the codes 1..5 are accepted too.
 */
export declare const KANO_ANSWER_WORDS: Readonly<Record<KanoAnswer, readonly string[]>>;
/**
 * Lower case, accents removed, typographic apostrophes straightened, spaces collapsed, final . or ! dropped.
 *
 * @example
 * normalizeKanoWord('  Ça me  PLAÎT ! '); // 'ca me plait'
 */
export declare function normalizeKanoWord(text: string): string;
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
export declare function parseKanoAnswer(text: string): KanoAnswer | undefined;
/**
 * The accepted answers as one readable line, for error messages.
 *
 * @example
 * acceptedKanoAnswers(); // "1 (like / i like it / …); 2 (must-be / …); …"
 */
export declare function acceptedKanoAnswers(): string;
//# sourceMappingURL=kano-answer.d.ts.map