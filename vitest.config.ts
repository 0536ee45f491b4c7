import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const ALL = ['src/**/*.test.ts', 'test/**/*.test.ts'];
/** Test files that mock modules (vi.mock): a mock would leak into the files run after them in a shared worker. */
export const MOCKING = ['src/check/failure.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core: vitest's default leaves one idle, which on CI's two cores is one worker. On two
    // cores the suite took 385 s with one worker and 259 s with two (1,695 tests, all passing).
    maxWorkers: availableParallelism(),
    projects: [
      {
        // The files share their worker's modules instead of loading the sources anew per file:
        // on two cores 227 s instead of 258 s (1,726 tests, one run each), and the run passes with
        // the files shuffled (--sequence.shuffle.files) too.
        extends: true,
        test: {
          name: 'shared',
          include: ALL,
          exclude: MOCKING,
          isolate: false,
          // The PostgreSQL server the backend's tests run against (started when none is given).
          globalSetup: ['test/setup/postgres.ts'],
        },
      },
      { extends: true, test: { name: 'mocking', include: MOCKING } },
    ],
  },
});
