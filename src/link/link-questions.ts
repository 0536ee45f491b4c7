/**
 * Linking a question document, and searching free words: build the query (with the document as
 * context), rank, return data.
 */
import { InputError } from '../errors.js';
import type { QuestionDocument } from '../model.js';
import type { IndexStore } from './index-store.js';
import { buildQuery, type QueryTerm } from './query.js';
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

export type LinkOptions = Omit<RankOptions, 'excludeAnswersTo'>;

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
    const built = buildQuery(q.text, { previous, previousBorrowed: previousTerms, subject, preamble: doc.preamble, exclude });
    const passages = await rank(store, built.terms, { ...options, excludeAnswersTo: doc.id });
    questions.push({ number: q.number, text: q.text, borrowed: built.borrowed, passages });
    previous = q.text;
    previousTerms = built.terms;
  }
  return { id: doc.id, questions };
}

/** The query terms of free words; throws InputError when there are none (only stopwords or punctuation). */
export function searchTerms(words: string): QueryTerm[] {
  const built = buildQuery(words);
  if (built.terms.length === 0) {
    throw new InputError(`nothing to search for in "${words.trim().slice(0, 60)}": only stopwords or punctuation`);
  }
  return built.terms;
}

/** Rank passages for free words, as `answer search` does. Throws InputError for a query without words. */
export async function searchIndex(store: IndexStore, words: string, options: RankOptions = {}): Promise<LinkedPassage[]> {
  return rank(store, searchTerms(words), options);
}
