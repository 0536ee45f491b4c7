import type { Readable, Writable } from 'node:stream';

/** What the CLI gets from the outside world; tests pass their own streams and folder. */
export interface CliOptions {
  argv: string[];
  stdout: Writable;
  stderr: Writable;
  stdin?: Readable;
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** Shared by the command modules: where to write, where the workspace is, the exit code. */
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
}

export function out(ctx: CliContext, text: string): void {
  ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function err(ctx: CliContext, text: string): void {
  ctx.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}
