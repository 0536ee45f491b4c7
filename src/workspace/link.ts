/**
 * The index of the workspace and what uses it: `link`, `search`, and the sources `draft`
 * suggests. The index lives in `.answer/` and is brought up to date with the corpus on every
 * use (only new or changed files are parsed); problems with single corpus files come back as
 * data, and an empty corpus is refused where a ranking is asked for.
 */
import { loadCorpus, type LoadedCorpus } from '../corpus/load-corpus.js';
import { saveWordCache } from '../link/analyze.js';
import { InputError } from '../errors.js';
import { linkQuestionDocument, refuseEmptySearch, searchTerms, type LinkResult } from '../link/link-questions.js';
import { loadSynonyms, type SynonymSet } from '../link/synonyms.js';
import { INDEX_DIR, openIndex, type OpenedIndex } from '../link/persist.js';
import { setCacheDir } from '../link/cache-file.js';
import { join } from 'node:path';
import { rank, type LinkedPassage } from '../link/rank.js';
import type { Problem, QuestionDocument } from '../model.js';
import type { LetterRef } from './letters.js';
import type { Workspace } from './workspace.js';

export interface LinkOptions {
  /** Passages per question (default: `top` in answer.config.json; 10 for search). */
  top?: number;
}

export interface LinkReport {
  /** The letter as named. */
  file: string;
  result: LinkResult;
  /** Problems with single corpus files (they were skipped). */
  corpusProblems: Problem[];
}

export interface SearchReport {
  words: string;
  passages: LinkedPassage[];
  corpusProblems: Problem[];
}

/** The workspace's index, up to date with its corpus; progress reported while it is built. */
export async function workspaceIndex(ws: Workspace): Promise<OpenedIndex<LoadedCorpus>> {
  const { corpus: folders, answers, index } = ws.config;
  const opened = await openIndex(
    ws.root,
    (known) => loadCorpus(ws.root, { folders, answers, known, onProgress: (done, total) => ws.onProgress({ task: 'reading corpus', done, total }) }),
    { index, onProgress: (done, total) => ws.onProgress({ task: 'indexing', done, total }) },
  );
  // The words the build analysed, for the next process (analyze.ts).
  saveWordCache();
  return opened;
}

/**
 * The synonyms the workspace searches with: the shipped list for the Dutch social domain and the
 * workspace's own `synoniemen.txt` in its corpus folders. A line that cannot be read is a warning
 * of that file (skipped), reported with the corpus problems.
 */
export async function workspaceSynonyms(ws: Workspace): Promise<{ synonyms: SynonymSet; problems: Problem[] }> {
  const { synonyms, problems } = await loadSynonyms(ws.root, ws.config.corpus);
  return {
    synonyms,
    problems: problems.map((p) => ({ code: 'synonyms', severity: 'warning' as const, message: `${p.message}; the line is skipped`, file: p.file, line: p.line })),
  };
}

function noPassages(ws: Workspace): InputError {
  return new InputError('the corpus has no passages: add policy documents with answer corpus add <file>', { file: `${ws.config.corpus[0] ?? 'corpus'}/` });
}

export async function link(ws: Workspace, ref: LetterRef, options: LinkOptions): Promise<LinkReport> {
  const top = options.top ?? ws.config.top;
  const { doc, file } = await ws.letter(ref);
  if (doc.questions.length === 0) throw new InputError('no questions found in this letter; check that it is a letter with questions to the college', { file });
  const { store, corpus } = await workspaceIndex(ws);
  try {
    if ((await store.stats()).passages === 0) throw noPassages(ws);
    const { synonyms, problems } = await workspaceSynonyms(ws);
    const result = await linkQuestionDocument(store, doc, { top, query: { synonyms } });
    return { file, result, corpusProblems: [...corpus.problems, ...problems] };
  } finally {
    await store.close();
  }
}

export async function search(ws: Workspace, words: string, options: LinkOptions): Promise<SearchReport> {
  // The caches in .answer/ first (the analysed words: analyze.ts), so the query's words are looked up there too.
  setCacheDir(join(ws.root, INDEX_DIR));
  // A query without words is refused before the corpus is read.
  refuseEmptySearch(words);
  const { store, corpus } = await workspaceIndex(ws);
  try {
    if ((await store.stats()).passages === 0) throw noPassages(ws);
    const { synonyms, problems } = await workspaceSynonyms(ws);
    const passages = await rank(store, searchTerms(words, { synonyms }), { top: options.top ?? 10 });
    return { words, passages, corpusProblems: [...corpus.problems, ...problems] };
  } finally {
    await store.close();
  }
}

/**
 * The linker's suggestions for each question of a letter, for a draft. Sources are a help, never
 * required: without passages the draft goes on without them and a notice says why.
 */
export async function suggestSources(
  ws: Workspace,
  letter: QuestionDocument,
  top: number,
): Promise<{ sources: Map<number, LinkResult['questions'][number]['passages']>; notice: string | null; corpusProblems: Problem[] }> {
  const sources = new Map<number, LinkedPassage[]>();
  const { store, corpus } = await workspaceIndex(ws);
  try {
    if ((await store.stats()).passages === 0) {
      return { sources, corpusProblems: [], notice: `no passages in ${ws.config.corpus.join(', ')}/: the draft has no suggested sources (add policy documents with answer corpus add <file>)` };
    }
    const { synonyms, problems } = await workspaceSynonyms(ws);
    const linked = await linkQuestionDocument(store, letter, { top, query: { synonyms } });
    for (const question of linked.questions) sources.set(question.number, question.passages);
    return { sources, notice: null, corpusProblems: [...corpus.problems, ...problems] };
  } finally {
    await store.close();
  }
}
