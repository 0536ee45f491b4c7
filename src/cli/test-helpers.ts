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

/**
 * A new folder that is a workspace (it holds `answer.config.json`, by default an empty one: the
 * defaults), for tests that run commands in it.
 */
export async function tempWorkspace(prefix: string, config: Record<string, unknown> = {}): Promise<string> {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await writeFile(join(dir, 'answer.config.json'), `${JSON.stringify(config)}\n`);
  return dir;
}

/** The repository's example workspace (answer.config.json, questions/, answers/, corpus/), copied into `dir`. */
export async function copyExampleWorkspace(dir: string): Promise<string> {
  const { cp } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('../../', import.meta.url));
  for (const part of ['answer.config.json', 'questions', 'answers', 'corpus']) await cp(join(root, part), join(dir, part), { recursive: true });
  return dir;
}
