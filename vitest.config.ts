import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core: vitest's default leaves one idle, which on CI's two cores is one worker. On two
    // cores the suite took 385 s with one worker and 259 s with two (1,695 tests, all passing).
    maxWorkers: availableParallelism(),
    // The PostgreSQL server the backend's tests run against (started when none is given).
    globalSetup: ['test/setup/postgres.ts'],
  },
});
