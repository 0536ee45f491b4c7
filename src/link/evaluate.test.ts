import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { bootstrapInterval, evaluate, isRelevant, normalizeForMatch, parseGold, unreachableGold, type GoldFile } from './evaluate.js';

const p = (doc: string, text: string) => ({ doc, text });

describe('relevance', () => {
  it('compares lowercase, with whitespace collapsed and line-end hyphenation joined', () => {
    expect(normalizeForMatch('De  Centrumge-\n  meente ZWOLLE')).toBe('de centrumgemeente zwolle');
    expect(isRelevant(p('a', 'Kern is het bieden van een\ndergelijk laatste vangnet.'), { doc: 'a', snippet: 'een dergelijk laatste vangnet' })).toBe(true);
  });

  it('requires the passage to be in the gold document', () => {
    expect(isRelevant(p('b', 'laatste vangnet'), { doc: 'a', snippet: 'laatste vangnet' })).toBe(false);
    expect(isRelevant(p('b', 'laatste vangnet'), { snippet: 'laatste vangnet' })).toBe(true);
  });
});

describe('evaluate', () => {
  const gold: GoldFile = {
    questions: [
      { n: 1, q: 'een', gold: [{ doc: 'd', snippet: 'alpha' }] },
      { n: 2, q: 'twee', gold: [{ doc: 'd', snippet: 'beta' }, { doc: 'd', snippet: 'gamma' }] },
      { n: 3, q: 'drie', gold: [] },
    ],
  };
  const rankings: Record<number, Array<{ doc: string; text: string }>> = {
    1: [p('d', 'alpha here'), p('d', 'x')],
    2: [p('d', 'x'), p('d', 'y'), p('d', 'gamma'), p('d', 'z'), p('d', 'w'), p('d', 'v'), p('d', 'beta')],
  };

  it('computes hit@k, recall@k, MRR and nDCG@10 and skips questions without gold', async () => {
    const report = await evaluate(gold, ({ question }) => rankings[question.n] ?? []);
    expect(report.questions).toBe(2);
    const [q1, q2] = report.perQuestion;
    expect(q1).toMatchObject({ n: 1, firstRelevant: 1, hit1: 1, hit5: 1, recall5: 1, recall10: 1, mrr: 1, ndcg10: 1 });
    expect(q2).toMatchObject({ n: 2, firstRelevant: 3, hit1: 0, hit5: 1, recall5: 0.5, recall10: 1 });
    expect(q2!.mrr).toBeCloseTo(1 / 3);
    const idcg = 1 + 1 / Math.log2(3);
    expect(q2!.ndcg10).toBeCloseTo((1 / Math.log2(4) + 1 / Math.log2(8)) / idcg);
    expect(report.metrics.hit1).toBeCloseTo(0.5);
    expect(report.metrics.mrr).toBeCloseTo((1 + 1 / 3) / 2);
  });

  it('hands the ranker the question before when it is numbered one lower', async () => {
    const seen: Array<number | null> = [];
    await evaluate(gold, ({ question, previous }) => {
      seen.push(previous?.n ?? null);
      return rankings[question.n] ?? [];
    });
    expect(seen).toEqual([null, 1]);
  });

  it('lists gold snippets no passage contains', () => {
    expect(unreachableGold(gold, [p('d', 'alpha beta')])).toEqual([{ n: 2, doc: 'd', snippet: 'gamma' }]);
  });
});

describe('parseGold', () => {
  it('reads the gold form of the issue', () => {
    const g = parseGold('{"questions":[{"n":1,"q":"Vraag?","context":"Ervoor","gold":[{"doc":"d","snippet":"s"}]}]}', 'g.json');
    expect(g.questions[0]).toEqual({ n: 1, q: 'Vraag?', context: 'Ervoor', gold: [{ doc: 'd', snippet: 's' }] });
  });

  it('names the file for broken JSON or a wrong shape', () => {
    expect(() => parseGold('{', 'g.json')).toThrow(InputError);
    expect(() => parseGold('{"questions":[{"q":"x"}]}', 'g.json')).toThrow(/questions\[0\] needs "gold"/);
    expect(() => parseGold('{"questions":[{"q":"x","gold":[]}]}', 'g.json')).toThrow(/no question has gold/);
    try {
      parseGold('[]', 'gold/x.json');
    } catch (error) {
      expect((error as InputError).file).toBe('gold/x.json');
    }
  });
});

describe('bootstrapInterval', () => {
  it('holds the mean, narrows with more groups, and gives the same interval for the same seed', () => {
    const groups = Array.from({ length: 20 }, (_, i) => [i % 2, (i + 1) % 2, i % 3 === 0 ? 1 : 0]);
    const mean = groups.flat().reduce((a, b) => a + b, 0) / groups.flat().length;
    const interval = bootstrapInterval(groups);
    expect(interval.low).toBeLessThan(mean);
    expect(interval.high).toBeGreaterThan(mean);
    expect(bootstrapInterval(groups)).toEqual(interval);
    const wider = bootstrapInterval(groups.slice(0, 5));
    expect(wider.high - wider.low).toBeGreaterThan(interval.high - interval.low);
  });

  it('is given with every evaluation, over the letters when the gold file says which letter each question is from', async () => {
    const passages = [p('a', 'Over de wachtlijst in de jeugdzorg.'), p('b', 'Over de opvang van daklozen.')];
    const ranker = () => passages;
    const question = (n: number, letter: number | undefined, snippet: string) => ({ n, q: 'Hoe lang is de wachtlijst?', ...(letter === undefined ? {} : { letter }), gold: [{ snippet }] });
    const byQuestion = await evaluate({ questions: [question(1, undefined, 'wachtlijst'), question(2, undefined, 'daklozen')] }, ranker);
    expect(byQuestion.intervals).toMatchObject({ over: 'questions', groups: 2 });
    const byLetter = await evaluate({ questions: [question(1, 1, 'wachtlijst'), question(2, 1, 'daklozen'), question(3, 2, 'wachtlijst')] }, ranker);
    expect(byLetter.intervals).toMatchObject({ over: 'letters', groups: 2 });
    expect(parseGold(JSON.stringify({ questions: [question(1, 7, 'x')] }), 'g.json').questions[0]!.letter).toBe(7);
  });

  it('resamples whole groups: questions of one letter move together', () => {
    // Two letters, all of one hit and all of the other missed: a resample is all hits, all misses
    // or half and half, never the spread that 10 independent questions would give.
    const interval = bootstrapInterval([[1, 1, 1, 1, 1], [0, 0, 0, 0, 0]], { resamples: 400 });
    expect(interval).toEqual({ low: 0, high: 1 });
    expect(bootstrapInterval([[1, 1], [1]])).toEqual({ low: 1, high: 1 });
    expect(bootstrapInterval([])).toEqual({ low: 0, high: 0 });
  });
});
