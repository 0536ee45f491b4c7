import { describe, expect, it } from 'vitest';
import type { QuestionDocument } from '../../index.js';
import { formatParseText, formatParseWarnings } from './parse-text.js';

const doc: QuestionDocument = {
  id: 'x', title: 'Vragen over de kermis', subject: 'kermis', article: null, municipality: null, party: 'GroenLinks', parties: ['GroenLinks'],
  members: ['Jan Jansen'], date: '2024-10-03', addressee: null, preamble: 'De kermis is weer voorbij.',
  questions: [
    { number: 1, label: '1.', text: 'Hoeveel bezoekers?', parts: [] },
    { number: 2, label: null, text: 'Wat kostte het? Zo ja, waarom?', parts: [{ label: 'a.', text: 'Zo ja, waarom?' }] },
  ],
  footnotes: [], warnings: [{ line: 4, message: 'unsure' }, { line: null, message: 'no line' }],
  received: '2024-10-03', kind: 'schriftelijke-vragen', deadline: '2024-11-02', uitstel: { date: null, reason: 'drukte', until: '2024-11-02' },
};

describe('formatParseText', () => {
  it('shows the metadata, then the numbered questions with their parts', () => {
    expect(formatParseText(doc)).toBe([
      'Vragen over de kermis',
      '  id:           x',
      '  subject:      kermis',
      '  article:      -',
      '  municipality: -',
      '  party:        GroenLinks',
      '  members:      Jan Jansen',
      '  date:         2024-10-03',
      '  addressee:    -',
      '  received:     2024-10-03',
      '  kind:         schriftelijke-vragen',
      '  deadline:     2024-11-02 (uitstel: drukte)',
      '  source:       -',
      '',
      'Preamble: De kermis is weer voorbij.',
      '',
      '2 questions:',
      '  1. [1.] Hoeveel bezoekers?',
      '  2. Wat kostte het? Zo ja, waarom?',
      '       a. Zo ja, waarom?',
      '',
    ].join('\n'));
  });

  it("shows the letter's afterword after the questions", () => {
    const out = formatParseText({ ...doc, afterword: 'Toelichting:\n\nzie vraag 2.' });
    expect(out).toContain('       a. Zo ja, waarom?\n\nNawoord: Toelichting: zie vraag 2.\n');
  });

  it('writes warnings as file:line lines', () => {
    expect(formatParseWarnings(doc, 'brief.pdf')).toBe('brief.pdf:4  warning: unsure\nbrief.pdf  warning: no line\n');
  });
});
