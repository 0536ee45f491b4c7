/**
 * Earlier answers are corpus too: one passage per answered question of an answer document
 * (`answers/<id>.md`), kind 'answer', with `question` set so the linker can leave out a question
 * document's own answer.
 */
import { answerState } from '../documents/answer-document.js';
import { answerPointer } from '../documents/answer-pointer.js';
import type { AnswerDocument, Passage } from '../model.js';
import { PassageIds } from './passage-id.js';

export interface AnswerPassageOptions {
  /** The answer file's text, to find where each section ends (else a passage spans its heading line). */
  text?: string;
  /** Document slug; default: the file name without `.md`. */
  doc?: string;
}

/**
 * The line before the next heading of the same or a higher level, or before the section's own
 * "Bronnen" list (sources are suggestions, not the answer), blank lines at the end left out.
 */
function sectionEnd(lines: string[], headingLine: number): number {
  const heading = /^(#{1,6})\s/.exec(lines[headingLine - 1] ?? '');
  if (!heading) return headingLine;
  const depth = heading[1]!.length;
  let end = lines.length;
  let fence = false;
  for (let i = headingLine; i < lines.length; i++) {
    if (/^(`{3,}|~{3,})/.test(lines[i]!)) fence = !fence;
    const next = fence ? null : /^(#{1,6})\s+(.*)$/.exec(lines[i]!);
    if (next && (next[1]!.length <= depth || /^bronnen\b/i.test(next[2]!.trim()))) {
      end = i;
      break;
    }
  }
  while (end > headingLine && (lines[end - 1] ?? '').trim() === '') end--;
  return end;
}

/** Passages of an answer document: the sections with an answer written, pointers left out. */
export function answerPassages(answerDoc: AnswerDocument, file: string, options: AnswerPassageOptions = {}): Passage[] {
  const doc = options.doc ?? (file.split(/[\\/]/).pop() ?? file).replace(/\.md$/i, '');
  const title = `Antwoord op ${answerDoc.question || doc}`;
  const lines = options.text?.replace(/\r\n?/g, '\n').split('\n') ?? null;
  const ids = new PassageIds(doc);
  const passages: Passage[] = [];
  for (const section of answerDoc.answers) {
    const answer = section.answer.trim();
    // Only what a person wrote: not the draft's placeholder, not "Zie het antwoord op vraag 2."
    if (answerState(answer) !== 'written' || answerPointer(answer) !== null) continue;
    const heading = [title, `Vraag ${section.number}`];
    const question = section.question.trim();
    const text = question ? `> ${question}\n\n${answer}` : answer;
    const start = section.line ?? 1;
    const end = lines && section.line !== null ? sectionEnd(lines, section.line) : start;
    passages.push({
      id: ids.next(heading, text),
      doc,
      file,
      title,
      heading,
      lines: [start, Math.max(start, end)],
      text,
      kind: 'answer',
      question: answerDoc.question || null,
    });
  }
  return passages;
}
