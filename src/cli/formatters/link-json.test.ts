import { describe, expect, it } from 'vitest';
import type { LinkedPassage } from '../../index.js';
import { formatEvalJson, formatLinkJson, formatSearchJson } from './link-json.js';

const passage: LinkedPassage = {
  id: 'p1', doc: 'zwolse-agenda', file: 'corpus/zwolse-agenda.md', title: 'Zwolse agenda', heading: ['Zwolse agenda', '1 Urgentie'],
  lines: [120, 128], kind: 'policy', text: 'De politie registreert meldingen.', score: 12.3, matched: ['politie'], context: [], synonyms: [],
};

describe('formatLinkJson', () => {
  it('gives exactly the contract shape first, extras after', () => {
    const json = JSON.parse(formatLinkJson({ id: 'd66', questions: [{ number: 1, text: 'Vraag?', borrowed: false, passages: [passage] }] }));
    expect(Object.keys(json)).toEqual(['id', 'questions']);
    expect(Object.keys(json.questions[0]).slice(0, 2)).toEqual(['number', 'passages']);
    expect(json.questions[0].passages[0]).toMatchObject({
      id: 'p1', doc: 'zwolse-agenda', file: 'corpus/zwolse-agenda.md', heading: ['Zwolse agenda', '1 Urgentie'], lines: [120, 128],
      score: 12.3, matched: ['politie'], text: 'De politie registreert meldingen.',
    });
    expect(Object.keys(json.questions[0].passages[0]).slice(0, 8)).toEqual(['id', 'doc', 'file', 'heading', 'lines', 'score', 'matched', 'text']);
  });

  it('adds the phrases of the synonym list a passage matched through, as a field of its own', () => {
    const viaSynonym = { ...passage, matched: [], synonyms: ['verward gedrag'] };
    const json = JSON.parse(formatLinkJson({ id: null, questions: [{ number: 1, text: 'Verwarde personen?', borrowed: false, passages: [viaSynonym] }] }));
    expect(json.questions[0].passages[0].synonyms).toEqual(['verward gedrag']);
    expect(json.questions[0].passages[0].matched).toEqual([]);
  });
});

describe('formatSearchJson', () => {
  it('gives the query and the passages', () => {
    expect(JSON.parse(formatSearchJson('politie', [passage]))).toMatchObject({ query: 'politie', passages: [{ id: 'p1' }] });
  });
});

describe('formatEvalJson', () => {
  it('names the metrics as the issue does', () => {
    const m = { hit1: 1, hit5: 1, recall5: 1, recall10: 1, mrr: 1, ndcg10: 1 };
    const json = JSON.parse(formatEvalJson('g.json', { questions: 1, metrics: m, perQuestion: [{ n: 1, gold: 1, firstRelevant: 1, ...m }], unreachable: [] }));
    expect(Object.keys(json.metrics)).toEqual(['hit@1', 'hit@5', 'recall@5', 'recall@10', 'MRR', 'nDCG@10']);
    expect(json.file).toBe('g.json');
  });
});
