import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import type { Question, QuestionDocument } from '../model.js';
import {
  collapseWhitespace, normalizePreamble, normalizeQuestionDocument, questionDocumentId, readQuestionDocument,
  readQuestionDocumentFile, renderQuestionDocument, slugify,
} from './question-document.js';

const d66: QuestionDocument = {
  id: '2025-04-12-d66-regionale-zorg-en-veiligheid',
  title: 'Vragen ex. artikel 45 regionale zorg en veiligheid',
  subject: 'regionale zorg en veiligheid',
  article: '45',
  municipality: 'Zwolle',
  party: 'D66',
  parties: ['D66'],
  members: [],
  date: '2025-04-12',
  addressee: 'college van burgemeester en wethouders',
  preamble: 'Sinds de decentralisatie in het sociaal domein (2015), ...\n\nTen aanzien van de ondersteuning.',
  questions: [
    { number: 1, label: '-', text: 'Deelt het college de opvatting van D66 dat ...?', parts: [] },
    {
      number: 2, label: '-', text: 'Ziet het college mogelijkheden om ...? Zo ja, op welke wijze? Indien nee, waarom niet?',
      parts: [{ label: 'o', text: 'Zo ja, op welke wijze?' }, { label: 'o', text: 'Indien nee, waarom niet?' }],
    },
  ],
  footnotes: [{ n: 1, text: 'https://www.youtube.com/watch?v=AWYlvnaryms' }, { n: 2, text: 'Koers sociaal domein 2023' }],
  warnings: [],
  source: '2025-04-12-d66-regionale-zorg-en-veiligheid.txt',
  received: '2025-04-12',
  kind: 'schriftelijke-vragen',
  deadline: '2025-05-12',
};

/** What must survive a round trip: everything but source lines and parse warnings. */
function comparable(doc: QuestionDocument) {
  return {
    ...doc,
    warnings: [],
    questions: doc.questions.map(({ line: _line, ...question }) => question),
  };
}

describe('renderQuestionDocument', () => {
  it('writes readable front matter and a body with one section per question', () => {
    const md = renderQuestionDocument(d66);
    expect(md).toMatch(/^---\nid: 2025-04-12-d66-regionale-zorg-en-veiligheid\ntitle: Vragen ex\. artikel 45/);
    expect(md).toContain('article: "45"\n');
    expect(md).toContain('date: 2025-04-12\n');
    expect(md).toContain('deadline: 2025-05-12\n');
    expect(md).toContain('\n## Vraag 2 (-)\n\nZiet het college mogelijkheden');
    expect(md).toContain('\n- **o** Zo ja, op welke wijze?\n- **o** Indien nee, waarom niet?\n');
    expect(md).toContain('\n## Voetnoten\n\n1. https://www.youtube.com/watch?v=AWYlvnaryms\n2. Koers sociaal domein 2023\n');
  });

  it('escapes markdown in question text so it reads back as text', () => {
    const tricky = '*Niet vet* # geen kop [geen link](x) <b>geen html</b> _nee_ {{ templates }} `code`';
    const doc = { ...d66, preamble: '---\n# kop?\n1. geen lijst\n> geen citaat', questions: [{ number: 1, label: '1.', text: tricky, parts: [{ label: '*', text: '- geen lijst' }] }] };
    const md = renderQuestionDocument(doc);
    expect(md).toContain('\\<b>geen html');
    const back = readQuestionDocument(md, 'q.md');
    expect(back.questions[0]!.text).toBe(tricky);
    expect(back.questions[0]!.parts).toEqual([{ label: '*', text: '- geen lijst' }]);
    expect(back.preamble).toBe('---\n# kop?\n1. geen lijst\n> geen citaat');
  });

  it('keeps a gap in footnote numbers', () => {
    const doc = { ...d66, footnotes: [{ n: 1, text: 'a' }, { n: 3, text: 'c' }, { n: 4, text: 'd' }] };
    expect(readQuestionDocument(renderQuestionDocument(doc)).footnotes).toEqual(doc.footnotes);
  });

  it('writes an interleaved answer under its question and reads it back', () => {
    const doc = { ...d66, questions: [{ number: 1, label: null, text: 'Klopt dit?', parts: [], answer: 'Ja.\n\nZie ook de brief.' }] };
    const md = renderQuestionDocument(doc);
    expect(md).toContain('## Vraag 1\n\nKlopt dit?\n\n### Antwoord\n\nJa.');
    expect(comparable(readQuestionDocument(md))).toEqual(comparable(doc));
  });
});

describe('the letter\'s text between two questions', () => {
  it('is written under "### Toelichting" and read back as the question\'s context, apart from its text', () => {
    const doc = {
      ...d66,
      questions: [
        { number: 1, label: '1.', text: 'Klopt dit?', parts: [] },
        { number: 2, label: '2.', text: 'Wat doet het college?', parts: [], context: 'In het *Coalitieakkoord* staat:\n\n- vocht aanpakken', answer: 'Veel.' },
      ],
    };
    const md = renderQuestionDocument(doc);
    expect(md).toContain('## Vraag 2 (2.)\n\nWat doet het college?\n\n### Toelichting\n\nIn het \\*Coalitieakkoord\\* staat:');
    expect(md.indexOf('### Toelichting')).toBeLessThan(md.indexOf('### Antwoord'));
    const back = readQuestionDocument(md);
    expect(back.questions.map((q) => [q.text, q.context])).toEqual([
      ['Klopt dit?', undefined],
      ['Wat doet het college?', 'In het *Coalitieakkoord* staat:\n\n- vocht aanpakken'],
    ]);
    expect(comparable(back)).toEqual(comparable(normalizeQuestionDocument(doc)));
  });

  it('reads a hand-written Toelichting that no longer merges into the question', () => {
    const md = '---\nid: x\n---\n## Vraag 1\n\nKlopt dit?\n\n### Toelichting\n\nDe krant schreef het.\n';
    const [q] = readQuestionDocument(md).questions;
    expect([q!.text, q!.context]).toEqual(['Klopt dit?', 'De krant schreef het.']);
  });
});

describe("the letter's text after its questions", () => {
  it('is written under "## Nawoord" after the questions and before the footnotes, and read back', () => {
    const doc = {
      ...d66,
      questions: [{ number: 1, label: '1.', text: 'Klopt dit?', parts: [] }],
      afterword: 'Toelichting:\n\n• voorzorgsbeginsel: de overheid hoeft niet te wachten.',
      footnotes: [{ n: 1, text: 'https://example.org' }],
    };
    const md = renderQuestionDocument(doc);
    expect(md).toContain('## Vraag 1 (1.)\n\nKlopt dit?\n\n## Nawoord\n\nToelichting:\n\n• voorzorgsbeginsel');
    expect(md.indexOf('## Nawoord')).toBeLessThan(md.indexOf('## Voetnoten'));
    const back = readQuestionDocument(md);
    expect(back.afterword).toBe(doc.afterword);
    expect(back.questions[0]!.text).toBe('Klopt dit?');
    expect(back.footnotes).toEqual(doc.footnotes);
    expect(back.warnings).toEqual([]);
  });

  it('keeps a "### Nawoord" inside a question as that question\'s text, and writes no section for an empty afterword', () => {
    const md = '---\nid: x\n---\n## Vraag 1\n\nKlopt dit?\n\n### Nawoord\n\nMeer.\n';
    const back = readQuestionDocument(md);
    expect(back.afterword).toBeUndefined();
    expect(back.questions[0]!.text).toContain('Meer.');
    expect(renderQuestionDocument({ ...d66, afterword: '  ' })).not.toContain('Nawoord');
  });
});

describe('readQuestionDocument', () => {
  it('round-trips the D66 document', () => {
    expect(comparable(readQuestionDocument(renderQuestionDocument(d66), 'q.md'))).toEqual(comparable(d66));
  });

  it('gives the line of each question heading in the file', () => {
    const md = renderQuestionDocument(d66);
    const lines = md.split('\n');
    const back = readQuestionDocument(md);
    expect(lines[back.questions[0]!.line! - 1]).toBe('## Vraag 1 (-)');
    expect(lines[back.questions[1]!.line! - 1]).toBe('## Vraag 2 (-)');
  });

  it('sees a person\'s edits: a corrected question, a changed date, an added question', () => {
    const md = renderQuestionDocument(d66)
      .replace('date: 2025-04-12', 'date: 2025-04-14')
      .replace('Deelt het college de opvatting van D66 dat ...?', 'Deelt het college de opvatting\nvan D66 dat de zorg beter kan?')
      .replace('## Voetnoten', '## Vraag 3\n\nWanneer komt de nota?\n\n## Voetnoten');
    const back = readQuestionDocument(md);
    expect(back.date).toBe('2025-04-14');
    expect(back.questions.map((q) => q.text)).toEqual([
      'Deelt het college de opvatting van D66 dat de zorg beter kan?',
      d66.questions[1]!.text,
      'Wanneer komt de nota?',
    ]);
    expect(back.questions[2]!.label).toBeNull();
  });

  it('reads a hand-written file with lists, a heading level of its own and no label', () => {
    const md = '---\ntitle: Vragen over de kermis\ndate: 2024-10-01\nparty: GroenLinks\n---\n# Kermis\n\nInleiding.\n\n### Vraag 1\nIs het college bekend met *het bericht*?\n\n### Vraag 2 (2.)\nWat gaat u doen?\n- a. hier\n- b. daar\n';
    const back = readQuestionDocument(md);
    expect(back.preamble).toBe('Kermis\n\nInleiding.');
    expect(back.questions).toEqual([
      { number: 1, label: null, text: 'Is het college bekend met het bericht?', parts: [], line: 10 },
      { number: 2, label: '2.', text: 'Wat gaat u doen?', parts: [{ label: null, text: 'a. hier' }, { label: null, text: 'b. daar' }], line: 13 },
    ]);
    expect(back.parties).toEqual([]);
    expect(back.id).toBeNull();
  });

  it('refuses a question number used twice, at its line', () => {
    const md = '---\ntitle: x\n---\n## Vraag 1\n\na?\n\n## Vraag 1\n\nb?\n';
    const error = (() => { try { readQuestionDocument(md, 'q.md'); } catch (e) { return e; } return null; })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(8);
  });

  it('warns when questions are not numbered 1..n', () => {
    const back = readQuestionDocument('---\ntitle: x\n---\n## Vraag 1\n\na?\n\n## Vraag 3\n\nb?\n');
    expect(back.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/not numbered 1\.\.2/)]);
  });

  it('returns a bad date, a non-text value and a broken uitstel as problems at the key\'s line, and reads the rest', () => {
    const cases: Array<[string, string, number]> = [
      ['---\ntitle: x\ndate: 12-04-2025\n---\n', `'date' is "12-04-2025", which is not a date written YYYY-MM-DD`, 3],
      ['---\ntitle:\n  nl: x\n---\n', "'title' must be text, not a group of keys", 2],
      ['---\nparties:\n  - D66\n  - [x]\n---\n', "'parties' must list names as text; item 2 is a list", 4],
      ['---\nuitstel:\n  date: 2025-05-01\n  reason: drukte\n---\n', "The question document needs 'uitstel.until' (the new deadline, written YYYY-MM-DD)", 2],
      ['---\nuitstel:\n  until: 2025-13-01\n---\n', `'uitstel.until' is "2025-13-01", which is not a date written YYYY-MM-DD`, 3],
      ['---\nuitstel:\n  tot: 2025-06-01\n---\n', "'uitstel.tot' is not a key of 'uitstel', which holds date, reason and until", 3],
    ];
    for (const [md, message, line] of cases) {
      const read = readQuestionDocumentFile(`${md}## Vraag 1\n\nWat?\n`, 'questions/x.md');
      expect(read.problems, md).toContainEqual({ code: 'schema', severity: 'error', message, file: 'questions/x.md', line });
      expect(read.document.questions.map((q) => q.text)).toEqual(['Wat?']);
      // The throwing convenience refuses the same file at the line of its first problem.
      const error = (() => { try { readQuestionDocument(md, 'questions/x.md'); } catch (e) { return e; } return null; })();
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).line).toBe(read.problems[0]!.line);
      expect((error as InputError).file).toBe('questions/x.md');
    }
  });

  it('returns every problem of a file at once, never throwing for its content', () => {
    const read = readQuestionDocumentFile('---\nid: Niet Goed\ndate: morgen\nkind: art99\n---\n## Vraag 1\n\na?\n\n## Vraag 1\n\nb?\n', { file: 'q.md', kinds: ['art45'], strictId: true });
    expect(read.problems.map((p) => [p.line, p.message])).toEqual([
      [2, `'id' is "Niet Goed", which is not an id (lower-case letters, digits and hyphens, at most 80)`],
      [3, `'date' is "morgen", which is not a date written YYYY-MM-DD`],
      [4, 'kind: "art99" is not a kind in answer.config.json (known: art45)'],
      [10, '"Vraag 1" appears twice (also at line 6); give each question its own number'],
    ]);
    expect(read.document).toMatchObject({ id: null, date: null, kind: 'art99' });
    expect(read.document.questions.map((q) => q.text)).toEqual(['a?']);
    expect(readQuestionDocumentFile('---\ntitle: x\n---\n', { strictId: true }).problems[0]).toMatchObject({ line: 1, message: expect.stringContaining("needs 'id'") });
    expect(readQuestionDocumentFile('---js\nx\n---\n## Vraag 1\n\na?\n').problems[0]).toMatchObject({ line: 1, message: expect.stringContaining('YAML') });
  });

  it('reads a CRLF file as the same document', () => {
    const md = renderQuestionDocument(d66);
    expect(readQuestionDocumentFile(md.replace(/\n/g, '\r\n'))).toEqual(readQuestionDocumentFile(md));
  });

  it('keeps text typed in YAML as text: a number-like article, a time-like title', () => {
    const back = readQuestionDocument('---\narticle: 045\ntitle: 12:30\nparty: no\n---\n');
    expect(back.article).toBe('045');
    expect(back.title).toBe('12:30');
    expect(back.party).toBe('no');
  });

  it('warns about an unknown front matter key and gives key lines', () => {
    const file = readQuestionDocumentFile('---\ntitle: x\ntittle: y\n---\n');
    expect(file.document.warnings).toEqual([{ line: 3, message: 'unknown front matter key "tittle" is ignored' }]);
    expect(file.keyLines.title).toBe(2);
  });

  it('refuses a ---js front matter block', () => {
    expect(() => readQuestionDocument('---js\n{ title: "x" }\n---\n## Vraag 1\n\nx?\n', 'q.md')).toThrow(InputError);
  });

  it('refuses a file over 2 MB and stops a crafted emphasis run in time', () => {
    const big = `---\ntitle: x\n---\n${'woord '.repeat(400_000)}`;
    expect(() => readQuestionDocument(big, 'big.md')).toThrow(/too large/);
  });
});

// fast-check: arbitrary documents in normal form survive render → read exactly.
const special = fc.constantFrom('*', '**', '_', '#', '[', ']', '(', ')', '<', '>', '`', '\\', '{{', '}}', '---', '- ', '1. ', '1) ', '+ ', '=', '|', '&amp;', '&', '~', '!', ':', 'Vraag 1', 'Voetnoten', 'Nawoord', '"', "'", 'é', '’', ' ', '\t', '\n', '\u00a0');
const word = fc.oneof(fc.string({ maxLength: 8 }), special, fc.stringMatching(/^[a-zA-Z]{1,8}$/));
const rawText = fc.array(word, { maxLength: 12 }).map((words) => words.join(''));
const line = rawText.map(collapseWhitespace);
const label = fc.option(fc.oneof(fc.constantFrom('1.', '1)', 'Vraag 1', 'a.', '-', '•', 'o', '–', '1e.-', 'Onze vraag aan het college:'), line.filter((s) => s !== '')), { nil: null });
const optionalText = fc.option(line.filter((s) => s !== ''), { nil: null });
const isoDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const documentArbitrary = fc
  .record({
    id: optionalText,
    title: optionalText,
    subject: optionalText,
    article: fc.option(fc.constantFrom('45', '42', '33a', '39'), { nil: null }),
    municipality: optionalText,
    party: optionalText,
    parties: fc.array(line.filter((s) => s !== ''), { maxLength: 3 }),
    members: fc.array(line.filter((s) => s !== ''), { maxLength: 3 }),
    date: fc.option(isoDate, { nil: null }),
    addressee: optionalText,
    preamble: fc.array(rawText, { maxLength: 6 }).map((lines) => normalizePreamble(lines.join('\n'))),
    questions: fc.array(
      fc.record({
        label,
        text: line,
        parts: fc.array(fc.record({ label, text: line }), { maxLength: 3 }),
        answer: fc.option(fc.array(rawText, { maxLength: 3 }).map((lines) => normalizePreamble(lines.join('\n'))).filter((s) => s !== ''), { nil: undefined }),
        context: fc.option(fc.array(rawText, { maxLength: 3 }).map((lines) => normalizePreamble(lines.join('\n'))).filter((s) => s !== ''), { nil: undefined }),
      }),
      { maxLength: 5 },
    ),
    afterword: fc.option(fc.array(rawText, { maxLength: 3 }).map((lines) => normalizePreamble(lines.join('\n'))).filter((s) => s !== ''), { nil: undefined }),
    footnotes: fc.array(fc.record({ n: fc.integer({ min: 0, max: 999 }), text: line }), { maxLength: 4 }),
    source: fc.option(optionalText, { nil: undefined }),
    received: fc.option(fc.option(isoDate, { nil: null }), { nil: undefined }),
    kind: fc.option(fc.option(fc.constantFrom('schriftelijke-vragen', 'art-33'), { nil: null }), { nil: undefined }),
    deadline: fc.option(fc.option(isoDate, { nil: null }), { nil: undefined }),
    uitstel: fc.option(fc.record({ date: fc.option(isoDate, { nil: null }), reason: optionalText, until: isoDate }), { nil: undefined }),
  })
  .map((record): QuestionDocument => {
    const questions: Question[] = record.questions.map((q, i) => {
      const question: Question = { number: i + 1, label: q.label, text: q.text, parts: q.parts };
      if (q.answer !== undefined) question.answer = q.answer;
      if (q.context !== undefined) question.context = q.context;
      return question;
    });
    const doc: QuestionDocument = { ...record, questions, warnings: [] };
    for (const key of ['afterword', 'source', 'received', 'kind', 'deadline', 'uitstel'] as const) {
      if (doc[key] === undefined) delete doc[key];
    }
    return doc;
  });

describe('round trip', () => {
  it('reads back every field of any rendered document (fast-check)', () => {
    fc.assert(
      fc.property(documentArbitrary, (doc) => {
        const md = renderQuestionDocument(doc);
        const back = readQuestionDocument(md, 'q.md');
        expect(comparable(back)).toEqual(comparable(doc));
        expect(back.warnings).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps block markers on consecutive lines and a "<" that could open an e-mail autolink as text (fast-check counterexamples)', () => {
    for (const answer of ['-\n-', '+\n+ a', '1.\n1. a', '<=@A>']) {
      const doc = normalizeQuestionDocument({ ...d66, preamble: '', questions: [{ number: 1, label: null, text: '', parts: [], answer }] });
      const back = readQuestionDocument(renderQuestionDocument(doc), 'q.md');
      expect(back.preamble).toBe('');
      expect(back.questions[0]!.answer).toBe(answer);
    }
  });

  it('normalises a parsed document into the form the file keeps', () => {
    const messy = { ...d66, preamble: '  Eerste  regel\n  tweede regel \n\n\n Alinea twee ', questions: [{ number: 1, label: ' 1. ', text: ' Wat\n  nu? ', parts: [{ label: '', text: ' a ' }] }] };
    const normal = normalizeQuestionDocument(messy);
    expect(normal.preamble).toBe('Eerste regel\ntweede regel\n\nAlinea twee');
    expect(normal.questions[0]).toEqual({ number: 1, label: '1.', text: 'Wat nu?', parts: [{ label: null, text: 'a' }] });
    expect(comparable(readQuestionDocument(renderQuestionDocument(messy)))).toEqual(comparable(normal));
  });
});

describe('questionDocumentId', () => {
  it('slugifies date, party and subject', () => {
    expect(questionDocumentId(d66)).toBe('2025-04-12-d66-regionale-zorg-en-veiligheid');
    expect(questionDocumentId({ date: '2024-01-02', party: 'GroenLinks-PvdA', subject: 'Café "De Zwaan" / terras ½ vol.', title: null })).toBe('2024-01-02-groenlinks-pvda-cafe-de-zwaan-terras-1-2-vol');
  });

  it('skips null parts and falls back to the title, the source name, then "vragen"', () => {
    expect(questionDocumentId({ date: null, party: null, subject: null, title: 'Vragen over de Ö-brug' })).toBe('vragen-over-de-o-brug');
    expect(questionDocumentId({ date: '2024-01-02', party: null, subject: null, title: null, source: 'in/brief.v2.pdf' })).toBe('2024-01-02-brief-v2');
    expect(questionDocumentId({ date: null, party: null, subject: null, title: null })).toBe('vragen');
    expect(questionDocumentId({ date: null, party: '???', subject: '...', title: null })).toBe('vragen');
  });

  it('keeps ids to [a-z0-9-], at most 80 characters, cut at a word boundary', () => {
    fc.assert(
      fc.property(fc.option(isoDate, { nil: null }), optionalText, optionalText, optionalText, (date, party, subject, title) => {
        const id = questionDocumentId({ date, party, subject, title });
        expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(id.length).toBeLessThanOrEqual(80);
      }),
    );
    const long = questionDocumentId({ date: '2025-04-12', party: 'D66', subject: 'een heel lang onderwerp over de regionale zorg en veiligheid in de centrumgemeente', title: null });
    expect(long).toBe('2025-04-12-d66-een-heel-lang-onderwerp-over-de-regionale-zorg-en-veiligheid-in');
    expect(slugify('Ærø ß Łódź')).toBe('aero-ss-lodz');
  });
});
