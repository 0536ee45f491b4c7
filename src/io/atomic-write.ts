/**
 * Writes that never lose what a person wrote:
 * - atomic: the content goes to a temp file in the same directory (exclusive create), is fsynced,
 *   then renamed over the target, so a crash leaves either the old file or the new one;
 * - no symbolic links: a target (or a folder on the way to it, inside the workspace) that is a
 *   link is refused, so `answers/x.md -> ../.git/hooks/pre-commit` is never written through;
 * - no clobbering: with `overwrite: false` the new file is published with link(), which fails
 *   when the target exists, so a file created meanwhile by another run is never replaced;
 * - a lock file beside the target for read-modify-write cycles (`withFileLock`).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, mkdir, open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

export interface WriteOptions {
  /** Replace an existing file (default false: an existing target is an error). */
  overwrite?: boolean;
  /**
   * The workspace: every existing path component between it and the target must be a real folder,
   * not a symbolic link. Without it, only the target and its folder are checked.
   */
  root?: string;
  /** Create missing folders on the way (default true). */
  mkdir?: boolean;
  /** How to name the file in errors (default: the path as given). */
  display?: string;
  /**
   * Flush the file and its folder to the disk before returning (default true). A cache that is
   * rebuilt when it is missing or damaged (the index) does without: the two flushes took 14-28 ms
   * of writing the example's 1.3 MB index, against 1-2 ms for the write itself (a shared machine).
   */
  durable?: boolean;
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

async function lstatOrNull(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return null;
    throw error;
  }
}

/** The folders to check, from the outermost inside the root down to the target's own folder. */
function componentsToCheck(target: string, root: string | undefined): string[] {
  const folder = dirname(target);
  if (root !== undefined) {
    const base = resolve(root);
    const rel = relative(base, folder);
    if (rel === '') return [];
    if (!rel.startsWith('..') && !isAbsolute(rel)) {
      const parts = rel.split(sep);
      return parts.map((_, i) => join(base, ...parts.slice(0, i + 1)));
    }
  }
  return [folder];
}

/** Refuse symbolic links on the way to `target`; return whether the target exists. */
async function checkPath(target: string, options: WriteOptions, display: string): Promise<boolean> {
  for (const component of componentsToCheck(target, options.root)) {
    const stat = await lstatOrNull(component);
    if (stat === null) break; // the rest does not exist yet: mkdir creates real folders
    if (stat.isSymbolicLink()) {
      throw new InputError(`refusing to write through a symbolic link (${component}); replace the link by a real folder`, { file: display });
    }
    if (!stat.isDirectory()) throw new InputError(`${component} is not a folder`, { file: display });
  }
  const stat = await lstatOrNull(target);
  if (stat === null) return false;
  if (stat.isSymbolicLink()) {
    throw new InputError('refusing to write: the file is a symbolic link; replace it by a real file', { file: display });
  }
  if (!stat.isFile()) throw new InputError('refusing to write: not a regular file', { file: display });
  return true;
}

function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

async function syncFolder(folder: string): Promise<void> {
  // Makes the rename durable. Not supported on every platform or file system: best effort.
  try {
    const handle = await open(folder, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // ignore: the data itself was fsynced before the rename
  }
}

/**
 * Write `content` to `path` atomically. Refuses symbolic links; with `overwrite: false` (the
 * default) never replaces an existing file, even one created by another process meanwhile.
 * Content in parts is written one part after the other (a large index need not be copied into
 * one buffer first).
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array | readonly Uint8Array[], options: WriteOptions = {}): Promise<void> {
  const target = resolve(path);
  const display = options.display ?? path;
  const overwrite = options.overwrite ?? false;
  const durable = options.durable ?? true;
  const exists = await checkPath(target, options, display);
  if (exists && !overwrite) {
    throw new InputError('file exists; not overwriting it (use --force to replace it, a backup is kept)', { file: display });
  }
  if (options.mkdir ?? true) await mkdir(dirname(target), { recursive: true });

  const temp = tempName(target);
  let handle;
  try {
    handle = await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o666);
  } catch (error) {
    throw new InputError(`cannot write: ${(error as Error).message}`, { file: display });
  }
  let published = false;
  try {
    try {
      await writeParts(handle, content);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) {
      // rename() replaces a link at the target itself rather than following it.
      await rename(temp, target);
      published = true;
    } else {
      try {
        await link(temp, target);
        published = true;
      } catch (error) {
        if (code(error) === 'EEXIST') {
          throw new InputError('file exists; not overwriting it (use --force to replace it, a backup is kept)', { file: display });
        }
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code(error) ?? '')) throw error;
        // File systems without hard links: an exclusive create still never clobbers.
        await writeExclusive(target, content, display);
        published = true;
      }
      await unlink(temp).catch(() => undefined);
    }
    if (durable) await syncFolder(dirname(target));
  } catch (error) {
    if (!published) await unlink(temp).catch(() => undefined);
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot write: ${(error as Error).message}`, { file: display });
  }
}

/** Write the content, part after part: each writeFile on a handle continues where the one before stopped. */
async function writeParts(handle: FileHandle, content: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  for (const part of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) await handle.writeFile(part);
}

async function writeExclusive(target: string, content: string | Uint8Array | readonly Uint8Array[], display: string): Promise<void> {
  let handle;
  try {
    handle = await open(target, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0), 0o666);
  } catch (error) {
    if (code(error) === 'EEXIST') throw new InputError('file exists; not overwriting it', { file: display });
    throw error;
  }
  try {
    await writeParts(handle, content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Copy `path` to `<name>.bak-<timestamp>` beside it (atomically, never over an existing backup)
 * and return the backup's path.
 */
export async function backupFile(path: string, options: Pick<WriteOptions, 'root' | 'display'> = {}): Promise<string> {
  const display = options.display ?? path;
  const exists = await checkPath(resolve(path), options, display);
  if (!exists) throw new InputError('cannot back up: the file does not exist', { file: display });
  const content = await readFile(path);
  const stem = `${path}.bak-${timestamp(new Date())}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = attempt === 0 ? stem : `${stem}-${attempt}`;
    try {
      await writeFileAtomic(candidate, content, { ...options, overwrite: false, display: candidate });
      return candidate;
    } catch (error) {
      if (error instanceof InputError && /file exists/.test(error.message)) continue;
      throw error;
    }
  }
  throw new InputError('cannot back up: too many backups made this second', { file: display });
}

export interface LockOptions {
  /** How long to wait for another run's lock before giving up, in ms (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this is stale even if its process seems alive, in ms (default 10 min). */
  staleMs?: number;
  /** How to name the file in errors. */
  display?: string;
  /** The workspace: folders on the way to the lock must not be symbolic links (as for writes). */
  root?: string;
}

interface LockInfo {
  pid: number;
  host: string;
  time: number;
  token: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return code(error) === 'EPERM';
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.pid === 'number' && typeof value.time === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return value as LockInfo;
    }
  } catch {
    // a lock file cut short by a crash: treated as stale by age below
  }
  return null;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Run `fn` while holding an exclusive lock file `<path>.lock`. Waits for another run's lock;
 * removes a stale one (its process is gone, or it is older than `staleMs`).
 */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lockPath = `${resolve(path)}.lock`;
  const display = options.display ?? path;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 10 * 60_000;
  const mine: LockInfo = { pid: process.pid, host: hostname(), time: Date.now(), token: randomBytes(8).toString('hex') };
  const started = Date.now();
  let delay = 20;
  for (const component of componentsToCheck(lockPath, options.root)) {
    const stat = await lstatOrNull(component);
    if (stat === null) break;
    if (stat.isSymbolicLink()) {
      throw new InputError(`refusing to write through a symbolic link (${component}); replace the link by a real folder`, { file: display });
    }
  }
  await mkdir(dirname(lockPath), { recursive: true });
  for (;;) {
    try {
      const handle = await open(lockPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0), 0o666);
      try {
        await handle.writeFile(JSON.stringify(mine));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if (code(error) !== 'EEXIST') throw new InputError(`cannot lock: ${(error as Error).message}`, { file: display });
    }
    // Something that is not a lock file of ours stands at the lock path (a folder, a link, a
    // file another user owns): waiting cannot help, and looping without a sleep spun a core.
    const stat = await lstatOrNull(lockPath);
    if (stat !== null && !stat.isFile()) {
      throw new InputError(`cannot lock: ${lockPath} is ${stat.isSymbolicLink() ? 'a symbolic link' : stat.isDirectory() ? 'a folder' : 'not a file'}, not a lock file; remove it`, { file: display });
    }
    const text = await readFile(lockPath, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : error));
    if (text instanceof Error) {
      throw new InputError(`cannot lock: ${lockPath} exists and cannot be read (${text.code ?? text.message}); remove it if no other run is active`, { file: display });
    }
    if (text === null) continue; // released meanwhile
    const info = parseLock(text);
    const age = Date.now() - (info?.time ?? stat?.mtimeMs ?? Date.now());
    const dead = info !== null && info.host === hostname() && !isAlive(info.pid);
    if (dead || age > staleMs || (info === null && age > 2_000)) {
      await removeStale(lockPath, text);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new InputError(
        `locked by another answer run (pid ${info?.pid ?? '?'}); try again, or remove ${lockPath} if no other run is active`,
        { file: display },
      );
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await fn();
  } finally {
    const text = await readFile(lockPath, 'utf8').catch(() => null);
    if (text !== null && parseLock(text)?.token === mine.token) await unlink(lockPath).catch(() => undefined);
  }
}

/**
 * Remove a stale lock without removing a fresh one another run just took: move it aside, check it
 * is still the stale content we judged, and put it back otherwise.
 */
async function removeStale(lockPath: string, staleText: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return; // someone else handled it
  }
  const text = await readFile(aside, 'utf8').catch(() => null);
  if (text !== null && text !== staleText) {
    // We took a fresh lock: restore it unless yet another lock appeared (then theirs stands).
    await link(aside, lockPath).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}
