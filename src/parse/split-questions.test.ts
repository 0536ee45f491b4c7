import { describe, expect, it } from 'vitest';
import { prepareLines } from './lines.js';
import { splitQuestions, toUnits } from './split-questions.js';

/** The steps before splitting, as parse-letter.ts runs them (without footnotes). */
function split(text: string, laidOut = false) {
  return splitQuestions(toUnits(prepareLines(text, laidOut ? 'pdf' : 'text').lines, laidOut));
}

const texts = (text: string, laidOut = false) => split(text, laidOut).questions.map((q) => q.text);

describe('splitQuestions', () => {
  it('takes each item of a numbered list of questions as a question, in order, with its label', () => {
    const result = split('Geacht college,\n\nWij hebben de volgende vragen:\n\n1. Is het college bekend met de wachtlijst?\n2. Wat gaat het college doen?\n\nMet vriendelijke groet,\n');
    expect(result.questions.map((q) => [q.number, q.label, q.text])).toEqual([
      [1, '1.', 'Is het college bekend met de wachtlijst?'],
      [2, '2.', 'Wat gaat het college doen?'],
    ]);
  });

  it('folds a "Zo ja / Zo nee" line into the question before it, as its parts', () => {
    const [question] = split('1. Is het college bereid de regeling te verlengen?\nZo ja, per wanneer?\nZo nee, waarom niet?\n').questions;
    expect(question!.text).toBe('Is het college bereid de regeling te verlengen? Zo ja, per wanneer? Zo nee, waarom niet?');
    expect(question!.parts.map((p) => p.text)).toEqual(['Zo ja, per wanneer?', 'Zo nee, waarom niet?']);
  });

  it('nests items indented under a question as its sub-questions, whatever their bullet', () => {
    const result = split('1. Hoe staat het met de opvang?\n  • Hoeveel plekken zijn er?\n  • Hoe lang is de wachttijd?\n2. Wanneer komt de evaluatie?\n');
    expect(result.questions).toHaveLength(2);
    expect(result.questions[0]!.parts.map((p) => p.text)).toEqual(['Hoeveel plekken zijn er?', 'Hoe lang is de wachttijd?']);
  });

  it('takes every sub-item of a question as a part when one of them asks, labels out of the text alike', () => {
    const [question] = split('3. Welke maatregelen neemt het college:\n   a. om eenzaamheid te voorkomen;\n   b. om mantelzorgers te ontlasten?\n').questions;
    expect(question!.text).toBe('Welke maatregelen neemt het college: om eenzaamheid te voorkomen; om mantelzorgers te ontlasten?');
    expect(question!.parts.map((p) => [p.label, p.text])).toEqual([
      ['a.', 'om eenzaamheid te voorkomen;'],
      ['b.', 'om mantelzorgers te ontlasten?'],
    ]);
  });

  it('takes "2." after "1a." and "1b." as the next question, not as a part of "1b."', () => {
    const result = split('1a. Is het college bekend met de wachtlijsten?\n1b. Hoe lang zijn ze?\n2. Wat gaat het college hieraan doen?\n');
    expect(result.questions.map((q) => [q.label, q.text, q.parts.length])).toEqual([
      ['1a.', 'Is het college bekend met de wachtlijsten?', 0],
      ['1b.', 'Hoe lang zijn ze?', 0],
      ['2.', 'Wat gaat het college hieraan doen?', 0],
    ]);
  });

  it("keeps the letter's text between two questions as the context of the second, the preamble as nobody's", () => {
    const result = split('Geacht college,\n\nDe wachtlijsten lopen op.\n\n1. Is het college bekend met de wachtlijsten?\n\nIn Deventer is de wachttijd vier weken.\n\nDat is korter dan hier.\n\n2. Wat gaat het college hieraan doen?\n\nMet vriendelijke groet,\n');
    expect(result.questions.map((q) => [q.text, q.context])).toEqual([
      ['Is het college bekend met de wachtlijsten?', undefined],
      ['Wat gaat het college hieraan doen?', 'In Deventer is de wachttijd vier weken.\n\nDat is korter dan hier.'],
    ]);
  });

  it('does not take a rhetorical question in the introduction when the letter has a list of questions', () => {
    expect(texts('Waar gaat dit heen, vragen wij ons af?\n\nOnze vragen:\n\n1. Kent het college het rapport?\n')).toEqual(['Kent het college het rapport?']);
  });

  it('takes asking sentences after a lead-in when the letter has no list', () => {
    expect(texts('Geacht college,\n\nDe fractie stelt de volgende vragen. Hoeveel meldingen kwamen er binnen? Wat doet het college ermee?\n\nMet vriendelijke groet,\n')).toEqual([
      'Hoeveel meldingen kwamen er binnen?',
      'Wat doet het college ermee?',
    ]);
  });

  it('ends the questions at the closing, so a signature is never a question', () => {
    const result = split('1. Klopt het bericht?\n\nMet vriendelijke groet,\n\nJan Jansen\nFractie D66\n');
    expect(result.questions.map((q) => q.text)).toEqual(['Klopt het bericht?']);
    expect(result.closingUnit).toBeGreaterThan(result.firstQuestionUnit);
  });

  it('keeps a question that wraps over printed lines of a PDF whole, "Waarom wel of niet?" included', () => {
    expect(texts('1. Is het college bereid om de kermis in het centrum te laten\nplaatsvinden? Waarom wel of niet?\n2. Wanneer besluit het college?\n', true)).toEqual([
      'Is het college bereid om de kermis in het centrum te laten plaatsvinden? Waarom wel of niet?',
      'Wanneer besluit het college?',
    ]);
  });
});
