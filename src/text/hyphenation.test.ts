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
  it('joins a web address broken over lines without a space, hyphen kept', () => {
    expect(joinLines(['zie https://www.example.nl/programma-een-', 'thuis-voor-iedereen/documenten/', 'publicaties voor meer'])).toBe(
      'zie https://www.example.nl/programma-een-thuis-voor-iedereen/documenten/publicaties voor meer',
    );
  });
});
