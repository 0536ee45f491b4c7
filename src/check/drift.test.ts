import { describe, expect, it } from 'vitest';
import { checkDrift } from './drift.js';
import { answerDoc, questionDoc, section } from './test-helpers/documents.js';

describe('checkDrift', () => {
  const question = questionDoc(['Deelt het college de opvatting van D66 dat de draaglast onder druk staat?', 'Welke mogelijkheden ziet het college?']);

  it('reports a changed question with both versions, at the answer section', () => {
    const answer = answerDoc([
      section(1, 'Deelt het college de opvatting van D66 dat de draaglast onder druk staat?', 'Ja.'),
      section(2, 'Welke maatregelen ziet het college?', 'Geen.', { line: 31 }),
    ]);
    const problems = checkDrift({ question, questionFile: 'questions/x.md', answer, answerFile: 'answers/x.md' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'drift', severity: 'error', question: 2, file: 'answers/x.md', line: 31 });
    expect(problems[0]!.message).toContain('"Welke mogelijkheden ziet het college?"');
    expect(problems[0]!.message).toContain('"Welke maatregelen ziet het college?"');
  });

  it('does not call wrapping, hyphenation or curly quotes a change', () => {
    const answer = answerDoc([section(1, 'Deelt het college de opvatting van D66 dat de draag-\nlast onder druk staat?', 'Ja.')]);
    expect(checkDrift({ question, questionFile: 'q', answer, answerFile: 'a' })).toEqual([]);
  });

  it('leaves alone a section without a quote and a section for a question that does not exist', () => {
    const answer = answerDoc([section(1, '', 'Ja.'), section(5, 'Iets anders?', 'Nee.')]);
    expect(checkDrift({ question, questionFile: 'q', answer, answerFile: 'a' })).toEqual([]);
  });
});
