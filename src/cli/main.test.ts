import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.js';

function run(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return runCli({ argv, stdout, stderr, cwd: process.cwd(), env: {} }).then((code) => ({ code, out, err }));
}

describe('runCli', () => {
  it('prints help with the exit code table and exits 0', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Exit codes:');
  });

  it('exits 2 on an unknown flag, with a message on stderr', async () => {
    const { code, err } = await run(['--no-such-flag']);
    expect(code).toBe(2);
    expect(err).toContain('unknown option');
  });
});
