import { describe, expect, it } from 'vitest';
import { isPlaceName, placeNameTokens } from './place-names.js';
import { tokenize } from './tokenize.js';

function names(text: string): string[] {
  const tokens = tokenize(text);
  return [...placeNameTokens(tokens)].sort((a, b) => a - b).map((i) => tokens[i]!.raw);
}

describe('placeNameTokens', () => {
  it('finds municipalities, also of more words and hyphenated', () => {
    expect(names('De gemeente Utrecht stopt met jeugdhulp; in Den Helder en Bergen op Zoom niet.')).toEqual(['Utrecht', 'Den', 'Helder', 'Bergen', 'op', 'Zoom']);
    expect(names('In Leidschendam-Voorburg stijgt het aantal daklozen.')).toEqual(['Leidschendam', 'Voorburg', 'Leidschendam-Voorburg']);
  });

  it('finds adjectives and inhabitants of a place, and Flemish municipalities', () => {
    expect(names('Overleg met de Alkmaarse woningcorporaties, de Amsterdammers en de schepenen van Gent.')).toEqual(['Alkmaarse', 'Amsterdammers', 'Gent']);
  });

  it('finds the newspapers and programmes a preamble quotes', () => {
    expect(names('Naar aanleiding van een artikel in het Reformatorisch Dagblad en een item van EenVandaag')).toEqual(['Reformatorisch', 'Dagblad', 'EenVandaag']);
  });

  it('takes a place only as written with a capital, and an everyday word only after a word that places it', () => {
    expect(names('de buren van de bejaarde man in utrecht')).toEqual([]);
    expect(names('Buren helpen elkaar. Ook in de gemeente Buren.')).toEqual(['Buren']);
    expect(names('Best practices uit de wijk.')).toEqual([]);
  });
});

describe('isPlaceName', () => {
  it('knows folded names with and without a suffix', () => {
    expect(isPlaceName('zwolle')).toBe(true);
    expect(isPlaceName('zwollenaren')).toBe(true);
    expect(isPlaceName('noordhollands')).toBe(true);
    expect(isPlaceName('mantelzorg')).toBe(false);
  });
});
