import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus/load-corpus.js';
import { PASSAGES_VERSION } from '../corpus/passages-version.js';
import { indexPath, readIndexedFiles } from '../link/index-file.js';
import { openIndex } from '../link/persist.js';
import { CorpusLookup } from './corpus-lookup.js';

const ROOT = join(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'answer-corpus-lookup-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const DOC = 'koers-sociaal-domein-2023';

/** A workspace with one corpus document, indexed as `answer link` leaves it. */
async function indexedWorkspace(): Promise<{ dir: string; ids: string[] }> {
  const dir = join(temp, Math.random().toString(36).slice(2));
  mkdirSync(join(dir, 'corpus'), { recursive: true });
  cpSync(join(ROOT, 'corpus', `${DOC}.md`), join(dir, 'corpus', `${DOC}.md`));
  await openIndex(dir, (known) => loadCorpus(dir, { known, answers: null }));
  const { passages } = await loadCorpus(dir, { answers: null });
  return { dir, ids: passages.map((p) => p.id) };
}

describe('CorpusLookup', () => {
  it('takes the passage ids of an unchanged cited file from the index, splitting nothing', async () => {
    const { dir, ids } = await indexedWorkspace();
    const lookup = new CorpusLookup(dir, ['corpus'], []);
    await lookup.load([{ doc: DOC, passage: ids[3]! }]);
    expect(lookup.hasPassage(ids[3]!)).toBe(true);
    expect(lookup.hasPassage(`${ids[3]}0`)).toBe(false);
    expect(lookup.stats).toEqual({ fromIndex: 1, split: 0 });
  });

  it('splits a cited file that changed since the index was written, and one the index lacks', async () => {
    const { dir, ids } = await indexedWorkspace();
    appendFileSync(join(dir, 'corpus', `${DOC}.md`), '\n\n## Nieuw\n\nEen nieuwe alinea over de wijkteams die er eerst niet was.\n');
    const changed = new CorpusLookup(dir, ['corpus'], []);
    await changed.load([{ doc: DOC, passage: ids[3]! }]);
    expect(changed.stats).toEqual({ fromIndex: 0, split: 1 });
    expect(changed.hasPassage(ids[3]!)).toBe(true);

    rmSync(indexPath(dir));
    const none = new CorpusLookup(dir, ['corpus'], []);
    await none.load([{ doc: DOC, passage: ids[3]! }]);
    expect(none.stats).toEqual({ fromIndex: 0, split: 1 });
  });

  it('splits an indexed file only when a citation without an id needs its lines', async () => {
    const { dir } = await indexedWorkspace();
    const lookup = new CorpusLookup(dir, ['corpus'], []);
    await lookup.load([{ doc: DOC, passage: null }]);
    expect(lookup.stats).toEqual({ fromIndex: 1, split: 1 });
    expect(lookup.ranges(DOC)!.length).toBeGreaterThan(0);
    expect(lookup.ranges('bestaat-niet')).toBeUndefined();
  });
});

describe('readIndexedFiles', () => {
  it('reads the files the index holds, and nothing from an index it cannot use', async () => {
    const { dir, ids } = await indexedWorkspace();
    const files = readIndexedFiles(dir, PASSAGES_VERSION)!;
    expect([...files.keys()]).toEqual([`corpus/${DOC}.md`]);
    expect(files.get(`corpus/${DOC}.md`)!.ids).toEqual(ids);
    expect(readIndexedFiles(dir, PASSAGES_VERSION + 1)).toBeNull();
    writeFileSync(indexPath(dir), '{"format":"answer-index"');
    expect(readIndexedFiles(dir, PASSAGES_VERSION)).toBeNull();
    writeFileSync(indexPath(dir), '{"format":"answer-index","version":2,"analyzer":1,"passages":2}\n\u0000\u0000\u0000\u0000{"files":[["a",{"hash":1}]],"words":[]}');
    expect(readIndexedFiles(dir, PASSAGES_VERSION)).toBeNull();
    expect(readIndexedFiles(join(dir, 'nergens'), PASSAGES_VERSION)).toBeNull();
  });
});
