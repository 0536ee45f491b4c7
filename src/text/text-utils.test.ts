import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpace } from './text-utils.js';

describe('collapseSpace', () => {
  it('collapses runs of white space of any kind to one space and trims', () => {
    expect(collapseSpace('  Zorg\nen\u00a0\u00a0veiligheid \t\r\n')).toBe('Zorg en veiligheid');
    expect(collapseSpace('al samengevoegd')).toBe('al samengevoegd');
  });

  it('gives what replacing every run of /\\s+/ by a space and trimming gives', () => {
    const char = fc.constantFrom('a', 'b', '.', ' ', '  ', '\n', '\t', '\r', '\u00a0', '\u2003', '\u2028', '\ufeff', 'é');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(collapseSpace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });
});
