import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

/** The textbook MMR loop, every value recomputed every round: the reference for the lazy one. */
function naiveDiversify<T extends Candidate>(candidates: readonly T[], k: number, perSection = Math.ceil(k / 2), lambda = 0.7, sameSection = 0.3): T[] {
  const maxScore = candidates.reduce((m, x) => Math.max(m, x.score), 0) || 1;
  const left = [...candidates];
  const maxSim = left.map(() => 0);
  const picked: T[] = [];
  const count = new Map<string | number, number>();
  while (picked.length < k && left.length > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (let pass = 0; pass < 2 && best < 0; pass++) {
      left.forEach((x, i) => {
        if (pass === 0 && (count.get(x.section) ?? 0) >= perSection) return;
        const value = lambda * (x.score / maxScore) - (1 - lambda) * maxSim[i]!;
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      });
    }
    const [chosen] = left.splice(best, 1);
    maxSim.splice(best, 1);
    picked.push(chosen!);
    count.set(chosen!.section, (count.get(chosen!.section) ?? 0) + 1);
    left.forEach((x, i) => {
      const sim = Math.max(cosine(x.vector, chosen!.vector), x.section === chosen!.section ? sameSection : 0);
      maxSim[i] = Math.max(maxSim[i]!, sim);
    });
  }
  return picked;
}

describe('diversify, lazy', () => {
  it('picks exactly what the naive MMR loop picks', () => {
    const candidate = fc.record({
      score: fc.integer({ min: 1, max: 1000 }),
      section: fc.constantFrom('A', 'B', 'C', 'D'),
      words: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 0, maxLength: 12 }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), fc.integer({ min: 1, max: 12 }), (raw, k) => {
        const list = raw
          .map((r, i) => ({ id: String(i), score: r.score / 10, section: r.section, vector: { ids: [...r.words].sort((a, b) => a - b), weights: r.words.map(() => 1) } }))
          .sort((a, b) => b.score - a.score);
        expect(diversify(list, k).map((x) => x.id)).toEqual(naiveDiversify(list, k).map((x) => x.id));
      }),
      { numRuns: 500 },
    );
  });
});
