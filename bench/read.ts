/**
 * The document readers on the development letters built as real files: PDFs exported the Word way
 * (A4 with a running header and page numbers; A6 so letters break over pages), a long PDF of all
 * letters one after the other, and DOCX files with automatic numbering. Prints read time (the first
 * PDF includes starting the pdf.js worker), time per PDF page, and words lost or added compared with
 * the letter's own text (the target is 0).
 */
import { buildLetterDocx } from '../test/builders/letter-docx.js';
import { A6, buildLetterPdf, type BuiltPdf } from '../test/builders/letter-pdf.js';
import { fixtureLetters } from '../test/builders/fixture-letters.js';
import { splitLetter, wordDiff, wordsWithoutLabels } from '../test/builders/letter-lines.js';
import { readSource } from '../src/index.js';
import type { BenchOptions } from './run.js';

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '').sort();

function drawnText(text: string): string {
  return splitLetter(text).map((p) => (p.label ? `${p.label} ${p.text}` : p.text)).join('\n');
}

/** Broken long words (URLs) joined again, the single-page running header taken off. */
function comparable(text: string, built: BuiltPdf): string {
  let out = text;
  for (const pieces of built.brokenWords) out = out.replace(pieces.join('\n'), pieces.join(''));
  return built.pageCount === 1 ? out.replace(/^.*\n/, '') : out;
}

export async function run(options: BenchOptions): Promise<void> {
  const all = fixtureLetters();
  const letters = options.quick ? all.filter((_, i) => i % 8 === 0) : all;
  const bytes = letters.reduce((n, l) => n + Buffer.byteLength(l.text), 0);
  console.log(`read: ${letters.length} letters (${(bytes / 1024).toFixed(0)} KB of text) as PDF (A4, A6) and DOCX, and one long PDF of them all`);
  console.log('shape                      files  pages  ms/file  ms/page  words lost  words added');

  for (const [name, pdfOptions] of [
    ['PDF, A4', {}],
    ['PDF, A6 justified', { pageSize: A6, margin: 36, align: 'justify' as const }],
  ] as const) {
    let pages = 0;
    let ms = 0;
    let lost = 0;
    let added = 0;
    let first = 0;
    for (const [i, letter] of letters.entries()) {
      const built = await buildLetterPdf(letter.text, pdfOptions);
      const start = performance.now();
      const source = await readSource({ name: `${letter.name}.pdf`, data: built.data });
      const took = performance.now() - start;
      if (i === 0) first = took;
      ms += took;
      pages += built.pageCount;
      const diff = wordDiff(words(drawnText(letter.text)), words(comparable(source.text, built)));
      lost += diff.missing.length;
      added += diff.extra.length;
    }
    console.log(row(name, letters.length, pages, ms / letters.length, ms / pages, lost, added));
    if (name === 'PDF, A4') console.log(`  (the first file took ${first.toFixed(0)} ms: it starts the pdf.js worker)`);
  }

  const long = await buildLetterPdf(letters.map((l) => l.text).join('\n\n'), {});
  const start = performance.now();
  const source = await readSource({ name: 'all.pdf', data: long.data });
  const ms = performance.now() - start;
  const diff = wordDiff(words(drawnText(letters.map((l) => l.text).join('\n'))), words(comparable(source.text, long)));
  console.log(row('PDF, all letters in one', 1, long.pageCount, ms, ms / long.pageCount, diff.missing.length, diff.extra.length));

  let docxMs = 0;
  let lost = 0;
  let added = 0;
  for (const letter of letters) {
    const built = await buildLetterDocx(letter.text);
    const t = performance.now();
    const read = await readSource({ name: `${letter.name}.docx`, data: built.data });
    docxMs += performance.now() - t;
    const d = wordDiff(wordsWithoutLabels(letter.text), wordsWithoutLabels(read.text));
    lost += d.missing.length;
    added += d.extra.length;
  }
  console.log(row('DOCX, automatic numbering', letters.length, null, docxMs / letters.length, null, lost, added));
}

function row(name: string, files: number, pages: number | null, msFile: number, msPage: number | null, lost: number, added: number): string {
  return [
    name.padEnd(26),
    String(files).padStart(5),
    (pages === null ? '-' : String(pages)).padStart(6),
    msFile.toFixed(1).padStart(8),
    (msPage === null ? '-' : msPage.toFixed(1)).padStart(8),
    String(lost).padStart(11),
    String(added).padStart(12),
  ].join(' ');
}
