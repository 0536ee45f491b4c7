import { describe, expect, it } from 'vitest';
import { dateYear, DEFAULT_RECENCY, recencyFactor } from './recency.js';

describe('dateYear', () => {
  it('reads a year, a month and a day as the middle of the period they name', () => {
    expect(dateYear('2005')).toBe(2005.5);
    expect(dateYear('2025-01')).toBeCloseTo(2025 + 0.5 / 12);
    expect(dateYear('2025-04-12')).toBeGreaterThan(dateYear('2025-04-01')!);
  });

  it('gives null for no date or one that is not YYYY[-MM[-DD]]', () => {
    expect(dateYear(null)).toBeNull();
    expect(dateYear(undefined)).toBeNull();
    expect(dateYear('april 2025')).toBeNull();
    expect(dateYear('2025-13')).toBeNull();
  });
});

describe('recencyFactor', () => {
  it('leaves a document within one council term of the newest match untouched', () => {
    expect(recencyFactor(2023.5, 2025.5)).toBe(1);
    expect(recencyFactor(2025.5, 2025.5)).toBe(1);
  });

  it('halves per council term after that, never below the floor', () => {
    expect(recencyFactor(2017.5, 2025.5)).toBeCloseTo(0.5 ** (4 / DEFAULT_RECENCY.halfLife));
    expect(recencyFactor(2019.5, 2025.5)).toBeGreaterThan(recencyFactor(2017.5, 2025.5));
    expect(recencyFactor(2005.5, 2025.5)).toBe(DEFAULT_RECENCY.floor);
  });

  it('is neutral for a passage without a date or when no match has one', () => {
    expect(recencyFactor(null, 2025.5)).toBe(1);
    expect(recencyFactor(2005.5, null)).toBe(1);
  });
});
