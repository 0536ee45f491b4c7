/**
 * Finding the workspace: the folder that holds `answer.config.json`, looked for in the given
 * folder and then upward, the way git finds `.git` and ESLint its configuration. A command run
 * from `questions/` or any other folder inside the workspace works on the whole workspace; a
 * command run outside one is refused, so a CI job started in the wrong folder fails instead of
 * checking nothing.
 */
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../config/config.js';
import { UsageError } from '../errors.js';

/** The workspace root at or above `dir`, or null when no folder up to the file system root has a config. */
export async function findWorkspaceRoot(dir: string): Promise<string | null> {
  let folder = resolve(dir);
  for (;;) {
    const info = await stat(join(folder, CONFIG_FILE)).catch(() => null);
    if (info?.isFile()) return folder;
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
