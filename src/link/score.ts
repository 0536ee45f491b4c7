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
import { FIELD_COUNT, type CorpusStats, type PostingList, type Postings } from './index-store.js';
import type { QueryTerm } from './query.js';
import type { FeedbackParams, ProximityParams } from './rank.js';
import type { RecencyParams } from './recency.js';

export interface ScoringParams {
  k1: number;
  /** Length normalisation per field, FIELDS order. */
  b: number[];
  /** Weight per field, FIELDS order. */
  fieldWeights: number[];
  /**
   * Weight of section-level BM25F (the section's passages read as one document, heading path and
   * title included) in each of its passages' scores (0: none). See addSectionScores.
   */
  sectionWeight: number;
  /** Recency prior on the best candidates (recency.ts), or null for none. */
  recency: RecencyParams | null;
  /** Prose prior on the best candidates (prose.ts): tables and lists of names score lower. */
  prose: boolean;
  /** How much of the lesser of a synonym group's alternatives counts as well (0: the best only, 1: all added up). */
  synonymSum?: number;
  /** Coordination: a candidate's score × (1 + this × the share of the question's own words it holds). */
  coordination?: number;
  /** Pseudo-relevance feedback (rank.ts), or null for none. */
  feedback?: FeedbackParams | null;
  /**
   * Weight of the letter's topic as section evidence: the sections scored on the context terms
   * alone (preamble, subject), multiplied in as the section nudge is (addSectionScores). 0: none.
   */
  topicWeight?: number;
  /** Proximity of matched terms (rank.ts), or null for none. */
  proximity?: ProximityParams | null;
}

export const DEFAULT_SCORING: ScoringParams = {
  k1: 1.2,
  b: [0.75, 0.5, 0],
  fieldWeights: [1, 1, 0.5],
  // Section-level BM25F, multiplied in: of 0.25, 0.5 and 1 (bench/link.ts) only 0.25 was no worse
  // on either gold set used for tuning (d66-memo recall@10 0.30 → 0.36, nDCG@10 0.24 → 0.26;
  // policy-questions recall@10 0.70 → 0.75, MRR 0.49 → 0.51, hit@1 unchanged); at 0.5 and 1 the
  // hand-written questions lost hit@1 (0.43 → 0.37). The smallest weight that helps: a nudge.
  sectionWeight: 0.25,
  // Recency prior (recency.ts): off. It was on by principle (current policy first) with mixed
  // evidence on the written sets; on the real council questions it costs (bench/link.ts, "recency
  // prior on": hit@5 0.61 → 0.55, MRR 0.39 → 0.36), because the annotator cites the 2005 nota for
  // half of them: with three documents the newest matches every query, so the prior pushes down
  // the only document that treats mantelzorg, vrijwilligers or ouderenhuisvesting at all.
  recency: null,
  // Proximity of matched terms, window 5, weight 0.3 (bench/link.ts, "no proximity").
  proximity: { window: 5, weight: 0.3 },
  prose: true,
  // The letter's topic as section evidence, 0.25 as the section nudge (bench/link.ts, "no topic sections").
  topicWeight: 0.25,
  // A synonym group scores its best alternative plus half of the others (a tie breaker, as a search
  // engine's dis_max query has): a passage that says a thing in two of the list's ways is more about
  // it (bench/link.ts, "synonyms: the best only").
  synonymSum: 0.5,
};

/** Inverse document frequency, the BM25 form that stays positive for common terms. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Scores by row of the matched passages (Postings.matched), and the rows that scored (in first-scored order). */
export interface ScoreTable {
  rows: number[];
  /** Indexed by row; 0 for passages that did not score. */
  score: Float64Array;
  /** Passage number by row (Postings.matched.refs). */
  refs: ArrayLike<number>;
}

/** Index of `ref` in an ascending list of passage numbers, or -1. */
function indexOf(docs: ArrayLike<number>, ref: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = docs[mid]!;
    if (v === ref) return mid;
    if (v < ref) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Score every passage that holds a query term. Terms the synonyms added (`QueryTerm.synonym`) are
 * alternatives to the words they stand for, as a search engine's synonym query treats them: per
 * synonym group a passage gets the best of the trigger's own words and each phrase, so a passage
 * that says "thuishulp" counts like one that says "hulp bij het huishouden", and one that says
 * both counts no more (added up, the expansion pushed passages with the question's exact words
 * down: test/gold/README.md).
 */
export function scoreBm25f(
  query: readonly QueryTerm[],
  postings: Postings,
  stats: Pick<CorpusStats, 'passages' | 'avgLength'> = postings.stats,
  params: ScoringParams = DEFAULT_SCORING,
): ScoreTable {
  const { lengths, count } = postings.matched;
  // An accumulator by row of the matched passages: a Map per query cost more than the scoring
  // itself, and one by passage number would be as large as the corpus.
  const score = new Float64Array(count);
  const rows: number[] = [];
  const n = stats.passages;
  const avg = stats.avgLength.map((a) => (a > 0 ? a : 1));
  const { k1, b, fieldWeights } = params;
  /** The BM25F contribution of entry `i` of a posting list, for a term of query weight × idf `w`. */
  const contribution = (list: PostingList, i: number, w: number): number => {
    const row = list.rows[i]!;
    let tfw = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const freq = list.tf[i * FIELD_COUNT + f]!;
      if (freq === 0) continue;
      const norm = 1 - b[f]! + (b[f]! * lengths[row * FIELD_COUNT + f]!) / avg[f]!;
      tfw += (fieldWeights[f]! * freq) / norm;
    }
    return tfw === 0 ? 0 : (w * tfw) / (k1 + tfw);
  };
  const add = (row: number, value: number) => {
    if (value <= 0) return;
    if (score[row] === 0) rows.push(row);
    score[row]! += value;
  };
  const own = new Map<string, number>();
  for (const q of query) {
    if (q.synonym) continue;
    own.set(q.term, q.weight);
    const list = postings.lists.get(q.term);
    if (!list) continue;
    const w = q.weight * idf(list.df, n);
    for (let i = 0; i < list.rows.length; i++) add(list.rows[i]!, contribution(list, i, w));
  }
  // Synonym groups: per passage the best alternative, above what the trigger's own words gave.
  const groups = new Map<string, { trigger: string[]; options: Map<string, Map<number, number>> }>();
  for (const q of query) {
    if (!q.synonym) continue;
    const list = postings.lists.get(q.term);
    if (!list) continue;
    let group = groups.get(q.synonym.group);
    if (!group) groups.set(q.synonym.group, (group = { trigger: q.synonym.trigger, options: new Map() }));
    let option = group.options.get(q.synonym.option);
    if (!option) group.options.set(q.synonym.option, (option = new Map()));
    const w = q.weight * idf(list.df, n);
    for (let i = 0; i < list.rows.length; i++) {
      const row = list.rows[i]!;
      option.set(row, (option.get(row) ?? 0) + contribution(list, i, w));
    }
  }
  for (const { trigger, options } of groups.values()) {
    const best = new Map<number, number>();
    for (const option of options.values()) for (const [ref, v] of option) if (v > (best.get(ref) ?? 0)) best.set(ref, v);
    for (const [row, v] of best) {
      let mine = 0;
      for (const term of trigger) {
        const list = postings.lists.get(term);
        const weight = own.get(term);
        if (!list || weight === undefined) continue;
        const i = indexOf(list.docs, postings.matched.refs[row]!);
        if (i >= 0) mine += contribution(list, i, weight * idf(list.df, n));
      }
      // Soft maximum: the best of the trigger and its phrases, plus `synonymSum` of the rest.
      const gamma = params.synonymSum ?? 0;
      add(row, v > mine ? v - mine + gamma * mine : gamma * v);
    }
  }
  return { rows, score, refs: postings.matched.refs };
}

/**
 * The `k` best passage numbers with their scores, best first (ties: lower passage number first,
 * which is the order of insertion in every backend: index-store.ts).
 */
export function topScores(table: ScoreTable, k: number): Array<[number, number]> {
  const { rows, score, refs } = table;
  const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && refs[a]! < refs[b]!);
  // Keep the k best in a sorted array: far cheaper than sorting every scored passage when a
  // common term scores most of a large corpus.
  const best: number[] = [];
  for (const row of rows) {
    if (best.length === k && !better(row, best[k - 1]!)) continue;
    let at = best.length;
    while (at > 0 && better(row, best[at - 1]!)) at--;
    best.splice(at, 0, row);
    if (best.length > k) best.pop();
  }
  return best.map((row) => [refs[row]!, score[row]!]);
}

/**
 * BM25F over sections: every section (document + heading path) read as one document, its text
 * the text of all its passages, with its own document frequencies and length normalisation.
 * Returns the score by section row of the matched passages (0 for sections without a query term).
 */
export function scoreSections(
  query: readonly QueryTerm[],
  postings: Postings,
  stats: Pick<CorpusStats, 'avgLength' | 'sections' | 'avgSectionLength'> = postings.stats,
  params: ScoringParams = DEFAULT_SCORING,
): Float64Array {
  const { sections, sectionLengths, lengths: fieldLengths } = postings.matched;
  const sectionCount = stats.sections;
  const size = sectionLengths.length;
  const score = new Float64Array(size);
  if (sectionCount === 0) return score;
  const { k1, b, fieldWeights } = params;
  const avgText = stats.avgSectionLength > 0 ? stats.avgSectionLength : 1;
  // Per section and field: summed text frequency, and the heading/title frequency of any passage
  // (every passage of a section has the same heading path and title).
  const tf = new Float64Array(size * FIELD_COUNT);
  const headLength = new Float64Array(size);
  const touched: number[] = [];
  const headAvg = stats.avgLength[1]! > 0 ? stats.avgLength[1]! : 1;
  const titleLength = new Float64Array(size);
  const titleAvg = stats.avgLength[2]! > 0 ? stats.avgLength[2]! : 1;
  // Which sections the current term touched: a stamp per term, no clearing between terms.
  const seen = new Int32Array(size);
  let stamp = 0;
  for (const q of query) {
    const list = postings.lists.get(q.term);
    if (!list) continue;
    touched.length = 0;
    stamp++;
    for (let i = 0; i < list.rows.length; i++) {
      const row = list.rows[i]!;
      const sec = sections[row]!;
      if (seen[sec] !== stamp) {
        seen[sec] = stamp;
        touched.push(sec);
      }
      tf[sec * FIELD_COUNT] += list.tf[i * FIELD_COUNT]!;
      tf[sec * FIELD_COUNT + 1] = Math.max(tf[sec * FIELD_COUNT + 1]!, list.tf[i * FIELD_COUNT + 1]!);
      tf[sec * FIELD_COUNT + 2] = Math.max(tf[sec * FIELD_COUNT + 2]!, list.tf[i * FIELD_COUNT + 2]!);
      headLength[sec] = fieldLengths[row * FIELD_COUNT + 1]!;
      titleLength[sec] = fieldLengths[row * FIELD_COUNT + 2]!;
    }
    const w = q.weight * idf(touched.length, sectionCount);
    for (const sec of touched) {
      const at = sec * FIELD_COUNT;
      const tfw =
        (fieldWeights[0]! * tf[at]!) / (1 - b[0]! + (b[0]! * sectionLengths[sec]!) / avgText) +
        (fieldWeights[1]! * tf[at + 1]!) / (1 - b[1]! + (b[1]! * headLength[sec]!) / headAvg) +
        (fieldWeights[2]! * tf[at + 2]!) / (1 - b[2]! + (b[2]! * titleLength[sec]!) / titleAvg);
      tf[at] = tf[at + 1] = tf[at + 2] = 0;
      if (tfw > 0) score[sec]! += (w * tfw) / (k1 + tfw);
    }
  }
  return score;
}

/**
 * Add section evidence to the passage scores (in place): a passage that matched is multiplied by
 * 1 + `weight` × (its section's score / the best section's score). A passage in the section that
 * matches the question best rises; a passage that matched nothing stays out; within a section
 * the passages keep their order. (Added instead of multiplied, the section score lifted every
 * passage of a good section alike and cost hit@1 on the hand-written questions, 0.43 → 0.40 at
 * 0.25: bench/link.ts, test/gold/README.md.)
 */
export function addSectionScores(table: ScoreTable, postings: Postings, sectionScore: Float64Array, weight: number): ScoreTable {
  if (weight <= 0) return table;
  const { sections } = postings.matched;
  let max = 0;
  for (let sec = 0; sec < sectionScore.length; sec++) if (sectionScore[sec]! > max) max = sectionScore[sec]!;
  if (max === 0) return table;
  // In place: the table is the one scoreBm25f made for this query.
  const { score, rows } = table;
  for (const row of rows) score[row]! *= 1 + (weight * sectionScore[sections[row]!]!) / max;
  return table;
}
