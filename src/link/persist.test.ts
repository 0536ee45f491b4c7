import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus/load-corpus.js';
import { searchIndex } from './link-questions.js';
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
    expect(await readdir(join(dir, '.answer'))).toContain('index.bin');
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
    const bytes = await readFile(indexPath(dir));
    const newline = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
    await writeFile(indexPath(dir), Buffer.concat([Buffer.from(JSON.stringify({ ...header, analyzer: -1 })), bytes.subarray(newline)]));
    expect(await readIndex(dir)).toBeNull();
    await writeFile(indexPath(dir), bytes.subarray(0, bytes.length - 1));
    expect(await readIndex(dir)).toBeNull();
    await writeFile(indexPath(dir), bytes);
    expect(await readIndex(dir)).not.toBeNull();
  });

  it('replaces the JSON file of earlier versions', async () => {
    await mkdir(join(dir, '.answer'));
    await writeFile(join(dir, '.answer', 'index.json'), '{"format": "answer-index", "version": 1}');
    expect(await openIndex(dir, corpus('h1', 'wonen'))).toMatchObject({ reused: false });
    expect(await readdir(join(dir, '.answer'))).toContain('index.bin');
  });

  it('costs only time when deleted', async () => {
    const before = await openIndex(dir, corpus('h1', 'wonen'));
    await rm(join(dir, '.answer'), { recursive: true });
    const after = await openIndex(dir, corpus('h1', 'wonen'));
    expect(await after.store.stats()).toEqual(await before.store.stats());
  });
});

describe('the persisted index over a workspace', () => {
  const policy = (title: string, text: string) => `---\ntitle: ${title}\n---\n# ${title}\n\n## Beleid\n\n${text}\n`;
  const write = (file: string, text: string | Buffer) => writeFile(join(dir, file), text);
  /** What `answer link` does: the corpus read knowing what the index holds. */
  const open = () => openIndex(dir, (known) => loadCorpus(dir, { known }));
  const parsed = (opened: Awaited<ReturnType<typeof open>>) => opened.corpus.files.filter((f) => f.parsed).map((f) => f.file);
  const search = async (opened: Awaited<ReturnType<typeof open>>, words: string) => (await searchIndex(opened.store, words)).map((p) => [p.id, p.score]);

  beforeEach(async () => {
    await mkdir(join(dir, 'corpus'));
    await write('corpus/a.md', policy('Wonen', 'De gemeente bouwt sociale huurwoningen in elke wijk.'));
    await write('corpus/b.md', policy('Zorg', 'Wijkteams helpen inwoners met zorgvragen.'));
    await write('corpus/c.md', policy('Politie', 'De politie krijgt meer meldingen over verward gedrag.'));
  });

  it('parses a file again only when it changed, and drops the passages of a removed file', async () => {
    const cold = await open();
    expect(parsed(cold)).toEqual(['corpus/a.md', 'corpus/b.md', 'corpus/c.md']);
    const warm = await open();
    expect(warm).toMatchObject({ reused: true, report: { analyzed: 0, unchanged: 3, removed: 0 } });
    expect(parsed(warm)).toEqual([]);
    expect(warm.corpus.passages).toEqual([]);
    expect(await search(warm, 'meldingen politie')).toEqual(await search(cold, 'meldingen politie'));

    await write('corpus/b.md', policy('Zorg', 'Wijkteams helpen inwoners met mantelzorg.'));
    await rm(join(dir, 'corpus', 'c.md'));
    const changed = await open();
    expect(parsed(changed)).toEqual(['corpus/b.md']);
    expect(changed.report).toMatchObject({ analyzed: 1, unchanged: 1, removed: 1 });
    expect(await search(changed, 'politie')).toEqual([]);
    expect((await searchIndex(changed.store, 'mantelzorg')).map((p) => p.file)).toEqual(['corpus/b.md']);
    expect((await open()).corpus.files.map((f) => [f.file, f.parsed])).toEqual([['corpus/a.md', false], ['corpus/b.md', false]]);
  });

  it('reports a bad file on every run, not only when it changed', async () => {
    await write('corpus/d-kapot.md', '---\ntitle: "open\n---\n# x\n');
    await write('corpus/e-zonder-titel.md', '## Wonen\n\nHuurwoningen in de wijk.\n');
    await write('corpus/f-binair.md', Buffer.from([0x25, 0x50, 0x00]));
    const problems = (opened: Awaited<ReturnType<typeof open>>) => opened.corpus.problems.map((p) => [p.file, p.code, p.line]);
    const cold = await open();
    expect(problems(cold)).toEqual([
      ['corpus/d-kapot.md', 'corpus/front-matter', 2],
      ['corpus/e-zonder-titel.md', 'corpus/no-title', 1],
      ['corpus/f-binair.md', 'corpus/binary', null],
    ]);
    const warm = await open();
    expect(parsed(warm)).toEqual([]);
    expect(warm.corpus.problems).toEqual(cold.corpus.problems);
    expect((await searchIndex(warm.store, 'huurwoningen')).map((p) => p.file).sort()).toEqual(['corpus/a.md', 'corpus/e-zonder-titel.md']);
  });

  it('costs only time when deleted: the same passages, scores and problems', async () => {
    await write('corpus/d-kapot.md', '---\ntitle: "open\n---\n# x\n');
    const before = await open();
    await write('corpus/b.md', policy('Zorg', 'Wijkteams helpen inwoners met mantelzorg.'));
    const updated = await open();
    await rm(join(dir, '.answer'), { recursive: true });
    const rebuilt = await open();
    expect(rebuilt.reused).toBe(false);
    expect(parsed(rebuilt)).toEqual(['corpus/a.md', 'corpus/b.md', 'corpus/c.md', 'corpus/d-kapot.md']);
    expect(rebuilt.corpus.problems).toEqual(before.corpus.problems);
    // Not `terms`: the updated store still counts the words of the old b.md.
    const { terms: _, ...stats } = await updated.store.stats();
    expect(await rebuilt.store.stats()).toMatchObject(stats);
    for (const words of ['wijkteams mantelzorg', 'politie meldingen', 'sociale huurwoningen']) {
      expect(await search(rebuilt, words)).toEqual(await search(updated, words));
    }
  });
});
