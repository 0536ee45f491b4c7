/**
 * The three policy seeds as users feed them to `answer corpus add`: PDFs exported from Word (bold
 * headings with paragraph spacing, the same without any spacing, larger light headings) and DOCX
 * files (English heading styles; Dutch "Kop" styles numbered by Word). Built at test time from the
 * shipped corpus/*.md, whose headings are the known ones; then the seeds as LibreOffice wrote them
 * (committed fixtures). bench/corpus.ts prints the same figures.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPolicyDocx } from '../../test/builders/policy-docx.js';
import { buildPolicyPdf, pdfDrawable } from '../../test/builders/policy-pdf.js';
import { scoreConversion } from '../../test/builders/policy-score.js';
import { policySeed, type PolicyDocument } from '../../test/builders/policy-seeds.js';
import { officeFile, officeManifest } from '../../test/fixtures/office/manifest.js';
import { convertPolicyFile } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'answer-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shapes: Array<[string, 'pdf' | 'docx', (doc: PolicyDocument) => Promise<Uint8Array>]> = [
  ['a PDF with bold headings and paragraph spacing', 'pdf', async (d) => (await buildPolicyPdf(d)).data],
  ['a PDF without any paragraph spacing', 'pdf', async (d) => (await buildPolicyPdf(d, { spacing: false })).data],
  ['a PDF with larger light headings', 'pdf', async (d) => (await buildPolicyPdf(d, { look: 'light' })).data],
  ['a DOCX with heading styles', 'docx', (d) => buildPolicyDocx(d)],
  ['a DOCX with "Kop" styles numbered by Word', 'docx', (d) => buildPolicyDocx(d, { styles: 'dutch', numbering: true })],
];

/** Convert as `answer corpus add` does: from a file on disk. */
async function convert(doc: PolicyDocument, ext: 'pdf' | 'docx' | 'odt' | 'rtf', data: Uint8Array, standardFonts = true) {
  const path = join(dir, `${doc.slug}.${ext}`);
  writeFileSync(path, data);
  const result = await convertPolicyFile(path, { display: `${doc.slug}.${ext}` });
  // A PDF built with pdf-lib's standard fonts draws some characters as '?'; the office PDFs embed theirs.
  return scoreConversion(doc, result.markdown, result.title, ext === 'pdf' && standardFonts ? await pdfDrawable() : undefined);
}

describe('policy documents as Word files keep their headings and every word', () => {
  const cases = ['koers-sociaal-domein-2023', 'zwolse-agenda-zorg-en-veiligheid-2025-2026'].flatMap((slug) => shapes.map(([name, ext, build]) => [slug, name, ext, build] as const));

  it.each(cases)('%s as %s', async (slug, _name, ext, build) => {
    const doc = policySeed(slug);
    const score = await convert(doc, ext, await build(doc));
    expect({ missed: score.missedHeadings, extra: score.extraHeadings }).toEqual({ missed: [], extra: [] });
    expect(score.rightDepth).toBe(score.known);
    expect(score.titleRight).toBe(true);
    expect({ lost: score.lost, added: score.added, moved: score.movedSamples }).toEqual({ lost: [], added: [], moved: [] });
  });

  it('the 2005 beleidsnota (211 headings five levels deep) as a PDF without paragraph spacing and as a numbered DOCX', async () => {
    const doc = policySeed('beleidsnota-welzijn-en-zorg-2005-meedoen-nu-en-later');
    for (const [, ext, build] of [shapes[1]!, shapes[4]!]) {
      const score = await convert(doc, ext, await build(doc));
      expect({ missed: score.missedHeadings, extra: score.extraHeadings, lost: score.lost, added: score.added, moved: score.movedSamples }).toEqual({ missed: [], extra: [], lost: [], added: [], moved: [] });
      expect(score.rightDepth).toBe(score.known);
    }
  });
});

describe('policy documents as the office suite writes them (test/fixtures/office/policy/)', () => {
  // LibreOffice's DOCX (Title and heading styles, real footnotes), its ODT and RTF, and the PDF it
  // exports: footnote references as superscripts ("€ 50.000²"), footnotes at the foot of the page.
  const cases = officeManifest().policy.flatMap((fixture) => (['docx', 'odt', 'rtf', 'pdf'] as const).map((ext) => [fixture.slug, ext, fixture.files[ext]] as const));

  it.each(cases)('%s as %s: every heading at its depth, every word, nothing moved', async (slug, ext, path) => {
    const doc = policySeed(slug);
    const score = await convert(doc, ext, officeFile(path), false);
    expect({ missed: score.missedHeadings, extra: score.extraHeadings }).toEqual({ missed: [], extra: [] });
    expect(score.rightDepth).toBe(score.known);
    expect(score.titleRight).toBe(true);
    expect({ lost: score.lost, added: score.added, moved: score.movedSamples }).toEqual({ lost: [], added: [], moved: [] });
  }, 30_000);
});
