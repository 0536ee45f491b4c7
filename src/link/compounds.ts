/**
 * Step 4 of Dutch analysis: split compounds, so "zorgaanbieders" also finds "aanbieders van
 * zorg" and "woningcorporaties" finds "corporaties".
 *
 * A split is head + tail, where the head is a word the word list allows to begin a compound (with
 * its linking morpheme: "veiligheid-s-", "mensen-") and the tail a word it allows to end one (as
 * written or inflected: plural -s/-en, -e), or a head + tail again (at most three parts).
 * Among the valid splits the one with the fewest parts wins, then the most even one (the longest
 * shortest part), then the longest head. Particles and prefixes ("samen" in "samenwerking") are
 * never heads: those words are derivations, not compounds.
 */
import { lexicon, type Lexicon } from './lexicon.js';
import { isStopword } from './stopwords.js';

/** Shortest word that is tried: 3-letter head + 4-letter tail. */
const MIN_WORD = 7;
const MIN_HEAD = 3;
const MIN_TAIL = 4;
const MAX_PARTS = 3;

/**
 * Heads that make derivations rather than compounds even where the word list allows them to
 * begin a compound ("samen-werking", "mee-denken"): particles and prefixes. Prepositions are
 * stopwords and excluded as such.
 */
const PREFIX_HEADS = new Set(['mee', 'terug', 'neer', 'samen', 'weder', 'mis', 'tegen', 'vooruit', 'los', 'vast', 'mede', 'zelf']);

/**
 * Tails that are adjective suffixes in compounds, not words: "belang-rijk" is not about het Rijk,
 * "regel-matig" not about maat. Seen on the Zwolse agenda's vocabulary.
 */
const SUFFIX_TAILS = new Set([
  'rijk', 'rijke', 'matig', 'matige', 'loos', 'loze', 'lozen', 'loosheid', 'waardig', 'waardige', 'vol',
  'volle', 'baar', 'bare', 'zaam', 'zame', 'lijk', 'lijke',
]);

const cache = new Map<string, string[] | null>();
const CACHE_LIMIT = 200_000;

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
  // Remembered per word list: the splitter asks for the same endings over and over ("zorg",
  // "beleid", "werking"), across the positions of one word and across words; the first analysis
  // of every word of a corpus is most of a cold index build.
  let memo = tailMemo.get(lex);
  if (!memo) tailMemo.set(lex, (memo = new Map()));
  const hit = memo.get(form);
  if (hit !== undefined) return hit;
  let tail = false;
  if (!isStopword(form) && !SUFFIX_TAILS.has(form)) {
    const word = tailWord(form, lex.tails);
    tail = word !== null && !SUFFIX_TAILS.has(word);
  }
  if (memo.size >= CACHE_LIMIT) memo.clear();
  memo.set(form, tail);
  return tail;
}

const tailMemo = new WeakMap<Lexicon, Map<string, boolean>>();

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

function better(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  const minA = Math.min(...a.map((p) => p.length));
  const minB = Math.min(...b.map((p) => p.length));
  if (minA !== minB) return minA > minB;
  return a[0]!.length > b[0]!.length;
}

/**
 * The parts of a compound ("zorgaanbieders" → ["zorg", "aanbieders"]), or null when the word is
 * not a compound. Input is a folded word (lowercase, no diacritics); parts keep the tail's
 * inflection, the stemmer takes care of it.
 */
export function splitCompound(word: string, lex: Lexicon = lexicon()): string[] | null {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let parts: string[] | null = null;
  if (word.length >= MIN_WORD && /^[a-z]+$/.test(word)) {
    parts = bestSplit(word, MAX_PARTS, lex, false);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, parts);
  return parts;
}

/**
 * The tail of a word after its longest compound head, suffix-like tails allowed: for elisions,
 * where the writer says the word is a compound ("dak- en thuis|loosheid" → "loosheid").
 */
export function tailAfterHead(word: string, lex: Lexicon = lexicon()): string | null {
  for (let i = word.length - MIN_TAIL; i >= MIN_HEAD; i--) {
    const head = lex.heads.get(word.slice(0, i));
    const tail = word.slice(i);
    if (!head || PREFIX_HEADS.has(head) || isStopword(head) || DERIVATIONAL.has(tail)) continue;
    if (tailWord(tail, lex.tails) !== null) return tail;
  }
  return null;
}

/** Suffixes that make "veilig-heid" a derivation: never the tail an elision borrows. */
const DERIVATIONAL = new Set(['heid', 'heden', 'ingen', 'lijk', 'lijke', 'isch', 'ische', 'baar', 'bare', 'schap', 'achtig']);

/** Forget cached splits (tests that swap the lexicon). */
export function clearCompoundCache(): void {
  cache.clear();
}
