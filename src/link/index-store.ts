/**
 * The index behind one small interface, so another backend (PostgreSQL full text, say) can
 * replace the in-memory one without touching the Dutch analysis or the scoring: analysis happens
 * before `update` (the store receives terms, never text to analyse) and scoring after `postings`
 * (the store returns raw term frequencies, never scores).
 *
 * Every method is async because a database backend would be.
 */
import type { Passage, Problem } from '../model.js';

/** The fields of a passage that count as evidence, in the order of every per-field array. */
export const FIELDS = ['text', 'heading', 'title'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;

/** A passage after analysis: weighted term frequencies per field, and field lengths in words. */
export interface AnalyzedPassage {
  passage: Passage;
  /** term → frequency per field, FIELDS order (weighted: compound parts count half). */
  terms: Map<string, number[]>;
  /** Length of each field in words, FIELDS order. */
  lengths: number[];
}

/** Postings of one term: the passages that hold it, with per-field frequencies. */
export interface PostingList {
  /** Number of passages holding the term. */
  df: number;
  /** Store-internal passage numbers, valid until the next `update`. */
  docs: ArrayLike<number>;
  /** Frequencies, FIELD_COUNT per passage, in `docs` order. */
  tf: ArrayLike<number>;
}

/** What scoring reads from the store for one query. */
export interface Postings {
  lists: Map<string, PostingList>;
  /** Field lengths by passage number: `fieldLengths[ref * FIELD_COUNT + f]`. */
  fieldLengths: ArrayLike<number>;
  /** Section number by passage number: passages of one document under one heading path share it. */
  sections: ArrayLike<number>;
  /**
   * Summed text length (words) of the live passages of each section, by section number: the
   * length of a section read as one document, for section-level scoring (score.ts).
   */
  sectionLengths: ArrayLike<number>;
  /** Number of sections that hold a live passage, and their average text length. */
  sectionCount: number;
  avgSectionLength: number;
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
 * A sparse term vector: term numbers in ascending order (store-internal, comparable only within
 * one store and one query) and their weights.
 */
export interface TermVector {
  ids: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/** A stored passage with what diversification needs. */
export interface StoredPassage {
  ref: number;
  passage: Passage;
  /**
   * Term frequencies of the passage text (field `text` only), for similarity between results:
   * heading and title terms are shared by whole sections and documents, which the per-section
   * cap handles, and would make every two passages of one document look alike.
   */
  vector: TermVector;
}

export interface IndexStore {
  /** The corpus files the index was built from, to update only what changed. */
  files(): Promise<Map<string, FileEntry>>;
  /**
   * Add (or replace, by id) analysed passages and drop the ones with `removedIds`; record the
   * given file entries (null: the file is gone).
   */
  update(docs: readonly AnalyzedPassage[], removedIds: readonly string[], files?: ReadonlyMap<string, FileEntry | null>): Promise<void>;
  /** Postings of the terms the index holds (unknown terms are left out), with field lengths. */
  postings(terms: readonly string[]): Promise<Postings>;
  /** The passages behind passage numbers. */
  passages(refs: readonly number[]): Promise<StoredPassage[]>;
  stats(): Promise<IndexStats>;
}
