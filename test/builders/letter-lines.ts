/**
 * A letter's text as paragraphs with their list labels recognised, shared by the PDF and DOCX
 * fixture builders, and the word/label comparisons the round-trip tests make.
 *
 * Every non-empty line of a development letter is one paragraph (the letters are web text: one
 * line per paragraph, or hard-wrapped lines that a builder keeps as they are).
 */

export type ParagraphKind = 'text' | 'numbered' | 'lettered' | 'bullet' | 'blank';

export interface LetterParagraph {
  kind: ParagraphKind;
  /** 0 for top-level items and text, 1 for sub-items (`a.`, `o`). */
  level: 0 | 1;
  /** The label as printed in the letter (`1.`, `1)`, `a.`, `•`, `-`, `–`, `o`), or null. */
  label: string | null;
  /** For numbered and lettered items: the number (a = 1). */
  number: number | null;
  /** For numbered and lettered items: `.` or `)`. */
  delimiter: '.' | ')' | null;
  /** The paragraph's text without its label. */
  text: string;
}

// "1. Vraag", "1) Vraag", "1.Vraag" (letter 26 writes it without a space), but not "12.000 woningen".
const NUMBERED = /^(\d{1,2})([.)])(?:\s+|(?=[A-Za-zÀ-ÿ‘“'"(]))(\S.*)$/;
const LETTERED = /^([a-z])([.)])\s+(\S.*)$/;
const BULLET = /^([•\-–])\s+(\S.*)$/;
const SUB_BULLET = /^(o)\s+(\S.*)$/;

/** Recognise a list label at the start of a (trimmed) line. */
export function matchLabel(line: string): Omit<LetterParagraph, 'text'> & { text: string } | null {
  let m = NUMBERED.exec(line);
  if (m) return { kind: 'numbered', level: 0, label: `${m[1]}${m[2]}`, number: Number(m[1]), delimiter: m[2] as '.' | ')', text: m[3]! };
  m = LETTERED.exec(line);
  if (m) {
    return { kind: 'lettered', level: 1, label: `${m[1]}${m[2]}`, number: m[1]!.charCodeAt(0) - 96, delimiter: m[2] as '.' | ')', text: m[3]! };
  }
  m = BULLET.exec(line);
  if (m) return { kind: 'bullet', level: 0, label: m[1]!, number: null, delimiter: null, text: m[2]! };
  m = SUB_BULLET.exec(line);
  if (m) return { kind: 'bullet', level: 1, label: 'o', number: null, delimiter: null, text: m[2]! };
  return null;
}

/** Split a letter into paragraphs; runs of blank lines become one 'blank' paragraph. */
export function splitLetter(text: string): LetterParagraph[] {
  const out: LetterParagraph[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[\s\u00a0]+/g, ' ').trim();
    if (line === '') {
      if (out.length > 0 && out[out.length - 1]!.kind !== 'blank') {
        out.push({ kind: 'blank', level: 0, label: null, number: null, delimiter: null, text: '' });
      }
      continue;
    }
    out.push(matchLabel(line) ?? { kind: 'text', level: 0, label: null, number: null, delimiter: null, text: line });
  }
  while (out.length > 0 && out[out.length - 1]!.kind === 'blank') out.pop();
  return out;
}

/** Words of a text as a sorted multiset, list labels at line starts left out. */
export function wordsWithoutLabels(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[\s\u00a0]+/g, ' ').trim();
    if (line === '') continue;
    const body = matchLabel(line)?.text ?? line;
    words.push(...body.split(' ').filter((w) => w !== ''));
  }
  return words.sort();
}

/** The labels at line starts, in reading order. */
export function labelsInOrder(text: string): string[] {
  const labels: string[] = [];
  for (const raw of text.split('\n')) {
    const label = matchLabel(raw.replace(/[\s\u00a0]+/g, ' ').trim())?.label;
    if (label) labels.push(label);
  }
  return labels;
}

/** Whether `needle` occurs in `haystack` in order, gaps allowed. */
export function isSubsequence(needle: string[], haystack: string[]): boolean {
  let i = 0;
  for (const item of haystack) {
    if (i < needle.length && item === needle[i]) i++;
  }
  return i === needle.length;
}

/** A multiset difference, for readable failures: what is missing and what is extra. */
export function wordDiff(expected: string[], actual: string[]): { missing: string[]; extra: string[] } {
  const counts = new Map<string, number>();
  for (const w of expected) counts.set(w, (counts.get(w) ?? 0) + 1);
  const extra: string[] = [];
  for (const w of actual) {
    const n = counts.get(w) ?? 0;
    if (n > 0) counts.set(w, n - 1);
    else extra.push(w);
  }
  const missing = [...counts].flatMap(([w, n]) => Array<string>(n).fill(w));
  return { missing, extra };
}
