/**
 * Keep an index in step with the corpus: analyse only the files whose content hash changed,
 * drop the passages of files that are gone.
 */
import type { Passage, Problem } from '../model.js';
import { analyzePassage } from './analyze.js';
import type { FileEntry, IndexStore } from './index-store.js';
import { pushAll } from '../arrays.js';

/** What the index is built from: the corpus passages and a content hash per file. */
export interface CorpusContent {
  passages: readonly Passage[];
  /**
   * Every corpus file (workspace-relative path, as in `Passage.file`) with its content hash, and
   * what parsing it reported, recorded with the hash (`FileEntry.problems`). `parsed: false` says
   * the loader skipped a file the index already holds with this hash, so `passages` has none of it.
   */
  files: ReadonlyArray<{ file: string; hash: string; problems?: readonly Problem[]; parsed?: boolean }>;
}

export interface SyncReport {
  /** Files analysed anew (added or changed). */
  analyzed: number;
  /** Files that were in the index and are no longer in the corpus. */
  removed: number;
  /** Files whose hash had not changed. */
  unchanged: number;
  /** Passages analysed. */
  passages: number;
}

/** Passages analysed and added to the store in one go, unless the store asks otherwise (`IndexStore.updateBatch`). */
const UPDATE_BATCH = 64;

/** Bring `store` up to date with `corpus`; returns what was done. */
export async function syncIndex(store: IndexStore, corpus: CorpusContent, onProgress?: (done: number, total: number) => void): Promise<SyncReport> {
  const known = await store.files();
  const byFile = new Map<string, Passage[]>();
  for (const p of corpus.passages) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  const report: SyncReport = { analyzed: 0, removed: 0, unchanged: 0, passages: 0 };
  const batch = Math.max(1, store.updateBatch ?? UPDATE_BATCH);
  const current = new Set<string>();
  for (const [i, { file, hash, problems, parsed }] of corpus.files.entries()) {
    onProgress?.(i, corpus.files.length);
    current.add(file);
    const before = known.get(file);
    if (before && before.hash === hash) {
      report.unchanged++;
      continue;
    }
    if (parsed === false) throw new Error(`${file} was not parsed, but the index does not hold it with this hash: load the corpus with this store's files() as known`);
    // A few passages at a time (`batch`), the file's entry with the last of them: the analysed passages of a
    // whole large corpus at once would double the peak memory of a build (bench/link.ts, 100×
    // corpus), and those of one large file outlived the young generation, so the garbage collector
    // copied them all (a cold `answer search` on the example workspace: its two largest scavenges
    // 30 and 20 ms before, 13 and 7 after; about 10 ms CPU in all, median of 11).
    const passages = byFile.get(file) ?? [];
    const entry: FileEntry = { hash, ids: passages.map((p) => p.id) };
    if (problems && problems.length > 0) entry.problems = [...problems];
    for (let from = 0; from === 0 || from < passages.length; from += batch) {
      const docs = passages.slice(from, from + batch).map(analyzePassage);
      const last = from + batch >= passages.length;
      await store.update(docs, from === 0 && before ? before.ids : [], last ? new Map([[file, entry]]) : undefined);
    }
    report.analyzed++;
    report.passages += passages.length;
  }
  const removedIds: string[] = [];
  const gone = new Map<string, FileEntry | null>();
  for (const [file, entry] of known) {
    if (current.has(file)) continue;
    pushAll(removedIds, entry.ids);
    gone.set(file, null);
    report.removed++;
  }
  if (gone.size > 0) await store.update([], removedIds, gone);
  return report;
}
