/**
 * `answer eval`: measure a ranking against a gold file.
 *
 * Gold file: `{"questions": [{"n": 1, "q": "question text", "context": "optional text before
 * it", "gold": [{"doc": "...", "snippet": "exact text inside the passage"}]}]}`. A passage is
 * relevant to a gold entry when it is in that document and its text contains the snippet,
 * compared lowercase, whitespace collapsed, line-end hyphenation joined. Questions with an empty
 * gold list are kept as context for the next question but not scored.
 *
 * A gold file of questions from many letters (`"ownLetters": true`, the real council questions)
 * scores each question as the first question of a letter of its own: its `context` is that
 * letter's preamble, not a question before it, and passages of earlier answers are left out of
 * its ranking before scoring (they are never gold there).
 */
import { InputError } from '../errors.js';
import type { Passage } from '../model.js';

export interface GoldEntry {
  doc?: string;
  snippet: string;
}

export interface GoldQuestion {
  n: number;
  q: string;
  context?: string;
  /** Optional: which letter the question comes from, in a set of many letters (intervals resample letters). */
  letter?: number;
  gold: GoldEntry[];
}

export interface GoldFile {
  /** Optional: the letter's subject and preamble, used as context like `answer link` does. */
  subject?: string;
  preamble?: string;
  /**
   * Optional: the id of the question document the questions come from. Earlier answers to it are
   * never ranked, as `answer link` never offers a document its own answer.
   */
  document?: string;
  /**
   * Each question comes from a letter of its own (real questions of many councils): its `context`
   * is the preamble of that letter, and earlier answers in the ranking are not counted.
   */
  ownLetters?: boolean;
  questions: GoldQuestion[];
}

export interface Metrics {
  hit1: number;
  hit5: number;
  recall5: number;
  recall10: number;
  mrr: number;
  ndcg10: number;
}

export interface QuestionScore extends Metrics {
  n: number;
  /** 1-based rank of the first relevant passage, or null. */
  firstRelevant: number | null;
  gold: number;
}

export interface EvalReport {
  /** Scored questions (with at least one gold entry). */
  questions: number;
  metrics: Metrics;
  perQuestion: QuestionScore[];
  /** Gold snippets that no passage of the corpus contains: they can never be found. */
  unreachable: Array<{ n: number; doc?: string; snippet: string }>;
  /**
   * 95 % intervals of hit@5, recall@10 and MRR (bootstrapInterval, 2,000 resamples, over the
   * letters when the questions say theirs, else over the questions): how much a set of this
   * size says.
   */
  intervals?: ScoreIntervals;
}

/** 95 % intervals of hit@5, recall@10 and MRR, and what was resampled. */
export interface ScoreIntervals {
  hit5: Interval;
  recall10: Interval;
  mrr: Interval;
  over: 'letters' | 'questions';
  groups: number;
}

/** Compare form: lowercase, line-end hyphenation joined, whitespace collapsed. */
export function normalizeForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/(\p{L})-[ \t]*\r?\n\s*(\p{L})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a passage is relevant to a gold entry. */
export function isRelevant(passage: Pick<Passage, 'doc' | 'text'>, entry: GoldEntry, normalizedText?: string): boolean {
  if (entry.doc && passage.doc !== entry.doc) return false;
  return (normalizedText ?? normalizeForMatch(passage.text)).includes(normalizeForMatch(entry.snippet));
}

/** Parse and check a gold file's JSON; throws InputError naming the file. */
export function parseGold(text: string, file: string): GoldFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${(error as Error).message}`, { file });
  }
  const root = data as { questions?: unknown; subject?: unknown; preamble?: unknown; document?: unknown; ownLetters?: unknown } | null;
  if (!root || typeof root !== 'object' || !Array.isArray(root.questions)) {
    throw new InputError('a gold file needs {"questions": [...]}', { file });
  }
  const questions: GoldQuestion[] = root.questions.map((raw: unknown, i: number) => {
    const q = raw as Partial<GoldQuestion> | null;
    const where = `questions[${i}]`;
    if (!q || typeof q !== 'object') throw new InputError(`${where} is not an object`, { file });
    if (typeof q.q !== 'string' || !q.q.trim()) throw new InputError(`${where} needs "q", the question text`, { file });
    if (!Array.isArray(q.gold)) throw new InputError(`${where} needs "gold", a list of {doc, snippet}`, { file });
    const gold = q.gold.map((g: unknown, j: number) => {
      const e = g as Partial<GoldEntry> | null;
      if (!e || typeof e.snippet !== 'string' || !e.snippet.trim()) {
        throw new InputError(`${where}.gold[${j}] needs "snippet", exact text inside a passage`, { file });
      }
      if (e.doc !== undefined && typeof e.doc !== 'string') throw new InputError(`${where}.gold[${j}].doc must be a string`, { file });
      return e.doc ? { doc: e.doc, snippet: e.snippet } : { snippet: e.snippet };
    });
    return {
      n: typeof q.n === 'number' ? q.n : i + 1,
      q: q.q,
      ...(typeof q.context === 'string' && q.context.trim() ? { context: q.context } : {}),
      ...(typeof q.letter === 'number' ? { letter: q.letter } : {}),
      gold,
    };
  });
  if (!questions.some((q) => q.gold.length > 0)) throw new InputError('no question has gold passages to measure against', { file });
  return {
    ...(typeof root.subject === 'string' ? { subject: root.subject } : {}),
    ...(typeof root.preamble === 'string' ? { preamble: root.preamble } : {}),
    ...(typeof root.document === 'string' && root.document.trim() ? { document: root.document.trim() } : {}),
    ...(root.ownLetters === true ? { ownLetters: true } : {}),
    questions,
  };
}

/** What a ranker gets for one gold question. */
export interface GoldQuery {
  question: GoldQuestion;
  /** The gold question before it (numbered one lower), if any. */
  previous: GoldQuestion | null;
  subject?: string;
  preamble?: string;
  /** The question document the gold is about (GoldFile.document). */
  document?: string;
}

/** Anything that ranks passages for a gold question: our linker, a baseline. */
export type Ranker = (query: GoldQuery) => Promise<Array<Pick<Passage, 'doc' | 'text'>>> | Array<Pick<Passage, 'doc' | 'text'>>;

const CUTOFF = 10;

function scoreQuestion(ranked: Array<Pick<Passage, 'doc' | 'text'>>, gold: GoldEntry[]): Omit<QuestionScore, 'n'> {
  const covered = new Set<number>();
  let firstRelevant: number | null = null;
  let dcg = 0;
  let recall5 = 0;
  ranked.slice(0, CUTOFF).forEach((p, i) => {
    const text = normalizeForMatch(p.text);
    let relevant = false;
    let gain = 0;
    gold.forEach((entry, g) => {
      if (!isRelevant(p, entry, text)) return;
      relevant = true;
      if (!covered.has(g)) {
        covered.add(g);
        gain = 1;
      }
    });
    if (relevant && firstRelevant === null) firstRelevant = i + 1;
    dcg += gain / Math.log2(i + 2);
    if (i === 4) recall5 = covered.size / gold.length;
  });
  if (ranked.length < 5) recall5 = covered.size / gold.length;
  let idcg = 0;
  for (let i = 0; i < Math.min(gold.length, CUTOFF); i++) idcg += 1 / Math.log2(i + 2);
  const first = firstRelevant as number | null;
  return {
    firstRelevant: first,
    gold: gold.length,
    hit1: first === 1 ? 1 : 0,
    hit5: first !== null && first <= 5 ? 1 : 0,
    recall5,
    recall10: covered.size / gold.length,
    mrr: first ? 1 / first : 0,
    ndcg10: idcg > 0 ? dcg / idcg : 0,
  };
}

/** Gold snippets that no passage holds. */
export function unreachableGold(gold: GoldFile, passages: ReadonlyArray<Pick<Passage, 'doc' | 'text'>>): EvalReport['unreachable'] {
  const texts = passages.map((p) => ({ doc: p.doc, text: normalizeForMatch(p.text) }));
  const out: EvalReport['unreachable'] = [];
  for (const q of gold.questions) {
    for (const entry of q.gold) {
      if (!texts.some((t) => isRelevant({ doc: t.doc, text: '' }, entry, t.text))) out.push({ n: q.n, ...entry });
    }
  }
  return out;
}

/**
 * What a ranker is given for a gold question: the question with the one before it and the
 * letter's subject and preamble; for `ownLetters`, the question alone with its `context` as
 * the preamble of its own letter.
 */
export function goldQuery(gold: GoldFile, question: GoldQuestion, previous: GoldQuestion | null): GoldQuery {
  if (gold.ownLetters) {
    const { context, ...alone } = question;
    const query: GoldQuery = { question: alone, previous: null };
    if (context) query.preamble = context;
    if (gold.subject) query.subject = gold.subject;
    return query;
  }
  const query: GoldQuery = { question, previous };
  if (gold.subject) query.subject = gold.subject;
  if (gold.preamble) query.preamble = gold.preamble;
  if (gold.document) query.document = gold.document;
  return query;
}

/** Run a ranker over every scored question of a gold file and average the metrics. */
export async function evaluate(gold: GoldFile, ranker: Ranker, passages?: ReadonlyArray<Pick<Passage, 'doc' | 'text'>>): Promise<EvalReport> {
  const perQuestion: QuestionScore[] = [];
  let previous: GoldQuestion | null = null;
  for (const question of gold.questions) {
    const before = previous && previous.n === question.n - 1 ? previous : null;
    previous = question;
    if (question.gold.length === 0) continue;
    const query = goldQuery(gold, question, before);
    let ranked = await ranker(query);
    if (gold.ownLetters) ranked = ranked.filter((p) => (p as Partial<Passage>).kind !== 'answer');
    perQuestion.push({ n: question.n, ...scoreQuestion(ranked, question.gold) });
  }
  const mean = (key: keyof Metrics) => (perQuestion.length ? perQuestion.reduce((s, q) => s + q[key], 0) / perQuestion.length : 0);
  const metrics: Metrics = {
    hit1: mean('hit1'),
    hit5: mean('hit5'),
    recall5: mean('recall5'),
    recall10: mean('recall10'),
    mrr: mean('mrr'),
    ndcg10: mean('ndcg10'),
  };
  const letterOf = new Map(gold.questions.map((q) => [q.n, q.letter]));
  const intervals = scoreIntervals(perQuestion, (n) => letterOf.get(n));
  return { questions: perQuestion.length, metrics, perQuestion, unreachable: passages ? unreachableGold(gold, passages) : [], intervals };
}

/** A 95 % (or other) interval of a mean. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * A percentile bootstrap interval of the mean of per-question values, resampling whole groups
 * (the questions of one letter), since questions of one letter share a preamble and a topic and
 * do not vary apart: resampling the 31 real questions one by one would make the interval too
 * narrow. Deterministic for a seed (mulberry32), so a bench run prints the same interval twice.
 */
export function bootstrapInterval(groups: ReadonlyArray<readonly number[]>, options: { resamples?: number; level?: number; seed?: number } = {}): Interval {
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  let state = (options.seed ?? 1) >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const used = groups.filter((g) => g.length > 0);
  if (used.length === 0) return { low: 0, high: 0 };
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < used.length; i++) {
      const group = used[Math.floor(random() * used.length)]!;
      for (const value of group) sum += value;
      count += group.length;
    }
    means.push(sum / count);
  }
  means.sort((a, b) => a - b);
  const at = (p: number) => means[Math.min(means.length - 1, Math.max(0, Math.round(p * (means.length - 1))))]!;
  return { low: at((1 - level) / 2), high: at(1 - (1 - level) / 2) };
}

/**
 * The intervals of per-question figures (a question's scores, or the differences of two rankers'
 * on one question): resampled by letter when `letterOf` knows every question's, else by question.
 */
export function scoreIntervals(scores: ReadonlyArray<Pick<QuestionScore, 'n' | 'hit5' | 'recall10' | 'mrr'>>, letterOf: (n: number) => number | undefined): ScoreIntervals {
  const byLetter = scores.every((q) => letterOf(q.n) !== undefined);
  const groupsOf = (key: 'hit5' | 'recall10' | 'mrr'): number[][] => {
    if (!byLetter) return scores.map((q) => [q[key]]);
    const groups = new Map<number, number[]>();
    for (const q of scores) {
      const letter = letterOf(q.n)!;
      (groups.get(letter) ?? groups.set(letter, []).get(letter)!).push(q[key]);
    }
    return [...groups.values()];
  };
  const hit5 = groupsOf('hit5');
  return {
    hit5: bootstrapInterval(hit5),
    recall10: bootstrapInterval(groupsOf('recall10')),
    mrr: bootstrapInterval(groupsOf('mrr')),
    over: byLetter ? 'letters' : 'questions',
    groups: hit5.length,
  };
}
