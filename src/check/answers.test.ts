import { describe, expect, it } from 'vitest';
import { checkAnswers } from './answers.js';
import { ANSWER_PLACEHOLDER as PLACEHOLDER } from '../documents/answer-document.js';
import { answerDoc, questionDoc, section } from './test-helpers/documents.js';

const question = questionDoc(['Eerste vraag?', 'Tweede vraag?', 'Derde vraag?']);
const file = 'answers/x.md';

function run(sections: ReturnType<typeof section>[]) {
  return checkAnswers({ question, answer: answerDoc(sections), answerFile: file });
}

describe('checkAnswers', () => {
  it('counts every question with written text as answered and reports nothing', () => {
    const result = run([section(1, 'Eerste vraag?', 'Ja.'), section(2, 'Tweede vraag?', 'Nee.'), section(3, 'Derde vraag?', 'Misschien.')]);
    expect(result).toEqual({ answered: 3, problems: [] });
  });

  it('reports a missing section and an empty one as unanswered, with the section line where there is one', () => {
    const result = run([section(1, 'Eerste vraag?', 'Ja.'), section(3, 'Derde vraag?', '  ')]);
    expect(result.answered).toBe(1);
    expect(result.problems.map((p) => [p.code, p.question, p.line, p.severity])).toEqual([
      ['unanswered', 2, null, 'error'],
      ['unanswered', 3, 30, 'error'],
    ]);
    expect(result.problems[0]!.message).toContain("'Vraag 2'");
  });

  it('reports the placeholder as an error, and as a warning when text was written beside it', () => {
    const result = run([
      section(1, 'Eerste vraag?', PLACEHOLDER),
      section(2, 'Tweede vraag?', `Het college doet dit al.\n\n${PLACEHOLDER}`),
      section(3, 'Derde vraag?', 'Ja.'),
    ]);
    expect(result.answered).toBe(2);
    expect(result.problems.map((p) => [p.code, p.severity, p.question])).toEqual([
      ['placeholder', 'warning', 2],
      ['placeholder', 'error', 1],
    ]);
  });

  it('counts a combined answer when the question it points to is answered', () => {
    const result = run([section(1, 'Eerste vraag?', 'Ja.'), section(2, 'Tweede vraag?', 'Zie het antwoord op vraag 1.'), section(3, 'Derde vraag?', 'Zie antwoord bij vraag 2')]);
    expect(result).toEqual({ answered: 3, problems: [] });
  });

  it('reports a pointer to an unanswered, missing or non-existent question, to itself, or in a circle', () => {
    const cases: Array<[ReturnType<typeof section>[], string]> = [
      [[section(1, 'a', PLACEHOLDER), section(2, 'b', 'Zie het antwoord op vraag 1.'), section(3, 'c', 'x')], 'question 1 is not answered yet'],
      [[section(2, 'b', 'Zie het antwoord op vraag 1.'), section(3, 'c', 'x')], 'question 1 has no answer section'],
      [[section(1, 'a', 'x'), section(2, 'b', 'Zie het antwoord op vraag 7.'), section(3, 'c', 'x')], 'question 7 does not exist'],
      [[section(1, 'a', 'x'), section(2, 'b', 'Zie het antwoord op vraag 2.'), section(3, 'c', 'x')], 'question 2 refers to itself'],
      [[section(1, 'a', 'x'), section(2, 'b', 'Zie het antwoord op vraag 3.'), section(3, 'c', 'Zie het antwoord op vraag 2.')], 'circle (2 → 3 → 2)'],
    ];
    for (const [sections, reason] of cases) {
      const pointerProblem = run(sections).problems.find((p) => p.question === 2)!;
      expect(pointerProblem.code).toBe('unanswered');
      expect(pointerProblem.line).toBe(20);
      expect(pointerProblem.message).toContain(reason);
    }
  });

  it('needs every question of a pointer to several to be answered', () => {
    const result = run([section(1, 'a', 'x'), section(2, 'b', ''), section(3, 'c', 'Zie het antwoord op vraag 1 en 2.')]);
    expect(result.answered).toBe(1);
    expect(result.problems.find((p) => p.question === 3)!.message).toContain('questions 1, 2, but question 2 is not answered yet');
  });

  it('reports a pointer to an answer whose question was renumbered since, naming both numbers', () => {
    // A question was inserted before the old question 1: the answer document still has the old
    // numbering, and "zie vraag 1" in it meant the question that is now question 2.
    const renumbered = questionDoc(['Nieuwe vraag?', 'Eerste vraag?', 'Tweede vraag?']);
    const answer = answerDoc([section(1, 'Eerste vraag?', 'Ja.'), section(2, 'Tweede vraag?', 'Zie het antwoord op vraag 1.'), section(3, 'Nieuwe vraag?', 'Nee.')]);
    const result = checkAnswers({ question: renumbered, answer, answerFile: file });
    const pointer = result.problems.find((p) => p.question === 2)!;
    expect(pointer).toMatchObject({ code: 'unanswered', severity: 'error', line: 20 });
    expect(pointer.message).toBe(
      'Question 2 refers to the answer to question 1, but the answer there is to the question that is now question 2: the questions were renumbered since the pointer was written; point to question 2, or say which answer is meant.',
    );
    expect(result.answered).toBe(2);
  });

  it('reports a pointer to an answer whose question was reworded since', () => {
    const reworded = questionDoc(['Eerste vraag, anders gesteld?', 'Tweede vraag?', 'Derde vraag?']);
    const answer = answerDoc([section(1, 'Eerste vraag?', 'Ja.'), section(2, 'Tweede vraag?', 'Zie antwoord vraag 1'), section(3, 'Derde vraag?', 'x')]);
    const pointer = checkAnswers({ question: reworded, answer, answerFile: file }).problems.find((p) => p.question === 2)!;
    expect(pointer.message).toContain('question 1 changed since its answer was written');
  });

  it('says nothing of a pointer whose target quotes its question, or quotes none', () => {
    const answer = answerDoc([section(1, '', 'Ja.'), section(2, 'Tweede vraag?', 'Zie het antwoord op vraag 1.'), section(3, 'Derde vraag?', 'Zie het antwoord op vraag 2.')]);
    expect(checkAnswers({ question, answer, answerFile: file })).toEqual({ answered: 3, problems: [] });
  });

  it('warns about the placeholder written inline after other text', () => {
    const result = run([section(1, 'Eerste vraag?', `Ja, dat doet het college. ${PLACEHOLDER}`), section(2, 'b', 'Antwoord nog in te vullen.'), section(3, 'c', 'x')]);
    expect(result.problems.map((p) => [p.code, p.severity, p.question])).toEqual([
      ['placeholder', 'warning', 1],
      ['placeholder', 'error', 2],
    ]);
    expect(result.answered).toBe(2);
  });

  it('points at the start of the answer text when the reader knows it', () => {
    const result = run([section(1, 'a', PLACEHOLDER, { line: 12, answerLine: 15 }), section(2, 'b', 'x'), section(3, 'c', 'x')]);
    expect(result.problems[0]).toMatchObject({ code: 'placeholder', line: 15 });
  });

  it('takes an escaped placeholder for the placeholder', () => {
    const result = run([section(1, 'a', '\\_Antwoord nog in te vullen.\\_'), section(2, 'b', 'x'), section(3, 'c', 'x')]);
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['placeholder', 'error']]);
  });

  it('uses the first of two sections for the same question', () => {
    const result = run([section(1, 'a', ''), section(1, 'a', 'Ja.'), section(2, 'b', 'x'), section(3, 'c', 'x')]);
    expect(result.problems.map((p) => p.code)).toEqual(['unanswered']);
  });
});
