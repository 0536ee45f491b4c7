import { copyFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn, tempWorkspace } from '../test-helpers.js';

/**
 * After import the markdown file is the source of truth: `answer parse questions/<id>.md --json`
 * must give the same questions, texts and metadata as parsing the original letter. Compared
 * field by field for every seed letter and every development letter, whatever the parser finds.
 */
const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const seeds = join(fixtures, 'seeds', 'questions');
const letters = join(fixtures, 'letters');

let dir: string;
beforeAll(async () => {
  dir = await tempWorkspace('answer-roundtrip-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(argv: string[]) {
  return runCliIn(dir, argv);
}

const files = [
  ...(await readdir(seeds)).filter((f) => f.endsWith('.txt')).map((f) => join(seeds, f)),
  ...(await readdir(letters)).filter((f) => f.endsWith('.txt')).map((f) => join(letters, f)),
];

describe('import → parse round trip', () => {
  it.each(files.map((f) => [f.slice(fixtures.length), f]))('%s', async (_name, path) => {
    const name = path.replace(/^.*\//, '');
    await copyFile(path, join(dir, name));
    const letter = await run(['parse', name, '--json']);
    const imported = await run(['import', name, '--dir', 'questions', '--force']);
    if (letter.code !== 0) {
      // No questions found: import must refuse too, and write nothing for this letter.
      expect(letter.err).toMatch(/no questions found/);
      expect(imported.code).toBe(2);
      expect(imported.out).toBe('');
      return;
    }
    expect(imported.code).toBe(0);
    const fromLetter = JSON.parse(letter.out) as Record<string, unknown>;
    const file = /(?:wrote|replaced|^) ?(questions\/\S+\.md)/.exec(imported.out)?.[1];
    expect(file).toBe(`questions/${fromLetter.id as string}.md`);
    const fromFile = JSON.parse((await run(['parse', file!, '--json'])).out) as Record<string, unknown>;
    // Parse warnings belong to the letter's lines; everything else must be identical.
    expect({ ...fromFile, warnings: [] }).toEqual({ ...fromLetter, warnings: [] });
    expect(fromFile.warnings).toEqual([]);
  });
});
