/**
 * The public library of `answer`. The CLI imports from here and nothing else, so it can only
 * use what a library user can.
 */
export * from './model.js';
export { EXIT, InputError, UsageError, formatErrorLine, isUserError } from './errors.js';
export { DEFAULT_READ_LIMITS, readSource, readSourceFile } from './parse/read-source.js';
export { parseQuestionDocument, type ParseOptions } from './parse/parse-letter.js';
export type { ReadOptions, SourceFormat, SourceText } from './parse/read-source.js';
export { hasFrontMatter, readFrontMatter, stringifyFrontMatter } from './io/front-matter.js';
export type { FrontMatter, FrontMatterMap, FrontMatterValue, WritableValue } from './io/front-matter.js';
export { backupFile, withFileLock, writeFileAtomic } from './io/atomic-write.js';
export type { LockOptions, WriteOptions } from './io/atomic-write.js';
export { CHECK_CODES, CHECK_PROBLEMS, checkProblemsTable } from './check/codes.js';
export type { CheckCode, CheckProblem } from './check/codes.js';
export type { CheckReport, CheckedDocument } from './check/report.js';
export type { AnswerFigures, StatusReport, StatusRow } from './check/status.js';
export { checkWorkspace, workspaceStatus } from './check/index.js';
export type { CheckOptions, StatusOptions } from './check/index.js';
export { corpusIndex } from './check/citations.js';
export type { CorpusIndex } from './check/citations.js';
export { CONFIG_FILE, DEFAULT_KIND, defaultConfig, loadConfig, normalizeArticle, parseConfig } from './config/config.js';
export type { AnswerConfig, QuestionKind, Signatories } from './config/config.js';
export { addDaysIso, applyDeadline, computeDeadline, isIsoDate, resolveKind } from './parse/deadline.js';
export type { DeadlineFields } from './parse/deadline.js';
export { MAX_MARKDOWN_BYTES, isCheapMarkdown, parseMarkdown } from './io/markdown.js';
export type { ParseMarkdownOptions } from './io/markdown.js';
export {
  MAX_ID_LENGTH, QUESTION_DOCUMENT_KEYS, collapseWhitespace, normalizePreamble, normalizeQuestionDocument, questionDocumentId,
  readQuestionDocument, readQuestionDocumentFile, renderQuestionDocument, slugify,
} from './parse/question-document.js';
export type { QuestionDocumentFile } from './parse/question-document.js';
export { isQuestionDocumentText, loadQuestionDocument, loadQuestionSource } from './parse/load.js';
export type { LoadOptions } from './parse/load.js';
export {
  DEFAULT_SCORING, INDEX_DIR, MemoryIndexStore, analyzeText, buildQuery, evaluate, indexPath, linkQuestionDocument, linkerRanker,
  normalizeForMatch, openIndex, parseGold, rank, readIndex, searchIndex, searchTerms, splitCompound, stem, syncIndex, tokenize, unreachableGold, writeIndex,
  defaultSynonyms, loadSynonyms, parseSynonyms, SYNONYM_FILE,
} from './link/index.js';
export type {
  AnalyzedPassage, CorpusContent, CorpusReader, EvalReport, FileEntry, GoldFile, GoldQuery, GoldQuestion, IndexStats, IndexStore, LinkOptions, LinkResult,
  LinkedPassage, LinkerRankerOptions, Metrics, OpenedIndex, QueryTerm, QuestionLinks, RankOptions, Ranker, ScoringParams, SyncReport,
  QueryOptions, SynonymProblem, SynonymSet,
} from './link/index.js';
export {
  ANSWER_PLACEHOLDER, ANSWER_STATUSES, MAX_ANSWER_FILE_BYTES, answerState, headingKey, readAnswerDocument,
} from './answers/answer-document.js';
export type { AnswerLayout, AnswerState, LayoutBlock, MemoPart, ReadAnswerResult, SectionBlock, VervallenBlock } from './answers/answer-document.js';
export { answerPointer } from './answers/answer-pointer.js';
export { PATH_SEPARATOR, citationOf, formatCitation, parseCitation, shortQuote } from './answers/citation.js';
export { matchSections, questionSimilarity, questionWords } from './answers/match-sections.js';
export type { MatchKind, MatchResult, SectionMatch } from './answers/match-sections.js';
export { mergeMemoParts } from './answers/merge-parts.js';
export type { MergeNote } from './answers/merge-parts.js';
export { readAnsweredMemo } from './answers/read-memo.js';
export type { AnsweredMemo, MemoAnswer, MemoPartText, ReadMemoOptions } from './answers/read-memo.js';
export {
  Markdown, escapeInline as escapeMarkdownInline, escapeParagraphs as escapeMarkdownParagraphs, escapeQuote as escapeMarkdownQuote,
} from './render/markdown-escape.js';
export { datum, helpers as templateHelpers, joinNames } from './render/helpers.js';
export { BUNDLED_TEMPLATES_DIR, DEFAULT_TEMPLATE, loadTemplate, resolveTemplate, templateName } from './render/templates.js';
export type { CompiledTemplate, TemplateLocation } from './render/templates.js';
export { afzender, buildMemoView } from './render/view.js';
export type { MemoSettings, MemoView, QuestionView, ViewAnswer, ViewInput } from './render/view.js';
export { draftAnswerDocument } from './render/draft.js';
export type { DraftOptions, DraftResult } from './render/draft.js';
export { memoToHtml } from './render/to-html.js';
export { memoToDocx } from './render/to-docx.js';
export {
  CORPUS_DATE, MAX_CORPUS_FILE_BYTES, PASSAGE_MAX_WORDS, PASSAGE_MIN_WORDS, adoptMarkdownDocument, answerPassages, convertPolicyDocument, convertPolicySource,
  convertPolicyFile, corpusSlug, countWords, loadCorpus, normalizeForId, normalizeHeadingPath, sentenceSpans, splitPassages, splitSentences,
} from './corpus/index.js';
export type {
  AnswerPassageOptions, ConvertOptions, ConvertResult, CorpusFile, KnownFile, LoadCorpusOptions, LoadedCorpus, RemovedLine, SplitOptions,
} from './corpus/index.js';
