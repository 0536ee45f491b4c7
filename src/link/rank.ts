/**
 * Ranking: score a built query against the store, drop what may not be offered, diversify, and
 * say for each result which words of the query matched.
 */
import type { Passage, ScoredPassage } from '../model.js';
import { diversify, type DiversifyOptions } from './diversify.js';
import type { CorpusStats, IndexStore, Postings, StoredPassage } from './index-store.js';
import type { QueryTerm } from './query.js';
import { proseFactor } from './prose.js';
import { dateYear, recencyFactor } from './recency.js';
import { analyzeText, termFrequencies } from './analyze.js';
import { addSectionScores, DEFAULT_SCORING, idf, scoreSections, scoreBm25f, topScores, type ScoreTable, type ScoringParams } from './score.js';

/** A ranked passage: the model's ScoredPassage plus the context words that matched. */
export interface LinkedPassage extends ScoredPassage {
  /**
   * Words of the context (the question before, the subject, the preamble) that matched as well;
   * `matched` holds the words of the question or query itself.
   */
  context: string[];
  /** Phrases of the synonym list through which the passage matched ("verward gedrag"). */
  synonyms: string[];
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

/**
 * Pseudo-relevance feedback (RM3, Lavrenko & Croft 2001; Abdul-Jaleel et al. 2004): the terms of
 * the best `docs` passages of a first ranking, weighed by the passages' scores and the terms'
 * rarity, and the best `terms` of them added to the query at `weight` (the heaviest at `weight`,
 * the others in proportion), then ranked again.
 */
export interface FeedbackParams {
  docs: number;
  terms: number;
  weight: number;
}

/**
 * Proximity of matched terms: a passage in which two different query terms stand within `window`
 * words of each other is more likely about them together (Rasolofo & Savoy 2003, BM25TP). Its
 * score is multiplied by 1 + `weight` × its pair evidence relative to the best candidate's.
 */
export interface ProximityParams {
  window: number;
  weight: number;
}

type Candidate = { score: number; section: string; vector: StoredPassage['vector']; stored: StoredPassage };

function scoreQuery(query: readonly QueryTerm[], postings: Postings, stats: CorpusStats, scoring: ScoringParams): ScoreTable {
  let scores = scoreBm25f(query, postings, stats, scoring);
  // The section nudge is the evidence of the question's own words: synonyms there would lift the
  // sections that say the thing in other words above the one that says it in the question's.
  if (scoring.sectionWeight > 0) scores = addSectionScores(scores, postings, scoreSections(query.filter((q) => !q.synonym), postings, stats, scoring), scoring.sectionWeight);
  // The letter's topic as evidence: sections that match the preamble and subject on their own (score.ts, topicWeight).
  const topic = scoring.topicWeight ? query.filter((q) => q.source === 'context') : [];
  if (topic.length > 0) scores = addSectionScores(scores, postings, scoreSections(topic, postings, stats, scoring), scoring.topicWeight!);
  return scores;
}

/** The feedback terms for a query from its best passages (FeedbackParams). */
async function feedbackTerms(store: IndexStore, query: readonly QueryTerm[], ranked: ReadonlyArray<[number, number]>, params: FeedbackParams, stats: Pick<CorpusStats, 'passages'>): Promise<QueryTerm[]> {
  const best = ranked.slice(0, params.docs);
  if (best.length === 0) return [];
  const stored = await store.passages(best.map(([ref]) => ref));
  const top = best[0]![1] || 1;
  const mass = new Map<string, number>();
  for (const s of stored) {
    const score = (best.find(([ref]) => ref === s.ref)?.[1] ?? 0) / top;
    const { tf, length } = termFrequencies(s.passage.text);
    if (length === 0) continue;
    for (const [term, f] of tf) mass.set(term, (mass.get(term) ?? 0) + (score * f) / length);
  }
  const have = new Set(query.map((q) => q.term));
  const candidates = [...mass].filter(([term]) => !have.has(term) && !/^\d/.test(term));
  const postings = await store.postings(candidates.map(([term]) => term));
  const weighed = candidates
    .map(([term, m]): [string, number] => [term, m * idf(postings.lists.get(term)?.df ?? 1, stats.passages)])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, params.terms);
  const max = weighed[0]?.[1] ?? 0;
  if (max <= 0) return [];
  return weighed.map(([term, w]) => ({ term, weight: (params.weight * w) / max, raws: [term], source: 'feedback' as const }));
}

/** The terms of a passage's text by token position, kept by passage object (stored passages are the same objects query after query). */
const termPositions = new WeakMap<Passage, Array<[number, string]>>();

function positionsOf(passage: Passage): Array<[number, string]> {
  let positions = termPositions.get(passage);
  if (!positions) {
    positions = analyzeText(passage.text).terms.map((t): [number, string] => [t.token, t.term]);
    termPositions.set(passage, positions);
  }
  return positions;
}

/** Pair evidence of a passage: for each two query terms within the window, the lighter one's weight over their distance squared. */
function proximity(passage: Passage, weights: ReadonlyMap<string, number>, window: number): number {
  const positions = positionsOf(passage).filter(([, term]) => weights.has(term));
  let sum = 0;
  for (let i = 0; i < positions.length; i++) {
    for (let j = i + 1; j < positions.length; j++) {
      const d = positions[j]![0] - positions[i]![0];
      if (d > window) break;
      if (d <= 0 || positions[j]![1] === positions[i]![1]) continue;
      sum += Math.min(weights.get(positions[i]![1])!, weights.get(positions[j]![1])!) / (d * d);
    }
  }
  return sum;
}

/** The top passages for a weighted query. */
export async function rank(store: IndexStore, query: readonly QueryTerm[], options: RankOptions = {}): Promise<LinkedPassage[]> {
  const top = options.top ?? 5;
  if (query.length === 0 || top <= 0) return [];
  const scoring = options.scoring ?? DEFAULT_SCORING;
  // Postings and statistics come from one snapshot of the index (index-store.ts).
  let postings = await store.postings(query.map((q) => q.term));
  const stats = postings.stats;
  let scores = scoreQuery(query, postings, stats, scoring);
  if (scoring.feedback) {
    const extra = await feedbackTerms(store, query, topScores(scores, scoring.feedback.docs), scoring.feedback, stats);
    if (extra.length > 0) {
      query = [...query, ...extra];
      // The second read has its own snapshot and statistics.
      postings = await store.postings(query.map((q) => q.term));
      scores = scoreQuery(query, postings, postings.stats, scoring);
    }
  }
  const pool = options.diversify === false ? top : Math.max(MIN_POOL, top * POOL_PER_RESULT);
  // The priors reorder the best candidates, so they look at twice as many: a current passage of
  // running text just outside the pool can then pass an old one or a table inside it.
  const fetch = scoring.recency || scoring.prose || scoring.proximity ? pool * PRIOR_REACH : pool;
  // Earlier answers to this very document are the only passages skipped: at most a few dozen.
  const ranked = topScores(scores, fetch + EXCLUSION_MARGIN);
  let candidates: Candidate[] = [];
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
  // Priors on the candidates (recency.ts, prose.ts) and proximity: they reorder the best candidates only.
  if (scoring.recency || scoring.prose || scoring.proximity || scoring.coordination) {
    const years = candidates.map((c) => dateYear(c.stored.passage.date));
    const newest = years.reduce<number | null>((max, y) => (y !== null && (max === null || y > max) ? y : max), null);
    const near = scoring.proximity;
    const coord = scoring.coordination ?? 0;
    const own = query.filter((q) => q.source === 'question' && q.weight >= 1);
    const ownTotal = own.reduce((sum, q) => sum + q.weight, 0);
    let pairs: number[] = [];
    let maxPairs = 0;
    if (near) {
      const weights = new Map(query.filter((q) => q.source === 'question' || q.source === 'synonym').map((q) => [q.term, q.weight]));
      pairs = candidates.map((c) => proximity(c.stored.passage, weights, near.window));
      maxPairs = Math.max(0, ...pairs);
    }
    candidates.forEach((c, i) => {
      if (scoring.recency) c.score *= recencyFactor(years[i] ?? null, newest, scoring.recency);
      if (scoring.prose) c.score *= proseFactor(c.stored.passage);
      if (near && maxPairs > 0) c.score *= 1 + (near.weight * pairs[i]!) / maxPairs;
      if (coord > 0 && ownTotal > 0) {
        let have = 0;
        for (const q of own) {
          const list = postings.lists.get(q.term);
          if (list && holds(list.docs, c.stored.ref)) have += q.weight;
        }
        c.score *= 1 + (coord * have) / ownTotal;
      }
    });
    candidates = candidates.sort((a, b) => b.score - a.score || a.stored.ref - b.stored.ref).slice(0, pool);
  }
  const chosen = options.diversify === false ? candidates.slice(0, top) : diversify(candidates, top, options.diversify || {});
  return chosen.map(({ score, stored: s }) => {
    const matched: string[] = [];
    const context: string[] = [];
    const synonyms: string[] = [];
    for (const q of query) {
      if (q.source === 'feedback') continue;
      const list = postings.lists.get(q.term);
      if (!list || !holds(list.docs, s.ref)) continue;
      if (q.via) {
        for (const via of q.via) if (!synonyms.includes(via)) synonyms.push(via);
      } else if (q.source === 'question') {
        for (const raw of q.raws) if (!matched.includes(raw)) matched.push(raw);
      } else {
        // One word per context term: "zorg", not every compound of the preamble it is part of.
        const raw = q.raws[0]!;
        if (!context.includes(raw) && !matched.includes(raw)) context.push(raw);
      }
    }
    return { ...s.passage, score: round(score), matched, context, synonyms };
  });
}
