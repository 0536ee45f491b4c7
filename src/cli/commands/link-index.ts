/**
 * What link, search and eval share: the workspace configuration, corpus and index, the --top value.
 *
 * These commands import the stages they use rather than the library entry (src/index.ts), every
 * name of which they use it exports too: the whole library brings the PDF, DOCX, template and
 * date libraries, and loading them cost a warm `answer search` more than the search itself
 * (bench/cli.ts).
 */
import { loadConfig, type AnswerConfig } from '../../config/config.js';
import { loadCorpus, type LoadedCorpus } from '../../corpus/load-corpus.js';
import { InputError, UsageError } from '../../errors.js';
import { loadSynonyms, openIndex, type IndexStore, type OpenedIndex, type SynonymSet } from '../../link/index.js';
import type { Problem } from '../../model.js';
import { err, type CliContext } from '../context.js';

/** The most results a command prints: the same bound as `top` in answer.config.json. */
const MAX_TOP = 1000;

/** `--top` as given, or the configured `top` (default 5) for link, `fallback` for search. */
export function parseTop(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_TOP) {
    throw new UsageError(`--top must be a whole number from 1 to ${MAX_TOP}, not "${value}"`);
  }
  return n;
}

/** Problems with single corpus files, one line each on stderr (those files are skipped). */
export function reportCorpusProblems(ctx: CliContext, problems: readonly Problem[]): void {
  for (const p of problems) {
    const where = p.file ? (p.line ? `${p.file}:${p.line}` : p.file) : 'corpus';
    err(ctx, `${where}  ${p.severity}: ${p.message}`);
  }
}

function noPassages(folders: readonly string[]): InputError {
  return new InputError('the corpus has no passages: add policy documents with answer corpus add <file>', { file: `${folders[0] ?? 'corpus'}/` });
}

/**
 * The index of the workspace, up to date with its corpus (kept in .answer/): only the files new
 * or changed since the last run are parsed; `corpus.problems` still holds those of every file.
 */
export async function openWorkspaceIndex(ctx: CliContext, config: AnswerConfig): Promise<OpenedIndex<LoadedCorpus>> {
  const { corpus: folders, answers } = config;
  return openIndex(ctx.cwd, (known) => loadCorpus(ctx.cwd, { folders, answers, known }));
}

/** The workspace index for link and search: the corpus problems reported, an empty corpus refused. */
export async function searchableIndex(ctx: CliContext, config?: AnswerConfig): Promise<IndexStore> {
  const settings = config ?? (await loadConfig(ctx.cwd));
  const { store, corpus } = await openWorkspaceIndex(ctx, settings);
  reportCorpusProblems(ctx, corpus.problems);
  if ((await store.stats()).passages === 0) throw noPassages(settings.corpus);
  return store;
}

/** The synonyms of the workspace: the shipped list and `synoniemen.txt` in its corpus folders; bad lines reported. */
export async function workspaceSynonyms(ctx: CliContext, config: AnswerConfig): Promise<SynonymSet> {
  const { synonyms, problems } = await loadSynonyms(ctx.cwd, config.corpus);
  for (const p of problems) err(ctx, `${p.file}:${p.line}  warning: ${p.message}; the line is skipped`);
  return synonyms;
}

/** Every passage of the corpus, every file parsed (eval looks for gold snippets in them), and the index. */
export async function loadWorkspaceCorpus(ctx: CliContext): Promise<{ corpus: LoadedCorpus; store: IndexStore }> {
  const { corpus: folders, answers } = await loadConfig(ctx.cwd);
  const corpus = await loadCorpus(ctx.cwd, { folders, answers });
  reportCorpusProblems(ctx, corpus.problems);
  if (corpus.passages.length === 0) throw noPassages(folders);
  const { store } = await openIndex(ctx.cwd, corpus);
  return { corpus, store };
}
