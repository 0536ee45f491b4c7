import type { AnswerDocument, AnswerSection, QuestionDocument } from '../../model.js';

/** A question document with the given question texts, numbered 1..n. */
export function questionDoc(texts: string[], extra: Partial<QuestionDocument> = {}): QuestionDocument {
  return {
    id: '2025-04-12-d66-zorg',
    title: 'Vragen over zorg',
    subject: 'zorg',
    article: '45',
    municipality: 'Zwolle',
    party: 'D66',
    parties: ['D66'],
    members: [],
    date: '2025-04-12',
    addressee: null,
    preamble: '',
    questions: texts.map((text, i) => ({ number: i + 1, label: `${i + 1}.`, text, parts: [] })),
    footnotes: [],
    warnings: [],
    received: '2025-04-12',
    deadline: '2025-05-12',
    ...extra,
  };
}

/** An answer section; `line` defaults to a distinct line per number. */
export function section(number: number, question: string, answer: string, extra: Partial<AnswerSection> = {}): AnswerSection {
  return { number, question, answer, sources: [], line: 10 * number, ...extra };
}

export function answerDoc(answers: AnswerSection[], extra: Partial<AnswerDocument> = {}): AnswerDocument {
  return { question: '2025-04-12-d66-zorg', status: 'concept', date: null, portefeuillehouder: null, answers, orphans: [], ...extra };
}
