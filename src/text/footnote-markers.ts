/**
 * Footnote references in running text, for letters and policy documents alike. The readers that
 * know a reference (DOCX, ODT, RTF and HTML by their markup, PDF by a raised or smaller digit)
 * write it in superscript digits right after its word: "veiligheid¹", "€ 50.000²". Text that
 * lost the superscript (copied out of a PDF by another tool, the seed corpus) has the digits glued
 * to the word: "veiligheid1", "komen2.", "Thuis’1", and on an amount one digit too many:
 * "€ 50.0002". A reference is only taken as one when a footnote with its number is found (the
 * callers check that), so "MP3", "G40" and a plain "2" stay text.
 */

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A number in superscript digits ("12" → "¹²"). */
export function toSuperscript(n: string): string {
  return n.replace(/[0-9]/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
}

/** Superscript digits as plain digits ("¹²" → "12"). */
export function fromSuperscript(text: string): string {
  return text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (d) => String(SUPERSCRIPT_DIGITS.indexOf(d)));
}

export interface NoteReference {
  /** Where the reference's digits start in the text, and how many characters they take. */
  index: number;
  length: number;
  /** Superscript digits: certainly a reference. Otherwise digits glued to a word or an amount. */
  superscript: boolean;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The references to note `n` in `text`, right to left. Glued digits count after a lower-case
 * letter, a closing quote or bracket ("veiligheid1", "Thuis’1", "(2015)3"), after a word's
 * sentence mark ("komen.2" from a PDF that set the digit after the full stop), or as one digit too
 * many on an amount grouped by thousands ("50.0002"); never after a capital or another digit
 * ("MP3", "G40", "2023").
 */
export function findNoteReferences(text: string, n: string): NoteReference[] {
  const hits: NoteReference[] = [];
  const superscript = toSuperscript(n);
  const sup = new RegExp(`(?<![⁰¹²³⁴⁵⁶⁷⁸⁹])${escape(superscript)}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])`, 'g');
  for (const m of text.matchAll(sup)) hits.push({ index: m.index, length: superscript.length, superscript: true });
  if (/^\d+$/.test(n)) {
    const word = new RegExp(`(?<=[\\p{Ll})”’"]|\\p{Ll}[.,;:!?])${n}(?=[\\s.,;:)!?]|$)`, 'gu');
    const amount = new RegExp(`(?<=\\d{1,3}(?:\\.\\d{3})+)${n}(?=[\\s,;:)]|\\.?$|\\.\\s)`, 'g');
    for (const m of text.matchAll(word)) hits.push({ index: m.index, length: n.length, superscript: false });
    for (const m of text.matchAll(amount)) hits.push({ index: m.index, length: n.length, superscript: false });
  }
  return hits.sort((a, b) => b.index - a.index);
}

/** A reference found without knowing its note's number: the number, and where its digits are. */
export interface NumberedReference extends NoteReference {
  n: string;
}

const ANY_SUPERSCRIPT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
const ANY_WORD = /(?<=[\p{Ll})”’"]|\p{Ll}[.,;:!?])\d+(?=[\s.,;:)!?]|$)/gu;
const ANY_AMOUNT = /(?<=\d{1,3}(?:\.\d{3})+)\d+(?=[\s,;:)]|\.?$|\.\s)/g;

/**
 * Every reference in `text`, whatever its note's number: what `findNoteReferences(text, n)`
 * finds for each `n`, in one pass over the text (a caller looking up many numbers in many lines
 * reads each line once, not once per number). Right to left.
 */
export function allNoteReferences(text: string): NumberedReference[] {
  const hits: NumberedReference[] = [];
  for (const m of text.matchAll(ANY_SUPERSCRIPT)) hits.push({ n: fromSuperscript(m[0]), index: m.index, length: m[0].length, superscript: true });
  for (const m of text.matchAll(ANY_WORD)) hits.push({ n: m[0], index: m.index, length: m[0].length, superscript: false });
  for (const m of text.matchAll(ANY_AMOUNT)) {
    // An amount's groups of three are its own: only the digits after the last group are a reference.
    const n = m[0];
    hits.push({ n, index: m.index, length: n.length, superscript: false });
  }
  return hits.sort((a, b) => b.index - a.index);
}

/** Whether a line holds any superscript-digit reference. */
export function hasSuperscriptReference(text: string): boolean {
  return /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(text);
}

/**
 * The text with its superscript numbers (note references and the notes' own numbers) renumbered
 * 1, 2, 3 in the order they first appear. Word numbers footnotes itself: a memo drafted as Word
 * and read back numbers an answer's notes from 1 where the answer document, read from a memo with
 * notes outside the answers, had ³; the answer is the same.
 */
export function withNotesNumberedInOrder(text: string): string {
  const numbers = new Map<string, string>();
  return text.replace(ANY_SUPERSCRIPT, (digits) => {
    let n = numbers.get(digits);
    if (n === undefined) {
      n = toSuperscript(String(numbers.size + 1));
      numbers.set(digits, n);
    }
    return n;
  });
}

/**
 * Append a note reference to text kept as pieces, right after its word: the spaces and tabs before
 * it are dropped from the last pieces. Not from the whole text: a paragraph of thousands of
 * references was copied whole at each one (quadratic).
 */
export function pushReference(pieces: string[], reference: string): void {
  while (pieces.length > 0) {
    const last = pieces[pieces.length - 1]!;
    let end = last.length;
    while (end > 0 && (last[end - 1] === ' ' || last[end - 1] === '\t')) end--;
    if (end > 0) {
      pieces[pieces.length - 1] = last.slice(0, end);
      break;
    }
    pieces.pop();
  }
  pieces.push(reference);
}
