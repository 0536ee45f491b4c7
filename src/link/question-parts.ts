/**
 * The parts of a question that asks several things: "Hoe staat het met de wachtlijsten en welke
 * maatregelen neemt het college?", or two question sentences in one list item. Each part is
 * searched on its own as well (link-questions.ts), so the passage for the second thing is not
 * pushed out of the top by the passages for the first.
 *
 * A part starts at a sentence that asks (a question mark) or at a question word after "en" / "of"
 * in one (", en welke", "en hoe", "of wanneer"). Follow-ups ("Zo ja, ...", "Graag een
 * toelichting") are no parts: they ask about the thing before them. A sentence that asks nothing
 * ("De gemeente Almere stopt met jeugdhulp.") goes with the part after it, as its context.
 */
import { splitSentences } from '../text/sentences.js';

/**
 * Question words that open a second question after "en" or "of". "wat", "wie" and "waar" only
 * after a comma: without one they mostly open a clause of the first question ("onderzoek naar
 * wat er nodig is ... en wat de gemeente daarvoor moet doen").
 */
const SECOND_QUESTION = /(?:,\s+(?:en|of)\s+(?=(?:wat|wie|waar)\b)|,?\s+(?:en|of)\s+(?=(?:hoe|welke|welk|wanneer|waarom|hoeveel|hoelang|in hoeverre|op welke|in welke|met welke|bij welke|voor welke)\b))/gi;

/** A follow-up sentence: it asks about the thing before it (query.ts weighs its words down too). */
const FOLLOW_UP = /^(?:en\s+)?(?:zo\s+(?:ja|nee|neen|niet|wel)|indien\s+(?:ja|nee|niet|wel|dat)|als\s+dat\s+(?:zo|niet)|mocht\s+dat|graag|gaarne|wilt\s+u|kunt\s+u\s+(?:dit|dat|daarbij|hierbij)\s+toelichten)\b/i;

/** Whether a sentence is a follow-up of the one before. */
export function isFollowUpSentence(sentence: string): boolean {
  return FOLLOW_UP.test(sentence.replace(/^[\s"“‘(]+/, ''));
}

/** The parts of a question (one part when it asks one thing), in order, follow-ups left with their part. */
export function questionParts(question: string): string[] {
  const parts: string[] = [];
  let pending: string[] = [];
  for (const sentence of splitSentences(question)) {
    if (parts.length > 0 && isFollowUpSentence(sentence)) {
      parts[parts.length - 1] = `${parts[parts.length - 1]} ${sentence}`;
      continue;
    }
    if (!/\?\s*["”’')]*\s*$/.test(sentence)) {
      pending.push(sentence);
      continue;
    }
    const pieces = sentence.split(SECOND_QUESTION).filter((p) => p.trim());
    pieces.forEach((piece, i) => parts.push(i === 0 ? [...pending, piece].join(' ') : piece.replace(/^./, (c) => c.toUpperCase())));
    pending = [];
  }
  if (pending.length > 0) {
    if (parts.length > 0) parts[parts.length - 1] = `${parts[parts.length - 1]} ${pending.join(' ')}`;
    else parts.push(pending.join(' '));
  }
  return parts.map((p) => p.trim()).filter(Boolean);
}
