import type { AnswerDocument, QuestionDocument } from '../model.js';
import { type CheckProblem, problem } from './codes.js';

export interface OrphanInput {
  question: QuestionDocument;
  questionFile: string;
  answer: AnswerDocument;
  answerFile: string;
}

/**
 * `orphan`: answer sections that belong to no current question.
 * - A section numbered beyond the question document (or a number it lacks) is an error: the memo
 *   would answer a question nobody asked.
 * - A second section for the same number is an error: only the first one counts, and the reader
 *   of the memo cannot tell which is meant.
 * - Sections the draft moved under "Vervallen vragen" are kept on purpose so no written text is
 *   lost; they are a warning, to be removed before the memo goes out.
 */
export function checkOrphans({ question, questionFile, answer, answerFile }: OrphanInput): CheckProblem[] {
  const numbers = new Set(question.questions.map((q) => q.number));
  const count = question.questions.length;
  const firstLine = new Map<number, number | null>();
  const problems: CheckProblem[] = [];
  for (const section of answer.answers) {
    const where = { file: answerFile, line: section.line, question: section.number };
    if (!numbers.has(section.number)) {
      problems.push(
        problem(
          'orphan',
          'error',
          `There is a section for question ${section.number}, but ${questionFile} has ${count === 1 ? 'one question' : `${count} questions`}; ` +
            `delete it or move it under 'Vervallen vragen'.`,
          where,
        ),
      );
      continue;
    }
    if (firstLine.has(section.number)) {
      const first = firstLine.get(section.number);
      problems.push(
        problem(
          'orphan',
          'error',
          `A second section for question ${section.number}${first ? ` (the first is on line ${first})` : ''}; only the first one counts.`,
          where,
        ),
      );
      continue;
    }
    firstLine.set(section.number, section.line);
  }
  for (const section of answer.orphans) {
    problems.push(
      problem(
        'orphan',
        'warning',
        `The answer to a removed question (formerly question ${section.number}) is kept under 'Vervallen vragen'; delete it before the memo goes out.`,
        { file: answerFile, line: section.line, question: null },
      ),
    );
  }
  return problems;
}
