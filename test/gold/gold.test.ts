import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { parseGold, unreachableGold } from '../../src/link/evaluate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the gold sets', () => {
  it('point only at text that a passage of the shipped corpus holds', async () => {
    const corpus = await loadCorpus(root, { answers: null });
    const docs = new Set(corpus.passages.map((p) => p.doc));
    const files = (await readdir(here)).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const gold = parseGold(await readFile(`${here}/${file}`, 'utf8'), file);
      for (const q of gold.questions) for (const e of q.gold) expect(docs, `${file} q${q.n}`).toContain(e.doc);
      expect(unreachableGold(gold, corpus.passages), file).toEqual([]);
    }
  });
});
