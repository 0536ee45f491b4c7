import { describe, expect, it } from 'vitest';
import { dictionaryForms, packWords, WordPack, type WordTerm } from './word-pack.js';

const AFF = `FLAG long
SFX Za Y 1
SFX Za 0 s .
SFX Zb Y 2
SFX Zb 0 en [^e]
SFX Zb 0 n e
SFX Zc Y 1
SFX Zc heid heden/Zx heid
PFX Pb Y 1
PFX Pb 0 aan .
`;
const DIC = `7
zorg/ZbCa
geven/PbZa
gemeente/ZaZb
veiligheid/Zc
Zwolle/Za
café/Za
06-nummer/Za
`;

describe('dictionaryForms', () => {
  it("makes a word list's entries and the forms its suffix and prefix rules make of them, names and non-letters left out", () => {
    expect(dictionaryForms(DIC, AFF).sort()).toEqual(['aangeven', 'aangevens', 'cafe', 'cafes', 'gemeente', 'gemeenten', 'gemeentes', 'geven', 'gevens', 'veiligheden', 'veiligheid', 'zorg', 'zorgen']);
  });
});

describe('WordPack', () => {
  const analyses: Record<string, WordTerm[]> = {
    zorgen: [{ term: 'zorg', weight: 1 }],
    gemeenten: [{ term: 'gemeent', weight: 1 }],
    de: [],
    huizen: [{ term: 'huis', weight: 1 }],
    zorgaanbieders: [
      { term: 'zorgaanbieder', weight: 1 },
      { term: 'zorg', weight: 0.5 },
      { term: 'aanbieder', weight: 0.5 },
    ],
    // Not what analysis gives, so not what the layout can say: left out.
    vreemd: [{ term: 'vreemd', weight: 0.5 }],
  };
  const pack = packWords(Object.keys(analyses), (form) => analyses[form]!, 'key 1', 0.5);

  it('gives back the terms it packed, a stopword as none', () => {
    const read = WordPack.read(pack, 'key 1', 0.5)!;
    for (const form of ['zorgen', 'gemeenten', 'de', 'huizen', 'zorgaanbieders']) expect(read.terms(form)).toEqual(analyses[form]);
    expect(read.forms()).toEqual(['zorgen', 'gemeenten', 'de', 'huizen', 'zorgaanbieders']);
  });

  it('has nothing for a form it lacks, nor one its layout cannot say', () => {
    const read = WordPack.read(pack, 'key 1', 0.5)!;
    expect(read.terms('zorg')).toBeUndefined();
    expect(read.terms('zorgenn')).toBeUndefined();
    expect(read.terms('vreemd')).toBeUndefined();
  });

  it('is not read for another key, nor when damaged', () => {
    expect(WordPack.read(pack, 'key 2', 0.5)).toBeNull();
    expect(WordPack.read(pack.subarray(0, pack.length - 1), 'key 1', 0.5)).toBeNull();
    expect(WordPack.read(Buffer.from('not a pack'), 'key 1', 0.5)).toBeNull();
  });
});
