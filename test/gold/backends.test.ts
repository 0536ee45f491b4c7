/**
 * Both index backends rank alike: on every gold set, for every question as `answer eval` asks it,
 * the embedded index and a PostgreSQL collection give the same top 10 (the same passages, scores
 * within 1e-6) and the same linked passages. Scoring is one implementation (score.ts, rank.ts);
 * this checks the data each backend hands it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { evaluate, parseGold, type GoldQuery } from '../../src/link/evaluate.js';
import { linkerRanker, syncIndex, type IndexStore, type LinkedPassage } from '../../src/link/index.js';
import { MemoryIndexStore } from '../../src/link/memory-store.js';
import { PostgresIndexStore } from '../../src/link/postgres-store.js';
import { buildQuery } from '../../src/link/query.js';
import { addSectionScores, DEFAULT_SCORING, scoreBm25f, scoreSections, topScores } from '../../src/link/score.js';
import { freshDatabase, postgresUrl } from '../../src/link/test-helpers/postgres.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** The 10 best passages by score alone, as ids with raw scores. */
async function top10(store: IndexStore, query: GoldQuery): Promise<Array<[string, number]>> {
  const { question, previous, subject, preamble } = query;
  const { terms } = buildQuery(question.q, { previous: question.context ?? previous?.q ?? null, subject: subject ?? null, preamble: preamble ?? null });
  if (terms.length === 0) return [];
  const postings = await store.postings(terms.map((t) => t.term));
  const scores = addSectionScores(scoreBm25f(terms, postings), postings, scoreSections(terms, postings), DEFAULT_SCORING.sectionWeight);
  const best = topScores(scores, 10);
  const stored = await store.passages(best.map(([ref]) => ref));
  return best.map(([ref, score]) => [stored.find((s) => s.ref === ref)!.passage.id, score]);
}

describe.skipIf(!postgresUrl)('the embedded and the PostgreSQL index', () => {
  const memory = new MemoryIndexStore();
  let postgres: PostgresIndexStore;
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const db = await freshDatabase('gold');
    drop = db.drop;
    postgres = await PostgresIndexStore.open({ url: db.url, collection: 'zwolle' });
    const corpus = await loadCorpus(root);
    await syncIndex(memory, corpus);
    await syncIndex(postgres, corpus);
  });
  afterAll(async () => {
    await postgres?.close();
    await drop();
  });

  it('give the same top 10 and the same links on every gold set', async () => {
    const files = (await readdir(here)).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(8);
    let questions = 0;
    for (const file of files) {
      const gold = parseGold(await readFile(`${here}/${file}`, 'utf8'), file);
      const links: Array<Array<{ id: string; score: number }>> = [];
      const raw: Array<Array<[string, number]>> = [];
      for (const store of [memory, postgres]) {
        const linker = linkerRanker(store);
        const ranked: Array<{ id: string; score: number }> = [];
        const scored: Array<[string, number]> = [];
        await evaluate(gold, async (query) => {
          const list = (await linker(query)) as LinkedPassage[];
          ranked.push(...list.map((p) => ({ id: p.id, score: p.score })), { id: '|', score: 0 });
          scored.push(...(await top10(store, query)), ['|', 0]);
          return list;
        });
        links.push(ranked);
        raw.push(scored);
      }
      expect(links[1], file).toEqual(links[0]);
      expect(raw[1]!.map(([id]) => id), file).toEqual(raw[0]!.map(([id]) => id));
      raw[0]!.forEach(([, score], i) => expect(Math.abs(raw[1]![i]![1] - score), `${file} #${i}`).toBeLessThan(1e-6));
      questions += links[0]!.filter((p) => p.id === '|').length;
    }
    expect(questions).toBeGreaterThan(50);
  });
});
