import { describe, expect, it } from 'vitest';
import { lexicon, packLexicon, parseDic, parseVerbPrefixes, unpackLexicon } from './lexicon.js';

describe('the packed lexicon (shipped by the build)', () => {
  it('reads back exactly what was packed: heads with linking -s-, plurals and -heden, tails, verbs', () => {
    const lex = parseDic('5\nveiligheid/CdCaZd\nmens/ZbCa\ngezin/ZeCa\nzien/PnVi\nzorg/CcCa\n', parseVerbPrefixes('PFX Pn 0 voor .\n'));
    const back = unpackLexicon(packLexicon(lex, 'k'), 'k');
    expect(back).toEqual(lex);
    expect(back!.heads.get('veiligheden')).toBe('veiligheid');
    expect(back!.heads.get('mensen')).toBe('mens');
    expect(back!.verbs.has('voorzien')).toBe(true);
  });

  it('is refused when made from another word list, or cut short', () => {
    const text = packLexicon(parseDic('1\nzorg/CcCa\n'), 'dic 1');
    expect(unpackLexicon(text, 'dic 2')).toBeNull();
    expect(unpackLexicon(text.slice(0, text.indexOf('\nT\n')), 'dic 1')).toBeNull();
    expect(unpackLexicon('', 'dic 1')).toBeNull();
  });

  it('of the installed word list reads back as the list parses', () => {
    const lex = lexicon();
    expect(unpackLexicon(packLexicon(lex, 'k'), 'k')).toEqual(lex);
  });
});
