import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, todayIso } from './dates.js';

describe('dates', () => {
  it('accepts real calendar dates and refuses impossible or differently written ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('12-04-2025')).toBe(false);
    expect(isIsoDate('2025-4-12')).toBe(false);
    expect(isIsoDate(20250412)).toBe(false);
  });

  it('counts whole days across month ends and daylight saving changes', () => {
    expect(daysBetween('2025-03-29', '2025-04-01')).toBe(3);
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
    expect(daysBetween('2025-05-12', '2025-05-01')).toBe(-11);
  });

  it("writes today's date in ISO form on the local calendar", () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});
