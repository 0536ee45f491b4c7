import { describe, expect, it } from 'vitest';
import { cosine, diversify, type Candidate } from './diversify.js';

const numbers = new Map<string, number>();
const vec = (words: string) => {
  const ids = [...new Set(words.split(' '))].map((w) => numbers.get(w) ?? numbers.set(w, numbers.size).get(w)!).sort((a, b) => a - b);
  return { ids, weights: ids.map(() => 1) };
};
const c = (id: string, score: number, section: string, words: string): Candidate & { id: string } => ({ id, score, section, vector: vec(words) });

describe('diversify', () => {
  it('measures cosine similarity of term vectors', () => {
    expect(cosine(vec('a b'), vec('a b'))).toBeCloseTo(1);
    expect(cosine(vec('a b'), vec('c d'))).toBe(0);
  });

  it('keeps at most half the results from one section while other sections are left', () => {
    const picked = diversify(
      [c('s1', 10, 'A', 'a'), c('s2', 9.9, 'A', 'b'), c('s3', 9.8, 'A', 'c'), c('s4', 9.7, 'A', 'd'), c('t1', 5, 'B', 'e'), c('u1', 4, 'C', 'f')],
      4,
    );
    expect(picked.map((p) => p.id)).toEqual(['s1', 's2', 't1', 'u1']);
  });

  it('fills up from a capped section when nothing else is left', () => {
    const picked = diversify([c('s1', 10, 'A', 'a'), c('s2', 9, 'A', 'b'), c('s3', 8, 'A', 'c')], 3);
    expect(picked.map((p) => p.id)).toEqual(['s1', 's2', 's3']);
  });

  it('moves a near-duplicate (a summary repeating a list) below a different passage', () => {
    const picked = diversify(
      [c('list', 10, 'A', 'g40 werkgroep rijk lobby'), c('table', 9.5, 'B', 'g40 werkgroep rijk lobby'), c('other', 7, 'C', 'vng landelijke gremia')],
      3,
    );
    expect(picked.map((p) => p.id)).toEqual(['list', 'other', 'table']);
  });

  it('keeps plain score order when the candidates differ', () => {
    const picked = diversify([c('a', 10, 'A', 'a b'), c('b', 9, 'B', 'c d'), c('c', 8, 'C', 'e f')], 3);
    expect(picked.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
});
