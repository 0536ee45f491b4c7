/**
 * Heading lines in PDFs exported from Word: a line set larger than the body text, or (with the
 * font names read) bolder or in another face, comes back as a heading mark beside the text.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildPolicyPdf, type PolicyPdfOptions } from '../../test/builders/policy-pdf.js';
import { markedLines } from '../../test/builders/policy-score.js';
import { policyHeading as heading, policyParagraph as paragraph, sampleNota as nota, sampleSentence as sentence, type PolicyDocument } from '../../test/builders/policy-seeds.js';
import { readSource, type SourceText } from './read-source.js';

/** One page: no running header (on a single page it would be text). */
async function readPolicy(doc: PolicyDocument, options: PolicyPdfOptions = {}, fontNames = true): Promise<SourceText> {
  const built = await buildPolicyPdf(doc, { header: null, ...options });
  return readSource({ name: 'nota.pdf', data: built.data }, { fontNames });
}

const marked = (source: SourceText): Array<[number, string]> => markedLines(source.text, source.headings);

describe('heading lines in a PDF', () => {
  it('marks lines set larger or bolder than the body text, ranked by size: title, Heading 1, 2 and 3', async () => {
    expect(marked(await readPolicy(nota))).toEqual([
      [1, 'Nota zorg en veiligheid 2025'],
      [2, '1 Inleiding en proces'],
      [3, '1.1 Urgentie'],
      [4, 'Samenwerking met de politie'],
      [2, '2 Beleid over zorg en veiligheid'],
    ]);
  });

  it('marks them without any paragraph spacing, where only the font sets them apart', async () => {
    const source = await readPolicy(nota, { spacing: false });
    expect(source.text).not.toContain('\n\n');
    expect(marked(source).map(([, text]) => text)).toEqual(['Nota zorg en veiligheid 2025', '1 Inleiding en proces', '1.1 Urgentie', 'Samenwerking met de politie', '2 Beleid over zorg en veiligheid']);
  });

  it('marks larger headings in a light face of another family (Word 2013 and later)', async () => {
    expect(marked(await readPolicy(nota, { look: 'light' })).map(([level]) => level)).toEqual([1, 2, 3, 4, 2]);
  });

  it('sees only the larger headings when the font names are not read (as `answer parse` reads)', async () => {
    expect(marked(await readPolicy(nota, {}, false)).map(([, text]) => text)).toEqual(['Nota zorg en veiligheid 2025', '1 Inleiding en proces', '1.1 Urgentie', '2 Beleid over zorg en veiligheid']);
  });

  it('keeps a heading wrapped over two lines as one, and headings that follow each other without spacing apart', async () => {
    const long = 'Vertragen, verdragen, uitzoomen, stap voor stap naar een werkende oplossing voor inwoners';
    const doc: PolicyDocument = { ...nota, blocks: [nota.blocks[0]!, heading(1, 'Deel A'), heading(1, 'Deel B'), heading(1, long), paragraph('Zo')] };
    const source = await readPolicy(doc, { spacing: false });
    expect(source.headings.map((h) => h.lines)).toEqual([1, 1, 1, 2]);
    expect(marked(source).slice(1)).toEqual([
      [2, 'Deel A'],
      [2, 'Deel B'],
      [2, long],
    ]);
  });

  it('does not mark a run of more than three bold lines (an emphasised paragraph)', async () => {
    const doc: PolicyDocument = { ...nota, blocks: [...nota.blocks, heading(3, `${sentence('Zo')} ${sentence('Ook')}`)] };
    expect(marked(await readPolicy(doc)).map(([, text]) => text)).not.toContainEqual(expect.stringContaining('Ook werkt'));
  });

  it('does not mark a line that starts with a bold word', async () => {
    const pdf = await PDFDocument.create();
    const regular = await pdf.embedFont(StandardFonts.Helvetica);
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
    const page = pdf.addPage([595, 842]);
    let y = 760;
    for (let i = 0; i < 12; i++) {
      const lead = i === 4 ? 'Let op:' : '';
      if (lead) page.drawText(lead, { x: 72, y, size: 11, font: bold });
      page.drawText('de gemeente werkt samen met zorgpartners en de politie in elke wijk', { x: 72 + (lead ? bold.widthOfTextAtSize(`${lead} `, 11) : 0), y, size: 11, font: regular });
      y -= 13.2;
    }
    const source = await readSource({ name: 'a.pdf', data: await pdf.save() }, { fontNames: true });
    expect(source.text).toContain('Let op: de gemeente');
    expect(source.headings).toEqual([]);
  });

  it('leaves the text as it is drawn: the marks travel beside it', async () => {
    const built = await buildPolicyPdf(nota, { header: null });
    const withMarks = await readSource({ name: 'nota.pdf', data: built.data }, { fontNames: true });
    const plain = await readSource({ name: 'nota.pdf', data: built.data });
    expect(withMarks.text).toBe(plain.text);
    expect(withMarks.text.split('\n').filter((l) => l !== '')).toEqual(built.lines);
  });
});
