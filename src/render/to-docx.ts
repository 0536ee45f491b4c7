/**
 * The answer memo as a Word document in the house style of the college's memo
 * (test/fixtures/seeds/answers/2025-05-d66-...-beantwoording.txt), built from the markdown's syntax
 * tree with the `docx` package (imported lazily: only `--format docx` pays for it):
 * - each question as one bold paragraph "Vraag N: <question>", kept with the answer that follows
 *   (keepNext and keepLines, so "Vraag 3" never stands alone at the foot of a page), and
 *   "Antwoord:" starting the answer's first paragraph;
 * - memo parts (Bijlagen, Ontwerp besluit, Inleiding, ...) as Word headings kept with what
 *   follows, space after every paragraph, widow and orphan control;
 * - a header with the municipality and the subject, "Pagina N van M" in the footer (PAGE and
 *   NUMPAGES fields), A4 with 2.5 cm margins, document language nl-NL, title and author in the
 *   document properties;
 * - source lists left out unless asked for, and no link into the repository (`exportTree`);
 * - an officer's note, kept in the answer document as a reference "…zorg.¹" and a paragraph
 *   "¹ <note>" after it (how import-answers reads a memo's footnote back), as a Word footnote;
 * - with a reference document (a municipality's own Word file), its styles, fonts, margins,
 *   header and footer instead (docx-reference.ts), as pandoc's `--reference-doc` does.
 */
import type { Blockquote, Heading, Nodes, Paragraph as MdParagraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { applyReferenceDocument } from './docx-reference.js';
import { exportTree, memoTree, type ExportOptions } from './to-html.js';
import { pushAll } from '../arrays.js';
import { safeLinkUrl } from './safe-url.js';
import { fromSuperscript } from '../text/footnote-markers.js';

type Docx = typeof import('docx');
type Run = InstanceType<Docx['TextRun']> | InstanceType<Docx['ExternalHyperlink']> | InstanceType<Docx['FootnoteReferenceRun']>;
type Block = InstanceType<Docx['Paragraph']>;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  strike?: boolean;
}

export interface DocxOptions extends ExportOptions {
  /** Document title (properties); default: the memo's first heading. */
  title?: string | null;
  /** Author in the document properties; default "Gemeente <municipality>". */
  author?: string | null;
  /** The municipality, for the header and the default author. */
  municipality?: string | null;
  /** The subject, for the header (e.g. "regionale zorg en veiligheid"). */
  subject?: string | null;
  /** A reference Word document whose styles, fonts, margins, header and footer the memo takes. */
  reference?: Uint8Array | null;
  /** Name of the reference document in error messages. */
  referenceName?: string;
}

/** Twips: 1 cm = 567. */
const CM = 567;
/** Half-points. */
const PT = 2;
const FONT = 'Arial';
const LANGUAGE = 'nl-NL';

/** "Vraag 3", "Vraag 3 (vervallen)" heading text. */
const QUESTION_HEADING = /^vraag\s+\d+\b/i;

/** A Word document (bytes) of an answer document (markdown with front matter). */
export async function memoToDocx(markdown: string, options: DocxOptions = {}): Promise<Uint8Array> {
  const docx: Docx = await import('docx');
  const { Document, Packer, Paragraph, TextRun, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, LevelFormat, AlignmentType, Header, Footer, PageNumber, TabStopType, BorderStyle } = docx;
  const tree = exportTree(memoTree(markdown), { withSources: options.withSources ?? false });
  const notes = planNotes(tree);
  const headingLevels = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];
  let listInstance = 0;
  /** Under the signature heading: its lines stay on one page. */
  let signature = false;

  const runs = (nodes: PhrasingContent[] | RootContent[], style: RunStyle = {}): Run[] => {
    const out: Run[] = [];
    for (const node of nodes as Nodes[]) {
      switch (node.type) {
        case 'text':
        case 'html': {
          const text = (value: string) => new TextRun({ text: value.replace(/\s*\n\s*/g, ' '), bold: style.bold, italics: style.italics, strike: style.strike, font: style.code ? 'Consolas' : undefined });
          let from = 0;
          for (const ref of (node.type === 'text' && notes.references.get(node)) || []) {
            if (ref.index > from) out.push(text(node.value.slice(from, ref.index)));
            out.push(new FootnoteReferenceRun(ref.id));
            from = ref.index + ref.length;
          }
          if (from < node.value.length || from === 0) out.push(text(node.value.slice(from)));
          break;
        }
        case 'inlineCode':
          out.push(new TextRun({ text: node.value, font: 'Consolas', bold: style.bold, italics: style.italics }));
          break;
        case 'emphasis':
          pushAll(out, runs(node.children, { ...style, italics: true }));
          break;
        case 'strong':
          pushAll(out, runs(node.children, { ...style, bold: true }));
          break;
        case 'delete':
          pushAll(out, runs(node.children, { ...style, strike: true }));
          break;
        case 'break':
          out.push(new TextRun({ text: '', break: 1 }));
          break;
        case 'link': {
          // exportTree left only web and mail links.
          const inner = runs(node.children, style).filter((run): run is InstanceType<Docx['TextRun']> => run instanceof TextRun);
          // Web, mail and relative links only (see safe-url.ts); any other link becomes its text.
          const url = safeLinkUrl(node.url);
          if (url === null) pushAll(out, inner);
          else out.push(new ExternalHyperlink({ link: url, children: inner.length > 0 ? inner : [new TextRun({ text: url, style: 'Hyperlink' })] }));
          break;
        }
        case 'image':
          out.push(new TextRun({ text: node.alt ?? '' }));
          break;
        default:
          if ('children' in node) pushAll(out, runs((node as Parent).children as PhrasingContent[], style));
          else if ('value' in node) out.push(new TextRun({ text: String((node as { value: unknown }).value) }));
      }
    }
    return out;
  };

  const listProperties = (list: { ordered: boolean; level: number; instance: number }) =>
    list.ordered ? { numbering: { reference: 'memo-ordered', level: list.level, instance: list.instance } } : { bullet: { level: list.level } };

  const blocks = (nodes: RootContent[], context: { quote?: boolean; list?: { ordered: boolean; level: number; instance: number } } = {}): Block[] => {
    const out: Block[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      switch (node.type) {
        case 'heading': {
          const text = plain(node).trim();
          // The signature stands under the memo as in the college's memo, without a heading.
          signature = node.depth === 2 && /^ondertekening$/i.test(text);
          if (signature) break;
          if (QUESTION_HEADING.test(text)) {
            const question = questionBlock(node, nodes, i);
            out.push(...question.paragraphs);
            i = question.next - 1;
            break;
          }
          out.push(new Paragraph({ heading: headingLevels[Math.min(node.depth, 6) - 1], keepNext: true, keepLines: true, children: runs(node.children) }));
          break;
        }
        case 'paragraph':
          // A note is the footnote of its reference, not a paragraph of the memo.
          if (notes.paragraphs.has(node)) break;
          out.push(
            new Paragraph({
              children: runs(node.children),
              style: context.quote ? 'Quote' : undefined,
              keepNext: signature || undefined,
              ...(context.list ? listProperties(context.list) : {}),
            }),
          );
          break;
        case 'blockquote':
          pushAll(out, blocks(node.children, { ...context, quote: true }));
          break;
        case 'list': {
          const level = context.list ? context.list.level + 1 : 0;
          const instance = ++listInstance;
          for (const item of node.children) {
            const [first, ...rest] = item.children;
            const list = { ordered: Boolean(node.ordered), level: Math.min(level, 8), instance };
            if (first?.type === 'paragraph') out.push(new Paragraph({ children: runs(first.children), ...listProperties(list) }));
            else if (first) pushAll(out, blocks([first], { ...context, list }));
            pushAll(out, blocks(rest, { ...context, list }));
          }
          break;
        }
        case 'code':
          for (const line of node.value.split('\n')) out.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] }));
          break;
        case 'thematicBreak':
          out.push(new Paragraph({ children: [], border: { bottom: { style: 'single', size: 6, color: '999999', space: 1 } } }));
          break;
        default:
          if ('children' in node) out.push(new Paragraph({ children: runs((node as Parent).children as PhrasingContent[]) }));
          else if ('value' in node) out.push(new Paragraph({ children: [new TextRun({ text: String((node as { value: unknown }).value) })] }));
      }
    }
    return out;
  };

  /**
   * "### Vraag 3" + "> question" + "**Antwoord:**" + answer, as the college writes it: one bold
   * paragraph "Vraag 3: <question>" kept with the next, then the answer with "Antwoord: " in front
   * of its first paragraph. Returns the index of the first node after the label.
   */
  const questionBlock = (heading: Heading, nodes: RootContent[], at: number): { paragraphs: Block[]; next: number } => {
    const paragraphs: Block[] = [];
    let next = at + 1;
    const label = plain(heading).trim();
    const quote = nodes[next]?.type === 'blockquote' ? (nodes[next] as Blockquote) : null;
    if (quote) next++;
    const asked = quote
      ? quote.children.filter((child) => child.type === 'paragraph').flatMap((child, k) => [...(k > 0 ? [new TextRun({ text: ' ', bold: true })] : []), ...runs((child as Parent).children as PhrasingContent[], { bold: true })])
      : [];
    paragraphs.push(new Paragraph({ style: 'Vraag', keepNext: true, keepLines: true, children: [new TextRun({ text: asked.length > 0 ? `${label}: ` : label, bold: true }), ...asked] }));
    const labelNode = nodes[next];
    if (labelNode?.type === 'paragraph' && /^antwoord:?$/i.test(plain(labelNode).trim())) {
      next++;
      const first = nodes[next];
      if (first?.type === 'paragraph') {
        paragraphs.push(new Paragraph({ children: [new TextRun({ text: 'Antwoord: ' }), ...runs(first.children)] }));
        next++;
      } else {
        paragraphs.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: 'Antwoord:' })] }));
      }
    }
    return { paragraphs, next };
  };

  const firstHeading = tree.children.find((node) => node.type === 'heading');
  const title = options.title ?? (firstHeading ? plain(firstHeading) : 'Beantwoording');
  const municipality = options.municipality?.trim() || null;
  const author = options.author?.trim() || (municipality ? `Gemeente ${municipality}` : 'Gemeente');
  const subject = options.subject?.trim() || title;
  const small = { size: 8 * PT, color: '555555' };
  const header = new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: 21 * CM - 5 * CM }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 } },
        spacing: { after: 0 },
        children: [new TextRun({ text: municipality ? `Gemeente ${municipality}` : '', bold: true, ...small }), new TextRun({ text: `\t${capitalize(subject)}`, ...small })],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { after: 0 },
        children: [new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES], ...small })],
      }),
    ],
  });

  const children = blocks(tree.children);
  // The note's text follows its number after a space, as Word writes a footnote: a PDF of the memo then prints "1 text", the note line the PDF reader takes for a note.
  const footnotes = Object.fromEntries(
    [...notes.paragraphs].map(([paragraph, id]) => [id, { children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(' '), ...runs(withoutNoteNumber(paragraph.children))] })] }]),
  );
  const document = new Document({
    footnotes,
    title,
    subject,
    creator: author,
    lastModifiedBy: author,
    description: 'Beantwoording van raadsvragen',
    features: { updateFields: false },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 10 * PT, language: { value: LANGUAGE } },
          // Widow and orphan control: docx writes it in the defaults, its types do not list it.
          paragraph: { spacing: { after: 10 * 20, line: 264 }, ...({ widowControl: true } as object) },
        },
        title: { run: { font: FONT, size: 15 * PT, bold: true, color: '000000' }, paragraph: { spacing: { after: 12 * 20 }, keepNext: true } },
        heading1: { run: { font: FONT, size: 12 * PT, bold: true, color: '000000' }, paragraph: { spacing: { before: 12 * 20, after: 4 * 20 }, keepNext: true, keepLines: true } },
        heading2: { run: { font: FONT, size: 11 * PT, bold: true, color: '000000' }, paragraph: { spacing: { before: 12 * 20, after: 4 * 20 }, keepNext: true, keepLines: true } },
        heading3: { run: { font: FONT, size: 10 * PT, bold: true, color: '000000' }, paragraph: { spacing: { before: 10 * 20, after: 4 * 20 }, keepNext: true, keepLines: true } },
        // Notes smaller than the text, as in Word's own style: a PDF of the memo tells them from the text by their size (read-pdf.ts), else a note reads as a paragraph of the answer on its page.
        footnoteText: { run: { size: 8 * PT }, paragraph: { spacing: { after: 0, line: 240 } } },
      },
      paragraphStyles: [
        {
          id: 'Vraag',
          name: 'Vraag',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { bold: true },
          paragraph: { spacing: { before: 14 * 20, after: 6 * 20 }, keepNext: true, keepLines: true },
        },
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '333333' },
          paragraph: { indent: { left: CM } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'memo-ordered',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: CM * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 21 * CM, height: 29.7 * CM },
            margin: { top: 2.5 * CM, bottom: 2.5 * CM, left: 2.5 * CM, right: 2.5 * CM, header: 1.25 * CM, footer: 1.25 * CM },
          },
        },
        headers: { default: header },
        footers: { default: footer },
        children,
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  return options.reference ? applyReferenceDocument(bytes, options.reference, options.referenceName ?? 'the reference document') : bytes;
}

interface NotePlan {
  /** The note paragraphs ("¹ <note>") by footnote id. */
  paragraphs: Map<MdParagraph, number>;
  /** Where a text refers to a note: the superscript digits to replace by the footnote's reference. */
  references: Map<Text, Array<{ index: number; length: number; id: number }>>;
}

const NOTE_PARAGRAPH = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+\S/;
/** More notes than this stay text (see planNotes). */
const MAX_FOOTNOTES = 5000;
/** A reference: superscript digits right after a word or its punctuation. */
const NOTE_REFERENCE = /(?<=\S)[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

/**
 * The notes of the memo, in document order: a paragraph "¹ <note>" is a note when a reference "¹"
 * stands before it in the same answer (or memo part) that no note has taken yet (the last such
 * one). A reference without its note (a question's own, from the letter) and a paragraph without a
 * reference stay text.
 */
function planNotes(tree: Root): NotePlan {
  const plan: NotePlan = { paragraphs: new Map(), references: new Map() };
  const open = new Map<string, Array<{ node: Text; index: number; length: number }>>();
  let id = 0;
  const visit = (node: Nodes): void => {
    // A note goes with a reference in its own answer or memo part: one in another answer ("m²", or a reference whose note was taken out) is not its.
    if (node.type === 'heading' && node.depth <= 3) open.clear();
    if (node.type === 'paragraph') {
      const first = node.children[0];
      const number = first?.type === 'text' ? NOTE_PARAGRAPH.exec(first.value)?.[1] : undefined;
      const ref = number === undefined ? undefined : open.get(fromSuperscript(number))?.pop();
      if (ref) {
        plan.paragraphs.set(node, ++id);
        const list = plan.references.get(ref.node) ?? [];
        list.push({ index: ref.index, length: ref.length, id });
        plan.references.set(ref.node, list);
        return;
      }
    }
    if (node.type === 'text') {
      for (const m of node.value.matchAll(NOTE_REFERENCE)) {
        const n = fromSuperscript(m[0]);
        const refs = open.get(n) ?? [];
        refs.push({ node, index: m.index, length: m[0].length });
        open.set(n, refs);
      }
      return;
    }
    if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes);
  };
  visit(tree);
  // A memo has a few notes; thousands are no memo's, and as Word footnotes they took more memory than the tool has: they stay text, as in the answer document.
  if (plan.paragraphs.size > MAX_FOOTNOTES) return { paragraphs: new Map(), references: new Map() };
  // In text order once all are known: sorting at each of thousands of references took seconds.
  for (const list of plan.references.values()) list.sort((a, b) => a.index - b.index);
  return plan;
}

/** A note paragraph's content without its "¹ " in front. */
function withoutNoteNumber(children: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = children;
  if (first?.type !== 'text') return children;
  return [{ ...first, value: first.value.replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s+/, '') }, ...rest];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node as Parent).children.map((child) => plain(child as Nodes)).join('');
  return '';
}
