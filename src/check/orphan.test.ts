import { describe, expect, it } from 'vitest';
import { checkOrphans } from './orphan.js';
import { answerDoc, questionDoc, section } from './test-helpers/documents.js';

describe('checkOrphans', () => {
  const question = questionDoc(['a?', 'b?']);

  it('reports a section beyond the question document as an error', () => {
    const answer = answerDoc([section(1, 'a?', 'x'), section(2, 'b?', 'y'), section(3, 'c?', 'z', { line: 40 })]);
    const problems = checkOrphans({ question, questionFile: 'questions/x.md', answer, answerFile: 'answers/x.md' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'orphan', severity: 'error', question: 3, line: 40 });
    expect(problems[0]!.message).toContain('questions/x.md has 2 questions');
  });

  it('reports a second section for one question, naming the first', () => {
    const answer = answerDoc([section(1, 'a?', 'x', { line: 5 }), section(1, 'a?', 'y', { line: 9 }), section(2, 'b?', 'z')]);
    const [p] = checkOrphans({ question, questionFile: 'q', answer, answerFile: 'a' });
    expect(p).toMatchObject({ code: 'orphan', severity: 'error', line: 9 });
    expect(p!.message).toContain('line 5');
  });

  it("warns about sections kept under 'Vervallen vragen'", () => {
    const answer = answerDoc([section(1, 'a?', 'x'), section(2, 'b?', 'y')], { orphans: [section(3, 'c?', 'oud antwoord', { line: 70 })] });
    const problems = checkOrphans({ question, questionFile: 'q', answer, answerFile: 'a' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'orphan', severity: 'warning', line: 70 });
  });
});
