/**
 * Read the corpus of a workspace: every `*.md` in the corpus folders, and the answered memos in
 * `answers/`. One bad file (broken front matter, empty, binary, too large) is reported as a
 * Problem and skipped; it never stops the others.
 *
 * Every file is read and hashed on every run, but only a file whose hash the index does not know
 * (`known`) is parsed: parsing is what costs (remark-parse reads about 1 MB/s; the 100× synthetic
 * workspace of bench/cli.ts holds 40 MB of markdown), hashing is cheap. What parsing reported about a file is kept
 * with its hash, so a known file's problems are reported again without parsing it. The parsers
 * (and their markdown and YAML libraries) are imported only when a file is to be parsed: a run
 * whose files are all known loads none of them (bench/cli.ts, warm).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Passage, Problem } from '../model.js';
import type { SplitOptions } from './pack-passages.js';
import { pushAll } from '../arrays.js';

export { MAX_CORPUS_FILE_BYTES, PASSAGES_VERSION } from './passages-version.js';
import { MAX_CORPUS_FILE_BYTES } from './passages-version.js';

/** A corpus file as read before: its content hash, and the problems parsing it reported. */
export interface KnownFile {
  hash: string;
  problems?: readonly Problem[];
}

export interface LoadCorpusOptions {
  /** Corpus folders, relative to the workspace. Default `['corpus']`. */
  folders?: string[];
  /** Folder of answer documents whose answers are corpus too; `null` leaves them out. Default `'answers'`. */
  answers?: string | null;
  /**
   * The files already read, as the index records them (`IndexStore.files()`): a file whose
   * content hash is the same is not parsed again. Its problems are given back as recorded and its
   * passages left out of `passages` (the index holds them).
   */
  known?: ReadonlyMap<string, KnownFile>;
  /** Called after each file is read (and parsed when new), for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

export interface CorpusFile {
  /** Workspace-relative path with `/` separators, as in `Passage.file`. */
  file: string;
  /** sha256 of the file's bytes, hex. */
  hash: string;
  /** What parsing the file's content reported (broken front matter, no title); kept with the hash. */
  problems: Problem[];
  /** False when the file was in `known` with this hash and not parsed again: none of its passages are in `passages`. */
  parsed: boolean;
}

export interface LoadedCorpus {
  /** The passages of the files parsed (every file, without `known`). */
  passages: Passage[];
  /** Every problem, in file order: of files that could not be read, and of every file's content. */
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

/**
 * Read one file and hash its bytes, or say why it cannot be used. Synchronously: each file is
 * parsed or hashed as soon as it is read, so nothing could run meanwhile, and through fs/promises
 * a file was a stat, an open, a stat, reads and a close, each a trip to the thread pool that the
 * main thread waited for.
 */
function readBytes(path: string, file: string): { bytes: Buffer; hash: string } | Problem {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    return problem('corpus/unreadable', `cannot read the file (${code(error) ?? 'error'})`, file);
  }
  if (!info.isFile()) return problem('corpus/unreadable', 'not a regular file', file);
  if (info.size > MAX_CORPUS_FILE_BYTES) {
    return problem('corpus/too-large', `file is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_CORPUS_FILE_BYTES / 1024 / 1024} MB limit for a corpus document; skipped`, file);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return problem('corpus/unreadable', `cannot read the file (${code(error) ?? 'error'})`, file);
  }
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex') };
}

/** The bytes as UTF-8 text, or why they are not markdown. */
function decodeText(bytes: Buffer, file: string): string | Problem {
  if (bytes.subarray(0, 8192).includes(0)) return problem('corpus/binary', 'binary file (it holds NUL bytes), not markdown; skipped', file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problem('corpus/binary', 'not UTF-8 text; skipped (save it as UTF-8 markdown)', file);
  }
  if (text.replace(/^\ufeff/, '').trim() === '') return problem('corpus/empty', 'empty file; skipped', file);
  return text;
}

/** A corpus file read and hashed: its text, or null when `known` has its hash (not decoded). */
interface OpenedFile {
  file: string;
  hash: string;
  known: KnownFile | null;
  text: string | null;
}

function slugOf(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/i, '');
}

/**
 * A copy of the text of its own, never a cut of the file's text (see `detached`), and a one-byte
 * string when every character of it is Latin-1. A corpus file with one
 * character past Latin-1 (a dash, a curly quote: every file of the example) is a two-byte string,
 * and so is every passage text cut from it; analysing a one-byte text is cheaper throughout (the
 * word expression, hashing and lowercasing its words), and `.answer/words.v8` holds one-byte words
 * (424 → 363 kB on the example). A cold `answer search` on the example 0.977× wall, 0.986× CPU
 * (median of 31 interleaved pairs; the same idea in the tokenizer, round 6: 0.983×), a warm one 1.00×.
 */
function oneByte(text: string): string {
  return BEYOND_LATIN1.test(text) ? Buffer.from(text, 'utf16le').toString('utf16le') : Buffer.from(text, 'latin1').toString('latin1');
}

const BEYOND_LATIN1 = /[^\x00-\xff]/;

/**
 * A string of its own for a title, a heading or a question id, one copy per distinct value of a
 * file (`own`): the parser cuts them from the file's
 * text, and V8 keeps a cut of 13 characters or more as a view of the whole text, so the passages
 * (and the tokenizer's cache of words as written) kept every corpus file alive, twice before the
 * front matter's body became a cut of the text itself (1.6 MB of two-byte strings on the
 * example).
 */
function detached(text: string, own: Map<string, string>): string {
  if (text.length < 13) return text;
  let copy = own.get(text);
  if (copy === undefined) {
    copy = oneByte(text);
    own.set(text, copy);
  }
  return copy;
}

/**
 * The passages of a corpus file: read by the fast paths (simple-front-matter.ts, fast-markdown.ts)
 * where they can, else by the YAML reader and remark-parse (split-passages.ts, loaded then).
 */
async function passagesOf(text: string, options: SplitOptions): Promise<{ passages: Passage[]; problems: Problem[] }> {
  const { splitPassagesWith } = await import('./pack-passages.js');
  const [{ simpleFrontMatter }, { fastMarkdownTree }] = await Promise.all([import('./simple-front-matter.js'), import('./fast-markdown.js')]);
  const fast = splitPassagesWith(text, options, { frontMatter: simpleFrontMatter, tree: fastMarkdownTree });
  if (fast) return fast;
  return (await import('./split-passages.js')).splitPassages(text, options);
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

  /**
   * Read and hash one file; null when it cannot be used (the problem is recorded). A file whose
   * hash is in `known` is not even decoded: only a file that decoded once has a hash recorded.
   */
  const open = async (path: string): Promise<OpenedFile | null> => {
    const file = relativePath(path);
    const read = readBytes(path, file);
    if ('code' in read) {
      result.problems.push(read);
      return null;
    }
    const known = options.known?.get(file);
    if (known && known.hash === read.hash) return { file, hash: read.hash, known, text: null };
    const text = decodeText(read.bytes, file);
    if (typeof text !== 'string') {
      result.problems.push(text);
      return null;
    }
    return { file, hash: read.hash, known: null, text };
  };
  /** Add a file's passages and problems: parsed, or as `known` records them (the index has its passages). */
  const add = async ({ file, hash, known, text }: OpenedFile, parse: (text: string) => Promise<{ passages: Passage[]; problems: Problem[] }>): Promise<void> => {
    if (text === null) {
      const problems = [...(known?.problems ?? [])];
      pushAll(result.problems, problems);
      result.files.push({ file, hash, problems, parsed: false });
      return;
    }
    // A file that cannot be parsed is that file's problem: skipped, and the rest still searchable.
    let parsed: { passages: Passage[]; problems: Problem[] };
    try {
      parsed = await parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      parsed = { passages: [], problems: [problem('corpus/unreadable', `cannot be read (${message}); skipped`, file)] };
    }
    const { passages, problems } = parsed;
    pushAll(result.problems, problems);
    const own = new Map<string, string>();
    for (const passage of passages) {
      passage.text = oneByte(passage.text);
      passage.title = detached(passage.title, own);
      passage.heading = passage.heading.map((heading) => detached(heading, own));
      if (passage.question) passage.question = detached(passage.question, own);
    }
    pushAll(result.passages, passages);
    result.files.push({ file, hash, problems, parsed: true });
  };

  const corpusPaths: string[][] = [];
  for (const folder of folders) corpusPaths.push(await filesIn(folder, true));
  const answerPaths = answers !== null ? await filesIn(answers, false) : [];
  const total = corpusPaths.reduce((n, list) => n + list.length, answerPaths.length);
  let done = 0;
  const progress = () => options.onProgress?.(++done, total);

  for (const paths of corpusPaths) {
    for (const path of paths) {
      progress();
      const opened = await open(path);
      if (!opened) continue;
      const { file } = opened;
      const doc = slugOf(file);
      const clash = docs.get(doc);
      if (clash) {
        result.problems.push(problem('corpus/duplicate-doc', `same document name as ${clash}: passages of both are kept, but their citations look alike`, file, null, 'warning'));
      } else docs.set(doc, file);
      await add(opened, (text) => passagesOf(text, { file, doc }));
    }
  }

  if (answers !== null) {
    for (const path of answerPaths) {
      progress();
      const opened = await open(path);
      if (!opened) continue;
      const { file } = opened;
      await add(opened, async (text) => {
        const [{ readAnswerDocument }, { answerPassages }] = await Promise.all([import('../documents/answer-document.js'), import('./answer-passages.js')]);
        const { doc: answerDoc, problems } = readAnswerDocument(text, file);
        // An answer file with broken front matter is the check's business; here it is only skipped.
        if (problems.some((p) => p.severity === 'error') && answerDoc.question === '') {
          return { passages: [], problems: [problem('corpus/answer-unreadable', 'answer document without a readable "question:" id; its answers are not used as sources', file, 1, 'warning')] };
        }
        return { passages: answerPassages(answerDoc, file, { text }), problems: [] };
      });
    }
  }
  return result;
}
