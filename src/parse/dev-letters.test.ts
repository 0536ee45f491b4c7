/**
 * The parser over the 39 labelled development letters: a snapshot of every parse in one reviewed
 * file (test/golden/letters/snapshot.json), so a rule change shows its reach at once. Refresh with
 * UPDATE_GOLDEN=1 and read the diff. The scores themselves are printed by `npm run bench`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseQuestionDocument } from './parse-letter.js';
import { scoreLetter } from './score-letters.js';
import { asWrappedText, devLetters } from './test-helpers.js';

const SNAPSHOT = fileURLToPath(new URL('../../test/golden/letters/snapshot.json', import.meta.url));

function snapshotOf(letters: ReturnType<typeof devLetters>) {
  return Object.fromEntries(
    letters.map(({ name, text }) => {
      const doc = parseQuestionDocument(text, { file: name });
      return [
        name,
        {
          meta: [doc.date, doc.party, doc.article, doc.municipality, doc.members.join(' & ') || null],
          questions: doc.questions.map((q) => `${q.label ?? '·'} | ${q.text}${q.parts.length ? ` [${q.parts.length} parts]` : ''}${q.context ? ` [context: ${q.context}]` : ''}`),
          warnings: doc.warnings.map((w) => w.message),
          ...(doc.afterword ? { afterword: doc.afterword } : {}),
        },
      ];
    }),
  );
}

describe('the development letters', () => {
  const letters = devLetters();

  it('parse as in the reviewed snapshot', () => {
    const actual = snapshotOf(letters);
    if (process.env.UPDATE_GOLDEN) writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(SNAPSHOT), `${SNAPSHOT} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
  });

  it('give the labelled number of questions for nearly every letter, also as wrapped PDF-like text', () => {
    for (const transform of [(t: string) => t, asWrappedText]) {
      const exact = letters.filter(({ text, gold }) => scoreLetter(parseQuestionDocument(transform(text)), gold).exactCount);
      // 38 of 39 at the time of writing; letter 24 holds two sets and its label counts one.
      expect(exact.length).toBeGreaterThanOrEqual(37);
    }
  });
});
