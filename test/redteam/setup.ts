/** Setting up hostile file-system entries in a red-team workspace. */
import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Workspace } from './harness.js';

/** Kinds of entry that stand where a command expects a regular file. */
export type OddKind = 'fifo' | 'zero-link' | 'folder' | 'dangling-link' | 'outside-link';
export const ODD_KINDS: readonly OddKind[] = ['fifo', 'zero-link', 'folder', 'dangling-link', 'outside-link'];

/** Put an entry of `kind` at `path` (absolute), replacing whatever is there. */
export async function placeOdd(ws: Workspace, path: string, kind: OddKind): Promise<void> {
  await rm(path, { recursive: true, force: true });
  await mkdir(dirname(path), { recursive: true });
  switch (kind) {
    case 'fifo':
      execFileSync('mkfifo', [path]);
      return;
    case 'zero-link':
      await symlink('/dev/zero', path);
      return;
    case 'folder':
      await mkdir(path);
      await writeFile(join(path, 'inside.md'), '# a file in a folder with a file name\n');
      return;
    case 'dangling-link':
      await symlink(join(ws.base, 'nothing-here'), path);
      return;
    case 'outside-link':
      await symlink(join(ws.outside, 'secret.txt'), path);
      return;
  }
}

/** Write a file at `path` (absolute), replacing whatever is there, making its folder. */
export async function placeFile(path: string, content: string | Uint8Array): Promise<void> {
  await rm(path, { recursive: true, force: true });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/** A file of `bytes` zero bytes that takes no disk space (sparse): for the size limits. */
export async function placeSparse(path: string, bytes: number): Promise<void> {
  await placeFile(path, '');
  await truncate(path, bytes);
}
