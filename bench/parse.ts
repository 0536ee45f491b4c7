/**
 * The letter parser on the 39 labelled development letters, in the shapes letters arrive in:
 * the text as published, the same text hard-wrapped without blank lines (what a Word-exported PDF
 * gives), real PDFs built from it (A4 with a running header and page numbers; A6 pages so every
 * letter breaks over pages) and DOCX files with Word's automatic numbering. Prints the share of
 * letters with the labelled number of questions, the mean question-text match (token F1, as the
 * development set's README scores it), metadata accuracy, and parse time.
 */
import { buildLetterDocx } from '../test/builders/letter-docx.js';
import { A6, buildLetterPdf } from '../test/builders/letter-pdf.js';
import { parseQuestionDocument, readSource } from '../src/index.js';
import { scoreLetter } from '../src/parse/score-letters.js';
import { asWrappedText, devLetters, type DevLetter } from '../src/parse/test-helpers.js';
import type { BenchOptions } from './run.js';

interface Shape {
  name: string;
  /** Text the parser sees for a letter, and its format. */
  prepare(letter: DevLetter): Promise<{ text: string; format: 'pdf' | 'docx' | 'text' }>;
}

const shapes: Shape[] = [
  { name: 'text as published', prepare: async (l) => ({ text: l.text, format: 'text' }) },
  { name: 'wrapped, no blank lines', prepare: async (l) => ({ text: asWrappedText(l.text), format: 'text' }) },
  { name: 'PDF, A4, header + page numbers', prepare: (l) => viaReader(buildLetterPdf(l.text), `${l.name}.pdf`) },
  { name: 'PDF, A6 (page breaks)', prepare: (l) => viaReader(buildLetterPdf(l.text, { pageSize: A6, fontSize: 9 }), `${l.name}.pdf`) },
  { name: 'DOCX, automatic numbering', prepare: (l) => viaReader(buildLetterDocx(l.text), `${l.name}.docx`) },
];

async function viaReader(built: Promise<{ data: Uint8Array }>, name: string) {
  const source = await readSource({ name, data: (await built).data });
  return { text: source.text, format: source.format as 'pdf' | 'docx' };
}

export async function run(options: BenchOptions): Promise<void> {
  const letters = devLetters();
  const used = options.quick ? letters.filter((_, i) => i % 8 === 0) : letters;
  const bytes = used.reduce((n, l) => n + Buffer.byteLength(l.text), 0);
  console.log(`parse: ${used.length} development letters, ${(bytes / 1024).toFixed(0)} KB of text, ${used.reduce((n, l) => n + l.gold.questions.length, 0)} labelled questions`);
  console.log('shape                              exact count   text F1   date   party  article members  parse ms/letter');
  for (const shape of options.quick ? shapes.slice(0, 3) : shapes) {
    let exact = 0;
    let f1 = 0;
    let parseMs = 0;
    const fields = { date: [0, 0], party: [0, 0], article: [0, 0], members: [0, 0] } as Record<string, [number, number]>;
    for (const letter of used) {
      const { text, format } = await shape.prepare(letter);
      const started = performance.now();
      const doc = parseQuestionDocument(text, { format });
      parseMs += performance.now() - started;
      const score = scoreLetter(doc, letter.gold);
      if (score.exactCount) exact++;
      f1 += score.textF1;
      for (const [field, ok] of Object.entries(score.fields)) {
        const tally = fields[field];
        if (ok === null || !tally) continue;
        tally[1]++;
        if (ok) tally[0]++;
      }
    }
    const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`.padStart(5);
    const f = (k: string) => pct(fields[k]?.[0] ?? 0, fields[k]?.[1] ?? 1);
    console.log(
      `${shape.name.padEnd(34)} ${`${exact}/${used.length}`.padStart(6)} ${pct(exact, used.length)}   ${(f1 / used.length).toFixed(3)}   ${f('date')}  ${f('party')}  ${f('article')}  ${f('members')}   ${(parseMs / used.length).toFixed(1)}`,
    );
  }
  const big = letters.map((l) => l.text).join('\n\n').repeat(options.quick ? 2 : 20);
  const started = performance.now();
  parseQuestionDocument(big);
  const ms = performance.now() - started;
  console.log(`throughput: ${(Buffer.byteLength(big) / 1024 / 1024).toFixed(1)} MB of letters in one text parsed in ${ms.toFixed(0)} ms (${(Buffer.byteLength(big) / 1024 / 1024 / (ms / 1000)).toFixed(1)} MB/s)`);
}
