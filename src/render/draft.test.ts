import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_PLACEHOLDER, readAnswerDocument } from '../documents/answer-document.js';
import { InputError } from '../errors.js';
import type { QuestionDocument } from '../model.js';
import { draftAnswerDocument } from './draft.js';
import { loadTemplate, type CompiledTemplate } from './templates.js';

const Q = [
  'Deelt het college de opvatting van D66 dat de draaglast in sommige wijken in Zwolle onder druk staat?',
  'Ziet het college mogelijkheden om de druk op wijken te verlichten door voorzieningen en corporatiewoningen te spreiden?',
  'Welke pogingen onderneemt het college om hier bij het Rijk op aan te dringen?',
];

function letter(questions: string[]): QuestionDocument {
  return {
    id: '2025-04-12-d66-zorg',
    title: 'Vragen',
    subject: 'regionale zorg en veiligheid',
    article: '45',
    municipality: 'Zwolle',
    party: 'D66',
    parties: ['D66'],
    members: [],
    date: '2025-04-12',
    received: '2025-05-01',
    addressee: null,
    preamble: '',
    questions: questions.map((text, i) => ({ number: i + 1, label: '-', text, parts: [] })),
    footnotes: [],
    warnings: [],
  };
}

/** Write an answer under question `n` of a drafted memo, as a person would in an editor. */
function answer(text: string, n: number, written: string): string {
  const at = text.indexOf(`### Vraag ${n}\n`);
  const placeholder = text.indexOf(ANSWER_PLACEHOLDER, at);
  expect(at).toBeGreaterThan(-1);
  return `${text.slice(0, placeholder)}${written}${text.slice(placeholder + ANSWER_PLACEHOLDER.length)}`;
}

let workspace: string;
let template: CompiledTemplate;
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'answer-draft-'));
  template = await loadTemplate({ workspace });
});
afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

const ANSWER_1 = 'Ja, het college deelt deze opvatting.\n\nWe sturen met *verschillende* middelen:\n\n- het communicatieprotocol;\n- referentiewaarden.';
const ANSWER_2 = 'Voorzieningen zijn medebepalend voor de leefbaarheid in de wijk.';

function drafted(questions: string[]): string {
  let text = draftAnswerDocument({ letter: letter(questions), template }).text;
  text = answer(text, 1, ANSWER_1);
  return answer(text, 2, ANSWER_2);
}

describe('draftAnswerDocument', () => {
  it('drafts a fresh memo with front matter, a placeholder per question and no notes', () => {
    const result = draftAnswerDocument({ letter: letter(Q), template });
    const { doc, problems } = readAnswerDocument(result.text, 'a.md');
    expect(problems).toEqual([]);
    expect(doc).toMatchObject({ question: '2025-04-12-d66-zorg', status: 'concept' });
    expect(doc.answers.map((s) => [s.number, s.question, s.answer])).toEqual(Q.map((q, i) => [i + 1, q, ANSWER_PLACEHOLDER]));
    expect(result.notes).toEqual([]);
    expect(result.answered).toEqual([]);
  });

  it('is stable: re-drafting an unchanged file gives the same file', () => {
    const text = drafted(Q);
    const again = draftAnswerDocument({ letter: letter(Q), template, existing: { text, file: 'answers/x.md' } });
    expect(again.text).toBe(text);
    expect(again.notes).toEqual([]);
    expect(again.answered).toEqual([1, 2]);
  });

  it('keeps written answers with their question when a question is inserted before them', () => {
    const text = drafted(Q);
    const changed = [Q[0]!, 'Een nieuwe vraag over de jongerenvoorziening in Holtenbroek?', Q[1]!, Q[2]!];
    const result = draftAnswerDocument({ letter: letter(changed), template, existing: { text, file: 'answers/x.md' } });
    const { doc } = readAnswerDocument(result.text, 'a.md');
    expect(doc.answers.map((s) => [s.number, s.answer])).toEqual([
      [1, ANSWER_1],
      [2, ANSWER_PLACEHOLDER],
      [3, ANSWER_2],
      [4, ANSWER_PLACEHOLDER],
    ]);
    expect(doc.answers[2]!.question).toBe(Q[1]);
    expect(result.notes.map((n) => n.message)).toEqual(['the answer to question 2 moved to question 3 (same question text)']);
  });

  it('keeps the answer to a removed question under Vervallen vragen, never dropping it', () => {
    const text = drafted(Q);
    const result = draftAnswerDocument({ letter: letter([Q[1]!, Q[2]!]), template, existing: { text, file: 'answers/x.md' } });
    const { doc } = readAnswerDocument(result.text, 'a.md');
    expect(doc.answers.map((s) => [s.number, s.answer])).toEqual([
      [1, ANSWER_2],
      [2, ANSWER_PLACEHOLDER],
    ]);
    expect(doc.orphans).toMatchObject([{ number: 1, question: Q[0], answer: ANSWER_1 }]);
    expect(result.notes.some((n) => n.level === 'warning' && /question 1 .* no longer in the letter/.test(n.message))).toBe(true);
    // and back again when the question returns
    const back = draftAnswerDocument({ letter: letter(Q), template, existing: { text: result.text, file: 'answers/x.md' } });
    const restored = readAnswerDocument(back.text, 'a.md').doc;
    expect(restored.answers.map((s) => s.answer)).toEqual([ANSWER_1, ANSWER_2, ANSWER_PLACEHOLDER]);
    expect(restored.orphans).toEqual([]);
  });

  it('reports an uncertain match when a question was reworded, and keeps the answer with it', () => {
    const text = drafted(Q);
    const reworded = [Q[0]!, 'Hoe wil het college de druk op wijken verlichten, bijvoorbeeld door corporatiewoningen beter te spreiden?', Q[2]!];
    const result = draftAnswerDocument({ letter: letter(reworded), template, existing: { text, file: 'answers/x.md' } });
    const { doc } = readAnswerDocument(result.text, 'a.md');
    expect(doc.answers[1]).toMatchObject({ question: reworded[1], answer: ANSWER_2 });
    const note = result.notes.find((n) => n.question === 2)!;
    expect(note.level).toBe('warning');
    expect(note.message).toMatch(/^uncertain match/);
  });

  it('keeps a person’s edits outside the question sections and says so', () => {
    let text = drafted(Q);
    text = text.replace('Hieronder treft u de antwoorden', 'Het college ziet de druk op de wijken. Hieronder treft u de antwoorden');
    text = text.replace('## Openbaarheid', '## Financiën\n\nDe inzet past binnen de begroting.\n\n## Openbaarheid');
    const result = draftAnswerDocument({ letter: letter(Q), template, existing: { text, file: 'answers/x.md' } });
    expect(result.text).toBe(text);
    expect(result.notes.map((n) => n.message)).toEqual([
      'kept "Kernboodschap" as written in the file, where the template would now write other text (--force writes the template\'s text, after a backup; answers are always kept)',
      'kept "Financiën", which the template does not have',
    ]);
  });

  it('keeps the front matter as written, comments and extra keys included', () => {
    const text = drafted(Q).replace('status: concept', 'status: ter-besluitvorming # door MT\nportefeuillehouder: J. Jansen');
    const result = draftAnswerDocument({ letter: letter(Q), template, existing: { text, file: 'answers/x.md' } });
    expect(result.text.startsWith('---\nquestion: 2025-04-12-d66-zorg\nstatus: ter-besluitvorming # door MT\nportefeuillehouder: J. Jansen\n---\n')).toBe(true);
  });

  it('keeps sources a person edited, and suggests new ones for unanswered questions', () => {
    const citation = { passage: 'p1', doc: 'nota', heading: ['Nota', 'Wijken'], lines: [3, 9] as [number, number], quote: 'Wijken onder druk.', file: 'corpus/nota.md' };
    const first = draftAnswerDocument({ letter: letter(Q), template, sources: new Map([[1, [citation]], [3, [citation]]]), href: (f) => `../${f}` });
    expect(first.text).toContain('- [nota › Nota › Wijken, regels 3–9](../corpus/nota.md#L3-L9) p1 "Wijken onder druk."');
    const edited = answer(first.text, 1, 'Ja.').replace('- [nota › Nota › Wijken', '- Eigen bron: de wijkmonitor.\n- [nota › Nota › Wijken');
    const other = { ...citation, passage: 'p2', quote: 'Iets anders.' };
    const result = draftAnswerDocument({ letter: letter(Q), template, sources: new Map([[1, [other]], [3, [other]]]), existing: { text: edited, file: 'answers/x.md' } });
    const { doc } = readAnswerDocument(result.text, 'a.md');
    expect(result.text).toContain('- Eigen bron: de wijkmonitor.');
    expect(doc.answers[0]!.sources.map((s) => s.passage)).toEqual(['p1']);
    expect(doc.answers[2]!.sources.map((s) => s.passage)).toEqual(['p2']);
  });

  it('adds no suggestions under an answer that is written (the officer’s sources stay as they are)', () => {
    const text = drafted(Q);
    const citation = { passage: 'p1', doc: 'nota', heading: ['Nota'], lines: [3, 9] as [number, number], quote: 'Wijken.', file: 'corpus/nota.md' };
    const result = draftAnswerDocument({ letter: letter(Q), template, sources: new Map([[1, [citation]], [3, [citation]]]), existing: { text, file: 'answers/x.md' } });
    const { doc } = readAnswerDocument(result.text, 'a.md');
    expect(doc.answers.map((s) => s.sources.length)).toEqual([0, 0, 1]);
  });

  it('refuses an answer file that answers another question document', () => {
    const text = drafted(Q).replace('question: 2025-04-12-d66-zorg', 'question: 2024-01-01-vvd-iets');
    expect(() => draftAnswerDocument({ letter: letter(Q), template, existing: { text, file: 'answers/x.md' } })).toThrow(/answers "2024-01-01-vvd-iets", not "2025-04-12-d66-zorg"/);
  });

  it('refuses a file without front matter or with broken front matter, naming the line', () => {
    const text = drafted(Q);
    expect(() => draftAnswerDocument({ letter: letter(Q), template, existing: { text: text.replace(/^---[\s\S]*?---\n/, ''), file: 'answers/x.md' } })).toThrow(/no front matter/);
    try {
      draftAnswerDocument({ letter: letter(Q), template, existing: { text: text.replace('status: concept', 'status: [concept'), file: 'answers/x.md' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).line).toBeGreaterThan(1);
    }
  });

  it('keeps a heading a person put between question sections after the same question', () => {
    const text = drafted(Q).replace(ANSWER_1, `${ANSWER_1}\n\n### Toelichting\n\nMeer tekst.`);
    const changed = [Q[0]!, 'Een nieuwe vraag over de jongerenvoorziening in Holtenbroek?', Q[1]!, Q[2]!];
    const result = draftAnswerDocument({ letter: letter(changed), template, existing: { text, file: 'answers/x.md' } });
    const at = (s: string) => result.text.indexOf(s);
    expect(at('Meer tekst.')).toBeGreaterThan(at('referentiewaarden.'));
    expect(at('### Toelichting')).toBeLessThan(at('### Vraag 2'));
  });

  it('refuses to merge when an answer cannot be placed without changing it, leaving the text alone', async () => {
    // An answer with a level-4 heading inside, re-drafted with a template that puts questions at
    // level 4: the heading would cut the answer in two, so the draft refuses.
    const text = drafted(Q).replace(ANSWER_1, `${ANSWER_1}\n\n#### Toelichting\n\nMeer tekst.`);
    expect(readAnswerDocument(text, 'a.md').doc.answers[0]!.answer).toContain('Meer tekst.');
    await writeFile(join(workspace, 'diep.md.hbs'), '# Memo\n\n{{#each questions}}\n#### Vraag {{number}}\n\n{{md-quote text}}\n\n{{answer}}\n\n{{/each}}\n');
    const deep = await loadTemplate({ workspace, template: 'diep.md.hbs' });
    expect(() => draftAnswerDocument({ letter: letter(Q), template: deep, existing: { text, file: 'answers/x.md' } })).toThrow(/cannot place the answer beginning "Ja, het college deelt/);
  });

  it('puts imported answers in, keeping a different written answer aside', () => {
    const text = drafted(Q);
    const result = draftAnswerDocument({
      letter: letter(Q),
      template,
      existing: { text, file: 'answers/x.md' },
      answers: new Map([[1, 'Het college deelt de opvatting.'], [3, 'Via de G40.']]),
      status: 'vastgesteld',
      setStatus: true,
    });
    const { doc } = readAnswerDocument(result.text, 'a.md');
    expect(doc.status).toBe('vastgesteld');
    expect(doc.answers.map((s) => s.answer)).toEqual(['Het college deelt de opvatting.', ANSWER_2, 'Via de G40.']);
    expect(doc.orphans.map((s) => s.answer)).toEqual([ANSWER_1]);
  });
});
