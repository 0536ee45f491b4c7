/**
 * DOCX: the zip checked and inflated (zip.ts), then WordprocessingML read straight from its XML
 * (xml.ts) into the structure of document.ts: paragraphs and their runs, Word's list labels and
 * levels from numbering.xml (docx-numbering.ts), headings by their style, tables row by row,
 * footnotes and endnotes. One linear pass per part under the reader's work budget (a time limit
 * and a text limit): a 130 KB DOCX can hold 30 MB of paragraphs, and the reader stops at the limit
 * instead of running for minutes.
 *
 * Links: a run inside `w:hyperlink` gets the address of its relationship (word/_rels/document.xml.rels,
 * or the notes part's own for a footnote or endnote) as `Run.href`, and so does a run in the result of a HYPERLINK field (`w:fldSimple`, or the
 * complex form fldChar begin / instrText / separate / end), which Word writes too. A jump inside
 * the document (`w:anchor` alone, `HYPERLINK \l`) gives none. The text is read as before.
 *
 * A list item may have further paragraphs. Word writes them without numbering but indented to the
 * item's text; LibreOffice writes them with numbering switched off (`w:numId w:val="0"`) and
 * without the indent. Either way they stay with their item (`continues`).
 */
import { InputError } from '../errors.js';
import type { ParseWarning } from '../model.js';
import { bulletLook, replaceSymbolBullets } from './bullets.js';
import { hyperlinkFieldTarget, MAX_INSTRUCTION, withLocation } from './hyperlink-field.js';
import { ListLabeler, readNumbering, resolveParagraph, type ListRef, type Numbering } from './docx-numbering.js';
import { documentToText, TableStack, type Block, type Note, type ParagraphBlock, type Run, type StructuredDocument } from './document.js';
import { takeHeadingMarks, type HeadingMark } from './heading-marks.js';
import { WorkBudget, type ReadLimits } from './limits.js';
import { normaliseText } from './read-text.js';
import { scanXml } from './xml.js';
import { unzipChecked } from './zip.js';

export interface DocxResult {
  text: string;
  warnings: ParseWarning[];
  /** Paragraphs in Word's Title and heading styles. */
  headings: HeadingMark[];
  document: StructuredDocument;
}

/**
 * The relationships of a part: where its hyperlinks go. Each part has its own, so a note's link
 * is looked up in the notes part's relationships (its ids may repeat document.xml's).
 */
const relsOf = (part: string): string => part.replace(/^word\//, 'word/_rels/') + '.rels';

const TEXT_PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];
const PARTS = new Set([...TEXT_PARTS, ...TEXT_PARTS.map(relsOf), 'word/numbering.xml', 'word/styles.xml']);

export async function readDocx(data: Uint8Array, context: { file: string; limits: ReadLimits }): Promise<DocxResult> {
  const { file, limits } = context;
  const parts = await unzipChecked(data, (name) => PARTS.has(name), limits, file, 'DOCX');
  const documentXml = parts.get('word/document.xml');
  if (!documentXml) throw new InputError('the DOCX is damaged (no word/document.xml)', { file });
  const decoder = new TextDecoder();
  const part = (name: string): string => {
    const bytes = parts.get(name);
    return bytes ? decoder.decode(bytes) : '';
  };
  const budget = new WorkBudget(limits, file, 'DOCX');
  const numbering = readNumbering(part('word/numbering.xml'), part('word/styles.xml'), budget);
  const withLinks = (name: string): WordPart => ({ xml: part(name), links: readHyperlinkTargets(part(relsOf(name)), budget) });
  const document = readWordDocument(
    { xml: decoder.decode(documentXml), links: readHyperlinkTargets(part(relsOf('word/document.xml')), budget) },
    numbering,
    { footnotes: withLinks('word/footnotes.xml'), endnotes: withLinks('word/endnotes.xml') },
    budget,
  );
  const text = documentToText(document);
  return { ...takeHeadingMarks(normaliseText(text)), warnings: [], document };
}

/**
 * The targets of the hyperlink relationships of a part, by relationship id (what `w:hyperlink r:id`
 * names). Other relationships (images, styles) are no links.
 */
function readHyperlinkTargets(xml: string, budget: WorkBudget): Map<string, string> {
  const targets = new Map<string, string>();
  if (!xml) return targets;
  scanXml(
    xml,
    {
      open(name, attrs) {
        if (name !== 'Relationship' && !name.endsWith(':Relationship')) return;
        const id = attrs['Id'];
        const target = attrs['Target'];
        if (id && target !== undefined && /\/hyperlink$/.test(attrs['Type'] ?? '')) targets.set(id, target);
      },
      close() {},
      text() {},
    },
    budget,
  );
  return targets;
}

/** Heading levels by style name: Word's built-in names ("heading 1", "Title") and a Dutch template's ("Kop 1", "Titel"). */
function headingLevelOfStyle(numbering: Numbering, styleId: string | null): number | undefined {
  const seen = new Set<string>();
  for (let id = styleId; id && !seen.has(id) && seen.size < 10; id = numbering.styles.get(id)?.basedOn ?? null) {
    seen.add(id);
    const name = (numbering.styles.get(id)?.name ?? (seen.size === 1 ? id : '')).trim().toLowerCase();
    const heading = /^(?:heading|kop)\s*([1-6])$/.exec(name);
    if (heading) return Number(heading[1]);
    if (name === 'title' || name === 'titel') return 0;
  }
  return undefined;
}

/** Left indentation (twips) a paragraph style gives, through basedOn. */
function styleLeft(numbering: Numbering, styleId: string | null): number | null {
  const seen = new Set<string>();
  for (let id = styleId; id && !seen.has(id); id = numbering.styles.get(id)?.basedOn ?? null) {
    seen.add(id);
    const left = numbering.styles.get(id)?.left;
    if (left !== null && left !== undefined) return left;
  }
  return null;
}

interface OpenParagraph {
  runs: Run[];
  styleId: string | null;
  numId?: string;
  ilvl?: string;
  left: number | null;
  deletedMark: boolean;
  /** Paragraphs of text boxes inside this paragraph, written after it. */
  inner: Block[];
}

interface RunProps {
  bold: boolean;
  italic: boolean;
  superscript: boolean;
  hidden: boolean;
}

/** What a container (the body, a table cell, a note) remembers of its last list item. */
interface Container {
  blocks: Block[];
  /** The open list item's text indentation (twips), or null after anything that is not part of a list. */
  itemLeft: number | null;
}

/** Elements whose content Word does not print, or prints once elsewhere (mc:Choice has a mc:Fallback). */
const SKIPPED = new Set(['mc:Choice', 'w:del', 'w:moveFrom', 'w:delText', 'w:delInstrText', 'w:commentReference', 'w:headerReference', 'w:footerReference', 'w:sectPr']);

function isOn(attrs: Record<string, string>): boolean {
  const val = attrs['w:val'];
  return val === undefined || (val !== '0' && val !== 'false' && val !== 'off' && val !== 'none');
}

function toInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}

/**
 * Read document.xml (with the notes parts) into blocks. Exported for tests through
 * `planListLabels`.
 */
function readWordDocument(main: WordPart, numbering: Numbering, noteParts: { footnotes: WordPart; endnotes: WordPart }, budget?: WorkBudget): StructuredDocument {
  const noteBodies = new Map<string, Block[]>();
  for (const [kind, source] of [['footnote', noteParts.footnotes], ['endnote', noteParts.endnotes]] as const) {
    if (!source.xml) continue;
    walk(source.xml, numbering, budget, { links: source.links, noteElement: `w:${kind}`, onNote: (id, blocks) => noteBodies.set(`${kind}:${id}`, blocks) });
  }
  const notes: Note[] = [];
  const blocks = walk(main.xml, numbering, budget, {
    links: main.links,
    onReference: (kind, id) => {
      const label = String(notes.length + 1);
      notes.push({ label, blocks: noteBodies.get(`${kind}:${id}`) ?? [] });
      return label;
    },
  });
  return { blocks, notes };
}

/** A part with text (the document, its footnotes or endnotes) and its hyperlink targets. */
interface WordPart {
  xml: string;
  links: Map<string, string>;
}

interface WalkOptions {
  /** In a notes part: the element of one note ("w:footnote"), and where its blocks go. */
  noteElement?: string;
  onNote?: (id: string, blocks: Block[]) => void;
  /** A note reference in the text: returns the label it prints. */
  onReference?: (kind: 'footnote' | 'endnote', id: string) => string;
  /** Every numbered paragraph's label, in order (for planListLabels). */
  onLabel?: (label: string) => void;
  /** Hyperlink targets by relationship id, for `w:hyperlink r:id`. */
  links?: Map<string, string>;
}

/**
 * An open link: a `w:hyperlink` or `w:fldSimple` element, or a complex field. `href` is what its
 * text links to: its own address, else the one around it (a field inside a link stays in the link).
 */
interface LinkScope {
  /**
   * Order of opening. Elements and fields are kept on two stacks, since a field's begin and end
   * need not sit in one element; of the two innermost, the one opened later is inside the other.
   */
  order: number;
  href: string | undefined;
}

interface OpenField extends LinkScope {
  /** The instruction (instrText) read so far, up to the field's result. */
  instruction: string;
  /** Past fldChar separate: the runs are the field's result. */
  result: boolean;
}


function walk(xml: string, numbering: Numbering, budget: WorkBudget | undefined, options: WalkOptions): Block[] {
  const labeler = new ListLabeler();
  const body: Container = { blocks: [], itemLeft: null };
  const containers: Container[] = [body];
  const tables = new TableStack();
  const paragraphs: OpenParagraph[] = [];
  const stack: string[] = [];
  let skipDepth = 0;
  let carry: Run[] = [];
  let props: RunProps | null = null;
  let inRunProps = false;
  let inParaProps = false;
  let inText = false;
  let noteId: string | null = null;
  let noteSkipped = false;
  const linkElements: LinkScope[] = [];
  const fields: OpenField[] = [];
  let linkOrder = 0;
  let inInstruction = false;
  /** The address of the text read now: the innermost open link's. */
  const currentHref = (): string | undefined => {
    const element = linkElements[linkElements.length - 1];
    const field = fields[fields.length - 1];
    if (!element) return field?.href;
    return field && field.order > element.order ? field.href : element.href;
  };
  /** A run's look and address, for the runs of text. */
  const look = (): Omit<Run, 'text'> => {
    const href = currentHref();
    return { ...(props?.bold ? { bold: true } : {}), ...(props?.italic ? { italic: true } : {}), ...(href !== undefined ? { href } : {}) };
  };

  const container = (): Container => containers[containers.length - 1]!;

  const closeParagraph = (para: OpenParagraph): void => {
    const runs = [...carry, ...para.runs];
    carry = [];
    if (para.deletedMark) {
      // A deleted paragraph mark: Word joins the paragraph with the next one.
      carry = runs;
      return;
    }
    const target = paragraphs.length > 0 ? paragraphs[paragraphs.length - 1]!.inner : null;
    const out = container();
    const emit = (block: Block): void => {
      if (target) target.push(block);
      else out.blocks.push(block);
    };
    const hasText = runs.some((r) => r.note !== undefined || r.text.trim() !== '');
    const ref = resolveParagraph(numbering, para);
    const heading = headingLevelOfStyle(numbering, para.styleId);
    let label: string | null = null;
    if (ref && hasText) {
      label = labeler.next(ref);
      options.onLabel?.(label);
    }
    if (!hasText) {
      for (const block of para.inner) emit(block);
      return;
    }
    const block: ParagraphBlock = { kind: 'paragraph', runs };
    const left = para.left ?? (ref ? ref.def.left : null) ?? styleLeft(numbering, para.styleId);
    if (heading !== undefined) {
      block.heading = heading;
      if (label) block.number = label;
      out.itemLeft = null;
    } else if (ref && label !== null) {
      block.list = { level: ref.level, label, list: ref.def.numFmt === 'bullet' ? 'bullet' : 'number' };
      out.itemLeft = left ?? 0;
    } else if (out.itemLeft !== null && !target && (para.numId === '0' || (left !== null && left > 0 && left >= out.itemLeft - 20))) {
      // A further paragraph of the list item before: numbering switched off right after an item
      // (LibreOffice), or indented to the item's text (Word).
      block.continues = true;
    } else if (!target) {
      out.itemLeft = null;
    }
    emit(block);
    for (const inner of para.inner) emit(inner);
  };

  scanXml(
    xml,
    {
      open(name, attrs) {
        stack.push(name);
        if (skipDepth > 0) return;
        const para = paragraphs[paragraphs.length - 1];
        if (inParaProps && para && (name === 'w:del' || name === 'w:moveFrom')) {
          // A deleted paragraph mark (w:pPr > w:rPr > w:del): the paragraph joins the next.
          if (stack[stack.length - 2] === 'w:rPr') para.deletedMark = true;
          skipDepth = stack.length;
          return;
        }
        if (SKIPPED.has(name)) {
          skipDepth = stack.length;
          return;
        }
        if (options.noteElement && name === options.noteElement) {
          noteId = attrs['w:id'] ?? '';
          const type = attrs['w:type'] ?? 'normal';
          noteSkipped = type !== 'normal';
          containers.push({ blocks: [], itemLeft: null });
          return;
        }
        switch (name) {
          case 'w:p':
            paragraphs.push({ runs: [], styleId: null, left: null, deletedMark: false, inner: [] });
            return;
          case 'w:pPr':
            inParaProps = true;
            return;
          case 'w:tbl':
            tables.startTable();
            return;
          case 'w:tr':
            tables.startRow();
            return;
          case 'w:tc':
            containers.push({ blocks: [], itemLeft: null });
            return;
          case 'w:r':
            props = { bold: false, italic: false, superscript: false, hidden: false };
            return;
          case 'w:rPr':
            if (inParaProps) {
              inRunProps = false;
              return;
            }
            inRunProps = true;
            return;
          case 'w:t':
            inText = true;
            return;
          case 'w:hyperlink': {
            const target = attrs['r:id'] ? options.links?.get(attrs['r:id']) : undefined;
            linkElements.push({ order: linkOrder++, href: target !== undefined ? withLocation(target, attrs['w:anchor']) : currentHref() });
            return;
          }
          case 'w:fldSimple':
            linkElements.push({ order: linkOrder++, href: hyperlinkFieldTarget(attrs['w:instr'] ?? '') ?? currentHref() });
            return;
          case 'w:fldChar': {
            const type = attrs['w:fldCharType'];
            if (type === 'begin') {
              // Until its result starts, a field's text is the one around it.
              fields.push({ order: linkOrder++, href: currentHref(), instruction: '', result: false });
            } else if (type === 'separate') {
              const field = fields[fields.length - 1];
              if (field && !field.result) {
                field.result = true;
                field.href = hyperlinkFieldTarget(field.instruction) ?? field.href;
              }
            } else if (type === 'end') fields.pop();
            return;
          }
          case 'w:instrText':
            inInstruction = true;
            return;
        }
        if (inParaProps && para) {
          const parent = stack[stack.length - 2];
          if (name === 'w:pStyle' && parent === 'w:pPr') para.styleId = attrs['w:val'] ?? null;
          else if (name === 'w:numId' && parent === 'w:numPr') para.numId = attrs['w:val'];
          else if (name === 'w:ilvl' && parent === 'w:numPr') para.ilvl = attrs['w:val'];
          else if (name === 'w:ind' && parent === 'w:pPr') para.left = toInt(attrs['w:left'] ?? attrs['w:start']) ?? para.left;
          return;
        }
        if (inRunProps && props) {
          if (name === 'w:b') props.bold = isOn(attrs);
          else if (name === 'w:i') props.italic = isOn(attrs);
          else if (name === 'w:vertAlign') props.superscript = attrs['w:val'] === 'superscript';
          else if (name === 'w:vanish') props.hidden = isOn(attrs);
          return;
        }
        if (!para || props?.hidden) return;
        const push = (text: string): void => {
          para.runs.push({ text, ...look() });
        };
        switch (name) {
          case 'w:tab':
          case 'w:ptab':
            push('\t');
            return;
          case 'w:br':
          case 'w:cr':
            if (attrs['w:type'] !== 'page' && attrs['w:type'] !== 'column') push('\n');
            return;
          case 'w:noBreakHyphen':
            push('-');
            return;
          case 'w:softHyphen':
            push('\u00ad');
            return;
          case 'w:sym': {
            const code = Number.parseInt(attrs['w:char'] ?? '', 16);
            if (Number.isFinite(code) && code > 0) {
              const char = String.fromCodePoint(code < 0x100 ? 0xf000 + code : code);
              push(code >= 0xf000 || code < 0x100 ? bulletLook(char) : replaceSymbolBullets(char));
            }
            return;
          }
          case 'w:footnoteReference':
          case 'w:endnoteReference': {
            const label = options.onReference?.(name === 'w:footnoteReference' ? 'footnote' : 'endnote', attrs['w:id'] ?? '');
            if (label !== undefined) para.runs.push({ text: label, note: label });
            return;
          }
        }
      },
      close(name) {
        const depth = stack.length;
        stack.pop();
        if (skipDepth > 0) {
          if (depth === skipDepth) skipDepth = 0;
          return;
        }
        switch (name) {
          case 'w:p': {
            const para = paragraphs.pop();
            if (para) closeParagraph(para);
            return;
          }
          case 'w:pPr':
            inParaProps = false;
            return;
          case 'w:rPr':
            inRunProps = false;
            return;
          case 'w:r':
            props = null;
            return;
          case 'w:t':
            inText = false;
            return;
          case 'w:hyperlink':
          case 'w:fldSimple':
            linkElements.pop();
            return;
          case 'w:instrText':
            inInstruction = false;
            return;
          case 'w:tc': {
            const cell = containers.length > 1 ? containers.pop()! : null;
            if (cell) tables.endCell(cell.blocks);
            return;
          }
          case 'w:tr':
            tables.endRow();
            return;
          case 'w:tbl': {
            const table = tables.endTable();
            if (table) {
              container().blocks.push(table);
              container().itemLeft = null;
            }
            return;
          }
        }
        if (options.noteElement && name === options.noteElement) {
          const note = containers.length > 1 ? containers.pop()! : null;
          if (note && noteId !== null && !noteSkipped) options.onNote?.(noteId, note.blocks);
          noteId = null;
        }
      },
      text(value) {
        if (skipDepth > 0) return;
        if (inInstruction) {
          // The instruction is no text of the document; only a HYPERLINK field's address is read from it.
          const field = fields[fields.length - 1];
          if (field && !field.result && field.instruction.length < MAX_INSTRUCTION) field.instruction += value.slice(0, MAX_INSTRUCTION - field.instruction.length);
          return;
        }
        if (!inText || props?.hidden) return;
        const para = paragraphs[paragraphs.length - 1];
        if (!para) return;
        budget?.text(value.length);
        const text = replaceSymbolBullets(value);
        if (props?.superscript && /^\s*\d{1,3}\s*$/.test(text)) {
          // A digit raised by hand: a footnote mark as printed, never glued to the word as a plain digit.
          para.runs.push({ text: text.trim(), note: text.trim(), raised: true });
          return;
        }
        para.runs.push({ text, ...look() });
      },
    },
    budget,
  );
  while (paragraphs.length > 0) closeParagraph(paragraphs.pop()!);
  return body.blocks;
}

/**
 * Labels for the numbered paragraphs of document.xml, in document order: Word's printed label
 * ('' when the level prints none). Paragraphs in mc:Choice, w:del and w:moveFrom are skipped,
 * as Word shows them.
 */
export function planListLabels(documentXml: string, numberingXml: string, stylesXml: string): string[] {
  const labels: string[] = [];
  walk(documentXml, readNumbering(numberingXml, stylesXml), undefined, { onLabel: (label) => labels.push(label) });
  return labels;
}

export type { ListRef };
