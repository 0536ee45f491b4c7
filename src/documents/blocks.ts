/**
 * The block layer under the question and answer document readers: the top-level blocks of a
 * markdown body (headings, paragraphs, lists, block quotes, anything else), each with what the
 * document rules ask of it (its plain text, its lines, its list items, its offsets and lines).
 *
 * Two producers make blocks, and the rules (`question-document.ts`, `answer-document.ts`) are
 * written once over them:
 * - `scanBlocks` (scan.ts) reads lines: fast, for the shapes our own tools write and most
 *   hand edits; it declines (null) whatever it is not sure of;
 * - `treeBlocks` reads the markdown tree of remark-parse (guarded: io/markdown.ts).
 * `blocks.test.ts` holds the scanner to the tree on generated documents full of traps.
 *
 * `readBody` (read-body.ts) picks the producer: the scanner when it accepts the body, else the tree. A scanned
 * block works out its text lazily, by itself when the markdown is plain and by remark-parse of that
 * block alone when not; all of a document's block-by-block parsing shares one budget
 * (`ScanBudget`), and a document that would exceed it is read as one tree instead (one parse,
 * with the time limit), so a large or crafted document never costs one parse per paragraph.
 */
import type { List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

export type BlockType = 'heading' | 'paragraph' | 'list' | 'blockquote' | 'other';

/** The first inline of an item's first paragraph, when it is bold text or a link. */
export interface Lead {
  kind: 'strong' | 'link';
  /** Its plain text. */
  text: string;
  /** The link's destination (null for bold text). */
  url: string | null;
  /** The plain text of the rest of the paragraph. */
  rest: string;
}

/** One item of a list block. */
export interface BlockItem {
  /** 1-based line in the body. */
  line: number;
  /** The item's plain text (mdast `toString`: the children's texts run together). */
  text: string;
  /** How many blocks the item holds. */
  children: number;
  /** The first paragraph's leading bold text or link, when it starts with one. */
  lead: Lead | null;
  /** The plain text of each block after the first. */
  others: string[];
}

/** A top-level block of a markdown body. */
export interface Block {
  readonly type: BlockType;
  /** Heading level (1-6); 0 for other blocks. */
  readonly depth: number;
  /** Offsets in the body: the first character of the block (after indentation), the end of its last line. */
  readonly start: number;
  readonly end: number;
  /** 1-based lines in the body. */
  readonly line: number;
  readonly endLine: number;
  /** Plain text (mdast `toString`). */
  readonly text: string;
  /** Plain text by lines: a leaf's text; a container's blocks one per line (a list's items, a quote's paragraphs). */
  readonly lines: string;
  /** A block quote's blocks as plain text each. */
  readonly parts: readonly string[];
  /** Lists: ordered or not, the first number, the items. */
  readonly ordered: boolean;
  readonly listStart: number | null;
  readonly items: readonly BlockItem[];
  /** False when the block's plain text surely does not contain `word` (lower case): lets a rule skip working out the text. */
  mayContain(word: string): boolean;
}

// ---------------------------------------------------------------------------------------------
// The tree producer.

/** Plain text by lines: a leaf's text, a container's children one per line. */
function blockText(node: RootContent | ListItem): string {
  if ('children' in node && node.type !== 'heading' && node.type !== 'paragraph') {
    return (node.children as RootContent[]).map((child) => blockText(child)).join('\n');
  }
  return toString(node);
}

function itemOf(item: ListItem, lineOffset: number): BlockItem {
  const first = item.children[0];
  let lead: Lead | null = null;
  if (first?.type === 'paragraph') {
    const [head, ...rest] = first.children as PhrasingContent[];
    if (head && (head.type === 'strong' || head.type === 'link')) {
      lead = { kind: head.type, text: toString(head), url: head.type === 'link' ? head.url : null, rest: rest.map((node) => toString(node)).join('') };
    }
  }
  return {
    line: (item.position?.start.line ?? 1) + lineOffset,
    text: toString(item),
    children: item.children.length,
    lead,
    others: item.children.slice(1).map((child) => toString(child)),
  };
}

/** Where a block is, as either producer places it; what is in it is the producer's. */
export abstract class PlacedBlock {
  // Declared and set in the constructor, not parameter properties: those are class fields,
  // defined on each new block before they are set (see ScannedBlock).
  declare readonly type: BlockType;
  declare readonly depth: number;
  declare readonly start: number;
  declare readonly end: number;
  declare readonly line: number;
  declare readonly endLine: number;

  constructor(type: BlockType, depth: number, start: number, end: number, line: number, endLine: number) {
    this.type = type;
    this.depth = depth;
    this.start = start;
    this.end = end;
    this.line = line;
    this.endLine = endLine;
  }
}

/** A block read from an mdast node; `lineOffset` and `offset` place a fragment's node in the body. */
export class TreeBlock extends PlacedBlock implements Block {
  private textCache: string | null = null;

  constructor(
    private readonly node: RootContent,
    private readonly lineOffset = 0,
    offset = 0,
  ) {
    const type = node.type;
    const position = node.position;
    super(
      type === 'heading' || type === 'paragraph' || type === 'list' || type === 'blockquote' ? type : 'other',
      type === 'heading' ? node.depth : 0,
      (position?.start.offset ?? 0) + offset,
      (position?.end.offset ?? 0) + offset,
      (position?.start.line ?? 1) + lineOffset,
      (position?.end.line ?? 1) + lineOffset,
    );
  }

  get text(): string {
    this.textCache ??= toString(this.node);
    return this.textCache;
  }

  get lines(): string {
    return this.type === 'paragraph' || this.type === 'heading' ? this.text : blockText(this.node);
  }

  get parts(): string[] {
    return this.node.type === 'blockquote' ? this.node.children.map((child) => toString(child)) : [];
  }

  get ordered(): boolean {
    return this.node.type === 'list' && this.node.ordered === true;
  }

  get listStart(): number | null {
    return this.node.type === 'list' && this.node.ordered ? (this.node.start ?? 1) : null;
  }

  get items(): BlockItem[] {
    return this.node.type === 'list' ? (this.node as List).children.map((item) => itemOf(item, this.lineOffset)) : [];
  }

  mayContain(word: string): boolean {
    return new RegExp(word, 'i').test(this.text);
  }
}

/** The blocks of a parsed body. */
export function treeBlocks(root: Root): Block[] {
  return root.children.map((node) => new TreeBlock(node));
}

/** Raised by a scanned block when the document's budget for parsing blocks one by one runs out. */
export class ScanBudgetExceeded extends Error {
  constructor() {
    super('block-by-block parsing over budget: read the document as one tree');
    this.name = 'ScanBudgetExceeded';
  }
}
