/**
 * The link stage: Dutch retrieval over the corpus passages.
 *
 *   text ─ tokenize ─ stopwords ─ elision ─ stem ─ compound parts      (analyze.ts)
 *   passages ─ analyze ─ IndexStore: in memory, persisted in .answer/, or PostgreSQL
 *                                  (build-index.ts, persist.ts, memory-store.ts, postgres-store.ts)
 *   question + document context ─ weighted query, synonyms, names      (query.ts, synonyms.ts, place-names.ts)
 *   query ─ BM25F × section BM25F ─ own answer dropped ─ priors, proximity ─ diversified top k
 *                                                                        (score.ts, rank.ts, diversify.ts)
 *   a question that asks several things ─ each part searched too       (question-parts.ts, link-questions.ts)
 *   gold file ─ hit@k, recall@k, MRR, nDCG@10                           (evaluate.ts)
 */
import type { IndexStore } from './index-store.js';
import type { GoldQuery, Ranker } from './evaluate.js';
import { linkQuestion, type LinkOptions } from './link-questions.js';

export { analyzePassage, analyzeText, ANALYZER_VERSION, sectionHeadings, sectionKey } from './analyze.js';
export { splitCompound } from './compounds.js';
export { lexiconLoadMs } from './lexicon.js';
export { stem } from './stem.js';
export { isStopword } from './stopwords.js';
export { defaultSynonyms, expandSynonyms, loadSynonyms, parseSynonyms, SYNONYM_FILE, synonymSet, type SynonymPhrase, type SynonymProblem, type SynonymFiring, type SynonymRule, type SynonymSet } from './synonyms.js';
export { isPlaceName, placeNameTokens } from './place-names.js';
export { isFollowUpSentence, questionParts } from './question-parts.js';
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
  type TermFrequencies,
} from './index-store.js';
export { MemoryIndexStore } from './memory-store.js';
export { syncIndex, type CorpusContent, type SyncReport } from './build-index.js';
export { INDEX_DIR, indexPath, openIndex, openPostgresStore, readIndex, writeIndex, type CorpusReader, type OpenedIndex } from './persist.js';
export { DEFAULT_RECENCY, dateYear, recencyFactor, type RecencyParams } from './recency.js';
export { buildQuery, DEFAULT_PREAMBLE, framingTerms, leansOnPrevious, type PreambleSettings, type QueryOptions, type QueryTerm, type QuestionContext, type TermStats } from './query.js';
export { DEFAULT_SCORING, type ScoringParams } from './score.js';
export { diversify } from './diversify.js';
export { rank, type LinkedPassage, type RankOptions } from './rank.js';
export { buildQueryWithStats, linkQuestion, linkQuestionDocument, refuseEmptySearch, searchIndex, searchTerms, type LinkOptions, type LinkResult, type QuestionLinks } from './link-questions.js';
export {
  evaluate,
  goldQuery,
  isRelevant,
  normalizeForMatch,
  parseGold,
  scoreIntervals,
  unreachableGold,
  type EvalReport,
  type GoldFile,
  type GoldQuery,
  type GoldQuestion,
  type Interval,
  type Metrics,
  type QuestionScore,
  type Ranker,
  type ScoreIntervals,
} from './evaluate.js';

export interface LinkerRankerOptions extends LinkOptions {
  /** Use the question before and the letter's subject/preamble (default true). */
  context?: boolean;
}

/** Our linker as a Ranker for `evaluate`: the same query building and ranking `answer link` uses. */
export function linkerRanker(store: IndexStore, options: LinkerRankerOptions = {}): Ranker {
  const { context = true, ...linkOptions } = options;
  return async ({ question, previous, subject, preamble, document }: GoldQuery) => {
    const ctx = context ? { previous: question.context ?? previous?.q ?? null, subject: subject ?? null, preamble: preamble ?? null } : {};
    const { passages } = await linkQuestion(store, question.q, ctx, { top: 10, excludeAnswersTo: document ?? null, ...linkOptions });
    return passages;
  };
}
