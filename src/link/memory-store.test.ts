import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePassage } from './analyze.js';
import { syncIndex } from './build-index.js';
import { FIELD_COUNT } from './index-store.js';
import { MemoryIndexStore } from './memory-store.js';
import { stem } from './stem.js';
import { passage } from './test-helpers/passages.js';

async function docsWith(store: MemoryIndexStore, word: string): Promise<string[]> {
  const { lists } = await store.postings([stem(word)]);
  const list = lists.get(stem(word));
  if (!list) return [];
  const stored = await store.passages(Array.from(list.docs));
  return stored.map((s) => s.passage.id).sort();
}

describe('MemoryIndexStore', () => {
  it('adds passages and finds them by term, with per-field frequencies and lengths', async () => {
    const store = new MemoryIndexStore();
    const p = passage('De politie en de politie.', { id: 'a', heading: ['Beleidsnota', 'Politie'] });
    store.updateSync([analyzePassage(p)], []);
    const { lists, fieldLengths } = await store.postings([stem('politie'), 'onbekend']);
    expect([...lists.keys()]).toEqual([stem('politie')]);
    const list = lists.get(stem('politie'))!;
    expect(list.df).toBe(1);
    expect(Array.from(list.tf)).toEqual([2, 1, 0]);
    expect(Array.from(fieldLengths).slice(0, FIELD_COUNT)).toEqual([2, 1, 1]);
  });

  it('replaces a passage with the same id and removes passages by id', async () => {
    const store = new MemoryIndexStore();
    store.updateSync([analyzePassage(passage('over wonen', { id: 'a' })), analyzePassage(passage('over wonen en zorg', { id: 'b' }))], []);
    store.updateSync([analyzePassage(passage('over veiligheid', { id: 'a' }))], ['b']);
    expect(await docsWith(store, 'wonen')).toEqual([]);
    expect(await docsWith(store, 'veiligheid')).toEqual(['a']);
    expect((await store.stats()).passages).toBe(1);
  });

  it('answers like a plain list of passages after any sequence of updates (property)', async () => {
    const words = ['zorg', 'wonen', 'politie', 'wijk', 'regio'];
    const op = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      words: fc.subarray(words, { minLength: 1 }),
      remove: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        const store = new MemoryIndexStore();
        const naive = new Map<string, string[]>();
        for (const o of ops) {
          if (o.remove) {
            store.updateSync([], [o.id]);
            naive.delete(o.id);
          } else {
            store.updateSync([analyzePassage(passage(o.words.join(' '), { id: o.id }))], []);
            naive.set(o.id, o.words);
          }
        }
        for (const w of words) {
          const expected = [...naive].filter(([, ws]) => ws.includes(w)).map(([id]) => id).sort();
          expect(await docsWith(store, w)).toEqual(expected);
        }
        expect((await store.stats()).passages).toBe(naive.size);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps per section its text length and its first passage (lead) through updates', async () => {
    const store = new MemoryIndexStore();
    const under = (heading: string) => ({ heading: ['Nota', heading] });
    store.updateSync(
      [
        analyzePassage(passage('wonen en zorg', { id: 'a', lines: [10, 10], ...under('Wonen') })),
        analyzePassage(passage('wonen', { id: 'b', lines: [12, 12], ...under('Wonen') })),
        analyzePassage(passage('politie in de wijk', { id: 'c', lines: [20, 20], ...under('Veiligheid') })),
      ],
      [],
    );
    let p = await store.postings([]);
    expect(p.sectionCount).toBe(2);
    expect([p.sectionLengths[0], p.sectionLengths[1]]).toEqual([3, 2]);
    expect(p.avgSectionLength).toBe(2.5);
    // The section's passages replaced, as syncIndex replaces a changed file.
    store.updateSync([analyzePassage(passage('zorg thuis', { id: 'd', lines: [11, 11], ...under('Wonen') }))], ['a', 'b']);
    p = await store.postings([]);
    expect([p.sectionLengths[0], p.sectionLengths[1]]).toEqual([2, 2]);
    expect(p.sectionCount).toBe(2);
  });

  it('round-trips through bytes, and the copy takes further updates as the original does (property)', async () => {
    const words = ['zorg', 'wonen', 'politie', 'wijk', 'regio'];
    const piece = fc.record({ words: fc.subarray(words, { minLength: 1 }), section: fc.constantFrom('Wonen', 'Zorg'), line: fc.integer({ min: 1, max: 9 }) });
    // As syncIndex updates a store: a file's passages replaced whole, or the file removed.
    const op = fc.record({ file: fc.constantFrom('a', 'b', 'c'), pieces: fc.array(piece, { maxLength: 4 }), remove: fc.boolean() });
    type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
    const apply = async (store: MemoryIndexStore, o: Op) => {
      const file = `corpus/${o.file}.md`;
      const before = (await store.files()).get(file)?.ids ?? [];
      if (o.remove) return store.updateSync([], before, new Map([[file, null]]));
      const passages = o.pieces.map((p, i) => passage(p.words.join(' '), { id: `${o.file}-${i}`, doc: o.file, file, heading: ['Beleidsnota', p.section], lines: [p.line, p.line] }));
      store.updateSync(passages.map(analyzePassage), before, new Map([[file, { hash: o.pieces.map((p) => p.words.join()).join('|'), ids: passages.map((p) => p.id) }]]));
    };
    /** What the store answers, by passage id (passage numbers differ after a round trip). */
    const view = async (store: MemoryIndexStore) => {
      const p = await store.postings(words.map(stem));
      const stored = await store.passages([...Array(p.sections.length).keys()]);
      const idOf = new Map(stored.map((s) => [s.ref, s.passage.id]));
      const passages = stored.map((s) => s.passage).sort((a, b) => (a.id < b.id ? -1 : 1));
      const lists = [...p.lists].map(([term, list]) => [term, Array.from(list.docs, (ref, i) => [idOf.get(ref), ...Array.from(list.tf).slice(i * FIELD_COUNT, (i + 1) * FIELD_COUNT)]).sort()]);
      // Not `terms`: the original still counts the words of removed passages, the copy does not.
      const { terms: _, ...stats } = await store.stats();
      return { passages, lists, sections: [p.sectionCount, p.avgSectionLength], stats, files: await store.files() };
    };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), fc.array(op, { maxLength: 10 }), async (before, after) => {
        const store = new MemoryIndexStore();
        for (const o of before) await apply(store, o);
        const copy = MemoryIndexStore.fromBytes(Buffer.concat(store.toChunks()));
        expect(await view(copy)).toEqual(await view(store));
        for (const o of after) {
          await apply(store, o);
          await apply(copy, o);
        }
        expect(await view(copy)).toEqual(await view(store));
        expect(await view(MemoryIndexStore.fromBytes(Buffer.concat(copy.toChunks())))).toEqual(await view(store));
      }),
      { numRuns: 100 },
    );
  });

  it('reads its bytes at any offset in a buffer, and refuses bytes it did not write', () => {
    const store = new MemoryIndexStore();
    store.updateSync([analyzePassage(passage('zorgaanbieders in de wijk', { id: 'a' }))], []);
    const bytes = Buffer.concat(store.toChunks());
    expect(MemoryIndexStore.fromBytes(bytes).statsSync().passages).toBe(1);
    // At any offset in a buffer (typed arrays need alignment: a misaligned part is copied).
    for (const shift of [1, 2, 3]) {
      expect(MemoryIndexStore.fromBytes(Buffer.concat([Buffer.alloc(shift), bytes]).subarray(shift)).statsSync().passages).toBe(1);
    }
    expect(() => MemoryIndexStore.fromBytes(bytes.subarray(0, bytes.length - 4))).toThrow();
    expect(() => MemoryIndexStore.fromBytes(Buffer.concat([bytes, Buffer.alloc(4)]))).toThrow();
    expect(() => MemoryIndexStore.fromBytes(Buffer.from('{"files": []}'))).toThrow();
    // The first term number of the one passage (after the JSON part and two passage starts), out of range.
    const scrambled = Buffer.from(bytes);
    const numbers = Math.ceil((4 + scrambled.readUInt32LE(0)) / 4) * 4;
    scrambled.writeInt32LE(1 << 30, numbers + 2 * 4);
    expect(() => MemoryIndexStore.fromBytes(scrambled)).toThrow();
  });

  it('refuses bytes whose JSON part has a field of the wrong type (valid JSON, right layout)', () => {
    const store = new MemoryIndexStore();
    store.updateSync([analyzePassage(passage('zorgaanbieders in de wijk', { id: 'a' }))], [], new Map([['corpus/a.md', { hash: 'h', ids: ['a'] }]]));
    const bytes = Buffer.concat(store.toChunks());
    const length = bytes.readUInt32LE(0);
    const json = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { passages: Array<Record<string, unknown>>; files: Array<[string, Record<string, unknown>]> };
    const withJson = (edit: (j: typeof json) => void): Buffer => {
      const copy = structuredClone(json);
      edit(copy);
      // Same length, so the numbers after it stay where they are: pad the JSON with spaces.
      const text = JSON.stringify(copy);
      return Buffer.concat([bytes.subarray(0, 4), Buffer.from(text.padEnd(length, ' ')), bytes.subarray(4 + length)]);
    };
    expect(MemoryIndexStore.fromBytes(withJson(() => undefined)).statsSync().passages).toBe(1);
    for (const edit of [
      (j: typeof json) => (j.passages[0]!.text = 5),
      (j: typeof json) => (j.passages[0]!.heading = 'Kop'),
      (j: typeof json) => (j.passages[0]!.lines = ['1', 2]),
      (j: typeof json) => (j.passages[0]!.kind = 'x'),
      (j: typeof json) => (j.files[0]![1].ids = 'a'),
      (j: typeof json) => (j.files[0]![1].hash = 1),
    ]) {
      expect(() => MemoryIndexStore.fromBytes(withJson(edit)), edit.toString()).toThrow(/not an index/);
    }
  });
});

describe('syncIndex', () => {
  const corpus = (files: Record<string, { hash: string; texts: string[] }>) => ({
    files: Object.entries(files).map(([file, f]) => ({ file, hash: f.hash })),
    passages: Object.entries(files).flatMap(([file, f]) =>
      f.texts.map((text, i) => passage(text, { id: `${file}#${i}`, file, doc: file.replace(/\W/g, '') })),
    ),
  });

  it('analyses only the files whose hash changed and drops files that are gone', async () => {
    const store = new MemoryIndexStore();
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

  it('adds a large file in chunks and records its entry, and replaces all of it when it changes', async () => {
    const store = new MemoryIndexStore();
    const texts = Array.from({ length: 150 }, (_, i) => (i === 149 ? 'wijkteam' : `zorg ${i}`));
    await syncIndex(store, corpus({ 'a.md': { hash: '1', texts } }));
    expect((await store.stats()).passages).toBe(150);
    expect((await store.files()).get('a.md')!.ids).toHaveLength(150);
    expect(await docsWith(store, 'wijkteam')).toEqual(['a.md#149']);
    await syncIndex(store, corpus({ 'a.md': { hash: '2', texts: texts.slice(0, 100).map((t) => `${t} wonen`) } }));
    expect((await store.stats()).passages).toBe(100);
    expect(await docsWith(store, 'wijkteam')).toEqual([]);
    expect(await docsWith(store, 'wonen')).toHaveLength(100);
  });
});
