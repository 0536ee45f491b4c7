/**
 * Build a PDF from a letter's text the way a letter exported from Word looks to a text extractor:
 * Helvetica on A4, lines wrapped at the margin by the font's metrics, no blank lines between
 * paragraphs (paragraph spacing is not text), list labels with a hanging indent, a running header on
 * every page and "Pagina i van n" at the bottom, optional footnotes in a smaller font at the page
 * bottom with superscript markers. Built at test time; no binary is committed.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { splitLetter, type LetterParagraph } from './letter-lines.js';

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

export interface BuiltPdf {
  data: Uint8Array;
  pageCount: number;
  /** The body lines as drawn, in reading order, with each page's footnote lines (`N text`) after its body. */
  lines: string[];
  /** Words too long for a line, broken across lines as Word does: their pieces, in order. */
  brokenWords: string[][];
}

export const DEFAULT_HEADER = 'Gemeente Zwolle – Schriftelijke vragen';
export const A4: [number, number] = [595.28, 841.89];
/** A small page (A6) that turns every development letter into several pages. */
export const A6: [number, number] = [297.64, 419.53];

interface Token {
  text: string;
  /** Footnote number drawn as a superscript right after the token. */
  marker: number | null;
}

interface LaidLine {
  page: number;
  y: number;
  labelText: string | null;
  labelX: number;
  textX: number;
  width: number;
  tokens: Token[];
  justify: boolean;
}

interface LaidFootnote {
  page: number;
  lines: { text: string; marker: number | null }[];
}

const INDENT = 18;
const SUPERSCRIPT_SCALE = 0.65;
const SUPERSCRIPT_RISE = 0.33;

export async function buildLetterPdf(text: string, options: LetterPdfOptions = {}): Promise<BuiltPdf> {
  const [pageWidth, pageHeight] = options.pageSize ?? A4;
  const margin = options.margin ?? 72;
  const size = options.fontSize ?? 11;
  const leading = options.leading ?? size * 1.2;
  const footSize = Math.max(6, Math.round(size * 0.8));
  const footLeading = footSize * 1.2;
  const header = options.header === undefined ? DEFAULT_HEADER : options.header;
  const pageNumbers = options.pageNumbers === undefined ? 'pagina' : options.pageNumbers;
  const align = options.align ?? 'left';

  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const charset = new Set(font.getCharacterSet());
  const clean = (s: string): string => toWinAnsi(s, charset);
  const width = (s: string, at = size): number => font.widthOfTextAtSize(s, at);
  const markerWidth = (n: number): number => width(String(n), size * SUPERSCRIPT_SCALE);
  const contentWidth = pageWidth - 2 * margin;
  const brokenWords: string[][] = [];

  const paragraphs = splitLetter(clean(text));
  const markers = placeMarkers(paragraphs, options.footnotes ?? []);

  // Lay out lines onto pages, keeping room at the bottom for the page's footnotes.
  const lines: LaidLine[] = [];
  const footnotes: LaidFootnote[] = [];
  let page = 0;
  let y = pageHeight - margin - size;
  let footHeight = 0;
  let atPageTop = true;
  const footnoteBlock = (n: number): { text: string; marker: number | null }[] => {
    const spec = options.footnotes![n - 1]!;
    const wrapped = wrap(tokensOf(clean(spec.text)), contentWidth - markerWidth(n) - width(' ', footSize), (t) => width(t.text, footSize), width(' ', footSize), (t) => width(t, footSize), brokenWords);
    return wrapped.map((ts, i) => ({ text: ts.map((t) => t.text).join(' '), marker: i === 0 ? n : null }));
  };
  const newPage = (): void => {
    page++;
    y = pageHeight - margin - size;
    footHeight = 0;
    atPageTop = true;
  };
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind === 'blank') {
      if (options.keepBlankLines && !atPageTop) {
        y -= leading;
        if (y < margin + footHeight) newPage();
      }
      return;
    }
    const hasLabel = paragraph.label !== null;
    const labelX = margin + paragraph.level * INDENT;
    const textX = labelX + (hasLabel ? INDENT : 0);
    const available = pageWidth - margin - textX;
    const tokens = tokensOf(paragraph.text).map((t, i) => ({ ...t, marker: markers.get(`${index}:${i}`) ?? null }));
    const wrapped = wrap(tokens, available, (t) => width(t.text) + (t.marker ? markerWidth(t.marker) : 0), width(' '), (t) => width(t), brokenWords);
    wrapped.forEach((lineTokens, i) => {
      const notes = lineTokens.flatMap((t) => (t.marker ? [footnoteBlock(t.marker)] : []));
      // Room for this line's footnotes (and the separator above the first footnote of a page).
      const noteHeight = (): number => notes.reduce((h, block) => h + block.length * footLeading, 0) + (notes.length > 0 && footHeight === 0 ? footLeading : 0);
      if (!atPageTop && y < margin + footHeight + noteHeight()) newPage();
      footHeight += noteHeight();
      for (const block of notes) footnotes.push({ page, lines: block });
      lines.push({
        page,
        y,
        labelText: i === 0 && hasLabel ? paragraph.label : null,
        labelX,
        textX,
        width: available,
        tokens: lineTokens,
        justify: align === 'justify' && i < wrapped.length - 1 && lineTokens.length > 1,
      });
      y -= leading;
      atPageTop = false;
    });
    y -= options.paragraphSpacing ?? 0;
    if (y < margin + footHeight) newPage();
  });
  const pageCount = Math.max(1, ...lines.map((l) => l.page + 1), ...footnotes.map((f) => f.page + 1));

  // Draw.
  const pages: PDFPage[] = [];
  for (let p = 0; p < pageCount; p++) pages.push(doc.addPage([pageWidth, pageHeight]));
  for (const line of lines) {
    const pdfPage = pages[line.page]!;
    if (line.labelText) pdfPage.drawText(line.labelText, { x: line.labelX, y: line.y, size, font });
    drawTokens(pdfPage, font, line, size, width, markerWidth);
  }
  for (let p = 0; p < pageCount; p++) {
    const pdfPage = pages[p]!;
    const notes = footnotes.filter((f) => f.page === p).flatMap((f) => f.lines);
    let fy = margin + (notes.length - 1) * footLeading;
    if (notes.length > 0) {
      pdfPage.drawLine({ start: { x: margin, y: fy + footLeading }, end: { x: margin + contentWidth / 3, y: fy + footLeading }, thickness: 0.5, color: rgb(0, 0, 0) });
    }
    for (const note of notes) {
      let x = margin;
      if (note.marker !== null) {
        const m = String(note.marker);
        pdfPage.drawText(m, { x, y: fy + footSize * SUPERSCRIPT_RISE, size: footSize * SUPERSCRIPT_SCALE, font });
        x += width(m, footSize * SUPERSCRIPT_SCALE) + width(' ', footSize);
      } else {
        x += markerWidth(1) + width(' ', footSize);
      }
      pdfPage.drawText(note.text, { x, y: fy, size: footSize, font });
      fy -= footLeading;
    }
    const furnitureSize = Math.min(9, size);
    if (header) pdfPage.drawText(clean(header), { x: margin, y: pageHeight - margin / 2, size: furnitureSize, font });
    if (pageNumbers) {
      const label = pageLabel(pageNumbers, p + 1, pageCount);
      pdfPage.drawText(label, { x: (pageWidth - width(label, furnitureSize)) / 2, y: margin / 2 - furnitureSize / 2, size: furnitureSize, font });
    }
  }
  const expected: string[] = [];
  for (let p = 0; p < pageCount; p++) {
    for (const line of lines.filter((l) => l.page === p)) {
      const body = line.tokens.map((t) => t.text + (t.marker ? String(t.marker) : '')).join(' ');
      expected.push(line.labelText ? `${line.labelText} ${body}` : body);
    }
    for (const note of footnotes.filter((f) => f.page === p).flatMap((f) => f.lines)) {
      expected.push(note.marker !== null ? `${note.marker} ${note.text}` : note.text);
    }
  }
  return { data: await doc.save(), pageCount, lines: expected, brokenWords };
}

function pageLabel(style: 'pagina' | 'dash' | 'slash' | 'bare', n: number, total: number): string {
  switch (style) {
    case 'pagina':
      return `Pagina ${n} van ${total}`;
    case 'dash':
      return `- ${n} -`;
    case 'slash':
      return `${n}/${total}`;
    case 'bare':
      return String(n);
  }
}

function drawTokens(
  page: PDFPage,
  font: PDFFont,
  line: LaidLine,
  size: number,
  width: (s: string, at?: number) => number,
  markerWidth: (n: number) => number,
): void {
  const space = width(' ');
  const natural = line.tokens.reduce((w, t) => w + width(t.text) + (t.marker ? markerWidth(t.marker) : 0), 0) + space * (line.tokens.length - 1);
  const stretch = line.justify ? (line.width - natural) / (line.tokens.length - 1) : 0;
  let x = line.textX;
  if (line.justify) {
    // Justified: every word drawn on its own, spaces stretched (as Word's justified export positions words).
    for (const token of line.tokens) {
      page.drawText(token.text, { x, y: line.y, size, font });
      x += width(token.text);
      if (token.marker) x = drawMarker(page, font, token.marker, x, line.y, size, width);
      x += space + stretch;
    }
    return;
  }
  // Left aligned: one text run per stretch of words, split only where a footnote marker sits.
  let run = '';
  for (const [i, token] of line.tokens.entries()) {
    run += token.text;
    if (token.marker) {
      page.drawText(run, { x, y: line.y, size, font });
      x += width(run);
      x = drawMarker(page, font, token.marker, x, line.y, size, width);
      run = '';
    }
    if (i < line.tokens.length - 1) run += ' ';
  }
  if (run.trim() !== '') page.drawText(run, { x, y: line.y, size, font });
}

function drawMarker(page: PDFPage, font: PDFFont, n: number, x: number, y: number, size: number, width: (s: string, at?: number) => number): number {
  const m = String(n);
  page.drawText(m, { x, y: y + size * SUPERSCRIPT_RISE, size: size * SUPERSCRIPT_SCALE, font });
  return x + width(m, size * SUPERSCRIPT_SCALE);
}

function tokensOf(text: string): Token[] {
  return text.split(' ').filter((t) => t !== '').map((t) => ({ text: t, marker: null }));
}

/**
 * Greedy line filling. A word wider than the line is broken at the last character that fits, as
 * Word breaks a long URL; its pieces are recorded.
 */
function wrap(
  tokens: Token[],
  available: number,
  tokenWidth: (t: Token) => number,
  space: number,
  textWidth: (s: string) => number,
  brokenWords: string[][],
): Token[][] {
  const lines: Token[][] = [];
  let current: Token[] = [];
  let used = 0;
  for (const token of tokens) {
    const w = tokenWidth(token);
    if (current.length > 0 && used + space + w <= available) {
      current.push(token);
      used += space + w;
      continue;
    }
    if (current.length > 0) lines.push(current);
    if (w <= available) {
      current = [token];
      used = w;
      continue;
    }
    const pieces: string[] = [];
    let rest = token.text;
    while (textWidth(rest) > available && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && textWidth(rest.slice(0, n)) > available) n--;
      pieces.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    pieces.push(rest);
    brokenWords.push(pieces);
    for (const piece of pieces.slice(0, -1)) lines.push([{ text: piece, marker: null }]);
    current = [{ text: rest, marker: token.marker }];
    used = tokenWidth(current[0]!);
  }
  if (current.length > 0) lines.push(current);
  return lines;
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

/** Map text to what Helvetica's WinAnsi encoding can draw: close equivalents, else '?'. */
export function toWinAnsi(text: string, charset: Set<number>): string {
  const similar: Record<string, string> = {
    '\u00a0': ' ', '\u2007': ' ', '\u2009': ' ', '\u202f': ' ', '\u2010': '-', '\u2011': '-', '\u2012': '–', '\u2212': '-',
    '\u2032': "'", '\u2033': '"', '\u25cf': '•', '\u25aa': '•', '\u2023': '•', '\u00ad': '',
  };
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === '\n' || ch === '\t') {
      out += ch === '\t' ? ' ' : ch;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    if (charset.has(cp)) out += ch;
    else if (similar[ch] !== undefined) out += similar[ch];
    else if (/[\u200b-\u200f\u2060\ufeff]/.test(ch)) continue;
    else out += '?';
  }
  return out;
}
