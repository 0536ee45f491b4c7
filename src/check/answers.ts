import { ANSWER_PLACEHOLDER, answerState, containsPlaceholder } from '../documents/answer-document.js';
import { answerPointer } from '../documents/answer-pointer.js';
import type { AnswerDocument, AnswerSection, QuestionDocument } from '../model.js';
import { type CheckProblem, problem } from './codes.js';
import { normaliseQuestionText, sameQuestionText } from './normalise.js';

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
  /** `withPlaceholder`: the written answer still holds the placeholder's words. */
  | { kind: 'answered'; withPlaceholder: boolean }
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
 *
 * A pointer is also `unanswered` when the answer it points to no longer answers the question of
 * that number. Each section quotes the question it answers, as it was when the answer was drafted;
 * so when section M's quote is no longer question M of the question document, the questions were
 * renumbered or M was reworded since, and "zie vraag M" written then means another question now:
 * the quote that matches question K says the pointer was meant for K (both numbers are named); a
 * quote that matches no question says M changed. (After `answer draft` has merged the sections
 * to the new numbering the quotes match again and say nothing of the old numbers; the draft
 * reports such a pointer when it merges.)
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
    if (section && verdict.kind === 'answered' && verdict.withPlaceholder) {
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
    // Answered, each one: but is it still the answer to the question of that number?
    if (trail.length === 1) {
      for (const target of verdict.targets) {
        const moved = staleTarget(target);
        if (moved) return moved;
      }
    }
    return null;
  };

  /** Why the answer in section `m` no longer answers question `m`, or null when it does (or cannot be told). */
  let normalised: Map<number, string> | null = null;
  const staleTarget = (m: number): string | null => {
    const quoted = sections.get(m)?.question.trim();
    const asked = question.questions.find((q) => q.number === m);
    if (!quoted || !asked || sameQuestionText(asked.text, quoted)) return null;
    normalised ??= new Map(question.questions.map((q) => [q.number, normaliseQuestionText(q.text)]));
    const wanted = normaliseQuestionText(quoted);
    const now = question.questions.find((q) => q.number !== m && normalised!.get(q.number) === wanted);
    if (now) {
      return `the answer there is to the question that is now question ${now.number}: the questions were renumbered since the pointer was written; point to question ${now.number}, or say which answer is meant`;
    }
    return `question ${m} changed since its answer was written (see the drift there); check that the answer still answers this question`;
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
  const text = section.answer;
  // The placeholder's words looked for once: most answers do not hold them, and then the answer
  // is neither the placeholder nor written around it.
  const withPlaceholder = containsPlaceholder(text);
  const state = withPlaceholder ? answerState(text) : text.trim() === '' ? 'empty' : 'written';
  if (state === 'empty') return { kind: 'empty', section };
  if (state === 'placeholder') return { kind: 'placeholder', section };
  const targets = answerPointer(text);
  if (targets && targets.length > 0) return { kind: 'pointer', section, targets };
  return { kind: 'answered', withPlaceholder };
}

/** Where the answer text starts, or the section heading when there is none. */
function answerLine(section: AnswerSection): number | null {
  return section.answerLine ?? section.line;
}
