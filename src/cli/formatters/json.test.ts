import { describe, expect, it } from 'vitest';
import { formatCheckJson, formatStatusJson } from './json.js';
import { sampleReport, sampleStatus } from './test-helpers/sample-report.js';

describe('formatCheckJson', () => {
  it('writes exactly the contract shape, keys in contract order, nothing more', () => {
    const data = JSON.parse(formatCheckJson(sampleReport()));
    expect(Object.keys(data)).toEqual(['ok', 'documents', 'summary']);
    expect(Object.keys(data.documents[0])).toEqual(['id', 'questionFile', 'answerFile', 'deadline', 'questions', 'answered', 'problems']);
    expect(Object.keys(data.documents[0].problems[0])).toEqual(['severity', 'code', 'question', 'file', 'line', 'message']);
    expect(data.ok).toBe(false);
    expect(data.summary).toEqual({ documents: 3, errors: 3, warnings: 1 });
    expect(data.documents[0].problems[0]).toEqual({
      severity: 'error',
      code: 'unanswered',
      question: 2,
      file: 'answers/2025-04-12-d66-zorg.md',
      line: 42,
      message: 'Question 2 has no answer yet.',
    });
  });

  it('keeps awkward message text intact through JSON', () => {
    const data = JSON.parse(formatCheckJson(sampleReport()));
    expect(data.documents[0].problems[1].message).toBe(sampleReport().documents[0]!.problems[1]!.message);
  });
});

describe('formatStatusJson', () => {
  it('writes the status report as JSON for scripts', () => {
    const data = JSON.parse(formatStatusJson(sampleStatus()));
    expect(Object.keys(data)).toEqual(['ok', 'today', 'documents', 'figures', 'parties']);
    expect(data.documents[1]).toMatchObject({ id: 'd', daysLeft: -10, status: null, answered: 0, questions: 2 });
    expect(data.figures.late).toBe(1);
  });
});
