/**
 * Scoring of the parser against labelled letters, as the development set's README describes:
 * questions matched in order, texts compared as bags of words (token F1 after lowercasing and
 * collapsing whitespace), missed and extra questions counted, metadata fields scored apart.
 * Used by the corpus snapshot test and by `npm run bench`.
 */
import type { QuestionDocument } from '../model.js';
import { multisetDice } from '../text/text-utils.js';

export interface GoldLetter {
  municipality?: string | null;
  party?: string | null;
  parties?: string[];
  members?: string[];
  date?: string | null;
  date_source?: string | null;
  article?: string | null;
  questions: Array<{ seq: number; number: string | null; text: string }>;
}

export interface LetterScore {
  expected: number;
  found: number;
  exactCount: boolean;
  /** Mean token F1 over the gold questions (a missed question scores 0). */
  textF1: number;
  fields: Record<'date' | 'party' | 'article' | 'members', boolean | null>;
}

function tokens(text: string): string[] {
  return text.toLowerCase().replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
}

export function tokenF1(a: string, b: string): number {
  return multisetDice(tokens(a), tokens(b));
}

export function scoreLetter(doc: QuestionDocument, gold: GoldLetter): LetterScore {
  const expected = gold.questions.length;
  const found = doc.questions.length;
  let f1 = 0;
  gold.questions.forEach((g, i) => {
    const q = doc.questions[i];
    if (q) f1 += tokenF1(q.text, g.text);
  });
  const article = gold.article ? (/\d+\w*/.exec(gold.article)?.[0] ?? null) : null;
  return {
    expected,
    found,
    exactCount: expected === found,
    textF1: expected ? f1 / Math.max(expected, found) : found === 0 ? 1 : 0,
    fields: {
      date: gold.date_source === 'url' ? null : doc.date === (gold.date ?? null),
      party: gold.party === undefined ? null : (doc.party ?? null)?.toLowerCase() === (gold.party ?? null)?.toLowerCase(),
      article: doc.article === article,
      members: sameSet(doc.members, gold.members ?? []),
    },
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const norm = (s: string) => s.toLowerCase().trim();
  return a.length === b.length && a.every((x) => b.some((y) => norm(y) === norm(x)));
}
