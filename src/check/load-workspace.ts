import type { Dirent } from 'node:fs';
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ANSWER_STATUSES, readAnswerDocument } from '../documents/answer-document.js';
import { loadConfig, type AnswerConfig } from '../config/config.js';
import { InputError } from '../errors.js';
import { readFrontMatter } from '../documents/front-matter.js';
import type { AnswerDocument, QuestionDocument } from '../model.js';
import { applyDeadline } from '../documents/deadline.js';
import { readQuestionDocumentFile } from '../documents/question-document.js';
import { type CheckCode, CHECK_PROBLEMS, type CheckProblem, problem } from './codes.js';
import { fastAnswerDocument, fastQuestionDocument } from '../documents/scan.js';
import { checkQuestionFrontMatter } from '../documents/question-schema.js';

/** A question document as the check sees it: read, or the problems that kept it from being read. */
export interface LoadedQuestion {
  /** Workspace-relative path, forward slashes. */
  file: string;
  /** The id: front matter `id`, else the file name without `.md`. */
  id: string;
  /** Null when the file could not be read; `problems` says why. */
  doc: QuestionDocument | null;
  keyLines: Record<string, number>;
  problems: CheckProblem[];
}

export interface LoadedAnswer {
  file: string;
  /** The question document it names (front matter `question`, else the file name). */
  questionId: string;
  /** Whether the id came from the front matter (rather than the file name). */
  named: boolean;
  /** Whether the front matter gives a valid status (the reader falls back to `concept` when not). */
  statusKnown: boolean;
  doc: AnswerDocument | null;
  keyLines: Record<string, number>;
  /** The file's text (empty when it could not be read). */
  text: string;
  problems: CheckProblem[];
}

export interface LoadedWorkspace {
  dir: string;
  config: AnswerConfig;
  questions: LoadedQuestion[];
  answers: LoadedAnswer[];
  /** Answer files given as paths (workspace-relative): their orphan status is reported too. */
  selectedAnswers: Set<string> | null;
}

export interface LoadOptions {
  /** Files or folders to check (relative to the workspace or absolute); default: all questions. */
  paths?: string[];
}

/**
 * Find and read the question and answer documents of a workspace. Only the workspace itself
 * being unusable throws (an `InputError`: the CLI exits 2); a file that cannot be read or parsed
 * becomes a problem of that file and the rest goes on.
 */
export async function loadWorkspace(workspaceDir: string, options: LoadOptions = {}): Promise<LoadedWorkspace> {
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
  const answerPaths = await markdownFiles(answersDir, dir);

  const kinds = Object.keys(config.kinds);
  const questions = [...new Set(questionPaths)].sort().map((path) => loadQuestion(path, display(dir, path), config, kinds));
  const answers = answerPaths.sort().map((path) => loadAnswer(path, display(dir, path)));

  // Answer files given as paths select the question documents they answer.
  if (selectedAnswers && selectedAnswers.size > 0) {
    const wanted = new Set(answers.filter((a) => selectedAnswers!.has(a.file)).map((a) => a.questionId));
    const have = new Set(questions.map((q) => q.file));
    const all = await markdownFiles(questionsDir, dir);
    const extra = all.filter((path) => !have.has(display(dir, path))).map((path) => loadQuestion(path, display(dir, path), config, kinds));
    questions.push(...extra.filter((q) => wanted.has(q.id)));
    questions.sort((a, b) => a.file.localeCompare(b.file));
  }
  return { dir, config, questions, answers, selectedAnswers };
}

function loadQuestion(path: string, file: string, config: AnswerConfig, kinds: string[]): LoadedQuestion {
  const stem = basename(path).replace(/\.md$/i, '');
  const loaded: LoadedQuestion = { file, id: stem, doc: null, keyLines: {}, problems: [] };
  const text = readText(path, file, loaded.problems);
  if (text === null) return loaded;
  const fast = fastQuestionDocument(text);
  if (fast) {
    const fm = fast.frontMatter;
    loaded.keyLines = fm.keyLines;
    if (typeof fm.data.id === 'string' && fm.data.id.trim() !== '') loaded.id = fm.data.id.trim();
    loaded.problems.push(...checkQuestionFrontMatter(fm, file, { kinds }));
    loaded.doc = applyDeadline(fast.document, config);
    if (loaded.doc.questions.length === 0) loaded.problems.push(noQuestions(file, fm.bodyStartLine));
    return loaded;
  }
  try {
    const fm = readFrontMatter(text, file);
    loaded.keyLines = fm.keyLines;
    if (typeof fm.data.id === 'string' && fm.data.id.trim() !== '') loaded.id = fm.data.id.trim();
    loaded.problems.push(...checkQuestionFrontMatter(fm, file, { kinds }));
    const read = readQuestionDocumentFile(text, file);
    loaded.doc = applyDeadline(read.document, config);
    if (loaded.doc.questions.length === 0) loaded.problems.push(noQuestions(file, read.bodyStartLine));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The reader stops at the first bad field; the schema rule above has usually reported it
    // already, with the same line, and more besides.
    if (!loaded.problems.some((p) => p.line === error.line)) {
      loaded.problems.push(problem('schema', 'error', sentence(error.message), { file, line: error.line }));
    }
  }
  return loaded;
}

function noQuestions(file: string, line: number): CheckProblem {
  return problem('schema', 'error', "The question document has no questions: each question needs a heading 'Vraag N'.", { file, line });
}

function loadAnswer(path: string, file: string): LoadedAnswer {
  const stem = basename(path).replace(/\.md$/i, '');
  const loaded: LoadedAnswer = { file, questionId: stem, named: false, statusKnown: false, doc: null, keyLines: {}, text: '', problems: [] };
  const text = readText(path, file, loaded.problems);
  if (text === null) return loaded;
  loaded.text = text;
  const fast = fastAnswerDocument(text);
  if (fast) {
    loaded.doc = fast.document;
    loaded.keyLines = fast.frontMatter.keyLines;
    loaded.questionId = fast.document.question;
    loaded.named = true;
    loaded.statusKnown = true;
    return loaded;
  }
  const { doc, problems, layout } = readAnswerDocument(text, file);
  loaded.doc = doc;
  loaded.keyLines = layout.keyLines;
  const status = layout.data.status;
  loaded.statusKnown = typeof status === 'string' && (ANSWER_STATUSES as readonly string[]).includes(status.trim());
  if (doc.question) {
    loaded.questionId = doc.question;
    loaded.named = true;
  }
  for (const p of problems) {
    const code: CheckCode = p.code in CHECK_PROBLEMS ? (p.code as CheckCode) : 'schema';
    loaded.problems.push(problem(code, p.severity, sentence(p.message), { file, line: p.line, question: p.question ?? null }));
  }
  return loaded;
}

/**
 * Read a file as UTF-8 text; an unreadable or non-text file becomes a `schema` problem.
 * Synchronous on purpose: for the 2,000 small files of bench/check.ts `readFileSync` takes 20-35 ms where promise-based
 * `readFile` (64 at a time) takes 100-150 ms: open, fstat, read and close are separate round trips.
 */
export function readText(path: string, file: string, problems: CheckProblem[]): string | null {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    problems.push(problem('schema', 'error', `The file cannot be read: ${(error as Error).message}`, { file, line: null }));
    return null;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    if (text.includes('\0')) throw new Error('binary');
    return text;
  } catch {
    problems.push(problem('schema', 'error', 'The file is not UTF-8 text; a question or answer document is markdown.', { file, line: null }));
    return null;
  }
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
    // Symbolic links to folders are not followed: a link loop must not hang the check.
    if (entry.isDirectory()) files.push(...(await markdownFiles(path, workspace)));
    else if ((entry.isFile() || entry.isSymbolicLink()) && /\.md$/i.test(entry.name)) files.push(path);
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
  const rel = relative(workspace, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** A reader's message as a sentence: capital first letter, final stop. */
function sentence(message: string): string {
  const text = message.trim();
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
