import { ANSWER_PLACEHOLDER, answerState } from '../documents/answer-document.js';
import { answerPointer } from '../documents/answer-pointer.js';
import type { AnswerDocument, AnswerSection, QuestionDocument } from '../model.js';
import { type CheckProblem, problem } from './codes.js';

export interface AnswersInput {
  question: QuestionDocument;
  answer: AnswerDocument;
  answerFile: string;
}

export interface AnswersResult {
  /** How many questions have an answer (combined answers count when their pointer resolves). */
  answered: number;
  problems: CheckProblem[];
}

type Verdict =
  | { kind: 'answered' }
  | { kind: 'missing' }
  | { kind: 'empty'; section: AnswerSection }
  | { kind: 'placeholder'; section: AnswerSection }
  | { kind: 'pointer'; section: AnswerSection; targets: number[] };

/**
 * `unanswered` and `placeholder`: every question of the question document needs a section with
 * an answer that is neither empty nor the draft placeholder. A combined answer ("Zie het antwoord
 * op vraag 2") counts when every question it points to is answered, directly or through further
 * pointers; a pointer to itself, to a question that does not exist, to an unanswered question or
 * in a circle is `unanswered`, with the reason.
 */
export function checkAnswers({ question, answer, answerFile }: AnswersInput): AnswersResult {
  const sections = new Map<number, AnswerSection>();
  for (const section of answer.answers) if (!sections.has(section.number)) sections.set(section.number, section);
  const numbers = new Set(question.questions.map((q) => q.number));

  const verdicts = new Map<number, Verdict>();
  const problems: CheckProblem[] = [];
  for (const q of question.questions) {
    const section = sections.get(q.number);
    const verdict = judge(section);
    verdicts.set(q.number, verdict);
    if (section && verdict.kind === 'answered' && hasPlaceholderParagraph(section.answer)) {
      problems.push(
        problem('placeholder', 'warning', `The answer to question ${q.number} still contains the placeholder '${ANSWER_PLACEHOLDER}' beside the written text; remove it.`, {
          file: answerFile,
          line: answerLine(section),
          question: q.number,
        }),
      );
    }
  }

  /** Why a question is not answered, or null when it is (following pointers, no circles). */
  const unresolved = (n: number, trail: number[]): string | null => {
    const verdict = verdicts.get(n);
    if (!verdict || verdict.kind === 'missing') return `question ${n} has no answer section`;
    if (verdict.kind === 'empty' || verdict.kind === 'placeholder') return `question ${n} is not answered yet`;
    if (verdict.kind === 'answered') return null;
    for (const target of verdict.targets) {
      if (target === n) return `question ${n} refers to itself`;
      if (!numbers.has(target)) return `question ${target} does not exist`;
      if (trail.includes(target)) return `the references go round in a circle (${[...trail, target].join(' → ')})`;
      const reason = unresolved(target, [...trail, target]);
      if (reason) return reason;
    }
    return null;
  };

  let answered = 0;
  for (const q of question.questions) {
    const verdict = verdicts.get(q.number)!;
    const where = { file: answerFile, question: q.number };
    switch (verdict.kind) {
      case 'answered':
        answered++;
        break;
      case 'missing':
        problems.push(problem('unanswered', 'error', `Question ${q.number} has no section in the answer document; add a heading 'Vraag ${q.number}' with its answer.`, { ...where, line: null }));
        break;
      case 'empty':
        problems.push(problem('unanswered', 'error', `Question ${q.number} has no answer yet.`, { ...where, line: verdict.section.line }));
        break;
      case 'placeholder':
        problems.push(problem('placeholder', 'error', `The answer to question ${q.number} is still the placeholder '${ANSWER_PLACEHOLDER}'.`, { ...where, line: answerLine(verdict.section) }));
        break;
      case 'pointer': {
        const reason = unresolved(q.number, [q.number]);
        if (reason === null) {
          answered++;
          break;
        }
        const to = verdict.targets.length === 1 ? `question ${verdict.targets[0]}` : `questions ${verdict.targets.join(', ')}`;
        problems.push(problem('unanswered', 'error', `Question ${q.number} refers to the answer to ${to}, but ${reason}.`, { ...where, line: answerLine(verdict.section) }));
        break;
      }
    }
  }
  return { answered, problems };
}

function judge(section: AnswerSection | undefined): Verdict {
  if (!section) return { kind: 'missing' };
  const state = answerState(section.answer);
  if (state === 'empty') return { kind: 'empty', section };
  if (state === 'placeholder') return { kind: 'placeholder', section };
  const targets = answerPointer(section.answer);
  if (targets && targets.length > 0) return { kind: 'pointer', section, targets };
  return { kind: 'answered' };
}

/** Where the answer text starts, or the section heading when there is none. */
function answerLine(section: AnswerSection): number | null {
  return section.answerLine ?? section.line;
}

/** Whether one paragraph of a written answer is still the placeholder (escaped or not). */
function hasPlaceholderParagraph(text: string): boolean {
  return text
    .split(/\n[ \t]*\n/)
    .some((paragraph) => answerState(paragraph) === 'placeholder');
}
