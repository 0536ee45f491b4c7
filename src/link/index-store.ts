/**
 * The index behind one small interface, so that a backend (the in-memory store persisted in
 * `.answer/`, or PostgreSQL shared by many officers and councils) can replace another without
 * touching the Dutch analysis or the scoring: analysis happens before `update` (the store receives
 * terms and section keys, never text to analyse) and scoring after `postings` (the store returns
 * raw term frequencies and lengths, never scores).
 *
 * A query reads per-query data only: the posting lists of its terms and the lengths and sections
 * of the passages in them, never an array the size of the corpus, so that a store may hold more
 * passages than one process could. Every method is async because a database backend is;
 * `conformance.ts` is the one test suite that every backend runs.
 */
import type { Passage, Problem } from '../model.js';

/** The fields of a passage that count as evidence, in the order of every per-field array. */
export const FIELDS = ['text', 'heading', 'title'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;

/** A passage after analysis: weighted term frequencies per field, and field lengths in words. */
export interface AnalyzedPassage {
  passage: Passage;
  /**
   * The passage's section (document + heading path; analyze.ts `sectionKey`): passages with equal
   * keys are one section for section-level scoring and for diversification.
   */
  section: string;
  /** term → frequency per field, FIELDS order (weighted: compound parts count half). */
  terms: Map<string, number[]>;
  /** Length of each field in words, FIELDS order. */
  lengths: number[];
}

/**
 * Postings of one term: the passages that hold it, with per-field frequencies.
 *
 * Passage numbers are store-internal, valid until the next `update`, and ordered by insertion: a
 * passage added (or replaced) by a later `update` has a higher number than every passage there
 * before it. Ranking breaks ties by the lower number, so every backend ranks ties alike.
 */
export interface PostingList {
  /** Number of passages holding the term (in the collections searched). */
  df: number;
  /** Passage numbers, strictly ascending (rank.ts finds a passage in a list by binary search). */
  docs: ArrayLike<number>;
  /** Each passage's row in `Postings.matched`, in `docs` order. */
  rows: ArrayLike<number>;
  /** Frequencies, FIELD_COUNT per passage, in `docs` order. */
  tf: ArrayLike<number>;
}

/**
 * The passages that hold at least one of the query's terms, each once, as rows 0 … count − 1 (in
 * no particular order): what scoring needs of them, and no more. Scoring sizes its accumulators by
 * `count`, never by the corpus.
 */
export interface MatchedPassages {
  count: number;
  /** Passage number by row. */
  refs: ArrayLike<number>;
  /** Field lengths in words, FIELD_COUNT per row, FIELDS order. */
  lengths: ArrayLike<number>;
  /** Section row by row: an index into `sectionLengths`. */
  sections: ArrayLike<number>;
  /**
   * By section row: the summed text length (words) of the section's passages, all of them, not
   * only the matched ones: the length of the section read as one document (score.ts).
   */
  sectionLengths: ArrayLike<number>;
}

/** Statistics of the collection(s) a query searches, read in the same snapshot as its postings. */
export interface CorpusStats {
  passages: number;
  /** Average field lengths, FIELDS order. */
  avgLength: number[];
  /** Number of sections that hold a passage, and their average text length. */
  sections: number;
  avgSectionLength: number;
}

/** What scoring reads from the store for one query. */
export interface Postings {
  /** Posting lists by term; terms the index does not hold are left out. */
  lists: Map<string, PostingList>;
  matched: MatchedPassages;
  stats: CorpusStats;
}

/** Document frequencies for query building (IndexStore.frequencies). */
export interface TermFrequencies {
  passages: number;
  df: Map<string, number>;
}

/** A corpus file as the index holds it. */
export interface FileEntry {
  /** Content hash as given by the corpus loader. */
  hash: string;
  /** Ids of the file's passages. */
  ids: string[];
  /**
   * What the corpus loader reported about this content (broken front matter, no title), so a
   * later run that does not parse the file again still reports it. Absent: nothing.
   */
  problems?: Problem[];
}

export interface IndexStats {
  passages: number;
  /** Distinct terms (the in-memory store counts those of removed passages too, until it is read back from disk). */
  terms: number;
  files: number;
  /** Average field lengths, FIELDS order. */
  avgLength: number[];
}

/**
 * A sparse term vector: term numbers (store-internal, comparable only within one store and one
 * query; neither dense nor in any order) and their weights.
 */
export interface TermVector {
  ids: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/** A stored passage with what diversification needs. */
export interface StoredPassage {
  ref: number;
  passage: Passage;
  /** The section key the passage was added with (AnalyzedPassage.section). */
  section: string;
  /**
   * Term frequencies of the passage text (field `text` only), for similarity between results:
   * heading and title terms are shared by whole sections and documents, which the per-section
   * cap handles, and would make every two passages of one document look alike.
   */
  vector: TermVector;
}

export interface IndexStore {
  /**
   * How many analysed passages `syncIndex` hands to one `update` (default 64): a database takes
   * few large updates best, the in-memory store one passage at a time (memory-store.ts says why).
   */
  readonly updateBatch?: number;
  /** The corpus files the index was built from, to update only what changed. */
  files(): Promise<Map<string, FileEntry>>;
  /**
   * Add (or replace, by id) analysed passages and drop the ones with `removedIds`; record the
   * given file entries (null: the file is gone). One update is applied whole or not at all: a
   * query running at the same time sees the index before it or after it.
   */
  update(docs: readonly AnalyzedPassage[], removedIds: readonly string[], files?: ReadonlyMap<string, FileEntry | null>): Promise<void>;
  /** Postings of the terms the index holds, the matched passages' lengths, and the statistics. */
  postings(terms: readonly string[]): Promise<Postings>;
  /**
   * How many passages hold each term (terms the index does not hold are left out) and how many
   * passages there are, in one snapshot: what query building weighs words by, without the postings.
   */
  frequencies(terms: readonly string[]): Promise<TermFrequencies>;
  /**
   * The passages behind passage numbers a `postings` call returned, in the order asked; numbers
   * of passages removed since are left out or still answered, whichever the backend can.
   */
  passages(refs: readonly number[]): Promise<StoredPassage[]>;
  stats(): Promise<IndexStats>;
  /** Release what the store holds (a database's connections); the store is not used after. */
  close(): Promise<void>;
}
