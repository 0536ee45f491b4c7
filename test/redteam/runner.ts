/**
 * The child process the red-team harness runs commands in (see harness.ts): `runCli` from the
 * sources, in a process of its own with a heap limit, so that a hang or a blow-up ends this
 * process and fails the case instead of stalling the test run.
 *
 * - With an IPC channel (forked by the harness): runs one command per message, one after the
 *   other, and answers with the exit code and what it printed.
 * - With `--once -- <argv...>`: runs one command on the real streams and exits with its code
 *   (for cases that need whole processes: two at once, kill -9).
 */
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

export interface CaseRequest {
  id: number;
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  /** Standard input, base64; an empty stream when absent. */
  stdin?: string;
}

export interface CaseReply {
  id: number;
  code: number;
  out: string;
  err: string;
  /** An exception runCli let through (it must never). */
  thrown?: string;
}

/** What a case may print before the harness cuts it (a huge output is not what is tested). */
const MAX_OUTPUT = 2 * 1024 * 1024;

function collect(stream: PassThrough): () => string {
  let text = '';
  let cut = false;
  stream.on('data', (chunk: Buffer) => {
    if (text.length < MAX_OUTPUT) text += chunk.toString('utf8');
    else cut = true;
  });
  return () => (cut ? `${text}\n[cut by the harness]` : text);
}

async function runCase(request: CaseRequest): Promise<CaseReply> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const stdin = Readable.from(request.stdin === undefined ? [] : [Buffer.from(request.stdin, 'base64')]);
  process.chdir(request.cwd);
  try {
    const code = await runCli({ argv: request.argv, stdout, stderr, stdin, cwd: request.cwd, env: request.env });
    return { id: request.id, code, out: out(), err: err() };
  } catch (error) {
    return { id: request.id, code: -1, out: out(), err: err(), thrown: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (process.argv[2] === '--once') {
  const argv = process.argv.slice(process.argv.indexOf('--') + 1);
  process.exitCode = await runCli({ argv, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env });
} else if (process.send) {
  // One case at a time: the harness waits for each answer before it sends the next.
  process.on('message', (request: CaseRequest) => {
    void runCase(request).then((reply) => process.send!(reply));
  });
  process.send({ id: 0, code: 0, out: 'ready', err: '' } satisfies CaseReply);
}
