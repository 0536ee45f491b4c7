import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAnswerDocument } from './answer-document.js';
import { formatCitation } from './citation.js';
import { readFrontMatter } from './front-matter.js';
import type { QuestionDocument } from '../model.js';
import { readQuestionDocumentFile, renderQuestionDocument } from './question-document.js';
import { fastAnswerDocument, fastFrontMatter, fastQuestionDocument } from './scan.js';

/**
 * The fast path must give what the readers of record give, or step aside (null). These
 * properties feed both with generated documents full of the shapes that trip a line scanner.
 */

/** Text fragments: plain Dutch, and markdown that reads differently from how it is written. */
const FRAGMENTS = [
  'Deelt het college de opvatting van D66',
  'dat de draaglast in sommige wijken onder druk staat?',
  'Zo ja, op welke wijze?',
  'centrum- gemeente',
  '30-40-30 verdeling',
  '*nadruk*',
  '**vet**',
  '_schuin_',
  'snake_case_woord',
  '2 * 3 = 6',
  '[link](https://example.org)',
  '[niet gesloten',
  '\\*geen nadruk\\*',
  'B&W',
  '&amp; entiteit',
  '&copy;',
  '<b>html</b>',
  'a < b > c',
  '`code`',
  'regels 40–44',
  'art. 45 RvO',
  '„Beschermd Thuis”',
  "auto's",
  '#hashtag',
  '# geen kop',
  '> geen citaat',
  '1. geen lijst',
  '2025. jaartal',
  '- streepje',
  '€ 1.000,-',
  'einde.  ',
  'regel\\',
];

/** Whole lines to drop into a document: each is a trap for a scanner by lines. */
const TRAP_LINES = [
  '',
  '```',
  '~~~',
  '<!-- opmerking -->',
  '<div>',
  '---',
  '***',
  '- - -',
  '===',
  '[ref]: https://example.org',
  '   # ingesprongen kop',
  '  > ingesprongen citaat',
  '    code',
  '\tmet tab',
  '> citaat',
  '>',
  '- item',
  '-',
  '* ster',
  '1. een',
  '2) twee',
  '10. tien',
  '## Vraag 2',
  '### Antwoord',
  '## Voetnoten',
  '### Bronnen',
  'Bronnen:',
  '## Vervallen vragen',
  '#### Toelichting',
  'Antwoord:',
  '**Antwoord:**',
  '_Antwoord nog in te vullen._',
  'Zie het antwoord op vraag 1.',
  '  vervolg met spaties',
  'gewone tekst',
  'tekst met twee spaties  ',
  '## Vraag 1 ##',
  '#',
];

const fragment = fc.constantFrom(...FRAGMENTS);
const sentence = fc.array(fragment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
/** Sentences as most letters and memos have them: no markdown in them at all. */
const plainSentence = fc.array(fc.constantFrom(...FRAGMENTS.slice(0, 5), 'regels 40–44', 'art. 45 RvO', '„Beschermd Thuis”', "auto's"), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

const questionDocument = (sentence: fc.Arbitrary<string>) => fc
  .record({
    questions: fc.array(
      fc.record({
        text: sentence,
        label: fc.constantFrom('-', '1.', 'a)', '•', '*', null, '[1]', 'Vraag'),
        parts: fc.array(fc.record({ label: fc.constantFrom('o', 'a.', null, '*'), text: sentence }), { maxLength: 2 }),
        answer: fc.option(sentence, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    preamble: fc.array(sentence, { maxLength: 3 }).map((p) => p.join('\n\n')),
    footnotes: fc.array(sentence, { maxLength: 2 }),
    party: fc.constantFrom('D66', 'GroenLinks-PvdA', null, 'Partij: voor #1', "'s-Hertogenbosch Lokaal"),
    subject: fc.constantFrom('zorg en veiligheid', 'kosten: hoog', 'a # b', null, 'null', '45'),
    uitstel: fc.option(fc.record({ date: fc.constantFrom('2025-05-01', null), reason: fc.constantFrom('drukte', null, 'advies: nodig'), until: fc.constantFrom('2025-06-01') }), { nil: null }),
  })
  .map(
    (r): QuestionDocument => ({
      id: '2025-04-12-d66-zorg',
      title: 'Vragen ex. artikel 45',
      subject: r.subject,
      article: '45',
      municipality: 'Zwolle',
      party: r.party,
      parties: r.party ? [r.party] : [],
      members: [],
      date: '2025-04-12',
      addressee: null,
      preamble: r.preamble,
      questions: r.questions.map((q, i) => ({ number: i + 1, label: q.label, text: q.text, parts: q.parts, ...(q.answer ? { answer: q.answer } : {}) })),
      footnotes: r.footnotes.map((text, i) => ({ n: i + 1, text })),
      warnings: [],
      source: 'brief.pdf',
      received: '2025-04-12',
      uitstel: r.uitstel,
    }),
  );

/** Insert trap lines at random places (after the front matter or anywhere). */
const mutated = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TRAP_LINES), fc.boolean()), { maxLength: 3 })).map(([doc, edits]) => {
    const lines = doc.split('\n');
    for (const [at, line, anywhere] of edits) {
      const close = lines.indexOf('---', 1);
      const from = anywhere ? 0 : close + 1;
      const index = from + (at % Math.max(1, lines.length - from + 1));
      lines.splice(index, 0, line);
    }
    return lines.join('\n');
  });

function questionProjection(doc: QuestionDocument) {
  const { preamble: _p, footnotes: _f, warnings: _w, questions, ...fields } = doc;
  return { ...fields, questions: questions.map((q) => ({ number: q.number, text: q.text, line: q.line })) };
}

function readQuestion(text: string) {
  try {
    return readQuestionDocumentFile(text, 'q.md');
  } catch {
    return null;
  }
}

function expectSameQuestion(text: string) {
  const fast = fastQuestionDocument(text);
  if (fast === null) return false;
  const full = readQuestion(text);
  expect(full, 'the reader refuses what the fast path accepted').not.toBeNull();
  expect(questionProjection(fast.document)).toEqual(questionProjection(full!.document));
  const fm = readFrontMatter(text, 'q.md');
  expect({ ...fast.frontMatter }).toEqual({ ...fm });
  return true;
}

describe('fastFrontMatter', () => {
  it('reads what the writer writes exactly as readFrontMatter does', () => {
    const text = '---\nid: x\narticle: "45"\nnote: \'a: b\'\nparties:\n  - D66\n  - SP\nmembers: []\nuitstel:\n  date: 2025-05-01\n  reason:\n  until: 2025-06-01\nempty:\nnul: null\n---\nbody\n';
    expect(fastFrontMatter(text)).toEqual(readFrontMatter(text));
  });

  it('steps aside for YAML beyond the plain subset', () => {
    for (const yaml of ['a: b # c', 'a: [1, 2]', 'a: {b: c}', 'a: &x b', 'a: |\n  b', 'a: "b\\"c"', 'a: b\na: c', '# comment', 'a:\n    b: c', 'a:\n  -', 'a: b ', 'a:  b', '? a']) {
      expect(fastFrontMatter(`---\n${yaml}\n---\n`), yaml).toBeNull();
    }
  });

  it('agrees with readFrontMatter on any mix of plain lines', () => {
    const line = fc.constantFrom('id: x', 'title: Vragen over zorg', 'a: "45"', "b: 'c'", 'd:', 'e: null', 'f: ~', 'g: []', '  - D66', '- SP', '  until: 2025-06-01', 'h: a:b', 'i: https://x.nl', 'j: x, y', 'k: [a', 'l: -5', '');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const text = `---\n${lines.join('\n')}\n---\nbody`;
        const fast = fastFrontMatter(text);
        if (fast === null) return;
        expect(fast).toEqual(readFrontMatter(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('fastQuestionDocument', () => {
  it('reads what renderQuestionDocument writes, with plain text, by itself', () => {
    const doc: QuestionDocument = {
      id: '2025-04-12-d66-zorg', title: 'Vragen', subject: 'zorg', article: '45', municipality: 'Zwolle', party: 'D66', parties: ['D66'], members: [],
      date: '2025-04-12', addressee: null, preamble: 'Inleiding.\n\nTweede alinea.', footnotes: [{ n: 1, text: 'https://example.org' }], warnings: [],
      questions: [
        { number: 1, label: '-', text: 'Deelt het college de opvatting?', parts: [] },
        { number: 2, label: '-', text: 'Ziet het college mogelijkheden? Zo ja, welke?', parts: [{ label: 'o', text: 'Zo ja, welke?' }] },
      ],
      source: 'brief.pdf', received: '2025-04-12',
    };
    expect(expectSameQuestion(renderQuestionDocument(doc))).toBe(true);
  });

  it('reads by itself every generated document whose text has no markdown in it', () => {
    fc.assert(
      fc.property(questionDocument(plainSentence), (doc) => {
        expect(expectSameQuestion(renderQuestionDocument(doc))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the reader’s questions and fields for every generated document it accepts', () => {
    fc.assert(
      fc.property(questionDocument(sentence), (doc) => {
        expectSameQuestion(renderQuestionDocument(doc));
      }),
      { numRuns: Number(process.env.FAST_READ_RUNS ?? 300) },
    );
  });

  it('gives the reader’s result or steps aside when lines are dropped in anywhere', () => {
    fc.assert(
      fc.property(mutated(questionDocument(sentence).map(renderQuestionDocument)), (text) => {
        expectSameQuestion(text);
      }),
      { numRuns: Number(process.env.FAST_READ_RUNS ?? 400) },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const citation = fc
  .record({
    passage: fc.constantFrom('koers-sociaal-domein-2023#p12', 'nota_2005#p3', null, 'a&b#1'),
    doc: fc.constantFrom('koers-sociaal-domein-2023', 'nota [2005]', 'agenda_zorg'),
    heading: fc.array(fc.constantFrom('Wijken', 'Zorg & veiligheid', '1. Inleiding', 'a*b'), { maxLength: 2 }),
    lines: fc.option(fc.constant<[number, number]>([40, 44]), { nil: null }),
    quote: fc.constantFrom('', 'Het college zet in op *preventie*.', 'Gewone tekst', 'met "aanhalingstekens"'),
    file: fc.constantFrom('../corpus/koers.md', '../corpus/nota (2005).md', null, '../corpus/é.md'),
  })
  .map((c) => `- ${formatCitation(c)}`);

const answerBody = (sentence: fc.Arbitrary<string>) => fc.oneof(
  sentence,
  fc.constant(''),
  fc.constant('_Antwoord nog in te vullen._'),
  fc.constant('Zie het antwoord op vraag 1.'),
  sentence.map((s) => `**Antwoord:** ${s}`),
  sentence.map((s) => `Antwoord: ${s}\n\n${s}`),
  sentence.map((s) => `**Antwoord:**\n\n${s}`),
  sentence.map((s) => `_Antwoord:_ ${s}`),
  sentence.map((s) => `**Antwoord**: ${s}`),
  sentence.map((s) => `*Antwoord*:${s}`),
  sentence.map((s) => `**Antwoord:**${s}`),
  sentence.map((s) => `_ Antwoord:_ ${s}`),
  sentence.map((s) => `__Antwoord:__\n${s}`),
  fc.constantFrom('**Antwoord:**', 'Antwoord', '*Antwoord:* [](x)', '**Antwoord:** &#65;', 'Antwoord:\\'),
  sentence.map((s) => `Antwoord:\n${s}`),
  sentence.map((s) => `${s}\n\n- ${s}\n- ${s}\n\n  vervolg van het item\n\n${s}`),
  sentence.map((s) => `1. ${s}\n2. ${s}`),
  sentence.map((s) => `#### Toelichting\n\n${s}`),
);

const section = (sentence: fc.Arbitrary<string>) => fc.record({
  number: fc.integer({ min: 1, max: 5 }),
  depth: fc.constantFrom(2, 3),
  quote: fc.option(fc.array(sentence, { minLength: 1, maxLength: 2 }), { nil: null }),
  headingText: fc.constantFrom('', ': Deelt het college dit?', ' (vervallen)'),
  answer: answerBody(sentence),
  bronnen: fc.option(fc.array(citation, { minLength: 1, maxLength: 3 }), { nil: null }),
  bronnenStyle: fc.constantFrom('heading', 'paragraph'),
  after: fc.option(sentence, { nil: null }),
});

type GeneratedSection = ReturnType<typeof section> extends fc.Arbitrary<infer T> ? T : never;

const answerDocument = (sentence: fc.Arbitrary<string>, plain = false) => fc
  .record({
    // ' ter-besluitvorming' (two spaces after the colon) is valid YAML the fast path leaves to the reader.
    status: plain ? fc.constantFrom('concept', 'vastgesteld', 'ter-besluitvorming') : fc.constantFrom('concept', 'vastgesteld', ' ter-besluitvorming'),
    date: fc.constantFrom('date: 2025-05-08\n', '', 'date:\n'),
    holder: fc.constantFrom('portefeuillehouder: J. Jansen\n', '', 'portefeuillehouder:\n'),
    sections: fc.array(section(sentence), { maxLength: 5 }),
    vervallen: fc.option(fc.array(section(sentence), { maxLength: 2 }), { nil: null }),
    intro: fc.constantFrom('', 'Tekst voor de eerste kop.\n\n'),
  })
  .map((r) => {
    const renderSection = (s: GeneratedSection, extraDepth = 0) => {
      const hashes = '#'.repeat(s.depth + extraDepth);
      const out = [`${hashes} Vraag ${s.number}${s.headingText}`, ''];
      if (s.quote) out.push(...s.quote.flatMap((q, i) => (i > 0 ? ['>', `> ${q}`] : [`> ${q}`])), '');
      if (s.answer) out.push(s.answer, '');
      if (s.bronnen) {
        out.push(s.bronnenStyle === 'heading' ? `${hashes}# Bronnen` : 'Bronnen:', ...(s.bronnenStyle === 'heading' ? [''] : []), ...s.bronnen, '');
        if (s.after) out.push(`${hashes}# Nog iets`, '', s.after, '');
      }
      return out.join('\n');
    };
    const parts = [`---\nquestion: 2025-04-12-d66-zorg\nstatus: ${r.status}\n${r.date}${r.holder}---\n`, r.intro, '# Beantwoording\n\n## Onderwerp\n\nZorg\n\n'];
    parts.push(...r.sections.map((s) => renderSection(s)));
    if (r.vervallen) parts.push('## Vervallen vragen\n\n', ...r.vervallen.map((s) => renderSection(s, 1)));
    parts.push('## Openbaarheid\n\nOpenbaar.\n');
    return parts.join('');
  });

function expectSameAnswer(text: string) {
  const fast = fastAnswerDocument(text);
  if (fast === null) return false;
  const full = readAnswerDocument(text, 'a.md');
  expect(full.problems, 'the reader has problems with what the fast path accepted').toEqual([]);
  const strip = (sections: typeof full.doc.answers) => sections.map(({ endLine: _e, ...rest }) => rest);
  expect({ ...fast.document, answers: strip(fast.document.answers), orphans: strip(fast.document.orphans) }).toEqual({
    ...full.doc,
    answers: strip(full.doc.answers),
    orphans: strip(full.doc.orphans),
  });
  expect(fast.frontMatter.keyLines).toEqual(full.layout.keyLines);
  return true;
}

describe('fastAnswerDocument', () => {
  it('reads by itself every generated document whose text has no markdown in it', () => {
    fc.assert(
      fc.property(answerDocument(plainSentence, true), (text) => {
        expect(expectSameAnswer(text)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the reader’s sections, quotes, answers and sources for every generated document it accepts', () => {
    fc.assert(
      fc.property(answerDocument(sentence), (text) => {
        expectSameAnswer(text);
      }),
      { numRuns: Number(process.env.FAST_READ_RUNS ?? 300) },
    );
  });

  it('gives the reader’s result or steps aside when lines are dropped in anywhere', () => {
    fc.assert(
      fc.property(mutated(answerDocument(sentence)), (text) => {
        expectSameAnswer(text);
      }),
      { numRuns: Number(process.env.FAST_READ_RUNS ?? 400) },
    );
  });

  it('steps aside for front matter the reader would report', () => {
    for (const fm of ['status: concept', 'question: x\nstatus: klaar', 'question: x\nstatus: concept\ndate: 2025-02-30', 'question: x\nstatus: concept\nportefeuillehouder:\n  - a']) {
      expect(fastAnswerDocument(`---\n${fm}\n---\n## Vraag 1\n\nJa.\n`), fm).toBeNull();
    }
  });
});
