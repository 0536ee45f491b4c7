import { describe, expect, it } from 'vitest';
import { extractMetadata } from './extract-metadata.js';
import { prepareLines } from './lines.js';
import { splitQuestions, toUnits } from './split-questions.js';

/** The metadata of a letter's text, as parse-letter.ts finds it. */
function metadata(text: string) {
  const units = toUnits(prepareLines(text, 'text').lines);
  const split = splitQuestions(units);
  return extractMetadata(units, split.firstQuestionUnit, split.endUnit, split.questions.map((q) => q.text));
}

const LETTER = `Schriftelijke vragen ex artikel 45 RvO over de wachtlijsten in de jeugdzorg

Zwolle, 3 maart 2025

Aan het college van burgemeester en wethouders

Geacht college,

De fractie van GroenLinks-PvdA maakt zich zorgen over de wachtlijsten.

1. Hoe lang zijn de wachtlijsten nu?

Met vriendelijke groet,

Anna de Vries
GroenLinks-PvdA Zwolle
`;

describe('extractMetadata', () => {
  it('reads the title, subject, article, date, addressee, party and signing member from where letters put them', () => {
    const meta = metadata(LETTER);
    expect(meta.title).toBe('Schriftelijke vragen ex artikel 45 RvO over de wachtlijsten in de jeugdzorg');
    expect(meta.subject).toBe('de wachtlijsten in de jeugdzorg');
    expect(meta.article).toBe('45');
    expect(meta.date).toBe('2025-03-03');
    expect(meta.municipality).toBe('Zwolle');
    expect(meta.party).toBe('GroenLinks-PvdA');
    expect(meta.members).toEqual(['Anna de Vries']);
    expect(meta.addressee).toMatch(/college van burgemeester en wethouders/);
  });

  it('never guesses: a letter that states no date, party or article has null for them', () => {
    const meta = metadata('Vragen over de speeltuin\n\n1. Wanneer wordt de speeltuin gerepareerd?\n');
    expect(meta.date).toBeNull();
    expect(meta.party).toBeNull();
    expect(meta.article).toBeNull();
    expect(meta.members).toEqual([]);
  });

  it('names every party of a letter signed by several', () => {
    const meta = metadata('Vragen van de fracties van D66 en CDA over de bibliotheek\n\n1. Blijft de bibliotheek open?\n\nMet vriendelijke groet,\n\nD66 en CDA\n');
    expect(meta.parties).toEqual(expect.arrayContaining(['D66', 'CDA']));
  });
});
