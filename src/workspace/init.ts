/**
 * `init`: a new workspace in a council's own repository: `answer.config.json`, the folders
 * `questions/`, `answers/` and `corpus/`, a `.gitignore` for what the tool makes (the index,
 * backups, exported Word and HTML memos), and a GitHub Actions workflow that runs
 * `answer check --format github` on every pull request. Nothing that exists is overwritten: a
 * config refuses the init, an existing `.gitignore` gets the missing lines added, an existing
 * workflow is left as it is.
 */
import { lstat, mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CONFIG_FILE, parseConfig } from '../config/config.js';
import { InputError, UsageError } from '../errors.js';
import { WorkspaceFiles, type FileWrite } from './files.js';
import { findWorkspaceRoot } from './root.js';

export interface InitOptions {
  /** The folder to make the workspace in (created when missing). */
  dir: string;
  /** The municipality's name, for the memo's signature ("Burgemeester en wethouders van ..."). */
  municipality?: string;
}

export interface InitReport {
  root: string;
  writes: FileWrite[];
  /** Folders made. */
  folders: string[];
  /** A workspace above the new one, whose commands the new one now shadows. */
  enclosing: string | null;
}

/** What the tool makes in a workspace and git should not keep. */
export const GITIGNORE_LINES = ['# answer: the index and the backups of earlier versions', '.answer/', '# answer: Word and HTML exports of the memos', 'answers/*.docx', 'answers/*.html'];

export const WORKFLOW_FILE = '.github/workflows/answer-check.yml';

export const WORKFLOW = `name: answer check

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Check that every question has an answer
        run: npx answer check --format github
`;

function configText(municipality: string | null): string {
  const config = {
    municipality,
    kinds: { 'schriftelijke-vragen': { articles: [], term: '30 dagen' } },
    signatories: { burgemeester: null, secretaris: null },
    corpus: ['corpus'],
    answers: 'answers',
    questions: 'questions',
    top: 5,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export async function initWorkspace(options: InitOptions): Promise<InitReport> {
  const root = resolve(options.dir);
  const municipality = options.municipality?.trim() || null;
  if (municipality !== null && (municipality.length > 100 || /[\u0000-\u001f]/.test(municipality))) {
    throw new UsageError('--municipality must be a name on one line of at most 100 characters');
  }
  const info = await stat(root).catch(() => null);
  if (info !== null && !info.isDirectory()) throw new InputError('is a file, not a folder', { file: options.dir });
  const enclosing = await findWorkspaceRoot(root);
  if (enclosing === root) throw new InputError(`${CONFIG_FILE} exists: this folder is a workspace already`, { file: join(options.dir, CONFIG_FILE) });
  await mkdir(root, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOTDIR' || error.code === 'EEXIST' ? 'cannot make this folder: a file stands on its way' : `cannot make this folder (${error.code ?? error.message})`, { file: options.dir });
  });
  // A file where a folder of the workspace goes: said before anything is written.
  const present = new Map<string, boolean>();
  for (const folder of ['questions', 'answers', 'corpus']) {
    const existing = await lstat(join(root, folder)).catch(() => null);
    if (existing !== null && !existing.isDirectory()) throw new InputError('is not a folder; the workspace needs a folder here', { file: join(options.dir, folder) });
    present.set(folder, existing !== null);
  }
  const files = new WorkspaceFiles(root);
  const config = configText(municipality);
  parseConfig(config); // what init writes, the tool reads
  const writes: FileWrite[] = [];
  writes.push(await files.write({ path: join(root, CONFIG_FILE), existing: 'refuse', content: () => config }));
  const folders: string[] = [];
  for (const folder of ['questions', 'answers', 'corpus']) {
    if (present.get(folder)) continue;
    await mkdir(join(root, folder));
    folders.push(folder);
  }
  writes.push(
    await files.write({
      path: join(root, '.gitignore'),
      existing: 'merge',
      content: (existing) => {
        if (existing === null) return `${GITIGNORE_LINES.join('\n')}\n`;
        const have = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
        const missing = GITIGNORE_LINES.filter((line) => line.startsWith('#') || !have.has(line));
        if (missing.every((line) => line.startsWith('#'))) return existing;
        return `${existing}${existing.endsWith('\n') || existing === '' ? '' : '\n'}\n${missing.join('\n')}\n`;
      },
    }),
  );
  const workflow = join(root, WORKFLOW_FILE);
  if ((await files.readBytes(workflow).catch(() => null)) === null) {
    writes.push(await files.write({ path: workflow, existing: 'refuse', content: () => WORKFLOW }));
  } else {
    writes.push({ file: WORKFLOW_FILE, action: 'unchanged', backup: null });
  }
  return { root, writes, folders, enclosing: enclosing === null ? null : enclosing };
}
