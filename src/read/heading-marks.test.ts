import { describe, expect, it } from 'vitest';
import { markHeading, takeHeadingMarks, withoutMarkCharacters } from './heading-marks.js';

describe('heading marks', () => {
  it('take out as the heading lines with their levels, the text left as it reads', () => {
    const text = [markHeading('Koers sociaal domein', 0), '', markHeading('1. Wat is de huidige koers', 1), 'De gemeente Zwolle heeft', markHeading('Coalitieakkoord', 2)].join('\n');
    expect(takeHeadingMarks(text)).toEqual({
      text: 'Koers sociaal domein\n\n1. Wat is de huidige koers\nDe gemeente Zwolle heeft\nCoalitieakkoord',
      headings: [
        { line: 1, lines: 1, level: 0 },
        { line: 3, lines: 1, level: 1 },
        { line: 5, lines: 1, level: 2 },
      ],
    });
  });

  it('join a heading wrapped over lines, and keep two headings of one level that follow each other apart', () => {
    const text = [markHeading('Vertragen, verdragen, uitzoomen, stap voor stap naar een werkende', 2), markHeading('oplossing', 2, true), markHeading('Deel A', 1), markHeading('Deel B', 1)].join('\n');
    expect(takeHeadingMarks(text).headings).toEqual([
      { line: 1, lines: 2, level: 2 },
      { line: 3, lines: 1, level: 1 },
      { line: 4, lines: 1, level: 1 },
    ]);
  });

  it('are never taken from the document’s own text: its noncharacters are dropped first', () => {
    const own = withoutMarkCharacters('\ufdd1Geen kop\ufdef');
    expect(own).toBe('Geen kop');
    expect(takeHeadingMarks(own)).toEqual({ text: 'Geen kop', headings: [] });
  });

  it('clamp levels to 0..6', () => {
    expect(takeHeadingMarks(markHeading('Diep', 9)).headings).toEqual([{ line: 1, lines: 1, level: 6 }]);
  });
});
