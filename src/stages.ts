/**
 * The pure stage functions of the library, each loading its stage when first called: importing
 * the library costs no markdown parser, template engine, index or Word writer. Every function
 * here is the stage's own function, made asynchronous by the load.
 */
import type { AnsweredMemo, ReadMemoOptions } from './answers/read-memo.js';
import type { ConvertOptions, ConvertResult } from './corpus/convert-policy.js';
import type { SplitOptions } from './corpus/split-passages.js';
import type { IndexStore } from './link/index-store.js';
import type { LinkOptions, LinkResult } from './link/link-questions.js';
import type { ReadAnswerResult } from './documents/answer-document.js';
import type { Passage, Problem, QuestionDocument } from './model.js';
import type { DraftOptions, DraftResult } from './render/draft.js';

/** Convert the plain text of a policy document into a corpus markdown document. */
export async function convertPolicyDocument(text: string, options: ConvertOptions = {}): Promise<ConvertResult> {
  return (await import('./corpus/convert-policy.js')).convertPolicyDocument(text, options);
}

/** The passages of a corpus markdown document. */
export async function splitPassages(text: string, options: SplitOptions): Promise<{ passages: Passage[]; problems: Problem[] }> {
  return (await import('./corpus/split-passages.js')).splitPassages(text, options);
}

/** Link every question of a question document to the passages of an index that may answer it. */
export async function linkQuestionDocument(store: IndexStore, doc: QuestionDocument, options: LinkOptions = {}): Promise<LinkResult> {
  return (await import('./link/link-questions.js')).linkQuestionDocument(store, doc, options);
}

/** Draft (or redraft, merging an existing file) the answer document of a letter. */
export async function draftAnswerDocument(options: DraftOptions): Promise<DraftResult> {
  return (await import('./render/draft.js')).draftAnswerDocument(options);
}

/** An answer document as a Word file. */
export async function memoToDocx(markdown: string, options: { title?: string | null } = {}): Promise<Uint8Array> {
  return (await import('./render/to-docx.js')).memoToDocx(markdown, options);
}

/** An answer document as a web page. */
export async function memoToHtml(markdown: string, options: { title?: string | null } = {}): Promise<string> {
  return (await import('./render/to-html.js')).memoToHtml(markdown, options);
}

/** The answers of an answered memo (the text of a PDF, DOCX or text file), one per question. */
export async function readAnsweredMemo(text: string, options: ReadMemoOptions = {}): Promise<AnsweredMemo> {
  return (await import('./answers/read-memo.js')).readAnsweredMemo(text, options);
}

/** Read a question document `questions/<id>.md` (front matter and markdown body). */
export async function readQuestionDocument(text: string, file: string | null = null): Promise<QuestionDocument> {
  return (await import('./documents/question-document.js')).readQuestionDocument(text, file);
}

/** Write a question document as markdown with YAML front matter. */
export async function renderQuestionDocument(doc: QuestionDocument): Promise<string> {
  return (await import('./documents/question-document.js')).renderQuestionDocument(doc);
}

/** Read an answer document `answers/<id>.md`: its answers, and the problems found (never throws for content). */
export async function readAnswerDocument(text: string, file: string | null = null): Promise<ReadAnswerResult> {
  return (await import('./documents/answer-document.js')).readAnswerDocument(text, file);
}
