/** Exit codes of the `answer` command; the same table is in the README and `--help`. */
export const EXIT = {
  /** Everything went well. */
  ok: 0,
  /** The check ran and found problems. */
  problems: 1,
  /** Usage or input error: the command could not do its job. */
  usage: 2,
} as const;

export interface ErrorLocation {
  file?: string | null;
  line?: number | null;
}

/**
 * Input that cannot be used: an unreadable, empty, binary or oversized file, a letter without
 * questions. The CLI prints it as one line (`file:line  message`) and exits with 2.
 */
export class InputError extends Error {
  readonly file: string | null;
  readonly line: number | null;
  constructor(message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = 'InputError';
    this.file = location.file ?? null;
    this.line = location.line ?? null;
  }
}

/** A wrong command line: unknown flag, bad value. Exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** One line for a user: `file:line  message`, or just the message. */
export function formatErrorLine(error: InputError | UsageError): string {
  if (error instanceof InputError && error.file) {
    const where = error.line ? `${error.file}:${error.line}` : error.file;
    return `${where}  ${error.message}`;
  }
  return error.message;
}

/** Whether an error is one of ours (a user mistake) rather than a bug. */
export function isUserError(error: unknown): error is InputError | UsageError {
  return error instanceof InputError || error instanceof UsageError;
}
