/**
 * The test files share their worker's modules (vitest.config.ts, project "shared"), so a file that
 * mocks a module must be listed in MOCKING, where each file gets modules of its own: otherwise its
 * mock leaks into the files that run after it in the same worker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { MOCKING } from '../../vitest.config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative('.', path)] : [];
  });
}

it('lists every test file that mocks a module (vi.mock, vi.doMock) as one that runs in modules of its own', () => {
  const mocking = [...testFiles('src'), ...testFiles('test')].filter((file) => /\bvi\.(?:do)?mock\(/.test(readFileSync(join(ROOT, file), 'utf8'))).sort();
  expect(mocking).toEqual([...MOCKING].sort());
});
