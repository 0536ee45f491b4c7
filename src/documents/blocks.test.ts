import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../io/markdown.js';
import type { QuestionDocument } from '../model.js';
import { readAnswerDocument } from './answer-document.js';
import { type Block, ScanBudgetExceeded, treeBlocks } from './blocks.js';
import { formatCitation } from './citation.js';
import { parseFrontMatter } from './front-matter.js';
import { readQuestionDocumentFile, renderQuestionDocument } from './question-document.js';
import { readBody } from './read-body.js';
import { scanBlocks } from './scan.js';

/**
 * The block layer has two producers, and the document rules run over either: the line scanner
 * must give every field the markdown tree gives, or decline (null). These properties feed both
 * with generated documents full of the shapes that trip a scanner by lines.
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
  'domein_def.pdf',
  'één__twee',
  'x\\__y_',
  'a_*b*',
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

/** Every field of every block, as plain data (a scanned block works its fields out here). */
function materialise(blocks: Block[]) {
  return blocks.map((b) => ({
    type: b.type,
    depth: b.depth,
    start: b.start,
    end: b.end,
    line: b.line,
    endLine: b.endLine,
    text: b.text,
    lines: b.lines,
    parts: [...b.parts],
    ordered: b.ordered,
    listStart: b.listStart,
    items: b.items.map((item) => ({ ...item, lead: item.lead ? { ...item.lead } : null, others: [...item.others] })),
  }));
}

const WORDS = ['bronnen', 'antwoord', 'vraag', 'nadruk'];

/** Whether the scanner gives the tree's blocks for a body; false when it declines or runs over its budget. */
function expectSameBlocks(body: string): boolean {
  const scanned = scanBlocks(body);
  if (scanned === null) return false;
  let fields;
  try {
    fields = materialise(scanned);
  } catch (error) {
    if (error instanceof ScanBudgetExceeded) return false;
    throw error;
  }
  const tree = treeBlocks(parseMarkdown(body, { timeLimitMs: 30_000 }));
  expect(fields).toEqual(materialise(tree));
  // `mayContain` may say yes too often, never no wrongly.
  for (const block of scanned) for (const word of WORDS) if (block.text.toLowerCase().includes(word)) expect(block.mayContain(word)).toBe(true);
  return true;
}

const bodyOf = (text: string) => parseFrontMatter(text).body;

describe('scanBlocks', () => {
  it('places headings, paragraphs, lists and quotes with their offsets and lines', () => {
    const body = '# Titel\n\nEen alinea\nover twee regels.\n\n- **o** Zo ja?\n- [bron › kop, regels 1–2](../corpus/a.md#L1-L2) a:1 "tekst"\n\n> Citaat\n>\n> Tweede\n';
    const blocks = scanBlocks(body)!;
    expect(blocks.map((b) => [b.type, b.line, b.endLine, body.slice(b.start, b.end)])).toEqual([
      ['heading', 1, 1, '# Titel'],
      ['paragraph', 3, 4, 'Een alinea\nover twee regels.'],
      ['list', 6, 7, body.split('\n').slice(5, 7).join('\n')],
      ['blockquote', 9, 11, '> Citaat\n>\n> Tweede'],
    ]);
    expect(blocks[2]!.items.map((item) => item.lead)).toEqual([
      { kind: 'strong', text: 'o', url: null, rest: ' Zo ja?' },
      { kind: 'link', text: 'bron › kop, regels 1–2', url: '../corpus/a.md#L1-L2', rest: ' a:1 "tekst"' },
    ]);
    expect(blocks[3]!.parts).toEqual(['Citaat', 'Tweede']);
    expect(expectSameBlocks(body)).toBe(true);
  });

  it('reads backslash escapes itself and hands other markup to remark, block by block', () => {
    const body = 'Het college \\*zegt\\* B&W.\n\nMet *nadruk* en [een link](https://example.org).\n';
    const [plain, marked] = scanBlocks(body)!;
    expect(plain!.text).toBe('Het college *zegt* B&W.');
    expect(marked!.text).toBe('Met nadruk en een link.');
  });

  it('declines what a scanner by lines cannot place', () => {
    for (const body of ['```\ncode\n```', '<div>x</div>', 'Kop\n===', 'a\n\n---\n\nb', '    code', '[x]: https://example.org', '## Kop ##', '> citaat\nlui vervolg', 'a\tb', 'a\r\nb', '- ', '-  \n']) {
      expect(scanBlocks(body), JSON.stringify(body)).toBeNull();
    }
  });

  it('runs out of budget on a long document with markup in every paragraph, and readBody reads it as one tree', () => {
    const paragraph = `${'*a* '.repeat(50)}einde.`;
    const body = Array.from({ length: 200 }, () => paragraph).join('\n\n');
    const blocks = scanBlocks(body)!;
    expect(() => blocks.map((b) => b.text)).toThrow(ScanBudgetExceeded);
    const read = readBody(body, (bs) => bs.map((b) => b.text));
    expect(read.problems).toEqual([]);
    expect(read.result).toHaveLength(200);
    expect(read.result[0]).toBe(`${'a '.repeat(50)}einde.`);
  });

  it('gives the tree’s blocks for every generated question document it accepts', () => {
    fc.assert(
      fc.property(questionDocument(sentence).map(renderQuestionDocument), (text) => {
        expectSameBlocks(bodyOf(text));
      }),
      { numRuns: Number(process.env.FAST_READ_RUNS ?? 300) },
    );
  });

  it('reads by itself (no budget) every generated question document without markup', () => {
    fc.assert(
      fc.property(questionDocument(plainSentence).map(renderQuestionDocument), (text) => {
        expect(expectSameBlocks(bodyOf(text))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the tree’s blocks or declines when lines are dropped in anywhere', () => {
    fc.assert(
      fc.property(mutated(questionDocument(sentence).map(renderQuestionDocument)), mutated(answerDocument(sentence)), (question, answer) => {
        expectSameBlocks(bodyOf(question));
        expectSameBlocks(bodyOf(answer));
      }),
      { numRuns: Number(process.env.FAST_READ_RUNS ?? 400) },
    );
  });

  it('gives the tree’s blocks for every generated answer document it accepts, and reads plain ones by itself', () => {
    fc.assert(
      fc.property(answerDocument(sentence), answerDocument(plainSentence, true), (marked, plain) => {
        expectSameBlocks(bodyOf(marked));
        expect(expectSameBlocks(bodyOf(plain))).toBe(true);
      }),
      { numRuns: Number(process.env.FAST_READ_RUNS ?? 300) },
    );
  });
});

describe('the document readers over either producer', () => {
  it('read the same question document from the scanned blocks as from the tree', () => {
    fc.assert(
      fc.property(mutated(questionDocument(sentence).map(renderQuestionDocument)), (text) => {
        expect(readQuestionDocumentFile(text, { file: 'q.md' })).toEqual(readQuestionDocumentFile(text, { file: 'q.md', producer: 'tree' }));
      }),
      { numRuns: Number(process.env.FAST_READ_RUNS ?? 300) },
    );
  });

  it('read the same answer document, layout included, from the scanned blocks as from the tree', () => {
    fc.assert(
      fc.property(mutated(answerDocument(sentence)), (text) => {
        expect(readAnswerDocument(text, 'a.md')).toEqual(readAnswerDocument(text, 'a.md', { producer: 'tree' }));
      }),
      { numRuns: Number(process.env.FAST_READ_RUNS ?? 300) },
    );
  });

  it('read the same sources with lazy citations as with plain ones, from either producer', () => {
    const sources = (read: ReturnType<typeof readAnswerDocument>) =>
      [...read.doc.answers, ...read.doc.orphans].map((section) =>
        section.sources.map(({ passage, doc, heading, lines, quote, file }) => ({ passage, doc, heading, lines, quote, file })),
      );
    fc.assert(
      fc.property(mutated(answerDocument(sentence)), (text) => {
        const eager = sources(readAnswerDocument(text, 'a.md'));
        expect(sources(readAnswerDocument(text, 'a.md', { citations: 'lazy' }))).toEqual(eager);
        expect(sources(readAnswerDocument(text, 'a.md', { citations: 'lazy', producer: 'tree' }))).toEqual(eager);
      }),
      { numRuns: Number(process.env.FAST_READ_RUNS ?? 300) },
    );
  });
});
