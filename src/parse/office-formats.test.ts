/**
 * The development letters and the D66 letter as a real office suite writes them
 * (test/fixtures/office/: LibreOffice's HTML, DOCX, ODT, RTF and PDF; DOCX and PDF with Word's list
 * conventions), read and parsed as `answer parse` does, scored per format against their labels.
 * The floors are what the readers and the parser reach (npm run bench -- parse prints the same
 * figures): a reader or parser change that loses a letter in any format fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { officeFile, officeManifest, type LetterFixture } from '../../test/fixtures/office/manifest.js';
import { readSource } from '../read/read-source.js';
import { parseQuestionDocument } from './parse-letter.js';
import { scoreLetter, type GoldLetter } from './score-letters.js';
import { devLetters } from './test-helpers.js';

const manifest = officeManifest();
const gold = new Map(devLetters().map((l) => [l.name, l.gold]));

async function score(path: string, label: GoldLetter) {
  const source = await readSource({ name: path, data: officeFile(path) });
  return scoreLetter(parseQuestionDocument(source.text, { format: source.format }), label);
}

/** Exact question counts and mean F1 over the 39 letters (the Word-like variants: the 32 with a list). */
const FLOORS: Array<{ name: string; file: (f: LetterFixture) => string | null; exact: number; f1: number }> = [
  { name: 'HTML', file: (f) => f.files.html, exact: 38, f1: 0.975 },
  { name: 'DOCX (LibreOffice)', file: (f) => f.files.docx, exact: 38, f1: 0.975 },
  { name: 'DOCX, Word-like lists', file: (f) => f.word?.files.docx ?? null, exact: 31, f1: 0.97 },
  { name: 'ODT', file: (f) => f.files.odt, exact: 38, f1: 0.975 },
  { name: 'RTF', file: (f) => f.files.rtf, exact: 38, f1: 0.975 },
  { name: 'PDF (LibreOffice)', file: (f) => f.files.pdf, exact: 38, f1: 0.975 },
  { name: 'PDF, Word-like lists', file: (f) => f.word?.files.pdf ?? null, exact: 31, f1: 0.97 },
];

describe('the development letters as the office suite writes them', () => {
  it.each(FLOORS)('$name: at least $exact letters with the labelled number of questions, mean F1 at least $f1', async ({ file, exact, f1 }) => {
    let exactCount = 0;
    let sum = 0;
    let n = 0;
    for (const fixture of manifest.letters) {
      const path = file(fixture);
      const label = fixture.gold === null ? undefined : gold.get(fixture.name);
      if (path === null || !label) continue;
      const s = await score(path, label);
      n++;
      sum += s.textF1;
      if (s.exactCount) exactCount++;
    }
    expect(exactCount).toBeGreaterThanOrEqual(exact);
    expect(sum / n).toBeGreaterThanOrEqual(f1);
  }, 60_000);

  it('the D66 letter: its eleven questions in every format', async () => {
    const fixture = manifest.letters.find((l) => l.gold === null)!;
    const memo = JSON.parse(readFileSync(new URL('../../test/gold/d66-memo.json', import.meta.url), 'utf8')) as { questions: Array<{ n: number; q: string }> };
    const label: GoldLetter = { questions: memo.questions.map((q) => ({ seq: q.n, number: null, text: q.q })) };
    const paths = [...Object.values(fixture.files), ...Object.values(fixture.word?.files ?? {})];
    expect(paths).toHaveLength(7);
    for (const path of paths) {
      const s = await score(path, label);
      expect({ path, found: s.found, f1: s.textF1 }).toEqual({ path, found: 11, f1: 1 });
    }
  }, 60_000);
});
