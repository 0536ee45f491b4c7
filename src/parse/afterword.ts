/**
 * Step 3b: the letter's own text after its last question. A councillor may end with a
 * "Toelichting:" that a question points to ("zie toelichting", letter 36 of the development set)
 * or a last remark to the college (letter 67); import kept neither before, and the question
 * document is the source of truth after import.
 *
 * What follows the questions is more often not the letter's own text: in 11 of the 13 development
 * letters with text there it was a signature, a party's page footer or site chrome. So the text
 * runs from the end of the questions to the first line that ends the letter (a closing, a name, a
 * role, chrome: extract-metadata.ts `endsLetterText`), and it is kept only when it is surely the
 * letter's own:
 * - a closing line ("Met vriendelijke groet") follows it: the letter goes on to that closing;
 * - it opens with a label a letter uses for such text ("Toelichting", "Achtergrond", "P.S.");
 * - it speaks to the college as the letter does: a full sentence with "ik", "wij", "u" or the like.
 */
import type { Unit } from './split-questions.js';
import { endsLetterText } from './extract-metadata.js';
import { joinLines } from '../text/hyphenation.js';

/** Labels of text a letter puts after its questions. */
const AFTERWORD_LABEL = /^(?:toelichting|achtergrond|naschrift|p\.?\s?s\.?)(?:\b|:)/i;

/** The letter speaking: first person or the college addressed, in a sentence that ends. */
const ADDRESSING = /\b(?:ik|wij|we|ons|onze|mijn|u|uw)\b/i;

/** The text of units as paragraphs: a paragraph break starts a new one, lines are joined. */
export function unitParagraphs(units: readonly Unit[]): string[] {
  const paragraphs: string[][] = [];
  for (const u of units) {
    const text = u.label ? `${u.label.printed} ${u.label.rest}` : u.line.text;
    const last = paragraphs[paragraphs.length - 1];
    if (!last || u.breakBefore) paragraphs.push([text]);
    else last.push(text);
  }
  return paragraphs.map((p) => joinLines(p)).filter(Boolean);
}

/**
 * The afterword of a letter whose questions end before unit `end` and whose closing line (if it
 * has one) is unit `closing` (units.length when it has none); '' when there is none.
 */
export function findAfterword(units: readonly Unit[], end: number, closing: number, parties: readonly string[]): string {
  const kept: Unit[] = [];
  for (let i = end; i < closing; i++) {
    const u = units[i]!;
    if (endsLetterText(u.label ? `${u.label.printed} ${u.label.rest}` : u.line.text, parties)) break;
    kept.push(u);
  }
  const paragraphs = unitParagraphs(kept);
  if (paragraphs.length === 0) return '';
  const text = paragraphs.join('\n\n');
  const closed = kept.length === closing - end && closing < units.length;
  const labelled = AFTERWORD_LABEL.test(paragraphs[0]!);
  const speaks = paragraphs.some((p) => ADDRESSING.test(p) && /[.!?]/.test(p) && p.split(/\s+/).length >= 8);
  return closed || labelled || speaks ? text : '';
}
