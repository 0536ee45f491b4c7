import { describe, expect, it } from 'vitest';
import type { QuestionDocument } from '../../index.js';
import { formatParseJson } from './parse-json.js';

const doc: QuestionDocument = {
  id: '2025-04-12-d66-zorg', title: 'Vragen ex. artikel 45 zorg', subject: 'zorg', article: '45', municipality: 'Zwolle', party: 'D66',
  parties: ['D66'], members: [], date: '2025-04-12', addressee: 'college van burgemeester en wethouders', preamble: 'Inleiding.',
  questions: [{ number: 1, label: '-', text: 'Wat? Zo ja, hoe?', parts: [{ label: 'o', text: 'Zo ja, hoe?' }], line: 12 }],
  footnotes: [{ n: 1, text: 'https://example.nl' }], warnings: [{ line: 3, message: 'twijfel' }],
  source: 'brief.pdf', received: '2025-04-14', kind: 'schriftelijke-vragen', deadline: '2025-05-14',
};

describe('formatParseJson', () => {
  it('writes the contract keys in order, then the extra fields, and leaves out source lines', () => {
    const json = JSON.parse(formatParseJson(doc)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'title', 'subject', 'article', 'municipality', 'party', 'parties', 'members', 'date', 'addressee', 'preamble', 'questions', 'footnotes', 'warnings',
      'id', 'source', 'received', 'kind', 'deadline',
    ]);
    expect(json.questions).toEqual([{ number: 1, label: '-', text: 'Wat? Zo ja, hoe?', parts: [{ label: 'o', text: 'Zo ja, hoe?' }] }]);
    expect(json.warnings).toEqual([{ line: 3, message: 'twijfel' }]);
  });

  it('adds uitstel, the afterword and interleaved answers only when there are any', () => {
    const json = JSON.parse(formatParseJson({
      ...doc,
      uitstel: { date: '2025-05-01', reason: null, until: '2025-06-01' },
      afterword: 'Toelichting: zie vraag 1.',
      questions: [{ number: 1, label: null, text: 'Wat?', parts: [], answer: 'Niets.' }],
    })) as Record<string, unknown>;
    expect(Object.keys(json).slice(-2)).toEqual(['uitstel', 'afterword']);
    expect(json.afterword).toBe('Toelichting: zie vraag 1.');
    expect(json.uitstel).toEqual({ date: '2025-05-01', reason: null, until: '2025-06-01' });
    expect(json.questions).toEqual([{ number: 1, label: null, text: 'Wat?', parts: [], answer: 'Niets.' }]);
  });
});
