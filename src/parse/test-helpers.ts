/** Test and bench helpers for the development letters (not part of the public library). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GoldLetter } from './score-letters.js';

export const LETTERS_DIR = fileURLToPath(new URL('../../test/fixtures/letters/', import.meta.url));

export interface DevLetter {
  name: string;
  text: string;
  gold: GoldLetter;
}

/** The 39 labelled development letters, in file order. */
export function devLetters(): DevLetter[] {
  return readdirSync(LETTERS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      text: readFileSync(LETTERS_DIR + f, 'utf8'),
      gold: JSON.parse(readFileSync(LETTERS_DIR + f.replace(/\.txt$/, '.gold.json'), 'utf8')) as GoldLetter,
    }));
}

/**
 * The letter as a Word document exported to PDF and read back as text would give it: no blank
 * lines between paragraphs, every paragraph wrapped at about 90 characters.
 */
export function asWrappedText(text: string, width = 88): string {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    for (const line of paragraph.split('\n')) {
      let current = '';
      for (const word of line.trim().split(/\s+/).filter(Boolean)) {
        if (current && `${current} ${word}`.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) out.push(current);
    }
  }
  return out.join('\n');
}
