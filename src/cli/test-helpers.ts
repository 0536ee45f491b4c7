/** For tests: run the CLI in a folder and collect what it printed (not part of the library). */
import { PassThrough } from 'node:stream';
import { runCli } from './main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCliIn(cwd: string, argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli({ argv, stdout, stderr, cwd, env });
  return { code, out, err };
}
