import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWER_PLACEHOLDER, answerState, readAnswerDocument } from './answer-document.js';

const memo = `---
question: 2025-04-12-d66-regionale-zorg-en-veiligheid
status: concept
date: 2025-05-20
---

# Beantwoording artikel 45 vragen D66

## Kernboodschap

Hieronder treft u de antwoorden.

## Vragen en antwoorden

### Vraag 1

> Deelt het college de opvatting van D66?

**Antwoord:**

Ja, het college deelt deze opvatting.

Tweede alinea.

#### Bronnen

- [zwolse-agenda › Zwolse agenda › 4.3 Politie, regels 120–128](../corpus/zwolse-agenda.md#L120-L128) zwolse-agenda-p12 "De politie is druk."
- Zie ook de nota van 2023.

### Vraag 2

> Ziet het college mogelijkheden? Zo ja, op welke wijze?

**Antwoord:**

${ANSWER_PLACEHOLDER}

### Vraag 3

> Deelt het college ...?

Antwoord: Zie het antwoord op vraag 2.

## Vervallen vragen

### Vraag 9 (vervallen)

> Een oude vraag?

Een oud antwoord.

## Openbaarheid

Deze nota is openbaar.
`;

describe('readAnswerDocument', () => {
  it('reads the front matter and one section per question', () => {
    const { doc, problems } = readAnswerDocument(memo, 'answers/x.md');
    expect(problems).toEqual([]);
    expect(doc.question).toBe('2025-04-12-d66-regionale-zorg-en-veiligheid');
    expect(doc.status).toBe('concept');
    expect(doc.date).toBe('2025-05-20');
    expect(doc.answers.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(doc.answers[0]!.question).toBe('Deelt het college de opvatting van D66?');
    expect(doc.answers[1]!.question).toBe('Ziet het college mogelijkheden? Zo ja, op welke wijze?');
  });

  it('takes everything after the quote as the answer, without the Antwoord label and the sources', () => {
    const { doc } = readAnswerDocument(memo, 'answers/x.md');
    expect(doc.answers[0]!.answer).toBe('Ja, het college deelt deze opvatting.\n\nTweede alinea.');
    expect(doc.answers[1]!.answer).toBe(ANSWER_PLACEHOLDER);
    expect(doc.answers[2]!.answer).toBe('Zie het antwoord op vraag 2.');
  });

  it('gives the line of each section heading, of its answer and its last line', () => {
    const { doc } = readAnswerDocument(memo, 'answers/x.md');
    const lines = memo.split('\n');
    const first = doc.answers[0]!;
    expect(lines[first.line! - 1]).toBe('### Vraag 1');
    expect(lines[first.answerLine! - 1]).toBe('Ja, het college deelt deze opvatting.');
    expect(lines[first.endLine! - 1]).toBe('- Zie ook de nota van 2023.');
    expect(lines[doc.answers[2]!.answerLine! - 1]).toBe('Antwoord: Zie het antwoord op vraag 2.');
    expect(lines[doc.orphans[0]!.line! - 1]).toBe('### Vraag 9 (vervallen)');
  });

  it('reads citations under Bronnen and skips free text there', () => {
    const { doc, layout } = readAnswerDocument(memo, 'answers/x.md');
    expect(doc.answers[0]!.sources).toEqual([
      {
        passage: 'zwolse-agenda-p12',
        doc: 'zwolse-agenda',
        heading: ['Zwolse agenda', '4.3 Politie'],
        lines: [120, 128],
        quote: 'De politie is druk.',
        file: '../corpus/zwolse-agenda.md',
      },
    ]);
    const block = layout.blocks.find((b) => b.kind === 'question' && b.section.number === 1);
    expect(block && block.kind === 'question' && block.bronnenEdited).toBe(true);
  });

  it('keeps sections under Vervallen vragen apart as orphans', () => {
    const { doc } = readAnswerDocument(memo, 'answers/x.md');
    expect(doc.orphans).toHaveLength(1);
    expect(doc.orphans[0]).toMatchObject({ number: 9, question: 'Een oude vraag?', answer: 'Een oud antwoord.' });
  });

  it('ends the Vervallen part at the next heading of its level', () => {
    const { layout } = readAnswerDocument(memo, 'answers/x.md');
    const last = layout.blocks[layout.blocks.length - 1]!;
    expect(last.kind).toBe('part');
    expect(last.kind === 'part' && last.heading).toBe('Openbaarheid');
  });

  it('reads other templates: the question in the heading, Antwoord as a heading, any heading level', () => {
    const text = `---
question: x
status: ter-besluitvorming
---
## Vraag 1: Deelt het college de opvatting van D66?

### Antwoord

Ja.

## Vraag 2. Wat doet het college?

> "Een citaat uit de nota" staat in het antwoord.

Veel.
`;
    const { doc, problems } = readAnswerDocument(text, 'a.md');
    expect(problems).toEqual([]);
    expect(doc.status).toBe('ter-besluitvorming');
    expect(doc.answers.map((s) => [s.number, s.question, s.answer])).toEqual([
      [1, 'Deelt het college de opvatting van D66?', 'Ja.'],
      [2, 'Wat doet het college?', '> "Een citaat uit de nota" staat in het antwoord.\n\nVeel.'],
    ]);
  });

  it('strips the label in its written forms', () => {
    for (const label of ['**Antwoord:**', '**Antwoord**:', 'Antwoord:', '_Antwoord:_', '*Antwoord*:']) {
      const text = `---\nquestion: x\nstatus: concept\n---\n### Vraag 1\n\n> Vraag?\n\n${label} Ja, dat klopt.\n`;
      expect(readAnswerDocument(text, 'a.md').doc.answers[0]!.answer, label).toBe('Ja, dat klopt.');
    }
  });

  it('reports a missing question key, a bad status and a bad date with the line of the key', () => {
    const text = '---\nstatus: klaar\ndate: 2025-02-30\n---\n### Vraag 1\n';
    const { problems } = readAnswerDocument(text, 'answers/x.md');
    expect(problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['schema', 1, "The answer document needs 'question' (the id of the question document it answers)"],
      ['schema', 2, `'status' must be one of concept, ter-besluitvorming, vastgesteld, not "klaar"`],
      ['schema', 3, `'date' is "2025-02-30", which is not a date written YYYY-MM-DD`],
    ]);
    expect(problems.every((p) => p.file === 'answers/x.md' && p.severity === 'error')).toBe(true);
  });

  it('reports a file without front matter and broken YAML, and still reads the sections', () => {
    const none = readAnswerDocument('### Vraag 1\n\n> V?\n\nJa.\n', 'a.md');
    expect(none.problems[0]!.message).toMatch(/no front matter/);
    expect(none.doc.answers[0]!.answer).toBe('Ja.');
    const broken = readAnswerDocument('---\nquestion: [x\n---\n### Vraag 1\n', 'a.md');
    expect(broken.problems[0]!.code).toBe('schema');
    expect(broken.problems[0]!.message).toMatch(/YAML/);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('---\n', 'question: x\n', '#', '# Vraag 1\n', '> ', '\n', 'Antwoord:', '**', '- [a](b) c "d"\n', 'Bronnen', 'Vervallen vragen', ' ', 'x') }),
        (text) => {
          const { doc } = readAnswerDocument(text, 'f.md');
          expect(Array.isArray(doc.answers)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('answerState', () => {
  it('tells empty, placeholder and written answers apart', () => {
    expect(answerState('  ')).toBe('empty');
    expect(answerState(ANSWER_PLACEHOLDER)).toBe('placeholder');
    expect(answerState(`${ANSWER_PLACEHOLDER}\n\nJa.`)).toBe('written');
  });
});
