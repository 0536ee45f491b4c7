/** What link, search and eval share: the workspace configuration, corpus and index, the --top value. */
import { InputError, loadConfig, loadCorpus, openIndex, UsageError, type AnswerConfig, type IndexStore, type LoadedCorpus } from '../../index.js';
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

/** The workspace corpus; problems with single files go to stderr and those files are skipped. */
export async function loadWorkspaceCorpus(ctx: CliContext, config?: AnswerConfig): Promise<LoadedCorpus> {
  const { corpus: folders, answers } = config ?? (await loadConfig(ctx.cwd));
  const corpus = await loadCorpus(ctx.cwd, { folders, answers });
  for (const p of corpus.problems) {
    const where = p.file ? (p.line ? `${p.file}:${p.line}` : p.file) : 'corpus';
    err(ctx, `${where}  ${p.severity}: ${p.message}`);
  }
  if (corpus.passages.length === 0) {
    throw new InputError('the corpus has no passages: add policy documents with answer corpus add <file>', { file: `${folders[0] ?? 'corpus'}/` });
  }
  return corpus;
}

/** The index of the workspace, up to date with its corpus (kept in .answer/). */
export async function openWorkspaceIndex(ctx: CliContext, corpus?: LoadedCorpus): Promise<IndexStore> {
  const { store } = await openIndex(ctx.cwd, corpus ?? (await loadWorkspaceCorpus(ctx)));
  return store;
}
