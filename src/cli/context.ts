import type { Readable, Writable } from 'node:stream';
import type { ProgressEvent, Workspace } from '../index.js';
// From its own module, not index.ts, which also loads the letter parser and the readers (see commands/check.ts).
import { openWorkspace } from '../workspace/workspace.js';
import type { Progress } from './progress.js';
import { terminalSafe } from './terminal.js';

/** What the CLI gets from the outside world; tests pass their own streams and folder. */
export interface CliOptions {
  argv: string[];
  stdout: Writable;
  stderr: Writable;
  stdin?: Readable;
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** Shared by the command modules: where to write, where the user works, the exit code. */
export interface CliContext {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable | undefined;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Set by a command's action; 0 when it does not set it. */
  exitCode: number;
  /** Whether colour may be used on stderr (honours NO_COLOR). */
  color: boolean;
  /** The progress line (a no-op unless stderr is a terminal and --quiet is not given). */
  progress: Progress;
}

/**
 * Print a command's result on stdout. Text from documents is in it: control characters are made
 * visible (terminal.ts), so no escape sequence from a letter reaches the terminal.
 */
export function out(ctx: CliContext, text: string): void {
  const safe = terminalSafe(text);
  ctx.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

/** Print a message on stderr (control characters made visible, as for `out`). */
export function err(ctx: CliContext, text: string): void {
  ctx.progress.stop();
  const safe = terminalSafe(text);
  ctx.stderr.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

/** The workspace the user works in, with progress shown on the terminal. */
export function workspace(ctx: CliContext): Promise<Workspace> {
  return openWorkspace({ dir: ctx.cwd, env: ctx.env, onProgress: (event: ProgressEvent) => ctx.progress.report(event) });
}
