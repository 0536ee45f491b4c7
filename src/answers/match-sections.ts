/**
 * Which existing answer section belongs to which question of the (changed) question document.
 * A section is matched by number and quoted question text; when they disagree (a question was
 * inserted before it, a question was reworded) the text decides, and every match that is not
 * plainly "same number, same text" is reported, so a person can look at it.
 */
import type { AnswerSection, Question } from '../model.js';
import { questionSimilarity } from './question-similarity.js';

export { questionSimilarity, questionWords } from './question-similarity.js';

/** How a section was matched to a question. */
export type MatchKind = 'same' | 'renumbered' | 'similar' | 'number' | 'restored';

export interface SectionMatch {
  /** The question number in the question document. */
  question: number;
  section: AnswerSection;
  kind: MatchKind;
  /** Text similarity of the quoted and the current question (0..1). */
  score: number;
  /** Worth a person's look: the match rests on a guess. */
  uncertain: boolean;
}

export interface MatchResult {
  /** By question number. */
  matches: Map<number, SectionMatch>;
  /** Sections (current or vervallen) that belong to no current question, in file order. */
  unmatched: AnswerSection[];
}

/**
 * Similarity at or above which two texts are the same question. Measured on the 269 pairs of
 * different questions within one letter of the 39 development letters (test/fixtures/letters):
 * median 0.00, 99th percentile 0.57, highest 0.67 ("afstemming met de omwonenden" vs "... met de
 * gebruikers"); none reaches 0.8. A corrected typo in a D66 question scores 0.94 to 0.97.
 */
const SAME_QUESTION = 0.8;
/** Least similarity to follow a question to another number; below SAME_QUESTION it is reported. */
const MOVED_QUESTION = 0.5;
/** Least similarity to keep a heavily reworded question at its number (reported as uncertain). */
const REWORDED_QUESTION = 0.2;

interface Candidate {
  index: number;
  section: AnswerSection;
  orphan: boolean;
}

/**
 * Match existing sections (and sections already kept as vervallen) to the questions. Each
 * question gets at most one section and each section at most one question.
 */
export function matchSections(questions: Question[], sections: AnswerSection[], vervallen: AnswerSection[] = []): MatchResult {
  const candidates: Candidate[] = [
    ...sections.map((section, index) => ({ index, section, orphan: false })),
    ...vervallen.map((section, index) => ({ index: sections.length + index, section, orphan: true })),
  ];
  const matches = new Map<number, SectionMatch>();
  const used = new Set<number>();
  const score = new Map<string, number>();
  const scoreOf = (q: Question, c: Candidate): number => {
    const key = `${q.number}:${c.index}`;
    let value = score.get(key);
    if (value === undefined) {
      value = c.section.question.trim() === '' ? 0 : questionSimilarity(q.text, c.section.question);
      score.set(key, value);
    }
    return value;
  };
  const take = (q: Question, c: Candidate, kind: MatchKind, uncertain: boolean): void => {
    matches.set(q.number, { question: q.number, section: c.section, kind, score: scoreOf(q, c), uncertain });
    used.add(c.index);
  };
  const open = (): Candidate[] => candidates.filter((c) => !used.has(c.index));
  const pending = (): Question[] => questions.filter((q) => !matches.has(q.number));

  // 1. Same number, (nearly) same text.
  for (const q of questions) {
    const c = open().find((c) => !c.orphan && c.section.number === q.number && scoreOf(q, c) >= SAME_QUESTION);
    if (c) take(q, c, 'same', false);
  }
  // 2. A section without a quoted question can only be placed by its number.
  for (const q of pending()) {
    const c = open().find((c) => !c.orphan && c.section.number === q.number && c.section.question.trim() === '');
    if (c) take(q, c, 'same', false);
  }
  // 3. The text moved to another number, or was reworded: best pairs first.
  const pairs: Array<{ q: Question; c: Candidate; s: number }> = [];
  for (const q of pending()) for (const c of open()) if (scoreOf(q, c) >= MOVED_QUESTION) pairs.push({ q, c, s: scoreOf(q, c) });
  pairs.sort((a, b) => b.s - a.s || Math.abs(a.q.number - a.c.section.number) - Math.abs(b.q.number - b.c.section.number));
  for (const { q, c, s } of pairs) {
    if (matches.has(q.number) || used.has(c.index)) continue;
    if (c.orphan) take(q, c, 'restored', s < SAME_QUESTION);
    else if (c.section.number === q.number) take(q, c, 'similar', true);
    else take(q, c, s >= SAME_QUESTION ? 'renumbered' : 'similar', s < SAME_QUESTION);
  }
  // 4. Same number, heavily reworded: keep it there, but say so.
  for (const q of pending()) {
    const c = open().find((c) => !c.orphan && c.section.number === q.number && scoreOf(q, c) >= REWORDED_QUESTION);
    if (c) take(q, c, 'number', true);
  }

  return { matches, unmatched: open().map((c) => c.section) };
}
