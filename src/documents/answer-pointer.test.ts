import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answerPointer, pointerNumbers, renumberPointer } from './answer-pointer.js';

describe('answerPointer', () => {
  it('recognises the ways a college points to another answer', () => {
    expect(answerPointer('Zie het antwoord op vraag 2.')).toEqual([2]);
    expect(answerPointer('zie antwoord bij vraag 2 en 3')).toEqual([2, 3]);
    expect(answerPointer('Zie vraag 7')).toEqual([7]);
    expect(answerPointer('Zie de antwoorden op de vragen 2, 3 en 5.')).toEqual([2, 3, 5]);
    expect(answerPointer('Zie hiervoor het antwoord op vraag 4 hierboven.')).toEqual([4]);
    expect(answerPointer('Wij verwijzen naar het antwoord op vraag 1.')).toEqual([1]);
    expect(answerPointer('Deze vraag is beantwoord bij vraag 3.')).toEqual([3]);
    expect(answerPointer('*Zie antwoord 6.*')).toEqual([6]);
  });

  it('expands ranges', () => {
    expect(answerPointer('Zie de beantwoording van vraag 2 t/m 4.')).toEqual([2, 3, 4]);
    expect(answerPointer('Zie het antwoord op de vragen 5 tot en met 7')).toEqual([5, 6, 7]);
    expect(answerPointer('Zie antwoord vraag 1-3')).toEqual([1, 2, 3]);
  });

  it('ignores a label in front of the pointer', () => {
    expect(answerPointer('**Antwoord:** Zie het antwoord op vraag 2.')).toEqual([2]);
  });

  it('does not take a reference inside a longer answer for a pointer', () => {
    expect(answerPointer('De lijn is het versterken van de netwerksamenwerking (zie antwoord bij vraag 7) en wat ieders inzet kan zijn.')).toBeNull();
    expect(answerPointer('Zie het antwoord op vraag 2.\n\nDaarnaast doet het college meer.')).toBeNull();
    expect(answerPointer('Zie de Zwolse agenda zorg en veiligheid.')).toBeNull();
    expect(answerPointer('Ja.')).toBeNull();
    expect(answerPointer('')).toBeNull();
  });
});

describe('answerPointer on any text', () => {
  it('finds every pointer the full pattern finds, also through its quick first look', () => {
    const piece = fc.constantFrom('Zie', 'zie', 'het antwoord op', 'antwoord bij', 'vraag', '2', 'en', '3', '**', '_', '`', 'Antwoord:', '(', ')', '.', ' ', '\n', 'Wij verwijzen naar', 'hierboven', 'Deze vraag is al beantwoord bij', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join(' ')), (text) => {
        const slow = pointerNumbers(text);
        expect(answerPointer(text)).toEqual(slow);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('renumberPointer', () => {
  const moved = new Map([
    [1, 1],
    [2, 3],
    [3, 4],
  ]);
  it('moves the numbers of a combined answer with their questions, keeping the rest as written', () => {
    expect(renumberPointer('Zie het antwoord op vraag 2.', moved)).toBe('Zie het antwoord op vraag 3.');
    expect(renumberPointer('**Zie** antwoord bij vraag 1 en 2', moved)).toBe('**Zie** antwoord bij vraag 1 en 3');
  });

  it('leaves a pointer alone when a question it names is gone, when a range would now cover another question, or when it is no pointer', () => {
    expect(renumberPointer('Zie het antwoord op vraag 5.', moved)).toBeNull();
    expect(renumberPointer('Zie de antwoorden op vraag 1 t/m 3.', moved)).toBeNull();
    expect(renumberPointer('In 2 van de 3 wijken zie je dat.', moved)).toBeNull();
  });
});
