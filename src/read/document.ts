/**
 * The structure the office readers (DOCX, ODT, RTF) recover, and how it becomes the text every
 * later stage reads. A reader builds blocks (paragraphs with their runs, list items with their
 * level and printed label, the further paragraphs of an item, headings, tables) and notes; this
 * module writes them as text lines by one set of rules, the same rules the HTML reader follows:
 *
 * - a paragraph is a line of its own with a blank line before it;
 * - a list item is `label text`, indented two spaces per level below the first, with no blank line
 *   between the items of one list; a further paragraph of an item is a line indented to the item's
 *   text (a hanging indent), so it reads as part of the item;
 * - a heading is a paragraph marked as one (heading-marks.ts), its number (Word's heading
 *   numbering) in front;
 * - a table is read row by row: a line per row, its cells separated by a tab;
 * - a footnote reference is the note's number in superscript digits right after the word
 *   ("veiligheid¹", "€ 50.000²": never glued onto a digit as a plain digit), and the notes follow
 *   the text as lines `N text`.
 *
 * The blocks themselves go along in `SourceText.document`, for a reader of memos that needs bold
 * runs, link addresses or table cells.
 */
import { pushReference, toSuperscript } from '../text/footnote-markers.js';
import { markHeading, withoutMarkCharacters } from './heading-marks.js';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** The run is a reference to the note with this label. */
  note?: string;
  /**
   * The reference is a digit raised by hand ("m²", a footnote typed as text): printed as one, but
   * no note of the document is tied to it, though one may have its number.
   */
  raised?: boolean;
  /**
   * The run is (part of) a link to this address, as the document gives it: any scheme, relative or
   * not. A document is data: a consumer decides which addresses it trusts (the memo reader keeps
   * web and mail links only). Every text written from the model (`documentToText`) leaves it out,
   * so a link reads as its text.
   */
  href?: string;
}

export interface ListInfo {
  /** 0 for the outermost list. */
  level: number;
  /** The label as the document prints it ("1.", "a)", "Vraag 3:", "•"); '' when it prints none. */
  label: string;
  /** Which list the item belongs to: two lists one after the other are set apart by a blank line. */
  list: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  /** Set for a heading: 0 for a title, 1..6 for heading levels. */
  heading?: number;
  /** Heading numbering printed in front of a heading ("4.3"). */
  number?: string;
  /** Set for a list item. */
  list?: ListInfo;
  /** A further paragraph of the list item before it (same item, no label of its own). */
  continues?: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** Rows of cells; a cell holds blocks. */
  rows: Block[][][];
}

export type Block = ParagraphBlock | TableBlock;

export interface Note {
  /** The printed number ("1"). */
  label: string;
  blocks: Block[];
}

/** A document as an office reader recovers it. */
export interface StructuredDocument {
  blocks: Block[];
  /** Footnotes and endnotes, in the order of their references. */
  notes: Note[];
}

/**
 * The tables a reader is inside of (a table can sit in a table's cell): rows and cells as the
 * reader meets them, the finished table when it closes.
 */
export class TableStack {
  private readonly open: { block: TableBlock; row: Block[][] | null }[] = [];

  startTable(): void {
    this.open.push({ block: { kind: 'table', rows: [] }, row: null });
  }

  startRow(): void {
    const table = this.open[this.open.length - 1];
    if (table) table.row = [];
  }

  /** A cell ends with the blocks read into it. */
  endCell(blocks: Block[]): void {
    this.open[this.open.length - 1]?.row?.push(blocks);
  }

  endRow(): void {
    const table = this.open[this.open.length - 1];
    if (table?.row) table.block.rows.push(table.row);
    if (table) table.row = null;
  }

  /** The table that ends, or null when none was open. */
  endTable(): TableBlock | null {
    return this.open.pop()?.block ?? null;
  }
}

/** A paragraph's text: runs joined, note references as superscript numbers, white space collapsed per line. */
export function paragraphText(runs: readonly Run[]): string {
  const pieces: string[] = [];
  for (const run of runs) {
    if (run.note !== undefined) {
      pushReference(pieces, toSuperscript(run.note));
      continue;
    }
    pieces.push(withoutMarkCharacters(run.text));
  }
  return pieces
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, (space) => (space.includes('\t') ? '\t' : ' ')).trim())
    .join('\n');
}

/** A block's plain text on one line (a table cell's content). */
function inlineText(blocks: readonly Block[]): string {
  return blocks
    .map((block) => (block.kind === 'paragraph' ? paragraphText(block.runs).replace(/\s+/g, ' ') : block.rows.map((row) => row.map(inlineText).join(' ')).join(' ')))
    .filter((t) => t !== '')
    .join(' ');
}

/**
 * Write a structured document as text lines (heading lines marked; take the marks out with
 * `takeHeadingMarks` after normalising).
 */
export function documentToText(document: StructuredDocument): string {
  const out: string[] = [];
  /** What the last block was: list lines follow each other without a blank line. */
  let previous: 'none' | 'block' | 'list' = 'none';
  /** The open list item's text indentation, for its further paragraphs. */
  let itemIndent: string | null = null;
  let listId: string | null = null;
  const blank = (): void => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  for (const block of document.blocks) {
    if (block.kind === 'table') {
      blank();
      for (const row of block.rows) {
        const cells = row.map(inlineText);
        if (cells.some((c) => c !== '')) out.push(cells.join('\t').replace(/\t+$/, ''));
      }
      previous = 'block';
      itemIndent = null;
      continue;
    }
    const text = paragraphText(block.runs);
    if (block.continues && itemIndent !== null && previous === 'list') {
      if (text === '') continue;
      for (const line of text.split('\n')) if (line !== '') out.push(itemIndent + line);
      continue;
    }
    if (block.list && block.heading === undefined) {
      if (previous !== 'list' || (block.list.level === 0 && block.list.list !== listId)) blank();
      if (block.list.level === 0) listId = block.list.list;
      const indent = '  '.repeat(Math.max(0, Math.min(8, block.list.level)));
      const label = block.list.label === '' ? '' : `${block.list.label} `;
      itemIndent = indent + ' '.repeat(label.length);
      const lines = text.split('\n');
      out.push((indent + label + (lines[0] ?? '')).replace(/\s+$/, ''));
      for (const line of lines.slice(1)) if (line !== '') out.push(itemIndent + line);
      previous = 'list';
      continue;
    }
    itemIndent = null;
    const full = block.number ? `${block.number} ${text}` : text;
    if (full.trim() === '') continue;
    blank();
    const lines = full.split('\n').filter((line) => line !== '');
    lines.forEach((line, i) => out.push(block.heading === undefined ? line : markHeading(line, block.heading, i > 0)));
    previous = 'block';
  }
  const notes = document.notes.filter((note) => inlineText(note.blocks) !== '');
  if (notes.length > 0) {
    blank();
    for (const note of notes) out.push(`${note.label} ${inlineText(note.blocks)}`);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
