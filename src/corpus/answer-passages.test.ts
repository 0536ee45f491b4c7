import { describe, expect, it } from 'vitest';
import type { AnswerDocument } from '../model.js';
import { answerPassages } from './answer-passages.js';

const doc: AnswerDocument = {
  question: 'd66-zorg-en-veiligheid',
  status: 'vastgesteld',
  date: '2025-05-20',
  portefeuillehouder: null,
  answers: [
    { number: 1, question: 'Kent het college de cijfers?', answer: 'Ja, het college kent de cijfers van de politie en de GGD.', sources: [], line: 5 },
    { number: 2, question: 'Wat doet het college?', answer: 'Zie het antwoord op vraag 1.', sources: [], line: 11 },
    { number: 3, question: 'En daarna?', answer: '_Antwoord nog in te vullen._', sources: [], line: 15 },
    { number: 4, question: '', answer: 'Het college zet in op Triage op straat.', sources: [], line: 19 },
  ],
  orphans: [{ number: 9, question: 'Vervallen', answer: 'Oud antwoord.', sources: [], line: 30 }],
};

const text = ['---', 'question: d66', '---', '', '## Vraag 1', '', '> Kent het college de cijfers?', '', 'Ja, het college kent de cijfers.', '', '## Vraag 2', '', 'Zie het antwoord op vraag 1.', '', '## Vraag 3', '', '_Antwoord nog in te vullen._', '', '## Vraag 4', '', 'Het college zet in op Triage op straat.', '', '### Bronnen', '', '- bron', ''].join('\n');

describe('answerPassages', () => {
  it('makes one passage per written answer, leaving out pointers, placeholders and orphans', () => {
    const passages = answerPassages(doc, 'answers/d66-zorg-en-veiligheid.md', { text });
    expect(passages.map((p) => [p.heading[1], p.lines, p.text])).toEqual([
      ['Vraag 1', [5, 9], '> Kent het college de cijfers?\n\nJa, het college kent de cijfers van de politie en de GGD.'],
      ['Vraag 4', [19, 21], 'Het college zet in op Triage op straat.'],
    ]);
    expect(passages.every((p) => p.kind === 'answer' && p.question === 'd66-zorg-en-veiligheid' && p.doc === 'd66-zorg-en-veiligheid')).toBe(true);
    expect(new Set(passages.map((p) => p.id)).size).toBe(2);
  });

  it('spans only the heading line when the file text is not given', () => {
    expect(answerPassages(doc, 'answers/x.md')[0]!.lines).toEqual([5, 5]);
  });
});
