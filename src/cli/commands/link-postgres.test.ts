/**
 * A workspace switched to PostgreSQL: `answer link` on the example workspace gives the same JSON
 * as with the embedded index, and a server it cannot use (down, no such host or database, wrong
 * credentials, not a URL; from ANSWER_DATABASE_URL or answer.config.json) gives one line and exit
 * 2 for `link` and `search`, never the embedded index instead.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, postgresUrl } from '../../link/test-helpers/postgres.js';
import { copyExampleWorkspace, runCliIn } from '../test-helpers.js';

const LETTER = 'questions/2025-04-12-d66-regionale-zorg-en-veiligheid.md';

describe.skipIf(!postgresUrl)('answer link on PostgreSQL', () => {
  let dir: string;
  let url: string;
  let drop: () => Promise<void> = async () => undefined;
  let config: Record<string, unknown>;

  beforeAll(async () => {
    ({ url, drop } = await freshDatabase('cli'));
    dir = await mkdtemp(join(tmpdir(), 'answer-pg-workspace-'));
    await copyExampleWorkspace(dir);
    config = JSON.parse(await readFile(join(dir, 'answer.config.json'), 'utf8')) as Record<string, unknown>;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await drop();
  });

  const useIndex = (index: Record<string, unknown> | null) => writeFile(join(dir, 'answer.config.json'), JSON.stringify(index ? { ...config, index } : config));
  const exists = (path: string) => stat(path).then(() => true, () => false);

  it('links the D66 letter exactly as the embedded index does, the URL from ANSWER_DATABASE_URL', async () => {
    await useIndex(null);
    const embedded = await runCliIn(dir, ['link', LETTER, '--json']);
    expect(embedded.code).toBe(0);
    await rm(join(dir, '.answer'), { recursive: true, force: true });

    await useIndex({ backend: 'postgres', collection: 'zwolle' });
    const cold = await runCliIn(dir, ['link', LETTER, '--json'], { ANSWER_DATABASE_URL: url });
    expect(cold.err).toBe('');
    expect(cold.code).toBe(0);
    expect(JSON.parse(cold.out)).toEqual(JSON.parse(embedded.out));
    expect(cold.out).toBe(embedded.out);
    // Nothing written to .answer/: the index is the database's.
    expect(await exists(join(dir, '.answer', 'index.bin'))).toBe(false);
    // Warm: the collection is reused, nothing parsed again, the same links.
    const warm = await runCliIn(dir, ['link', LETTER, '--json'], { ANSWER_DATABASE_URL: url });
    expect(warm).toEqual(cold);
  });

  it('stops with one line and exit 2 when the server cannot be used, and never falls back to the embedded index', async () => {
    const wrong = new URL(url);
    wrong.password = 'fout-wachtwoord';
    const cases: Array<[string | undefined, RegExp]> = [
      [undefined, /^index: "backend" is "postgres" but there is no server URL: set ANSWER_DATABASE_URL/],
      [wrong.toString(), /^index: the PostgreSQL server at .* refused the login/],
      [Object.assign(new URL(url), { port: '1' }).toString(), /^index: cannot reach the PostgreSQL server at 127\.0\.0\.1:1\/.*connection refused/],
      [Object.assign(new URL(url), { pathname: '/no_such_database' }).toString(), /^index: .*database "no_such_database" does not exist/],
      [Object.assign(new URL(url), { hostname: 'no-such-host.invalid' }).toString(), /^index: cannot reach the PostgreSQL server at no-such-host\.invalid.*no such host/],
      ['postgres://answer:fout-wachtwoord@127.0.0.1:notaport/answer', /^index: .*(not a PostgreSQL URL|cannot reach)/],
    ];
    await useIndex({ backend: 'postgres', collection: 'zwolle' });
    await rm(join(dir, '.answer'), { recursive: true, force: true });
    for (const [[env, message], command] of cases.flatMap((c) => [[c, ['link', LETTER, '--json']], [c, ['search', 'mantelzorg']]] as const)) {
      const run = await runCliIn(dir, [...command], env ? { ANSWER_DATABASE_URL: env } : {});
      expect(run.code).toBe(2);
      expect(run.out).toBe('');
      const lines = run.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(run.err).not.toContain('fout-wachtwoord');
      expect(run.err).not.toMatch(/\n\s+at /);
      expect(await exists(join(dir, '.answer', 'index.bin'))).toBe(false);
    }
    // The URL in answer.config.json instead: the same one line.
    await useIndex({ backend: 'postgres', collection: 'zwolle', url: wrong.toString() });
    const run = await runCliIn(dir, ['link', LETTER, '--json'], { ANSWER_DATABASE_URL: undefined });
    expect(run.code).toBe(2);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toMatch(/^index: the PostgreSQL server at .* refused the login: .*\(index\.url in answer\.config\.json, or ANSWER_DATABASE_URL\)$/m);
    expect(run.err).not.toContain('fout-wachtwoord');
  });
});
