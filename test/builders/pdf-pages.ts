/**
 * The page engine behind the PDF builders: paragraphs of styled text laid out on pages the way
 * Word exports them. Lines are wrapped at the margin by the font's metrics, each paragraph in its
 * own font, size and spacing before and after (paragraph spacing is not text: no blank line is
 * drawn), list labels with a hanging indent, a heading kept with the paragraph after it, footnotes
 * in a smaller font at the page's foot with superscript markers, a running header and page numbers.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type FontFamily = 'helvetica' | 'times';

export interface ParagraphStyle {
  family?: FontFamily;
  face?: FontFace;
  size: number;
  /** Distance between baselines. Default 1.2 × size. */
  leading?: number;
  /** Space above the paragraph (not at a page's top), in points. */
  spaceBefore?: number;
  /** Space below the paragraph, in points (Word's "spacing after"). */
  spaceAfter?: number;
  /** Keep on a page with the first lines of the next paragraph (Word's headings). */
  keepWithNext?: boolean;
}

export interface Token {
  text: string;
  /** Footnote number drawn as a superscript after `text`. */
  marker: number | null;
  /** Text drawn after the marker, glued to it ("veiligheid¹." → tail "."). */
  tail?: string;
}

export type PageParagraph =
  | { kind: 'blank' }
  | {
      kind: 'text';
      /** A list label drawn in the hanging indent, or null. */
      label: string | null;
      /** Indentation level: 0 for text and top-level items. */
      level: number;
      tokens: Token[];
      style: ParagraphStyle;
    };

export interface PageOptions {
  /** Page size in points. Default A4. */
  pageSize?: [number, number];
  /** Margin on all sides, in points. Default 72 (2.54 cm). */
  margin?: number;
  /** Running header on every page; null for none. */
  header?: string | null;
  /** Page number footer style; null for none. */
  pageNumbers?: 'pagina' | 'dash' | 'slash' | 'bare' | null;
  align?: 'left' | 'justify';
  /** Draw blank paragraphs as an empty line of the given height (a letter typed with empty paragraphs). */
  blankLineHeight?: number | null;
  /** Size of the body text (footnotes are 0.8 of it, running header and page numbers at most 9 pt); default the first paragraph's. */
  bodySize?: number;
  /** Footnote texts: footnote n is `footnotes[n - 1]`. */
  footnotes?: string[];
  /** Break a line after a hyphen inside a word, as Word does ("Leven-" / "akkoord"). Default false. */
  breakAtHyphens?: boolean;
}

export interface BuiltPdf {
  data: Uint8Array;
  pageCount: number;
  /** The body lines as drawn, in reading order, with each page's footnote lines (`N text`) after its body. */
  lines: string[];
  /** Words too long for a line, broken across lines as Word does: their pieces, in order. */
  brokenWords: string[][];
}

export const A4: [number, number] = [595.28, 841.89];

interface LaidLine {
  page: number;
  y: number;
  labelText: string | null;
  labelX: number;
  textX: number;
  width: number;
  tokens: Token[];
  justify: boolean;
  font: PDFFont;
  size: number;
}

interface LaidFootnote {
  page: number;
  lines: { text: string; marker: number | null }[];
}

const INDENT = 18;
const SUPERSCRIPT_SCALE = 0.65;
const SUPERSCRIPT_RISE = 0.33;

const FONTS: Record<FontFamily, Record<FontFace, StandardFonts>> = {
  helvetica: { regular: StandardFonts.Helvetica, bold: StandardFonts.HelveticaBold, italic: StandardFonts.HelveticaOblique, boldItalic: StandardFonts.HelveticaBoldOblique },
  times: { regular: StandardFonts.TimesRoman, bold: StandardFonts.TimesRomanBold, italic: StandardFonts.TimesRomanItalic, boldItalic: StandardFonts.TimesRomanBoldItalic },
};

/** Lay out and draw paragraphs; footnote markers in the tokens refer to `options.footnotes`. */
export async function drawPages(paragraphs: PageParagraph[], options: PageOptions = {}): Promise<BuiltPdf> {
  const [pageWidth, pageHeight] = options.pageSize ?? A4;
  const margin = options.margin ?? 72;
  const first = paragraphs.find((p) => p.kind === 'text');
  const bodySize = options.bodySize ?? (first?.kind === 'text' ? first.style.size : 11);
  const footSize = Math.max(6, Math.round(bodySize * 0.8));
  const footLeading = footSize * 1.2;
  const header = options.header ?? null;
  const pageNumbers = options.pageNumbers ?? null;
  const align = options.align ?? 'left';

  const doc = await PDFDocument.create();
  const embedded = new Map<StandardFonts, PDFFont>();
  const fontFor = async (style: ParagraphStyle): Promise<PDFFont> => {
    const name = FONTS[style.family ?? 'helvetica'][style.face ?? 'regular'];
    let font = embedded.get(name);
    if (!font) {
      font = await doc.embedFont(name);
      embedded.set(name, font);
    }
    return font;
  };
  const regular = await fontFor({ size: bodySize });
  const width = (s: string, at: number, font = regular): number => font.widthOfTextAtSize(s, at);
  const markerWidth = (n: number, at: number, font = regular): number => width(String(n), at * SUPERSCRIPT_SCALE, font);
  const tokenWidth = (t: Token, at: number, font: PDFFont): number => width(t.text, at, font) + (t.marker ? markerWidth(t.marker, at, font) : 0) + (t.tail ? width(t.tail, at, font) : 0);
  const contentWidth = pageWidth - 2 * margin;
  const brokenWords: string[][] = [];
  const breakAtHyphens = options.breakAtHyphens ?? false;

  const lines: LaidLine[] = [];
  const footnotes: LaidFootnote[] = [];
  let page = 0;
  let y = pageHeight - margin - bodySize;
  let footHeight = 0;
  let atPageTop = true;
  const footnoteBlock = (n: number): { text: string; marker: number | null }[] => {
    const text = options.footnotes?.[n - 1];
    if (text === undefined) throw new Error(`footnote ${n} has no text`);
    const noteLines = wrap(tokensOf(text), contentWidth - markerWidth(n, bodySize) - width(' ', footSize), (t) => width(t.text, footSize), width(' ', footSize), (t) => width(t, footSize), brokenWords, false);
    return noteLines.map((ts, i) => ({ text: ts.map((t) => t.text).join(' '), marker: i === 0 ? n : null }));
  };
  const newPage = (): void => {
    page++;
    y = pageHeight - margin - bodySize;
    footHeight = 0;
    atPageTop = true;
  };
  const wrapped: Array<{ font: PDFFont; size: number; labelX: number; textX: number; available: number; wrappedLines: Token[][]; leading: number } | null> = [];
  for (const paragraph of paragraphs) {
    if (paragraph.kind === 'blank') {
      wrapped.push(null);
      continue;
    }
    const font = await fontFor(paragraph.style);
    const size = paragraph.style.size;
    const labelX = margin + paragraph.level * INDENT;
    const textX = labelX + (paragraph.label !== null ? INDENT : 0);
    const available = pageWidth - margin - textX;
    const wrappedLines = wrap(paragraph.tokens, available, (t) => tokenWidth(t, size, font), width(' ', size, font), (t) => width(t, size, font), brokenWords, breakAtHyphens);
    wrapped.push({ font, size, labelX, textX, available, wrappedLines, leading: paragraph.style.leading ?? size * 1.2 });
  }
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind === 'blank') {
      if (options.blankLineHeight && !atPageTop) {
        y -= options.blankLineHeight;
        if (y < margin + footHeight) newPage();
      }
      return;
    }
    const laid = wrapped[index]!;
    const { style } = paragraph;
    if (!atPageTop) y -= style.spaceBefore ?? 0;
    if (style.keepWithNext && !atPageTop) {
      // Room for this paragraph and two lines of the next one.
      const next = wrapped.slice(index + 1).find((w) => w !== null);
      const needed = (laid.wrappedLines.length - 1) * laid.leading + laid.leading + (style.spaceAfter ?? 0) + (next ? 2 * next.leading : 0);
      if (y - needed < margin + footHeight) newPage();
    }
    laid.wrappedLines.forEach((lineTokens, i) => {
      const notes = lineTokens.flatMap((t) => (t.marker ? [footnoteBlock(t.marker)] : []));
      // Room for this line's footnotes (and the separator above the first footnote of a page).
      const noteHeight = (): number => notes.reduce((h, block) => h + block.length * footLeading, 0) + (notes.length > 0 && footHeight === 0 ? footLeading : 0);
      if (!atPageTop && y < margin + footHeight + noteHeight()) newPage();
      footHeight += noteHeight();
      for (const block of notes) footnotes.push({ page, lines: block });
      lines.push({
        page,
        y,
        labelText: i === 0 ? paragraph.label : null,
        labelX: laid.labelX,
        textX: laid.textX,
        width: laid.available,
        tokens: lineTokens,
        justify: align === 'justify' && i < laid.wrappedLines.length - 1 && lineTokens.length > 1,
        font: laid.font,
        size: laid.size,
      });
      y -= laid.leading;
      atPageTop = false;
    });
    y -= style.spaceAfter ?? 0;
    if (y < margin + footHeight) newPage();
  });
  const pageCount = Math.max(1, ...lines.map((l) => l.page + 1), ...footnotes.map((f) => f.page + 1));

  // Draw.
  const pages: PDFPage[] = [];
  for (let p = 0; p < pageCount; p++) pages.push(doc.addPage([pageWidth, pageHeight]));
  for (const line of lines) {
    const pdfPage = pages[line.page]!;
    if (line.labelText) pdfPage.drawText(line.labelText, { x: line.labelX, y: line.y, size: line.size, font: line.font });
    drawTokens(pdfPage, line, (s, at) => width(s, at, line.font));
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
        pdfPage.drawText(m, { x, y: fy + footSize * SUPERSCRIPT_RISE, size: footSize * SUPERSCRIPT_SCALE, font: regular });
        x += width(m, footSize * SUPERSCRIPT_SCALE) + width(' ', footSize);
      } else {
        x += markerWidth(1, bodySize) + width(' ', footSize);
      }
      pdfPage.drawText(note.text, { x, y: fy, size: footSize, font: regular });
      fy -= footLeading;
    }
    const furnitureSize = Math.min(9, bodySize);
    if (header) pdfPage.drawText(header, { x: margin, y: pageHeight - margin / 2, size: furnitureSize, font: regular });
    if (pageNumbers) {
      const label = pageLabel(pageNumbers, p + 1, pageCount);
      pdfPage.drawText(label, { x: (pageWidth - width(label, furnitureSize)) / 2, y: margin / 2 - furnitureSize / 2, size: furnitureSize, font: regular });
    }
  }
  const expected: string[] = [];
  for (let p = 0; p < pageCount; p++) {
    for (const line of lines.filter((l) => l.page === p)) {
      const body = line.tokens.map((t) => t.text + (t.marker ? String(t.marker) : '') + (t.tail ?? '')).join(' ');
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

function drawTokens(page: PDFPage, line: LaidLine, width: (s: string, at: number) => number): void {
  const { font, size } = line;
  const space = width(' ', size);
  const natural = line.tokens.reduce((w, t) => w + width(t.text + (t.tail ?? ''), size) + (t.marker ? width(String(t.marker), size * SUPERSCRIPT_SCALE) : 0), 0) + space * (line.tokens.length - 1);
  const stretch = line.justify ? (line.width - natural) / (line.tokens.length - 1) : 0;
  const marker = (n: number, x: number): number => {
    const m = String(n);
    page.drawText(m, { x, y: line.y + size * SUPERSCRIPT_RISE, size: size * SUPERSCRIPT_SCALE, font });
    return x + width(m, size * SUPERSCRIPT_SCALE);
  };
  let x = line.textX;
  if (line.justify) {
    // Justified: every word drawn on its own, spaces stretched (as Word's justified export positions words).
    for (const token of line.tokens) {
      page.drawText(token.text, { x, y: line.y, size, font });
      x += width(token.text, size);
      if (token.marker) x = marker(token.marker, x);
      if (token.tail) {
        page.drawText(token.tail, { x, y: line.y, size, font });
        x += width(token.tail, size);
      }
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
      x += width(run, size);
      x = marker(token.marker, x);
      run = token.tail ?? '';
    }
    if (i < line.tokens.length - 1) run += ' ';
  }
  if (run.trim() !== '') page.drawText(run, { x, y: line.y, size, font });
}

export function tokensOf(text: string): Token[] {
  return text.split(' ').filter((t) => t !== '').map((t) => ({ text: t, marker: null }));
}

/**
 * Greedy line filling. A word wider than the line is broken at the last character that fits, as
 * Word breaks a long URL; its pieces are recorded. With `breakAtHyphens`, a word that does not fit
 * is split after a hyphen inside it when its first part fits.
 */
function wrap(
  input: Token[],
  available: number,
  tokenWidth: (t: Token) => number,
  space: number,
  textWidth: (s: string) => number,
  brokenWords: string[][],
  breakAtHyphens: boolean,
): Token[][] {
  const lines: Token[][] = [];
  let current: Token[] = [];
  let used = 0;
  const tokens = [...input];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const w = tokenWidth(token);
    if (current.length > 0 && used + space + w <= available) {
      current.push(token);
      used += space + w;
      continue;
    }
    if (breakAtHyphens && current.length > 0 && !token.marker) {
      const hyphen = /^(\p{L}{2,}-)(\p{L}{2,}.*)$/u.exec(token.text);
      if (hyphen && used + space + textWidth(hyphen[1]!) <= available) {
        current.push({ text: hyphen[1]!, marker: null });
        lines.push(current);
        current = [];
        used = 0;
        tokens.splice(k + 1, 0, { ...token, text: hyphen[2]! });
        brokenWords.push([hyphen[1]!, hyphen[2]!]);
        continue;
      }
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
    current = [{ ...token, text: rest }];
    used = tokenWidth(current[0]!);
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** Map text to what the standard fonts' WinAnsi encoding can draw: close equivalents, else '?'. */
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

/** The characters the standard fonts can draw (WinAnsi), for `toWinAnsi`. */
export async function standardCharset(): Promise<Set<number>> {
  const doc = await PDFDocument.create();
  return new Set((await doc.embedFont(StandardFonts.Helvetica)).getCharacterSet());
}
