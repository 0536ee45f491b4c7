/**
 * Small caches next to the index in `.answer/`, for what every process would otherwise make again
 * from the same input: the word list's compounding facts (lexicon.ts, 2.4 MB parsed in 80-90 ms
 * CPU, read back in about 30) and the analysed default synonym list (synonyms.ts, 70 ms of
 * analysis, read back in a few). Like the index they are never a source of truth: a missing,
 * unreadable, corrupt or other-version file is ignored and made again, and a file that cannot be
 * written only costs the next run the same time again.
 *
 * A file is a first line with its key (JSON) and the value as V8 serialises it (Maps and Sets as
 * they are). The key says what the value was made from (versions, sizes), so a change of any of
 * them makes a new one.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** The value of cache file `name` in `dir` when it was made for `key`, else null. */
export function readCache(dir: string | null, name: string, key: string): unknown {
  if (!dir) return null;
  try {
    const bytes = readFileSync(join(dir, name));
    const newline = bytes.indexOf(10);
    if (newline < 0 || bytes.subarray(0, newline).toString('utf8') !== JSON.stringify(key)) return null;
    return deserialize(bytes.subarray(newline + 1));
  } catch {
    return null;
  }
}

/** Write cache file `name` in `dir` for `key`, atomically; a failure is ignored. */
export function writeCache(dir: string | null, name: string, key: string, value: unknown): void {
  if (!dir) return;
  const path = join(dir, name);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, Buffer.concat([Buffer.from(`${JSON.stringify(key)}\n`, 'utf8'), serialize(value)]));
    renameSync(temp, path);
  } catch {
    rmSync(temp, { force: true });
  }
}

let cacheDir: string | null = null;

/**
 * Where the caches of this process go: the workspace's `.answer/` (persist.ts sets it when it opens
 * an index), or null for none (a library user that builds an index in memory).
 */
export function setCacheDir(dir: string | null): void {
  cacheDir = dir;
}

export function currentCacheDir(): string | null {
  return cacheDir;
}
