/**
 * The way through the tool as a griffie and a policy officer walk it, from a fresh workspace:
 * init, import (twice), record the receipt and an uitstel, link, draft, write answers, a
 * corrected letter with a question inserted, redraft with and without --force, export the memo
 * and import it back, record the adoption, check, status. After every step no written answer
 * and no recorded field may be lost.
 */
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../cli/test-helpers.js';
import { readAnswerDocument } from '../documents/answer-document.js';
import { readQuestionDocument } from '../documents/question-document.js';

const CORPUS = new URL('../../corpus/', import.meta.url);

const LETTER = (questions: string[]) => `Schriftelijke vragen over beschermd wonen in de wijk

Zwolle, 12 april 2025

Geacht college van burgemeester en wethouders,

De fractie van D66 maakt zich zorgen over de spreiding van voorzieningen voor beschermd wonen en
over de druk op de wijken Dieze en Holtenbroek.

${questions.map((q, i) => `${i + 1}. ${q}`).join('\n')}

Met vriendelijke groet,

Jan Jansen
D66 Zwolle
`;

const Q_SPREIDING = 'Hoe zorgt het college voor een evenwichtige spreiding van voorzieningen voor beschermd wonen over de wijken?';
const Q_VEILIGHEID = 'Welke afspraken zijn er met de politie over zorggerelateerde meldingen en overlast?';
const Q_REGIO = 'Is het college bereid om met de regiogemeenten afspraken te maken over de opvang van kwetsbare inwoners?';
const Q_NIEUW = 'Hoeveel mensen stromen jaarlijks uit beschermd wonen naar een gewone huurwoning in Zwolle?';

const ANSWERS = {
  spreiding: 'Het college stuurt op spreiding via de woonzorgvisie en de prestatieafspraken met de corporaties.',
  veiligheid: 'Met de politie is een zorg- en veiligheidsoverleg ingericht dat elke week meldingen bespreekt.',
};

let dir: string;
let id: string;
const run = (argv: string[]) => runCliIn(dir, argv);
const answerPath = () => join(dir, 'answers', `${id}.md`);
const questionPath = () => join(dir, 'questions', `${id}.md`);

async function answerDocument() {
  return readAnswerDocument(await readFile(answerPath(), 'utf8'), 'answer');
}

/** Every answer written so far is in the answer document, word for word. */
async function expectAnswersKept(texts: string[]) {
  const memo = await readFile(answerPath(), 'utf8');
  for (const text of texts) expect(memo).toContain(text);
}

/** The receipt and the uitstel the griffie recorded are still in the question document. */
async function expectRecordedFields() {
  const doc = readQuestionDocument(await readFile(questionPath(), 'utf8'));
  expect(doc.received).toBe('2025-05-01');
  expect(doc.uitstel).toEqual({ date: '2025-05-20', reason: 'advies van de regio afwachten', until: '2025-07-01' });
  expect(doc.deadline).toBe('2025-07-01');
  expect(await readFile(questionPath(), 'utf8')).toContain('zaaknummer: Z-2025-0412');
}

beforeAll(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'answer-scenario-')), 'raad');
});
afterAll(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

describe('a letter from receipt to adopted answer', () => {
  it('init makes a workspace with config, folders, .gitignore and a CI workflow', async () => {
    const { code } = await runCliIn(join(dir, '..'), ['init', 'raad', '--municipality', 'Zwolle']);
    expect(code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['.github', '.gitignore', 'answer.config.json', 'answers', 'corpus', 'questions']);
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toContain('.answer/');
    expect(await readFile(join(dir, '.github/workflows/answer-check.yml'), 'utf8')).toContain('answer check --format github');
    for (const name of await readdir(CORPUS)) await cp(new URL(name, CORPUS), join(dir, 'corpus', name));
  });

  it('imports the letter once; the same letter again is refused, whatever its file is called', async () => {
    await writeFile(join(dir, 'brief.txt'), LETTER([Q_SPREIDING, Q_VEILIGHEID, Q_REGIO]));
    const first = await run(['import', 'brief.txt']);
    expect(first.code).toBe(0);
    id = /questions\/(\S+)\.md/.exec(first.out)![1]!;
    const again = await run(['import', 'brief.txt']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists; not overwriting it/);
    await writeFile(join(dir, 'brief-kopie.txt'), LETTER([Q_SPREIDING, Q_VEILIGHEID, Q_REGIO]).replace('beschermd wonen in de wijk', 'beschermd wonen'));
    const copy = await run(['import', 'brief-kopie.txt']);
    expect(copy.code).toBe(2);
    expect(copy.err).toContain(`this letter is already imported as ${id}`);
    expect(await readdir(join(dir, 'questions'))).toEqual([`${id}.md`]);
    // A key a council adds by hand must survive every later step.
    const text = await readFile(questionPath(), 'utf8');
    await writeFile(questionPath(), text.replace(/\n---\n/, '\nzaaknummer: Z-2025-0412\n---\n'));
  });

  it('records the receipt and an uitstel, by id, from a folder inside the workspace', async () => {
    const received = await runCliIn(join(dir, 'questions'), ['record', id, '--received', '2025-05-01']);
    expect(received.code).toBe(0);
    expect(received.out).toBe(`questions/${id}.md: received 2025-05-01 (was 2025-04-12), deadline 2025-05-31 (was 2025-05-12)\n`);
    const uitstel = await run(['record', id, '--uitstel-until', '2025-07-01', '--reason', 'advies van de regio afwachten', '--notice', '2025-05-20']);
    expect(uitstel.code).toBe(0);
    expect(uitstel.out).toContain('uitstel until 2025-07-01 (advies van de regio afwachten), deadline 2025-07-01 (was 2025-05-31)');
    await expectRecordedFields();
  });

  it('links every question to passages of the corpus', async () => {
    const { code, out } = await run(['link', id, '--json', '--top', '3']);
    expect(code).toBe(0);
    const links = JSON.parse(out) as { questions: Array<{ passages: unknown[] }> };
    expect(links.questions).toHaveLength(3);
    for (const question of links.questions) expect(question.passages.length).toBeGreaterThan(0);
  });

  it('drafts the answer document, and the officer writes answers', async () => {
    const { code, err } = await run(['draft', id]);
    expect(code).toBe(0);
    expect(err).toContain(`wrote answers/${id}.md (3 questions, 0 answered)`);
    const memo = await readFile(answerPath(), 'utf8');
    const fill = (text: string, n: number, answer: string) => {
      const at = text.indexOf(`### Vraag ${n}\n`);
      const placeholder = text.indexOf('_Antwoord nog in te vullen._', at);
      return `${text.slice(0, placeholder)}${answer}${text.slice(placeholder + '_Antwoord nog in te vullen._'.length)}`;
    };
    await writeFile(answerPath(), fill(fill(fill(memo, 1, ANSWERS.spreiding), 2, ANSWERS.veiligheid), 3, 'Zie het antwoord op vraag 2.'));
    const { doc } = await answerDocument();
    expect(doc.answers.map((a) => a.answer)).toEqual([ANSWERS.spreiding, ANSWERS.veiligheid, 'Zie het antwoord op vraag 2.']);
  });

  it('takes a corrected letter with a question inserted, keeping what the griffie recorded', async () => {
    await writeFile(join(dir, 'brief-v2.txt'), LETTER([Q_SPREIDING, Q_NIEUW, Q_VEILIGHEID, Q_REGIO]));
    const { code, out } = await run(['import', 'brief-v2.txt', '--force']);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`replaced questions/${id}\\.md \\(4 questions, deadline 2025-07-01\\); the old version is \\.answer/backups/questions/`));
    await expectRecordedFields();
    expect(readQuestionDocument(await readFile(questionPath(), 'utf8')).questions.map((q) => q.text)).toEqual([Q_SPREIDING, Q_NIEUW, Q_VEILIGHEID, Q_REGIO]);
    // Before a redraft the answer document still numbers as the old letter did: check says which
    // answers no longer fit, and that the combined answer now points at the wrong question.
    const check = await run(['check', '--today', '2025-06-01']);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/question 3 .*question 2|question 2 .*question 3/i);
  });

  it('redrafts: every answer follows its question, the new question gets the placeholder', async () => {
    const { code, err } = await run(['draft', id]);
    expect(code).toBe(0);
    expect(err).toContain('the answer to question 2 moved to question 3 (same question text)');
    expect(err).toContain('question 4: the answer points to the question that moved, so its number moved too (2 → 3)');
    const { doc } = await answerDocument();
    expect(doc.answers.map((a) => a.answer)).toEqual([ANSWERS.spreiding, '_Antwoord nog in te vullen._', ANSWERS.veiligheid, 'Zie het antwoord op vraag 3.']);
  });

  it('redrafts with --force: the template\'s parts anew, every answer kept, the old file backed up', async () => {
    const before = await readFile(answerPath(), 'utf8');
    const { code, err } = await run(['draft', id, '--force']);
    expect(code).toBe(0);
    await expectAnswersKept([ANSWERS.spreiding, ANSWERS.veiligheid, 'Zie het antwoord op vraag 3.']);
    const backup = /the version before is (\S+)$/m.exec(err)?.[1] ?? null;
    if (backup !== null) expect(await readFile(join(dir, backup), 'utf8')).toBe(before);
    const restore = await run(['restore', `answers/${id}.md`]);
    expect(restore.code).toBe(0);
  });

  it('exports the memo as Word and reads the answered memo back without losing an answer', async () => {
    const answered = (await readFile(answerPath(), 'utf8')).replace('_Antwoord nog in te vullen._', 'Dat zijn er ongeveer veertig per jaar.');
    await writeFile(answerPath(), answered);
    const exported = await run(['draft', id, '--format', 'docx', '--top', '0']);
    expect(exported.code).toBe(0);
    const back = await run(['import-answers', `answers/${id}.docx`, '--question', id]);
    expect(back.code).toBe(0);
    // The concept memo's signature block is no adoption.
    expect(back.err).toContain('(4 of 4 answers, layout vraag, status concept)');
    expect((await answerDocument()).doc.status).toBe('concept');
    await expectAnswersKept([ANSWERS.spreiding, ANSWERS.veiligheid, 'Zie het antwoord op vraag 3.', 'Dat zijn er ongeveer veertig per jaar.']);
    await expectRecordedFields();
  });

  it('records the adoption; check passes and status carries the uitstel and the days to answer', async () => {
    const recorded = await run(['record', id, '--vastgesteld', '2025-06-20']);
    expect(recorded.code).toBe(0);
    expect(recorded.out).toContain('vastgesteld on 2025-06-20');
    const { doc } = await answerDocument();
    expect(doc.status).toBe('vastgesteld');
    expect(doc.date).toBe('2025-06-20');
    const check = await run(['check', '--today', '2025-06-21']);
    expect(check.code).toBe(0);
    const status = JSON.parse((await run(['status', '--json', '--today', '2025-06-21'])).out) as { documents: Array<Record<string, unknown>> };
    expect(status.documents[0]).toMatchObject({ id, received: '2025-05-01', deadline: '2025-07-01', questions: 4, answered: 4, status: 'vastgesteld', answerDate: '2025-06-20', daysToAnswer: 50 });
    await expectAnswersKept([ANSWERS.spreiding, ANSWERS.veiligheid, 'Dat zijn er ongeveer veertig per jaar.']);
    await expectRecordedFields();
  });
});
