/**
 * Finding the workspace: the folder that holds `answer.config.json`, looked for in the given
 * folder and then upward, the way git finds `.git` and ESLint its configuration. A command run
 * from `questions/` or any other folder inside the workspace works on the whole workspace; a
 * command run outside one is refused, so a CI job started in the wrong folder fails instead of
 * checking nothing.
 */
import { lstat, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE } from '../config/config.js';
import { InputError, UsageError } from '../errors.js';

/** The workspace root at or above `dir`, or null when no folder up to the file system root has a config. */
export async function findWorkspaceRoot(dir: string): Promise<string | null> {
  const start = resolve(dir);
  let folder = start;
  for (;;) {
    const path = join(folder, CONFIG_FILE);
    const entry = await lstat(path).catch(() => null);
    if (entry !== null) {
      // A link to a regular file is a config kept elsewhere; a folder, FIFO or device is a mistake
      // to name, not a reason to look further up (and read some other workspace's config).
      const info = entry.isSymbolicLink() ? await stat(path).catch(() => null) : entry;
      if (info?.isFile()) return folder;
      throw new InputError(`is not a regular file${info === null ? ' (a link to nothing)' : ''}; a workspace's ${CONFIG_FILE} is a JSON file`, { file: relative(start, path) || CONFIG_FILE });
    }
    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

/** The workspace root, or a usage error that says how to make one. */
export async function requireWorkspaceRoot(dir: string): Promise<string> {
  const root = await findWorkspaceRoot(dir);
  if (root === null) throw new UsageError(`no ${CONFIG_FILE} here or in a parent folder; run \`answer init\` to make a workspace`);
  return root;
}
