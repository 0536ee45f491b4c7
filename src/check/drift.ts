import type { AnswerDocument, QuestionDocument } from '../model.js';
import { type CheckProblem, problem } from './codes.js';
import { sameQuestionText } from './normalise.js';

export interface DriftInput {
  question: QuestionDocument;
  questionFile: string;
  answer: AnswerDocument;
  answerFile: string;
}

/**
 * `drift`: the question quoted at the top of an answer section no longer matches the question
 * document, so the answer may answer a question that is no longer asked. Both versions go in the
 * message, because the person fixing it has to decide which one is right. A section without a
 * quote has nothing to compare and is left alone.
 */
export function checkDrift({ question, questionFile, answer, answerFile }: DriftInput): CheckProblem[] {
  const byNumber = new Map(question.questions.map((q) => [q.number, q]));
  const problems: CheckProblem[] = [];
  const seen = new Set<number>();
  for (const section of answer.answers) {
    if (seen.has(section.number)) continue;
    seen.add(section.number);
    const asked = byNumber.get(section.number);
    if (!asked || !section.question.trim()) continue;
    if (sameQuestionText(asked.text, section.question)) continue;
    problems.push(
      problem(
        'drift',
        'error',
        `Question ${section.number} changed since the answer was written. ${questionFile} asks: "${oneLine(asked.text)}" ` +
          `The answer quotes: "${oneLine(section.question)}"`,
        { file: answerFile, line: section.line, question: section.number },
      ),
    );
  }
  return problems;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
