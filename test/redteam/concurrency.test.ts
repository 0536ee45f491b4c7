/**
 * Red team, input kind: time — two commands on one file at once, a process killed with SIGKILL
 * in the middle of a write, a lock left behind by a process that is gone. Whole processes here
 * (spawnCli), not the shared runner: what is tested is what two processes do to each other.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_FILE, expectSane, LETTER_FILE, LETTER_ID, SEED_LETTER, SEED_MEMO, spawnCli, workspace, WRITTEN_ANSWER, type Run, redTeamFile } from './harness.js';

const { runner } = redTeamFile();

const asRun = (r: { code: number | null; out: string; err: string }): Run => ({ ...r, ms: 0 });

/** Files the atomic writes and locks leave while they work: none may be left after the commands end. */
async function leftovers(dir: string): Promise<string[]> {
  const names = [...(await readdir(join(dir, 'answers'))), ...(await readdir(join(dir, 'questions')))];
  return names.filter((n) => n.endsWith('.lock') || n.endsWith('.tmp') || n.includes('.stale-'));
}

describe('two commands on one file at once', () => {
  const pairs: Array<[string, string[], string[]]> = [
    ['two drafts of one letter', ['draft', LETTER_ID], ['draft', LETTER_ID, '--force']],
    ['draft and import-answers on one answer document', ['draft', LETTER_ID], ['import-answers', SEED_MEMO]],
    ['two imports --force of one letter', ['import', SEED_LETTER, '--force'], ['import', SEED_LETTER, '--force']],
    ['record and import --force on one question document', ['record', LETTER_ID, '--received', '2025-04-20'], ['import', SEED_LETTER, '--force']],
    ['two searches that both rebuild the index', ['search', 'zorg'], ['search', 'veiligheid']],
  ];
  for (const [name, a, b] of pairs) {
    it(name, async () => {
      const ws = await workspace(runner);
      try {
        if (name.includes('rebuild')) await writeFile(ws.path('.answer/index.bin'), 'kapot');
        const [ra, rb] = await Promise.all([spawnCli(ws.dir, a).done, spawnCli(ws.dir, b).done]);
        for (const r of [ra, rb]) {
          expectSane(asRun(r));
          expect([0, 2], r.err).toContain(r.code);
        }
        // At least one of them did its work; the other did too, or said in one line why not.
        expect([ra.code, rb.code]).toContain(0);
        for (const r of [ra, rb]) if (r.code === 2) expect(r.err.trim().split('\n')).toHaveLength(1);
        expect(await readFile(ws.path(ANSWER_FILE), 'utf8')).toContain(WRITTEN_ANSWER);
        expect(await leftovers(ws.dir)).toEqual([]);
        const check = await runner.run(ws.dir, ['parse', LETTER_FILE]);
        expect(check.code, check.err).toBe(0);
        if (name.includes('rebuild')) {
          const again = await runner.run(ws.dir, ['search', 'meldpunt']);
          expect(again.out).toContain('koers');
        }
      } finally {
        await ws.dispose();
      }
    });
  }
});

describe('kill -9 in the middle of a write', () => {
  it('leaves the old or the new answer document, never half of one; the next run takes over the lock', async () => {
    const ws = await workspace(runner);
    try {
      // A large answer document makes the write take long enough to be interrupted.
      const text = await readFile(ws.path(ANSWER_FILE), 'utf8');
      await writeFile(ws.path(ANSWER_FILE), text.replace(WRITTEN_ANSWER, `${WRITTEN_ANSWER}\n\n${'Een lange toelichting. '.repeat(40_000)}`));
      for (const delay of [900, 1300, 1700]) {
        const before = await readFile(ws.path(ANSWER_FILE), 'utf8');
        const child = spawnCli(ws.dir, ['draft', LETTER_ID, '--force']);
        await new Promise((resolve) => setTimeout(resolve, delay));
        child.process.kill('SIGKILL');
        await child.done;
        const after = await readFile(ws.path(ANSWER_FILE), 'utf8');
        expect(after).toContain(WRITTEN_ANSWER);
        expect(after.startsWith('---\n') && after.trimEnd().length > 0).toBe(true);
        // Old or new: the old one, or one that reads as an answer document.
        if (after !== before) {
          const read = await runner.run(ws.dir, ['draft', LETTER_ID, '--stdout', '--top', '0']);
          expect(read.code, read.err).toBe(0);
        }
      }
      const next = await runner.run(ws.dir, ['draft', LETTER_ID], { timeMs: 30_000 });
      expectSane(next);
      expect(next.code, next.err).toBe(0);
      const names = await readdir(ws.path('answers'));
      expect(names.filter((n) => n.endsWith('.lock'))).toEqual([]);
    } finally {
      await ws.dispose();
    }
  });

  it('a lock left by a process that is gone is taken over at once', async () => {
    const ws = await workspace(runner);
    try {
      await writeFile(ws.path(`${ANSWER_FILE}.lock`), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), time: Date.now(), token: 'x' }));
      const run = await runner.run(ws.dir, ['draft', LETTER_ID], { timeMs: 8_000 });
      expectSane(run);
      expect(run.code, run.err).toBe(0);
    } finally {
      await ws.dispose();
    }
  });

  it('a lock file cut short by a crash is taken over', async () => {
    const ws = await workspace(runner);
    try {
      await writeFile(ws.path(`${ANSWER_FILE}.lock`), '{"pid": 1');
      const run = await runner.run(ws.dir, ['draft', LETTER_ID], { timeMs: 15_000 });
      expectSane(run);
      expect(run.code, run.err).toBe(0);
    } finally {
      await ws.dispose();
    }
  });
});
