import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/main.js';
import { CHECK_CODES } from './codes.js';

/**
 * Whole runs of `answer check --format json` over the workspaces in `test/golden/check-<case>/`,
 * one per problem code plus a clean and an empty workspace. `args.json` may set `today`,
 * `strict` and `paths`. Refresh with `UPDATE_GOLDEN=1 npx vitest run src/check/golden.test.ts`
 * and read the diff.
 */
const GOLDEN = join(import.meta.dirname, '../../test/golden');
const cases = readdirSync(GOLDEN).filter((name) => name.startsWith('check-')).sort();

async function run(cwd: string, argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli({ argv, stdout, stderr, cwd, env: {} });
  return { code, out, err };
}

describe('answer check on the golden workspaces', () => {
  it('has a fixture for every problem code', () => {
    for (const code of CHECK_CODES) expect(cases, code).toContain(`check-${code}`);
  });

  for (const name of cases) {
    it(`matches ${name}/expected.json`, async () => {
      const dir = join(GOLDEN, name);
      const argsFile = join(dir, 'args.json');
      const args = existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, 'utf8')) as { today?: string; strict?: boolean; paths?: string[] }) : {};
      const argv = ['check', '--format', 'json', '--today', args.today ?? '2025-06-01', ...(args.strict ? ['--strict'] : []), ...(args.paths ?? [])];
      const { code, out, err } = await run(dir, argv);
      expect(err).toBe('');
      const expectedFile = join(dir, 'expected.json');
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expectedFile)) writeFileSync(expectedFile, out);
      expect(out).toBe(readFileSync(expectedFile, 'utf8'));
      const report = JSON.parse(out) as { ok: boolean; documents: Array<{ problems: Array<{ code: string }> }> };
      expect(code).toBe(report.ok ? 0 : 1);
      const code_ = name.replace(/^check-/, '');
      if ((CHECK_CODES as readonly string[]).includes(code_)) {
        expect(report.documents.flatMap((d) => d.problems.map((p) => p.code))).toContain(code_);
      }
    });
  }
});
