import type { Readable, Writable } from 'node:stream';
import { openWorkspace, type ProgressEvent, type Workspace } from '../index.js';
import type { Progress } from './progress.js';

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

export function out(ctx: CliContext, text: string): void {
  ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function err(ctx: CliContext, text: string): void {
  ctx.progress.stop();
  ctx.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** The workspace the user works in, with progress shown on the terminal. */
export function workspace(ctx: CliContext): Promise<Workspace> {
  return openWorkspace({ dir: ctx.cwd, env: ctx.env, onProgress: (event: ProgressEvent) => ctx.progress.report(event) });
}
