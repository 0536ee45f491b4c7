/**
 * Build a PDF of a policy document the way Word exports one: headings in their own font on their
 * own line, body paragraphs wrapped at the margin with Word's "spacing after" between them (no
 * blank text line), lines broken after hyphens, list items with a hanging indent, footnotes at the
 * page's foot, the title as running header and bare page numbers. Built at test time.
 *
 * Looks: 'bold' is Word 2007-2010 (bold headings, Heading 3 in the body's size, so only the weight
 * marks it); 'light' is Word 2013 and later (larger headings in a light face of another family,
 * not bold); 'plain' sets headings as body text (an author who typed them as ordinary paragraphs).
 * `spacing: false` drops all paragraph spacing: then only fonts mark headings.
 */
import { drawPages, standardCharset, toWinAnsi, tokensOf, type BuiltPdf, type FontFace, type FontFamily, type PageParagraph, type ParagraphStyle, type Token } from './pdf-pages.js';
import type { PolicyDocument, PolicyInline } from './policy-seeds.js';

export interface PolicyPdfOptions {
  look?: 'bold' | 'light' | 'plain';
  /** Word's paragraph spacing (before headings, after paragraphs). Default true. */
  spacing?: boolean;
  /** Running header; default the document's title, null for none. */
  header?: string | null;
  pageNumbers?: 'pagina' | 'bare' | null;
  pageSize?: [number, number];
}

const BODY_SIZE = 11;

interface Looks {
  title: ParagraphStyle;
  /** Heading 1, 2, 3, 4 and 5 and deeper. */
  headings: ParagraphStyle[];
}

/** Heading 1 to 5 and deeper: sizes, faces and spacing before and after, level by level. */
function headingStyles(family: FontFamily, sizes: number[], faces: FontFace[], before: number[], after: number[]): ParagraphStyle[] {
  return sizes.map((size, i) => ({ family, face: faces[i], size, spaceBefore: before[i], spaceAfter: after[i] }));
}

const LOOKS: Record<'bold' | 'light' | 'plain', Looks> = {
  bold: {
    title: { face: 'bold', size: 20, spaceAfter: 12 },
    headings: headingStyles('helvetica', [14, 13, 11, 11, 10], ['bold', 'bold', 'bold', 'boldItalic', 'bold'], [18, 12, 10, 10, 8], [6, 6, 4, 4, 4]),
  },
  light: {
    title: { family: 'times', size: 26, spaceAfter: 12 },
    headings: headingStyles('times', [16, 13, 12, 11, 11], ['regular', 'regular', 'regular', 'italic', 'regular'], [12, 2, 2, 2, 2], [0, 0, 0, 0, 0]),
  },
  plain: {
    title: { size: 11, spaceAfter: 8 },
    headings: [{ size: 11, spaceAfter: 8 }],
  },
};

/** Word's default body: 11 pt, spacing after 8 pt. */
const BODY: ParagraphStyle = { size: BODY_SIZE, spaceAfter: 8 };

function withoutSpacing(style: ParagraphStyle): ParagraphStyle {
  return { ...style, spaceBefore: 0, spaceAfter: 0 };
}

/**
 * Words and footnote markers as tokens: a marker goes after the text right before it, and the
 * text glued after it ("veiligheid¹.") is the token's tail.
 */
export function inlineTokens(inlines: PolicyInline[], clean: (s: string) => string): Token[] {
  const tokens: Token[] = [];
  let glue = false;
  for (const inline of inlines) {
    if ('note' in inline) {
      const last = tokens[tokens.length - 1];
      if (last && !last.marker) last.marker = inline.note;
      else tokens.push({ text: '', marker: inline.note });
      glue = true;
      continue;
    }
    const text = clean(inline.text);
    const words = tokensOf(text);
    if (glue && words.length > 0 && !/^\s/.test(text)) {
      tokens[tokens.length - 1]!.tail = words.shift()!.text;
    }
    tokens.push(...words);
    glue = false;
  }
  return tokens;
}

export async function buildPolicyPdf(doc: PolicyDocument, options: PolicyPdfOptions = {}): Promise<BuiltPdf> {
  const charset = await standardCharset();
  const clean = (s: string): string => toWinAnsi(s, charset);
  const look = LOOKS[options.look ?? 'bold'];
  const spacing = options.spacing ?? true;
  const styled = (style: ParagraphStyle, keepWithNext = false): ParagraphStyle => ({ ...(spacing ? style : withoutSpacing(style)), keepWithNext });
  const paragraphs: PageParagraph[] = [];
  doc.blocks.forEach((block, i) => {
    const text = (s: string, style: ParagraphStyle, label: string | null = null, level = 0): PageParagraph => ({ kind: 'text', label, level, tokens: tokensOf(clean(s)), style });
    switch (block.kind) {
      case 'title':
        paragraphs.push(text(block.text, styled(look.title, true)));
        break;
      case 'heading': {
        const style = look.headings[Math.min(block.level, look.headings.length) - 1]!;
        paragraphs.push(text(block.label ? `${block.label} ${block.text}` : block.text, styled(style, true)));
        break;
      }
      case 'paragraph':
        paragraphs.push({ kind: 'text', label: null, level: 0, tokens: inlineTokens(block.inlines, clean), style: styled(BODY) });
        break;
      case 'item': {
        // Word's list paragraphs have no spacing between items of one list ("contextual spacing").
        const next = doc.blocks[i + 1];
        const last = next?.kind !== 'item' || next.list !== block.list;
        const label = block.list === 'bullet' ? '•' : block.label;
        paragraphs.push({ kind: 'text', label, level: 0, tokens: inlineTokens(block.inlines, clean), style: styled(last ? BODY : { ...BODY, spaceAfter: 0 }) });
        break;
      }
    }
  });
  const header = options.header === undefined ? doc.title : options.header;
  return drawPages(paragraphs, {
    pageSize: options.pageSize,
    header: header === null ? null : clean(header),
    pageNumbers: options.pageNumbers === undefined ? 'bare' : options.pageNumbers,
    footnotes: doc.footnotes.map(clean),
    bodySize: BODY_SIZE,
    breakAtHyphens: true,
  });
}

/** Text as the PDF draws it: characters the standard fonts cannot draw become '?' or a look-alike. */
export async function pdfDrawable(): Promise<(text: string) => string> {
  const charset = await standardCharset();
  return (text) => toWinAnsi(text, charset);
}
