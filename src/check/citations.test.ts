import { describe, expect, it } from 'vitest';
import type { Citation } from '../model.js';
import { checkCitations, corpusIndex, lookupOf } from './citations.js';
import { answerDoc, section } from './test-helpers/documents.js';

const corpus = lookupOf(corpusIndex([
  { id: 'koers-sociaal-domein-2023#p12', doc: 'koers-sociaal-domein-2023', lines: [40, 44] },
  { id: 'koers-sociaal-domein-2023#p13', doc: 'koers-sociaal-domein-2023', lines: [46, 50] },
]));

const cite = (passage: string | null, doc = 'koers-sociaal-domein-2023', lines: [number, number] | null = [40, 44]): Citation => ({
  passage,
  doc,
  heading: ['Koers', 'Wijken'],
  lines,
  quote: 'x',
});

describe('checkCitations', () => {
  it('accepts citations whose passage still exists', () => {
    const answer = answerDoc([section(1, 'a?', 'Ja.', { sources: [cite('koers-sociaal-domein-2023#p12'), cite(null, 'koers-sociaal-domein-2023', [45, 47])] })]);
    expect(checkCitations({ answer, answerFile: 'a.md', text: '', corpus })).toEqual([]);
  });

  it('warns about a passage id that is gone, on the line of the citation', () => {
    const text = ['## Vraag 1', '> a?', 'Ja.', '### Bronnen', '- [Koers › Wijken](corpus/koers.md#L40-L44) koers-sociaal-domein-2023#p99 "x"'].join('\n');
    const answer = answerDoc([section(1, 'a?', 'Ja.', { line: 1, sources: [cite('koers-sociaal-domein-2023#p99')] })]);
    const [p, ...rest] = checkCitations({ answer, answerFile: 'answers/x.md', text, corpus });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'stale-citation', severity: 'warning', file: 'answers/x.md', line: 5, question: 1 });
    expect(p!.message).toContain('koers-sociaal-domein-2023 › Koers › Wijken');
  });

  it('warns about a citation without id whose document or lines are gone', () => {
    const answer = answerDoc([section(2, 'b?', 'Nee.', { sources: [cite(null, 'verdwenen-nota'), cite(null, 'koers-sociaal-domein-2023', [90, 95])] })]);
    const problems = checkCitations({ answer, answerFile: 'a.md', text: '', corpus });
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['stale-citation', 20],
      ['stale-citation', 20],
    ]);
  });
});
