/**
 * Every command, in the order `--help` lists them: its name, its arguments and a line of
 * description, and the module that defines its options and action. Only the module of the
 * command being run is loaded, so `--help`, `--version` and `check` load no reader, writer or
 * index code.
 */
import type { Command } from 'commander';
import type { CliContext } from './context.js';

/** A command module: defines its command (options, action) on the program. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export interface CommandEntry {
  /** The name and its arguments, as commander takes them: `import <file...>`. */
  usage: string;
  description: string;
  load: () => Promise<{ register: RegisterCommand }>;
}

export const COMMANDS: CommandEntry[] = [
  { usage: 'init [dir]', description: 'make a workspace: answer.config.json, questions/, answers/, corpus/, .gitignore and a CI workflow', load: () => import('./commands/init.js') },
  { usage: 'parse <file>', description: 'parse a question letter (PDF, DOCX, ODT, RTF, text, markdown, HTML) or questions/<id>.md', load: () => import('./commands/parse.js') },
  { usage: 'import <file...>', description: 'write each letter as questions/<id>.md: front matter and an editable markdown body', load: () => import('./commands/import.js') },
  { usage: 'record <letter>', description: 'record the received date, an uitstel, the adoption (vastgesteld) or the kind of a letter', load: () => import('./commands/record.js') },
  { usage: 'corpus', description: 'manage the policy corpus (corpus/*.md)', load: () => import('./commands/corpus.js') },
  { usage: 'link <letter>', description: 'link each question of a letter to the corpus passages that may answer it', load: () => import('./commands/link.js') },
  { usage: 'search <words...>', description: 'rank corpus passages for free words, as answer link does for a question', load: () => import('./commands/search.js') },
  { usage: 'eval <gold.json>', description: 'measure answer link against a gold file: hit@1, hit@5, recall@5, recall@10, MRR, nDCG@10', load: () => import('./commands/eval.js') },
  { usage: 'draft <letter>', description: 'draft the answer memo answers/<id>.md for a letter; an existing one is merged, nothing written is lost', load: () => import('./commands/draft.js') },
  { usage: 'import-answers <memo>', description: 'read an answered memo (PDF, DOCX, ODT, RTF, HTML, text) back into answers/<id>.md, one answer per question', load: () => import('./commands/import-answers.js') },
  { usage: 'check [paths...]', description: 'check that every question document has a complete, current answer', load: () => import('./commands/check.js') },
  { usage: 'status', description: 'list every question document with its deadline and progress, and the answer-time figures', load: () => import('./commands/status.js') },
  { usage: 'restore <file> [version]', description: 'list the earlier versions of a file kept in .answer/backups/, or put one back', load: () => import('./commands/restore.js') },
];

/** The command a command line runs: its first word that is not an option. */
export function commandName(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (arg === '--') return null;
    if (!arg.startsWith('-')) return arg;
  }
  return null;
}
