/**
 * The files of a workspace as `check` and `status` go through them: one question document at a
 * time with its answer document, so that memory holds one pair and the report, not the workspace
 * (10,000 letters took 1.1 GB, four times their size, when every file was read first).
 *
 * Only the front matter of the answer documents is read up front (their first kilobytes), to know
 * which question document each one answers; every document is read in full once, when its pair
 * is checked. A file that cannot be read or parsed becomes problems of that file and the rest goes
 * on; only the workspace itself being unusable throws (an `InputError`: the CLI exits 2).
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadConfig, type AnswerConfig } from '../config/config.js';
import { ANSWER_STATUSES, readAnswerDocument } from '../documents/answer-document.js';
import { applyDeadline, deadlineMismatch } from '../documents/deadline.js';
import { parseFrontMatter } from '../documents/front-matter.js';
import { readQuestionDocumentFile } from '../documents/question-document.js';
import { readDocumentFile } from '../documents/read-file.js';
import { InputError } from '../errors.js';
import type { AnswerDocument, Problem, QuestionDocument } from '../model.js';
import { type CheckCode, CHECK_PROBLEMS, type CheckProblem, problem } from './codes.js';

/** A question document as the check sees it: read, or the problems that kept it from being read. */
export interface LoadedQuestion {
  path: string;
  /** Workspace-relative path, forward slashes. */
  file: string;
  /** The id: front matter `id`, else the file name without `.md`. */
  id: string;
  /** Null when the file could not be read; `problems` says why. */
  doc: QuestionDocument | null;
  keyLines: Record<string, number>;
  problems: CheckProblem[];
}

/** An answer document's file. */
export interface AnswerFile {
  path: string;
  /** Workspace-relative path, forward slashes. */
  file: string;
}

/** An answer document's front matter, read to pair it with its question document. */
export interface AnswerHead extends AnswerFile {
  /** The question document it names (front matter `question`, else the file name). */
  questionId: string;
  /** Whether the id came from the front matter (rather than the file name). */
  named: boolean;
  /** Line of the `question` key, when there is one. */
  questionLine: number | null;
}

export interface LoadedAnswer extends AnswerHead {
  /** Whether the front matter gives a valid status (the reader falls back to `concept` when not). */
  statusKnown: boolean;
  doc: AnswerDocument | null;
  keyLines: Record<string, number>;
  /** The file's text (empty when it could not be read). */
  text: string;
  problems: CheckProblem[];
}

export interface WorkspaceFiles {
  dir: string;
  config: AnswerConfig;
  /** Question documents to check, sorted by path; with `paths`, the ones given. */
  questionPaths: string[];
  /**
   * Other question documents that are checked only when their id is one of these (the question
   * documents of the answer documents given as paths), sorted by path.
   */
  byAnswer: { paths: string[]; ids: Set<string> } | null;
  /** Every answer document, sorted by path. */
  answers: AnswerFile[];
  /** Answer files given as paths (workspace-relative): their orphan status is reported too. */
  selectedAnswers: Set<string> | null;
}

export interface ListOptions {
  /** Files or folders to check (relative to the workspace or absolute); default: all questions. */
  paths?: string[];
}

/** Find the question and answer documents of a workspace. */
export async function listWorkspace(workspaceDir: string, options: ListOptions = {}): Promise<WorkspaceFiles> {
  const dir = resolve(workspaceDir);
  await requireDirectory(dir, dir);
  const config = await loadConfig(dir);
  const questionsDir = resolve(dir, config.questions);
  const answersDir = resolve(dir, config.answers);

  let questionPaths: string[];
  let selectedAnswers: Set<string> | null = null;
  if (options.paths && options.paths.length > 0) {
    questionPaths = [];
    selectedAnswers = new Set();
    for (const given of options.paths) {
      const abs = resolve(dir, given);
      const info = await stat(abs).catch((error: NodeJS.ErrnoException) => {
        throw new InputError(error.code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${error.message}`, { file: given });
      });
      const files = info.isDirectory() ? await markdownFiles(abs, dir) : [abs];
      for (const file of files) {
        if (isInside(file, answersDir)) selectedAnswers.add(display(dir, file));
        else questionPaths.push(file);
      }
    }
  } else {
    questionPaths = await markdownFiles(questionsDir, dir);
  }
  questionPaths = [...new Set(questionPaths)].sort();
  const answers = (await markdownFiles(answersDir, dir)).sort().map((path) => ({ path, file: display(dir, path) }));

  // Answer files given as paths select the question documents they answer.
  let byAnswer: WorkspaceFiles['byAnswer'] = null;
  if (selectedAnswers && selectedAnswers.size > 0) {
    const ids = new Set(answers.filter((a) => selectedAnswers!.has(a.file)).map((a) => readAnswerHead(a).questionId));
    const given = new Set(questionPaths);
    byAnswer = { paths: (await markdownFiles(questionsDir, dir)).filter((path) => !given.has(path)).sort(), ids };
  }
  return { dir, config, questionPaths, byAnswer, answers, selectedAnswers };
}

/**
 * Read and check the front matter of a question document, and read its questions. Never throws:
 * even a failure of our own (a bug, a stack overflow on a crafted file) is a problem of this file,
 * and the other files are still checked.
 */
export function loadQuestion(path: string, file: string, config: AnswerConfig): LoadedQuestion {
  const stem = basename(path).replace(/\.md$/i, '');
  try {
    return readQuestion(path, file, config, stem);
  } catch (error) {
    return { path, file, id: stem, doc: null, keyLines: {}, problems: [failure(error, file)] };
  }
}

/** A failure while reading a file as a `schema` problem naming the file. */
export function failure(error: unknown, file: string): CheckProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return problem('schema', 'error', sentence(`The file could not be read as a document (${reason.split('\n')[0]!.slice(0, 200)})`), { file, line: error instanceof InputError ? error.line : null });
}

function readQuestion(path: string, file: string, config: AnswerConfig, stem: string): LoadedQuestion {
  const loaded: LoadedQuestion = { path, file, id: stem, doc: null, keyLines: {}, problems: [] };
  const read = readDocumentFile(path, { file });
  loaded.problems.push(...read.problems.map(checkProblem));
  if (read.text === null) return loaded;
  const result = readQuestionDocumentFile(read.text, { file, kinds: Object.keys(config.kinds), strictId: true });
  loaded.keyLines = result.keyLines;
  loaded.problems.push(...result.problems.map(checkProblem));
  const document = result.document;
  loaded.id = document.id ?? rawId(read.text) ?? stem;
  loaded.doc = applyDeadline(document, config);
  // A receipt date written wrong is unknown: the letter's date does not stand in, no deadline is guessed.
  if (result.invalid.includes('received')) loaded.doc = { ...loaded.doc, received: null, deadline: document.uitstel?.until ?? null };
  const mismatch = deadlineMismatch({ ...document, id: loaded.id }, loaded.doc.deadline ?? null);
  if (mismatch) loaded.problems.push(problem('schema', 'warning', sentence(mismatch), { file, line: result.keyLines.deadline ?? 1 }));
  if (document.questions.length === 0) {
    loaded.problems.push(problem('schema', 'error', "The question document has no questions: each question needs a heading 'Vraag N'.", { file, line: result.bodyStartLine }));
  }
  return loaded;
}

/** An `id` written but not valid as one still pairs the document with its answer. */
function rawId(text: string): string | null {
  const id = parseFrontMatter(text).data.id;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : null;
}

/** Read an answer document's front matter (its first kilobytes) for the id it names. */
export function readAnswerHead({ path, file }: AnswerFile): AnswerHead {
  const head: AnswerHead = { path, file, questionId: basename(path).replace(/\.md$/i, ''), named: false, questionLine: null };
  try {
    readHead(head);
  } catch {
    // The full read, when the pair is checked, reports what is wrong with the file.
  }
  return head;
}

function readHead(head: AnswerHead): void {
  const { path, file } = head;
  let read = readDocumentFile(path, { file, headBytes: HEAD_BYTES });
  let fm = read.text === null ? null : parseFrontMatter(read.text, file);
  // A front matter longer than the head, or not UTF-8: read the whole file.
  if (fm && fm.present && fm.problems.length > 0) {
    read = readDocumentFile(path, { file });
    fm = read.text === null ? null : parseFrontMatter(read.text, file);
  }
  const question = fm?.problems.length === 0 ? fm.data.question : undefined;
  if (typeof question === 'string' && question.trim() !== '') {
    head.questionId = question.trim();
    head.named = true;
    head.questionLine = fm!.keyLines.question ?? null;
  }
}

/** An answer document's front matter fits in its first 4 kB (ours are some 150 bytes). */
const HEAD_BYTES = 4096;

/** Read an answer document in full. Never throws (see `loadQuestion`). */
export function loadAnswer(answer: AnswerFile): LoadedAnswer {
  const head: AnswerHead = { path: answer.path, file: answer.file, questionId: basename(answer.path).replace(/\.md$/i, ''), named: false, questionLine: null };
  try {
    return readAnswer(head);
  } catch (error) {
    return { ...head, statusKnown: false, doc: null, keyLines: {}, text: '', problems: [failure(error, head.file)] };
  }
}

function readAnswer(head: AnswerHead): LoadedAnswer {
  const loaded: LoadedAnswer = { ...head, statusKnown: false, doc: null, keyLines: {}, text: '', problems: [] };
  const read = readDocumentFile(head.path, { file: head.file });
  loaded.problems.push(...read.problems.map(checkProblem));
  if (read.text === null) return loaded;
  loaded.text = read.text;
  // The rules read a citation's passage id and document, and the rest only of a stale one.
  const { doc, problems, layout } = readAnswerDocument(read.text, head.file, { citations: 'lazy' });
  loaded.doc = doc;
  loaded.keyLines = layout.keyLines;
  // The question document it answers, as `readAnswerHead` reads it.
  if (doc.question) {
    loaded.questionId = doc.question;
    loaded.named = true;
    loaded.questionLine = layout.keyLines.question ?? null;
  }
  const status = layout.data.status;
  loaded.statusKnown = typeof status === 'string' && (ANSWER_STATUSES as readonly string[]).includes(status.trim());
  loaded.problems.push(...problems.map(checkProblem));
  return loaded;
}

/** A reader's problem as a check problem: a known code (else `schema`), the message as a sentence. */
function checkProblem(p: Problem): CheckProblem {
  const code: CheckCode = p.code in CHECK_PROBLEMS ? (p.code as CheckCode) : 'schema';
  return problem(code, p.severity, sentence(p.message), { file: p.file, line: p.line, question: p.question ?? null });
}

/** Every `*.md` file under `dir`, recursively, skipping dot-files and dot-folders; none when `dir` is absent. */
export async function markdownFiles(dir: string, workspace: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new InputError('is a file, but the workspace needs a folder here', { file: display(workspace, dir) });
    throw new InputError(`cannot read the folder: ${(error as Error).message}`, { file: display(workspace, dir) });
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    // Symbolic links to folders are not followed: a link loop must not hang the check. Anything
    // else named *.md is listed (a link, a pipe, a device): reading it opens only a regular file
    // (read-file.ts), and what is not one is reported rather than passed over.
    if (entry.isDirectory()) files.push(...(await markdownFiles(path, workspace)));
    else if (/\.md$/i.test(entry.name)) files.push(path);
  }
  return files;
}

async function requireDirectory(path: string, workspace: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOENT' ? 'the workspace folder does not exist' : `cannot read the workspace: ${error.message}`, { file: path });
  });
  if (!info.isDirectory()) throw new InputError('the workspace must be a folder', { file: display(workspace, path) });
}

/** Workspace-relative path with forward slashes, as every report shows it. */
export function display(workspace: string, path: string): string {
  // A normalised path inside the workspace is its tail: `relative` resolves both paths again, and
  // took 10 ms for bench/check.ts's 2,000 files in a new process (the tail: 0.1 ms).
  const inside = path.length > workspace.length + 1 && path.startsWith(workspace) && path.charAt(workspace.length) === sep && isAbsolute(workspace);
  const rel = inside && !path.includes(`${sep}.`) && !path.includes(`${sep}${sep}`) ? path.slice(workspace.length + 1) : relative(workspace, path);
  return rel === '' ? '.' : sep === '/' ? rel : rel.split(sep).join('/');
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** A reader's message as a sentence: capital first letter, final stop. */
export function sentence(message: string): string {
  const text = message.trim();
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
