import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../test-helpers.js';
import { runCli } from '../main.js';

const D66 = new URL('../../../test/fixtures/seeds/questions/2025-04-12-d66-regionale-zorg-en-veiligheid.txt', import.meta.url);

let dir: string;
beforeEach(async () => {
  dir = await tempWorkspace('answer-parse-');
  await copyFile(D66, join(dir, 'd66.txt'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], stdin?: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli({ argv, stdout, stderr, stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]), cwd: dir, env: {} });
  return { code, out, err };
}

describe('answer parse', () => {
  it('prints the contract JSON shape with deadline, received and kind', async () => {
    const { code, out, err } = await run(['parse', 'd66.txt', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 13)).toEqual([
      'title', 'subject', 'article', 'municipality', 'party', 'parties', 'members', 'date', 'addressee', 'preamble', 'questions', 'footnotes', 'warnings',
    ]);
    expect(json).toMatchObject({ received: json.date, kind: 'schriftelijke-vragen', source: 'd66.txt' });
    const questions = json.questions as Array<Record<string, unknown>>;
    expect(questions.length).toBeGreaterThan(0);
    questions.forEach((q, i) => {
      expect(Object.keys(q)).toEqual(['number', 'label', 'text', 'parts']);
      expect(q.number).toBe(i + 1);
    });
    if (json.date) {
      const expected = new Date(`${json.date as string}T12:00:00Z`);
      expected.setUTCDate(expected.getUTCDate() + 30);
      expect(json.deadline).toBe(expected.toISOString().slice(0, 10));
    }
  });

  it('uses the terms of answer.config.json: kind from the article, or set in the front matter', async () => {
    await writeFile(join(dir, 'answer.config.json'), JSON.stringify({ kinds: { 'art-45': { articles: ['45'], term: '3 weken' }, overig: { term: 30 } } }));
    await writeFile(join(dir, 'a.md'), '---\narticle: "45"\ndate: 2025-04-12\n---\n## Vraag 1\n\nWat?\n');
    await writeFile(join(dir, 'b.md'), '---\narticle: "45"\nkind: overig\ndate: 2025-04-12\n---\n## Vraag 1\n\nWat?\n');
    await writeFile(join(dir, 'c.md'), '---\ndate: 2025-04-12\nuitstel:\n  date: 2025-05-01\n  reason: advies van de regio\n  until: 2025-06-30\n---\n## Vraag 1\n\nWat?\n');
    const parse = async (file: string) => JSON.parse((await run(['parse', file, '--json'])).out) as Record<string, unknown>;
    expect(await parse('a.md')).toMatchObject({ kind: 'art-45', received: '2025-04-12', deadline: '2025-05-03' });
    expect(await parse('b.md')).toMatchObject({ kind: 'overig', deadline: '2025-05-12' });
    expect(await parse('c.md')).toMatchObject({ kind: 'art-45', deadline: '2025-06-30', uitstel: { date: '2025-05-01', reason: 'advies van de regio', until: '2025-06-30' } });
  });

  it('prints a readable summary: metadata, then the numbered questions', async () => {
    const { code, out } = await run(['parse', 'd66.txt']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\S.*\n {2}id: +\S+\n/);
    expect(out).toMatch(/\n {2}deadline: +\d{4}-\d{2}-\d{2}\n/);
    expect(out).toMatch(/\n\d+ questions?:\n {2} ?1\. /);
  });

  it('reads standard input as -', async () => {
    const text = await readFile(D66, 'utf8');
    const fromStdin = JSON.parse((await run(['parse', '-', '--json'], text)).out) as Record<string, unknown>;
    const fromFile = JSON.parse((await run(['parse', 'd66.txt', '--json'])).out) as Record<string, unknown>;
    expect(fromStdin.questions).toEqual(fromFile.questions);
    expect(fromStdin.source).toBeNull();
  });

  it('exits 2 with one line for a letter without questions, a missing file, an empty file', async () => {
    await writeFile(join(dir, 'geen.txt'), 'Geachte heer,\n\nHierbij stuur ik u het verslag van de vergadering.\n\nMet vriendelijke groet\n');
    await writeFile(join(dir, 'leeg.txt'), '');
    for (const [file, message] of [['geen.txt', /no questions found/], ['nope.pdf', /no such file/], ['leeg.txt', /empty/]] as const) {
      const { code, out, err } = await run(['parse', file, '--json']);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(new RegExp(`^${file}  `));
      expect(err).toMatch(message);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('refuses a ---js front matter without running it', async () => {
    await mkdir(join(dir, 'questions'));
    await writeFile(join(dir, 'questions', 'x.md'), '---js\n{ id: (globalThis.pwnedByParse = 1) }\n---\n## Vraag 1\n\nWat?\n');
    const { code, err } = await run(['parse', 'questions/x.md']);
    expect(code).toBe(2);
    expect(err).toMatch(/^questions\/x\.md:1 {2}front matter must be YAML/);
    expect((globalThis as { pwnedByParse?: number }).pwnedByParse).toBeUndefined();
  });

  it('reports a bad config value with the file and the key', async () => {
    await writeFile(join(dir, 'answer.config.json'), '{"kinds": {"a": {"term": "-3 dagen"}}}');
    const { code, err } = await run(['parse', 'd66.txt']);
    expect(code).toBe(2);
    expect(err).toBe('answer.config.json  kinds.a.term: "-3 dagen" must be a positive whole number of days (at most 3660)\n');
  });

  it('reads a question document: a person\'s edits and the deadline from received', async () => {
    await mkdir(join(dir, 'questions'));
    await writeFile(join(dir, 'questions', 'q.md'), '---\ntitle: Vragen over de kermis\ndate: 2024-10-01\nreceived: 2024-10-03\n---\nInleiding.\n\n## Vraag 1 (1.)\n\nKlopt dit?\n');
    const json = JSON.parse((await run(['parse', 'questions/q.md', '--json'])).out) as Record<string, unknown>;
    expect(json).toMatchObject({ id: 'q', title: 'Vragen over de kermis', received: '2024-10-03', deadline: '2024-11-02', preamble: 'Inleiding.' });
    expect(json.questions).toEqual([{ number: 1, label: '1.', text: 'Klopt dit?', parts: [] }]);
  });

  it('refuses a kind that is not configured, at its line', async () => {
    await writeFile(join(dir, 'q.md'), '---\ntitle: x\nkind: art-99\n---\n## Vraag 1\n\nWat?\n');
    const { code, err } = await run(['parse', 'q.md']);
    expect(code).toBe(2);
    expect(err).toMatch(/^q\.md:3 {2}kind: "art-99" is not a kind/);
  });
});
