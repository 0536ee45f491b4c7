/**
 * Synonyms as search engines do them: a file in the Solr/Elasticsearch synonym format, applied to
 * the query after analysis.
 *
 *   # a comment
 *   verward gedrag, verwarde personen, personen met verward gedrag    (equivalent: each finds all)
 *   rode knop, noodknop => respijtzorg, mantelzorgondersteuning       (one-way: the left finds the right)
 *
 * Every word is analysed as query and passages are (stopwords out, stems, compound parts), so
 * "verwarde personen" meets "verward persoon" and "personen met verward gedrag" is the term
 * sequence verward · gedrag after person. A rule fires when the analysed words of one of its
 * phrases stand together in the question (stopwords between them do not count), or, for a phrase
 * of one word and stopwords ("alleen wonen"), when the phrase stands in it as written; the terms of the
 * phrases it leads to are then added to the query at SYNONYM_WEIGHT of the words that fired it.
 * Unlike Solr's `=>`, the question's own words stay: a question is never searched for less than
 * what it says. A one-word phrase also fires on a compound part ("seniorenhuisvesting" holds
 * "senioren"), at that part's weight.
 *
 * The tool ships a default list for the Dutch social domain (synonyms-nl.ts); a workspace adds its
 * own in `corpus/synoniemen.txt` (synonyms.ts reads every corpus folder's file).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText, ANALYZER_VERSION } from './analyze.js';
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { tokenize, type Token } from './tokenize.js';
import { currentCacheDir, readCache, writeCache } from './cache-file.js';
import { packKey as lexiconKey } from './lexicon.js';
import { DEFAULT_SYNONYMS_TEXT } from './synonyms-nl.js';

/** The file a workspace keeps its own synonyms in, in each corpus folder. */
export const SYNONYM_FILE = 'synoniemen.txt';

/** One phrase of a rule: as written, and its analysed whole-word terms in order. */
export interface SynonymPhrase {
  text: string;
  /** The stems of its words, stopwords left out, in order. */
  words: string[];
  /** Every term its analysis gives (words and compound parts) with its weight. */
  terms: Array<{ term: string; weight: number }>;
  /**
   * For a phrase of one word and stopwords ("alleen wonen", "op straat"): its words as they must
   * stand in the text, stopwords as written and the word by its stem. Without its stopwords such a
   * phrase is one word and would fire wherever that word is ("wonen").
   */
  exact?: string[];
}

/** A rule: any phrase of `from` in a question adds the phrases of `to` (for an equivalence, all of one group). */
export interface SynonymRule {
  from: SynonymPhrase[];
  to: SynonymPhrase[];
  /** Where the rule was written: "file:line". */
  source: string;
}

export interface SynonymSet {
  rules: SynonymRule[];
  /** Rules by the first word of each `from` phrase (phrases matched exactly left out). */
  byFirst: Map<string, Array<{ rule: SynonymRule; phrase: SynonymPhrase }>>;
  /** The `from` phrases that must stand in the text as written (SynonymPhrase.exact). */
  exact: Array<{ rule: SynonymRule; phrase: SynonymPhrase }>;
}

/** A problem with a line of a synonym file: it is skipped, the others are used. */
export interface SynonymProblem {
  file: string;
  line: number;
  message: string;
}

function phrase(text: string): SynonymPhrase | null {
  const tokens = tokenize(text);
  const { terms } = analyzeText(text, tokens);
  const words = terms.filter((t) => t.weight === 1).map((t) => t.term);
  if (words.length === 0) return null;
  const out: SynonymPhrase = { text, words, terms: terms.map((t) => ({ term: t.term, weight: t.weight })) };
  if (words.length === 1 && tokens.length > 1) out.exact = exactKeys(tokens);
  return out;
}

/**
 * The words of a text as an exact phrase matches them: a stopword as written (folded), any other
 * word by its stem, so that "alleen wonen" meets "ouderen die alleen wonen" but not "wonen zij
 * alleen?" (a form the stemmer keeps apart, "woont", needs a phrase of its own: "alleen woont").
 */
function exactKeys(tokens: readonly Token[]): string[] {
  const keys: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'joined') continue;
    keys.push(isStopword(t.norm) ? t.norm : stem(t.norm));
  }
  return keys;
}

function phrases(list: string): string[] {
  return list
    .split(',')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** Parse synonym rules in the Solr format; lines that give no rule are reported, never thrown. */
export function parseSynonyms(text: string, file = SYNONYM_FILE): { rules: SynonymRule[]; problems: SynonymProblem[] } {
  const rules: SynonymRule[] = [];
  const problems: SynonymProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const source = `${file}:${i + 1}`;
    const arrow = line.split('=>');
    if (arrow.length > 2) {
      problems.push({ file, line: i + 1, message: 'more than one "=>" in a rule' });
      return;
    }
    const left = phrases(arrow[0]!).map(phrase);
    const right = arrow.length === 2 ? phrases(arrow[1]!).map(phrase) : left;
    if (left.some((p) => p === null) || right.some((p) => p === null)) {
      problems.push({ file, line: i + 1, message: 'a phrase with only stopwords or punctuation' });
      return;
    }
    const from = left as SynonymPhrase[];
    const to = right as SynonymPhrase[];
    if (arrow.length === 1 && from.length < 2) {
      problems.push({ file, line: i + 1, message: 'a rule needs two phrases ("a, b") or an arrow ("a => b")' });
      return;
    }
    if (to.length === 0 || from.length === 0) {
      problems.push({ file, line: i + 1, message: 'an arrow needs phrases on both sides' });
      return;
    }
    rules.push({ from, to, source });
  });
  return { rules, problems };
}

/** A synonym set of rules, indexed for matching. */
export function synonymSet(rules: readonly SynonymRule[]): SynonymSet {
  const byFirst = new Map<string, Array<{ rule: SynonymRule; phrase: SynonymPhrase }>>();
  const exact: SynonymSet['exact'] = [];
  for (const rule of rules) {
    for (const p of rule.from) {
      if (p.exact) {
        exact.push({ rule, phrase: p });
        continue;
      }
      const list = byFirst.get(p.words[0]!) ?? [];
      list.push({ rule, phrase: p });
      byFirst.set(p.words[0]!, list);
    }
  }
  return { rules: [...rules], byFirst, exact };
}

let defaults: SynonymSet | null = null;

/** The analysed default list, as the build ships it beside this module (writeSynonymPack). */
// '../link/': this folder as seen from dist/link/ and from the command line's bundle in dist/bundle/ alike.
const PACK_FILE = new URL('../link/synonyms.pack.json', import.meta.url);

/** What the shipped analysed list must have been made from: the list, the analyser, the word list. */
function synonymPackKey(): string {
  return `synonyms-pack 2 analyzer ${ANALYZER_VERSION} ${lexiconKey() ?? 'no word list'} ${createHash('sha256').update(DEFAULT_SYNONYMS_TEXT).digest('hex').slice(0, 16)}`;
}

/** The analysed default rules of the shipped pack, when it was made from this list, analyser and word list. */
function readSynonymPack(): SynonymRule[] | null {
  try {
    const data = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as { key?: unknown; rules?: unknown };
    return data.key === synonymPackKey() && Array.isArray(data.rules) ? (data.rules as SynonymRule[]) : null;
  } catch {
    return null;
  }
}

/** Write the analysed default list beside the compiled module (the build does this: scripts/pack-data.mjs). */
export function writeSynonymPack(): string {
  const rules = parseSynonyms(DEFAULT_SYNONYMS_TEXT, 'synoniemen (standaard)').rules;
  writeFileSync(PACK_FILE, JSON.stringify({ key: synonymPackKey(), rules }));
  return fileURLToPath(PACK_FILE);
}

/**
 * The default list for the Dutch social domain that ships with the tool (synonyms-nl.ts), analysed:
 * read from the build's pack, else from the cache in `.answer/` (cache-file.ts), else analysed
 * here. Analysing its 350 rules took 80-100 ms CPU in a new process.
 */
export function defaultSynonyms(): SynonymSet {
  if (defaults) return defaults;
  const packed = readSynonymPack();
  if (packed) return (defaults = synonymSet(packed));
  const dir = currentCacheDir();
  const key = `synonyms 2 analyzer ${ANALYZER_VERSION} v8 ${process.versions.v8} ${createHash('sha256').update(DEFAULT_SYNONYMS_TEXT).digest('hex').slice(0, 16)}`;
  const cached = readCache(dir, 'synonyms.v8', key) as SynonymSet | null;
  if (cached && Array.isArray(cached.rules) && cached.byFirst instanceof Map && Array.isArray(cached.exact)) {
    defaults = cached;
  } else {
    defaults = synonymSet(parseSynonyms(DEFAULT_SYNONYMS_TEXT, 'synoniemen (standaard)').rules);
    writeCache(dir, 'synonyms.v8', key, defaults);
  }
  return defaults;
}

/**
 * The synonyms of a workspace: the default list and the rules of `synoniemen.txt` in each corpus
 * folder. A missing file is no problem; a line that gives no rule is reported and skipped.
 */
export async function loadSynonyms(workspace: string, folders: readonly string[] = ['corpus']): Promise<{ synonyms: SynonymSet; problems: SynonymProblem[] }> {
  const rules = [...defaultSynonyms().rules];
  const own = rules.length;
  const problems: SynonymProblem[] = [];
  for (const folder of folders) {
    const file = join(folder, SYNONYM_FILE).replace(/\\/g, '/');
    let text: string;
    try {
      text = await readFile(join(workspace, file), 'utf8');
    } catch {
      continue;
    }
    const parsed = parseSynonyms(text, file);
    rules.push(...parsed.rules);
    problems.push(...parsed.problems);
  }
  return { synonyms: rules.length === own ? defaultSynonyms() : synonymSet(rules), problems };
}

/**
 * What a rule does for a question: the words that fired it (the trigger) and the phrases they
 * stand for, each an alternative way of saying the trigger.
 */
export interface SynonymFiring {
  /** The analysed terms of the trigger, in order (a word, a phrase, or one compound part). */
  trigger: string[];
  /** The trigger's words as written in the question. */
  raws: string[];
  /** The trigger's weight in the question (its lightest word). */
  weight: number;
  /** The phrases the trigger stands for, with their analysed terms (the question's own terms left out). */
  alternatives: Array<{ via: string; terms: Array<{ term: string; weight: number }> }>;
}

/**
 * The synonym rules that fire on an analysed text: `words` is its sequence of whole-word terms
 * (with their weights and raw forms), `parts` its compound parts, `text` the text itself (for the
 * phrases that must stand in it as written; without it they do not fire). One firing per trigger,
 * with the phrases of every rule it fired merged; terms of the text itself are never alternatives.
 */
export function expandSynonyms(
  set: SynonymSet,
  words: ReadonlyArray<{ term: string; weight: number; raw: string }>,
  parts: ReadonlyArray<{ term: string; weight: number; raw: string }> = [],
  text?: string,
): SynonymFiring[] {
  const own = new Set([...words, ...parts].map((w) => w.term));
  const out = new Map<string, SynonymFiring>();
  const fire = (rule: SynonymRule, matched: SynonymPhrase, weight: number, raws: string[]) => {
    const said = matched.words.join(' ');
    // An exact phrase is its own trigger: "alleen wonen" is not "wonen".
    const key = matched.exact ? matched.exact.join(' ') : said;
    let firing = out.get(key);
    if (!firing) {
      firing = { trigger: [...matched.words], raws, weight, alternatives: [] };
      out.set(key, firing);
    }
    firing.weight = Math.max(firing.weight, weight);
    for (const target of rule.to) {
      if (target.words.join(' ') === said) continue;
      if (firing.alternatives.some((a) => a.via === target.text)) continue;
      const terms = target.terms.filter((t) => !own.has(t.term));
      if (terms.length > 0) firing.alternatives.push({ via: target.text, terms });
    }
  };
  for (let i = 0; i < words.length; i++) {
    for (const { rule, phrase: p } of set.byFirst.get(words[i]!.term) ?? []) {
      if (i + p.words.length > words.length) continue;
      let ok = true;
      for (let k = 1; k < p.words.length; k++) {
        if (words[i + k]!.term !== p.words[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const span = words.slice(i, i + p.words.length);
      fire(rule, p, Math.min(...span.map((w) => w.weight)), [...new Set(span.map((w) => w.raw))]);
    }
  }
  for (const part of parts) {
    for (const { rule, phrase: p } of set.byFirst.get(part.term) ?? []) {
      if (p.words.length === 1) fire(rule, p, part.weight, [part.raw]);
    }
  }
  // An exact phrase needs its word in the text: only then is the text tokenized again.
  const exact = text === undefined ? [] : set.exact.filter((e) => own.has(e.phrase.words[0]!));
  if (text !== undefined && exact.length > 0) {
    const tokens = tokenize(text);
    const keys = exactKeys(tokens);
    const raws = tokens.filter((t) => t.kind !== 'joined').map((t) => t.raw);
    for (const { rule, phrase: p } of exact) {
      const at = indexOfRun(keys, p.exact!);
      if (at < 0) continue;
      // The phrase's word weighs as it does in the text (a framing or excluded word: lighter, or not at all).
      let weight = 0;
      for (const w of words) if (w.term === p.words[0] && w.weight > weight) weight = w.weight;
      if (weight > 0) fire(rule, p, weight, raws.slice(at, at + p.exact!.length));
    }
  }
  return [...out.values()].filter((f) => f.alternatives.length > 0);
}

/** Where `run` first stands in `list`, or -1. */
function indexOfRun(list: readonly string[], run: readonly string[]): number {
  for (let i = 0; i + run.length <= list.length; i++) {
    let k = 0;
    while (k < run.length && list[i + k] === run[k]) k++;
    if (k === run.length) return i;
  }
  return -1;
}
