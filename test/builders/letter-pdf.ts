/**
 * Build a PDF from a letter's text the way a letter exported from Word looks to a text extractor:
 * Helvetica on A4, lines wrapped at the margin by the font's metrics, no blank lines between
 * paragraphs (paragraph spacing is not text), list labels with a hanging indent, a running header on
 * every page and "Pagina i van n" at the bottom, optional footnotes in a smaller font at the page
 * bottom with superscript markers. Built at test time; no binary is committed. The page layout
 * itself is in pdf-pages.ts.
 */
import { splitLetter, type LetterParagraph } from './letter-lines.js';
import { A4, drawPages, standardCharset, toWinAnsi, tokensOf, type BuiltPdf, type PageParagraph } from './pdf-pages.js';

export { A4, toWinAnsi, type BuiltPdf };

export interface FootnoteSpec {
  /** The marker goes right after the first occurrence of this text (at the end of its word). */
  after: string;
  text: string;
}

export interface LetterPdfOptions {
  /** Page size in points. Default A4. A small page forces page breaks. */
  pageSize?: [number, number];
  /** Margin on all sides, in points. Default 72 (2.54 cm). */
  margin?: number;
  /** Body font size. Default 11. */
  fontSize?: number;
  /** Distance between baselines. Default 1.2 × font size. */
  leading?: number;
  /** Extra space after each paragraph, in points (Word's "spacing after"). Default 0. */
  paragraphSpacing?: number;
  /** Draw the letter's blank lines as empty lines (a letter typed with empty paragraphs). Default false. */
  keepBlankLines?: boolean;
  /** Running header on every page; null for none. */
  header?: string | null;
  /** Page number footer style; null for none. */
  pageNumbers?: 'pagina' | 'dash' | 'slash' | 'bare' | null;
  align?: 'left' | 'justify';
  footnotes?: FootnoteSpec[];
}

export const DEFAULT_HEADER = 'Gemeente Zwolle – Schriftelijke vragen';
/** A small page (A6) that turns every development letter into several pages. */
export const A6: [number, number] = [297.64, 419.53];

export async function buildLetterPdf(text: string, options: LetterPdfOptions = {}): Promise<BuiltPdf> {
  const size = options.fontSize ?? 11;
  const leading = options.leading ?? size * 1.2;
  const charset = await standardCharset();
  const clean = (s: string): string => toWinAnsi(s, charset);
  const header = options.header === undefined ? DEFAULT_HEADER : options.header;
  const letter = splitLetter(clean(text));
  const markers = placeMarkers(letter, options.footnotes ?? []);
  const style = { size, leading, spaceAfter: options.paragraphSpacing ?? 0 };
  const paragraphs: PageParagraph[] = letter.map((p, index) =>
    p.kind === 'blank'
      ? { kind: 'blank' }
      : { kind: 'text', label: p.label, level: p.level, tokens: tokensOf(p.text).map((t, i) => ({ ...t, marker: markers.get(`${index}:${i}`) ?? null })), style },
  );
  return drawPages(paragraphs, {
    pageSize: options.pageSize,
    margin: options.margin,
    header: header === null ? null : clean(header),
    pageNumbers: options.pageNumbers === undefined ? 'pagina' : options.pageNumbers,
    align: options.align,
    blankLineHeight: options.keepBlankLines ? leading : null,
    footnotes: (options.footnotes ?? []).map((f) => clean(f.text)),
  });
}

/** Footnote markers: `index:token` of the paragraph token each footnote's marker follows. */
function placeMarkers(paragraphs: LetterParagraph[], footnotes: FootnoteSpec[]): Map<string, number> {
  const placed = new Map<string, number>();
  footnotes.forEach((spec, n) => {
    for (const [index, paragraph] of paragraphs.entries()) {
      const at = paragraph.text.indexOf(spec.after);
      if (at < 0) continue;
      const end = at + spec.after.length;
      const token = paragraph.text.slice(0, end).split(' ').filter((t) => t !== '').length - 1;
      placed.set(`${index}:${Math.max(0, token)}`, n + 1);
      return;
    }
    throw new Error(`footnote anchor not found: ${spec.after}`);
  });
  return placed;
}
