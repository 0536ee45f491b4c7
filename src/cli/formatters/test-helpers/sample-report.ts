import type { CheckReport, StatusReport } from '../../../index.js';

/** A report with one clean document, one with errors and a warning, and awkward characters. */
export function sampleReport(): CheckReport {
  return {
    ok: false,
    today: '2025-06-01',
    strict: false,
    questionsFolder: 'questions',
    documents: [
      {
        id: '2025-04-12-d66-zorg',
        questionFile: 'questions/2025-04-12-d66-zorg.md',
        answerFile: 'answers/2025-04-12-d66-zorg.md',
        deadline: '2025-05-12',
        questions: 3,
        answered: 1,
        problems: [
          { severity: 'error', code: 'unanswered', question: 2, file: 'answers/2025-04-12-d66-zorg.md', line: 42, message: 'Question 2 has no answer yet.' },
          {
            severity: 'error',
            code: 'drift',
            question: 3,
            file: 'answers/2025-04-12-d66-zorg.md',
            line: 50,
            message: 'Question 3 changed: "100% <zeker> & \'snel\'",\nnu: a,b:c\r\u0001',
          },
          { severity: 'warning', code: 'overdue', question: null, file: 'answers/2025-04-12-d66-zorg.md', line: 3, message: "The deadline was 2025-05-12, 20 days ago, and the answer is still 'concept'." },
        ],
      },
      {
        id: '2025-05-01-vvd-parkeren',
        questionFile: 'questions/2025-05-01-vvd-parkeren.md',
        answerFile: 'answers/2025-05-01-vvd-parkeren.md',
        deadline: '2025-05-31',
        questions: 2,
        answered: 2,
        problems: [],
      },
      {
        id: 'geen-vraag',
        questionFile: null,
        answerFile: 'answers/geen-vraag.md',
        deadline: null,
        questions: 0,
        answered: 0,
        problems: [{ severity: 'error', code: 'orphan', question: null, file: 'answers/geen-vraag.md', line: 2, message: "No question document 'geen-vraag' exists." }],
      },
    ],
    summary: { documents: 3, errors: 3, warnings: 1 },
  };
}

/** A status report: one late answer, one open overdue letter, one letter without a party. */
export function sampleStatus(): StatusReport {
  const base = { answerFile: null, parties: [] as string[], questions: 2, answered: 0, answerDate: null, daysToAnswer: null, late: null, uitstel: null, problems: [] };
  return {
    ok: true,
    today: '2025-05-20',
    documents: [
      { ...base, id: 'b', questionFile: 'questions/b.md', answerFile: 'answers/b.md', party: 'D66', parties: ['D66'], subject: 'zorg', received: '2025-03-21', deadline: '2025-04-20', daysLeft: null, answered: 2, status: 'vastgesteld', answerDate: '2025-05-01', daysToAnswer: 41, late: true },
      { ...base, id: 'd', questionFile: 'questions/d.md', party: null, subject: 'een heel lang onderwerp over parkeren in de binnenstad van Zwolle', received: '2025-04-10', deadline: '2025-05-10', daysLeft: -10, status: null },
    ],
    figures: { letters: 2, answered: 1, late: 1, open: 1, overdue: 1, medianDaysToAnswer: 41, worstDaysToAnswer: 41 },
    parties: [
      { party: 'D66', letters: 1, answered: 1, late: 1, open: 0, overdue: 0, medianDaysToAnswer: 41, worstDaysToAnswer: 41 },
      { party: '(unknown)', letters: 1, answered: 0, late: 0, open: 1, overdue: 1, medianDaysToAnswer: null, worstDaysToAnswer: null },
    ],
  };
}
