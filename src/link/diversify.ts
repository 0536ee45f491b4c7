/**
 * Diversify the top results so five hits are not five sentences of one paragraph or five
 * copies of one list (the Zwolse agenda repeats its action list in a summary table):
 * maximal marginal relevance (Carbonell & Goldstein, 1998) over the passage texts' term vectors,
 * where two passages of one section (same document and heading path) count as somewhat alike
 * whatever their words, plus a hard cap per section.
 */

import type { TermVector } from './index-store.js';

export interface Candidate {
  score: number;
  /** Section key: document + heading path, or any number or string that stands for it. */
  section: string | number;
  /** Term frequencies of the passage text. */
  vector: TermVector;
}

export interface DiversifyOptions {
  /**
   * Relevance against novelty: 1 is plain ranking. 0.7 lets a near-duplicate (cosine ≈ 1) fall
   * below a result with 60% of its score, while two passages that share a few words keep their order.
   */
  lambda?: number;
  /**
   * At most this many results from one section while other sections are left; default half the
   * results, rounded up (3 of 5), so one section never fills the list but may hold most of it.
   */
  perSection?: number;
  /**
   * How similar two passages of one section count, whatever their words: 0.3 makes a second
   * passage of a section give way to another section's passage with 90% of its score, not more.
   * (A stricter cap of 2 per section cost recall@10 on both gold sets: 0.73 → 0.60 on the
   * hand-written questions, as the answer often is the third bullet of a list.)
   */
  sameSection?: number;
}

function norm(v: TermVector): number {
  let sum = 0;
  for (let i = 0; i < v.weights.length; i++) sum += v.weights[i]! * v.weights[i]!;
  return Math.sqrt(sum);
}


/**
 * A scratch array indexed by local term number, for similarities against one vector at a time:
 * scatter its weights, look up each other vector's terms, clear what was set. Kept between calls
 * and only grown.
 */
let scratch = new Float64Array(1024);

/**
 * The vectors with their term numbers renumbered 0 … n − 1 over these vectors, and the scratch
 * array made long enough for them: a store's term numbers need be neither dense nor ordered
 * (index-store.ts), and a few dozen candidates hold a few thousand distinct terms.
 */
function localVectors(vectors: readonly TermVector[]): TermVector[] {
  const local = new Map<number, number>();
  const out = vectors.map((v) => {
    const ids = new Int32Array(v.ids.length);
    for (let i = 0; i < v.ids.length; i++) {
      let id = local.get(v.ids[i]!);
      if (id === undefined) local.set(v.ids[i]!, (id = local.size));
      ids[i] = id;
    }
    return { ids, weights: v.weights };
  });
  if (scratch.length < local.size) scratch = new Float64Array(Math.max(local.size, scratch.length * 2));
  return out;
}

function scatter(v: TermVector, sign: 0 | 1): void {
  for (let i = 0; i < v.ids.length; i++) scratch[v.ids[i]!] = sign * v.weights[i]!;
}

/** Cosine of `v` with the vector scattered now, whose norm is `normScattered`. */
function cosineToScattered(v: TermVector, normV: number, normScattered: number): number {
  if (normV === 0 || normScattered === 0) return 0;
  let sum = 0;
  for (let i = 0; i < v.ids.length; i++) sum += v.weights[i]! * scratch[v.ids[i]!]!;
  return sum / (normV * normScattered);
}

/** Cosine similarity of two term vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  const [la, lb] = localVectors([a, b]) as [TermVector, TermVector];
  scatter(la, 1);
  const sim = cosineToScattered(lb, norm(lb), norm(la));
  scatter(la, 0);
  return sim;
}

/**
 * Pick `k` of the candidates (given best first), balancing score and novelty: maximal marginal
 * relevance, where each round takes the candidate with the best λ × relative score − (1 − λ) ×
 * its greatest similarity to a result already picked. After each pick, the similarity of every
 * candidate left to it is computed at once against the pick's scattered vector (a lookup per term,
 * not a merge of two term lists); diversify.test.ts compares the picks with the textbook loop.
 */
export function diversify<T extends Candidate>(candidates: readonly T[], k: number, options: DiversifyOptions = {}): T[] {
  const lambda = options.lambda ?? 0.7;
  const perSection = options.perSection ?? Math.ceil(k / 2);
  const sameSection = options.sameSection ?? 0.3;
  const maxScore = candidates.reduce((m, c) => Math.max(m, c.score), 0) || 1;
  const n = candidates.length;
  const vectors = localVectors(candidates.map((c) => c.vector));
  const norms = vectors.map(norm);
  const taken = new Uint8Array(n);
  const maxSim = new Float64Array(n);
  const picked: T[] = [];
  const perSectionCount = new Map<string | number, number>();
  while (picked.length < k && picked.length < n) {
    let best = -1;
    let bestValue = -Infinity;
    for (let pass = 0; pass < 2 && best < 0; pass++) {
      for (let i = 0; i < n; i++) {
        if (taken[i]) continue;
        const c = candidates[i]!;
        // First pass honours the section cap; the second only runs when nothing else is left.
        if (pass === 0 && (perSectionCount.get(c.section) ?? 0) >= perSection) continue;
        const value = lambda * (c.score / maxScore) - (1 - lambda) * maxSim[i]!;
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
    }
    const chosen = candidates[best]!;
    taken[best] = 1;
    picked.push(chosen);
    perSectionCount.set(chosen.section, (perSectionCount.get(chosen.section) ?? 0) + 1);
    if (picked.length === k) break;
    scatter(vectors[best]!, 1);
    for (let i = 0; i < n; i++) {
      if (taken[i]) continue;
      const c = candidates[i]!;
      const sim = Math.max(cosineToScattered(vectors[i]!, norms[i]!, norms[best]!), c.section === chosen.section ? sameSection : 0);
      if (sim > maxSim[i]!) maxSim[i] = sim;
    }
    scatter(vectors[best]!, 0);
  }
  return picked;
}
