/**
 * The answer memo as a Word document, built from the markdown's syntax tree with the `docx`
 * package (imported lazily: only `--format docx` pays for it). Headings become Word headings
 * (Heading 1..6, so the navigation pane and mammoth see them), the quoted question a "Quote"
 * paragraph, lists real Word lists, emphasis and links runs and hyperlinks.
 */
import type { Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import { pushAll } from '../arrays.js';
import { safeLinkUrl } from './safe-url.js';
import { memoTree } from './to-html.js';

type Docx = typeof import('docx');
type Run = InstanceType<Docx['TextRun']> | InstanceType<Docx['ExternalHyperlink']>;
type Block = InstanceType<Docx['Paragraph']>;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  strike?: boolean;
}

/** A Word document (bytes) of an answer document (markdown with front matter). */
export async function memoToDocx(markdown: string, options: { title?: string | null } = {}): Promise<Uint8Array> {
  const docx: Docx = await import('docx');
  const { Document, Packer, Paragraph, TextRun, ExternalHyperlink, HeadingLevel, LevelFormat, AlignmentType } = docx;
  const tree = memoTree(markdown);
  const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
  let listInstance = 0;

  const runs = (nodes: PhrasingContent[] | RootContent[], style: RunStyle = {}): Run[] => {
    const out: Run[] = [];
    for (const node of nodes as Nodes[]) {
      switch (node.type) {
        case 'text':
        case 'html':
          out.push(new TextRun({ text: node.value.replace(/\s*\n\s*/g, ' '), bold: style.bold, italics: style.italics, strike: style.strike, font: style.code ? 'Consolas' : undefined }));
          break;
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

  const blocks = (nodes: RootContent[], context: { quote?: boolean; list?: { ordered: boolean; level: number; instance: number } } = {}): Block[] => {
    const out: Block[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'heading':
          out.push(new Paragraph({ heading: headingLevels[node.depth - 1], children: runs(node.children) }));
          break;
        case 'paragraph':
          out.push(
            new Paragraph({
              children: runs(node.children),
              style: context.quote ? 'Quote' : undefined,
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

  const listProperties = (list: { ordered: boolean; level: number; instance: number }) =>
    list.ordered ? { numbering: { reference: 'memo-ordered', level: list.level, instance: list.instance } } : { bullet: { level: list.level } };

  const firstHeading = tree.children.find((node) => node.type === 'heading');
  const document = new Document({
    title: options.title ?? (firstHeading ? plain(firstHeading) : 'Beantwoording'),
    creator: 'answer',
    styles: {
      default: { document: { run: { font: 'Arial', size: 20 } } },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '333333' },
          paragraph: { indent: { left: 567 } },
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
            style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: blocks(tree.children) }],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer);
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node as Parent).children.map((child) => plain(child as Nodes)).join('');
  return '';
}
