/**
 * BM25F scoring (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond",
 * 2009, §3.5): per term, the field frequencies are length-normalised per field, weighted and
 * summed before the one saturation k1, so a word in the heading and in the text is more evidence
 * than either alone but never more than a word can be.
 *
 * The parameters are the textbook defaults, chosen before any measurement and not fitted to the
 * gold sets: k1 = 1.2, b = 0.75 for the text; headings count as much as text (a heading names
 * what its section is about) with a milder length normalisation (b = 0.5: a deep heading path
 * is not less about its words); the document title counts half (it is shared by every passage
 * of the document, so it says little about which passage) and is not length-normalised.
 */
import { FIELD_COUNT, type IndexStats, type Postings } from './index-store.js';
import type { QueryTerm } from './query.js';

export interface ScoringParams {
  k1: number;
  /** Length normalisation per field, FIELDS order. */
  b: number[];
  /** Weight per field, FIELDS order. */
  fieldWeights: number[];
  /** Share of the best other passage of the same section added to a passage's score (0: none). */
  sectionShare: number;
}

export const DEFAULT_SCORING: ScoringParams = {
  k1: 1.2,
  b: [0.75, 0.5, 0],
  fieldWeights: [1, 1, 0.5],
  // Section evidence is off: on the gold sets it moved the memo questions up (hit@5 0.44 → 0.56
  // at 0.1–0.5) but the hand-written questions down (hit@1 0.37 → 0.30 at 0.25), so it is not
  // a rule that generalises; bench/link.ts keeps measuring it.
  sectionShare: 0,
};

/** Inverse document frequency, the BM25 form that stays positive for common terms. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Scores by passage number, and the passage numbers that scored (in first-scored order). */
export interface ScoreTable {
  refs: number[];
  /** Indexed by passage number; 0 for passages that did not score. */
  score: Float64Array;
}

/** Score every passage that holds a query term. */
export function scoreBm25f(
  query: readonly QueryTerm[],
  postings: Postings,
  stats: IndexStats,
  params: ScoringParams = DEFAULT_SCORING,
): ScoreTable {
  const lengths = postings.fieldLengths;
  // An accumulator by passage number: a Map per query cost more than the scoring itself.
  const score = new Float64Array(Math.ceil(lengths.length / FIELD_COUNT));
  const refs: number[] = [];
  const n = stats.passages;
  const avg = stats.avgLength.map((a) => (a > 0 ? a : 1));
  const { k1, b, fieldWeights } = params;
  for (const q of query) {
    const list = postings.lists.get(q.term);
    if (!list) continue;
    const w = q.weight * idf(list.df, n);
    const { docs, tf } = list;
    for (let i = 0; i < docs.length; i++) {
      const ref = docs[i]!;
      let tfw = 0;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const freq = tf[i * FIELD_COUNT + f]!;
        if (freq === 0) continue;
        const norm = 1 - b[f]! + (b[f]! * lengths[ref * FIELD_COUNT + f]!) / avg[f]!;
        tfw += (fieldWeights[f]! * freq) / norm;
      }
      if (tfw === 0) continue;
      if (score[ref] === 0) refs.push(ref);
      score[ref]! += (w * tfw) / (k1 + tfw);
    }
  }
  return { refs, score };
}

/** The `k` best passage numbers with their scores, best first (ties: lower number first). */
export function topScores(table: ScoreTable, k: number): Array<[number, number]> {
  const { refs, score } = table;
  const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a < b);
  // Keep the k best in a sorted array: far cheaper than sorting every scored passage when a
  // common term scores most of a large corpus.
  const best: number[] = [];
  for (const ref of refs) {
    if (best.length === k && !better(ref, best[k - 1]!)) continue;
    let at = best.length;
    while (at > 0 && better(ref, best[at - 1]!)) at--;
    best.splice(at, 0, ref);
    if (best.length > k) best.pop();
  }
  return best.map((ref) => [ref, score[ref]!]);
}

/**
 * Let a passage share in the evidence of its section: add `share` × the best score of another
 * passage under the same heading path. A policy section answers as a whole ("Rijk" in one
 * bullet of §4.3, "systeemwereld" in the paragraph before it); the passage's own words still
 * decide the order within the section.
 */
export function addSectionEvidence(table: ScoreTable, sections: ArrayLike<number>, share: number): ScoreTable {
  if (share <= 0) return table;
  const best = new Map<number, [number, number]>(); // section → [best, second best]
  for (const ref of table.refs) {
    const score = table.score[ref]!;
    const s = sections[ref]!;
    const b = best.get(s);
    if (!b) best.set(s, [score, 0]);
    else if (score > b[0]) best.set(s, [score, b[0]]);
    else if (score > b[1]) b[1] = score;
  }
  const score = new Float64Array(table.score.length);
  for (const ref of table.refs) {
    const own = table.score[ref]!;
    const [first, second] = best.get(sections[ref]!)!;
    score[ref] = own + share * (own === first ? second : first);
  }
  return { refs: table.refs, score };
}
