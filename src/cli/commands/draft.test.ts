import { lstat, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../test-helpers.js';
import { ANSWER_PLACEHOLDER, readAnswerDocument } from '../../documents/answer-document.js';
import { renderQuestionDocument } from '../../documents/question-document.js';
import type { QuestionDocument } from '../../model.js';
import { runCli } from '../main.js';

const ID = '2025-04-12-d66-regionale-zorg-en-veiligheid';
const QUESTIONS = [
  'Deelt het college de opvatting van D66 dat de draaglast in sommige wijken in Zwolle onder druk staat?',
  'Ziet het college mogelijkheden om de druk op wijken te verlichten door voorzieningen te spreiden?',
  'Welke pogingen onderneemt het college om hier bij het Rijk op aan te dringen?',
];

function letter(questions: string[]): QuestionDocument {
  return {
    id: ID,
    title: 'Vragen ex. artikel 45 regionale zorg en veiligheid',
    subject: 'regionale zorg en veiligheid',
    article: '45',
    municipality: 'Zwolle',
    party: 'D66',
    parties: ['D66'],
    members: [],
    date: '2025-04-12',
    received: '2025-05-01',
    addressee: 'college van burgemeester en wethouders',
    preamble: 'Sinds de decentralisatie in het sociaal domein.',
    questions: questions.map((text, i) => ({ number: i + 1, label: '-', text, parts: [] })),
    footnotes: [],
    warnings: [],
  };
}

let dir: string;
const questionFile = `questions/${ID}.md`;
const answerFile = () => join(dir, 'answers', `${ID}.md`);

async function writeLetter(questions: string[]): Promise<void> {
  await writeFile(join(dir, questionFile), renderQuestionDocument(letter(questions)));
}

beforeEach(async () => {
  dir = await tempWorkspace('answer-draft-cli-');
  await mkdir(join(dir, 'questions'));
  await writeLetter(QUESTIONS);
  await writeFile(
    join(dir, 'answer.config.json'),
    JSON.stringify({ municipality: 'Zwolle', signatories: { burgemeester: 'Peter Snijders', secretaris: 'Dick Emmer' } }),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  let err = '';
  stdout.on('data', (d: Buffer) => chunks.push(Buffer.from(d)));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli({ argv, stdout, stderr, cwd: dir, env: {} });
  const bytes = Buffer.concat(chunks);
  return { code, out: bytes.toString('utf8'), bytes, err };
}

/** Write an answer under question `n`, as a person would. */
async function writeAnswer(n: number, text: string): Promise<void> {
  const memo = await readFile(answerFile(), 'utf8');
  const at = memo.indexOf(`### Vraag ${n}\n`);
  const placeholder = memo.indexOf(ANSWER_PLACEHOLDER, at);
  await writeFile(answerFile(), `${memo.slice(0, placeholder)}${text}${memo.slice(placeholder + ANSWER_PLACEHOLDER.length)}`);
}

describe('answer draft', () => {
  it('writes answers/<id>.md in house style with the configured signatories', async () => {
    const { code, err } = await run(['draft', questionFile]);
    expect(code).toBe(0);
    expect(err).toContain(`wrote answers/${ID}.md (3 questions, 0 answered)`);
    const memo = await readFile(answerFile(), 'utf8');
    expect(memo).toContain('Op 1 mei 2025 heeft de raadsfractie van D66 (gedateerd 12 april 2025) artikel 45 vragen gesteld over regionale zorg en veiligheid.');
    expect(memo).toContain('burgemeester, Peter Snijders\n\nsecretaris, Dick Emmer\n');
    const { doc, problems } = readAnswerDocument(memo, 'a.md');
    expect(problems).toEqual([]);
    expect(doc.question).toBe(ID);
    expect(doc.answers.map((s) => s.question)).toEqual(QUESTIONS);
  });

  it('merges on a second run: written answers stay, a removed question keeps its answer, nothing is lost', async () => {
    await run(['draft', questionFile]);
    await writeAnswer(1, 'Ja, het college deelt deze opvatting.');
    await writeAnswer(2, 'Door te investeren in voorzieningen.');
    await writeLetter([QUESTIONS[0]!, 'Een nieuwe vraag over de jongerenvoorziening?', QUESTIONS[2]!]);
    const { code, err } = await run(['draft', questionFile]);
    expect(code).toBe(0);
    expect(err).toMatch(/warning: question 2 .* no longer in the letter; its answer is kept under Vervallen vragen/);
    const { doc } = readAnswerDocument(await readFile(answerFile(), 'utf8'), 'a.md');
    expect(doc.answers.map((s) => s.answer)).toEqual(['Ja, het college deelt deze opvatting.', ANSWER_PLACEHOLDER, ANSWER_PLACEHOLDER]);
    expect(doc.orphans.map((s) => s.answer)).toEqual(['Door te investeren in voorzieningen.']);
  });

  it('says unchanged when nothing changed', async () => {
    await run(['draft', questionFile]);
    const { code, err } = await run(['draft', questionFile]);
    expect(code).toBe(0);
    expect(err).toContain(`answers/${ID}.md: unchanged`);
  });

  it('--force writes the template\'s parts anew and keeps every answer; the old file is backed up', async () => {
    await run(['draft', questionFile]);
    await writeAnswer(1, 'Een antwoord dat niet verloren mag gaan.');
    const edited = (await readFile(answerFile(), 'utf8')).replace(/## Kernboodschap\n\n[^\n]+/, '## Kernboodschap\n\nEen eigen kernboodschap.');
    await writeFile(answerFile(), edited);
    const plain = await run(['draft', questionFile]);
    expect(plain.err).toMatch(/kept "Kernboodschap" as written in the file/);
    expect(await readFile(answerFile(), 'utf8')).toBe(edited);
    const { code, err } = await run(['draft', questionFile, '--force']);
    expect(code).toBe(0);
    expect(err).toMatch(/wrote "Kernboodschap" anew from the template/);
    const backup = /the version before is (\S+)$/m.exec(err)?.[1];
    expect(backup).toMatch(/^\.answer\/backups\/answers\//);
    expect(await readFile(join(dir, backup!), 'utf8')).toBe(edited);
    const memo = await readFile(answerFile(), 'utf8');
    expect(memo).toContain('Een antwoord dat niet verloren mag gaan.');
    expect(memo).not.toContain('Een eigen kernboodschap.');
    expect(await readdir(join(dir, 'answers'))).toEqual([`${ID}.md`]);
  });

  it('refuses an answer file that names another question document, leaving it untouched', async () => {
    await run(['draft', questionFile]);
    const other = (await readFile(answerFile(), 'utf8')).replace(`question: ${ID}`, 'question: 2024-01-01-vvd-iets');
    await writeFile(answerFile(), other);
    const { code, err } = await run(['draft', questionFile]);
    expect(code).toBe(2);
    expect(err).toContain(`answers/${ID}.md:2  this answer file answers "2024-01-01-vvd-iets", not "${ID}"; give another -o file (the file is left as it is)\n`);
    expect(await readFile(answerFile(), 'utf8')).toBe(other);
  });

  it('refuses to write through a symbolic link', async () => {
    const hook = join(dir, 'pre-commit');
    await writeFile(hook, '#!/bin/sh\necho hook\n');
    await mkdir(join(dir, 'answers'));
    await symlink(hook, answerFile());
    const { code, err } = await run(['draft', questionFile]);
    expect(code).toBe(2);
    expect(err).toMatch(/symbolic link/);
    expect(err.split('\n').filter((line) => /symbolic link/.test(line))).toHaveLength(1);
    expect(await readFile(hook, 'utf8')).toBe('#!/bin/sh\necho hook\n');
    expect((await lstat(answerFile())).isSymbolicLink()).toBe(true);
  });

  it('refuses an answers folder that is a symbolic link, creating nothing in it', async () => {
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(elsewhere);
    await symlink(elsewhere, join(dir, 'answers'));
    const { code, err } = await run(['draft', questionFile]);
    expect(code).toBe(2);
    expect(err).toMatch(/refusing to write through a symbolic link \(answers\)/);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('names the file from the slug only, never from raw front matter', async () => {
    const doc = { ...letter(QUESTIONS), id: '../../etc/Pass WD' };
    await writeFile(join(dir, questionFile), renderQuestionDocument(doc));
    const { code } = await run(['draft', questionFile]);
    expect(code).toBe(0);
    expect(await readdir(join(dir, 'answers'))).toEqual(['etc-pass-wd.md']);
  });

  it('lets two drafts of one letter run at the same moment without corrupting the file', async () => {
    await run(['draft', questionFile]);
    await writeAnswer(1, 'Ja, het college deelt deze opvatting.');
    await writeLetter([QUESTIONS[0]!, 'Een nieuwe vraag over de jongerenvoorziening?', QUESTIONS[1]!, QUESTIONS[2]!]);
    const results = await Promise.all([run(['draft', questionFile]), run(['draft', questionFile]), run(['draft', questionFile])]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    const memo = await readFile(answerFile(), 'utf8');
    const { doc, problems } = readAnswerDocument(memo, 'a.md');
    expect(problems).toEqual([]);
    expect(doc.answers).toHaveLength(4);
    expect(doc.answers[0]!.answer).toBe('Ja, het college deelt deze opvatting.');
    expect(doc.orphans).toEqual([]);
    expect(results.filter((r) => /unchanged/.test(r.err))).toHaveLength(2);
    expect((await readdir(join(dir, 'answers'))).sort()).toEqual([`${ID}.md`]);
  });

  it('reports a template syntax error with file and line, exit 2, and writes nothing', async () => {
    await mkdir(join(dir, 'templates'));
    await writeFile(join(dir, 'templates', 'kapot.md.hbs'), '# {{letter.party}\n');
    const { code, err } = await run(['draft', questionFile, '--template', 'kapot']);
    expect(code).toBe(2);
    expect(err).toMatch(/^templates\/kapot\.md\.hbs:1 {2}template syntax error: /);
    await expect(lstat(join(dir, 'answers'))).rejects.toThrow();
  });

  it('uses the template named in answer.config.json', async () => {
    await mkdir(join(dir, 'templates', 'partials'), { recursive: true });
    await writeFile(join(dir, 'templates', 'kort.md.hbs'), '# {{letter.party}}\n\n{{#each questions}}\n{{> vraag}}\n{{/each}}\n');
    await writeFile(join(dir, 'answer.config.json'), JSON.stringify({ templates: 'kort' }));
    const { code, out } = await run(['draft', questionFile, '--stdout']);
    expect(code).toBe(0);
    expect(out).toMatch(/^---\nquestion: .*\nstatus: concept\n---\n\n# D66\n\n### Vraag 1\n/);
  });

  it('--stdout writes the memo and no file', async () => {
    const { code, out } = await run(['draft', questionFile, '--stdout']);
    expect(code).toBe(0);
    expect(out).toMatch(/^---\nquestion: /);
    await expect(lstat(join(dir, 'answers'))).rejects.toThrow();
  });

  it('rejects an unknown --format and a bad --top', async () => {
    expect((await run(['draft', questionFile, '--format', 'pdf'])).err).toBe('--format must be one of md, docx, html, not "pdf"\n');
    expect((await run(['draft', questionFile, '--top', 'veel'])).code).toBe(2);
  });

  it('--format html writes a standalone page with the written answers', async () => {
    await run(['draft', questionFile]);
    await writeAnswer(1, 'Ja, <b>zeker</b>.');
    const { code } = await run(['draft', questionFile, '--format', 'html']);
    expect(code).toBe(0);
    const html = await readFile(join(dir, 'answers', `${ID}.html`), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h3>Vraag 1</h3>');
    expect(html).toContain('Ja, &lt;b&gt;zeker&lt;/b&gt;.');
    expect((await run(['draft', questionFile, '--format', 'html'])).code).toBe(2);
  });

  it('--format docx writes the memo in house style: "Vraag N: <question>" in bold, "Antwoord:" before the answer, the signature without a heading', async () => {
    await run(['draft', questionFile]);
    await writeAnswer(2, 'Door te investeren in voorzieningen.');
    const { code } = await run(['draft', questionFile, '--format', 'docx']);
    expect(code).toBe(0);
    const mammoth = await import('mammoth');
    const bytes = await readFile(join(dir, 'answers', `${ID}.docx`));
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: ["p[style-name='Title'] => h1.title:fresh"] });
    expect(html).toContain('<h1 class="title">Beantwoording artikel 45 vragen D66 over regionale zorg en veiligheid</h1>');
    expect(html).toContain('<p><strong>Vraag 2: Ziet het college mogelijkheden om de druk op wijken te verlichten door voorzieningen te spreiden?</strong></p><p>Antwoord: Door te investeren in voorzieningen.</p>');
    expect(html).toContain('<h1>Openbaarheid</h1><p>Deze nota is openbaar.</p><p>Burgemeester en wethouders van Zwolle,</p><p>burgemeester, Peter Snijders</p><p>secretaris, Dick Emmer</p>');
  });

  it('--format docx takes the author and the house style of docx in answer.config.json, and names a missing reference file', async () => {
    const config = { municipality: 'Zwolle', docx: { author: 'Griffie Zwolle', reference: 'huisstijl.docx' } };
    await writeFile(join(dir, 'answer.config.json'), JSON.stringify(config));
    const missing = await run(['draft', questionFile, '--format', 'docx']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^huisstijl\.docx {2}no such file: docx\.reference in answer\.config\.json/);
    await writeFile(join(dir, 'huisstijl.docx'), await readFile(new URL('../../../test/fixtures/docx/huisstijl-libreoffice.docx', import.meta.url)));
    expect((await run(['draft', questionFile, '--format', 'docx'])).code).toBe(0);
    const { unzipSync } = await import('fflate');
    const zip = unzipSync(new Uint8Array(await readFile(join(dir, 'answers', `${ID}.docx`))));
    const text = (name: string) => new TextDecoder().decode(zip[name]);
    expect(text('docProps/core.xml')).toContain('<dc:creator>Griffie Zwolle</dc:creator>');
    expect(text('word/styles.xml')).toContain('Liberation Serif');
    expect(Object.keys(zip).some((name) => /^word\/ref-header-default\.xml$/.test(name) && text(name).includes('GEMEENTE VOORBEELDSTAD'))).toBe(true);
  });

  it('--format html and docx leave the source lists out unless --with-sources, and never link into the repository', async () => {
    await mkdir(join(dir, 'corpus'), { recursive: true });
    await writeFile(join(dir, 'corpus', 'wijken.md'), '---\ntitle: Wijkaanpak\n---\n\n# Wijkaanpak\n\n## Spreiding\n\nHet college spreidt voorzieningen over de wijken om de druk op wijken te verlichten.\n');
    await run(['draft', questionFile, '--top', '2']);
    expect(await readFile(join(dir, 'answers', `${ID}.md`), 'utf8')).toContain('../corpus/wijken.md');
    expect((await run(['draft', questionFile, '--format', 'html'])).code).toBe(0);
    const html = await readFile(join(dir, 'answers', `${ID}.html`), 'utf8');
    expect(html).not.toContain('Bronnen');
    expect(html).not.toContain('corpus/');
    expect((await run(['draft', questionFile, '--format', 'html', '--with-sources', '--force'])).code).toBe(0);
    const withSources = await readFile(join(dir, 'answers', `${ID}.html`), 'utf8');
    expect(withSources).toContain('Bronnen');
    expect(withSources).toContain('Wijkaanpak');
    expect(withSources).not.toContain('href="../corpus');
  });
});
