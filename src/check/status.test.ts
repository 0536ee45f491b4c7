import { describe, expect, it } from 'vitest';
import { buildStatus, median, type StatusInput } from './status.js';

const letter = (over: Partial<StatusInput>): StatusInput => ({
  id: 'x',
  questionFile: 'questions/x.md',
  answerFile: 'answers/x.md',
  party: 'D66',
  parties: ['D66'],
  subject: 'zorg',
  received: '2025-04-01',
  deadline: '2025-05-01',
  uitstel: null,
  questions: 3,
  answered: 3,
  status: 'vastgesteld',
  answerDate: '2025-04-21',
  problems: [],
  ...over,
});

describe('buildStatus', () => {
  const report = buildStatus(
    [
      letter({ id: 'a', answerDate: '2025-04-21' }),
      letter({ id: 'b', deadline: '2025-04-20', received: '2025-03-21', answerDate: '2025-05-01' }),
      letter({ id: 'c', party: 'VVD', parties: [], deadline: '2025-06-01', status: 'concept', answered: 1, answerDate: '2025-05-02' }),
      letter({ id: 'd', party: null, parties: [], deadline: '2025-05-10', status: null, answerFile: null, answered: 0, answerDate: null }),
      letter({ id: 'e', parties: ['GroenLinks-PvdA', 'D66'], deadline: null, received: null, status: 'vastgesteld', answerDate: '2025-04-30' }),
    ],
    '2025-05-20',
  );

  it('sorts by deadline, unknown deadlines last', () => {
    expect(report.documents.map((d) => d.id)).toEqual(['b', 'a', 'd', 'c', 'e']);
  });

  it('counts days left only for letters not yet vastgesteld, negative when overdue', () => {
    expect(Object.fromEntries(report.documents.map((d) => [d.id, d.daysLeft]))).toEqual({ a: null, b: null, c: 12, d: -10, e: null });
  });

  it('computes days to answer and lateness from the vastgesteld answer date', () => {
    const b = report.documents.find((d) => d.id === 'b')!;
    expect([b.daysToAnswer, b.late]).toEqual([41, true]);
    const c = report.documents.find((d) => d.id === 'c')!;
    expect([c.answerDate, c.daysToAnswer, c.late]).toEqual([null, null, null]);
  });

  it('gives the council figures: late letters, median and worst days to answer', () => {
    expect(report.figures).toEqual({ letters: 5, answered: 3, late: 1, open: 2, overdue: 1, medianDaysToAnswer: 30.5, worstDaysToAnswer: 41 });
  });

  it('gives the same figures per party, a co-signed letter counting for each party', () => {
    expect(report.parties.map((p) => [p.party, p.letters, p.answered, p.late, p.medianDaysToAnswer, p.worstDaysToAnswer])).toEqual([
      ['D66', 3, 3, 1, 30.5, 41],
      ['GroenLinks-PvdA', 1, 1, 0, null, null],
      ['VVD', 1, 0, 0, null, null],
      ['(unknown)', 1, 0, 0, null, null],
    ]);
  });

  it('takes the mean of the middle two for an even count', () => {
    expect(median([20, 41])).toBe(30.5);
    expect(median([])).toBeNull();
  });
});
