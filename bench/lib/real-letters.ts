/**
 * The real council questions (test/gold/real-council-questions.json) as `answer link` meets them,
 * scored as the set's README says: each question in a letter of its own, with a title
 * "Schriftelijke vragen", a place-and-date line, "Geacht college,", the question's context as a
 * paragraph, "1. <question>" and a closing; the ranked passages of the first question count.
 *
 * The place is Zwolle: the questions are put to the college whose corpus answers them. (With the
 * asking council's own place instead, that name is taken for the letter's municipality and left
 * out of the query: for n 15 "Huizen" then drops out of the preamble, and the set's figures as
 * first published, 0.10 / 0.29 / 0.18 / 0.30 / 0.19, are met only with "Zwolle".)
 */
import { readFile } from 'node:fs/promises';

export interface RealQuestion {
  n: number;
  /** Which letter of the set it comes from (1-based, in order of first appearance). */
  letter: number;
  municipality: string;
  context: string;
  q: string;
}

/** The letter text of one real question. */
export function realLetter(q: Pick<RealQuestion, 'context' | 'q'>, place = 'Zwolle'): string {
  const preamble = q.context.trim() ? `${q.context.trim()}\n\n` : '';
  return `Schriftelijke vragen\n\n${place}, 12 oktober 2023\n\nGeacht college,\n\n${preamble}1. ${q.q}\n\nMet vriendelijke groet,\n`;
}

/**
 * The letters of the real set as their councils sent them: each letter's questions together,
 * numbered in the set's order, after the longest of their contexts (the set repeats a letter's
 * preamble with each of its questions, once with a quote added). A question then has the ones
 * before it as context, as in a real letter. Keyed by letter number, with the set's question
 * numbers in letter order.
 */
export function realLettersTogether(questions: readonly RealQuestion[], place = 'Zwolle'): Map<number, { text: string; ns: number[] }> {
  const out = new Map<number, { text: string; ns: number[] }>();
  for (const q of questions) {
    const letter = out.get(q.letter) ?? { text: '', ns: [] };
    letter.ns.push(q.n);
    out.set(q.letter, letter);
  }
  for (const letter of out.values()) {
    const group = letter.ns.map((n) => questions.find((q) => q.n === n)!);
    const context = group.map((q) => q.context.trim()).reduce((a, b) => (b.length > a.length ? b : a));
    const list = group.map((q, i) => `${i + 1}. ${q.q}`).join('\n');
    letter.text = `Schriftelijke vragen\n\n${place}, 12 oktober 2023\n\nGeacht college,\n\n${context ? `${context}\n\n` : ''}${list}\n\nMet vriendelijke groet,\n`;
  }
  return out;
}

/** The questions of the real set with the keys the gold format leaves out (letter, municipality). */
export async function realQuestions(path: string): Promise<RealQuestion[]> {
  const data = JSON.parse(await readFile(path, 'utf8')) as { questions: RealQuestion[] };
  return data.questions;
}

/**
 * The two halves of the set, by letter (odd letters: A, even: B), so that no letter is in both:
 * a change is developed on one half and confirmed on the other.
 */
export function half(q: Pick<RealQuestion, 'letter'>): 'A' | 'B' {
  return q.letter % 2 === 1 ? 'A' : 'B';
}
