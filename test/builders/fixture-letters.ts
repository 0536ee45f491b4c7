/** The letters the reader round-trip tests build PDFs and DOCX files from. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface FixtureLetter {
  name: string;
  text: string;
}

/** The 39 development letters and the D66 seed letter (PDF-extracted text with footnotes and "o" sub-items). */
export function fixtureLetters(): FixtureLetter[] {
  const letters = readdirSync(`${FIXTURES}letters`)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(`${FIXTURES}letters/${f}`, 'utf8') }));
  return [...letters, seedLetter()];
}

export const SEED_NAME = '2025-04-12-d66-regionale-zorg-en-veiligheid';

export function seedLetter(): FixtureLetter {
  return { name: SEED_NAME, text: readFileSync(`${FIXTURES}seeds/questions/${SEED_NAME}.txt`, 'utf8') };
}

