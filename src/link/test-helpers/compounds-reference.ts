/**
 * The compound splitter as it was before it asked the lexicon by ranges of a word
 * (LexiconLookup, the pack's hash tables): the same rules over the lexicon's Map and Sets, string
 * slices and all, without its caches; its word lists and lengths are the splitter's own, so that
 * the comparison in compounds.test.ts is about how words are looked up, not which.
 */
import { better, DERIVATIONAL, MAX_PARTS, MIN_HEAD, MIN_TAIL, MIN_WORD, PREFIX_HEADS, SUFFIX_TAILS } from '../compounds.js';
import type { Lexicon } from '../lexicon.js';
import { isStopword } from '../stopwords.js';

/** The uninflected tail word of `form`, if `form` is a tail as written or inflected. */
function tailWord(form: string, tails: Set<string>): string | null {
  if (tails.has(form)) return form;
  if (form.endsWith('s') && tails.has(form.slice(0, -1))) return form.slice(0, -1);
  if (form.endsWith('en')) {
    const base = form.slice(0, -2);
    if (tails.has(base)) return base;
    // "gezinnen" → "gezin"; "vragen" → "vraag".
    if (/([bdfgklmnprst])\1$/.test(base) && tails.has(base.slice(0, -1))) return base.slice(0, -1);
    const long = base.length > 2 ? base.slice(0, -1) + base[base.length - 2] + base.slice(-1) : '';
    if (/[^aeiou][aeou][^aeiou]$/.test(base) && tails.has(long)) return long;
  }
  if (form.endsWith('n') && tails.has(form.slice(0, -1))) return form.slice(0, -1);
  if (form.endsWith('e') && tails.has(form.slice(0, -1))) return form.slice(0, -1);
  // Listed only in the plural: "wijken" ends compounds, "wijk" does not ("woonwijk").
  if (tails.has(`${form}en`)) return form;
  return null;
}

function isTail(form: string, lex: Lexicon): boolean {
  if (form.length < MIN_TAIL) return false;
  if (isStopword(form) || SUFFIX_TAILS.has(form)) return false;
  const word = tailWord(form, lex.tails);
  return word !== null && !SUFFIX_TAILS.has(word);
}

/** Best split of `word` into at most `budget` parts, or null. A whole word counts as one part. */
function bestSplit(word: string, budget: number, lex: Lexicon, allowWhole: boolean): string[] | null {
  if (allowWhole && isTail(word, lex)) return [word];
  if (budget < 2 || word.length < MIN_HEAD + MIN_TAIL) return null;
  let best: string[] | null = null;
  for (let i = MIN_HEAD; i <= word.length - MIN_TAIL; i++) {
    const form = word.slice(0, i);
    const head = lex.heads.get(form);
    if (!head || head.length < MIN_HEAD || PREFIX_HEADS.has(head) || isStopword(head)) continue;
    const tail = bestSplit(word.slice(i), budget - 1, lex, true);
    if (!tail) continue;
    const candidate = [head, ...tail];
    if (!best || better(candidate, best)) best = candidate;
  }
  return best;
}

/**
 * The parts of a compound ("zorgaanbieders" → ["zorg", "aanbieders"]), or null when the word is
 * not a compound. Input is a folded word (lowercase, no diacritics); parts keep the tail's
 * inflection, the stemmer takes care of it.
 */
export function splitCompound(word: string, lex: Lexicon): string[] | null {
  if (word.length < MIN_WORD || !/^[a-z]+$/.test(word)) return null;
  return bestSplit(word, MAX_PARTS, lex, false);
}

/**
 * The tail of a word after its longest compound head, suffix-like tails allowed: for elisions,
 * where the writer says the word is a compound ("dak- en thuis|loosheid" → "loosheid").
 */
export function tailAfterHead(word: string, lex: Lexicon): string | null {
  for (let i = word.length - MIN_TAIL; i >= MIN_HEAD; i--) {
    const head = lex.heads.get(word.slice(0, i));
    const tail = word.slice(i);
    if (!head || PREFIX_HEADS.has(head) || isStopword(head) || DERIVATIONAL.has(tail)) continue;
    if (tailWord(tail, lex.tails) !== null) return tail;
  }
  return null;
}
