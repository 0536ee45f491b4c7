import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze.js';
import { nominalizedVerb } from './derive.js';
import { parseDic, parseVerbPrefixes } from './lexicon.js';
import { stem } from './stem.js';

describe('nominalizedVerb', () => {
  it('links a noun in -ing or -atie to its verb where the word list has the verb', () => {
    expect(nominalizedVerb('spreiding')).toBe('spreiden');
    expect(nominalizedVerb('verdelingen')).toBe('verdelen');
    expect(nominalizedVerb('voorziening')).toBe('voorzien');
    expect(nominalizedVerb('organisaties')).toBe('organiseren');
    expect(nominalizedVerb('samenwerking')).toBe('samenwerken');
  });

  it('leaves words alone whose verb does not exist', () => {
    expect(nominalizedVerb('leerling')).toBeNull();
    expect(nominalizedVerb('relatie')).toBeNull();
    expect(nominalizedVerb('opvang')).toBeNull();
  });

  it('reads verbs and their separable prefixes from the word list', () => {
    const lex = parseDic('3\nzien/PnVi\nspreiden/Vi\nspreiding/ZbCc\n', parseVerbPrefixes('PFX Pn Y 1\nPFX Pn 0 voor .\n'));
    expect([...lex.verbs].sort()).toEqual(['spreiden', 'voorzien', 'zien']);
    expect(nominalizedVerb('voorziening', lex)).toBe('voorzien');
  });

  it('lets a question with the verb meet a passage with the noun, at part weight', () => {
    const passage = analyzeText('Wij streven naar spreiding van het voorzieningenaanbod.').terms;
    const verb = passage.find((t) => t.term === stem('spreiden'));
    expect(verb).toMatchObject({ raw: 'spreiding', weight: 0.5 });
  });
});
