/**
 * Dutch sentence boundaries, for letters and policy documents alike: the letter parser takes
 * questions sentence by sentence from running text, the converter writes one sentence per line (so
 * a diff of a corpus file shows the sentence that changed and a passage's line range is precise),
 * and the passage splitter cuts very long blocks between sentences.
 */

/**
 * Abbreviations that end in a dot without ending the sentence (lowercase, without the final dot):
 * from the seed policy documents, the development letters and the Dutch government's writing
 * guide. `etc` and `enz` are left out on purpose: in the seeds they end a sentence more often than
 * not. Letters dotted between them ("o.a.", "m.b.t.", "a.s.r.") and single letters ("J. de Vries",
 * "onder a. en b.") never end a sentence either, listed or not.
 */
const ABBREVIATIONS = new Set([
  'a.d.h.v', 'a.s', 'apr', 'art', 'aug', 'blz', 'b.v', 'bijv', 'bv', 'c.q', 'ca', 'cf', 'cq', 'd.d', 'd.w.z', 'dec', 'dhr', 'dr',
  'drs', 'dwz', 'e.a', 'e.d', 'e.e.a', 'evt', 'excl', 'feb', 'fig', 'hfst', 'i.c', 'i.e', 'i.o.m', 'i.p.v', 'i.s.m', 'incl',
  'ing', 'ipv', 'ir', 'ivm', 'jan', 'jl', 'jr', 'lid', 'mw', 'm.b.t', 'm.b.v', 'm.i.v', 'm.n', 'm.u.v', 'max', 'mbt', 'mevr',
  'min', 'mld', 'mln', 'mr', 'mrd', 'n.a.v', 'nav', 'nl', 'nov', 'nr', 'o.a', 'o.b.v', 'o.i.d', 'o.l.v', 'obv', 'okt', 'p', 'pag',
  'par', 'prof', 'resp', 'sept', 'st', 't.a.v', 't.b.v', 't.g.v', 't.o.v', 't/m', 'tab', 'tav', 'tel', 'v.d', 'v.w.b', 'vgl',
  'vs', 'z.g', 'z.s.m', 'zg', 'zgn', 'zsm',
]);

/** The marks that may end a sentence; MARK finds the next one (`lastIndex` is set before each search). */
const MARKS = '.!?…';
const MARK = /[.!?…]/g;

const CLOSERS = `"'”’)»]`;
const OPENERS = `"'“‘(«[`;

function isBoundary(text: string, dot: number): boolean {
  // The word before the mark: an abbreviation or an initial ("J. de Vries") does not end a sentence.
  if (text[dot] === '.') {
    let start = dot;
    while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
    const word = text.slice(start, dot).replace(/^[("'“‘]+/, '').toLowerCase();
    if (ABBREVIATIONS.has(word)) return false;
    if (/^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  }
  return true;
}

/**
 * Sentence spans of a text: [start, end) offsets, whitespace between sentences left out. A
 * sentence ends at `.`, `!`, `?` or `…` (and any closing quotes or brackets after it) followed by
 * whitespace and a capital, a digit or an opening quote; not after an abbreviation or an initial.
 */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  for (let i = start; i < text.length; i++) {
    // To the next mark by a search, not character by character: the corpus splitter reads every
    // long block this way, most of it before this loop is optimised (splitting the example's
    // corpus files in a fresh process: 53.4 → 50.9 ms, medians of 21).
    MARK.lastIndex = i;
    const mark = MARK.exec(text);
    if (mark === null) break;
    i = mark.index;
    let end = i + 1;
    while (end < text.length && (CLOSERS.includes(text[end]!) || MARKS.includes(text[end]!))) end++;
    // Every mark of the run ends where this one does, so when this one ends no sentence, none of
    // them does: go on after the run (looking again from each of 30,000 dots was quadratic).
    if (end >= text.length || !/\s/.test(text[end]!)) {
      i = end - 1;
      continue;
    }
    let next = end;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    let first = next;
    while (first < text.length && OPENERS.includes(text[first]!)) first++;
    const c = text[first];
    if (c === undefined || !/[\p{Lu}\p{N}]/u.test(c)) {
      i = end - 1;
      continue;
    }
    if (!isBoundary(text, i)) continue;
    spans.push([start, end]);
    start = next;
    i = next - 1;
  }
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push([start, end]);
  return spans;
}

/** Split text into sentences (see `sentenceSpans`). */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map(([a, b]) => text.slice(a, b));
}

/**
 * Words of a text as a reader counts them: runs of letters or digits, joined by an apostrophe or a
 * hyphen between them ("GGZ-Veiligheidsoverleg", "thema’s"); the matches of
 * /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*\/gu, counted in one pass over the characters
 * (sentences.test.ts holds the two to each other). Counted, not collected (a string per word of a
 * 9.5 MB paragraph took hundreds of MB); not with the regular expression, which was a sixth of
 * splitting a corpus into passages (bench/cli.ts, cold: the splitter counts every piece it weighs).
 */
export function countWords(text: string): number {
  let n = 0;
  let inRun = false;
  let joined = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (isLetterOrDigit(code)) {
      if (!inRun && !joined) n++;
      inRun = true;
      joined = false;
    } else {
      // An apostrophe or hyphen right after a run joins the next run to it.
      joined = inRun && (code === 0x27 || code === 0x2019 || code === 0x2d);
      inRun = false;
    }
  }
  return n;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const letterOrDigit = new Map<number, boolean>();

function isLetterOrDigit(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  let hit = letterOrDigit.get(code);
  if (hit === undefined) {
    hit = LETTER_OR_DIGIT.test(String.fromCodePoint(code));
    letterOrDigit.set(code, hit);
  }
  return hit;
}
