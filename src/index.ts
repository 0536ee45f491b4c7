/**
 * The public library of `answer`. The CLI uses what this module exports and nothing else, so it
 * can only do what a library user can (`answer check` and the context all commands share import
 * those names from their own modules: this one also loads the letter parser and the readers):
 * - `openWorkspace` and `initWorkspace`: the operations a person does in a workspace (import
 *   letters, add policy, link, search, draft, import answers, record, check, status, restore),
 *   each returning data;
 * - the pure stage functions, for use without a workspace: read a document, parse a letter,
 *   read and write question and answer documents, convert policy text, draft and export a memo;
 * - the model types, the errors and the exit codes.
 * Importing this module loads no reader, writer or index code: the heavy stages are loaded by
 * the functions that need them (`readSource`, `memoToDocx`, the workspace's operations).
 */
export * from './model.js';
export { EXIT, InputError, UsageError, formatErrorLine, isUserError } from './errors.js';
export type { ErrorLocation } from './errors.js';

// The workspace and its operations.
export { Workspace, openWorkspace } from './workspace/workspace.js';
export type { ProgressEvent, WorkspaceOptions } from './workspace/workspace.js';
export { initWorkspace } from './workspace/init.js';
export type { InitOptions, InitReport } from './workspace/init.js';
export type { FileWrite } from './workspace/files.js';
export type { LetterRef } from './workspace/letters.js';
export type { ImportLettersOptions, ImportLettersReport, ImportedLetter } from './workspace/import-letters.js';
export type { AddPolicyOptions, AddPolicyReport, AddedPolicy } from './workspace/add-policy.js';
export { parseTop } from './workspace/top.js';
export type { LinkOptions, LinkReport, SearchReport } from './workspace/link.js';
export type { EvaluateReport } from './workspace/evaluate.js';
export type { DraftFormat, DraftOptions, DraftReport } from './workspace/draft.js';
export type { ImportAnswersOptions, ImportAnswersReport } from './workspace/import-answers.js';
export type { RecordChanges, RecordReport } from './workspace/record.js';
export type { RestoreReport } from './workspace/restore.js';
export type { CheckOptions, CheckReport, StatusOptions, StatusReport } from './workspace/check.js';
export type { CheckedDocument } from './check/report.js';
export type { AnswerFigures, StatusRow } from './check/status.js';
export { CHECK_CODES, CHECK_PROBLEMS, checkProblemsTable } from './check/codes.js';
export type { CheckCode, CheckProblem } from './check/codes.js';

// Configuration.
export { CONFIG_FILE, defaultConfig, loadConfig, parseConfig } from './config/config.js';
export type { AnswerConfig, QuestionKind } from './config/config.js';

// The pure stages.
export { DEFAULT_READ_LIMITS, readSource, readSourceFile } from './read/read-source.js';
export type { ReadOptions, SourceFormat, SourceText } from './read/read-source.js';
export { parseQuestionDocument } from './parse/parse-letter.js';
export type { ParseOptions } from './parse/parse-letter.js';
export { readAnswerDocument, readQuestionDocument, renderQuestionDocument } from './stages.js';
export { computeDeadline } from './documents/deadline.js';
export { convertPolicyDocument, draftAnswerDocument, linkQuestionDocument, memoToDocx, memoToHtml, readAnsweredMemo, splitPassages } from './stages.js';
export type { ConvertOptions, ConvertResult } from './corpus/convert-policy.js';
export type { LinkResult, QuestionLinks } from './link/link-questions.js';
export type { LinkedPassage } from './link/rank.js';
export type { IndexStore } from './link/index-store.js';
export type { EvalReport } from './link/evaluate.js';
export type { DraftOptions as DraftDocumentOptions, DraftResult } from './render/draft.js';
export type { QueryOptions, SynonymProblem, SynonymSet } from './link/index.js';
export type { MergeNote } from './answers/merge-parts.js';
export type { AnsweredMemo } from './answers/read-memo.js';
