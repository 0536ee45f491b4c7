import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_CODES } from '../../index.js';
import { runCli } from '../main.js';

const GOLDEN = join(import.meta.dirname, '../../../test/golden');
const temp = mkdtempSync(join(tmpdir(), 'answer-check-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

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

/** A copy of a golden workspace in a temp folder, so a test may change it. */
function workspace(name: string): string {
  const dir = join(temp, `${name}-${Math.random().toString(36).slice(2)}`);
  cpSync(join(GOLDEN, name), dir, { recursive: true });
  // The golden folders are the check's input; a workspace for the command also needs its config.
  try {
    writeFileSync(join(dir, 'answer.config.json'), '{}\n', { flag: 'wx' });
  } catch {
    // the case has its own configuration
  }
  return dir;
}

/** Every file under `dir` with its size and modification time. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const info = statSync(path);
        result[path] = `${info.size}:${info.mtimeMs}:${readFileSync(path, 'utf8').length}`;
      }
    }
  };
  walk(dir);
  return result;
}

describe('answer check', () => {
  it('exits 0 on a clean workspace and says every question has an answer', async () => {
    const { code, out } = await run(workspace('check-clean'), ['check', '--today', '2025-06-01']);
    expect(code).toBe(0);
    expect(out).toBe('1 question document checked: every question has an answer, no problems.\n');
  });

  it('exits 1 when errors are found, with file:line, severity, code and message per problem', async () => {
    const { code, out } = await run(workspace('check-unanswered'), ['check', '--today', '2025-06-01']);
    expect(code).toBe(1);
    expect(out).toMatch(/answers\/2025-04-12-d66-regionale-zorg-en-veiligheid\.md:22 +error +unanswered +Question 2 has no answer yet\./);
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 question document checked: 3 errors, 1 warning.');
  });

  it('exits 0 when only warnings are found, and 1 for the same overdue answer with --strict', async () => {
    const dir = workspace('check-overdue');
    rmSync(join(dir, 'questions/2025-03-01-cu-geen-antwoord.md'));
    expect((await run(dir, ['check', '--today', '2025-06-01'])).code).toBe(0);
    expect((await run(dir, ['check', '--today', '2025-06-01', '--strict'])).code).toBe(1);
    expect((await run(dir, ['check', '--today', '2025-05-12', '--strict'])).code).toBe(0);
  });

  it('says so and exits 0 when the workspace has no question documents', async () => {
    const dir = join(temp, 'empty');
    mkdirSync(dir);
    writeFileSync(join(dir, 'answer.config.json'), '{}');
    const { code, out } = await run(dir, ['check']);
    expect(code).toBe(0);
    expect(out).toBe('No question documents found in questions/: nothing to check.\n');
    const json = await run(dir, ['check', '--format', 'json']);
    expect(JSON.parse(json.out)).toEqual({ ok: true, documents: [], summary: { documents: 0, errors: 0, warnings: 0 } });
  });

  it('checks only the paths given: a question document, or the question an answer document names', async () => {
    const dir = workspace('check-overdue');
    const byQuestion = JSON.parse((await run(dir, ['check', '--format', 'json', '--today', '2025-06-01', 'questions/2025-04-20-vvd-uitstel.md'])).out);
    expect(byQuestion.documents.map((d: { id: string }) => d.id)).toEqual(['2025-04-20-vvd-uitstel']);
    const byAnswer = JSON.parse((await run(dir, ['check', '--format', 'json', '--today', '2025-06-01', 'answers/2025-04-20-vvd-uitstel.md'])).out);
    expect(byAnswer.documents.map((d: { id: string }) => d.id)).toEqual(['2025-04-20-vvd-uitstel']);
  });

  it('exits 2 with one line on stderr when the check cannot run', async () => {
    const dir = workspace('check-clean');
    const cases: Array<[string, string[], RegExp]> = [
      [dir, ['check', '--today', '1 juni 2025'], /--today must be a date written YYYY-MM-DD/],
      [dir, ['check', '--today', '2025-02-30'], /--today must be a date/],
      [dir, ['check', '--format', 'xml'], /argument 'xml' is invalid/],
      [dir, ['check', 'questions/bestaat-niet.md'], /^questions\/bestaat-niet\.md {2}no such file or folder$/m],
      [join(temp, 'no-such-workspace'), ['check'], /^no answer\.config\.json here or in a parent folder; run `answer init`/],
    ];
    for (const [cwd, argv, message] of cases) {
      const { code, out, err } = await run(cwd, argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses to run outside a workspace, so a CI job in the wrong folder fails instead of checking nothing', async () => {
    const outside = join(temp, 'not-a-workspace');
    mkdirSync(join(outside, 'questions'), { recursive: true });
    for (const cwd of [outside, join(outside, 'questions')]) {
      const { code, out, err } = await run(cwd, ['check']);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe('no answer.config.json here or in a parent folder; run `answer init` to make a workspace\n');
    }
  });

  it('works from any folder inside the workspace, on the whole workspace', async () => {
    const dir = workspace('check-unanswered');
    const fromRoot = await run(dir, ['check', '--today', '2025-06-01']);
    const fromQuestions = await run(join(dir, 'questions'), ['check', '--today', '2025-06-01']);
    expect(fromQuestions.code).toBe(1);
    expect(fromQuestions.out).toBe(fromRoot.out);
    const byId = await run(join(dir, 'answers'), ['check', '--format', 'json', '--today', '2025-06-01', '2025-04-12-d66-regionale-zorg-en-veiligheid']);
    expect(JSON.parse(byId.out).documents.map((d: { id: string }) => d.id)).toEqual(['2025-04-12-d66-regionale-zorg-en-veiligheid']);
  });

  it('exits 2 on a broken answer.config.json, naming the file', async () => {
    const dir = workspace('check-clean');
    writeFileSync(join(dir, 'answer.config.json'), '{ "kinds": { "art45": { "term": "soms" } } }');
    const { code, err } = await run(dir, ['check']);
    expect(code).toBe(2);
    expect(err).toMatch(/^answer\.config\.json {2}kinds\.art45\.term/);
  });

  it('reports a file that is not text as one problem and checks the rest', async () => {
    const dir = workspace('check-clean');
    writeFileSync(join(dir, 'questions/kapot.md'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]));
    const report = JSON.parse((await run(dir, ['check', '--format', 'json', '--today', '2025-06-01'])).out);
    const broken = report.documents.find((d: { questionFile: string }) => d.questionFile === 'questions/kapot.md');
    expect(broken.problems).toEqual([
      { severity: 'error', code: 'schema', question: null, file: 'questions/kapot.md', line: null, message: 'The file is not UTF-8 text; a question or answer document is markdown.' },
    ]);
    expect(report.documents.find((d: { id: string }) => d.id === '2025-04-12-d66-regionale-zorg-en-veiligheid').problems).toEqual([]);
  });

  it('never writes: every file is the same after a check in every format', async () => {
    const dir = workspace('check-orphan');
    const before = snapshot(dir);
    for (const format of ['text', 'json', 'github', 'junit']) await run(dir, ['check', '--format', format, '--today', '2025-06-01']);
    await run(dir, ['status', '--today', '2025-06-01']);
    expect(snapshot(dir)).toEqual(before);
  });

  it('documents every problem code in --help', async () => {
    const { code, out } = await run(temp, ['check', '--help']);
    expect(code).toBe(0);
    for (const problemCode of CHECK_CODES) expect(out).toMatch(new RegExp(`^ {2}${problemCode} +\\S`, 'm'));
    expect(out).toContain('--format <format>');
    expect(out).toContain('2  the check could not run');
  });
});

describe('answer status', () => {
  it('lists the letters by deadline with days left, and the figures', async () => {
    const dir = workspace('check-overdue');
    const { code, out } = await run(dir, ['status', '--today', '2025-06-01']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^id +party +subject +received +deadline +days left +answered +status$/);
    expect(lines.slice(1, 4).map((l) => l.split(/ {2,}/)[0])).toEqual(['2025-03-01-cu-geen-antwoord', '2025-04-12-d66-regionale-zorg-en-veiligheid', '2025-04-20-vvd-uitstel']);
    expect(lines[1]).toMatch(/31 maart 2025 +-62 +0 of 3 +no answer$/);
    expect(lines[3]).toMatch(/1 juli 2025 \(uitstel\) +30 +3 of 3 +concept$/);
    expect(out).toContain('3 letters: 0 answered (vastgesteld), 0 of them late; 3 open, 2 of them overdue (today 1 juni 2025).');
  });

  it('gives days to answer and late answers from vastgesteld answers, as JSON', async () => {
    const dir = workspace('check-clean');
    const { code, out } = await run(dir, ['status', '--json', '--today', '2025-06-01']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.documents[0]).toMatchObject({ status: 'vastgesteld', answerDate: '2025-05-08', received: '2025-04-12', daysToAnswer: 26, late: false, daysLeft: null, answered: 3, questions: 3 });
    expect(report.figures).toMatchObject({ letters: 1, answered: 1, late: 0, medianDaysToAnswer: 26, worstDaysToAnswer: 26 });
    expect(report.parties).toEqual([{ party: 'D66', letters: 1, answered: 1, late: 0, open: 0, overdue: 0, medianDaysToAnswer: 26, worstDaysToAnswer: 26 }]);
  });

  it('exits 2 on a bad --today', async () => {
    const { code, err } = await run(workspace('check-clean'), ['status', '--today', 'gisteren']);
    expect(code).toBe(2);
    expect(err).toMatch(/--today must be a date/);
  });
});
