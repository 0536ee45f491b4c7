/** `eval`: the linker measured against a gold file, on the workspace's corpus. */
import { loadCorpus } from '../corpus/load-corpus.js';
import { InputError } from '../errors.js';
import { evaluate as evaluateRanker, parseGold, type EvalReport } from '../link/evaluate.js';
import { linkerRanker } from '../link/index.js';
import { openIndex } from '../link/persist.js';
import type { Problem } from '../model.js';
import { workspaceSynonyms } from './link.js';
import type { Workspace } from './workspace.js';

export interface EvaluateReport {
  file: string;
  report: EvalReport;
  corpusProblems: Problem[];
}

/** A gold file is a few hundred questions at most; this bounds what is read (a 60 MB file is a mistake). */
const MAX_GOLD_BYTES = 5 * 1024 * 1024;

export async function evaluate(ws: Workspace, goldFile: string): Promise<EvaluateReport> {
  const path = ws.userPath(goldFile);
  let data: Uint8Array | null;
  try {
    data = await ws.files.readBytes(path);
  } catch (error) {
    if (error instanceof InputError && /larger than/.test(error.message)) throw new InputError(`the gold file is larger than ${MAX_GOLD_BYTES / 1024 / 1024} MB`, { file: goldFile });
    throw new InputError(error instanceof Error ? error.message : String(error), { file: goldFile });
  }
  if (data === null) throw new InputError('no such file', { file: goldFile });
  if (data.length > MAX_GOLD_BYTES) throw new InputError(`the gold file is larger than ${MAX_GOLD_BYTES / 1024 / 1024} MB`, { file: goldFile });
  const gold = parseGold(Buffer.from(data).toString('utf8'), goldFile);
  const { corpus: folders, answers } = ws.config;
  const corpus = await loadCorpus(ws.root, { folders, answers });
  if (corpus.passages.length === 0) throw new InputError('the corpus has no passages: add policy documents with answer corpus add <file>', { file: `${folders[0] ?? 'corpus'}/` });
  const { store } = await openIndex(ws.root, corpus, { index: ws.config.index, onProgress: (done, total) => ws.onProgress({ task: 'indexing', done, total }) });
  try {
    const { synonyms, problems } = await workspaceSynonyms(ws);
    const report = await evaluateRanker(gold, linkerRanker(store, { query: { synonyms } }), corpus.passages);
    return { file: goldFile, report, corpusProblems: [...corpus.problems, ...problems] };
  } finally {
    await store.close();
  }
}
