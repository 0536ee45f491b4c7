import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWER_PLACEHOLDER, readAnswerDocument } from '../../documents/answer-document.js';
import { buildLetterDocx } from '../../../test/builders/letter-docx.js';
import { runCliIn, tempWorkspace } from '../test-helpers.js';

const SEEDS = new URL('../../../test/fixtures/seeds/', import.meta.url);
const LETTER = new URL('questions/2025-04-12-d66-regionale-zorg-en-veiligheid.txt', SEEDS);
const MEMO = new URL('answers/2025-05-d66-regionale-zorg-en-veiligheid-beantwoording.txt', SEEDS);

let dir: string;
let id: string;

function run(argv: string[]) {
  return runCliIn(dir, argv);
}

beforeEach(async () => {
  dir = await tempWorkspace('answer-import-answers-');
  await copyFile(LETTER, join(dir, 'd66.txt'));
  await copyFile(MEMO, join(dir, 'memo.txt'));
  const imported = await run(['import', 'd66.txt']);
  expect(imported.code).toBe(0);
  id = (await readdir(join(dir, 'questions')))[0]!.replace(/\.md$/, '');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function answerDoc() {
  return readAnswerDocument(await readFile(join(dir, 'answers', `${id}.md`), 'utf8'), 'a.md');
}

describe('answer import-answers', () => {
  it('reads the seed memo into eleven answers and finds the letter by its questions; the signature does not make it vastgesteld', async () => {
    const { code, err } = await run(['import-answers', 'memo.txt']);
    expect(code).toBe(0);
    expect(err).toContain(`wrote answers/${id}.md (11 of 11 answers, layout vraag, status concept) from memo.txt`);
    const { doc, problems } = await answerDoc();
    expect(problems).toEqual([]);
    expect(doc.status).toBe('concept');
    expect(doc.answers).toHaveLength(11);
    expect(doc.answers.every((s) => s.answer !== '' && s.answer !== ANSWER_PLACEHOLDER)).toBe(true);
    // No "Antwoord:" label and no question text left in an answer.
    expect(doc.answers.filter((s) => /^Antwoord|Indien nee, waarom niet\?/m.test(s.answer))).toEqual([]);
    expect(doc.answers[8]!.answer.startsWith('Het college zet zich in voor de werkgroep Zorg en Veiligheid van de G40')).toBe(true);
    // Page-break debris repaired: one paragraph across the blank line in answer 11.
    expect(doc.answers[10]!.answer).toContain('afspraken gemaakt over samenwerken in een gebiedsgerichte aanpak.');
    expect(doc.answers[6]!.answer).toContain('Hieronder staat dat kort beschreven.\n\nIn Zwolle loopt momenteel een proef');
  });

  it('keeps the memo’s own parts and signature', async () => {
    await run(['import-answers', 'memo.txt']);
    const text = await readFile(join(dir, 'answers', `${id}.md`), 'utf8');
    expect(text).toContain('## Ontwerp besluit\n\nDe raad wordt voorgesteld kennis te nemen van de beantwoording van de artikel 45 vragen over Zorg en Veiligheid.');
    expect(text).toContain('Burgemeester en wethouders van Zwolle,\n\nburgemeester, Peter Snijders\n\nsecretaris, Dick Emmer\n');
  });

  it("reads its own Word memo back as the same answers when the memo it came from had notes outside the answers (the Inleiding's, a question's): Word numbers the notes anew, no answer is changed or kept under Vervallen vragen", async () => {
    const footnotes = [
      { after: 'Op 1 mei 2025', text: 'Brief van de fractie.' },
      { after: 'de draaglast', text: 'Noot van de vragensteller.' },
      { after: 'communicatieprotocol', text: 'Protocol welkom in mijn wijk, 2023.' },
      { after: 'Companen', text: 'Onderzoeksbureau in Arnhem.' },
    ];
    await writeFile(join(dir, 'memo.docx'), (await buildLetterDocx(await readFile(join(dir, 'memo.txt'), 'utf8'), { footnotes })).data);
    expect((await run(['import-answers', 'memo.docx'])).code).toBe(0);
    const first = (await answerDoc()).doc.answers;
    expect(first[0]!.answer).toMatch(/communicatieprotocol³[\s\S]*\n\n³ Protocol welkom in mijn wijk, 2023\.$/);
    expect(first[4]!.answer).toMatch(/Companen⁴[\s\S]*\n\n⁴ Onderzoeksbureau in Arnhem\.$/);
    expect((await run(['draft', `questions/${id}.md`, '--format', 'docx', '-o', 'terug.docx'])).code).toBe(0);
    const again = await run(['import-answers', 'terug.docx']);
    expect(again.code).toBe(0);
    expect(again.err).not.toMatch(/Vervallen/);
    const { doc } = await answerDoc();
    expect(doc.orphans).toEqual([]);
    expect(doc.answers.map((a) => a.answer)).toEqual(first.map((a) => a.answer));
  });

  it('takes --question and refuses an id that is not a slug', async () => {
    expect((await run(['import-answers', 'memo.txt', '--question', id])).code).toBe(0);
    const bad = await run(['import-answers', 'memo.txt', '--question', '../x']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--question must be the id/);
  });

  it('fills a drafted answer file, and keeps an answer a person wrote that the memo replaces', async () => {
    expect((await run(['draft', `questions/${id}.md`])).code).toBe(0);
    const file = join(dir, 'answers', `${id}.md`);
    const memo = await readFile(file, 'utf8');
    const at = memo.indexOf('### Vraag 4\n');
    const placeholder = memo.indexOf(ANSWER_PLACEHOLDER, at);
    await writeFile(file, `${memo.slice(0, placeholder)}Een eigen concept.${memo.slice(placeholder + ANSWER_PLACEHOLDER.length)}`);
    const { code, err } = await run(['import-answers', 'memo.txt']);
    expect(code).toBe(0);
    expect(err).toMatch(/question 4: the imported answer replaces the one in the file, which is kept under Vervallen vragen/);
    const { doc } = await answerDoc();
    expect(doc.status).toBe('concept');
    expect(doc.answers[3]!.answer).toMatch(/^Het opbouwen van lokale voorzieningen/);
    expect(doc.orphans.map((s) => s.answer)).toEqual(['Een eigen concept.']);
  });

  it('records the adoption only when told: --vastgesteld sets status and date, after the letter came in', async () => {
    const { code, err } = await run(['import-answers', 'memo.txt', '--vastgesteld', '2025-06-03']);
    expect(code).toBe(0);
    expect(err).toContain('(11 of 11 answers, layout vraag, status vastgesteld)');
    const { doc } = await answerDoc();
    expect(doc.status).toBe('vastgesteld');
    expect(doc.date).toBe('2025-06-03');
    // Read again without the flag: the adoption stays as recorded.
    await run(['import-answers', 'memo.txt']);
    expect((await answerDoc()).doc.status).toBe('vastgesteld');
    const early = await run(['import-answers', 'memo.txt', '--vastgesteld', '2025-01-01']);
    expect(early.code).toBe(2);
    expect(early.err).toMatch(/--vastgesteld 2025-01-01 is before the letter was received/);
    expect((await run(['import-answers', 'memo.txt', '--vastgesteld', 'gisteren'])).code).toBe(2);
  });

  it('reads a memo numbered "1." and reports, with its line, an answer that fits no question', async () => {
    const memo = await readFile(join(dir, 'memo.txt'), 'utf8');
    const numbered = memo.replace(/^ ?Vraag (\d+): /gm, '$1. ').replace(' Openbaarheid', '12. Hoeveel bomen zijn er in 2024 gekapt in het Westerpark?\n\nAntwoord: Twaalf.\n\nOpenbaarheid');
    await writeFile(join(dir, 'genummerd.txt'), numbered);
    const { code, err } = await run(['import-answers', 'genummerd.txt']);
    expect(code).toBe(0);
    expect(err).toMatch(/^genummerd\.txt:191: warning: the answer to memo question 12 "Hoeveel bomen zijn er in 2024 gekapt in het Westerpark\?" fits no question of questions\/.+\.md; it is not imported$/m);
    expect(err).toContain('(11 of 11 answers, layout nummer, status concept)');
    const text = await readFile(join(dir, 'answers', `${id}.md`), 'utf8');
    expect(text).not.toContain('Twaalf');
    expect(text).not.toContain('Vervallen vragen');
  });

  it('says so when the memo fits no question document', async () => {
    await writeFile(join(dir, 'other.txt'), 'Vraag 1: Hoeveel bomen zijn er in 2024 gekapt in het Westerpark?\n\nAntwoord: Twaalf.\n');
    const { code, err } = await run(['import-answers', 'other.txt']);
    expect(code).toBe(2);
    expect(err).toMatch(/^other\.txt {2}the questions in this memo match no question document in questions\/; give --question <id>/m);
    await expect(readdir(join(dir, 'answers'))).rejects.toThrow();
  });

  it('refuses a memo without Vraag sections', async () => {
    await mkdir(join(dir, 'x'));
    await writeFile(join(dir, 'x', 'leeg.txt'), 'Geachte raad,\n\nHierbij de stukken.\n');
    const { code, err } = await run(['import-answers', 'x/leeg.txt']);
    expect(code).toBe(2);
    expect(err).toBe('x/leeg.txt  no questions found in this memo (no "Vraag N", numbered, bold or tabled question, nor a question of a letter in the workspace); nothing written\n');
  });
});
