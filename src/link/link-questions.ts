/**
 * Linking a question document, and searching free words: build the query (with the document as
 * context), rank, return data.
 */
import { InputError } from '../errors.js';
import type { QuestionDocument } from '../model.js';
import type { IndexStore } from './index-store.js';
import { buildQuery, type BuiltQuery, type QueryOptions, type QueryTerm, type QuestionContext } from './query.js';
import { questionParts } from './question-parts.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';
import { rank, type LinkedPassage, type RankOptions } from './rank.js';

/** The links of one question. */
export interface QuestionLinks {
  number: number;
  text: string;
  /** Whether the question leaned on the one before and borrowed its words. */
  borrowed: boolean;
  passages: LinkedPassage[];
}

/** `answer link --json`: the links of every question of a document. */
export interface LinkResult {
  id: string | null;
  questions: QuestionLinks[];
}

export interface LinkOptions extends Omit<RankOptions, 'excludeAnswersTo'> {
  /** How the query is built (for ablations; the defaults are what `answer link` does). */
  query?: QueryOptions;
  /**
   * Search each part of a question that asks several things as well (question-parts.ts), and see
   * that each part's best passage is in the list; default true.
   */
  parts?: boolean;
}

/** Content weight a part needs to be searched on its own: two words the corpus holds. */
const PART_MIN_OWN = 2;

/**
 * The query for a question, built twice: once to know its terms, then with the corpus's document
 * frequencies of those terms, so that words the corpus does not hold set no budget (query.ts).
 */
export async function buildQueryWithStats(store: IndexStore, question: string, context: QuestionContext): Promise<BuiltQuery> {
  // The first build only gathers the words whose frequencies the second weighs by: the question's,
  // the context's; what the synonyms add needs none (and expanding a long preamble twice per
  // question was a sixth of linking a letter).
  const first = buildQuery(question, { ...context, synonyms: null, preambleSynonyms: 0 });
  const { passages, df } = await store.frequencies(first.terms.map((t) => t.term));
  return buildQuery(question, { ...context, stats: { passages, df: (term) => df.get(term) ?? 0 } });
}

/**
 * Rank passages for one question in its context. Where it asks several things (question-parts.ts),
 * each part is searched as well, and a part whose best two passages are not in the whole
 * question's list gets its best passage in, above the list's tail: the passage for the second
 * thing is not pushed out by the passages for the first. (Fusing the lists by reciprocal rank
 * instead cost the written sets MRR 0.557 → 0.544 and changed nothing on the real questions:
 * test/gold/README.md.)
 */
export async function linkQuestion(
  store: IndexStore,
  question: string,
  context: QuestionContext,
  options: LinkOptions & { excludeAnswersTo?: string | null } = {},
): Promise<{ built: BuiltQuery; passages: LinkedPassage[] }> {
  const { query: _query, parts: searchParts, ...rankOptions } = options;
  const built = await buildQueryWithStats(store, question, { ...context, ...options.query });
  const passages = await rank(store, built.terms, rankOptions);
  const parts = searchParts === false ? [] : questionParts(question);
  if (parts.length < 2) return { built, passages };
  const partQueries: BuiltQuery[] = [];
  for (const [i, part] of parts.entries()) {
    // A part that points back ("en hoeveel rek zit daar nog in?") leans on the part before it, as a
    // question on the one before.
    const q = await buildQueryWithStats(store, part, { ...context, ...options.query, ...(i > 0 ? { previous: parts[i - 1]!, previousBorrowed: [] } : {}) });
    if (q.own >= PART_MIN_OWN) partQueries.push(q);
  }
  if (partQueries.length < 2) return { built, passages };
  const top = rankOptions.top ?? 5;
  for (const [i, q] of partQueries.entries()) {
    const best = await rank(store, q.terms, { ...rankOptions, top: 2 });
    if (best.length === 0 || best.some((p) => passages.some((o) => o.id === p.id))) continue;
    passages.splice(Math.max(0, top - partQueries.length + i), 0, best[0]!);
    passages.length = Math.min(passages.length, top);
  }
  return { built, passages };
}

/** Link every question of a question document to the passages that may answer it. */
export async function linkQuestionDocument(store: IndexStore, doc: QuestionDocument, options: LinkOptions = {}): Promise<LinkResult> {
  const subject = [doc.subject, doc.title].filter((s): s is string => Boolean(s)).join('\n');
  // The asking party and members never name a policy topic; the municipality is in every passage
  // of its own corpus ("Zwolle" is in 179 of the 1,146 paragraphs of the policy seeds) and says
  // nothing about which one answers.
  const exclude = [doc.party, ...doc.parties, ...doc.members, doc.municipality].filter((s): s is string => Boolean(s));
  const questions: QuestionLinks[] = [];
  let previous: string | null = null;
  let previousTerms: QueryTerm[] = [];
  for (const q of doc.questions) {
    // The letter's text right before a question (Question.context) is preamble for that question:
    // it says what the question is about, as the preamble does for the letter; so is the letter's
    // afterword ("Toelichting: ..." after the questions) for every question. (No letter of the real
    // set has either, so no figure measures them.)
    const preamble = [doc.preamble, doc.afterword, q.context].filter((s): s is string => Boolean(s)).join('\n\n');
    const { built, passages } = await linkQuestion(store, q.text, { previous, previousBorrowed: previousTerms, subject, preamble, exclude }, { ...options, excludeAnswersTo: doc.id });
    questions.push({ number: q.number, text: q.text, borrowed: built.borrowed, passages });
    previous = q.text;
    previousTerms = built.terms;
  }
  return { id: doc.id, questions };
}

/**
 * Refuse free words that hold nothing to search for (only stopwords or punctuation) with the same
 * InputError as searchTerms, without analysing them: a search checks this before it reads the
 * corpus, and analysis needs the word list.
 */
export function refuseEmptySearch(words: string): void {
  if (tokenize(words).some((t) => t.kind !== 'joined' && !isStopword(t.norm) && !/^\d$/.test(t.norm))) return;
  throw nothingToSearch(words);
}

function nothingToSearch(words: string): InputError {
  return new InputError(`nothing to search for in "${words.trim().slice(0, 60)}": only stopwords or punctuation`);
}

/**
 * The query terms of free words (with the synonyms, never weighing down names: a place typed into
 * a search is meant); throws InputError when there are none (only stopwords or punctuation).
 */
export function searchTerms(words: string, options: QueryOptions = {}): QueryTerm[] {
  const built = buildQuery(words, { names: false, ...options });
  if (built.terms.length === 0) throw nothingToSearch(words);
  return built.terms;
}

/** Rank passages for free words, as `answer search` does. Throws InputError for a query without words. */
export async function searchIndex(store: IndexStore, words: string, options: RankOptions & { query?: QueryOptions } = {}): Promise<LinkedPassage[]> {
  const { query, ...rankOptions } = options;
  return rank(store, searchTerms(words, query), rankOptions);
}
