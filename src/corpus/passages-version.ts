/**
 * The corpus stage's constants that readers of the persisted index need (`answer check` resolving
 * citations), in a module of their own so that reading them loads no parser.
 */

/**
 * The largest corpus file read. The largest seed (the 2005 beleidsnota, 70 pages) converts to
 * 0.4 MB of markdown; a file 25 times that is not a policy document but a mistake.
 */
export const MAX_CORPUS_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Version of the passages made from a file. A persisted index keeps passages (and the problems
 * found) and reuses them while a file's hash is unchanged, so bump this when what the same file
 * gives changes: splitting (split-passages.ts), answer passages (answer-passages.ts), ids
 * (passage-id.ts), the `Passage` fields, or the problems reported for a file's content. (2: blocks of a section packed into passages of up to 150 words.)
 */
export const PASSAGES_VERSION = 2;
