/**
 * A prose prior: a passage that is not running text — a table of figures, a list of document
 * titles or of organisations, a run of links — is a poor source to cite even when it holds the
 * question's words, because it holds them without saying anything about them (the Zwolse
 * agenda's annex lists the 40 documents it analysed and the partners at its thematafel; every
 * care-and-safety question matches some of their titles).
 *
 * Running Dutch is about half function words (articles, prepositions, pronouns, auxiliaries):
 * the median passage of the seed corpus has 54% stopwords, the 10th percentile 45%; tables, title
 * lists and link lists have 0–18% (bench/link.ts prints the distribution). A passage with fewer
 * than PROSE_SHARE (25%, half of running text) is scored down in proportion, never below
 * PROSE_FLOOR: a table can still be the answer to "Hoeveel 75-plussers ...?".
 */
import type { Passage } from '../model.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

/** Below this share of function words a passage does not read as running text. */
export const PROSE_SHARE = 0.25;
/** The factor for a passage with no function words at all. */
export const PROSE_FLOOR = 0.5;

/** Shares by passage object: stored passages are the same objects query after query. */
const shares = new WeakMap<Passage, number>();

/** The share of function words among the words of a passage's text. */
export function functionWordShare(passage: Passage): number {
  let share = shares.get(passage);
  if (share === undefined) {
    let words = 0;
    let stop = 0;
    for (const t of tokenize(passage.text)) {
      if (t.kind === 'joined') continue;
      words++;
      if (isStopword(t.norm)) stop++;
    }
    share = words > 0 ? stop / words : 0;
    shares.set(passage, share);
  }
  return share;
}

/** The prior factor of a passage: 1 for running text, down to PROSE_FLOOR for a table or list of names. */
export function proseFactor(passage: Passage): number {
  const share = functionWordShare(passage);
  if (share >= PROSE_SHARE) return 1;
  return PROSE_FLOOR + (1 - PROSE_FLOOR) * (share / PROSE_SHARE);
}
