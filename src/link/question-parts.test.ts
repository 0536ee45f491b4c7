import { describe, expect, it } from 'vitest';
import { isFollowUpSentence, questionParts } from './question-parts.js';

describe('questionParts', () => {
  it('splits a question that asks two things at "en" + a question word', () => {
    expect(questionParts('Hoe lang zijn de wachtlijsten in de jeugdzorg en welke maatregelen neemt het college?')).toEqual([
      'Hoe lang zijn de wachtlijsten in de jeugdzorg',
      'Welke maatregelen neemt het college?',
    ]);
  });

  it('gives each question sentence its own part, a statement before one going with it', () => {
    expect(questionParts('De gemeente Almere stopt met jeugdhulp. Hoe zit dat met de budgetten in de regio?')).toEqual([
      'De gemeente Almere stopt met jeugdhulp. Hoe zit dat met de budgetten in de regio?',
    ]);
    expect(questionParts('Heeft het college aandacht voor verward gedrag? In welke beleidsstukken staat dit?')).toHaveLength(2);
  });

  it('leaves follow-ups with the part they follow, and a "wat" clause without a comma in its question', () => {
    expect(questionParts('Is er onderzoek gedaan naar wat nodig is om mantelzorgers te ontlasten en wat de gemeente daarvoor moet doen? Zo ja, worden de resultaten gedeeld?')).toHaveLength(1);
  });
});

describe('isFollowUpSentence', () => {
  it('knows the follow-ups of council questions', () => {
    for (const s of ['Zo ja, op welke wijze?', 'Zo nee: welke voornemens zijn er?', 'Indien niet, waarom niet?', 'Graag een toelichting.', 'En zo ja, wanneer?']) {
      expect(isFollowUpSentence(s), s).toBe(true);
    }
    expect(isFollowUpSentence('Welke maatregelen neemt het college?')).toBe(false);
  });
});
