import { describe, expect, it } from 'vitest';
import { detectLabel } from './labels.js';

describe('detectLabel', () => {
  it.each([
    ['1. Is het zo?', 'number', '1.', 'Is het zo?'],
    ['1) Is het zo?', 'number', '1)', 'Is het zo?'],
    ['1.Hoeveel woningen?', 'number', '1.', 'Hoeveel woningen?'],
    ['3 – Wanneer?', 'number', '3 –', 'Wanneer?'],
    ['1e.- Hoe gaat de verkenner?', 'ordinal', '1e.-', 'Hoe gaat de verkenner?'],
    ['Vraag 1: Wat is er?', 'vraag', 'Vraag 1:', 'Wat is er?'],
    ['Vraag 2', 'vraag', 'Vraag 2', ''],
    ['a. Zo ja, waar?', 'letter', 'a.', 'Zo ja, waar?'],
    ['1a. Zo ja, waar?', 'letter', '1a.', 'Zo ja, waar?'],
    ['2.1 Welke kosten?', 'letter', '2.1', 'Welke kosten?'],
    ['• a. Zo ja, kunt u?', 'letter', 'a.', 'Zo ja, kunt u?'],
    ['- Deel het college?', 'bullet', '-', 'Deel het college?'],
    ['o Zo ja, op welke wijze?', 'bullet', 'o', 'Zo ja, op welke wijze?'],
    ['Onze vraag aan het college: Is het college bereid?', 'lead-in', 'Onze vraag aan het college:', 'Is het college bereid?'],
  ])('reads %j as a %s label', (text, kind, printed, rest) => {
    expect(detectLabel(text)).toMatchObject({ kind, printed, rest });
  });

  it.each(['10:00 uur vergaderen', '2021-2025 is de periode', '8.2 van het onderzoek', 'o.a. de politie', '1.471 honden', 'Vraag: Kunt u?'])(
    'does not take %j for a label',
    (text) => {
      expect(detectLabel(text)).toBeNull();
    },
  );
});
