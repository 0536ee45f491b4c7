import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** A command module: registers its command on the program. Heavy work is imported lazily. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** Every command, in the order `--help` lists them. */
export const commands: Array<() => Promise<{ register: RegisterCommand }>> = [
  () => import('./parse.js'),
  () => import('./import.js'),
  () => import('./corpus.js'),
  () => import('./link.js'),
  () => import('./search.js'),
  () => import('./eval.js'),
  () => import('./draft.js'),
  () => import('./import-answers.js'),
  () => import('./check.js'),
  () => import('./status.js'),
];
