import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWorkspace, workspaceStatus } from './index.js';

/**
 * `answer check` is the CI gate: one file in a pull request must not stall it, stop it or let it
 * grow without limit, and must not hide the other files' problems. Each case runs under a time
 * limit (the test's timeout) and a memory watchdog.
 */
const GOLDEN = join(import.meta.dirname, '../../test/golden');
const temp = mkdtempSync(join(tmpdir(), 'answer-check-robust-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const ID = '2025-04-12-d66-regionale-zorg-en-veiligheid';
const TODAY = '2025-06-01';

function workspace(name = 'check-clean'): string {
  const dir = join(temp, `${name}-${Math.random().toString(36).slice(2)}`);
  cpSync(join(GOLDEN, name), dir, { recursive: true });
  return dir;
}

/** Runs the check and fails when it takes more than `mb` megabytes of memory more than before. */
async function watched(dir: string, mb = 200) {
  const before = process.memoryUsage().rss;
  const report = await checkWorkspace(dir, { today: TODAY });
  expect(process.memoryUsage().rss - before).toBeLessThan(mb * 1024 * 1024);
  return report;
}

function problemsOf(report: Awaited<ReturnType<typeof checkWorkspace>>, file: string) {
  return report.documents.flatMap((d) => d.problems).filter((p) => p.file === file);
}

describe('check on files that are not documents', () => {
  it('reports a link to /dev/zero as one schema problem and checks the rest', async () => {
    const dir = workspace();
    symlinkSync('/dev/zero', join(dir, 'questions/zero.md'));
    const report = await watched(dir);
    expect(problemsOf(report, 'questions/zero.md')).toEqual([
      expect.objectContaining({ code: 'schema', severity: 'error', line: null, message: expect.stringMatching(/not a regular file/) }),
    ]);
    expect(report.documents.find((d) => d.id === ID)!.problems).toEqual([]);
  }, 10_000);

  // A kernel file says it is empty and then gives what it has (/proc/self/pagemap gives gigabytes):
  // it is read no further than its size says, never to its end.
  it.skipIf(process.platform !== 'linux')('reports a link to a file of /proc that says it is empty, reading no more than one byte of it', async () => {
    const dir = workspace();
    symlinkSync('/proc/self/pagemap', join(dir, 'questions/pagemap.md'));
    symlinkSync('/proc/self/status', join(dir, 'questions/status.md'));
    const report = await watched(dir, 50);
    for (const file of ['questions/pagemap.md', 'questions/status.md']) {
      expect(problemsOf(report, file), file).toEqual([expect.objectContaining({ code: 'schema', severity: 'error', line: null })]);
    }
    expect(problemsOf(report, 'questions/status.md')[0]!.message).toMatch(/grew while it was read/);
    expect(report.documents.find((d) => d.id === ID)!.problems).toEqual([]);
  }, 10_000);

  it('reports a FIFO, and a link to one, without waiting for a writer', async () => {
    const dir = workspace();
    execFileSync('mkfifo', [join(dir, 'questions/pipe.md')]);
    symlinkSync(join(dir, 'questions/pipe.md'), join(dir, 'answers/via-link.md'));
    const report = await watched(dir);
    expect(problemsOf(report, 'questions/pipe.md').map((p) => p.message)).toEqual([expect.stringMatching(/not a regular file/)]);
    expect(problemsOf(report, 'answers/via-link.md').map((p) => p.code)).toContain('schema');
    expect(report.documents.find((d) => d.id === ID)!.problems).toEqual([]);
  }, 10_000);

  it('reports a dangling link and a file over the size limit by name', async () => {
    const dir = workspace();
    symlinkSync(join(dir, 'nergens.md'), join(dir, 'questions/weg.md'));
    writeFileSync(join(dir, 'questions/groot.md'), `---\nid: groot\n---\n## Vraag 1\n\n${'woord '.repeat(400_000)}\n`);
    const report = await watched(dir);
    expect(problemsOf(report, 'questions/weg.md').map((p) => p.message)).toEqual([expect.stringMatching(/does not exist/)]);
    expect(problemsOf(report, 'questions/groot.md').map((p) => p.message)).toEqual([expect.stringMatching(/larger than 2\.0 MB/)]);
  }, 10_000);
});

describe('check on hand-written documents that trip a reader', () => {
  it('reads a document with a 100,000-star line and still checks the others', async () => {
    const dir = workspace();
    const question = readFileSync(join(dir, `questions/${ID}.md`), 'utf8');
    writeFileSync(join(dir, 'questions/sterren.md'), question.replace(`id: ${ID}`, 'id: sterren').replace('Inleiding', `${'*'.repeat(100_000)}\n\nInleiding`));
    writeFileSync(join(dir, 'questions/sterren-in-tekst.md'), question.replace(`id: ${ID}`, 'id: sterren-in-tekst').replace('Inleiding', `Tekst ${'*'.repeat(100_000)} tekst.\n\nInleiding`));
    const report = await watched(dir);
    expect(report.documents.find((d) => d.id === 'sterren')).toMatchObject({ questions: 3 });
    expect(report.documents.find((d) => d.id === 'sterren-in-tekst')).toMatchObject({ questions: 3 });
    expect(report.documents.find((d) => d.id === ID)!.problems).toEqual([]);
  }, 30_000);

  it('reads a 300 kB document with markup in every paragraph as one tree, not one parse per paragraph', async () => {
    const dir = workspace();
    const paragraph = `Het college *onderzoekt* dit met **partners** en [bronnen](https://example.org) verder.`;
    const extra = Array.from({ length: 3_500 }, () => paragraph).join('\n\n');
    // In the preamble of the question document (whose text the reader keeps), and in a part of the
    // answer document (whose text the check never asks for: its blocks are placed, not parsed).
    for (const [file, before] of [[`questions/${ID}.md`, 'Inleiding'], [`answers/${ID}.md`, '## Vraag 1']] as const) {
      const path = join(dir, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(before, `## Bijlage\n\n${extra}\n\n${before}`));
      expect(readFileSync(path).length).toBeGreaterThan(300_000);
    }
    const start = performance.now();
    const report = await watched(dir);
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(report.documents.find((d) => d.id === ID)).toMatchObject({ questions: 3, answered: 3, problems: [] });
  }, 30_000);

  it('accepts a question document saved as Windows-1252 ("ANSI"), with a warning, as parse does', async () => {
    const dir = workspace();
    const file = join(dir, `questions/${ID}.md`);
    const text = readFileSync(file, 'utf8').replace('Inleiding', 'Inleiding over de café’s en de financiën');
    writeFileSync(file, Buffer.from(text.replace(/’/g, '\u0092'), 'latin1'));
    const report = await watched(dir);
    const doc = report.documents.find((d) => d.id === ID)!;
    expect(doc).toMatchObject({ questions: 3, answered: 3 });
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'schema', severity: 'warning', message: expect.stringMatching(/Windows-1252.*save it as UTF-8/) })]);
  });

  it('reads CRLF documents as it reads LF ones', async () => {
    const lf = await checkWorkspace(workspace('check-unanswered'), { today: TODAY });
    const dir = workspace('check-unanswered');
    for (const file of [`questions/${ID}.md`, `answers/${ID}.md`]) writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(/\n/g, '\r\n'));
    const crlf = await checkWorkspace(dir, { today: TODAY });
    expect(crlf.documents).toEqual(lf.documents);
  });
});

describe('check on front matter people edit', () => {
  it('warns about a hand-set deadline that differs from the computed one, saying how to move a deadline', async () => {
    const dir = workspace();
    const file = join(dir, `questions/${ID}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('received: 2025-04-12\n', 'received: 2025-04-12\ndeadline: 2025-06-30\n'));
    const doc = (await watched(dir)).documents.find((d) => d.id === ID)!;
    expect(doc.deadline).toBe('2025-05-12');
    expect(doc.problems).toEqual([
      {
        code: 'schema',
        severity: 'warning',
        question: null,
        file: `questions/${ID}.md`,
        line: 15,
        message: `Deadline 2025-06-30 differs from received + the answer term (2025-05-12); using 2025-05-12; to move a deadline, add an uitstel: answer record ${ID} --uitstel-until YYYY-MM-DD --reason TEXT.`,
      },
    ]);
  });
});

describe('status on documents it cannot read', () => {
  it('keeps the row, gives the problems check gives, and is not ok', async () => {
    const dir = workspace('check-overdue');
    const file = join(dir, 'questions/2025-03-01-cu-geen-antwoord.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^received: .*$/m, 'received: 1 maart 2025'));
    const report = await workspaceStatus(dir, { today: TODAY });
    expect(report.ok).toBe(false);
    const row = report.documents.find((d) => d.id === '2025-03-01-cu-geen-antwoord')!;
    // The date written wrong is unknown, not replaced by the letter's date: no deadline is guessed.
    expect(row).toMatchObject({ received: null, deadline: null, questions: 3 });
    const check = await checkWorkspace(dir, { today: TODAY });
    const schema = check.documents.find((d) => d.id === row.id)!.problems.filter((p) => p.code === 'schema');
    expect(row.problems).toEqual(schema);
    expect(schema).toEqual([expect.objectContaining({ message: `'received' is "1 maart 2025", which is not a date written YYYY-MM-DD.` })]);
  });

  it('carries the uitstel in its report', async () => {
    const report = await workspaceStatus(workspace('check-overdue'), { today: TODAY });
    expect(report.ok).toBe(true);
    expect(report.documents.find((d) => d.id === '2025-04-20-vvd-uitstel')).toMatchObject({
      deadline: '2025-07-01',
      uitstel: { date: '2025-05-15', reason: 'advies van de veiligheidsregio nodig', until: '2025-07-01' },
      problems: [],
    });
    expect(report.documents.find((d) => d.id === ID)!.uitstel).toBeNull();
  });
});
