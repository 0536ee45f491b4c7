/**
 * Dutch analysis, wired: tokenize → drop stopwords → resolve elisions → stem → add compound parts.
 * The same function analyses passages (at index time) and queries, so both sides always meet.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Passage } from '../model.js';
import { currentCacheDir, readCache, writeCache } from './cache-file.js';
import { splitCompound, tailAfterHead } from './compounds.js';
import { nominalizedVerb } from './derive.js';
import { FIELD_COUNT, type AnalyzedPassage } from './index-store.js';
import { packKey as lexiconKey } from './lexicon.js';
import { stem, stemOnce } from './stem.js';
import { isStopword, stopwordSet } from './stopwords.js';
import { tokenize, type Token } from './tokenize.js';
import { installedDictionaryForms, packWords, WordPack, type WordTerm } from './word-pack.js';

/**
 * Bump when analysis changes what terms a text gives: a persisted index made by another version
 * is then rebuilt instead of being read. (2: passages carry their document's `date`; 3: time
 * adverbials are function phrases, a nominalisation carries its verb; 4: more set phrases, "en/of"
 * is no elision.)
 */
export const ANALYZER_VERSION = 4;

/**
 * Weight of a term that is only part of what was written: a compound part ("aanbieder" of
 * "zorgaanbieders") or a hyphenated word written together ("zonmwsubsidie"). Half of a word:
 * a part is evidence for the topic, but weaker than the word itself, and a common head like
 * "zorg" would otherwise count in every "zorgvraag", "zorgketen", "zorgkantoor".
 */
export const PART_WEIGHT = 0.5;

/** One occurrence of a term in a text. */
export interface TermOccurrence {
  /** The index term (a stem). */
  term: string;
  /** 1 for a word, PART_WEIGHT for a compound part or a joined form. */
  weight: number;
  /** The word as written in the text this term came from. */
  raw: string;
  /** Index of the token it came from in `tokenize(text)`. */
  token: number;
}

/** Conjunctions that may follow an elision: "zorg- en veiligheidsvragen", "dak- of thuisloos". */
const ELISION_JOINERS = new Set(['en', 'of', 'als', 'tot', 'noch', 'enof']);

/**
 * Complex prepositions and question idioms (ANS, "samengestelde voorzetsels"): their nouns are no
 * topic. "op het gebied van zorg" is about zorg, not about a gebied; "in het kader van" about
 * what follows. Matched on folded word sequences; their words are dropped on both sides.
 */
const FUNCTION_PHRASES = [
  'op het gebied van', 'op het terrein van', 'in het kader van', 'ten aanzien van', 'met betrekking tot', 'naar aanleiding van',
  'door middel van', 'in verband met', 'met het oog op', 'ten behoeve van', 'ten opzichte van', 'in plaats van', 'op grond van',
  'aan de hand van', 'in de loop van', 'op basis van', 'als gevolg van', 'ten gevolge van', 'in het geval van', 'in de vorm van',
  'met behulp van', 'ten koste van', 'in het licht van', 'op dit moment', 'op het moment', 'op welke wijze', 'op welke manier',
  'op die manier', 'op deze manier', 'in hoeverre', 'aan de slag', 'zo ja', 'zo nee', 'indien ja', 'indien nee', 'waarom niet',
  // Set phrases of a question's frame: "wat is de stand van zaken", "op het vlak van jeugdzorg",
  // "als het gaat om vereenzaming", "zo snel mogelijk".
  'stand van zaken', 'op het vlak van', 'als het gaat om', 'wat betreft', 'zo snel mogelijk', 'zo spoedig mogelijk',
  'bij herhaling', 'onder andere', 'met name', 'in het algemeen',
  // Time adverbials: "op (de) langere termijn" says when, not what.
  'op termijn', 'op korte termijn', 'op lange termijn', 'op langere termijn', 'op de korte termijn', 'op de lange termijn', 'op de langere termijn',
].map((p) => p.split(' '));

/** The function phrases by their first word. */
const PHRASES_BY_FIRST = new Map<string, string[][]>();
for (const phrase of FUNCTION_PHRASES) {
  const list = PHRASES_BY_FIRST.get(phrase[0]!) ?? [];
  list.push(phrase);
  PHRASES_BY_FIRST.set(phrase[0]!, list);
}

/** Positions of the tokens that are part of a function phrase. */
function functionPhraseTokens(tokens: Token[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const phrases = PHRASES_BY_FIRST.get(tokens[i]!.norm);
    if (!phrases) continue;
    for (const phrase of phrases) {
      let ok = true;
      for (let k = 1; k < phrase.length; k++) {
        const t = tokens[i + k];
        if (!t || t.kind === 'joined' || t.norm !== phrase[k]) {
          ok = false;
          break;
        }
      }
      if (ok) for (let k = 0; k < phrase.length; k++) out.add(i + k);
    }
  }
  return out;
}

/** Whether a folded word can be a term at all: not a stopword, not a lone digit. */
function isTermWord(norm: string): boolean {
  if (isStopword(norm)) return false;
  if (/^\d$/.test(norm)) return false;
  return true;
}

/**
 * The word an elided first half stands for: "zorg-" before "en veiligheidsvragen" is
 * "zorgvragen" (the last word's compound tail, "vragen", completes it). Null when the last word
 * is not a compound.
 */
function completeElision(tokens: Token[], i: number): string | null {
  const head = tokens[i]!;
  for (let j = i + 1; j < tokens.length && j <= i + 8; j++) {
    const t = tokens[j]!;
    if (t.kind === 'truncated' || t.kind === 'joined' || ELISION_JOINERS.has(t.norm)) continue;
    const tail = elisionTail(t.norm);
    return tail ? head.norm + tail : null;
  }
  return null;
}

/** The tail an elision borrows from the word that completes it (completeElision), cached as words are. */
function elisionTail(word: string): string | null {
  const hit = tailCache.get(word);
  if (hit !== undefined) return hit;
  if (wordsFrom !== currentCacheDir()) {
    loadWordCache();
    const cached = tailCache.get(word);
    if (cached !== undefined) return cached;
  }
  let tail: string | null;
  const parts = splitCompound(word);
  if (parts) {
    // The tail as written: the word minus its first part and a linking morpheme.
    const at = word.lastIndexOf(parts[parts.length - 1]!);
    tail = at > 0 ? word.slice(at) : null;
  } else {
    tail = tailAfterHead(word);
  }
  if (tailCache.size >= WORD_CACHE_LIMIT) tailCache.clear();
  tailCache.set(word, tail);
  fresh++;
  return tail;
}

const tailCache = new Map<string, string | null>();

/**
 * The terms of one folded word, with their weights: the word's stem, its compound parts and the
 * verb of a nominalisation (PART_WEIGHT each); empty for a stopword. Cached by word: a corpus
 * repeats its words (the seed corpus: 90,000 words, 12,000 distinct), and stemming, splitting and
 * the verb lookup were most of an index build's analysis. A word the cache lacks is looked up in
 * the build's analysis of the word list's forms (word-pack.ts) before it is analysed.
 */
function wordTerms(norm: string): ReadonlyArray<WordTerm> {
  const hit = wordCache.get(norm);
  if (hit) return hit;
  if (wordsFrom !== currentCacheDir()) {
    loadWordCache();
    const cached = wordCache.get(norm);
    if (cached) return cached;
  }
  fresh++;
  const out = packedWordTerms(norm) ?? analyzeWord(norm);
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(norm, out);
  return out;
}

/** The terms of one folded word, analysed (wordTerms without its caches and the build's pack). */
export function analyzeWord(norm: string): WordTerm[] {
  const out: WordTerm[] = [];
  if (isTermWord(norm)) {
    const own = stemOnce(norm);
    out.push({ term: own, weight: 1 });
    const parts = splitCompound(norm);
    if (parts) {
      for (const part of parts) {
        if (isTermWord(part)) out.push({ term: stem(part), weight: PART_WEIGHT });
      }
    }
    // The verb of a nominalisation weighs as a part: related evidence, weaker than the word itself.
    // Of the word only: the verb of a compound's part ("corporatiewoningen" → "wonen") is a guess
    // on a guess, and "wonen" is in every other passage of a policy corpus on care.
    const verb = nominalizedVerb(norm);
    if (verb) {
      const term = stem(verb);
      if (term !== own && !(parts && parts.some((p) => stem(p) === term))) out.push({ term, weight: PART_WEIGHT });
    }
  }
  return out;
}

/** The build's analysis of the word list's forms (word-pack.ts), beside this module. */
// '../link/': this folder as seen from dist/link/ and from the command line's bundle in dist/bundle/ alike.
const WORD_PACK_FILE = new URL('../link/words.pack', import.meta.url);
/** The shipped word pack (undefined: not read yet; null: none for this analyser and word list). */
let wordPack: WordPack | null | undefined;

/** What the word pack must have been made from: this analyser, the word list and the stopwords. */
export function wordPackKey(): string | null {
  const lexicon = lexiconKey();
  if (lexicon === null) return null;
  const stopwords = createHash('sha256').update([...stopwordSet()].join('\n')).digest('hex').slice(0, 16);
  return `words-pack 1 analyzer ${ANALYZER_VERSION} ${lexicon} stopwords ${stopwords}`;
}

/**
 * Words this process analyses before it reads the word pack: reading the pack's 7 MB took 10-16 ms
 * (10.9, median of five processes), where a warm `answer search` with a word its cache lacks
 * analyses a handful (and so keeps a peak of 80 MiB, not 87); a cold index build analyses thousands
 * (5,494 on the example).
 */
const PACK_AFTER = 32;
let analyzed = 0;

function packedWordTerms(norm: string): WordTerm[] | undefined {
  if (wordPack === undefined) {
    if (analyzed++ < PACK_AFTER) return undefined;
    const key = wordPackKey();
    try {
      wordPack = key === null ? null : WordPack.read(readFileSync(WORD_PACK_FILE), key, PART_WEIGHT);
    } catch {
      // No pack (running from src/): every word is analysed.
      wordPack = null;
    }
  }
  return wordPack?.terms(norm);
}

/**
 * Write the analysis of the word list's forms beside the compiled module (the build does this,
 * scripts/pack-data.mjs, after the lexicon's pack, which the analysis then reads).
 */
export function writeWordPack(): string {
  const key = wordPackKey();
  if (key === null) return 'no word list: no word pack';
  writeFileSync(WORD_PACK_FILE, packWords(installedDictionaryForms(), analyzeWord, key, PART_WEIGHT));
  return fileURLToPath(WORD_PACK_FILE);
}

const wordCache = new Map<string, ReadonlyArray<WordTerm>>();
const WORD_CACHE_LIMIT = 50_000;

/**
 * The words' analyses are kept in `.answer/` too (cache-file.ts), for the next process: analysing
 * a word is stemming it, splitting it against the word list and looking up its verb, and a warm
 * `answer search` analysed its query and the 60 candidates it looks at for proximity anew, and
 * loaded the word list for that (about a third of its CPU: bench/cli.ts). What a word gives
 * depends only on this analyser and the word list, so the key is theirs.
 */
const WORDS_FILE = 'words.v8';
/** The cache folder the word cache was loaded from (undefined: not looked at yet). */
let wordsFrom: string | null | undefined;
/** Words analysed in this process that the loaded cache did not have. */
let fresh = 0;
/** Whether a cache file was read (else every word is fresh). */
let wordsRead = false;

function wordsKey(): string {
  return `words 1 analyzer ${ANALYZER_VERSION} ${lexiconKey() ?? 'no word list'} v8 ${process.versions.v8}`;
}

function loadWordCache(): void {
  wordsFrom = currentCacheDir();
  const cached = readCache(wordsFrom, WORDS_FILE, wordsKey()) as { words?: unknown; tails?: unknown } | null;
  wordsRead = cached !== null && cached.words instanceof Map && cached.tails instanceof Map;
  if (!wordsRead) return;
  for (const [word, terms] of cached!.words as Map<string, Array<{ term: string; weight: number }>>) {
    if (wordCache.size >= WORD_CACHE_LIMIT) break;
    if (typeof word === 'string' && Array.isArray(terms)) wordCache.set(word, terms);
  }
  for (const [word, tail] of cached!.tails as Map<string, string | null>) {
    if (tailCache.size >= WORD_CACHE_LIMIT) break;
    if (typeof word === 'string' && (tail === null || typeof tail === 'string')) tailCache.set(word, tail);
  }
}

/**
 * Keep the analysed words in the cache folder for the next process (workspace/link.ts calls it
 * after the index is brought up to date): when there was no cache yet, or at least
 * WORDS_REWRITE words were new. A write that fails only costs the next run the analysis again.
 */
export function saveWordCache(): void {
  const dir = currentCacheDir();
  if (!dir || dir !== wordsFrom || fresh === 0 || (wordsRead && fresh < WORDS_REWRITE)) return;
  writeCache(dir, WORDS_FILE, wordsKey(), { words: wordCache, tails: tailCache });
  fresh = 0;
  wordsRead = true;
}

const WORDS_REWRITE = 64;

/** Called for each term occurrence of a text, in order: the term, its weight, the word as written, its token. */
type Visit = (term: string, weight: number, raw: string, token: number) => void;

/** Walk a text's term occurrences (see analyzeText); returns its length in words. */
function eachTerm(tokens: Token[], visit: Visit): number {
  const skip = functionPhraseTokens(tokens);
  let length = 0;
  // Indexed loops, not for-of: this runs for every word of a cold build, most of them before it
  // is optimised, where an iterator costs calls and a result object per step.
  const word = (norm: string, raw: string, i: number) => {
    const terms = wordTerms(norm);
    for (let k = 0; k < terms.length; k++) visit(terms[k]!.term, terms[k]!.weight, raw, i);
    if (terms.length > 0) length++;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (skip.has(i)) continue;
    if (token.kind === 'joined') {
      const pieces = token.raw.split(/[-/\u2010\u2011]/);
      if (pieces.some((p) => isTermWord(p.toLowerCase())) && isTermWord(token.norm)) visit(stem(token.norm), PART_WEIGHT, token.raw, i);
      continue;
    }
    if (token.kind === 'truncated') {
      word(completeElision(tokens, i) ?? token.norm, token.raw, i);
      continue;
    }
    word(token.norm, token.raw, i);
  }
  return length;
}

/** Analyse a text into term occurrences, and its length in words (stopwords not counted). */
export function analyzeText(text: string, tokens: Token[] = tokenize(text)): { terms: TermOccurrence[]; length: number } {
  const terms: TermOccurrence[] = [];
  const length = eachTerm(tokens, (term, weight, raw, token) => terms.push({ term, weight, raw, token }));
  return { terms, length };
}

/** Weighted term frequencies of a text (for one field of a passage), without an object per occurrence. */
export function termFrequencies(text: string): { tf: Map<string, number>; length: number } {
  const tf = new Map<string, number>();
  const length = eachTerm(tokenize(text), (term, weight) => tf.set(term, (tf.get(term) ?? 0) + weight));
  return { tf, length };
}

/**
 * Term frequencies of a heading path or title: every passage of a section has the same heading
 * path and every passage of a document the same title, so each is analysed once (seed corpus:
 * 248 heading paths and 3 titles for 586 passages). Read only; bounded, cleared when full.
 */
const shared = new Map<string, { tf: Map<string, number>; length: number }>();
const SHARED_LIMIT = 10_000;

function sharedFrequencies(text: string): { tf: Map<string, number>; length: number } {
  let hit = shared.get(text);
  if (!hit) {
    if (shared.size >= SHARED_LIMIT) shared.clear();
    hit = termFrequencies(text);
    shared.set(text, hit);
  }
  return hit;
}

/** The heading path without the document title in front (the title is a field of its own). */
export function sectionHeadings(passage: Pick<Passage, 'heading' | 'title'>): string[] {
  const heading = passage.heading;
  return heading.length > 0 && heading[0] === passage.title ? heading.slice(1) : heading;
}

/**
 * The section a passage belongs to: its document and heading path. Passages with one key are read
 * as one document by section-level scoring (score.ts) and count as alike in diversification.
 */
export function sectionKey(passage: Pick<Passage, 'doc' | 'heading'>): string {
  // JSON: unambiguous whatever the headings hold, and text any database stores (no NUL byte).
  return JSON.stringify([passage.doc, ...passage.heading]);
}

/** Analyse a passage's fields (text, heading path, document title) and its section for the index. */
export function analyzePassage(passage: Passage): AnalyzedPassage {
  const terms = new Map<string, number[]>();
  const rowOf = (term: string): number[] => {
    let row = terms.get(term);
    if (!row) {
      row = new Array<number>(FIELD_COUNT).fill(0);
      terms.set(term, row);
    }
    return row;
  };
  // The text's frequencies summed in the rows themselves, not in a Map of their own copied into
  // them (the same sums in the same order, the terms in the same order): a Map and a pass over it
  // per passage fewer, in the loop that is most of a cold index build.
  const lengths = [eachTerm(tokenize(passage.text), (term, weight) => (rowOf(term)[0] += weight))];
  const shared = [sectionHeadings(passage).join('\n'), passage.title];
  for (let f = 1; f <= shared.length; f++) {
    const { tf, length } = sharedFrequencies(shared[f - 1]!);
    lengths.push(length);
    tf.forEach((freq, term) => (rowOf(term)[f] = freq));
  }
  return { passage, section: sectionKey(passage), terms, lengths };
}
