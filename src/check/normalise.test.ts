import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseQuestionText, sameQuestionText } from './normalise.js';

describe('normaliseQuestionText', () => {
  it('ignores wrapped lines and repeated or non-breaking spaces', () => {
    expect(sameQuestionText('Deelt het college\n  de opvatting\u00a0van D66?', 'Deelt het college de opvatting van D66?')).toBe(true);
  });

  it('ignores line-end hyphenation, kept or joined', () => {
    expect(sameQuestionText('de druk op centrum- gemeente Zwolle', 'de druk op centrumgemeente Zwolle')).toBe(true);
    expect(sameQuestionText('de druk op centrum-\ngemeente Zwolle', 'de druk op centrum-gemeente Zwolle')).toBe(true);
    expect(sameQuestionText('een 30-\n40-30 verdeling', 'een 30-40-30 verdeling')).toBe(true);
  });

  it('ignores quotation marks, curly, straight or left out, and treats typographic dashes as hyphens', () => {
    expect(sameQuestionText('het rapport ‘van Beschermd Wonen’ – en “meer”', "het rapport 'van Beschermd Wonen' - en \"meer\"")).toBe(true);
    expect(sameQuestionText('het rapport „Beschermd Thuis”', 'het rapport Beschermd Thuis')).toBe(true);
  });

  it('still sees a changed word, number or case', () => {
    expect(sameQuestionText('Deelt het college de opvatting?', 'Deelt het college de mening?')).toBe(false);
    expect(sameQuestionText('in 2024?', 'in 2025?')).toBe(false);
    expect(sameQuestionText('Deelt het college dit?', 'deelt het college dit?')).toBe(false);
  });

  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normaliseQuestionText(text);
        expect(normaliseQuestionText(once)).toBe(once);
      }),
    );
  });
});
