/**
 * The form in which two versions of a question are compared for drift. Only differences a reader
 * would not call a change are removed:
 * - whitespace: wrapped lines, double spaces, non-breaking spaces;
 * - hyphenation: a PDF breaks "centrum-\ngemeente" (the D66 letter does exactly this), one
 *   extractor keeps "centrum- gemeente", another joins it, a person retypes "centrumgemeente", so
 *   hyphens between letters or digits are dropped together with the break after them;
 * - quotation marks: Word turns ' and " into ‘ ’ “ ” „, a PDF extractor drops them, a person
 *   retyping a question adds or leaves them out, so all of them are ignored (apostrophes too:
 *   "auto's" and "autos" then compare equal, which no question turns on);
 * - dashes: Word turns - into – or —;
 * - compatibility forms (NFKC): ligatures "ﬁ", the ellipsis "…", full-width letters.
 * Case, words and punctuation other than the above still count.
 */
export function normaliseQuestionText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/['"‘’‚‛′`´“”„‟″«»‹›]/g, '')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/([\p{L}\p{N}])-\s*(?=[\p{L}\p{N}])/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether two versions of a question say the same thing (see `normaliseQuestionText`). */
export function sameQuestionText(a: string, b: string): boolean {
  // Most quotes are the question verbatim: skip the normalising then.
  return a === b || normaliseQuestionText(a) === normaliseQuestionText(b);
}
