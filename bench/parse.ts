/**
 * The letter parser on the 39 labelled development letters, in the shapes letters arrive in:
 * the text as published, the same text hard-wrapped without blank lines (what a Word-exported PDF
 * gives), real PDFs built from it (A4 with a running header and page numbers; A6 pages so every
 * letter breaks over pages) and DOCX files with Word's automatic numbering; then the same letters
 * as a real office suite wrote them (test/fixtures/office/: LibreOffice's HTML, DOCX, ODT, RTF and
 * PDF, and the Word-like DOCX and PDF of the letters with a list). Prints the share of letters with
 * the labelled number of questions, the mean question-text match (token F1, as the development
 * set's README scores it), metadata accuracy, and parse time; a file the reader refuses counts as a
 * letter without questions. Last, the D66 seed letter in every office format, against the eleven
 * questions of test/gold/d66-memo.json.
 */
import { buildLetterDocx } from '../test/builders/letter-docx.js';
import { A6, buildLetterPdf } from '../test/builders/letter-pdf.js';
import { readFileSync } from 'node:fs';
import { parseQuestionDocument, readSource } from '../src/index.js';
import type { SourceFormat } from '../src/read/read-source.js';
import { scoreLetter, type GoldLetter, type LetterScore } from '../src/parse/score-letters.js';
import { officeFile, officeManifest, type LetterFixture } from '../test/fixtures/office/manifest.js';
import { asWrappedText, devLetters, type DevLetter } from '../src/parse/test-helpers.js';
import type { BenchOptions } from './run.js';

interface Shape {
  name: string;
  /** Text the parser sees for a letter, and its format; null when the reader refuses the file. */
  prepare(letter: DevLetter): Promise<{ text: string; format: SourceFormat } | null>;
  /** Whether the shape exists for a letter (the Word-like variants exist for letters with a list). */
  has?(letter: DevLetter): boolean;
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
  return { text: source.text, format: source.format };
}

const office = officeManifest();
const fixtures = new Map(office.letters.map((l) => [l.name, l]));

/** A committed office fixture as the reader reads it; null when the reader refuses it (ODT, RTF today). */
async function officeText(path: string): Promise<{ text: string; format: SourceFormat } | null> {
  try {
    const source = await readSource({ name: path, data: officeFile(path) });
    return { text: source.text, format: source.format };
  } catch (error) {
    if (error instanceof Error && error.name === 'InputError') return null;
    throw error;
  }
}

type OfficeVariant = (fixture: LetterFixture) => string | null;

function officeShape(name: string, file: OfficeVariant): Shape {
  return {
    name,
    has: (l) => file(fixtures.get(l.name)!) !== null,
    prepare: (l) => officeText(file(fixtures.get(l.name)!)!),
  };
}

const officeShapes: Shape[] = [
  officeShape('office: HTML with real lists', (f) => f.files.html),
  officeShape('office: DOCX (LibreOffice)', (f) => f.files.docx),
  officeShape('office: DOCX, Word-like lists', (f) => f.word?.files.docx ?? null),
  officeShape('office: ODT', (f) => f.files.odt),
  officeShape('office: RTF', (f) => f.files.rtf),
  officeShape('office: PDF (LibreOffice)', (f) => f.files.pdf),
  officeShape('office: PDF, Word-like lists', (f) => f.word?.files.pdf ?? null),
];

/** Parse and score; a refused file or a letter without questions scores as nothing found. */
function scoreText(prepared: { text: string; format: SourceFormat } | null, gold: GoldLetter): LetterScore {
  if (prepared) {
    try {
      return scoreLetter(parseQuestionDocument(prepared.text, { format: prepared.format }), gold);
    } catch (error) {
      if (!(error instanceof Error && error.name === 'InputError')) throw error;
    }
  }
  const expected = gold.questions.length;
  return { expected, found: 0, exactCount: expected === 0, textF1: expected === 0 ? 1 : 0, fields: { date: false, party: false, article: false, members: false } };
}

export async function run(options: BenchOptions): Promise<void> {
  const letters = devLetters();
  const used = options.quick ? letters.filter((_, i) => i % 8 === 0) : letters;
  const bytes = used.reduce((n, l) => n + Buffer.byteLength(l.text), 0);
  console.log(`parse: ${used.length} development letters, ${(bytes / 1024).toFixed(0)} KB of text, ${used.reduce((n, l) => n + l.gold.questions.length, 0)} labelled questions; office fixtures by ${office.generator}`);
  console.log('shape                              exact count   text F1   date   party  article members  parse ms/letter  refused');
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`.padStart(5);
  for (const shape of [...(options.quick ? shapes.slice(0, 3) : shapes), ...officeShapes]) {
    const mine = used.filter((l) => shape.has?.(l) ?? true);
    let exact = 0;
    let f1 = 0;
    let parseMs = 0;
    let refused = 0;
    const fields = { date: [0, 0], party: [0, 0], article: [0, 0], members: [0, 0] } as Record<string, [number, number]>;
    for (const letter of mine) {
      const prepared = await shape.prepare(letter);
      if (!prepared) refused++;
      const started = performance.now();
      const score = scoreText(prepared, letter.gold);
      parseMs += performance.now() - started;
      if (score.exactCount) exact++;
      f1 += score.textF1;
      for (const [field, ok] of Object.entries(score.fields)) {
        const tally = fields[field];
        if (ok === null || !tally) continue;
        tally[1]++;
        if (ok) tally[0]++;
      }
    }
    const f = (k: string) => pct(fields[k]?.[0] ?? 0, fields[k]?.[1] ?? 1);
    console.log(
      `${shape.name.padEnd(34)} ${`${exact}/${mine.length}`.padStart(6)} ${pct(exact, mine.length)}   ${(f1 / mine.length).toFixed(3)}   ${f('date')}  ${f('party')}  ${f('article')}  ${f('members')}   ${(parseMs / mine.length).toFixed(1).padStart(14)}  ${refused ? `${refused}/${mine.length}` : '-'}`,
    );
  }
  await d66Rows();
  const big = letters.map((l) => l.text).join('\n\n').repeat(options.quick ? 2 : 20);
  const started = performance.now();
  parseQuestionDocument(big);
  const ms = performance.now() - started;
  console.log(`throughput: ${(Buffer.byteLength(big) / 1024 / 1024).toFixed(1)} MB of letters in one text parsed in ${ms.toFixed(0)} ms (${(Buffer.byteLength(big) / 1024 / 1024 / (ms / 1000)).toFixed(1)} MB/s)`);
}

/** The D66 seed letter in each office format, against its eleven questions (test/gold/d66-memo.json). */
async function d66Rows(): Promise<void> {
  const fixture = office.letters.find((l) => l.gold === null)!;
  const memo = JSON.parse(readFileSync(new URL('../test/gold/d66-memo.json', import.meta.url), 'utf8')) as { questions: Array<{ n: number; q: string }> };
  const gold: GoldLetter = { questions: memo.questions.map((q) => ({ seq: q.n, number: null, text: q.q })) };
  const letter: DevLetter = { name: fixture.name, text: readFileSync(new URL(`../${fixture.source}`, import.meta.url), 'utf8'), gold };
  console.log(`${fixture.name} (D66 seed letter), ${gold.questions.length} questions:`);
  for (const shape of [shapes[0]!, ...officeShapes]) {
    const prepared = await shape.prepare(letter);
    const score = scoreText(prepared, gold);
    console.log(`  ${shape.name.padEnd(32)} ${`${score.found}/${score.expected}`.padStart(6)} questions found, text F1 ${score.textF1.toFixed(3)}${prepared ? '' : ' (refused)'}`);
  }
}
