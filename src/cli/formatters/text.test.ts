import { describe, expect, it } from 'vitest';
import { formatCheckText, formatStatusText } from './text.js';
import { sampleReport, sampleStatus } from './test-helpers/sample-report.js';

describe('formatCheckText', () => {
  it('lists problems per document as file:line, severity, code and message, then a summary', () => {
    const out = formatCheckText(sampleReport());
    const lines = out.split('\n');
    expect(lines[0]).toBe('2025-04-12-d66-zorg (1 of 3 answered, deadline 2025-05-12)');
    expect(lines[1]).toMatch(/^ {2}answers\/2025-04-12-d66-zorg\.md:42 +error +unanswered +Question 2 has no answer yet\.$/);
    expect(out).not.toContain('vvd-parkeren');
    expect(out).toContain('geen-vraag (no question document)');
    expect(out.trimEnd().split('\n').at(-1)).toBe('3 question documents checked: 3 errors, 1 warning.');
  });

  it('says so when everything is answered', () => {
    const report = { ...sampleReport(), ok: true, summary: { documents: 1, errors: 0, warnings: 0 } };
    report.documents = [report.documents[1]!];
    expect(formatCheckText(report)).toBe('1 question document checked: every question has an answer, no problems.\n');
  });

  it('says so when there is nothing to check', () => {
    const report = { ...sampleReport(), ok: true, documents: [], summary: { documents: 0, errors: 0, warnings: 0 } };
    expect(formatCheckText(report)).toBe('No question documents found in questions/: nothing to check.\n');
  });
});

describe('formatStatusText', () => {
  it('shows one row per letter with days left, answered n of m and status, then the figures', () => {
    const lines = formatStatusText(sampleStatus()).split('\n');
    expect(lines[0]).toMatch(/^id +party +subject +received +deadline +days left +answered +status$/);
    expect(lines[1]).toMatch(/^b +D66 +zorg +2025-03-21 +2025-04-20 +- +2 of 2 +vastgesteld$/);
    expect(lines[2]).toMatch(/^d +- +een heel lang onderwerp over parkeren i… +2025-04-10 +2025-05-10 +-10 +0 of 2 +no answer$/);
    const text = lines.join('\n');
    expect(text).toContain('2 letters: 1 answered (vastgesteld), 1 of them late; 1 open, 1 of them overdue (today 2025-05-20).');
    expect(text).toContain('Days to answer: median 41, worst 41.');
    expect(lines.find((l) => l.startsWith('(unknown)'))).toMatch(/^\(unknown\) +1 +0 +0 +1 +1 +- +-$/);
  });

  it('says so when there are no question documents', () => {
    expect(formatStatusText({ ...sampleStatus(), documents: [], parties: [] })).toBe('No question documents found.\n');
  });
});
