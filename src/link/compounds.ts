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
import { lexicon, lexiconLookup, type Lexicon, type LexiconLookup } from './lexicon.js';
import { isStopword } from './stopwords.js';

/** Shortest word that is tried: 3-letter head + 4-letter tail. */
export const MIN_WORD = 7;
export const MIN_HEAD = 3;
export const MIN_TAIL = 4;
export const MAX_PARTS = 3;

/**
 * Heads that make derivations rather than compounds even where the word list allows them to
 * begin a compound ("samen-werking", "mee-denken"): particles and prefixes. Prepositions are
 * stopwords and excluded as such.
 */
export const PREFIX_HEADS = new Set(['mee', 'terug', 'neer', 'samen', 'weder', 'mis', 'tegen', 'vooruit', 'los', 'vast', 'mede', 'zelf']);

/**
 * Tails that are adjective suffixes in compounds, not words: "belang-rijk" is not about het Rijk,
 * "regel-matig" not about maat. Seen on the Zwolse agenda's vocabulary.
 */
export const SUFFIX_TAILS = new Set([
  'rijk', 'rijke', 'matig', 'matige', 'loos', 'loze', 'lozen', 'loosheid', 'waardig', 'waardige', 'vol',
  'volle', 'baar', 'bare', 'zaam', 'zame', 'lijk', 'lijke',
]);

const CACHE_LIMIT = 200_000;

/**
 * The uninflected tail word of `form`, if `form` is a tail as written or inflected. The endings
 * are looked up as ranges of `form` (LexiconLookup), so only a found word becomes a string.
 */
function tailWord(form: string, look: LexiconLookup): string | null {
  const n = form.length;
  if (look.tail(form, 0, n)) return form;
  const last = form.charCodeAt(n - 1);
  if (last === S && look.tail(form, 0, n - 1)) return form.slice(0, -1);
  if (last === N && form.charCodeAt(n - 2) === E) {
    const b = n - 2; // the base: form without -en
    if (look.tail(form, 0, b)) return form.slice(0, b);
    // "gezinnen" → "gezin"; "vragen" → "vraag".
    if (b >= 2 && form.charCodeAt(b - 1) === form.charCodeAt(b - 2) && DOUBLED.includes(form[b - 1]!) && look.tail(form, 0, b - 1)) {
      return form.slice(0, b - 1);
    }
    if (b >= 3 && !VOWELS.includes(form[b - 1]!) && LONG.includes(form[b - 2]!) && !VOWELS.includes(form[b - 3]!)) {
      const long = form.slice(0, b - 1) + form[b - 2] + form[b - 1];
      if (look.tail(long, 0, long.length)) return long;
    }
  }
  if (last === N && look.tail(form, 0, n - 1)) return form.slice(0, -1);
  if (last === E && look.tail(form, 0, n - 1)) return form.slice(0, -1);
  // Listed only in the plural: "wijken" ends compounds, "wijk" does not ("woonwijk").
  const plural = `${form}en`;
  if (look.tail(plural, 0, plural.length)) return form;
  return null;
}

const S = 115;
const N = 110;
const E = 101;
/** Consonants whose doubling before -en is undone ("gezinnen"). */
const DOUBLED = 'bdfgklmnprst';
const VOWELS = 'aeiou';
/** Vowels written double in the singular of a plural in -en ("vragen" → "vraag"). */
const LONG = 'aeou';

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
    const word = tailWord(form, lexiconLookup(lex));
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
  const look = lexiconLookup(lex);
  for (let i = MIN_HEAD; i <= word.length - MIN_TAIL; i++) {
    const head = look.head(word, 0, i);
    if (!head || head.length < MIN_HEAD || PREFIX_HEADS.has(head) || isStopword(head)) continue;
    const tail = bestSplit(word.slice(i), budget - 1, lex, true);
    if (!tail) continue;
    const candidate = [head, ...tail];
    if (!best || better(candidate, best)) best = candidate;
  }
  return best;
}

/** Whether split `a` wins over `b`: fewer parts, then the longest shortest part, the longest head. */
export function better(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  const minA = Math.min(...a.map((p) => p.length));
  const minB = Math.min(...b.map((p) => p.length));
  if (minA !== minB) return minA > minB;
  return a[0]!.length > b[0]!.length;
}

/**
 * The parts of a compound ("zorgaanbieders" → ["zorg", "aanbieders"]), or null when the word is
 * not a compound. Input is a folded word (lowercase, no diacritics); parts keep the tail's
 * inflection, the stemmer takes care of it. Not remembered here: analysis asks once per distinct
 * word and keeps the word's terms (analyze.ts), so a cache of its own only held a second table of
 * the corpus's words through a cold build (5,200 words on the example, 0.2 MB of the old
 * generation and as much again while the table grew).
 */
export function splitCompound(word: string, lex: Lexicon = lexicon()): string[] | null {
  if (word.length >= MIN_WORD && /^[a-z]+$/.test(word)) return bestSplit(word, MAX_PARTS, lex, false);
  return null;
}

/**
 * The tail of a word after its longest compound head, suffix-like tails allowed: for elisions,
 * where the writer says the word is a compound ("dak- en thuis|loosheid" → "loosheid").
 */
export function tailAfterHead(word: string, lex: Lexicon = lexicon()): string | null {
  const look = lexiconLookup(lex);
  for (let i = word.length - MIN_TAIL; i >= MIN_HEAD; i--) {
    const head = look.head(word, 0, i);
    if (!head || PREFIX_HEADS.has(head) || isStopword(head)) continue;
    const tail = word.slice(i);
    if (DERIVATIONAL.has(tail)) continue;
    if (tailWord(tail, look) !== null) return tail;
  }
  return null;
}

/** Suffixes that make "veilig-heid" a derivation: never the tail an elision borrows. */
export const DERIVATIONAL = new Set(['heid', 'heden', 'ingen', 'lijk', 'lijke', 'isch', 'ische', 'baar', 'bare', 'schap', 'achtig']);
