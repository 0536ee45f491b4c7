import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import type { QuestionDocument } from '../model.js';
import { analyzePassage } from './analyze.js';
import { linkQuestion, linkQuestionDocument, searchIndex } from './link-questions.js';
import { MemoryIndexStore } from './memory-store.js';
import { DEFAULT_SCORING } from './score.js';
import { passage } from './test-helpers/passages.js';

function doc(questions: string[], over: Partial<QuestionDocument> = {}): QuestionDocument {
  return {
    id: 'd66-zorg', title: null, subject: 'Zorg en veiligheid', article: '45', municipality: 'Zwolle', party: 'D66', parties: ['D66'],
    members: [], date: null, addressee: null, preamble: '', footnotes: [], warnings: [],
    questions: questions.map((text, i) => ({ number: i + 1, label: `${i + 1}.`, text, parts: [] })),
    ...over,
  };
}

const agenda = { doc: 'zwolse-agenda', title: 'Zwolse agenda zorg en veiligheid' };
const store = new MemoryIndexStore();
await store.update(
  [
    passage('Uit de signalen vanuit het werkveld blijkt dat de systeemwereld de hulpverlening in de weg zit.', {
      id: 'sys', ...agenda, heading: [agenda.title, '4.3 Aanpassen van de systeemwereld op de leefwereld'], lines: [612, 615],
    }),
    passage('De gemeente Zwolle trekt de nieuwe werkgroep Zorg en Veiligheid binnen de G40. Hier is de kans het grootst om een krachtig geluid naar het Rijk te laten horen.', {
      id: 'g40', ...agenda, heading: [agenda.title, '4.3 Aanpassen van de systeemwereld op de leefwereld'], lines: [640, 646],
    }),
    passage('De politie registreert het aantal meldingen over overlast door een verward persoon.', {
      id: 'politie', ...agenda, heading: [agenda.title, '1.1 Urgentie'], lines: [95, 99],
    }),
    passage('Antwoord: het college zet zich in voor de werkgroep Zorg en Veiligheid van de G40 richting het Rijk.', {
      id: 'own-answer', doc: 'answers-d66', title: 'Beantwoording', kind: 'answer', question: 'd66-zorg',
    }),
  ].map(analyzePassage),
  [],
);

describe('linkQuestionDocument', () => {
  it('gives per question the top passages with id, doc, file, heading, lines, score, matched and text', async () => {
    const result = await linkQuestionDocument(store, doc(['Hoeveel meldingen over verwarde personen krijgt de politie?']), { top: 2 });
    expect(result.id).toBe('d66-zorg');
    const [q] = result.questions;
    expect(q!.number).toBe(1);
    const top = q!.passages[0]!;
    expect(top).toMatchObject({
      id: 'politie', doc: 'zwolse-agenda', file: 'corpus/zwolse-agenda.md', heading: [agenda.title, '1.1 Urgentie'], lines: [95, 99],
      matched: ['meldingen', 'verwarde', 'personen', 'politie'],
    });
    expect(typeof top.score).toBe('number');
    expect(top.text).toContain('verward persoon');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('lets a question that leans on the one before borrow its words, and never offers the document its own answer', async () => {
    const result = await linkQuestionDocument(
      store,
      doc([
        'Welke maatregelen hoopt het college dat het Rijk neemt aan de systeemwereld in zorg en veiligheid?',
        'Welke pogingen onderneemt het college om hier bij het Rijk op aan te dringen?',
      ]),
    );
    const second = result.questions[1]!;
    expect(second.borrowed).toBe(true);
    expect(second.passages.map((p) => p.id)).not.toContain('own-answer');
    expect(second.passages[0]!.id).toBe('g40');
  });

  it("reads the letter's text right before a question as that question's preamble", async () => {
    const question = 'Wat gaat het college hieraan doen?';
    const plain = doc(['Klopt het bericht?', question]);
    const withContext = doc(['Klopt het bericht?', question]);
    withContext.questions[1]!.context = 'De politie krijgt steeds meer meldingen over een verward persoon.';
    const before = (await linkQuestionDocument(store, plain)).questions[1]!;
    const after = (await linkQuestionDocument(store, withContext)).questions[1]!;
    expect(before.passages[0]!.id).not.toBe('politie');
    expect(after.passages[0]!.id).toBe('politie');
  });

  it("reads the letter's afterword (text after its last question) as preamble for its questions", async () => {
    const question = 'Wat gaat het college hieraan doen?';
    const plain = doc(['Klopt het bericht?', question]);
    const withAfterword = { ...doc(['Klopt het bericht?', question]), afterword: 'Toelichting: de politie krijgt steeds meer meldingen over een verward persoon.' };
    const before = (await linkQuestionDocument(store, plain)).questions[1]!;
    const after = (await linkQuestionDocument(store, withAfterword)).questions[1]!;
    expect(before.passages[0]!.id).not.toBe('politie');
    expect(after.passages[0]!.id).toBe('politie');
  });

  it('leaves the asking party out of the query', async () => {
    const result = await linkQuestionDocument(store, doc(['Deelt het college de mening van D66 over de politie?']));
    for (const p of result.questions[0]!.passages) expect(p.matched).not.toContain('D66');
  });
});

describe('searchIndex', () => {
  it('ranks passages for free words', async () => {
    const hits = await searchIndex(store, 'G40 werkgroep', { top: 3 });
    expect(hits[0]!.matched).toEqual(['G40', 'werkgroep']);
  });

  it('refuses a query of only stopwords or punctuation', async () => {
    await expect(searchIndex(store, 'de het een?!')).rejects.toThrow(InputError);
    await expect(searchIndex(store, '...')).rejects.toThrow(/only stopwords or punctuation/);
  });
});

describe('linkQuestion on a question that asks two things', () => {
  const wachtlijst = (n: number) => passage(`De wachtlijsten voor jeugdzorg en jeugdhulp bij jeugdteam ${n} en de wijkteams groeien.`, { id: `wacht-${n}` });
  const other = (n: number) => passage(`Het zwembad in wijk ${n} gaat om acht uur open.`, { id: `other-${n}` });
  const twoThings = new MemoryIndexStore();
  beforeAll(() =>
    twoThings.update(
      [wachtlijst(1), wachtlijst(2), wachtlijst(3), ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(other), passage('De bezuiniging heeft gevolgen voor de buurthuizen.', { id: 'bezuiniging' })].map(analyzePassage),
      [],
    ),
  );
  const question = 'Hoe lang zijn de wachtlijsten voor jeugdzorg en jeugdhulp bij de jeugdteams en wijkteams en welke gevolgen heeft de bezuiniging?';

  it('searches each part as well, so the second thing has its passage in the list', async () => {
    const { passages } = await linkQuestion(twoThings, question, {}, { top: 2, diversify: false });
    expect(passages.map((p) => p.id)).toContain('bezuiniging');
    const whole = await linkQuestion(twoThings, question, {}, { top: 2, diversify: false, parts: false });
    expect(whole.passages.map((p) => p.id)).not.toContain('bezuiniging');
  });
});

describe('the letter\'s topic as section evidence', () => {
  const nota = { doc: 'nota', title: 'Nota' };
  const topical = new MemoryIndexStore();
  beforeAll(() =>
    topical.update(
      [
        passage('Wij nemen preventieve maatregelen.', { id: 'jeugd', ...nota, heading: [nota.title, 'Jeugd en sport'] }),
        passage('Wij nemen preventieve maatregelen samen met partners in de wijk, in de buurt en in de stad.', { id: 'schulden', ...nota, heading: [nota.title, 'Schulden'] }),
        passage('Inwoners met schulden en betalingsachterstanden krijgen schuldhulpverlening.', { id: 'schulden-2', ...nota, heading: [nota.title, 'Schulden'] }),
      ].map(analyzePassage),
      [],
    ),
  );
  const letter = doc(['Neemt u ook preventieve maatregelen?'], { preamble: 'Steeds meer inwoners hebben schulden.' });
  // In three passages every word is common, so the question would take more of the preamble as a
  // generic question (query.ts) and find the debts passage without the topic sections as well.
  const query = { preambleSettings: { generic: null } };

  it('lifts the passage whose section is about what the preamble says', async () => {
    const ranked = (await linkQuestionDocument(topical, letter, { top: 3, query })).questions[0]!.passages.map((p) => p.id);
    expect(ranked.indexOf('schulden')).toBeLessThan(ranked.indexOf('jeugd'));
    const without = (await linkQuestionDocument(topical, letter, { top: 3, query, scoring: { ...DEFAULT_SCORING, topicWeight: 0 } })).questions[0]!.passages.map((p) => p.id);
    expect(without.indexOf('schulden')).toBeGreaterThan(without.indexOf('jeugd'));
  });
});
