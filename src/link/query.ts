/**
 * Building the query for one question, with the question document as context:
 * - the question's own words count fully; framing words ("het college", "bereid"), the frame of
 *   a council question and the words a follow-up sentence adds ("Zo ja: wat is de planning?")
 *   little; names of other places and of newspapers little (place-names.ts); the names of the
 *   asking party and members not at all (they never name a policy topic);
 * - the synonym list adds what the policy calls the question's words (synonyms.ts), at half weight;
 * - a question that leans on the one before ("Welke pogingen onderneemt het college om hier bij
 *   het Rijk op aan te dringen?") borrows that question's words at half weight;
 * - the letter's subject weighs in with a fixed share of the question's own weight spread over its
 *   words, and the preamble, where real letters put the topic, with half of it, sentence by
 *   sentence (addPreamble), and with more than the question's own weight where none of the
 *   question's words is rare in the corpus (PreambleSettings.generic). The question's own weight
 *   counts only words the corpus holds, when the corpus statistics are given
 *   (buildQueryWithStats, link-questions.ts).
 */
import { splitSentences } from '../text/sentences.js';
import { analyzeText, type TermOccurrence } from './analyze.js';
import { placeNameTokens } from './place-names.js';
import { isFollowUpSentence } from './question-parts.js';
import { defaultSynonyms, expandSynonyms, type SynonymSet } from './synonyms.js';
import { frameTokens } from './question-frame.js';
import { FRAMING_DOCUMENT_FREQUENCY, FRAMING_LETTER_COUNT } from './framing-words.js';
import { stem } from './stem.js';
import { foldWord, tokenize } from './tokenize.js';

/** Where a query term comes from. */
export type TermSource = 'question' | 'previous' | 'context' | 'synonym' | 'feedback';

/** One term of a query with its weight and the words (as written) it came from. */
export interface QueryTerm {
  term: string;
  weight: number;
  raws: string[];
  source: TermSource;
  /** For a term the synonyms added: the phrase of the synonym list it comes from ("verward gedrag"). */
  via?: string[];
  /**
   * For a term the synonyms added: the question's words it stands for (`trigger`, also the group's
   * key) and the phrase it is part of (`option`). The trigger and each of its phrases are
   * alternatives: a passage counts the best of them, never their sum (score.ts).
   */
  synonym?: { group: string; trigger: string[]; option: string };
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
/** Weight of a place's or news medium's name (place-names.ts): never what the answer is about. */
export const NAME_WEIGHT = 0.2;
/** A place name in at least this share of the corpus's passages is the corpus's own place. */
export const HOME_SHARE = 0.1;
/** Weight of a term synonyms add, relative to the words that fired the rule (synonyms.ts). */
export const SYNONYM_WEIGHT = 0.5;
/**
 * The synonyms of the preamble's words, relative to the weight of the preamble word that fires
 * them (× SYNONYM_WEIGHT, as for the question's words): the preamble's words meet the policy's
 * words as the question's do. On the real questions MRR 0.445 → 0.461 (half A 0.438 → 0.469, half
 * B unchanged), the written sets level (bench/link.ts, "no preamble synonyms").
 */
export const PREAMBLE_SYNONYMS = 1;
/**
 * Weight of the synonyms of a question word the corpus does not hold ("Knarrenhof", "voedselbank"):
 * a whole word's, as a search engine's synonym query weighs every alternative alike. The half
 * weight of SYNONYM_WEIGHT is there so that a passage with the question's own word comes first;
 * where the corpus has no such passage that preference has nothing to choose between. On the real
 * questions: MRR 0.383 → 0.409, better on both halves, no figure lower (bench/link.ts).
 */
export const UNKNOWN_SYNONYM_WEIGHT = 1;
/** Weight of the words of a question's follow-up sentences ("Zo ja, ..."), where the question does not use them before. */
export const FOLLOW_UP_WEIGHT = FRAMING_WEIGHT;
/** Weight of a borrowed term of the question before, when this one leans on it. */
export const PREVIOUS_WEIGHT = 0.5;
/** Share of the question's own weight that the subject (and title) gets, spread over its words. */
export const SUBJECT_SHARE = 0.3;
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

/** How a query is built: the defaults are what `answer link` does; the bench switches parts off. */
export interface QueryOptions {
  /** Framing terms (stems) to weigh down; default framingTerms(). For ablations. */
  framing?: ReadonlySet<string>;
  /** Weigh down the words of the question's frame (question-frame.ts); default true. For ablations. */
  frames?: boolean;
  /** How the preamble weighs in (default DEFAULT_PREAMBLE); for ablations. */
  preambleSettings?: Partial<PreambleSettings>;
  /** Synonyms applied to the question (default: the shipped list, synonyms-nl.ts); null for none. */
  synonyms?: SynonymSet | null;
  /** Weight of a synonym's terms relative to the words that fired it (default SYNONYM_WEIGHT). */
  synonymWeight?: number;
  /** Weigh down names of places and media (default true). */
  names?: boolean;
  /** Weight of the words of follow-up sentences (default FOLLOW_UP_WEIGHT); 1 for none. */
  followUpWeight?: number;
  /**
   * Synonyms of the preamble's words, at this share of what a preamble word weighs (default
   * PREAMBLE_SYNONYMS); 0 for none.
   */
  preambleSynonyms?: number;
  /** Weight of the synonyms of a word the corpus does not hold (default UNKNOWN_SYNONYM_WEIGHT). */
  unknownSynonymWeight?: number;
}

/** Document frequencies of the corpus: which of the question's words it holds, and which place is its own. */
export interface TermStats {
  passages: number;
  /** Passages holding the term (0: the corpus does not hold it). */
  df(term: string): number;
}

/** How the preamble weighs in (addPreamble). */
export interface PreambleSettings {
  /** Share of the question's own weight the preamble gets. */
  share: number;
  /** No preamble term weighs more than this. */
  cap: number;
  /**
   * How much more a sentence counts per term it shares with the question; null: the whole
   * preamble as one text, spread by frequency (the earlier way, for the ablation).
   */
  focus: number | null;
  /**
   * Leave out of the preamble's budget the words the corpus does not hold ("gerept", the name of a
   * region): they find nothing, and with them in, the words that do find something get less.
   * Needs the corpus statistics (buildQueryWithStats).
   */
  corpusOnly?: boolean;
  /**
   * The share for a question that points back into the preamble ("deze inwoners", "hierover"
   * with no question before it): its topic is there (leansOn); undefined: `share`.
   */
  leaningShare?: number;
  /**
   * A question none of whose own words is rare in the corpus ("Welke middelen zijn er voor deze
   * inwoners beschikbaar om erger te voorkomen?") says little that the corpus does not say
   * everywhere: its topic is in the preamble, which then gets this share and cap instead. Rare: in
   * at most `rare` of the passages. Needs the corpus statistics (buildQueryWithStats); null: none.
   */
  generic?: { share: number; cap: number; rare: number } | null;
}

/**
 * Half the question's own weight, no term above half a word, a sentence once more per shared
 * term. On the real council questions (bench/link.ts, test/gold/README.md) the preamble is where
 * the topic is: without it hit@5 0.61 → 0.52; a share of 0.3 (the earlier default) gave 0.52, 1
 * gave 0.58, 0.5 0.61 on both halves alike.
 *
 * A generic question (no word of its own in at most 1.5% of the passages: 8 of the 586 of the
 * shipped corpus) takes the preamble at 1.5 times its own weight, no term above a word of its own.
 * Chosen on half A of the real questions (hit@5 / recall@10 / MRR 0.688 / 0.604 / 0.438 → 0.813 /
 * 0.667 / 0.544; a share of 1, rarity 2% lower on all three, rarity 1% on recall@10, a share of 2
 * on MRR) and confirmed on half B (0.533 / 0.556 / 0.441 → 0.600 / 0.556 / 0.444); the written
 * sets level (MRR 0.556 → 0.555). For the other questions 0.5 stays best (0.3, 0.4 and 0.75
 * lower on A): bench/link.ts, test/gold/README.md.
 */
export const DEFAULT_PREAMBLE: PreambleSettings = { share: 0.5, cap: 0.5, focus: 1, corpusOnly: true, generic: { share: 1.5, cap: 1, rare: 0.015 } };

/** The context a question is asked in. */
export interface QuestionContext extends QueryOptions {
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
  /** Corpus statistics: with them the preamble's budget goes to terms the corpus holds, by rarity. */
  stats?: TermStats;
}

/** A weighted query, and whether the question leaned on the one before. */
export interface BuiltQuery {
  terms: QueryTerm[];
  borrowed: boolean;
  /** The question's own weight: its words the corpus holds (all its words without statistics). */
  own: number;
}

/** The first sentence of a question: the part that must make sense on its own. */
function firstSentence(text: string): string {
  const end = text.search(/[?!.](\s|$)/);
  return end >= 0 ? text.slice(0, end + 1) : text;
}

/** Whether a question points back at the one before it. */
export function leansOnPrevious(question: string, previous: string | null | undefined, framing: ReadonlySet<string> = FRAMING_TERMS): boolean {
  if (!previous) return false;
  return leansOn(question, previous, framing);
}

/**
 * Whether a question points back at `before` (the question before it, or the letter's preamble):
 * an anaphor, a demonstrative before a word of `before` ("deze inwoners"), or too few words of its own.
 */
function leansOn(question: string, before: string, framing: ReadonlySet<string>): boolean {
  const tokens = tokenize(firstSentence(question));
  if (tokens.some((t) => ANAPHORS.has(t.norm))) return true;
  const terms = new Set(analysed(before).terms.map((t) => t.term));
  for (let i = 0; i < tokens.length; i++) {
    if (!DEMONSTRATIVES.has(tokens[i]!.norm)) continue;
    for (const next of tokens.slice(i + 1, i + 3)) {
      if (terms.has(stem(next.norm))) return true;
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
    delete have.via;
  }
}

/** One analysed occurrence with its query weight (framing, frame and names applied). */
interface Occurrence {
  term: string;
  weight: number;
  raw: string;
  /** A whole word, not a compound part or a joined form. */
  whole: boolean;
}

interface WeighOptions {
  exclude: Set<string>;
  framing: ReadonlySet<string>;
  /** Weigh down the question's frame (question-frame.ts). */
  asked: boolean;
  /** Weigh down names of places and media (place-names.ts). */
  names: boolean;
  /** Whether a name's term is the corpus's own place (never weighed down). */
  home?: (term: string) => boolean;
}

/**
 * The analysed occurrences of a text with their weights: framing words down, excluded words out,
 * names of places and media down (NAME_WEIGHT). For a question (`asked`), the words of its frame
 * (question-frame.ts) weigh as framing words too.
 */
function occurrences(text: string, options: WeighOptions): Occurrence[] {
  const { terms, frame, places } = analysed(text);
  const out: Occurrence[] = [];
  for (const t of terms) {
    if (options.exclude.has(foldWord(t.raw)) || options.exclude.has(t.term)) continue;
    let w = options.framing.has(t.term) || (options.asked && frame.has(t.token)) ? t.weight * FRAMING_WEIGHT : t.weight;
    if (options.names && places.has(t.token) && !options.home?.(t.term)) w *= NAME_WEIGHT;
    out.push({ term: t.term, weight: w, raw: t.raw, whole: t.weight === 1 });
  }
  return out;
}

/**
 * A text's analysis, its question frame and its names, cached by text: a letter's preamble is
 * weighed for each of its questions, twice (buildQueryWithStats), and its parts again; analysing
 * it anew each time was most of linking a letter of eleven questions.
 */
function analysed(text: string): { terms: TermOccurrence[]; frame: Set<number>; places: Set<number> } {
  let hit = analysisCache.get(text);
  if (!hit) {
    const tokens = tokenize(text);
    hit = { terms: analyzeText(text, tokens).terms, frame: frameTokens(tokens), places: placeNameTokens(tokens) };
    if (analysisCache.size >= ANALYSIS_CACHE_LIMIT) analysisCache.clear();
    analysisCache.set(text, hit);
  }
  return hit;
}

const analysisCache = new Map<string, { terms: TermOccurrence[]; frame: Set<number>; places: Set<number> }>();
const ANALYSIS_CACHE_LIMIT = 2000;

/** The sentences of a preamble, cached by text as its analysis is: it is weighed for every question of its letter. */
function sentencesOf(text: string): string[] {
  let hit = sentenceCache.get(text);
  if (!hit) {
    hit = splitSentences(text);
    if (sentenceCache.size >= ANALYSIS_CACHE_LIMIT) sentenceCache.clear();
    sentenceCache.set(text, hit);
  }
  return hit;
}

const sentenceCache = new Map<string, string[]>();

/** The occurrences of a question, the words of its follow-up sentences weighed by `followUp`. */
function questionOccurrences(question: string, options: WeighOptions, followUp: number): Occurrence[] {
  const sentences = splitSentences(question);
  if (sentences.length < 2 || followUp === 1) return occurrences(question, options);
  const main: string[] = [];
  const after: string[] = [];
  sentences.forEach((sentence, i) => (i > 0 && isFollowUpSentence(sentence) ? after : main).push(sentence));
  if (after.length === 0) return occurrences(question, options);
  const first = occurrences(main.join(' '), options);
  const inMain = new Set(first.map((o) => o.term));
  const rest = occurrences(after.join(' '), options).map((o) => (inMain.has(o.term) ? o : { ...o, weight: o.weight * followUp }));
  return [...first, ...rest];
}

/** Occurrences summed per term. */
function perTerm(list: readonly Occurrence[]): Map<string, { weight: number; raws: string[] }> {
  const out = new Map<string, { weight: number; raws: string[] }>();
  for (const o of list) {
    const have = out.get(o.term);
    if (have) {
      have.weight += o.weight;
      if (!have.raws.includes(o.raw)) have.raws.push(o.raw);
    } else out.set(o.term, { weight: o.weight, raws: [o.raw] });
  }
  return out;
}

/** Terms of a text with their summed weights (see occurrences). */
function weighted(text: string, exclude: Set<string>, framing: ReadonlySet<string>, asked: boolean, names = true): Map<string, { weight: number; raws: string[] }> {
  return perTerm(occurrences(text, { exclude, framing, asked, names }));
}

/** Spread `budget` over a context text's terms by frequency, each capped. */
function addContext(into: Map<string, QueryTerm>, text: string, budget: number, exclude: Set<string>, framing: ReadonlySet<string>, cap = CONTEXT_TERM_CAP): void {
  const terms = weighted(text, exclude, framing, false);
  let mass = 0;
  for (const { weight } of terms.values()) mass += weight;
  if (mass === 0) return;
  for (const [term, { weight, raws }] of terms) {
    if (into.has(term) && into.get(term)!.source !== 'context') continue;
    const w = Math.min(cap, (budget * weight) / mass);
    for (const raw of raws) add(into, term, w, raw, 'context');
  }
}

/**
 * The preamble as real letters use it: it says what the questions are about. Its terms share a
 * budget of `share` × the question's own weight, spread by frequency, each capped; a sentence
 * counts once more for every term it shares with the question (`focus`), so the sentence a
 * question picks up ("deze inwoners" → "steeds meer inwoners komen in de financiële problemen")
 * outweighs the one about the newspaper it quotes.
 */
function addPreamble(into: Map<string, QueryTerm>, text: string, own: number, asked: ReadonlySet<string>, settings: PreambleSettings, options: WeighOptions, known: (term: string) => boolean): void {
  const mass = new Map<string, { weight: number; raws: string[] }>();
  for (const sentence of sentencesOf(text)) {
    const all = occurrences(sentence, options);
    const list = settings.corpusOnly ? all.filter((o) => known(o.term)) : all;
    const shared = new Set(list.filter((o) => o.weight > 0 && asked.has(o.term)).map((o) => o.term)).size;
    const relevance = 1 + (settings.focus ?? 0) * shared;
    for (const [term, { weight, raws }] of perTerm(list)) {
      const have = mass.get(term);
      if (have) {
        have.weight += relevance * weight;
        for (const raw of raws) if (!have.raws.includes(raw)) have.raws.push(raw);
      } else mass.set(term, { weight: relevance * weight, raws: [...raws] });
    }
  }
  let total = 0;
  for (const { weight } of mass.values()) total += weight;
  if (total === 0) return;
  const budget = own * settings.share;
  for (const [term, { weight, raws }] of mass) {
    if (into.has(term) && into.get(term)!.source !== 'context') continue;
    const w = Math.min(settings.cap, (budget * weight) / total);
    for (const raw of raws) add(into, term, w, raw, 'context');
  }
}

/**
 * The synonyms of the preamble's words: the phrases of the list that fire on its sentences, each
 * term at the weight its trigger has in the query (as a context term) × `share`. A letter that
 * says its topic only in the preamble ("steeds meer inwoners komen in de financiële problemen ...
 * Welke middelen zijn er voor deze inwoners?") then also finds the policy's words for it.
 */
function preambleAlternatives(text: string, terms: ReadonlyMap<string, QueryTerm>, synonyms: SynonymSet, share: number, options: WeighOptions): QueryTerm[] {
  const out: QueryTerm[] = [];
  const weightOf = (term: string) => {
    const t = terms.get(term);
    return t && t.source === 'context' ? t.weight : 0;
  };
  for (const sentence of sentencesOf(text)) {
    const list = occurrences(sentence, options).map((o) => ({ term: o.term, weight: weightOf(o.term), raw: o.raw, whole: o.whole }));
    const words = list.filter((o) => o.whole && o.weight > 0);
    const parts = list.filter((o) => !o.whole && o.weight > 0);
    for (const firing of expandSynonyms(synonyms, words, parts, sentence)) {
      const group = `preamble ${firing.trigger.join(' ')}`;
      for (const alt of firing.alternatives) {
        for (const t of alt.terms) {
          const w = firing.weight * t.weight * share;
          out.push({ term: t.term, weight: w, raws: firing.raws, source: 'synonym', via: [alt.via], synonym: { group, trigger: firing.trigger, option: alt.via } });
        }
      }
    }
  }
  return out;
}

/** The weighted query for a question (or free words) in its context. */
export function buildQuery(question: string, context: QuestionContext = {}): BuiltQuery {
  const exclude = new Set([...(context.exclude ?? [])].flatMap((name) => tokenize(name).map((t) => t.norm)));
  const framing = context.framing ?? FRAMING_TERMS;
  const names = context.names !== false;
  const stats = context.stats;
  const known = (term: string) => !stats || stats.df(term) > 0;
  // The corpus's own municipality is in a good share of its passages ("Zwolle" in 227 of the 586 of
  // the seed corpus; another place rarely: Utrecht in 2, Overijssel 6, Nederland 22): its name
  // in a question is where, not what, but it is no other place to weigh down.
  const home = stats ? (term: string) => stats.df(term) >= HOME_SHARE * stats.passages : undefined;
  const terms = new Map<string, QueryTerm>();
  let own = 0;
  const frames = context.frames !== false;
  const synonyms = context.synonyms === undefined ? defaultSynonyms() : context.synonyms;
  const asked = questionOccurrences(question, { exclude, framing, asked: frames, names, home }, context.followUpWeight ?? FOLLOW_UP_WEIGHT);
  for (const [term, { weight, raws }] of perTerm(asked)) {
    // A word repeated in one question is still one topic: its weight is that of one occurrence.
    const w = Math.min(weight, 1);
    // Words the corpus does not hold ("Knarrenhof", a newspaper's name) find nothing and set no budget.
    if (known(term)) own += w;
    for (const raw of raws) add(terms, term, w, raw, 'question');
  }
  const alternatives: QueryTerm[] = [];
  if (synonyms) {
    const weight = context.synonymWeight ?? SYNONYM_WEIGHT;
    const words = asked.filter((o) => o.whole && o.weight > 0);
    const parts = asked.filter((o) => !o.whole && o.weight > 0);
    for (const firing of expandSynonyms(synonyms, words, parts, question)) {
      const group = firing.trigger.join(' ');
      for (const alt of firing.alternatives) {
        for (const t of alt.terms) {
          // A trigger the corpus does not hold ("Knarrenhof") finds nothing itself: its synonyms are all the evidence.
          const unknown = stats !== undefined && firing.trigger.every((term) => stats.df(term) === 0);
          const w = Math.min(firing.weight, 1) * t.weight * (unknown ? (context.unknownSynonymWeight ?? UNKNOWN_SYNONYM_WEIGHT) : weight);
          alternatives.push({ term: t.term, weight: w, raws: firing.raws, source: 'synonym', via: [alt.via], synonym: { group, trigger: firing.trigger, option: alt.via } });
        }
      }
    }
  }
  const borrowed = leansOnPrevious(question, context.previous, framing);
  if (borrowed && context.previous) {
    for (const [term, { weight, raws }] of weighted(context.previous, exclude, framing, frames, names)) {
      for (const raw of raws) add(terms, term, Math.min(weight, 1) * PREVIOUS_WEIGHT, raw, 'previous');
    }
    for (const t of context.previousBorrowed ?? []) {
      if (t.source === 'context') continue;
      for (const raw of t.raws) add(terms, t.term, t.weight * PREVIOUS_WEIGHT, raw, 'previous');
    }
  }
  const base = Math.max(own, 1);
  if (context.subject) addContext(terms, subjectText(context.subject), SUBJECT_SHARE * base, exclude, framing);
  if (context.preamble) {
    const settings = { ...DEFAULT_PREAMBLE, ...context.preambleSettings };
    if (settings.leaningShare !== undefined && !borrowed && leansOn(question, context.preamble, framing)) {
      settings.share = settings.leaningShare;
      settings.cap = Math.max(settings.cap, settings.leaningShare);
    } else if (settings.generic && stats) {
      const { share, cap, rare } = settings.generic;
      const specific = asked.some((o) => o.whole && o.weight >= 1 && known(o.term) && stats.df(o.term) <= rare * stats.passages);
      if (!specific) Object.assign(settings, { share, cap });
    }
    if (settings.focus === null) {
      addContext(terms, context.preamble, settings.share * base, exclude, framing, settings.cap);
    } else {
      const content = new Set(asked.filter((o) => o.weight >= 1 && known(o.term)).map((o) => o.term));
      addPreamble(terms, context.preamble, base, content, settings, { exclude, framing, asked: false, names, home }, known);
    }
    const share = context.preambleSynonyms ?? PREAMBLE_SYNONYMS;
    if (synonyms && share > 0) {
      alternatives.push(...preambleAlternatives(context.preamble, terms, synonyms, share * (context.synonymWeight ?? SYNONYM_WEIGHT), { exclude, framing, asked: false, names, home }));
    }
  }
  // One alternative per term (its heaviest): a word that is in two phrases of a group is one word.
  const byTerm = new Map<string, QueryTerm>();
  for (const t of alternatives) {
    if (terms.has(t.term) || t.weight <= 0) continue;
    const have = byTerm.get(t.term);
    if (!have || t.weight > have.weight) byTerm.set(t.term, t);
  }
  return { terms: [...[...terms.values()].filter((t) => t.weight > 0), ...byTerm.values()], borrowed, own };
}
