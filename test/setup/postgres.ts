/**
 * vitest globalSetup: the PostgreSQL server the backend's tests run against, with no mock.
 *
 * ANSWER_TEST_DATABASE_URL set (`.ci/run` sets it): that server. Otherwise a throwaway cluster is
 * started as `.ci/run` starts it (scripts/pg-test-cluster.sh) and removed after the run, so a
 * developer without a server runs the same tests. Where PostgreSQL is not installed the
 * PostgreSQL tests are skipped with a note, unless ANSWER_REQUIRE_POSTGRES=1 (CI), which makes
 * the run fail instead.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's URL (an administrator role that may create databases), or null: no server. */
    postgresUrl: string | null;
  }
}

const SCRIPT = fileURLToPath(new URL('../../scripts/pg-test-cluster.sh', import.meta.url));

export default function setup(project: TestProject): () => void {
  const required = process.env.ANSWER_REQUIRE_POSTGRES === '1';
  let url = process.env.ANSWER_TEST_DATABASE_URL?.trim() || null;
  let dir: string | null = null;
  if (!url) {
    try {
      const out = execFileSync('bash', [SCRIPT, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n');
      dir = out[0] ?? null;
      url = out[1] ?? null;
    } catch (error) {
      const why = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
      if (required) throw new Error(`ANSWER_REQUIRE_POSTGRES=1 but no PostgreSQL server could be started: ${why}`, { cause: error });
      console.warn(`PostgreSQL tests skipped: no ANSWER_TEST_DATABASE_URL and no server could be started (${why.split('\n')[0]})`);
    }
  }
  project.provide('postgresUrl', url);
  return () => {
    if (dir) execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' });
  };
}
