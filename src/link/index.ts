/**
 * The link stage: Dutch retrieval over the corpus passages.
 *
 *   text ─ tokenize ─ stopwords ─ elision ─ stem ─ compound parts      (analyze.ts)
 *   passages ─ analyze ─ IndexStore: in memory, persisted in .answer/, or PostgreSQL
 *                                  (build-index.ts, persist.ts, memory-store.ts, postgres-store.ts)
 *   question + document context ─ weighted query                        (query.ts)
 *   query ─ BM25F × section BM25F ─ own answer dropped ─ diversified top k (score.ts, rank.ts, diversify.ts)
 *   gold file ─ hit@k, recall@k, MRR, nDCG@10                           (evaluate.ts)
 */
import type { IndexStore } from './index-store.js';
import type { GoldQuery, Ranker } from './evaluate.js';
import { buildQuery } from './query.js';
import { rank, type RankOptions } from './rank.js';

export { analyzePassage, analyzeText, ANALYZER_VERSION, sectionHeadings, sectionKey } from './analyze.js';
export { splitCompound } from './compounds.js';
export { lexiconLoadMs } from './lexicon.js';
export { stem } from './stem.js';
export { isStopword } from './stopwords.js';
export { tokenize, foldWord } from './tokenize.js';
export {
  FIELDS,
  type AnalyzedPassage,
  type CorpusStats,
  type FileEntry,
  type IndexStats,
  type IndexStore,
  type MatchedPassages,
  type PostingList,
  type Postings,
  type StoredPassage,
} from './index-store.js';
export { MemoryIndexStore } from './memory-store.js';
export { syncIndex, type CorpusContent, type SyncReport } from './build-index.js';
export { INDEX_DIR, indexPath, openIndex, openPostgresStore, readIndex, writeIndex, type CorpusReader, type OpenedIndex } from './persist.js';
export { DEFAULT_RECENCY, dateYear, recencyFactor, type RecencyParams } from './recency.js';
export { buildQuery, framingTerms, leansOnPrevious, type QueryTerm, type QuestionContext } from './query.js';
export { DEFAULT_SCORING, type ScoringParams } from './score.js';
export { diversify } from './diversify.js';
export { rank, type LinkedPassage, type RankOptions } from './rank.js';
export { linkQuestionDocument, searchIndex, searchTerms, type LinkOptions, type LinkResult, type QuestionLinks } from './link-questions.js';
export {
  evaluate,
  isRelevant,
  normalizeForMatch,
  parseGold,
  unreachableGold,
  type EvalReport,
  type GoldFile,
  type GoldQuery,
  type GoldQuestion,
  type Metrics,
  type Ranker,
} from './evaluate.js';

export interface LinkerRankerOptions extends RankOptions {
  /** Use the question before and the letter's subject/preamble (default true). */
  context?: boolean;
  /** Framing terms to weigh down (default framingTerms()); for ablations. */
  framing?: ReadonlySet<string>;
  /** Weigh down the question's frame ("Deelt het college de opvatting ..."); default true. */
  frames?: boolean;
}

/** Our linker as a Ranker for `evaluate`: the same query building and ranking `answer link` uses. */
export function linkerRanker(store: IndexStore, options: LinkerRankerOptions = {}): Ranker {
  const { context = true, framing, frames, ...rankOptions } = options;
  return async ({ question, previous, subject, preamble, document }: GoldQuery) => {
    const built = context
      ? buildQuery(question.q, { previous: question.context ?? previous?.q ?? null, subject: subject ?? null, preamble: preamble ?? null, framing, frames })
      : buildQuery(question.q, { framing, frames });
    return rank(store, built.terms, { top: 10, excludeAnswersTo: document ?? null, ...rankOptions });
  };
}
