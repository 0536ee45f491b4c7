/**
 * Read the corpus of a workspace: every `*.md` in the corpus folders, and the answered memos in
 * `answers/`. One bad file (broken front matter, empty, binary, too large) is reported as a
 * Problem and skipped; it never stops the others.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { readAnswerDocument } from '../answers/answer-document.js';
import type { Passage, Problem } from '../model.js';
import { answerPassages } from './answer-passages.js';
import { splitPassages } from './split-passages.js';

/**
 * The largest corpus file read. The largest seed (the 2005 beleidsnota, 70 pages) converts to
 * 0.4 MB of markdown; a file 25 times that is not a policy document but a mistake.
 */
export const MAX_CORPUS_FILE_BYTES = 10 * 1024 * 1024;

export interface LoadCorpusOptions {
  /** Corpus folders, relative to the workspace. Default `['corpus']`. */
  folders?: string[];
  /** Folder of answer documents whose answers are corpus too; `null` leaves them out. Default `'answers'`. */
  answers?: string | null;
}

export interface CorpusFile {
  /** Workspace-relative path with `/` separators, as in `Passage.file`. */
  file: string;
  /** sha256 of the file's bytes, hex. */
  hash: string;
}

export interface LoadedCorpus {
  passages: Passage[];
  problems: Problem[];
  /** Every corpus file that could be read, with its content hash (for incremental indexing). */
  files: CorpusFile[];
}

function problem(code: string, message: string, file: string, line: number | null = null, severity: Problem['severity'] = 'error'): Problem {
  return { code, severity, message, file, line };
}

async function markdownFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if ((entry.isFile() || entry.isSymbolicLink()) && /\.md$/i.test(entry.name)) out.push(path);
    }
  };
  await walk(folder);
  return out;
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Read one file as UTF-8 text, or say why it cannot be used. */
async function readText(path: string, file: string): Promise<{ text: string; hash: string } | Problem> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    return problem('corpus/unreadable', `cannot read the file (${code(error) ?? 'error'})`, file);
  }
  if (!info.isFile()) return problem('corpus/unreadable', 'not a regular file', file);
  if (info.size > MAX_CORPUS_FILE_BYTES) {
    return problem('corpus/too-large', `file is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_CORPUS_FILE_BYTES / 1024 / 1024} MB limit for a corpus document; skipped`, file);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return problem('corpus/unreadable', `cannot read the file (${code(error) ?? 'error'})`, file);
  }
  if (bytes.subarray(0, 8192).includes(0)) return problem('corpus/binary', 'binary file (it holds NUL bytes), not markdown; skipped', file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problem('corpus/binary', 'not UTF-8 text; skipped (save it as UTF-8 markdown)', file);
  }
  if (text.replace(/^\ufeff/, '').trim() === '') return problem('corpus/empty', 'empty file; skipped', file);
  return { text, hash: createHash('sha256').update(bytes).digest('hex') };
}

function slugOf(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/i, '');
}

/** Load every corpus document (and answered memo) of a workspace as passages. */
export async function loadCorpus(workspaceDir: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const folders = options.folders ?? ['corpus'];
  const answers = options.answers === undefined ? 'answers' : options.answers;
  const result: LoadedCorpus = { passages: [], problems: [], files: [] };
  const docs = new Map<string, string>();

  const filesIn = async (folder: string, required: boolean): Promise<string[]> => {
    try {
      return await markdownFiles(join(workspaceDir, folder));
    } catch (error) {
      if (required || code(error) !== 'ENOENT') {
        result.problems.push(problem('corpus/no-folder', `no corpus folder "${folder}" (${code(error) ?? 'error'})`, folder, null, 'warning'));
      }
      return [];
    }
  };
  const relativePath = (path: string): string => relative(workspaceDir, path).split(sep).join('/');

  for (const folder of folders) {
    for (const path of await filesIn(folder, true)) {
      const file = relativePath(path);
      const read = await readText(path, file);
      if ('code' in read) {
        result.problems.push(read);
        continue;
      }
      const doc = slugOf(file);
      const clash = docs.get(doc);
      if (clash) {
        result.problems.push(problem('corpus/duplicate-doc', `same document name as ${clash}: passages of both are kept, but their citations look alike`, file, null, 'warning'));
      } else docs.set(doc, file);
      result.files.push({ file, hash: read.hash });
      const split = splitPassages(read.text, { file, doc });
      result.problems.push(...split.problems);
      result.passages.push(...split.passages);
    }
  }

  if (answers !== null) {
    for (const path of await filesIn(answers, false)) {
      const file = relativePath(path);
      const read = await readText(path, file);
      if ('code' in read) {
        result.problems.push(read);
        continue;
      }
      const { doc: answerDoc, problems } = readAnswerDocument(read.text, file);
      // An answer file with broken front matter is the check's business; here it is only skipped.
      if (problems.some((p) => p.severity === 'error') && answerDoc.question === '') {
        result.problems.push(problem('corpus/answer-unreadable', 'answer document without a readable "question:" id; its answers are not used as sources', file, 1, 'warning'));
        continue;
      }
      result.files.push({ file, hash: read.hash });
      result.passages.push(...answerPassages(answerDoc, file, { text: read.text }));
    }
  }
  return result;
}
