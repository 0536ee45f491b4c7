import { describe, expect, it } from 'vitest';
import { parseQuestionDocument } from './parse-letter.js';

const letter = (after: string) =>
  `Schriftelijke vragen over kunstgras\n\nGeacht college,\n\nDe fractie heeft de volgende vragen:\n\n1. Is het college bekend met de rubberkorrels?\n\n2. Wat kost het vervangen ervan?\n\n${after}`;

describe('the afterword: the letter\'s own text after its last question', () => {
  it('keeps a "Toelichting:" that the questions point to', () => {
    const doc = parseQuestionDocument(letter('Toelichting:\n\n• voorzorgsbeginsel: de overheid hoeft niet te wachten op bewijs.\n'));
    expect(doc.questions).toHaveLength(2);
    expect(doc.afterword).toBe('Toelichting:\n\n• voorzorgsbeginsel: de overheid hoeft niet te wachten op bewijs.');
  });

  it('keeps a last remark to the college and stops at the signature', () => {
    const doc = parseQuestionDocument(letter('Ik ga ervan uit dat u het onderhoud voortaan structureel inplant.\n\nSteven Janssens\nGemeenteraadslid\n'));
    expect(doc.afterword).toBe('Ik ga ervan uit dat u het onderhoud voortaan structureel inplant.');
  });

  it('keeps any text before a closing line, which shows it is the letter\'s own', () => {
    const doc = parseQuestionDocument(letter('De antwoorden zijn nodig voor de begrotingsbehandeling in november.\n\nMet vriendelijke groet,\n\nJan de Vries\n'));
    expect(doc.afterword).toBe('De antwoorden zijn nodig voor de begrotingsbehandeling in november.');
    expect(doc.members).toEqual(['Jan de Vries']);
  });

  it('leaves out a signature, a party\'s page footer and site chrome', () => {
    for (const after of [
      'Carla van Viegen\nFractievoorzitter Partij voor de Dieren\n',
      'Landelijk/Provinciaal\n\nDe twaalf provinciale afdelingen vormen de schakel tussen de gemeentelijke afdelingen en het landelijke bestuur.\n',
      'Deel dit bericht via sociale media of WhatsApp\n\nAdvertentie\n',
      'Lees hier de volledige schriftelijke vraag\n',
      'schriftelijke vragen over de verkeersproblematiek bij het bijzonder onderwijs\n',
    ]) {
      expect(parseQuestionDocument(letter(after)).afterword, after).toBeUndefined();
    }
  });

  it('leaves out e-mail and site boilerplate, which speaks to its reader in full sentences too', () => {
    for (const after of [
      'Deze e-mail en eventuele bijlagen zijn uitsluitend bestemd voor de geadresseerde. Indien u dit bericht ten onrechte heeft ontvangen, wordt u verzocht de afzender te informeren.\n',
      'Disclaimer: Dit bericht is uitsluitend bestemd voor de geadresseerde. Als u dit bericht onbedoeld ontvangt, verzoeken wij u het te verwijderen.\n',
      'Verzonden vanaf mijn iPhone. Als u niet de bedoelde ontvanger bent, verwijder dit bericht dan.\n',
      'Volg ons ook op Facebook, Instagram en LinkedIn; daar houden wij u op de hoogte van onze standpunten.\n',
      'Wij gebruiken cookies om u de beste ervaring op onze website te geven. Door verder te gaan gaat u akkoord.\n',
      '© 2025 GroenLinks Zwolle. Alle rechten voorbehouden. Wij respecteren uw privacy.\n',
    ]) {
      expect(parseQuestionDocument(letter(after)).afterword, after).toBeUndefined();
    }
    // The letter's own remark before such boilerplate stays.
    const doc = parseQuestionDocument(letter('Ik ga ervan uit dat u het onderhoud voortaan structureel inplant.\n\nVerzonden vanaf mijn iPhone\n'));
    expect(doc.afterword).toBe('Ik ga ervan uit dat u het onderhoud voortaan structureel inplant.');
  });

  it('is absent when nothing follows the questions or only a closing does', () => {
    expect(parseQuestionDocument(letter('')).afterword).toBeUndefined();
    expect(parseQuestionDocument(letter('Met vriendelijke groet,\n\nJan de Vries\n')).afterword).toBeUndefined();
    for (const courtesy of ['Wij vertrouwen op een spoedige beantwoording.', 'Wij danken u voor de beantwoording.', 'Wij zien uw antwoorden met belangstelling tegemoet.']) {
      const doc = parseQuestionDocument(letter(`${courtesy}\n\nMet vriendelijke groet,\n\nJan de Vries\n`));
      expect(doc.afterword, courtesy).toBeUndefined();
      expect(doc.members).toEqual(['Jan de Vries']);
    }
  });
});
