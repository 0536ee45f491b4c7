/**
 * Where the index lives and how its file begins, apart from the index itself, so that a reader
 * that needs only the corpus files it knows (`answer check`, resolving citations) reads a few
 * kilobytes of it and loads none of the analysis, the store or the readers.
 *
 * The file (persist.ts writes it): a JSON header line; then a 4-byte length and a JSON part
 * `{"files":[[file, {hash, ids, problems?}], ...],"words":[...],"passages":[...],"sectionKeys":[...],"sections":[...]}`
 * (memory-store.ts, `toChunks`); then the numbers. `readIndexedFiles` reads the header and the
 * `files` array only, in chunks, stopping where `"words"` begins.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

export const INDEX_DIR = '.answer';
export const INDEX_FILE = 'index.bin';
export const INDEX_FORMAT = 'answer-index';
/** Bump when the file layout changes. (2: binary, MemoryIndexStore.toChunks; 3: section keys from analysis.) */
export const INDEX_FORMAT_VERSION = 3;

export function indexPath(workspace: string): string {
  return join(workspace, INDEX_DIR, INDEX_FILE);
}

/** A corpus file as the index holds it: its content hash (sha256, hex) and its passage ids. */
export interface IndexedFile {
  hash: string;
  ids: string[];
}

/** Largest `files` part read: the 100× corpus of bench/cli.ts (88,581 passages) holds about 5 MB of ids. */
const MAX_FILES_JSON = 64 * 1024 * 1024;
const CHUNK = 256 * 1024;

/**
 * The corpus files a workspace's index holds, by workspace-relative path, when the index was
 * written by this version of the passages (`passagesVersion`); null when there is no index that
 * can be used (missing, unreadable, another format). Never throws.
 */
export function readIndexedFiles(workspace: string, passagesVersion: number): Map<string, IndexedFile> | null {
  let fd: number;
  try {
    fd = openSync(indexPath(workspace), 'r');
  } catch {
    return null;
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    let position = 0;
    const more = (): boolean => {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, buffer, 0, CHUNK, position);
      if (n === 0) return false;
      position += n;
      chunks.push(buffer.subarray(0, n));
      total += n;
      return true;
    };
    let bytes = Buffer.alloc(0);
    let newline = -1;
    while (newline === -1 && bytes.length < 1024 && more()) {
      bytes = Buffer.concat(chunks, total);
      newline = bytes.indexOf(10);
    }
    if (newline < 0 || newline > 1024) return null;
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
    if (header.format !== INDEX_FORMAT || header.version !== INDEX_FORMAT_VERSION || header.passages !== passagesVersion) return null;
    const start = newline + 1 + 4;
    const open = Buffer.from('{"files":[');
    const end = Buffer.from('],"words":');
    let close = -1;
    for (;;) {
      close = bytes.indexOf(end, start);
      if (close !== -1 || total - start > MAX_FILES_JSON || !more()) break;
      bytes = Buffer.concat(chunks, total);
    }
    if (close === -1 || !bytes.subarray(start, start + open.length).equals(open)) return null;
    const files = JSON.parse(`${bytes.subarray(start + open.length - 1, close + 1).toString('utf8')}`) as unknown;
    if (!Array.isArray(files)) return null;
    const result = new Map<string, IndexedFile>();
    for (const entry of files as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') return null;
      const value = entry[1] as { hash?: unknown; ids?: unknown } | null;
      if (!value || typeof value.hash !== 'string' || !Array.isArray(value.ids) || !value.ids.every((id) => typeof id === 'string')) return null;
      result.set(entry[0], { hash: value.hash, ids: value.ids as string[] });
    }
    return result;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
