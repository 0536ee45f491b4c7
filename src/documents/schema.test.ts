import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { ANSWER_SCHEMA } from './answer-document.js';
import { readFrontMatter } from './front-matter.js';
import { QUESTION_SCHEMA } from './question-document.js';
import { applySchema, refuseErrors } from './schema.js';

const fm = (yaml: string) => readFrontMatter(`---\n${yaml}\n---\nbody\n`, 'x.md');

describe('applySchema', () => {
  it('accepts what import writes, with nulls for unknown facts', () => {
    const yaml = [
      'id: 2025-04-12-d66-zorg', 'title: Vragen', 'subject: zorg', 'article: "45"', 'municipality: Zwolle', 'party: D66', 'parties:', '  - D66', 'members: []',
      'date: 2025-04-12', 'received: 2025-04-12', 'deadline: 2025-05-12', 'addressee: null', 'source: brief.pdf', 'kind: art45',
      'uitstel:', '  date: 2025-05-01', '  reason: advies nodig', '  until: 2025-06-01',
    ].join('\n');
    const { values, problems, unknown } = applySchema(fm(yaml), QUESTION_SCHEMA, 'q.md');
    expect(problems).toEqual([]);
    expect(unknown).toEqual([]);
    expect(values).toMatchObject({ id: '2025-04-12-d66-zorg', parties: ['D66'], members: [], addressee: null, uitstel: { until: '2025-06-01', reason: 'advies nodig' } });
  });

  it('reports a bad date inside uitstel, a missing until and a bad list item at their lines', () => {
    const { problems, values } = applySchema(fm('id: x-1\nreceived: 1 mei 2025\nuitstel:\n  reason: drukte\nparties:\n  - D66\n  - [a]'), QUESTION_SCHEMA, 'q.md');
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, `'received' is "1 mei 2025", which is not a date written YYYY-MM-DD`],
      [4, "The question document needs 'uitstel.until' (the new deadline, written YYYY-MM-DD)"],
      [8, "'parties' must list names as text; item 2 is a list"],
    ]);
    expect(values).toMatchObject({ received: null, parties: ['D66'] });
    expect(problems.every((p) => p.code === 'schema' && p.severity === 'error' && p.file === 'q.md')).toBe(true);
  });

  it('needs an id, written as a slug', () => {
    expect(applySchema(fm('title: x'), QUESTION_SCHEMA, 'q.md').problems[0]).toMatchObject({ line: 1, message: expect.stringContaining("needs 'id'") });
    expect(applySchema(fm('title: x\nid: ../../etc/passwd'), QUESTION_SCHEMA, 'q.md').problems[0]).toMatchObject({ line: 3, message: expect.stringContaining('not an id') });
  });

  it('reads a single name as a list of one, and gives unknown top-level keys back', () => {
    const { values, unknown } = applySchema(fm('id: x\nparties: D66\nnotitie: bellen'), QUESTION_SCHEMA, 'q.md');
    expect(values.parties).toEqual(['D66']);
    expect(unknown).toEqual(['notitie']);
  });

  it('checks a word against its list', () => {
    const { problems, values } = applySchema(fm('question: x\nstatus: klaar'), ANSWER_SCHEMA, 'a.md');
    expect(problems).toEqual([{ code: 'schema', severity: 'error', message: `'status' must be one of concept, ter-besluitvorming, vastgesteld, not "klaar"`, file: 'a.md', line: 3 }]);
    expect(values.status).toBeNull();
  });
});

describe('refuseErrors', () => {
  it('throws one InputError naming the file and line of the first error, and counts the others', () => {
    const { problems } = applySchema(fm('id: X\ndate: morgen'), QUESTION_SCHEMA, 'q.md');
    const error = (() => { try { refuseErrors(problems); } catch (e) { return e as InputError; } return null; })();
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ file: 'q.md', line: 2 });
    expect(error!.message).toMatch(/not an id.*\(and 1 more problem: run 'answer check'\)$/);
    expect(() => refuseErrors([{ code: 'schema', severity: 'warning', message: 'x', file: 'q.md', line: 1 }])).not.toThrow();
  });
});
