/**
 * The answers of a read memo placed at the questions of the letter: each memo question is matched
 * to a question of the letter by its text (match-sections.ts), so a memo that numbers differently
 * (a question inserted, the memo's own numbering) still puts every answer where it belongs. A
 * question the memo answers together with another gets "Zie het antwoord op vraag N." with the
 * letter's number. An answer that fits no question is reported, never placed at a guess.
 */
import type { AnswerSection, ParseWarning, Question } from '../model.js';
import { answerPointer } from '../documents/answer-pointer.js';
import { matchSections } from './match-sections.js';
import type { AnsweredMemo } from './read-memo.js';

/** An answer in the memo that fits no question of the letter: reported, not written. */
export interface UnmatchedAnswer {
  /** Line of its question in the memo's text. */
  line: number;
  /** The number the memo gives it. */
  number: number;
  /** The question as the memo quotes it. */
  question: string;
}

export interface AssignedAnswers {
  /** Answers (markdown) by the letter's question number. */
  answers: Map<number, string>;
  unmatched: UnmatchedAnswer[];
  /** Uncertain matches, pointers that name the memo's numbers, answers that fit no question. */
  warnings: ParseWarning[];
}

function oneLine(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Place the memo's answers at the letter's questions. `letterFile` names the letter in messages. */
export function assignAnswers(memo: AnsweredMemo, questions: Question[], letterFile: string): AssignedAnswers {
  const warnings: ParseWarning[] = [];
  const sections: AnswerSection[] = memo.answers.map((a) => ({ number: a.number, question: a.question, answer: a.answer, sources: [], line: a.line }));
  const { matches, unmatched } = matchSections(questions, sections);
  // A quoted question less than half alike to the question of the same number is no text match
  // (a redraft keeps a reworded question's answer there; a memo quotes the letter it answers, so
  // here it is a misread or another question): reported, not placed.
  for (const [number, match] of [...matches]) {
    if (match.kind !== 'number' || match.section.question.trim() === '') continue;
    matches.delete(number);
    unmatched.push(match.section);
  }
  unmatched.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  /** The letter's number of each memo number. */
  const letterNumber = new Map<number, number>();
  for (const [number, match] of matches) letterNumber.set(match.section.number, number);
  const answers = new Map<number, string>();
  for (const [number, match] of matches) {
    const read = memo.answers[sections.indexOf(match.section)]!;
    let answer = match.section.answer;
    if (answer.trim() === '' && read.together !== null) {
      const holder = letterNumber.get(read.together);
      if (holder !== undefined) answer = `Zie het antwoord op vraag ${holder}.`;
    }
    if (answer.trim() === '') continue;
    answers.set(number, answer);
    if (match.uncertain || match.section.number !== number) {
      warnings.push({
        line: match.section.line,
        message: `memo question ${match.section.number} is taken as question ${number} of ${letterFile} (text ${Math.round(match.score * 100)}% alike); check it`,
      });
    }
    // "Zie het antwoord op vraag 1" names the memo's number; say so when the letter's differs.
    if (read.together !== null) continue;
    for (const target of answerPointer(answer) ?? []) {
      const now = letterNumber.get(target);
      if (now !== undefined && now !== target) {
        warnings.push({ line: match.section.line, message: `memo question ${match.section.number} points to the memo's question ${target}, which is question ${now} of ${letterFile}; check the pointer` });
      }
    }
  }
  const left: UnmatchedAnswer[] = [];
  for (const section of unmatched) {
    if (section.answer.trim() === '') continue;
    left.push({ line: section.line ?? 0, number: section.number, question: section.question });
    const quoted = section.question.trim() ? ` "${oneLine(section.question)}"` : '';
    warnings.push({ line: section.line, message: `the answer to memo question ${section.number}${quoted} fits no question of ${letterFile}; it is not imported` });
  }
  return { answers, unmatched: left, warnings };
}
