import { describe, expect, it } from 'vitest';
import { analyzePassage } from './analyze.js';
import { MemoryIndexStore } from './memory-store.js';
import { buildQuery } from './query.js';
import { rank } from './rank.js';
import { DEFAULT_SCORING, idf } from './score.js';
import { parseSynonyms, synonymSet } from './synonyms.js';
import { passage } from './test-helpers/passages.js';

async function storeOf(...passages: ReturnType<typeof passage>[]): Promise<MemoryIndexStore> {
  const store = new MemoryIndexStore();
  await store.update(passages.map(analyzePassage), []);
  return store;
}

const ids = async (store: MemoryIndexStore, q: string, top = 5) =>
  (await rank(store, buildQuery(q).terms, { top, diversify: false })).map((p) => p.id);

describe('BM25F scoring', () => {
  it('gives rare terms more weight than common ones', () => {
    expect(idf(1, 100)).toBeGreaterThan(idf(50, 100));
    expect(idf(100, 100)).toBeGreaterThan(0);
  });

  it('ranks the passage with more of the query words first', async () => {
    const store = await storeOf(
      passage('De politie krijgt meer meldingen over verward gedrag.', { id: 'both' }),
      passage('De politie surveilleert in de binnenstad.', { id: 'one' }),
      passage('Het zwembad gaat om acht uur open.', { id: 'none' }),
    );
    expect(await ids(store, 'meldingen politie')).toEqual(['both', 'one']);
  });

  it('prefers a short passage over a long one with the same matches', async () => {
    const filler = 'Er gebeurt verder nog heel veel anders in deze lange tekst over allerlei onderwerpen. '.repeat(8);
    const store = await storeOf(passage(`Mantelzorg is belangrijk. ${filler}`, { id: 'long' }), passage('Mantelzorg is belangrijk.', { id: 'short' }));
    expect(await ids(store, 'mantelzorg')).toEqual(['short', 'long']);
  });

  it('counts a word in the heading path as evidence for the passages under it', async () => {
    const store = await storeOf(
      passage('Wij maken afspraken met partners.', { id: 'under', heading: ['Nota', 'Maatschappelijke opvang'] }),
      passage('Wij maken afspraken met partners.', { id: 'elsewhere', heading: ['Nota', 'Sport'] }),
    );
    expect(await ids(store, 'afspraken opvang')).toEqual(['under', 'elsewhere']);
  });

  it('finds a compound through its parts and the parts through the compound', async () => {
    const store = await storeOf(
      passage('Wij spreken met woningcorporaties en zorgaanbieders.', { id: 'compound' }),
      passage('De aanbieders van zorg in de wijk.', { id: 'apart' }),
    );
    expect(await ids(store, 'corporaties')).toEqual(['compound']);
    expect(await ids(store, 'zorgaanbieders')).toEqual(['compound', 'apart']);
  });

  it('raises a passage whose section as a whole matches the question better', async () => {
    const store = await storeOf(
      passage('Er zijn wachtlijsten voor de sportclub.', { id: 'sport', heading: ['Nota', 'Sport'] }),
      passage('Wij bouwen meer huizen.', { id: 'build', heading: ['Nota', 'Opvang'] }),
      passage('Er zijn wachtlijsten voor de opvang.', { id: 'queue', heading: ['Nota', 'Opvang'] }),
    );
    const order = async (sectionWeight: number) =>
      (await rank(store, buildQuery('wachtlijsten huizen').terms, { top: 3, diversify: false, scoring: { ...DEFAULT_SCORING, sectionWeight } })).map(
        (p) => p.id,
      );
    // Alone, the two "wachtlijsten" passages tie (the first indexed wins); the section that also
    // speaks of "huizen" lifts its own, and a passage that matched nothing stays out.
    expect((await order(0)).indexOf('sport')).toBeLessThan((await order(0)).indexOf('queue'));
    expect((await order(0.25)).indexOf('queue')).toBeLessThan((await order(0.25)).indexOf('sport'));
    expect(await order(0.25)).toHaveLength(3);
  });

  it('says which query words, as written, matched', async () => {
    const store = await storeOf(passage('Zorgaanbieders en de Politie.', { id: 'a' }));
    const [hit] = await rank(store, buildQuery('Politie, aanbieders en de GGD').terms);
    expect(hit!.matched).toEqual(['Politie', 'aanbieders']);
  });

  it('never offers a question document its own answer', async () => {
    const store = await storeOf(
      passage('Antwoord: de politie krijgt meer meldingen.', { id: 'own', kind: 'answer', question: 'd66', doc: 'answers-d66' }),
      passage('Antwoord: de politie krijgt meer meldingen.', { id: 'other', kind: 'answer', question: 'vvd', doc: 'answers-vvd' }),
      passage('De politie krijgt meer meldingen.', { id: 'policy' }),
    );
    const hits = await rank(store, buildQuery('meldingen politie').terms, { excludeAnswersTo: 'd66' });
    expect(hits.map((h) => h.id).sort()).toEqual(['other', 'policy']);
  });
});

describe('synonyms in scoring', () => {
  const synonyms = synonymSet(parseSynonyms('hond, viervoeter').rules);
  const query = (q: string) => buildQuery(q, { synonyms }).terms;
  const plain = { ...DEFAULT_SCORING, proximity: null };

  it('finds a passage that says the question\'s word in other words, below one that says it as asked, and tells through which phrase', async () => {
    const store = await storeOf(
      passage('Een hond mag hier loslopen.', { id: 'own' }),
      passage('Een viervoeter mag hier loslopen.', { id: 'alternative' }),
      passage('Het zwembad gaat om acht uur open.', { id: 'none' }),
    );
    const ranked = await rank(store, query('Mag een hond hier loslopen?'), { top: 5, diversify: false, scoring: plain });
    expect(ranked.map((p) => p.id)).toEqual(['own', 'alternative']);
    expect(ranked[1]!.matched).toEqual(['loslopen']);
    expect(ranked[1]!.synonyms).toEqual(['viervoeter']);
    expect(ranked[0]!.synonyms).toEqual([]);
  });

  it('counts the best of a word and its synonyms, not their sum (their sum with synonymSum 1)', async () => {
    const store = await storeOf(
      passage('Een hond of viervoeter mag hier loslopen.', { id: 'both' }),
      passage('Een hond of kat mag hier loslopen.', { id: 'own' }),
      passage('Een viervoeter mag daar loslopen.', { id: 'other' }),
      passage('Een hond mag daar niet loslopen.', { id: 'more' }),
    );
    const gap = async (synonymSum: number) => {
      const ranked = await rank(store, query('Mag een hond hier loslopen?'), { top: 5, diversify: false, scoring: { ...plain, synonymSum } });
      return ranked.find((p) => p.id === 'both')!.score - ranked.find((p) => p.id === 'own')!.score;
    };
    expect(await gap(0)).toBeCloseTo(0, 2);
    expect(await gap(1)).toBeGreaterThan(0.1);
  });
});

describe('proximity', () => {
  it('puts a passage in which the question\'s words stand together above one in which they stand apart', async () => {
    const filler = 'Daarnaast zijn er nog veel andere zaken die aandacht vragen in de stad.';
    const store = await storeOf(
      passage(`De wachtlijsten zijn lang. ${filler} ${filler} Ook de jeugdzorg heeft het zwaar.`, { id: 'apart' }),
      passage(`${filler} ${filler} De wachtlijsten in de jeugdzorg zijn lang.`, { id: 'together' }),
    );
    expect(await ids(store, 'wachtlijsten jeugdzorg')).toEqual(['together', 'apart']);
    const plain = await rank(store, buildQuery('wachtlijsten jeugdzorg').terms, { top: 5, diversify: false, scoring: { ...DEFAULT_SCORING, proximity: null } });
    expect(plain[0]!.score).toBeCloseTo(plain[1]!.score, 0);
  });
});
