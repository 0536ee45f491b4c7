import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hyphenJoin, joinLines, Vocabulary } from './hyphenation.js';

describe('hyphenJoin', () => {
  it('joins a word broken for the line', () => {
    expect(hyphenJoin('de centrum-', 'gemeente Zwolle')).toBe('join');
  });
  it('keeps "zorg- en veiligheid" (a shared first part before a conjunction)', () => {
    expect(hyphenJoin('zowel zorg-', 'als veiligheidsvragen')).toBe('space');
    expect(hyphenJoin('in de zorg-', 'en veiligheid')).toBe('space');
  });
  it('keeps the hyphen before a capital and after an acronym or code', () => {
    expect(hyphenJoin('in het GGZ-', 'Veiligheidsoverleg')).toBe('keep');
    expect(hyphenJoin('een ZonMW-', 'subsidie')).toBe('keep');
    expect(hyphenJoin('andere G40-', 'gemeenten')).toBe('keep');
  });
  it('follows the document: a hyphen it writes on one line is kept, a word it writes whole is joined', () => {
    const vocabulary = new Vocabulary(['het sociaal-economische beeld blijft', 'de leefbaarheid in de wijk']);
    expect(hyphenJoin('een sociaal-', 'economische index', vocabulary)).toBe('keep');
    expect(hyphenJoin('de leef-', 'baarheid', vocabulary)).toBe('join');
    expect(hyphenJoin('Wmo-', 'loket', new Vocabulary(['de Wmo geldt hier']))).toBe('keep');
  });
});

describe('joinLines', () => {
  it('joins lines with single spaces and undoes hyphenation and soft hyphens', () => {
    expect(joinLines(['Zwolle is een centrum-', 'gemeente voor zorg-', 'en veiligheid in het GGZ-', 'Veiligheidsoverleg, ge\u00ad', 'baseerd op  ', 'afspraken.'])).toBe(
      'Zwolle is een centrumgemeente voor zorg- en veiligheid in het GGZ-Veiligheidsoverleg, gebaseerd op afspraken.',
    );
  });
  it('keeps a dash with a space before it as a dash', () => {
    expect(joinLines(['inwoners kunnen –', 'met elkaar – langer'])).toBe('inwoners kunnen – met elkaar – langer');
  });
});

/** The join as it was written first, testing the whole text so far at each line (quadratic). */
function referenceJoinLines(lines: string[], vocabulary: Vocabulary): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (text === '') text = line;
    else if (text.endsWith('\u00ad')) text = text.slice(0, -1) + line;
    else if (/[-\u2010\u2011]$/.test(text) && /[\p{L}\p{N}][-\u2010\u2011]$/u.test(text)) {
      const how = hyphenJoin(text, line, vocabulary);
      text = how === 'join' ? text.slice(0, -1) + line : how === 'keep' ? text + line : `${text} ${line}`;
    } else text += ` ${line}`;
  }
  return text.replace(/\u00ad/g, '');
}

describe('joinLines, looking only at the end of the text', () => {
  it('joins as the whole-text reference does (property)', () => {
    const piece = fc.constantFrom('zorg', 'Zorg', 'en', 'of', 'GGZ', 'G40', '-', '\u2010', '\u00ad', ' ', 'leef', 'baarheid', 'centrum', 'gemeente', 'x'.repeat(30), 'é');
    const line = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
    const vocabulary = new Vocabulary(['de leefbaarheid en centrumgemeente zorg-en', 'een GGZ-zorg regel']);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (lines) => {
        expect(joinLines(lines, vocabulary)).toBe(referenceJoinLines(lines, vocabulary));
      }),
      { numRuns: 3000 },
    );
  });
});
