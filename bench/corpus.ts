/**
 * `answer corpus add` on the three policy seeds as users feed them: PDFs exported from Word (bold
 * headings with paragraph spacing; the same without any paragraph spacing, where only the fonts
 * mark headings; larger light headings as Word 2013+ sets them) and DOCX files (English heading
 * styles; Dutch "Kop 1" styles with the heading numbers in Word's numbering), and two limits: the
 * bold PDF read without font names, and a PDF whose headings are set as body text. The documents are
 * built from the shipped corpus/*.md, whose headings are the known ones. Then the same documents as a
 * real office suite wrote them (test/fixtures/office/policy/: LibreOffice's DOCX with Title and
 * heading styles and real footnotes, its PDF, ODT and RTF); a file the reader refuses counts as
 * nothing found and every word lost. Prints per shape and
 * document: headings found against known (precision and recall on the heading text, and the share
 * of matched headings at the right depth), whether the title was found, the body words lost
 * and added (a multiset difference against the document's words), and the words moved out of
 * place (a body paragraph taken into a footnote, a sentence cut by a footnote left between its
 * halves: output words that no five-word run of the known text holds in that order). `BENCH_VERBOSE=1` lists the
 * missed and extra headings and the words lost and added.
 */
import { convertPolicySource } from '../src/corpus/index.js';
import { readSource, type ReadOptions } from '../src/read/read-source.js';
import { buildPolicyDocx } from '../test/builders/policy-docx.js';
import { buildPolicyPdf, pdfDrawable } from '../test/builders/policy-pdf.js';
import { scoreConversion, type ConversionScore } from '../test/builders/policy-score.js';
import { documentText, knownHeadings, policySeeds, type PolicyDocument } from '../test/builders/policy-seeds.js';
import { officeFile, officeManifest } from '../test/fixtures/office/manifest.js';
import type { BenchOptions } from './run.js';

interface Shape {
  name: string;
  ext: 'pdf' | 'docx' | 'odt' | 'rtf';
  build(doc: PolicyDocument): Promise<Uint8Array>;
  /** How the file is read; default as `answer corpus add` reads it. */
  read?: ReadOptions;
  /** A committed office-suite file: its fonts are embedded, so every character is drawn. */
  office?: boolean;
}

export const SHAPES: Shape[] = [
  { name: 'PDF, bold headings, spacing', ext: 'pdf', build: async (d) => (await buildPolicyPdf(d)).data },
  { name: 'PDF, bold headings, no spacing', ext: 'pdf', build: async (d) => (await buildPolicyPdf(d, { spacing: false })).data },
  { name: 'PDF, light larger headings', ext: 'pdf', build: async (d) => (await buildPolicyPdf(d, { look: 'light' })).data },
  // Limits: the bold PDF read without its font names (as `answer parse` reads), and headings typed
  // as body text, where only the numbering and the layout of the lines are left to go on.
  { name: 'PDF, bold, font names not read', ext: 'pdf', build: async (d) => (await buildPolicyPdf(d)).data, read: { fontNames: false } },
  { name: 'PDF, headings as body text', ext: 'pdf', build: async (d) => (await buildPolicyPdf(d, { look: 'plain' })).data },
  { name: 'DOCX, Heading 1-6', ext: 'docx', build: (d) => buildPolicyDocx(d) },
  { name: 'DOCX, Kop 1-6, numbered headings', ext: 'docx', build: (d) => buildPolicyDocx(d, { styles: 'dutch', numbering: true }) },
  ...(['docx', 'pdf', 'odt', 'rtf'] as const).map((ext): Shape => ({ name: `office: ${ext.toUpperCase()} (LibreOffice)`, ext, office: true, build: async (d) => officeFile(officePolicy(d.slug).files[ext]) })),
];

function officePolicy(slug: string) {
  const fixture = officeManifest().policy.find((p) => p.slug === slug);
  if (!fixture) throw new Error(`no office fixture for ${slug}`);
  return fixture;
}

const pct = (a: number, b: number): string => (b === 0 ? '  -  ' : `${((a / b) * 100).toFixed(0)}%`.padStart(5));

export async function run(options: BenchOptions): Promise<void> {
  const all = policySeeds();
  const drawable = await pdfDrawable();
  const docs = options.quick ? all.slice(0, 1) : all;
  const words = docs.reduce((n, d) => n + (documentText(d).match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
  const headings = docs.reduce((n, d) => n + knownHeadings(d).length, 0);
  console.log(`corpus: ${docs.length} policy document${docs.length === 1 ? "" : "s"} (${docs.map((d) => d.slug).join(', ')}), ${headings} known headings, ${words} words, in ${SHAPES.length} shapes`);
  console.log('shape                               document                         found/known  prec.  recall  depth  title   lost  added  moved     ms');
  for (const shape of SHAPES) {
    const total = { known: 0, found: 0, matched: 0, rightDepth: 0, titles: 0, lost: 0, added: 0, moved: 0, ms: 0, refused: 0 };
    for (const doc of docs) {
      const data = await shape.build(doc);
      const started = performance.now();
      const result = await convert(`${doc.slug}.${shape.ext}`, data, shape.read ?? { fontNames: true });
      const ms = performance.now() - started;
      const score: ConversionScore = scoreConversion(doc, result.markdown, result.title, shape.ext === 'pdf' && !shape.office ? drawable : undefined);
      if (result.refused) total.refused++;
      total.known += score.known;
      total.found += score.found;
      total.matched += score.matched;
      total.rightDepth += score.rightDepth;
      total.titles += score.titleRight ? 1 : 0;
      total.lost += score.lost.length;
      total.added += score.added.length;
      total.moved += score.moved;
      total.ms += ms;
      if (process.env.BENCH_VERBOSE) {
        console.log(`  ${shape.name} / ${doc.slug}`);
        console.log(`    missed headings: ${JSON.stringify(score.missedHeadings)}`);
        console.log(`    extra headings:  ${JSON.stringify(score.extraHeadings)}`);
        console.log(`    words lost: ${score.lost.join(' ')}`);
        console.log(`    words added: ${score.added.join(' ')}`);
        console.log(`    words moved: ${score.movedSamples.map((m) => `"${m}"`).join(' / ')}`);
      }
      if (docs.length > 1) console.log(`${''.padEnd(35)} ${row(doc.slug.slice(0, 32), score.found, score.known, score.matched, score.rightDepth, score.titleRight ? 'yes' : 'no', score.lost.length, score.added.length, score.moved, ms)}`);
    }
    console.log(`${shape.name.padEnd(35)} ${row(docs.length > 1 ? 'all' : docs[0]!.slug.slice(0, 32), total.found, total.known, total.matched, total.rightDepth, `${total.titles}/${docs.length}`, total.lost, total.added, total.moved, total.ms)}${total.refused ? `  refused ${total.refused}/${docs.length}` : ''}`);
  }
}

/** `answer corpus add` on one file; a file the reader refuses converts to nothing. */
async function convert(name: string, data: Uint8Array, read: ReadOptions): Promise<{ markdown: string; title: string; refused: boolean }> {
  try {
    const source = await readSource({ name, data }, read);
    return { ...convertPolicySource(source, { file: source.name }), refused: false };
  } catch (error) {
    if (error instanceof Error && error.name === 'InputError') return { markdown: '', title: '', refused: true };
    throw error;
  }
}

function row(name: string, found: number, known: number, matched: number, rightDepth: number, title: string, lost: number, added: number, moved: number, ms: number): string {
  return `${name.padEnd(32)} ${`${found}/${known}`.padStart(11)}  ${pct(matched, found)}   ${pct(matched, known)}  ${pct(rightDepth, matched)}  ${title.padStart(5)}  ${String(lost).padStart(5)}  ${String(added).padStart(5)}  ${String(moved).padStart(5)}  ${ms.toFixed(0).padStart(5)}`;
}
