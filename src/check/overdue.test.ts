import { describe, expect, it } from 'vitest';
import { checkOverdue } from './overdue.js';

const base = { deadline: '2025-05-12', today: '2025-05-15', status: 'concept' as const, strict: false, file: 'answers/x.md', line: 3 };

describe('checkOverdue', () => {
  it('warns when the deadline has passed and the answer is not vastgesteld', () => {
    const [p] = checkOverdue(base);
    expect(p).toMatchObject({ code: 'overdue', severity: 'warning', file: 'answers/x.md', line: 3, question: null });
    expect(p!.message).toBe("The deadline was 2025-05-12, 3 days ago, and the answer is still 'concept'.");
  });

  it('is an error with --strict', () => {
    expect(checkOverdue({ ...base, strict: true })[0]!.severity).toBe('error');
  });

  it('says so when there is no answer document at all', () => {
    expect(checkOverdue({ ...base, status: null })[0]!.message).toContain('there is no answer document');
  });

  it('does not guess a status the front matter does not give', () => {
    expect(checkOverdue({ ...base, status: 'unknown' })[0]!.message).toContain('the answer is not vastgesteld');
  });

  it('is quiet on the deadline day itself, before it, once vastgesteld, or without a deadline', () => {
    expect(checkOverdue({ ...base, today: '2025-05-12' })).toEqual([]);
    expect(checkOverdue({ ...base, today: '2025-05-01' })).toEqual([]);
    expect(checkOverdue({ ...base, status: 'vastgesteld' })).toEqual([]);
    expect(checkOverdue({ ...base, deadline: null })).toEqual([]);
  });
});
