/**
 * `restore`: the earlier versions of a file that commands kept under `.answer/backups/`, listed
 * newest first, and one of them put back. Putting a version back is a write like any other: the
 * current content is kept as a backup first, so a restore can itself be undone.
 */
import { isAbsolute, relative } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import type { FileWrite } from './files.js';
import { resolveLetterPath } from './letters.js';
import type { Workspace } from './workspace.js';

export interface RestoreReport {
  file: string;
  /** The kept versions, newest first; `n` is what `restore <file> <n>` takes. */
  versions: Array<{ n: number; file: string; time: string }>;
  /** The write that put a version back, when one was asked for. */
  restored: { version: string; write: FileWrite } | null;
}

export async function restore(ws: Workspace, given: string, version: string | undefined): Promise<RestoreReport> {
  const path = (await resolveLetterPath(ws, given)) ?? ws.userPath(given);
  const file = ws.shown(path);
  // Versions of files outside the workspace share one folder (.answer/backups/_outside) by
  // name: putting one back could write another file's content, and outside the workspace.
  const inside = relative(ws.root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new InputError('is outside the workspace; answer restore puts back only files of the workspace', { file });
  }
  const versions = (await ws.files.backups(path)).map((backup, i) => ({ n: i + 1, ...backup }));
  if (version === undefined) return { file, versions, restored: null };
  if (versions.length === 0) throw new InputError('no earlier versions are kept for this file', { file });
  const chosen = /^\d+$/.test(version) ? versions.find((v) => v.n === Number(version)) : versions.find((v) => v.file.endsWith(version) || v.time === version);
  if (!chosen) throw new UsageError(`no version "${version}" of ${file}; run answer restore ${given} to list them (1 is the newest)`);
  const data = await ws.files.readBytes(ws.path(chosen.file));
  if (data === null) throw new InputError('the kept version is gone', { file: chosen.file });
  const write = await ws.files.write({ path, existing: 'replace', content: () => data });
  return { file, versions, restored: { version: chosen.file, write } };
}
