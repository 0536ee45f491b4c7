import { describe, expect, it } from 'vitest';
import { readFrontMatter } from './front-matter.js';
import { checkQuestionFrontMatter } from './question-schema.js';

const fm = (yaml: string) => readFrontMatter(`---\n${yaml}\n---\nbody\n`, 'x.md');

describe('checkQuestionFrontMatter', () => {
  it('accepts what import writes, with nulls for unknown facts', () => {
    const yaml = [
      'id: 2025-04-12-d66-zorg',
      'title: Vragen',
      'subject: zorg',
      'article: "45"',
      'municipality: Zwolle',
      'party: D66',
      'parties:',
      '  - D66',
      'members: []',
      'date: 2025-04-12',
      'received: 2025-04-12',
      'deadline: 2025-05-12',
      'addressee: null',
      'source: brief.pdf',
      'kind: art45',
      'uitstel:',
      '  date: 2025-05-01',
      '  reason: advies nodig',
      '  until: 2025-06-01',
    ].join('\n');
    expect(checkQuestionFrontMatter(fm(yaml), 'q.md', { kinds: ['art45'] })).toEqual([]);
  });

  it('reports a bad date inside uitstel, a missing until and an unknown kind at their lines', () => {
    const problems = checkQuestionFrontMatter(fm('id: x-1\nkind: art99\nreceived: 1 mei 2025\nuitstel:\n  reason: drukte\nparties:\n  - D66\n  - [a]'), 'q.md', {
      kinds: ['art45', 'art33'],
    });
    expect(problems.map((p) => p.line).sort()).toEqual([3, 4, 5, 9]);
    expect(problems.find((p) => p.line === 3)!.message).toContain('art45, art33');
    expect(problems.find((p) => p.line === 5)!.message).toContain("'uitstel.until'");
  });

  it('needs an id, written as a slug', () => {
    expect(checkQuestionFrontMatter(fm('title: x'), 'q.md')[0]).toMatchObject({ line: 1, message: expect.stringContaining("needs 'id'") });
    expect(checkQuestionFrontMatter(fm('title: x\nid: ../../etc/passwd'), 'q.md')[0]).toMatchObject({ line: 3, message: expect.stringContaining('not an id') });
  });
});
