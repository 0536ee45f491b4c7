/**
 * How alike two versions of a question are: the Dice coefficient of their word multisets after
 * Dutch function words are removed. Used to follow an answer to its question when the question
 * document changes, and to tell a quoted question from a quote in an answer.
 */
import { multisetDice } from '../text/text-utils.js';

/** Dutch function words and the words every council question has; they say nothing about which. */
const STOP = new Set(
  'de het een en of van in op om te tot voor met aan bij door over uit als dat die dit deze is zijn wordt worden was kan kunnen zou zouden moet moeten heeft hebben niet wel ook nog er hier daar wat welke wie hoe waarom wanneer waar u uw we wij ons onze zij ze hij zo ja nee indien zo dan naar wil college gemeente vraag vragen'.split(' '),
);

/** Words of a question for comparing: lowercase, accents off, hyphenation joined, stop words out. */
export function questionWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([\p{L}\p{N}])-\s+(?=[\p{L}\p{N}])/gu, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP.has(word));
}

/** Dice similarity of the word multisets of two questions (1 for equal texts, 0 for nothing shared). */
export function questionSimilarity(a: string, b: string): number {
  return wordsSimilarity({ text: a, words: questionWords(a) }, { text: b, words: questionWords(b) });
}

/** `questionSimilarity` of two texts whose `questionWords` are read already (a caller comparing one text with many). */
export function wordsSimilarity(a: { text: string; words: readonly string[] }, b: { text: string; words: readonly string[] }): number {
  if (a.words.length === 0 && b.words.length === 0) return a.text.trim() === b.text.trim() ? 1 : 0;
  return multisetDice(a.words, b.words);
}
