/**
 * Build a DOCX of a policy document the way Word stores one: the title in Word's Title style,
 * headings in the heading styles ("Heading 1" in English Word; "Kop 1", style id "Kop1", in a
 * Dutch template), one paragraph per paragraph, list items in Word lists, footnotes as Word
 * footnotes, the title as page header. With `numbering`, the numbered headings get their number
 * from a multilevel list in numbering.xml ("1.", "1.1"), as a template with numbered headings
 * does; the text then holds no number. Built at test time.
 */
import { AlignmentType, Document, FootnoteReferenceRun, Header, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun, type IParagraphStyleOptions, type ParagraphChild } from 'docx';
import { level, planLists } from './letter-docx.js';
import type { LetterParagraph } from './letter-lines.js';
import { headingText, type PolicyBlock, type PolicyDocument, type PolicyInline } from './policy-seeds.js';

export interface PolicyDocxOptions {
  /** 'english': Heading1 / "Heading 1" (the docx package's own styles); 'dutch': Kop1 / "Kop 1", Titel. */
  styles?: 'english' | 'dutch';
  /** Numbered headings take their number from numbering.xml. Default false. */
  numbering?: boolean;
  /** Page header; default the document's title, null for none. */
  header?: string | null;
}

const HEADING_LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const HEADING_SIZES = [32, 26, 24, 22, 22, 22];

/** Dutch Word's heading styles, as a Dutch template names them. */
function dutchStyles(): IParagraphStyleOptions[] {
  const styles: IParagraphStyleOptions[] = [{ id: 'Titel', name: 'Titel', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 52 } }];
  HEADING_SIZES.forEach((size, i) => {
    styles.push({ id: `Kop${i + 1}`, name: `Kop ${i + 1}`, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size, bold: i >= 2 }, paragraph: { keepNext: true, spacing: { before: 240, after: 60 } } });
  });
  return styles;
}

/**
 * Bullets and numbered items as the letter builder's paragraphs, so their DOCX lists are planned
 * the same way (a numbered list goes on across the paragraphs between its items). Lettered lists
 * stand on their own in a policy document: see `planLetterLists`.
 */
function asListParagraph(block: PolicyBlock): LetterParagraph {
  if (block.kind === 'item' && block.list === 'bullet') return { kind: 'bullet', level: 0, label: '•', number: null, delimiter: null, text: '' };
  if (block.kind !== 'item' || block.list !== 'ordered') return { kind: 'text', level: 0, label: null, number: null, delimiter: null, text: '' };
  return { kind: 'numbered', level: 0, label: block.label, number: Number.parseInt(block.label ?? '1', 10), delimiter: '.', text: '' };
}

/** Each run of lettered items ("a.", "b.", ...) a Word list of its own, counting from its first letter; "a." starts a new one. */
function planLetterLists(blocks: PolicyBlock[]): { configs: Array<{ reference: string; levels: ReturnType<typeof level>[] }>; uses: Map<number, { reference: string; level: number }> } {
  const configs: Array<{ reference: string; levels: ReturnType<typeof level>[] }> = [];
  const uses = new Map<number, { reference: string; level: number }>();
  blocks.forEach((block, i) => {
    if (block.kind !== 'item' || block.list !== 'letter') return;
    const previous = blocks[i - 1];
    if (previous?.kind !== 'item' || previous.list !== 'letter' || block.label === 'a.') {
      const start = (block.label ?? 'a').charCodeAt(0) - 96;
      configs.push({ reference: `letters-${configs.length}`, levels: [level(0, LevelFormat.LOWER_LETTER, '%1.', start)] });
    }
    uses.set(i, { reference: configs[configs.length - 1]!.reference, level: 0 });
  });
  return { configs, uses };
}

/**
 * Which numbered headings Word's counters would number as printed: a heading whose number does
 * not follow (the 2005 beleidsnota goes from "1. Inleiding" to "2.1") keeps its number as text.
 */
function planHeadingNumbers(blocks: PolicyBlock[]): { uses: Set<number>; dotted: boolean } {
  const uses = new Set<number>();
  const first = blocks.find((b) => b.kind === 'heading' && b.number !== null);
  const dotted = first?.kind === 'heading' && first.number!.length === 1 ? first.label!.endsWith('.') : true;
  const counters: number[] = [];
  blocks.forEach((block, i) => {
    if (block.kind !== 'heading' || block.number === null) return;
    const depth = block.number.length;
    const next = counters.slice(0, depth);
    next[depth - 1] = (counters[depth - 1] ?? 0) + 1;
    for (let k = 0; k < depth - 1; k++) next[k] ??= 1;
    const label = depth === 1 ? `${next[0]}${dotted ? '.' : ''}` : next.join('.');
    if (label !== block.label) return;
    counters.length = 0;
    counters.push(...next);
    uses.add(i);
  });
  return { uses, dotted };
}

function runs(inlines: PolicyInline[]): ParagraphChild[] {
  return inlines.map((inline) => ('note' in inline ? new FootnoteReferenceRun(inline.note) : new TextRun(inline.text)));
}

export async function buildPolicyDocx(doc: PolicyDocument, options: PolicyDocxOptions = {}): Promise<Uint8Array> {
  const dutch = options.styles === 'dutch';
  const lists = planLists(doc.blocks.map(asListParagraph));
  const letters = planLetterLists(doc.blocks);
  const configs = [...lists.configs, ...letters.configs];
  const uses = new Map([...lists.uses, ...letters.uses]);
  const numbered = options.numbering ? planHeadingNumbers(doc.blocks) : { uses: new Set<number>(), dotted: true };
  const headingLevels = [0, 1, 2, 3].map((k) =>
    level(k, LevelFormat.DECIMAL, k === 0 ? `%1${numbered.dotted ? '.' : ''}` : Array.from({ length: k + 1 }, (_, j) => `%${j + 1}`).join('.')),
  );
  const children = doc.blocks.map((block, i) => {
    const style = (levelIndex: number) => (dutch ? { style: `Kop${levelIndex}` } : { heading: HEADING_LEVELS[levelIndex - 1]! });
    switch (block.kind) {
      case 'title':
        return new Paragraph({ children: [new TextRun(block.text)], ...(dutch ? { style: 'Titel' } : { heading: HeadingLevel.TITLE }) });
      case 'heading': {
        const levelIndex = Math.min(6, block.level);
        if (numbered.uses.has(i)) {
          return new Paragraph({ children: [new TextRun(block.text)], ...style(levelIndex), numbering: { reference: 'koppen', level: block.number!.length - 1 } });
        }
        return new Paragraph({ children: [new TextRun(headingText(block))], ...style(levelIndex) });
      }
      case 'paragraph':
        return new Paragraph({ children: runs(block.inlines) });
      case 'item': {
        const use = uses.get(i);
        return new Paragraph({ children: runs(block.inlines), ...(use ? { numbering: use } : {}) });
      }
    }
  });
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  doc.footnotes.forEach((text, n) => {
    footnotes[n + 1] = { children: [new Paragraph(text)] };
  });
  const header = options.header === undefined ? doc.title : options.header;
  const document = new Document({
    styles: dutch ? { paragraphStyles: dutchStyles() } : {},
    numbering: { config: [...configs, { reference: 'koppen', levels: headingLevels.map((l) => ({ ...l, alignment: AlignmentType.LEFT })) }] },
    footnotes,
    sections: [{ ...(header ? { headers: { default: new Header({ children: [new Paragraph(header)] }) } } : {}), children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
