import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePassage } from './analyze.js';
import { FIELD_COUNT } from './index-store.js';
import { MemoryIndexStore } from './memory-store.js';
import { stem } from './stem.js';
import { indexStoreConformance } from './test-helpers/conformance.js';
import { passage } from './test-helpers/passages.js';

indexStoreConformance('memory', async () => new MemoryIndexStore());

describe('MemoryIndexStore', () => {
  it('round-trips through bytes, and the copy takes further updates as the original does (property)', async () => {
    const words = ['zorg', 'wonen', 'politie', 'wijk', 'regio'];
    const piece = fc.record({ words: fc.subarray(words, { minLength: 1 }), section: fc.constantFrom('Wonen', 'Zorg'), line: fc.integer({ min: 1, max: 9 }) });
    // As syncIndex updates a store: a file's passages replaced whole, or the file removed.
    const op = fc.record({ file: fc.constantFrom('a', 'b', 'c'), pieces: fc.array(piece, { maxLength: 4 }), remove: fc.boolean() });
    type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
    const apply = async (store: MemoryIndexStore, o: Op) => {
      const file = `corpus/${o.file}.md`;
      const before = (await store.files()).get(file)?.ids ?? [];
      if (o.remove) return await store.update([], before, new Map([[file, null]]));
      const passages = o.pieces.map((p, i) => passage(p.words.join(' '), { id: `${o.file}-${i}`, doc: o.file, file, heading: ['Beleidsnota', p.section], lines: [p.line, p.line] }));
      await store.update(passages.map(analyzePassage), before, new Map([[file, { hash: o.pieces.map((p) => p.words.join()).join('|'), ids: passages.map((p) => p.id) }]]));
    };
    /** What the store answers, by passage id (passage numbers differ after a round trip). */
    const view = async (store: MemoryIndexStore) => {
      const p = await store.postings(words.map(stem));
      const stored = await store.passages(Array.from(p.matched.refs));
      const idOf = new Map(stored.map((s) => [s.ref, s.passage.id]));
      const passages = stored.map((s) => s.passage).sort((a, b) => (a.id < b.id ? -1 : 1));
      const lists = [...p.lists].map(([term, list]) => [term, Array.from(list.docs, (ref, i) => [idOf.get(ref), ...Array.from(list.tf).slice(i * FIELD_COUNT, (i + 1) * FIELD_COUNT)]).sort()]);
      // Not `terms`: the original still counts the words of removed passages, the copy does not.
      const { terms: _, ...stats } = await store.stats();
      return { passages, lists, sections: [p.stats.sections, p.stats.avgSectionLength], stats, files: await store.files() };
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

  it('reads its bytes at any offset in a buffer, and refuses bytes it did not write', async () => {
    const store = new MemoryIndexStore();
    await store.update([analyzePassage(passage('zorgaanbieders in de wijk', { id: 'a' }))], []);
    const bytes = Buffer.concat(store.toChunks());
    expect((await MemoryIndexStore.fromBytes(bytes).stats()).passages).toBe(1);
    // At any offset in a buffer (typed arrays need alignment: a misaligned part is copied).
    for (const shift of [1, 2, 3]) {
      expect((await MemoryIndexStore.fromBytes(Buffer.concat([Buffer.alloc(shift), bytes]).subarray(shift)).stats()).passages).toBe(1);
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

  it('refuses bytes whose JSON part has a field of the wrong type (valid JSON, right layout)', async () => {
    const store = new MemoryIndexStore();
    await store.update([analyzePassage(passage('zorgaanbieders in de wijk', { id: 'a' }))], [], new Map([['corpus/a.md', { hash: 'h', ids: ['a'] }]]));
    const bytes = Buffer.concat(store.toChunks());
    const length = bytes.readUInt32LE(0);
    const json = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { passages: Array<Record<string, unknown>>; files: Array<[string, Record<string, unknown>]>; sections: unknown[] };
    const withJson = (edit: (j: typeof json) => void): Buffer => {
      const copy = structuredClone(json);
      edit(copy);
      // Same length, so the numbers after it stay where they are: pad the JSON with spaces.
      const text = JSON.stringify(copy);
      return Buffer.concat([bytes.subarray(0, 4), Buffer.from(text.padEnd(length, ' ')), bytes.subarray(4 + length)]);
    };
    expect((await MemoryIndexStore.fromBytes(withJson(() => undefined)).stats()).passages).toBe(1);
    for (const edit of [
      (j: typeof json) => (j.passages[0]!.text = 5),
      (j: typeof json) => (j.passages[0]!.heading = 'Kop'),
      (j: typeof json) => (j.passages[0]!.lines = ['1', 2]),
      (j: typeof json) => (j.passages[0]!.kind = 'x'),
      (j: typeof json) => (j.files[0]![1].ids = 'a'),
      (j: typeof json) => (j.files[0]![1].hash = 1),
      (j: typeof json) => (j.sections = [7]),
    ]) {
      expect(() => MemoryIndexStore.fromBytes(withJson(edit)), edit.toString()).toThrow(/not an index/);
    }
  });
});
