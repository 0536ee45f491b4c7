/**
 * Building the query for one question, with the question document as context:
 * - the question's own words count fully, framing words ("het college", "bereid") little, and
 *   the names of the asking party and members not at all (they never name a policy topic);
 * - a question that leans on the one before ("Welke pogingen onderneemt het college om hier bij
 *   het Rijk op aan te dringen?") borrows that question's words at half weight;
 * - the letter's subject and preamble weigh in, each with a fixed share of the question's own
 *   weight spread over their words by frequency, so a long preamble sets the topic without
 *   drowning the question.
 */
import { analyzeText } from './analyze.js';
import { frameTokens } from './question-frame.js';
import { FRAMING_DOCUMENT_FREQUENCY, FRAMING_LETTER_COUNT } from './framing-words.js';
import { stem } from './stem.js';
import { foldWord, tokenize } from './tokenize.js';

/** Where a query term comes from. */
export type TermSource = 'question' | 'previous' | 'context';

/** One term of a query with its weight and the words (as written) it came from. */
export interface QueryTerm {
  term: string;
  weight: number;
  raws: string[];
  source: TermSource;
}

/**
 * Weight of a framing word of council questions (see framingTerms): kept above zero
 * because "gemeente" or "college" can be the topic, as in "de rol van het college".
 */
export const FRAMING_WEIGHT = 0.2;
/**
 * A term is a framing word when it occurs in the questions of at least this share of the
 * development letters (framing-words.ts, measured). The principle: twice the share of the largest
 * group of letters on one subject (housing and dog nuisance, 4 of 39 letters each, ≈ 10%), so no
 * term gets there through its subject alone even if those groups were undercounted by half. At
 * 20% that is 8 of the 39 letters: college, bereid, plan, aangeven, gemeente, mogelijk(heden).
 * bench/link.ts: 15% (6 letters) measured the same on all three gold sets; 12.8% (5, which takes
 * in "zorg" from "zorgen dat") cost hit@1 on policy-questions before the recency prior, and no
 * framing words at all cost d66-memo hit@5 0.44 → 0.33 and policy-questions hit@1 0.43 → 0.40.
 */
export const FRAMING_MIN_SHARE = 0.2;

/** The framing terms (stems): those in the questions of at least `minShare` of the letters. */
export function framingTerms(minShare: number = FRAMING_MIN_SHARE): Set<string> {
  const out = new Set<string>();
  for (const [term, n] of FRAMING_DOCUMENT_FREQUENCY) if (n >= minShare * FRAMING_LETTER_COUNT) out.add(term);
  return out;
}
/** Weight of a borrowed term of the question before, when this one leans on it. */
export const PREVIOUS_WEIGHT = 0.5;
/** Share of the question's own weight that the subject (and title) gets, spread over its words. */
export const SUBJECT_SHARE = 0.3;
/** Share of the question's own weight that the preamble gets, spread over its words. */
export const PREAMBLE_SHARE = 0.3;
/** No context term weighs more than this (a subject of one word would otherwise get 0.3 × all). */
export const CONTEXT_TERM_CAP = 0.3;
/**
 * A question with at most this many content words cannot stand alone: "Zo ja, hoe?" (none),
 * "Wat kost dat?" (one). Two already can: "Wat verstaat het college onder bestaanszekerheid?".
 */
export const SHORT_QUESTION = 1;

/**
 * Pronominal adverbs that point back ("hier bij het Rijk op aandringen", "wat is daarbij ...").
 * Demonstratives (dit, deze, die) count only when the noun after them is in the question before
 * ("deze maatregelen"): alone they also start ordinary phrases ("op dit moment").
 */
const ANAPHORS = new Set([
  'hier', 'hierbij', 'hierover', 'hieraan', 'hiervoor', 'hierop', 'hiermee', 'hierin', 'hiervan', 'hierdoor', 'hiertoe',
  'daarbij', 'daarover', 'daaraan', 'daarvoor', 'daarop', 'daarmee', 'daarin', 'daarvan', 'daardoor', 'daartoe',
  'bovengenoemde', 'voornoemde', 'genoemde', 'eerdergenoemde',
]);
const FRAMING_TERMS = framingTerms();

const DEMONSTRATIVES = new Set(['dit', 'deze', 'die', 'dat', 'diens', 'dergelijke', 'zo\'n']);

/**
 * Words that name the kind of letter, not its topic, in a subject or title: "Vragen ex. artikel
 * 45 regionale zorg en veiligheid", "Schriftelijke vragen over ...". Numbers go too ("45").
 */
const LETTER_WORDS = new Set(['vraag', 'vragen', 'schriftelijke', 'raadsvragen', 'artikel', 'art', 'ex', 'rvo', 'reglement', 'orde', 'vervolgvragen', 'over', 'inzake', 'betreffende']);

function subjectText(subject: string): string {
  return tokenize(subject)
    .filter((t) => t.kind !== 'joined' && !LETTER_WORDS.has(t.norm) && !/^\d+[a-z]?$/.test(t.norm))
    .map((t) => t.raw)
    .join(' ');
}

/** The context a question is asked in. */
export interface QuestionContext {
  /** The question before this one (its text), if any. */
  previous?: string | null;
  /** Terms the previous question itself borrowed, carried on at PREVIOUS_WEIGHT again. */
  previousBorrowed?: QueryTerm[];
  /** The letter's subject and title. */
  subject?: string | null;
  /** The letter's preamble, or any text before the question. */
  preamble?: string | null;
  /** Words never to use as terms: the asking party and its members ("D66"). */
  exclude?: Iterable<string>;
  /** Framing terms (stems) to weigh down; default framingTerms(). For ablations. */
  framing?: ReadonlySet<string>;
  /** Weigh down the words of the question's frame (question-frame.ts); default true. For ablations. */
  frames?: boolean;
}

/** A weighted query, and whether the question leaned on the one before. */
export interface BuiltQuery {
  terms: QueryTerm[];
  borrowed: boolean;
}

/** The first sentence of a question: the part that must make sense on its own. */
function firstSentence(text: string): string {
  const end = text.search(/[?!.](\s|$)/);
  return end >= 0 ? text.slice(0, end + 1) : text;
}

/** Whether a question points back at the one before it. */
export function leansOnPrevious(question: string, previous: string | null | undefined, framing: ReadonlySet<string> = FRAMING_TERMS): boolean {
  if (!previous) return false;
  const tokens = tokenize(firstSentence(question));
  if (tokens.some((t) => ANAPHORS.has(t.norm))) return true;
  const before = new Set(analyzeText(previous).terms.map((t) => t.term));
  for (let i = 0; i < tokens.length; i++) {
    if (!DEMONSTRATIVES.has(tokens[i]!.norm)) continue;
    for (const next of tokens.slice(i + 1, i + 3)) {
      if (before.has(stem(next.norm))) return true;
    }
  }
  return contentWords(question, framing) <= SHORT_QUESTION;
}

function contentWords(text: string, framing: ReadonlySet<string>): number {
  return analyzeText(text).terms.filter((t) => t.weight === 1 && !framing.has(t.term)).length;
}

function add(into: Map<string, QueryTerm>, term: string, weight: number, raw: string, source: TermSource): void {
  const have = into.get(term);
  if (!have) {
    into.set(term, { term, weight, raws: [raw], source });
    return;
  }
  if (!have.raws.includes(raw)) have.raws.push(raw);
  if (weight > have.weight) {
    have.weight = weight;
    have.source = source;
  }
}

/**
 * Terms of a text with their summed weights (framing words down, excluded words out). For a
 * question (`asked`), the words of its frame (question-frame.ts) weigh as framing words too.
 */
function weighted(text: string, exclude: Set<string>, framing: ReadonlySet<string>, asked: boolean): Map<string, { weight: number; raws: string[] }> {
  const out = new Map<string, { weight: number; raws: string[] }>();
  const tokens = tokenize(text);
  const frame = asked ? frameTokens(tokens) : null;
  for (const t of analyzeText(text, tokens).terms) {
    if (exclude.has(foldWord(t.raw)) || exclude.has(t.term)) continue;
    const w = framing.has(t.term) || frame?.has(t.token) ? t.weight * FRAMING_WEIGHT : t.weight;
    const have = out.get(t.term);
    if (have) {
      have.weight += w;
      if (!have.raws.includes(t.raw)) have.raws.push(t.raw);
    } else out.set(t.term, { weight: w, raws: [t.raw] });
  }
  return out;
}

/** Spread `budget` over a context text's terms by frequency, each capped. */
function addContext(into: Map<string, QueryTerm>, text: string, budget: number, exclude: Set<string>, framing: ReadonlySet<string>): void {
  const terms = weighted(text, exclude, framing, false);
  let mass = 0;
  for (const { weight } of terms.values()) mass += weight;
  if (mass === 0) return;
  for (const [term, { weight, raws }] of terms) {
    if (into.has(term) && into.get(term)!.source !== 'context') continue;
    const w = Math.min(CONTEXT_TERM_CAP, (budget * weight) / mass);
    for (const raw of raws) add(into, term, w, raw, 'context');
  }
}

/** The weighted query for a question (or free words) in its context. */
export function buildQuery(question: string, context: QuestionContext = {}): BuiltQuery {
  const exclude = new Set([...(context.exclude ?? [])].flatMap((name) => tokenize(name).map((t) => t.norm)));
  const framing = context.framing ?? FRAMING_TERMS;
  const terms = new Map<string, QueryTerm>();
  let own = 0;
  const frames = context.frames !== false;
  for (const [term, { weight, raws }] of weighted(question, exclude, framing, frames)) {
    // A word repeated in one question is still one topic: its weight is that of one occurrence.
    const w = Math.min(weight, 1);
    own += w;
    for (const raw of raws) add(terms, term, w, raw, 'question');
  }
  const borrowed = leansOnPrevious(question, context.previous, framing);
  if (borrowed && context.previous) {
    for (const [term, { weight, raws }] of weighted(context.previous, exclude, framing, frames)) {
      for (const raw of raws) add(terms, term, Math.min(weight, 1) * PREVIOUS_WEIGHT, raw, 'previous');
    }
    for (const t of context.previousBorrowed ?? []) {
      if (t.source === 'context') continue;
      for (const raw of t.raws) add(terms, t.term, t.weight * PREVIOUS_WEIGHT, raw, 'previous');
    }
  }
  const base = Math.max(own, 1);
  if (context.subject) addContext(terms, subjectText(context.subject), SUBJECT_SHARE * base, exclude, framing);
  if (context.preamble) addContext(terms, context.preamble, PREAMBLE_SHARE * base, exclude, framing);
  return { terms: [...terms.values()].filter((t) => t.weight > 0), borrowed };
}
