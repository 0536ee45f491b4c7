/**
 * How the letter parser reads the list structure the readers hand it: nesting by indentation (two
 * spaces or more per level), whatever the bullet; an item's further paragraphs; printed lines of a
 * PDF as wrapped text.
 */
import { describe, expect, it } from 'vitest';
import { buildLetterPdf } from '../../test/builders/letter-pdf.js';
import { readSource } from '../read/read-source.js';
import { parseQuestionDocument } from './parse-letter.js';

const texts = (text: string, format?: 'pdf') => parseQuestionDocument(text, format ? { format } : {}).questions.map((q) => q.text);

describe('list structure from the readers', () => {
  it('nests an item indented under another one as its part, also when both print the same bullet', () => {
    const text = 'De volgende vragen:\n\n• Ziet het college mogelijkheden?\n  • Zo ja, welke?\n  • Zo nee, waarom niet?\n• Wanneer hoort de raad meer?';
    expect(texts(text)).toEqual(['Ziet het college mogelijkheden? Zo ja, welke? Zo nee, waarom niet?', 'Wanneer hoort de raad meer?']);
  });

  it('lets the numbering win over the indentation: "2." under "1." counts on', () => {
    const text = 'De fractie heeft de volgende vragen: 1. Bent u op de hoogte van de overlast?\n\n    2. Is het college bereid in te grijpen?\n\n    3. Zo nee, waarom niet?';
    expect(texts(text)).toHaveLength(3);
  });

  it("keeps an item's further paragraphs with it when the list goes on after them", () => {
    const text =
      'Ik heb nog enkele vervolgvragen.\n\n• U stelt dat er 28 klachten zijn geweest.\n\nNavraag leert dat het er 600 zijn.\n\nWelke criteria worden gehanteerd?\n\n' +
      '• Ook heb ik een vraag over de reistijd.\n\nEen rit duurt 25 minuten.\n\nKan de reistijd niet korter?\n\nNamens de fractie,\nAlex Bakker';
    expect(texts(text)).toEqual([
      'U stelt dat er 28 klachten zijn geweest. Navraag leert dat het er 600 zijn. Welke criteria worden gehanteerd?',
      'Ook heb ik een vraag over de reistijd. Een rit duurt 25 minuten. Kan de reistijd niet korter?',
    ]);
  });

  it('folds "Waarom wel of niet?" on a line of its own into the question before it', () => {
    const text = 'Wij hebben de volgende vragen:\n\n1. Is het college bereid de regeling te verlengen?\nWaarom wel of niet?\n2. Wanneer besluit het college?';
    expect(texts(text)).toEqual(['Is het college bereid de regeling te verlengen? Waarom wel of niet?', 'Wanneer besluit het college?']);
  });

  it('reads the printed lines of a PDF as wrapped text: a capital after a full line goes on with the sentence', () => {
    const text =
      'Geachte raadsleden,\n\nNaar aanleiding van het artikel over het groenonderhoud in het nieuwe stukje\nHoogbos vraagt onze fractie welke stappen er nu ondernomen zullen worden.\n\nMet vriendelijke groet,\nLuc';
    expect(texts(text, 'pdf')[0]).toMatch(/^Naar aanleiding van het artikel/);
  });

  it("takes a PDF's footnotes (raised numbers, notes at the page's foot) into the letter's footnotes, the markers out of the questions", async () => {
    const text =
      'Ingegeven door het rapport ‘van Beschermd Wonen naar Beschermd Thuis’ van Erik Dannenberg uit 2015.\n' +
      '1. Deelt het college de opvatting dat het voorkomen dat mensen in de knel komen de beste preventie is?\n2. Welke mogelijkheden ziet het college lokaal?';
    const footnotes = [
      { after: 'Beschermd Thuis’', text: 'https://www.youtube.com/watch?v=AWYlvnaryms' },
      { after: 'in de knel komen', text: 'https://www.example.nl/programma' },
    ];
    const built = await buildLetterPdf(text, { footnotes, header: null, pageNumbers: null });
    const source = await readSource({ name: 'brief.pdf', data: built.data });
    const doc = parseQuestionDocument(source.text, { format: source.format });
    expect(doc.footnotes).toEqual([
      { n: 1, text: 'https://www.youtube.com/watch?v=AWYlvnaryms' },
      { n: 2, text: 'https://www.example.nl/programma' },
    ]);
    expect(doc.questions[0]?.text).toBe('Deelt het college de opvatting dat het voorkomen dat mensen in de knel komen de beste preventie is?');
  });
});
