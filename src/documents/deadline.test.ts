import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../config/config.js';
import { addDaysIso, applyDeadline, computeDeadline, isIsoDate, resolveKind } from './deadline.js';

const culemborg = parseConfig(JSON.stringify({
  kinds: {
    'art-33': { articles: ['33'], term: '28 dagen' },
    'art-34': { articles: ['34'], term: '10 dagen' },
    technisch: { term: '3 weken' },
  },
  defaultKind: 'technisch',
}));

const base = { kind: null, article: null, date: null, received: null, uitstel: null };

describe('computeDeadline', () => {
  it('adds the default term of 30 days to the letter date', () => {
    expect(computeDeadline({ ...base, date: '2025-04-12' }, defaultConfig())).toEqual({
      received: '2025-04-12', kind: 'schriftelijke-vragen', deadline: '2025-05-12',
    });
  });

  it('recognises the kind from the article', () => {
    expect(computeDeadline({ ...base, article: '34', date: '2025-01-27' }, culemborg)).toEqual({
      received: '2025-01-27', kind: 'art-34', deadline: '2025-02-06',
    });
    expect(resolveKind({ kind: null, article: '33' }, culemborg)).toBe('art-33');
    expect(resolveKind({ kind: null, article: '45' }, culemborg)).toBe('technisch');
    expect(resolveKind({ kind: null, article: null }, culemborg)).toBe('technisch');
  });

  it('lets the front matter kind win over the article', () => {
    expect(computeDeadline({ ...base, kind: 'art-33', article: '34', received: '2025-03-01' }, culemborg).deadline).toBe('2025-03-29');
  });

  it('counts from received, not from the letter date', () => {
    expect(computeDeadline({ ...base, date: '2025-04-12', received: '2025-04-14' }, defaultConfig()).deadline).toBe('2025-05-14');
  });

  it('moves the deadline to the postponement date', () => {
    const uitstel = { date: '2025-05-01', reason: 'afstemming met de regio', until: '2025-06-15' };
    expect(computeDeadline({ ...base, date: '2025-04-12', uitstel }, defaultConfig()).deadline).toBe('2025-06-15');
  });

  it('never guesses a deadline without a receipt date', () => {
    expect(computeDeadline({ ...base }, defaultConfig())).toEqual({ received: null, kind: 'schriftelijke-vragen', deadline: null });
  });

  it('gives no deadline for a kind that is not configured', () => {
    expect(computeDeadline({ ...base, kind: 'onbekend', date: '2025-04-12' }, defaultConfig()).deadline).toBeNull();
  });

  it('fills the fields on a copy of the document', () => {
    const doc = {
      id: null, title: null, subject: null, article: null, municipality: null, party: null, parties: [], members: [],
      date: '2024-12-20', addressee: null, preamble: '', questions: [], footnotes: [], warnings: [],
    };
    const filled = applyDeadline(doc, defaultConfig());
    expect(filled.deadline).toBe('2025-01-19');
    expect(doc).not.toHaveProperty('deadline');
  });
});

describe('dates', () => {
  it('adds days across month ends, leap days and DST changes', () => {
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2025-03-20', 14)).toBe('2025-04-03');
    expect(addDaysIso('2025-10-20', 14)).toBe('2025-11-03');
  });

  it('accepts only real ISO calendar dates', () => {
    expect(isIsoDate('2025-04-12')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('12-04-2025')).toBe(false);
    expect(isIsoDate('2025-4-12')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('agrees with the calendar on every day of four centuries', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (const year of [1900, 1999, 2000, 2024, 2025, 2100, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const date = new Date(Date.UTC(year, month - 1, day));
          const real = month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          expect(isIsoDate(iso), iso).toBe(real);
        }
      }
    }
    expect(isIsoDate('0004-02-29')).toBe(false);
  });
});
