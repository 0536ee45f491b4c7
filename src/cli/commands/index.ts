import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** A command module: registers its command on the program. Heavy work is imported lazily. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/**
 * Every command by name, in the order `--help` lists them. A run loads only the module of the
 * command it names (all of them for `--help` or an unknown word): a command's module brings its
 * libraries, and loading every one cost `answer search` more than the search (bench/cli.ts).
 */
export const commands: Array<[name: string, load: () => Promise<{ register: RegisterCommand }>]> = [
  ['parse', () => import('./parse.js')],
  ['import', () => import('./import.js')],
  ['corpus', () => import('./corpus.js')],
  ['link', () => import('./link.js')],
  ['search', () => import('./search.js')],
  ['eval', () => import('./eval.js')],
  ['draft', () => import('./draft.js')],
  ['import-answers', () => import('./import-answers.js')],
  ['check', () => import('./check.js')],
  ['status', () => import('./status.js')],
];
