import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCheckJson } from '../cli/formatters/json.js';
import { CHECK_CODES } from './codes.js';
import { checkWorkspace } from './index.js';

/**
 * Whole runs of `answer check --format json` (the library call and the JSON formatter; the
 * command line itself is tested in cli/commands/check.test.ts) over the workspaces in
 * `test/golden/check-<case>/`,
 * one per problem code plus a clean and an empty workspace. `args.json` may set `today`,
 * `strict` and `paths`. Refresh with `UPDATE_GOLDEN=1 npx vitest run src/check/golden.test.ts`
 * and read the diff.
 */
const GOLDEN = join(import.meta.dirname, '../../test/golden');
const cases = readdirSync(GOLDEN).filter((name) => name.startsWith('check-')).sort();

describe('answer check on the golden workspaces', () => {
  it('has a fixture for every problem code', () => {
    for (const code of CHECK_CODES) expect(cases, code).toContain(`check-${code}`);
  });

  for (const name of cases) {
    it(`matches ${name}/expected.json`, async () => {
      const dir = join(GOLDEN, name);
      const argsFile = join(dir, 'args.json');
      const args = existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, 'utf8')) as { today?: string; strict?: boolean; paths?: string[] }) : {};
      const report = await checkWorkspace(dir, { today: args.today ?? '2025-06-01', strict: args.strict ?? false, paths: args.paths });
      const out = formatCheckJson(report);
      const expectedFile = join(dir, 'expected.json');
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(expectedFile, out);
      // A missing golden file fails: it is written only by an explicit UPDATE_GOLDEN=1 run, whose diff a person reads.
      expect(existsSync(expectedFile), `${name}/expected.json is missing; write it with UPDATE_GOLDEN=1 and read it`).toBe(true);
      expect(out).toBe(readFileSync(expectedFile, 'utf8'));
      const code = name.replace(/^check-/, '');
      if ((CHECK_CODES as readonly string[]).includes(code)) {
        expect(report.documents.flatMap((d) => d.problems.map((p) => p.code))).toContain(code);
      }
    });
  }
});
