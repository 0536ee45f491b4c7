import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexPath, openIndex, readIndex } from './persist.js';
import { passage } from './test-helpers/passages.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'answer-index-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const corpus = (hash: string, text: string) => ({
  files: [{ file: 'corpus/a.md', hash }],
  passages: [passage(text, { id: 'a-1', file: 'corpus/a.md', doc: 'a' })],
});

describe('the persisted index', () => {
  it('is written under .answer/ and reused when nothing changed', async () => {
    const first = await openIndex(dir, corpus('h1', 'wonen en zorg'));
    expect(first).toMatchObject({ reused: false, report: { analyzed: 1 } });
    expect(await readdir(join(dir, '.answer'))).toEqual(['index.json']);
    const second = await openIndex(dir, corpus('h1', 'wonen en zorg'));
    expect(second).toMatchObject({ reused: true, report: { analyzed: 0, unchanged: 1 } });
  });

  it('is updated for a changed file and written again', async () => {
    await openIndex(dir, corpus('h1', 'wonen en zorg'));
    const { store, report } = await openIndex(dir, corpus('h2', 'politie en veiligheid'));
    expect(report).toMatchObject({ analyzed: 1, unchanged: 0 });
    const { lists } = await store.postings(['politie', 'wonen']);
    expect([...lists.keys()]).toEqual(['politie']);
    const again = await readIndex(dir);
    expect((await again!.files()).get('corpus/a.md')!.hash).toBe('h2');
  });

  it('is silently rebuilt when the file is corrupt or from another version', async () => {
    await mkdir(join(dir, '.answer'));
    await writeFile(indexPath(dir), '{"format": "answer-index", "snapsh');
    expect(await readIndex(dir)).toBeNull();
    const rebuilt = await openIndex(dir, corpus('h1', 'wonen'));
    expect(rebuilt).toMatchObject({ reused: false, report: { analyzed: 1 } });
    const data = JSON.parse(await readFile(indexPath(dir), 'utf8'));
    await writeFile(indexPath(dir), JSON.stringify({ ...data, analyzer: -1 }));
    expect(await readIndex(dir)).toBeNull();
  });

  it('costs only time when deleted', async () => {
    const before = await openIndex(dir, corpus('h1', 'wonen'));
    await rm(join(dir, '.answer'), { recursive: true });
    const after = await openIndex(dir, corpus('h1', 'wonen'));
    expect(await after.store.stats()).toEqual(await before.store.stats());
  });
});
