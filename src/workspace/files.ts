/**
 * The one place that writes a person's files (question documents, answer documents, corpus
 * documents, exported memos). Every write is one of three decisions, with one wording:
 * - create: the file does not exist yet;
 * - refuse: it exists and the command was not told to replace it;
 * - replace (or merge): the old content is first copied to `.answer/backups/`, then the new
 *   content is written atomically. A file whose content would not change is left alone.
 * So whatever flag is given, the version a person last saved can be put back with
 * `answer restore`. Reads and writes go through the same guards: regular files only (never a
 * symbolic link, FIFO or device), a size limit, no write through a read-only file.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { lineEndingOf, withLineEnding } from '../documents/line-endings.js';

/** What a write did. `file` and `backup` are workspace-relative, with forward slashes. */
export interface FileWrite {
  file: string;
  action: 'created' | 'updated' | 'replaced' | 'unchanged';
  /** Where the previous version was kept, when there was one and it changed. */
  backup: string | null;
}

/**
 * What to do when the file exists: `refuse` (without --force), `replace` (with --force), or
 * `merge` (the new content was made from the old one, e.g. a redraft that keeps the answers).
 */
export type ExistingFile = 'refuse' | 'replace' | 'merge';

export interface WriteRequest {
  /** Absolute path of the file. */
  path: string;
  /** The new content, given the file's content now (null when absent); called under the file's lock. */
  content: (existing: string | null) => string | Uint8Array | Promise<string | Uint8Array>;
  existing: ExistingFile;
}

/** The folder under the workspace root where earlier versions are kept. */
export const BACKUP_DIR = '.answer/backups';

/** Largest file read back before a write (the readers' own limit is 20 MB). */
const MAX_EXISTING_BYTES = 20 * 1024 * 1024;

/** The refusal every command gives for an existing file. */
export function existsError(file: string): InputError {
  return new InputError(`exists; not overwriting it (use --force to replace it; the old version is kept under ${BACKUP_DIR}/)`, { file });
}

export class WorkspaceFiles {
  constructor(readonly root: string) {}

  /** A path as the user sees it: relative to the workspace, forward slashes. */
  shown(path: string): string {
    const rel = relative(this.root, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path.split(sep).join('/');
    return rel.split(sep).join('/');
  }

  /**
   * Read a file of the workspace as text, or null when it does not exist. Only a regular file
   * is read: a symbolic link, a FIFO or a device is refused before it is opened, so a link to
   * `/dev/zero` cannot grow memory and a FIFO cannot hang the command.
   */
  async readText(path: string): Promise<string | null> {
    const data = await this.readBytes(path);
    return data === null ? null : Buffer.from(data).toString('utf8');
  }

  async readBytes(path: string): Promise<Uint8Array | null> {
    const file = this.shown(path);
    const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      if (error.code === 'ENOTDIR') throw new InputError('a folder on the way to this file is a file', { file });
      throw new InputError(`cannot read: ${error.message}`, { file });
    });
    if (info === null) return null;
    if (info.isSymbolicLink()) throw new InputError('is a symbolic link; replace it by a real file', { file });
    if (!info.isFile()) throw new InputError('is not a regular file', { file });
    if (info.size > MAX_EXISTING_BYTES) throw new InputError(`is larger than the ${MAX_EXISTING_BYTES / 1024 / 1024} MB limit`, { file });
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)).catch((error: Error) => {
      throw new InputError(`cannot read: ${error.message}`, { file });
    });
    try {
      const again = await handle.stat();
      if (!again.isFile()) throw new InputError('is not a regular file', { file });
      const buffer = Buffer.alloc(Math.min(again.size, MAX_EXISTING_BYTES) + 1);
      let total = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total >= buffer.length) throw new InputError(`is larger than the ${MAX_EXISTING_BYTES / 1024 / 1024} MB limit`, { file });
      }
      return buffer.subarray(0, total);
    } finally {
      await handle.close();
    }
  }

  /** Write a file by the workspace's write policy (see the module comment). */
  async write(request: WriteRequest): Promise<FileWrite> {
    const { withFileLock, writeFileAtomic } = await atomicWrite();
    const path = resolve(request.path);
    const file = this.shown(path);
    await this.refuseLinkedFolders(path, file);
    return withFileLock(
      path,
      async () => {
        const before = await this.readBytes(path);
        const existing = before === null ? null : Buffer.from(before).toString('utf8');
        if (existing !== null && request.existing === 'refuse') throw existsError(file);
        let content = await request.content(existing);
        // A file saved with Windows line ends keeps them (the readers give the text with `\n`).
        if (typeof content === 'string' && existing !== null) content = withLineEnding(content, lineEndingOf(existing));
        if (before === null) {
          await writeFileAtomic(path, content, { overwrite: false, root: this.root, display: file });
          return { file, action: 'created', backup: null };
        }
        if (sameContent(before, content)) return { file, action: 'unchanged', backup: null };
        await this.refuseReadOnly(path, file);
        const backup = await this.backup(path, before);
        await writeFileAtomic(path, content, { overwrite: true, root: this.root, display: file });
        return { file, action: request.existing === 'merge' ? 'updated' : 'replaced', backup };
      },
      { display: file, root: this.root },
    );
  }

  /** Copy `data` (the content of `path` now) into the backup folder; returns the backup, shown. */
  async backup(path: string, data: Uint8Array): Promise<string> {
    const { writeFileAtomic } = await atomicWrite();
    const folder = this.backupFolder(path);
    await mkdir(folder, { recursive: true }).catch(async (error: NodeJS.ErrnoException) => {
      // A file where a folder of .answer/backups should be (".answer" committed as a file).
      const blocker = await this.firstNonFolder(folder);
      const why = blocker ? `${this.shown(blocker)} is not a folder` : (error.code ?? error.message);
      throw new InputError(`cannot keep the old version under ${BACKUP_DIR}/ (${why}); nothing written`, { file: this.shown(path) });
    });
    const ext = extname(path);
    const stem = basename(path, ext);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.(\d+)Z$/, '.$1Z');
    for (let attempt = 0; attempt < 100; attempt++) {
      const candidate = join(folder, `${stem}.${stamp}${attempt ? `-${attempt}` : ''}${ext}`);
      try {
        await writeFileAtomic(candidate, data, { overwrite: false, root: this.root, display: this.shown(candidate) });
        return this.shown(candidate);
      } catch (error) {
        if (error instanceof InputError && /exists/.test(error.message)) continue;
        throw error;
      }
    }
    throw new InputError('cannot back up: too many backups made this moment', { file: this.shown(path) });
  }

  /** The earlier versions of a file, newest first. */
  async backups(path: string): Promise<Array<{ file: string; time: string }>> {
    const folder = this.backupFolder(path);
    const ext = extname(path);
    const stem = basename(path, ext);
    const names = await readdir(folder).catch(() => [] as string[]);
    const pattern = new RegExp(`^${escapeRegExp(stem)}\\.(\\d{8}T\\d{6}(?:\\.\\d+)?Z)(?:-(\\d+))?${escapeRegExp(ext)}$`);
    return names
      .map((name) => ({ name, match: pattern.exec(name) }))
      .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
      .sort((a, b) => (a.match[1] === b.match[1] ? Number(b.match[2] ?? 0) - Number(a.match[2] ?? 0) : a.match[1]! < b.match[1]! ? 1 : -1))
      .map((entry) => ({ file: this.shown(join(folder, entry.name)), time: isoFromStamp(entry.match[1]!) }));
  }

  private backupFolder(path: string): string {
    const rel = relative(this.root, dirname(path));
    const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : rel === '' ? '' : '_outside';
    return join(this.root, BACKUP_DIR, inside);
  }

  /** The first path from the workspace root down to `folder` that exists and is not a folder. */
  private async firstNonFolder(folder: string): Promise<string | null> {
    let at = this.root;
    for (const part of relative(this.root, folder).split(sep)) {
      at = join(at, part);
      const info = await lstat(at).catch(() => null);
      if (info === null) return null;
      if (!info.isDirectory()) return at;
    }
    return null;
  }

  /** A read-only file is a person's way of saying "do not change this": never replaced. */
  private async refuseReadOnly(path: string, file: string): Promise<void> {
    const info = await lstat(path);
    if ((info.mode & 0o200) === 0) throw new InputError('is read-only; not writing it (make it writable to let answer update it)', { file });
  }

  /** Refuse a folder on the way from the workspace to `path` that is a link or not a folder. */
  private async refuseLinkedFolders(path: string, file: string): Promise<void> {
    const rel = relative(this.root, dirname(path));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return;
    let folder = this.root;
    for (const part of rel.split(sep)) {
      folder = join(folder, part);
      const info = await lstat(folder).catch(() => null);
      if (info === null) return;
      if (info.isSymbolicLink()) throw new InputError(`refusing to write through a symbolic link (${this.shown(folder)}); replace the link by a real folder`, { file });
      if (!info.isDirectory()) throw new InputError(`${this.shown(folder)} is a file, not a folder`, { file });
    }
  }
}

function sameContent(before: Uint8Array, content: string | Uint8Array): boolean {
  const after = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return Buffer.compare(Buffer.from(before), Buffer.from(after)) === 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isoFromStamp(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/.exec(stamp)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

/** The atomic writer, loaded by the operations that write: `check` and `status` only read. */
function atomicWrite(): Promise<typeof import('../io/atomic-write.js')> {
  return import('../io/atomic-write.js');
}
