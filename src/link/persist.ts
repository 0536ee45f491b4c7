/**
 * The index on disk: `.answer/index.json` in the workspace (git-ignored). It is a cache, never a
 * source of truth: a missing, unreadable, corrupt or other-version file is silently ignored and
 * the index rebuilt from the corpus; writes are atomic, so a crash leaves the old file or the new.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { ANALYZER_VERSION } from './analyze.js';
import { syncIndex, type CorpusContent, type SyncReport } from './build-index.js';
import { MemoryIndexStore, type StoreSnapshot } from './memory-store.js';

export const INDEX_DIR = '.answer';
export const INDEX_FILE = 'index.json';
/** Bump when the file layout changes. */
const FORMAT_VERSION = 1;
const FORMAT = 'answer-index';

interface IndexFile {
  format: string;
  version: number;
  analyzer: number;
  snapshot: StoreSnapshot;
}

export function indexPath(workspace: string): string {
  return join(workspace, INDEX_DIR, INDEX_FILE);
}

function isSnapshot(value: unknown): value is StoreSnapshot {
  const s = value as StoreSnapshot | null;
  return Boolean(s && Array.isArray(s.files) && Array.isArray(s.docs));
}

/** The persisted index of a workspace, or null when there is none that can be used. */
export async function readIndex(workspace: string): Promise<MemoryIndexStore | null> {
  let text: string;
  try {
    text = await readFile(indexPath(workspace), 'utf8');
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text) as IndexFile;
    if (data.format !== FORMAT || data.version !== FORMAT_VERSION || data.analyzer !== ANALYZER_VERSION) return null;
    if (!isSnapshot(data.snapshot)) return null;
    return MemoryIndexStore.fromSnapshot(data.snapshot);
  } catch {
    // Corrupt or half-written by a foreign tool: rebuilding costs only time.
    return null;
  }
}

/** Write the index of a workspace atomically. */
export async function writeIndex(workspace: string, store: MemoryIndexStore): Promise<void> {
  const data: IndexFile = { format: FORMAT, version: FORMAT_VERSION, analyzer: ANALYZER_VERSION, snapshot: store.snapshot() };
  await writeFileAtomic(indexPath(workspace), JSON.stringify(data), { overwrite: true, root: workspace });
}

export interface OpenedIndex {
  store: MemoryIndexStore;
  report: SyncReport;
  /** Whether a persisted index was found and used. */
  reused: boolean;
}

/**
 * The index of a workspace, up to date with `corpus`: read from `.answer/`, updated for the
 * files that changed, and written back when anything changed. A failure to write is not an
 * error (a read-only checkout still searches); the next run rebuilds.
 */
export async function openIndex(workspace: string, corpus: CorpusContent, options: { persist?: boolean } = {}): Promise<OpenedIndex> {
  const persisted = await readIndex(workspace);
  const store = persisted ?? new MemoryIndexStore();
  const report = await syncIndex(store, corpus);
  const changed = report.analyzed > 0 || report.removed > 0;
  if ((changed || !persisted) && options.persist !== false) {
    try {
      await writeIndex(workspace, store);
    } catch {
      // A cache that cannot be written is only a slower next run.
    }
  }
  return { store, report, reused: persisted !== null };
}
