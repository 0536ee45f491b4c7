import { describe, expect, it } from 'vitest';
import { splitCompound, tailAfterHead } from './compounds.js';
import { nominalizedVerb } from './derive.js';
import { lexicon, packedLexicon, packLexicon, packTables, type Lexicon } from './lexicon.js';
import * as reference from './test-helpers/compounds-reference.js';

/**
 * Words to split: every 4th form of the installed word list as listed, and inflected (-s, -en,
 * -e, -n), and two- and three-part words made of listed words. Over the whole list and all these
 * forms (295,000 words, 36,000 of them split) the splitter agreed with the reference when the
 * pack's tables came in; the sample keeps the test short.
 */
function sample(lex: Lexicon): string[] {
  const listed = [...new Set([...lex.heads.keys(), ...lex.tails, ...lex.verbs])];
  const out: string[] = [];
  for (let i = 0; i < listed.length; i += 4) {
    const w = listed[i]!;
    out.push(w, `${w}s`, `${w}en`, `${w}e`, `${w}n`);
    out.push(w + listed[(i * 31) % listed.length]!, `${w}s${listed[(i * 17) % listed.length]!}en`);
  }
  // Ranges a lookup must not read past: a word ending where a listed form goes on.
  out.push('zorgaanbieders', 'woningcorporaties', 'dak- en thuisloosheid', 'veiligheidshuis', 'gezinnen', 'vragen', 'wijken', 'zorg');
  return out;
}

function splits(words: readonly string[], lex: Lexicon): unknown[] {
  return words.map((w) => [splitCompound(w, lex), tailAfterHead(w, lex), nominalizedVerb(w, lex)]);
}

describe('splitting against the packed word list', () => {
  const lex = lexicon();
  const pack = packLexicon(lex, 'k');
  const words = sample(lex);

  it('splits every sampled word as the splitter over Map and Sets did', () => {
    const packed = packedLexicon(Buffer.from(pack, 'latin1'), 'k', packTables(pack, 'k'));
    expect(packed).not.toBeNull();
    const expected = words.map((w) => [reference.splitCompound(w, lex), reference.tailAfterHead(w, lex), nominalizedVerb(w, lex)]);
    expect(splits(words, packed!)).toEqual(expected);
    expect(expected.filter((e) => (e as unknown[])[0] !== null).length).toBeGreaterThan(5000);
  });

  it('makes the tables from the pack when the table file is missing or made for another pack', () => {
    const made = packedLexicon(Buffer.from(pack, 'latin1'), 'k');
    const stale = packedLexicon(Buffer.from(pack, 'latin1'), 'k', packTables(packLexicon({ ...lex, verbs: new Set() }, 'k'), 'k'));
    const some = words.filter((_, i) => i % 7 === 0);
    expect(splits(some, stale!)).toEqual(splits(some, made!));
    expect(splits(some, made!)).toEqual(splits(some, lex));
  });

  it('still gives the Map and Sets, made from the pack when asked for', () => {
    const packed = packedLexicon(Buffer.from(pack, 'latin1'), 'k', packTables(pack, 'k'))!;
    expect(packed.heads.get('mensen')).toBe(lex.heads.get('mensen'));
    expect(packed.verbs.size).toBe(lex.verbs.size);
    expect(packedLexicon(Buffer.from(pack, 'latin1'), 'other key')).toBeNull();
  });
});
