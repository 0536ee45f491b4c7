/**
 * Workspaces on a PostgreSQL index, through the public library (`openWorkspace`), against the
 * test server (no mock): a workspace switched to PostgreSQL links the D66 letter as the embedded
 * index does; two officers' workspaces on one collection add the same policy and sync at once
 * while a reader queries, and every query sees the new document whole or not at all; a
 * workspace on another collection never sees these passages.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../index.js';
import { PostgresIndexStore } from '../link/postgres-store.js';
import { stem } from '../link/stem.js';
import { freshDatabase, postgresUrl } from '../link/test-helpers/postgres.js';
import { copyExampleWorkspace } from '../cli/test-helpers.js';

const LETTER = 'questions/2025-04-12-d66-regionale-zorg-en-veiligheid.md';
/** A policy text with a word no shipped corpus document has (checked below). */
const NEW_POLICY = `Beleidsregel kwijtscheldingsloket 2026

Het kwijtscheldingsloket helpt inwoners met schulden bij het aanvragen van kwijtschelding van
gemeentelijke belastingen. Mantelzorgers en inwoners met een laag inkomen krijgen voorrang.

Het kwijtscheldingsloket is open op maandag en donderdag in het stadskantoor.
`;
const NEW_WORD = 'kwijtscheldingsloket';

describe.skipIf(!postgresUrl)('a workspace on a PostgreSQL index (library)', () => {
  let base: string;
  let url: string;
  let drop: () => Promise<void> = async () => undefined;

  /** A copy of the example workspace, its index in `collection` (null: the embedded index). */
  const copy = async (name: string, collection: string | null): Promise<string> => {
    const dir = join(base, name);
    await copyExampleWorkspace(dir);
    const config = JSON.parse(await readFile(join(dir, 'answer.config.json'), 'utf8')) as Record<string, unknown>;
    if (collection) await writeFile(join(dir, 'answer.config.json'), JSON.stringify({ ...config, index: { backend: 'postgres', collection } }));
    return dir;
  };
  const open = (dir: string): Promise<Workspace> => openWorkspace({ dir, env: { ANSWER_DATABASE_URL: url } });

  beforeAll(async () => {
    ({ url, drop } = await freshDatabase('workspace'));
    base = await mkdtemp(join(tmpdir(), 'answer-pg-workspaces-'));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
    await drop();
  });

  it('links the D66 letter and searches exactly as the embedded index does', async () => {
    const embedded = await open(await copy('embedded', null));
    const shared = await open(await copy('shared', 'zwolle'));
    expect(shared.config.index).toMatchObject({ backend: 'postgres', collection: 'zwolle', url });
    const expected = await embedded.link(LETTER);
    expect(expected.result.questions.length).toBeGreaterThan(3);
    expect(expected.result.questions.every((q) => q.passages.length > 0)).toBe(true);
    // Cold (the collection filled by this run) and warm (reused): the same report, scores and all.
    expect(await shared.link(LETTER)).toEqual(expected);
    expect(await shared.link(LETTER)).toEqual(expected);
    for (const words of ['mantelzorg respijtzorg', 'verward gedrag politie', 'wijkteam jeugd']) {
      expect(await shared.search(words), words).toEqual(await embedded.search(words));
    }
  });

  it('takes two workspaces adding the same policy and syncing at once, while a reader sees it whole or not at all', async () => {
    const a = await open(await copy('officer-a', 'samen'));
    const b = await open(await copy('officer-b', 'samen'));
    const words = `${NEW_WORD} mantelzorgers`;
    // The collection filled once, then the new document in both workspaces (as `answer corpus add`).
    const before = await a.search(words);
    expect(before.passages.some((p) => p.text.includes(NEW_WORD))).toBe(false);
    const files: string[] = [];
    for (const ws of [a, b]) {
      await writeFile(join(ws.root, 'kwijtschelding.txt'), NEW_POLICY);
      const report = await ws.addPolicy([join(ws.root, 'kwijtschelding.txt')], { date: '2026-01-15', source: 'kwijtschelding.txt' });
      expect(report.added).toHaveLength(1);
      files.push(report.added[0]!.write.file);
    }
    expect(files[1]).toBe(files[0]);
    const file = files[0]!;
    const added = await readFile(join(a.root, file), 'utf8');
    expect(await readFile(join(b.root, file), 'utf8')).toBe(added);

    const reader = await PostgresIndexStore.open({ url, collection: 'samen', connections: 1 });
    try {
      const { passages: oldCount } = await reader.stats();
      let syncing = true;
      // Settled, not rejected, while the reader still runs: a failing sync is reported below.
      const syncs = Promise.allSettled([a.search(words), b.search(words)]).finally(() => (syncing = false));
      const seen = new Set<string>();
      while (syncing || seen.size === 0) {
        const p = await reader.postings([stem(NEW_WORD)]);
        seen.add(`${p.lists.get(stem(NEW_WORD))?.df ?? 0} of ${p.stats.passages}`);
      }
      const settled = await syncs;
      const [fromA, fromB] = settled.map((r) => {
        if (r.status === 'rejected') throw r.reason;
        return r.value;
      });
      const { passages: newCount } = await reader.stats();
      const df = (await reader.postings([stem(NEW_WORD)])).lists.get(stem(NEW_WORD))?.df ?? 0;
      expect(newCount).toBeGreaterThan(oldCount);
      expect(df).toBeGreaterThan(0);
      // Every query saw the collection before the new document or after it, nothing between.
      for (const state of seen) expect([`0 of ${oldCount}`, `${df} of ${newCount}`], [...seen].join(', ')).toContain(state);

      // Both officers get what one sync gives, and what the embedded index gives.
      expect(fromA).toEqual(fromB);
      expect(fromA.passages.some((p) => p.text.includes(NEW_WORD))).toBe(true);
      const embeddedDir = await copy('embedded-added', null);
      await writeFile(join(embeddedDir, file), added);
      expect(fromA).toEqual(await (await open(embeddedDir)).search(words));
      const alone = await open(await copy('alone', 'alleen'));
      await writeFile(join(alone.root, file), added);
      expect(await alone.search(words)).toEqual(fromA);
      const single = await PostgresIndexStore.open({ url, collection: 'alleen', connections: 1 });
      try {
        expect(await reader.stats()).toEqual(await single.stats());
        expect(await reader.files()).toEqual(await single.files());
      } finally {
        await single.close();
      }
    } finally {
      await reader.close();
    }
  });

  it('keeps collections apart: a workspace on another collection never sees these passages', async () => {
    const zwolle = await open(await copy('zwolle', 'zwolle-2'));
    const other = await open(await copy('kampen', 'kampen'));
    // Kampen's corpus is the one new document only, without earlier answers.
    for (const folder of ['corpus', 'answers']) {
      await rm(join(other.root, folder), { recursive: true });
      await mkdir(join(other.root, folder));
    }
    await writeFile(join(base, 'kwijtschelding.txt'), NEW_POLICY);
    const [added] = (await other.addPolicy([join(base, 'kwijtschelding.txt')], { date: '2026-01-15' })).added;
    const theirs = await other.search(`mantelzorgers ${NEW_WORD}`);
    const ours = await zwolle.search(`mantelzorgers ${NEW_WORD}`);
    expect(ours.passages.length).toBeGreaterThan(0);
    // Kampen finds only its own document, whatever Zwolle's collection holds.
    expect(theirs.passages.length).toBeGreaterThan(0);
    expect(theirs.passages.every((p) => p.file === added!.write.file), JSON.stringify(theirs.passages.map((p) => p.file))).toBe(true);
    expect(ours.passages.some((p) => p.file === added!.write.file)).toBe(false);
    // And Zwolle's links are what they were with Kampen's collection beside them.
    const embedded = await open(await copy('zwolle-embedded', null));
    expect(await zwolle.link(LETTER)).toEqual(await embedded.link(LETTER));
  });
});
