/**
 * The index of a workspace, chosen by its configuration (`index` in answer.config.json): the
 * embedded one, or a collection on a PostgreSQL server (postgres-store.ts, loaded only then).
 *
 * The embedded index on disk: `.answer/index.bin` in the workspace (git-ignored). It is a cache,
 * never a source of truth: a missing, unreadable, corrupt or other-version file is silently
 * ignored and the index rebuilt from the corpus; writes are atomic, so a crash leaves the old file
 * or the new. A PostgreSQL collection is never replaced by the embedded index, nor the other way
 * round: a server that cannot be reached is an error (exit 2).
 *
 * Either holds the passages too, so an unchanged corpus file is neither analysed nor parsed again:
 * `openIndex` hands the files it knows to the corpus reader (`loadCorpus` with `known`).
 */
import { constants } from 'node:fs';
import { lstat, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DATABASE_URL_ENV, type IndexSettings } from '../config/config.js';
import { PASSAGES_VERSION } from '../corpus/load-corpus.js';
import { InputError } from '../errors.js';
import { INDEX_DIR, INDEX_FILE, INDEX_FORMAT, INDEX_FORMAT_VERSION, indexPath } from './index-file.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { ANALYZER_VERSION } from './analyze.js';
import { syncIndex, type CorpusContent, type SyncReport } from './build-index.js';
import { setCacheDir } from './cache-file.js';
import type { FileEntry, IndexStore } from './index-store.js';
import { MemoryIndexStore } from './memory-store.js';

export { INDEX_DIR, INDEX_FILE, indexPath };
/** Where versions before the binary format kept the index; removed when the new one is written. */
const OLD_INDEX_FILE = 'index.json';

/** The file's first line, as JSON; the store's bytes follow it. */
interface IndexHeader {
  format: string;
  version: number;
  analyzer: number;
  /** The corpus stage's PASSAGES_VERSION: the passages kept were made by it. */
  passages: number;
}

const HEADER: IndexHeader = { format: INDEX_FORMAT, version: INDEX_FORMAT_VERSION, analyzer: ANALYZER_VERSION, passages: PASSAGES_VERSION };

/** The persisted index of a workspace, or null when there is none that can be used. */
export async function readIndex(workspace: string): Promise<MemoryIndexStore | null> {
  const bytes = await readIndexFile(indexPath(workspace));
  if (bytes === null) return null;
  try {
    const newline = bytes.indexOf(10);
    if (newline < 0 || newline > 1024) return null;
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as IndexHeader;
    if (Object.entries(HEADER).some(([key, value]) => header[key as keyof IndexHeader] !== value)) return null;
    return MemoryIndexStore.fromBytes(bytes.subarray(newline + 1));
  } catch {
    // Corrupt or half-written by a foreign tool: rebuilding costs only time.
    return null;
  }
}

/**
 * The bytes of the index file, or null when there is no regular file there: a FIFO would never
 * end (or never open) and a link to /dev/zero never end, so only a regular file is opened, not
 * through a link and without waiting for a writer.
 */
async function readIndexFile(path: string): Promise<Buffer | null> {
  const info = await lstat(path).catch(() => null);
  if (!info?.isFile()) return null;
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return null;
    const bytes = Buffer.alloc(stats.size);
    let total = 0;
    while (total < bytes.length) {
      const { bytesRead } = await handle.read(bytes, total, bytes.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return bytes.subarray(0, total);
  } catch {
    return null;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Write the index of a workspace atomically. */
export async function writeIndex(workspace: string, store: MemoryIndexStore): Promise<void> {
  // The header padded to a multiple of 8 bytes, so the store's typed arrays can be read in place.
  const header = JSON.stringify(HEADER);
  const line = `${header.padEnd(Math.ceil((header.length + 1) / 8) * 8 - 1)}\n`;
  // Not flushed to the disk: a crash may leave the old file or none (most file systems, ext4 among
  // them, write the data of a file renamed over another before the rename), and the next run rebuilds.
  await writeFileAtomic(indexPath(workspace), [Buffer.from(line, 'utf8'), ...store.toChunks()], { overwrite: true, root: workspace, durable: false });
  await rm(join(workspace, INDEX_DIR, OLD_INDEX_FILE), { force: true });
}

export interface OpenedIndex<C extends CorpusContent = CorpusContent> {
  /** The store, up to date with the corpus; `close()` it when done. */
  store: IndexStore;
  report: SyncReport;
  /** Whether a persisted index (or a collection that held files) was found and used. */
  reused: boolean;
  /** The corpus the index was brought up to date with (as given, or as the reader returned it). */
  corpus: C;
}

/**
 * Reads the corpus knowing which files the index already holds (`loadCorpus` with `known`), so
 * that it parses only the others.
 */
export type CorpusReader<C extends CorpusContent> = (known: ReadonlyMap<string, FileEntry>) => Promise<C>;

/**
 * The index of a workspace, up to date with the corpus: read from `.answer/`, updated for the
 * files that changed, and written back when anything changed. A failure to write is not an
 * error (a read-only checkout still searches); the next run rebuilds.
 *
 * `corpus` is the corpus read already, or a reader called with the files the persisted index
 * holds: with `(known) => loadCorpus(workspace, { known })` an unchanged file is only hashed.
 */
export async function openIndex<C extends CorpusContent>(
  workspace: string,
  corpus: C | CorpusReader<C>,
  options: { index?: IndexSettings; persist?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<OpenedIndex<C>> {
  // The word list's and the synonym list's caches live beside the index (cache-file.ts), whichever backend holds the index.
  if (options.persist !== false) setCacheDir(join(workspace, INDEX_DIR));
  if (options.index?.backend === 'postgres') {
    const store = await openPostgresStore(options.index);
    try {
      const known = await store.files();
      const content = typeof corpus === 'function' ? await corpus(known) : corpus;
      const report = await syncIndex(store, content, options.onProgress);
      return { store, report, reused: known.size > 0, corpus: content };
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
  }
  const persisted = await readIndex(workspace);
  const store = persisted ?? new MemoryIndexStore();
  const content = typeof corpus === 'function' ? await corpus(await store.files()) : corpus;
  const report = await syncIndex(store, content, options.onProgress);
  // Nothing analysed and nothing removed: the file on disk is current, or the corpus is empty.
  const changed = report.analyzed > 0 || report.removed > 0;
  if (changed && options.persist !== false) {
    try {
      await writeIndex(workspace, store);
    } catch {
      // A cache that cannot be written is only a slower next run.
    }
  }
  return { store, report, reused: persisted !== null, corpus: content };
}

/**
 * The PostgreSQL collection of the settings (the URL from them or from ANSWER_DATABASE_URL).
 * Throws InputError (one line, exit 2) when there is no URL or the server cannot be used.
 */
export async function openPostgresStore(settings: Extract<IndexSettings, { backend: 'postgres' }>): Promise<IndexStore> {
  const url = settings.url ?? process.env[DATABASE_URL_ENV]?.trim() ?? '';
  if (!url) {
    throw new InputError(`index: "backend" is "postgres" but there is no server URL: set ${DATABASE_URL_ENV} (or index.url in answer.config.json)`);
  }
  const { PostgresIndexStore } = await import('./postgres-store.js');
  return PostgresIndexStore.open({ url, collection: settings.collection, search: settings.search });
}
