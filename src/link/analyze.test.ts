import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { analyzePassage, analyzeText, analyzeWord, PART_WEIGHT, saveWordCache, wordPackKey } from './analyze.js';
import { setCacheDir } from './cache-file.js';
import { splitCompound } from './compounds.js';
import { parseDic } from './lexicon.js';
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';
import { WordPack } from './word-pack.js';
import { passage } from './test-helpers/passages.js';

const terms = (text: string) => analyzeText(text).terms.filter((t) => t.weight === 1).map((t) => t.term);
const allTerms = (text: string) => analyzeText(text).terms.map((t) => t.term);

describe('tokenize', () => {
  it('lowercases and folds diacritics for matching but keeps the word as written', () => {
    const [t] = tokenize('Casuïstiek');
    expect(t).toMatchObject({ raw: 'Casuïstiek', norm: 'casuistiek', kind: 'word' });
  });

  it('keeps numbers and drops thousands separators', () => {
    expect(tokenize('in 2025 kost het € 50.000, zie 4.3').map((t) => t.norm)).toEqual(['in', '2025', 'kost', 'het', '50000', 'zie', '4.3']);
  });

  it('splits hyphenated and slashed words into parts and also gives the joined form', () => {
    const tokens = tokenize('ZonMW-subsidie en vraag/situatie');
    expect(tokens.map((t) => `${t.norm}:${t.kind}`)).toEqual([
      'zonmw:part', 'subsidie:part', 'zonmwsubsidie:joined', 'en:word', 'vraag:part', 'situatie:part', 'vraagsituatie:joined',
    ]);
  });

  it('drops the apostrophe-s of abbreviations and opens the ij ligature', () => {
    expect(tokenize("SWT’s, MDO's en de ĳssel").map((t) => t.norm)).toEqual(['swt', 'mdo', 'en', 'de', 'ijssel']);
  });

  it('marks the first half of an elision as truncated, with or without the space', () => {
    expect(tokenize('zorg- en veiligheidsvragen').map((t) => t.kind)).toEqual(['truncated', 'word', 'word']);
    expect(tokenize('relatie-en scheidingsteam').map((t) => t.kind)).toEqual(['truncated', 'part', 'word']);
  });

  it('does not take "en/of" for an elision', () => {
    expect(tokenize('geweld en/of kindermishandeling').map((t) => t.kind)).toEqual(['word', 'part', 'part', 'joined', 'word']);
    expect(analyzeText('seksueel geweld en/of kindermishandeling').terms.map((t) => t.term)).not.toContain('enmishandel');
  });

  it('leaves out the words of set phrases of a question\'s frame', () => {
    expect(analyzeText('Wat is de stand van zaken op het vlak van de jeugdzorg?').terms.map((t) => t.term)).toEqual(analyzeText('jeugdzorg').terms.map((t) => t.term));
  });
});

describe('stopwords', () => {
  it('knows the stopwords-iso Dutch words and the pronominal adverbs', () => {
    for (const w of ['de', 'het', 'een', 'welke', 'ervoor', 'daarbij', 'hierover']) expect(isStopword(w)).toBe(true);
  });

  it('keeps topic words that stopwords-iso lists, and never drops college or gemeente', () => {
    for (const w of ['samen', 'eigen', 'college', 'gemeente', 'zorg']) expect(isStopword(w)).toBe(false);
  });

  it('gives no terms for a text of only stopwords and punctuation', () => {
    expect(analyzeText('Wat is het, en waarom niet?! ...').terms).toEqual([]);
  });
});

describe('stem', () => {
  it('stems with the Dutch snowball stemmer so inflections meet', () => {
    expect(stem('wijken')).toBe(stem('wijk'));
    expect(stem('meldingen')).toBe(stem('melding'));
    expect(stem('voorzieningen')).toBe(stem('voorziening'));
  });

  it('repairs the endings snowball leaves apart: -ies plurals, final v/z, doubled consonants', () => {
    expect(stem('organisaties')).toBe(stem('organisatie'));
    expect(stem('preventieve')).toBe(stem('preventief'));
    expect(stem('huizen')).toBe(stem('huis'));
    expect(stem('gezinnen')).toBe(stem('gezin'));
  });

  it('leaves numbers alone', () => {
    expect(stem('2025')).toBe('2025');
  });
});

describe('compound splitting', () => {
  it('splits compounds with the word list, linking morphemes included', () => {
    expect(splitCompound('zorgaanbieders')).toEqual(['zorg', 'aanbieders']);
    expect(splitCompound('draaglast')).toEqual(['draag', 'last']);
    expect(splitCompound('woningcorporaties')).toEqual(['woning', 'corporaties']);
    expect(splitCompound('veiligheidsvragen')).toEqual(['veiligheid', 'vragen']);
    expect(splitCompound('regiogemeenten')).toEqual(['regio', 'gemeenten']);
  });

  it('does not split derivations or words that only look like compounds', () => {
    for (const w of ['gemeente', 'samenwerking', 'ondersteuning', 'verslaving', 'belangrijke', 'college', 'justitie']) {
      expect(splitCompound(w)).toBeNull();
    }
  });

  it('indexes the whole word and its parts, the parts at lower weight', () => {
    const occ = analyzeText('zorgaanbieders').terms;
    expect(occ).toEqual([
      { term: stem('zorgaanbieders'), weight: 1, raw: 'zorgaanbieders', token: 0 },
      { term: stem('zorg'), weight: PART_WEIGHT, raw: 'zorgaanbieders', token: 0 },
      { term: stem('aanbieders'), weight: PART_WEIGHT, raw: 'zorgaanbieders', token: 0 },
    ]);
  });

  it('lets a compound in the query find its parts written apart', () => {
    const doc = new Set(allTerms('de aanbieders van zorg in de wijk'));
    expect(allTerms('zorgaanbieders').filter((t) => doc.has(t))).toEqual([stem('zorg'), stem('aanbieders')]);
  });

  it('reads the compounding flags of a Hunspell word list', () => {
    const lex = parseDic('3\nzorg/CcCaYb\naanbieder/CcZa\ngem\nente/Zj\n');
    expect(splitCompound('zorgaanbieders', lex)).toEqual(['zorg', 'aanbieders']);
    expect(lex.heads.has('gem')).toBe(false);
  });
});

describe('elision', () => {
  it('completes "zorg- als veiligheidsvragen" to zorgvragen', () => {
    expect(terms('zowel zorg- als veiligheidsvragen')).toContain(stem('zorgvragen'));
  });

  it('completes "dak- en thuisloosheid" to dakloosheid', () => {
    expect(terms('dak- en thuisloosheid')).toEqual([stem('dakloosheid'), stem('thuisloosheid')]);
  });

  it('keeps the first half as a word when the last word is no compound', () => {
    expect(terms('zorg- en veiligheid')).toEqual([stem('zorg'), stem('veiligheid')]);
  });
});

describe('analyzePassage', () => {
  it('analyses text, heading path (without the title) and title as separate fields', () => {
    const p = passage('De politie registreert meldingen.', { title: 'Zwolse agenda', heading: ['Zwolse agenda', '1.1 Urgentie'] });
    const a = analyzePassage(p);
    expect(a.terms.get(stem('politie'))).toEqual([1, 0, 0]);
    expect(a.terms.get(stem('urgentie'))).toEqual([0, 1, 0]);
    expect(a.terms.get(stem('agenda'))).toEqual([0, 0, 1]);
    expect(a.lengths).toEqual([3, 2, 2]);
  });
});

describe('the analysed words kept for the next process', () => {
  it('writes the words and elision tails analysed to the cache folder, as they were analysed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answer-words-'));
    try {
      setCacheDir(dir);
      const text = 'De zorg- en veiligheidshuizen en de woonzorgvoorzieningen in de wijk.';
      const before = analyzeText(text).terms;
      saveWordCache();
      const bytes = readFileSync(join(dir, 'words.v8'));
      const { words, tails } = deserialize(bytes.subarray(bytes.indexOf(10) + 1)) as { words: Map<string, unknown>; tails: Map<string, unknown> };
      expect(words.get('woonzorgvoorzieningen')).toEqual(analyzeText('woonzorgvoorzieningen').terms.map((t) => ({ term: t.term, weight: t.weight })));
      expect(tails.has('veiligheidshuizen')).toBe(true);
      expect(analyzeText(text).terms).toEqual(before);
    } finally {
      setCacheDir(null);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the build's analysis of the word list's forms (dist/link/words.pack)", () => {
  const file = new URL('../../dist/link/words.pack', import.meta.url);
  // A cold index build takes a word's terms from the pack instead of analysing the word: they must
  // be what analysis gives, for every form (`npm run build` makes the pack; CI builds before testing).
  it.skipIf(!existsSync(file))('holds exactly the analysis of this code, for every form it holds', () => {
    const pack = WordPack.read(readFileSync(file), wordPackKey()!, PART_WEIGHT);
    expect(pack, 'dist/link/words.pack was made for another analyser or word list: npm run build').not.toBeNull();
    const forms = pack!.forms();
    expect(forms.length).toBeGreaterThan(200_000);
    const differ = forms.filter((form) => JSON.stringify(pack!.terms(form)) !== JSON.stringify(analyzeWord(form)));
    expect(differ.slice(0, 10)).toEqual([]);
  }, 300_000);
});
