/** Small text helpers of the letter parser and the answer matching: white space, quotes, comparison. */

/** Collapse runs of whitespace to single spaces and trim. */
export function collapseSpace(text: string): string {
  // Most texts are collapsed already (the writers write them so): no copy for those. Two native
  // searches rather than one expression with alternatives at every character: the readers call
  // this for every question, part and quote `answer check` reads (bench/check.ts). The empty text
  // first: charCodeAt past its end would make V8 drop this function's optimised code.
  if (text === '') return text;
  const collapsed = !NOT_A_SPACE.test(text) && !text.includes('  ') && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32;
  return collapsed ? text : text.replace(SPACE_RUN, ' ').trim();
}

/**
 * The runs `/\s+/g` would replace that are not a single space already: the same result, but a
 * match (and a replacement) only where the text changes, not at every space between two words.
 * The corpus splitter collapses every block (its lines joined by newlines) and the passage ids
 * every passage: with `/\s+/g` the two were 13-18 ms of a cold `answer search`'s profile.
 */
const SPACE_RUN = /\s{2,}|[^\S ]/g;

/** White space other than the space itself. */
const NOT_A_SPACE = /[^\S ]/;

/** Text with quoted passages ("…", “…”, „…”) left out, for telling a quoted question from a real one. */
export function withoutQuotes(text: string): string {
  return text
    .replace(/“[^”]*”/g, ' ')
    .replace(/„[^”“]*[”“]/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/(^|[\s(])‘[^’]*’(?=[\s).,;:!?]|$)/g, '$1 ');
}

/** Normalise for comparing two texts: lowercase, whitespace collapsed, quotes unified. */
export function comparable(text: string): string {
  return collapseSpace(text.toLowerCase().replace(/[‘’‚`]/g, "'").replace(/[“”„]/g, '"'));
}

/**
 * Dice coefficient of two word multisets: 2·shared / (|a| + |b|). The same number as token F1
 * (2PR / (P + R)), so it serves both the development-set scoring and question matching.
 */
export function multisetDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
