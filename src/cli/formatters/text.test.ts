import { describe, expect, it } from 'vitest';
import { dutchDate, formatCheckText, formatStatusText } from './text.js';
import { sampleReport, sampleStatus } from './test-helpers/sample-report.js';

describe('formatCheckText', () => {
  it('lists problems per document as file:line, severity, code and message, then a summary', () => {
    const out = formatCheckText(sampleReport());
    const lines = out.split('\n');
    expect(lines[0]).toBe('2025-04-12-d66-zorg (1 of 3 answered, deadline 12 mei 2025)');
    expect(lines[1]).toMatch(/^ {2}answers\/2025-04-12-d66-zorg\.md:42 +error +unanswered +Question 2 has no answer yet\.$/);
    expect(out).not.toContain('vvd-parkeren');
    expect(out).toContain('geen-vraag (no question document)');
    expect(out.trimEnd().split('\n').at(-1)).toBe('3 question documents checked: 3 errors, 1 warning.');
  });

  it('shows control characters from documents as visible escapes, never sends them to the terminal', () => {
    const report = sampleReport();
    report.documents[0]!.problems[0]!.message = 'Vraag \u001b[2J\u001b]0;pwned\u0007 is \u202egevaarlijk\u009b, op\ntwee regels';
    report.documents[0]!.id = 'id-\u001b[31m';
    const out = formatCheckText(report);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(out).toContain('Vraag \\x1B[2J\\x1B]0;pwned\\x07 is \\u202Egevaarlijk\\x9B, op twee regels');
    expect(out).toContain('id-\\x1B[31m (1 of 3 answered');
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
  it('shows one row per letter with Dutch dates, days left, answered n of m and status, then the figures', () => {
    const lines = formatStatusText(sampleStatus()).split('\n');
    expect(lines[0]).toMatch(/^id +party +subject +received +deadline +days left +answered +status$/);
    expect(lines[1]).toMatch(/^b +D66 +zorg +21 maart 2025 +20 april 2025 +- +2 of 2 +vastgesteld$/);
    expect(lines[2]).toMatch(/^d +- +een heel lang onderwerp over parkeren i… +10 april 2025 +10 mei 2025 +-10 +0 of 2 +no answer$/);
    const text = lines.join('\n');
    expect(text).toContain('2 letters: 1 answered (vastgesteld), 1 of them late; 1 open, 1 of them overdue (today 20 mei 2025).');
    expect(text).toContain('Days to answer: median 41, worst 41.');
    expect(lines.find((l) => l.startsWith('(unknown)'))).toMatch(/^\(unknown\) +1 +0 +0 +1 +1 +- +-$/);
    expect(text).not.toContain('Uitstel');
    expect(text).not.toContain('could not be read');
  });

  it('marks a postponed deadline and lists the uitstel with its notice and reason', () => {
    const report = sampleStatus();
    report.documents[1] = { ...report.documents[1]!, deadline: '2025-06-10', uitstel: { until: '2025-06-10', date: '2025-05-08', reason: 'afstemming met de regio' } };
    const text = formatStatusText(report);
    expect(text).toMatch(/^d +.* +10 april 2025 +10 juni 2025 \(uitstel\) /m);
    expect(text).toContain('Uitstel:\n  d: until 10 juni 2025, notice of 8 mei 2025: afstemming met de regio\n');
  });

  it('keeps the row of a letter it cannot read and lists its problems as check does', () => {
    const report = sampleStatus();
    report.ok = false;
    report.documents[1] = {
      ...report.documents[1]!,
      received: null,
      deadline: null,
      daysLeft: null,
      problems: [{ severity: 'error', code: 'schema', question: null, file: 'questions/d.md', line: 7, message: `'received' is "12 april", which is not a date written YYYY-MM-DD.` }],
    };
    const lines = formatStatusText(report).split('\n');
    expect(lines[2]).toMatch(/^d +- +een heel lang .* +- +- +- +0 of 2 +no answer$/);
    expect(lines.slice(-3)).toEqual([
      "1 letter could not be read as written; what 'answer check' says of their files (run it for everything else):",
      `  questions/d.md:7  error  schema  'received' is "12 april", which is not a date written YYYY-MM-DD.`,
      '',
    ]);
  });

  it('says so when there are no question documents', () => {
    expect(formatStatusText({ ...sampleStatus(), documents: [], parties: [] })).toBe('No question documents found.\n');
  });
});

describe('dutchDate', () => {
  it('writes ISO dates as Dutch readers do', () => {
    expect(dutchDate('2025-04-12')).toBe('12 april 2025');
    expect(dutchDate('2025-01-01')).toBe('1 januari 2025');
    expect(dutchDate('12 april')).toBe('12 april');
  });
});
