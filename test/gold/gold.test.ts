import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { parseGold, unreachableGold } from '../../src/link/evaluate.js';
import { parseQuestionDocument } from '../../src/parse/parse-letter.js';
import { realLetter, realLettersTogether, realQuestions } from '../../bench/lib/real-letters.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the gold sets', () => {
  it('point only at text that a passage of the shipped corpus holds', async () => {
    const corpus = await loadCorpus(root, { answers: null });
    const docs = new Set(corpus.passages.map((p) => p.doc));
    const files = (await readdir(here)).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const gold = parseGold(await readFile(`${here}/${file}`, 'utf8'), file);
      for (const q of gold.questions) for (const e of q.gold) expect(docs, `${file} q${q.n}`).toContain(e.doc);
      expect(unreachableGold(gold, corpus.passages), file).toEqual([]);
    }
  });
});

describe('the real council questions', () => {
  it('each give exactly their question when put in a letter of their own, as the set is scored', async () => {
    for (const q of await realQuestions(`${here}/real-council-questions.json`)) {
      const doc = parseQuestionDocument(realLetter(q));
      expect(doc.questions.map((x) => x.text), `n ${q.n}`).toEqual([q.q]);
      expect(doc.preamble.replace(/\s+/g, ' '), `n ${q.n}`).toBe(q.context.replace(/\s+/g, ' ').trim());
    }
  });

  it("give a letter's questions in order when its questions are put together, as the bench's robustness row does", async () => {
    const questions = await realQuestions(`${here}/real-council-questions.json`);
    const letters = realLettersTogether(questions);
    expect(letters.size).toBe(19);
    for (const [letter, { text, ns }] of letters) {
      const doc = parseQuestionDocument(text);
      expect(doc.questions.map((x) => x.text), `letter ${letter}`).toEqual(ns.map((n) => questions.find((q) => q.n === n)!.q));
    }
  });
});
