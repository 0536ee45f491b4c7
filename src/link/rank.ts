/**
 * Ranking: score a built query against the store, drop what may not be offered, diversify, and
 * say for each result which words of the query matched.
 */
import type { ScoredPassage } from '../model.js';
import { diversify, type DiversifyOptions } from './diversify.js';
import type { IndexStore, StoredPassage } from './index-store.js';
import type { QueryTerm } from './query.js';
import { proseFactor } from './prose.js';
import { dateYear, recencyFactor } from './recency.js';
import { addSectionScores, DEFAULT_SCORING, scoreSections, scoreBm25f, topScores, type ScoringParams } from './score.js';

/** A ranked passage: the model's ScoredPassage plus the context words that matched. */
export interface LinkedPassage extends ScoredPassage {
  /**
   * Words of the context (the question before, the subject, the preamble) that matched as well;
   * `matched` holds the words of the question or query itself.
   */
  context: string[];
}

export interface RankOptions {
  /** Number of results (default 5). */
  top?: number;
  /** Never offer earlier answers to this question document (its own answer). */
  excludeAnswersTo?: string | null;
  /** Diversification, or false for plain score order. */
  diversify?: DiversifyOptions | false;
  scoring?: ScoringParams;
}

/** How many of the best-scored passages diversification chooses from, per result wanted. */
const POOL_PER_RESULT = 3;
const MIN_POOL = 15;
const EXCLUSION_MARGIN = 50;
/** How many more candidates the priors (recency, prose) look at than the pool. */
const PRIOR_REACH = 2;

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** Whether an ascending list of passage numbers holds `ref` (binary search). */
function holds(docs: ArrayLike<number>, ref: number): boolean {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = docs[mid]!;
    if (v === ref) return true;
    if (v < ref) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The top passages for a weighted query. */
export async function rank(store: IndexStore, query: readonly QueryTerm[], options: RankOptions = {}): Promise<LinkedPassage[]> {
  const top = options.top ?? 5;
  if (query.length === 0 || top <= 0) return [];
  // Postings and statistics come from one snapshot of the index (index-store.ts).
  const postings = await store.postings(query.map((q) => q.term));
  const stats = postings.stats;
  const scoring = options.scoring ?? DEFAULT_SCORING;
  let scores = scoreBm25f(query, postings, stats, scoring);
  if (scoring.sectionWeight > 0) scores = addSectionScores(scores, postings, scoreSections(query, postings, stats, scoring), scoring.sectionWeight);
  const pool = options.diversify === false ? top : Math.max(MIN_POOL, top * POOL_PER_RESULT);
  // The priors reorder the best candidates, so they look at twice as many: a current passage of
  // running text just outside the pool can then pass an old one or a table inside it.
  const fetch = scoring.recency || scoring.prose ? pool * PRIOR_REACH : pool;
  // Earlier answers to this very document are the only passages skipped: at most a few dozen.
  const ranked = topScores(scores, fetch + EXCLUSION_MARGIN);
  let candidates: Array<{ score: number; section: string; vector: StoredPassage['vector']; stored: StoredPassage }> = [];
  for (let from = 0; candidates.length < fetch && from < ranked.length; from += fetch) {
    const batch = ranked.slice(from, from + fetch);
    const stored = await store.passages(batch.map(([ref]) => ref));
    const byRef = new Map(stored.map((s) => [s.ref, s]));
    for (const [ref, score] of batch) {
      const s = byRef.get(ref);
      if (!s) continue;
      const p = s.passage;
      if (options.excludeAnswersTo && p.kind === 'answer' && p.question === options.excludeAnswersTo) continue;
      if (candidates.length < fetch) candidates.push({ score, section: s.section, vector: s.vector, stored: s });
    }
  }
  // Priors on the candidates (recency.ts, prose.ts): they reorder the best candidates only.
  if (scoring.recency || scoring.prose) {
    const years = candidates.map((c) => dateYear(c.stored.passage.date));
    const newest = years.reduce<number | null>((max, y) => (y !== null && (max === null || y > max) ? y : max), null);
    candidates.forEach((c, i) => {
      if (scoring.recency) c.score *= recencyFactor(years[i] ?? null, newest, scoring.recency);
      if (scoring.prose) c.score *= proseFactor(c.stored.passage);
    });
    candidates = candidates.sort((a, b) => b.score - a.score || a.stored.ref - b.stored.ref).slice(0, pool);
  }
  const chosen = options.diversify === false ? candidates.slice(0, top) : diversify(candidates, top, options.diversify || {});
  return chosen.map(({ score, stored: s }) => {
    const matched: string[] = [];
    const context: string[] = [];
    for (const q of query) {
      const list = postings.lists.get(q.term);
      if (!list || !holds(list.docs, s.ref)) continue;
      if (q.source === 'question') {
        for (const raw of q.raws) if (!matched.includes(raw)) matched.push(raw);
      } else {
        // One word per context term: "zorg", not every compound of the preamble it is part of.
        const raw = q.raws[0]!;
        if (!context.includes(raw) && !matched.includes(raw)) context.push(raw);
      }
    }
    return { ...s.passage, score: round(score), matched, context };
  });
}
