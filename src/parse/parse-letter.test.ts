import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuestionDocument } from './parse-letter.js';

const d66 = readFileSync(new URL('../../test/fixtures/seeds/questions/2025-04-12-d66-regionale-zorg-en-veiligheid.txt', import.meta.url), 'utf8');

describe('parseQuestionDocument on the D66 letter', () => {
  const doc = parseQuestionDocument(d66, { file: 'd66.txt' });

  it('finds the eleven questions with their "-" labels', () => {
    expect(doc.questions).toHaveLength(11);
    expect(doc.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(doc.questions.every((q) => q.label === '-')).toBe(true);
  });

  it('folds the "o Zo ja / o Indien nee" items into questions 2 and 11 and lists them as parts', () => {
    const withParts = doc.questions.filter((q) => q.parts.length > 0).map((q) => q.number);
    expect(withParts).toEqual([2, 11]);
    expect(doc.questions[1]?.parts).toEqual([
      { label: 'o', text: 'Zo ja, op welke wijze?' },
      { label: 'o', text: 'Indien nee, waarom niet?' },
    ]);
    expect(doc.questions[1]?.text).toMatch(/corporatiewoningen\? Zo ja, op welke wijze\? Indien nee, waarom niet\?$/);
  });

  it('joins a question broken over a page ("aan de slag" / "te gaan?")', () => {
    expect(doc.questions[9]?.text).toBe('Welke mogelijkheden ziet het college lokaal om (preventief) met de problemen aan de slag te gaan?');
  });

  it('reads the metadata from the letter', () => {
    expect(doc.date).toBe('2025-04-12');
    expect(doc.party).toBe('D66');
    expect(doc.parties).toEqual(['D66']);
    expect(doc.article).toBe('45');
    expect(doc.municipality).toBe('Zwolle');
    expect(doc.title).toBe('Vragen ex. artikel 45 regionale zorg en veiligheid');
    expect(doc.subject).toBe('regionale zorg en veiligheid');
    expect(doc.addressee).toBe('college van burgemeester en wethouders');
  });

  it('collects both footnotes and takes their glued markers and link echoes out of the text', () => {
    expect(doc.footnotes.map((f) => f.n)).toEqual([1, 2]);
    expect(doc.footnotes[0]?.text).toBe('https://www.youtube.com/watch?v=AWYlvnaryms');
    expect(doc.footnotes[1]?.text).toMatch(/programma-een-thuis-voor-iedereen\/documenten\/publicaties\/2022\//);
    expect(doc.preamble).toContain('Beschermd Thuis’ van');
    expect(doc.preamble).toContain('in de knel komen.');
    expect(doc.preamble).not.toContain('youtube');
  });

  it('starts the preamble after the salutation and joins hyphenated line ends', () => {
    expect(doc.preamble.startsWith('Sinds de decentralisatie in het sociaal domein (2015),')).toBe(true);
    expect(doc.preamble).toContain('op de centrumgemeente en veel inwoners');
  });
});

describe('parseQuestionDocument on other shapes', () => {
  it('keeps a closing greeting and signature out of the last question', () => {
    const doc = parseQuestionDocument('Geacht college,\n\nWij hebben de volgende vragen:\n\n1. Klopt het dat de brug dicht is?\n2. Wanneer gaat hij open?\nMet vriendelijke groet,\nJan Jansen\nFractie Lokaal Belang');
    expect(doc.questions.map((q) => q.text)).toEqual(['Klopt het dat de brug dicht is?', 'Wanneer gaat hij open?']);
    expect(doc.members).toEqual(['Jan Jansen']);
  });

  it('does not take a question mark in the preamble for a question when the letter has a list', () => {
    const doc = parseQuestionDocument('Bent u het met ons eens dat dit zo niet kan? Wij denken van wel.\n\nOnze vragen:\n1. Wat doet het college?\n2. Wanneer?');
    expect(doc.questions).toHaveLength(2);
  });

  it('reads answers published with the questions under the labels councils use for them', () => {
    for (const label of ['Antwoord:', 'Antwoord 1:', 'Beantwoording:', 'Antwoord van het college:', 'Antwoord college:', 'Antwoord van B&W:', 'Reactie van het college:', 'Antwoord van de wethouder:']) {
      const doc = parseQuestionDocument(`Geacht college,\n\n1. Is het college bekend met de rubberkorrels?\n\n${label} Ja, daarmee is het bekend.\n\n2. Wat kost het vervangen?\n\n${label} Dat is nog niet bekend.\n\nMet vriendelijke groet,\n\nJan de Vries\n`);
      expect(doc.questions.map((q) => [q.text, q.answer]), label).toEqual([
        ['Is het college bekend met de rubberkorrels?', 'Ja, daarmee is het bekend.'],
        ['Wat kost het vervangen?', 'Dat is nog niet bekend.'],
      ]);
      expect(doc.afterword, label).toBeUndefined();
    }
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n\n\n', '1.', '?', '- ', 'o Zo ja', '\u0000\u0001', 'Vraag 1\n\nVraag 2']) {
      expect(() => parseQuestionDocument(text)).not.toThrow();
    }
  });
});

describe('footnotes in PDF text', () => {
  it('joins a link broken inside a word and drops the link echoed on the next line', () => {
    const text = [
      'Geacht college,',
      'Het gaat om de knel komen2. Daarom:',
      '1. Klopt het?',
      '2 https://www.example.nl/onderwerpen/programma-een-thuis-vo',
      'or-iedereen/documenten',
      'https://www.example.nl/onderwerpen/programma-een-thuis-voor-iedereen/documenten',
    ].join('\n');
    const doc = parseQuestionDocument(text);
    expect(doc.footnotes).toEqual([{ n: 2, text: 'https://www.example.nl/onderwerpen/programma-een-thuis-voor-iedereen/documenten' }]);
    expect(doc.questions.map((q) => q.text)).toEqual(['Klopt het?']);
  });

  it('does not glue a heading after a footnote link to the link', () => {
    const doc = parseQuestionDocument('Geacht college,\nZie het rapport1.\n1 https://www.example.nl/rapport\nInleiding\nDe volgende vragen:\n1. Klopt het?');
    expect(doc.footnotes[0]?.text).toBe('https://www.example.nl/rapport');
  });
});

describe('parseQuestionDocument on a list whose items ask by statement', () => {
  // Gorinchem, on mantelzorg (issue 14): the letter's only list item ends in a full stop.
  const text = [
    'Schriftelijke vragen',
    '',
    'Gorinchem, 12 oktober 2023',
    '',
    'Geacht college,',
    '',
    'Op meerdere momenten heeft de huidige coalitie uitgesproken mantelzorg van groot belang te vinden.',
    '',
    '1. Meer specifiek zijn wij benieuwd naar hoe het staat met de rode knop voor mantelzorger en de mogelijkheid voor respijtzorg.',
    '',
    'Met vriendelijke groet,',
  ].join('\n');

  it('takes every item of the numbered list as a question when none reads as one, and says so', () => {
    const doc = parseQuestionDocument(text);
    expect(doc.questions.map((q) => q.text)).toEqual([
      'Meer specifiek zijn wij benieuwd naar hoe het staat met de rode knop voor mantelzorger en de mogelijkheid voor respijtzorg.',
    ]);
    expect(doc.preamble).toMatch(/^Op meerdere momenten/);
    expect(doc.warnings.map((w) => w.message)).toContain('no item of the numbered list reads as a question; its items were taken as the questions');
  });

  it('still finds no question in a letter that only lists facts in bullets', () => {
    const bullets = text.replace('1. Meer specifiek', '- Meer specifiek');
    expect(parseQuestionDocument(bullets).questions).toEqual([]);
  });
});
