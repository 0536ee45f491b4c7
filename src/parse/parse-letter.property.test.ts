import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuestionDocument } from './parse-letter.js';

/** Fragments real letters are made of, so random texts hit the parser's branches, not only its entry. */
const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '1. ', '2) ', 'Vraag 3:', '- ', '• ', 'o ', 'a. ', '1e.-', '?', ':', '\n', '\n\n', 'Zo ja, ', 'Indien nee, waarom niet?',
    'Geacht college,', 'Met vriendelijke groet,', 'Antwoord: ', 'de volgende vragen:', 'Thuis’1 ', '1 https://x.nl/a-',
    '(*) ', '12 april 2025', 'artikel 45', 'fractie van D66', '“Is dit zo?”', '   ', '\t', '\u00a0', '\r\n',
  ),
);

describe('parseQuestionDocument as a total function', () => {
  it('never throws and always returns numbered questions 1..n on arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (parts) => {
        const doc = parseQuestionDocument(parts.join(''));
        expect(doc.questions.map((q) => q.number)).toEqual(doc.questions.map((_, i) => i + 1));
        for (const q of doc.questions) expect(q.text).toBe(q.text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => void parseQuestionDocument(text)), { numRuns: 200 });
  });
});
