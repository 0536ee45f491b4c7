/**
 * The IndexStore conformance suite: what every backend must answer, through the interface only
 * (index-store.ts), against a plain list of passages where a reference is needed. Each backend's
 * test file calls `indexStoreConformance` with a function that opens a new, empty store.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../model.js';
import { analyzePassage, sectionKey } from '../analyze.js';
import { syncIndex } from '../build-index.js';
import { FIELD_COUNT, type IndexStore, type Postings } from '../index-store.js';
import { stem } from '../stem.js';
import { passage } from './passages.js';

export interface ConformanceOptions {
  /** Runs of each property (a database backend makes a transaction per update: fewer). */
  runs?: number;
}

/** The ids of the passages a term's posting list names. */
async function docsWith(store: IndexStore, word: string): Promise<string[]> {
  const { lists } = await store.postings([stem(word)]);
  const list = lists.get(stem(word));
  if (!list) return [];
  const stored = await store.passages(Array.from(list.docs));
  return stored.map((s) => s.passage.id).sort();
}

/** Whatever the backend, the shape every Postings must have (index-store.ts). */
function checkShape(p: Postings): void {
  const { matched } = p;
  const seen = new Set<number>();
  for (const list of p.lists.values()) {
    expect(list.df).toBe(list.docs.length);
    expect(list.rows.length).toBe(list.docs.length);
    expect(list.tf.length).toBe(list.docs.length * FIELD_COUNT);
    for (let i = 0; i < list.docs.length; i++) {
      if (i > 0) expect(list.docs[i]!).toBeGreaterThan(list.docs[i - 1]!);
      const row = list.rows[i]!;
      expect(matched.refs[row]).toBe(list.docs[i]);
      seen.add(list.docs[i]!);
    }
  }
  // The matched passages are those of the lists, each once: per-query data, nothing more.
  expect(matched.count).toBe(seen.size);
  expect(new Set(Array.from(matched.refs)).size).toBe(matched.count);
  expect(matched.lengths.length).toBe(matched.count * FIELD_COUNT);
  expect(matched.sections.length).toBe(matched.count);
  for (let row = 0; row < matched.count; row++) expect(matched.sections[row]!).toBeLessThan(matched.sectionLengths.length);
}

export function indexStoreConformance(name: string, open: () => Promise<IndexStore>, options: ConformanceOptions = {}): void {
  const runs = options.runs ?? 60;
  const opened: IndexStore[] = [];
  const fresh = async (): Promise<IndexStore> => {
    const store = await open();
    opened.push(store);
    return store;
  };

  describe(`IndexStore conformance: ${name}`, () => {
    afterAll(async () => {
      await Promise.all(opened.map((s) => s.close()));
    });

    it('adds passages and finds them by term, with per-field frequencies, lengths and section', async () => {
      const store = await fresh();
      const p = passage('De politie en de politie.', { id: 'a', heading: ['Beleidsnota', 'Politie'] });
      await store.update([analyzePassage(p)], []);
      const postings = await store.postings([stem('politie'), 'onbekend']);
      checkShape(postings);
      expect([...postings.lists.keys()]).toEqual([stem('politie')]);
      const list = postings.lists.get(stem('politie'))!;
      expect(list.df).toBe(1);
      expect(Array.from(list.tf)).toEqual([2, 1, 0]);
      expect(Array.from(postings.matched.lengths)).toEqual([2, 1, 1]);
      expect(Array.from(postings.matched.sectionLengths)).toEqual([2]);
      expect(postings.stats).toEqual({ passages: 1, avgLength: [2, 1, 1], sections: 1, avgSectionLength: 2 });
      const [stored] = await store.passages([list.docs[0]!]);
      expect(stored!.passage).toEqual(p);
      expect(stored!.section).toBe(sectionKey(p));
      // The text's terms only: "politie" twice; the heading's word is left out of the vector.
      expect(Array.from(stored!.vector.weights)).toEqual([2]);
    });

    it('replaces a passage with the same id and removes passages by id', async () => {
      const store = await fresh();
      await store.update([analyzePassage(passage('over wonen', { id: 'a' })), analyzePassage(passage('over wonen en zorg', { id: 'b' }))], []);
      await store.update([analyzePassage(passage('over veiligheid', { id: 'a' }))], ['b']);
      expect(await docsWith(store, 'wonen')).toEqual([]);
      expect(await docsWith(store, 'veiligheid')).toEqual(['a']);
      expect((await store.stats()).passages).toBe(1);
    });

    it('numbers passages in the order they were added, a replaced one after all before it', async () => {
      const store = await fresh();
      await store.update(['a', 'b', 'c'].map((id) => analyzePassage(passage('gedeelde woorden', { id }))), []);
      await store.update([analyzePassage(passage('gedeelde woorden', { id: 'a' }))], []);
      const { lists } = await store.postings([stem('gedeelde')]);
      const stored = await store.passages(Array.from(lists.get(stem('gedeelde'))!.docs));
      expect(stored.map((s) => s.passage.id)).toEqual(['b', 'c', 'a']);
    });

    it('answers like a plain list of passages after any sequence of updates (property)', async () => {
      const words = ['zorg', 'wonen', 'politie', 'wijk', 'regio'];
      const op = fc.record({
        id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
        words: fc.subarray(words, { minLength: 1 }),
        // Heading words that are none of the text's words, so a word's passages are those whose text has it.
        section: fc.constantFrom('Sport', 'Cultuur'),
        remove: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
          const store = await open();
          try {
            await property(store, ops);
          } finally {
            await store.close();
          }
        }),
        { numRuns: runs },
      );
      async function property(store: IndexStore, ops: Array<{ id: string; words: string[]; section: string; remove: boolean }>): Promise<void> {
        const naive = new Map<string, Passage>();
        for (const o of ops) {
          if (o.remove) {
            await store.update([], [o.id]);
            naive.delete(o.id);
          } else {
            const p = passage(o.words.join(' '), { id: o.id, heading: ['Beleidsnota', o.section] });
            await store.update([analyzePassage(p)], []);
            naive.set(o.id, p);
          }
        }
        const postings = await store.postings(words.map(stem));
        checkShape(postings);
        for (const w of words) {
          const expected = [...naive].filter(([, p]) => p.text.split(' ').includes(w)).map(([id]) => id).sort();
          expect(await docsWith(store, w)).toEqual(expected);
        }
        // Sections: the summed text length of each section's passages, and their average.
        const bySection = new Map<string, number>();
        for (const p of naive.values()) bySection.set(sectionKey(p), (bySection.get(sectionKey(p)) ?? 0) + p.text.split(' ').length);
        const lengths = [...bySection.values()];
        expect(postings.stats.sections).toBe(bySection.size);
        expect(postings.stats.avgSectionLength).toBeCloseTo(lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 0, 9);
        const stored = await store.passages(Array.from(postings.matched.refs));
        for (let row = 0; row < postings.matched.count; row++) {
          const key = stored.find((s) => s.ref === postings.matched.refs[row])!.section;
          expect(postings.matched.sectionLengths[postings.matched.sections[row]!]).toBe(bySection.get(key));
        }
        expect((await store.stats()).passages).toBe(naive.size);
        expect(postings.stats.passages).toBe(naive.size);
      }
    });

    it('counts the passages that hold each term, as its postings do', async () => {
      const store = await fresh();
      await store.update(['wonen en zorg', 'zorg', 'politie'].map((text, i) => analyzePassage(passage(text, { id: `p${i}` }))), []);
      await store.update([], ['p2']);
      const terms = [stem('zorg'), stem('wonen'), stem('politie'), 'onbekend'];
      const { passages, df } = await store.frequencies(terms);
      expect(passages).toBe(2);
      expect([...df]).toEqual([
        [stem('zorg'), 2],
        [stem('wonen'), 1],
      ]);
      const postings = await store.postings(terms);
      expect([...postings.lists].map(([term, list]) => [term, list.df])).toEqual([...df]);
    });

    it('keeps the files it was given, and forgets a file given as null', async () => {
      const store = await fresh();
      const problem = { code: 'corpus/no-title', severity: 'warning' as const, message: 'no title', file: 'corpus/a.md', line: 1, column: null };
      await store.update([analyzePassage(passage('wonen', { id: 'a-1', file: 'corpus/a.md' }))], [], new Map([['corpus/a.md', { hash: 'h1', ids: ['a-1'], problems: [problem] }]]));
      await store.update([analyzePassage(passage('zorg', { id: 'b-1', file: 'corpus/b.md' }))], [], new Map([['corpus/b.md', { hash: 'h2', ids: ['b-1'] }]]));
      expect(await store.files()).toEqual(
        new Map([
          ['corpus/a.md', { hash: 'h1', ids: ['a-1'], problems: [problem] }],
          ['corpus/b.md', { hash: 'h2', ids: ['b-1'] }],
        ]),
      );
      await store.update([], ['a-1'], new Map([['corpus/a.md', null]]));
      expect([...(await store.files()).keys()]).toEqual(['corpus/b.md']);
      expect(await store.stats()).toMatchObject({ passages: 1, files: 1 });
    });

    it('answers an empty index and an empty query', async () => {
      const store = await fresh();
      const postings = await store.postings([]);
      expect(postings.lists.size).toBe(0);
      expect(postings.matched.count).toBe(0);
      expect(postings.stats).toEqual({ passages: 0, avgLength: [0, 0, 0], sections: 0, avgSectionLength: 0 });
      expect(await store.passages([])).toEqual([]);
      expect(await store.stats()).toMatchObject({ passages: 0, files: 0 });
    });

    it('is kept in step with a corpus by content hash (syncIndex)', async () => {
      const store = await fresh();
      const corpus = (files: Record<string, { hash: string; texts: string[] }>) => ({
        files: Object.entries(files).map(([file, f]) => ({ file, hash: f.hash })),
        passages: Object.entries(files).flatMap(([file, f]) => f.texts.map((text, i) => passage(text, { id: `${file}#${i}`, file, doc: file.replace(/\W/g, '') }))),
      });
      let report = await syncIndex(store, corpus({ 'a.md': { hash: '1', texts: ['wonen'] }, 'b.md': { hash: '1', texts: ['zorg'] } }));
      expect(report).toMatchObject({ analyzed: 2, unchanged: 0, removed: 0 });
      report = await syncIndex(store, corpus({ 'a.md': { hash: '2', texts: ['politie', 'wijk'] } }));
      expect(report).toMatchObject({ analyzed: 1, unchanged: 0, removed: 1, passages: 2 });
      expect(await docsWith(store, 'wonen')).toEqual([]);
      expect(await docsWith(store, 'zorg')).toEqual([]);
      expect(await docsWith(store, 'wijk')).toEqual(['a.md#1']);
      report = await syncIndex(store, corpus({ 'a.md': { hash: '2', texts: ['politie', 'wijk'] } }));
      expect(report).toMatchObject({ analyzed: 0, unchanged: 1, removed: 0 });
    });

    it('adds a file of more passages than syncIndex adds at once whole, and replaces all of it', async () => {
      const store = await fresh();
      const corpus = (hash: string, texts: string[]) => ({
        files: [{ file: 'a.md', hash }],
        passages: texts.map((text, i) => passage(text, { id: `a.md#${i}`, file: 'a.md', doc: 'a' })),
      });
      const texts = Array.from({ length: 150 }, (_, i) => (i === 149 ? 'wijkteam' : `zorg ${i}`));
      await syncIndex(store, corpus('1', texts));
      expect((await store.stats()).passages).toBe(150);
      expect((await store.files()).get('a.md')!.ids).toHaveLength(150);
      expect(await docsWith(store, 'wijkteam')).toEqual(['a.md#149']);
      await syncIndex(store, corpus('2', texts.slice(0, 100).map((t) => `${t} wonen`)));
      expect((await store.stats()).passages).toBe(100);
      expect(await docsWith(store, 'wijkteam')).toEqual([]);
      expect(await docsWith(store, 'wonen')).toHaveLength(100);
    });
  });
}
