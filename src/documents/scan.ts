/**
 * The fast producer of blocks (see blocks.ts): a body read by lines. remark-parse reads about
 * 1 MB/s on the 2-core machine this was measured on, 9 s for the 1,000 generated letters of
 * `bench/check.ts`; most files of a workspace are written by our own tools and hold only plain
 * shapes (ATX headings, paragraphs, lists, block quotes), which a scan of lines places exactly.
 *
 * `scanBlocks` declines (null) a body holding anything it is not sure of: a fenced or indented
 * code block, HTML, a setext heading, a thematic break, a link reference definition, tabs, a lazy
 * continuation, indented block markers, a heading with a closing sequence. It only places the
 * blocks; what is inside a block is worked out when a rule asks: by itself when the text is plain
 * (no markdown but backslash escapes, or the bold label and the link the draft writes), else by
 * remark-parse of that block alone, within the document's budget (`ScanBudget`). So a scanned
 * block is never half filled: every field a rule can read has the value the tree gives.
 * `blocks.test.ts` holds it to the tree on generated documents full of traps.
 */
import type { Root } from 'mdast';
import { deepestLineNesting, isCheapMarkdown, MAX_MARKDOWN_BYTES, MAX_NESTING, parseMarkdown } from '../io/markdown.js';
import { type Block, type BlockItem, type BlockType, PlacedBlock, ScanBudgetExceeded, TreeBlock } from './blocks.js';

// ---------------------------------------------------------------------------------------------
// Inline text.

/** A backslash escape of ASCII punctuation (CommonMark): the character itself. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
/** A quick first look: none of these, no markup. */
const MAYBE_MARKUP = /[\\[\]`<*_&]/;
/** What is left that makes inline markdown read differently from how it is written: markup, or an entity. */
const INLINE_MARKUP = /[\\[\]`<*_]|&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;

/**
 * A run of `_` between two letters or digits, as written (not after a backslash): CommonMark's
 * flanking rules let it neither open nor close emphasis, so it is text ("sociaal-domein_def.pdf",
 * which the writers leave unescaped: text/markdown-escape.ts). A `*` run there can; it stays markup.
 */
const INTRAWORD_UNDERSCORE = /(?<=[\p{L}\p{N}])_+(?=[\p{L}\p{N}])/gu;

/**
 * The plain text of one line of inline markdown whose only markup is backslash escapes and
 * underscores inside words; null when it has more.
 */
export function plainInline(raw: string): string | null {
  if (!MAYBE_MARKUP.test(raw)) return raw;
  const escapes = raw.includes('\\');
  let rest = raw.includes('_') ? raw.replace(INTRAWORD_UNDERSCORE, '') : raw;
  if (escapes) rest = rest.replace(ESCAPE, '');
  if (INLINE_MARKUP.test(rest)) return null;
  return escapes ? raw.replace(ESCAPE, '$1') : raw;
}

/** Without trailing spaces (a loop: `/ +$/` retries at every space of a long line). */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

function trimStart(text: string): string {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === 32) start++;
  return start === 0 ? text : text.slice(start);
}

/**
 * The plain text of a paragraph on these lines, or null when it holds markup: leading spaces
 * go, trailing spaces end the paragraph's last line (and make a hard break on any other line).
 */
function plainParagraph(lines: readonly string[]): string | null {
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    let line = trimStart(lines[k]!);
    if (k === lines.length - 1) line = trimEnd(line);
    else if (line.endsWith(' ')) return null;
    const text = plainInline(line);
    if (text === null) return null;
    out.push(text);
  }
  return out.join('\n');
}

/** `**label** rest`: bold text first, without spaces at its ends or markup in it, then a space or nothing. */
const STRONG_LEAD = /^\*\*([^*\\\s](?:[^*\\]*[^*\\\s])?)\*\*((?: .*)?)$/;

/**
 * `[label](destination) rest`: a link first, with a plain destination and the label possibly
 * escaped; label, destination and rest, or null. The pattern
 * `^\[((?:[^\\[\]]|\\.)*)\]\(([^\s()<>\\&]*)\)(.*)$`, taken in two steps: a citation line is the
 * commonest item of an answer document, and that pattern's alternation cost a microsecond a label.
 * A label without a backslash is one character class (`LINK_LEAD`); one with escapes is read by hand.
 */
function linkLead(line: string): [label: string, destination: string, rest: string] | null {
  if (line.charCodeAt(0) !== 91 || line.includes('\u2028') || line.includes('\u2029')) return null;
  const plain = LINK_LEAD.exec(line);
  if (plain) return [plain[1]!, plain[2]!, line.slice(plain[0].length)];
  if (!line.includes('\\')) return null;
  let i = 1;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 91) return null;
    else if (c === 93) break;
  }
  if (i >= line.length || line.charCodeAt(i + 1) !== 40) return null;
  const close = line.indexOf(')', i + 2);
  if (close === -1) return null;
  const destination = line.slice(i + 2, close);
  if (/[\s()<>\\&]/.test(destination)) return null;
  return [line.slice(1, i), destination, line.slice(close + 1)];
}

/** A link with a label free of brackets and backslashes, and a plain destination. */
const LINK_LEAD = /^\[([^\\[\]]*)\]\(([^\s()<>\\&]*)\)/;

/** A one-line item's content as the tree reads it, or null when only the tree can say. */
function plainItem(content: string, line: number): BlockItem | null {
  const trimmed = trimEnd(content);
  const link = linkLead(trimmed);
  if (link) {
    const text = plainInline(link[0]);
    const rest = plainInline(link[2]);
    if (text === null || rest === null) return null;
    return { line, text: text + rest, children: 1, lead: { kind: 'link', text, url: link[1], rest }, others: [] };
  }
  const strong = STRONG_LEAD.exec(trimmed);
  if (strong) {
    const text = plainInline(strong[1]!);
    const rest = plainInline(strong[2]!);
    if (text === null || rest === null) return null;
    return { line, text: text + rest, children: 1, lead: { kind: 'strong', text, url: null, rest }, others: [] };
  }
  const text = plainInline(trimmed);
  return text === null ? null : { line, text, children: 1, lead: null, others: [] };
}

// ---------------------------------------------------------------------------------------------
// The budget for parsing blocks one by one.

/**
 * Markup parsed block by block per document: some dozens of blocks of ordinary markdown. Past it
 * the document is read as one tree, so crafted or markup-dense text costs one guarded parse, not
 * one per block (a 1–2 MB document with markup in every paragraph started a parse, and a worker,
 * per paragraph). Each remark call costs 0.1-4 ms here whatever its size (300 kB of paragraphs
 * with emphasis and links: 500 block parses took 1.8 s before the budget ran out, the one tree
 * 4.3 s), so the count is bounded as well as the size.
 */
const BUDGET_PARSES = 50;
const BUDGET_CHARS = 64 * 1024;
const BUDGET_DELIMITERS = 2_000;
const DELIMITER = /[*_[\]`<]/g;

class ScanBudget {
  private parses = 0;
  private chars = 0;
  private delimiters = 0;

  /** remark-parse of one block's text, on this thread; throws `ScanBudgetExceeded` past the budget. */
  parse(raw: string): Root {
    this.parses++;
    this.chars += raw.length;
    this.delimiters += raw.match(DELIMITER)?.length ?? 0;
    if (this.parses > BUDGET_PARSES || this.chars > BUDGET_CHARS || this.delimiters > BUDGET_DELIMITERS || !isCheapMarkdown(raw)) throw new ScanBudgetExceeded();
    return parseMarkdown(raw);
  }
}

// ---------------------------------------------------------------------------------------------
// Blocks by lines.

const HEADING = /^(#{1,6})(?:[ ]+(.*?))?[ ]*$/;
const ORDERED = /^(\d{1,9})[.)](?: +|$)/;
/** Item content that opens a block of its own (looked for where the content starts). */
const OPENS_BLOCK_AT = /(?:[#>`~<]|[-*+] |\d{1,9}[.)] )/y;
/** A line a scanner by lines cannot place without the full CommonMark rules. */
const UNSURE = [
  /^ {0,3}(?:```|~~~)/, // fenced code
  /^\s*</, // HTML blocks
  /^ {0,3}(?:=+|-+)[ ]*$/, // setext underline (or a thematic break of dashes)
  /^ {0,3}([-*_])(?:[ ]*\1){2,}[ ]*$/, // thematic break
  /^ {0,3}\[[^\]]*\]:/, // link reference definition: changes how links elsewhere read
  /^ {1,3}[#>*+\-=_`~<\d]/, // a block marker after a little indentation
  /^\s*(?:```|~~~)/, // a fence inside a list item
];
/** Inside a block quote: a line that may open a block of its own (a list, a heading, code, a setext underline...). */
const QUOTE_MARKER = /^[\s>#\-*+=_~`<\d|]/;

function isBlank(line: string): boolean {
  // Only a line that is empty or starts with a space can be blank (tabs and CR were declined).
  return line.length === 0 || (line.charCodeAt(0) === 32 && !/\S/.test(line));
}

/** `-`, `*`, `+` or a digit: the characters a list marker starts with. */
function mayBeMarker(c: number): boolean {
  return c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57);
}

/** Whether a line takes a shape a scanner by lines cannot place (the `UNSURE` patterns), by its first character. */
function unsure(line: string, c: number): boolean {
  switch (c) {
    case 32: // indentation: any of them
      return UNSURE.some((pattern) => pattern.test(line));
    case 96: // ` and ~: a fence
    case 126:
      return UNSURE[0]!.test(line);
    case 60: // <: HTML
      return true;
    case 91: // [: a link reference definition
      return UNSURE[4]!.test(line);
    case 61: // = - * _: a setext underline or a thematic break, a line of nothing else
    case 45:
    case 42:
    case 95:
      return /^[-*_= ]+$/.test(line) && (UNSURE[2]!.test(line) || UNSURE[3]!.test(line));
    default:
      return false;
  }
}

/**
 * The width of the list marker opening a line, with the spaces after it (`^[-*+](?: +|$)`, or
 * `ORDERED`), or 0 for none. A bullet by hand: a citation list has one on every line, and this is
 * asked for each line up to three times (no match array made each time).
 */
function markerWidth(line: string): number {
  const c = line.charCodeAt(0);
  if (c === 45 || c === 42 || c === 43) {
    if (line.length === 1) return 1;
    if (line.charCodeAt(1) !== 32) return 0;
    let width = 2;
    while (line.charCodeAt(width) === 32) width++;
    return width;
  }
  if (c >= 48 && c <= 57) return ORDERED.exec(line)?.[0].length ?? 0;
  return 0;
}

/** What must stay the same for items to be one list: the bullet, or the ordered list's delimiter (`.` or `)`). */
function markerKind(line: string): string {
  let i = 0;
  while (isDigit(line.charCodeAt(i))) i++;
  return line.charAt(i);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

function isHeading(line: string): boolean {
  return line.charCodeAt(0) === 35 && HEADING.test(line);
}

/** Whether the line starts a block that ends a paragraph (CommonMark "can interrupt a paragraph"). */
function interrupts(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c === 62) return true;
  if (c === 35) return HEADING.test(line);
  if (!mayBeMarker(c)) return false;
  if (/^[-*+] +\S/.test(line)) return true;
  const ordered = /^(\d{1,9})[.)] +\S/.exec(line);
  return ordered !== null && ordered[1] === '1';
}

interface Shape {
  type: BlockType;
  /** 0-based first and last line. */
  from: number;
  to: number;
  depth: number;
  /** Heading content as written. */
  content: string;
  /** Lists: the first line of each item, the first number. */
  items: readonly number[];
  listStart: number | null;
}

/** The items of every block but a list. */
const NO_ITEMS: readonly number[] = [];

/** The body as lines and the offset each line starts at. */
interface Lines {
  body: string;
  lines: string[];
  starts: number[];
  budget: ScanBudget;
}

const wordPatterns = new Map<string, RegExp>();
/** A case-insensitive search for a word (lower case, letters only): no lower-cased copy of the text. */
function wordPattern(word: string): RegExp {
  let pattern = wordPatterns.get(word);
  if (!pattern) wordPatterns.set(word, (pattern = new RegExp(word, 'i')));
  return pattern;
}

/** A block placed by the scanner; its text is worked out when asked for. */
class ScannedBlock extends PlacedBlock implements Block {
  // Fields declared, set in the constructor: a class field of ES2022 is defined on every new
  // object before the constructor's body runs, then set again, and a workspace's check makes a
  // block for every paragraph, heading and list.
  declare readonly ordered: boolean;
  declare readonly listStart: number | null;
  private declare textCache: string | null;
  private declare itemsCache: BlockItem[] | null;
  private declare partsCache: string[] | null;
  private declare treeCache: TreeBlock | null;
  private declare readonly shape: Shape;
  private declare readonly source: Lines;

  constructor(shape: Shape, source: Lines) {
    const { lines, starts } = source;
    const first = lines[shape.from]!;
    super(shape.type, shape.depth, starts[shape.from]! + (first.length - trimStart(first).length), starts[shape.to]! + lines[shape.to]!.length, shape.from + 1, shape.to + 1);
    this.shape = shape;
    this.source = source;
    this.ordered = shape.listStart !== null;
    this.listStart = shape.listStart;
    this.textCache = null;
    this.itemsCache = null;
    this.partsCache = null;
    this.treeCache = null;
  }

  private raw(): string {
    return this.source.body.slice(this.start, this.end);
  }

  private lineTexts(): string[] {
    return this.source.lines.slice(this.shape.from, this.shape.to + 1);
  }

  /** The block as remark-parse reads it by itself (within the budget). */
  private tree(): TreeBlock {
    if (this.treeCache) return this.treeCache;
    // A quote right after a paragraph line interrupts it, and remark reads the quote's first line
    // so ("> 2025. jaartal" is then no list): by itself the quote would read otherwise. (A list's
    // first line cannot differ: the scan declines item text that opens a block.)
    if (this.type === 'blockquote' && this.shape.from > 0 && !isBlank(this.source.lines[this.shape.from - 1]!)) throw new ScanBudgetExceeded();
    const root = this.source.budget.parse(this.raw());
    const node = root.children[0];
    // The scanner placed a block the tree reads differently: let the tree read the whole document.
    if (root.children.length !== 1 || !node || new TreeBlock(node).type !== this.type) throw new ScanBudgetExceeded();
    this.treeCache = new TreeBlock(node, this.shape.from, this.start);
    return this.treeCache;
  }

  get text(): string {
    if (this.textCache !== null) return this.textCache;
    let text: string | null = null;
    if (this.type === 'heading') text = plainInline(this.shape.content);
    else if (this.type === 'paragraph') text = plainParagraph(this.lineTexts());
    else if (this.type === 'list') text = this.items.map((item) => item.text).join('');
    else if (this.type === 'blockquote') text = this.parts.join('');
    this.textCache = text ?? this.tree().text;
    return this.textCache;
  }

  get lines(): string {
    if (this.type === 'list') return this.items.every((item) => item.children === 1) ? this.items.map((item) => item.text).join('\n') : this.tree().lines;
    if (this.type === 'blockquote') return this.plainParts() !== null ? this.parts.join('\n') : this.tree().lines;
    return this.text;
  }

  get parts(): string[] {
    if (this.type !== 'blockquote') return [];
    this.partsCache ??= this.plainParts() ?? this.tree().parts;
    return this.partsCache;
  }

  /** A quote's paragraphs, when they are nothing but plain paragraphs. */
  private plainParts(): string[] | null {
    const paragraphs: string[][] = [[]];
    for (let k = this.shape.from; k <= this.shape.to; k++) {
      const line = this.source.lines[k]!.replace(/^> ?/, '');
      if (isBlank(line)) paragraphs.push([]);
      else if (QUOTE_MARKER.test(line)) return null;
      else paragraphs[paragraphs.length - 1]!.push(line);
    }
    const texts: string[] = [];
    for (const paragraph of paragraphs) {
      if (paragraph.length === 0) continue;
      const text = plainParagraph(paragraph);
      if (text === null) return null;
      texts.push(text);
    }
    return texts;
  }

  get items(): BlockItem[] {
    if (this.type !== 'list') return [];
    if (this.itemsCache) return this.itemsCache;
    const { lines } = this.source;
    const firstLines = this.shape.items;
    const items: BlockItem[] = [];
    for (let n = 0; n < firstLines.length; n++) {
      const from = firstLines[n]!;
      const to = n + 1 < firstLines.length ? firstLines[n + 1]! - 1 : this.shape.to;
      const line = lines[from]!;
      // Only one-line items are read here; anything longer is the tree's.
      let item: BlockItem | null = null;
      let oneLine = true;
      for (let k = from + 1; k <= to && oneLine; k++) oneLine = isBlank(lines[k]!);
      if (oneLine) item = plainItem(line.slice(markerWidth(line)), from + 1);
      if (!item) {
        this.itemsCache = this.tree().items as BlockItem[];
        return this.itemsCache;
      }
      items.push(item);
    }
    this.itemsCache = items;
    return items;
  }

  mayContain(word: string): boolean {
    const raw = this.textCache ?? this.raw();
    // Markup or an entity may spell the word otherwise; else the word is in the text as written.
    return (this.textCache === null && /[\\&*_`<[]/.test(raw)) || wordPattern(word).test(raw);
  }
}

/**
 * The top-level blocks of a body, or null when a line is not plainly one of them (then the
 * markdown tree must read it). Bodies with tabs or carriage returns, and bodies over the size the
 * tree refuses, are declined as a whole.
 */
export function scanBlocks(body: string): Block[] | null {
  if (body.includes('\t') || body.includes('\r')) return null;
  if (body.length * 3 > MAX_MARKDOWN_BYTES && Buffer.byteLength(body) > MAX_MARKDOWN_BYTES) return null;
  // Quotes nested past the bound: the tree refuses them (io/markdown.ts), so the document's reader
  // reports it instead of reading an answer no memo can be made of.
  if ((body.includes('> >') || body.includes('>>')) && deepestLineNesting(body) > MAX_NESTING) return null;
  const lines = body.split('\n');
  for (const line of lines) {
    // An empty line is no shape; and charCodeAt past a string's end makes V8 drop the optimised
    // code of the function once, which it then compiles again.
    if (line.length === 0) continue;
    const c = line.charCodeAt(0);
    // Most lines start with a letter, a "#" or a ">": no unsure shape starts so.
    if ((c > 96 && c !== 126) || (c >= 65 && c <= 90) || c === 35 || c === 62) continue;
    if (unsure(line, c)) return null;
    const width = mayBeMarker(c) ? markerWidth(line) : 0;
    if (width > 0) {
      // A marker alone, or item content that opens another block: not plain.
      if (width === line.length) return null;
      OPENS_BLOCK_AT.lastIndex = width;
      if (OPENS_BLOCK_AT.test(line)) return null;
      // Five or more spaces after the marker make the content indented code.
      if (width >= 6 && line.startsWith('     ', width - 5)) return null;
      // A number with a leading zero.
      if (c === 48 && isDigit(line.charCodeAt(1))) return null;
    }
  }
  const shapes: Shape[] = [];
  const shape = (type: BlockType, from: number, to: number, depth = 0, content = '', items: readonly number[] = NO_ITEMS, listStart: number | null = null): Shape => ({ type, from, to, depth, content, items, listStart });
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    // Four spaces at the start of a block make indented code.
    if (line.startsWith('    ')) return null;
    const heading = line.charCodeAt(0) === 35 ? HEADING.exec(line) : null;
    if (heading) {
      const content = heading[2] ?? '';
      // A closing sequence ("## Vraag 2 ##") is stripped by CommonMark; leave it to the tree.
      if (/(?:^|\s)#+$/.test(content)) return null;
      shapes.push(shape('heading', i, i, heading[1]!.length, content));
      i++;
      continue;
    }
    if (line.startsWith('>')) {
      let j = i;
      while (j < lines.length && lines[j]!.startsWith('>')) j++;
      // A text line right after a quote continues it lazily: not plain.
      if (j < lines.length && !isBlank(lines[j]!) && !interrupts(lines[j]!)) return null;
      shapes.push(shape('blockquote', i, j - 1));
      i = j;
      continue;
    }
    const firstWidth = markerWidth(line);
    if (firstWidth > 0) {
      const items = [i];
      const kind = markerKind(line);
      // Where the item's content starts: after a blank line, only lines indented this far stay in it.
      let contentIndent = firstWidth;
      let last = i;
      let j = i + 1;
      while (j < lines.length) {
        const next = lines[j]!;
        if (isBlank(next)) {
          let k = j + 1;
          while (k < lines.length && isBlank(lines[k]!)) k++;
          if (k < lines.length && (leadingSpaces(lines[k]!) >= contentIndent || (markerWidth(lines[k]!) > 0 && markerKind(lines[k]!) === kind))) {
            j = k;
            continue;
          }
          if (k < lines.length && lines[k]!.startsWith(' ')) return null;
          break;
        }
        const width = markerWidth(next);
        if (width > 0 && markerKind(next) !== kind) break;
        if (width > 0) {
          items.push(j);
          contentIndent = width;
        } else if (isHeading(next) || next.startsWith('>')) {
          break;
        }
        last = j;
        j++;
      }
      shapes.push(shape('list', i, last, 0, '', items, isDigit(line.charCodeAt(0)) ? Number(ORDERED.exec(line)![1]) : null));
      i = last + 1;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && !isBlank(lines[j]!) && !interrupts(lines[j]!)) j++;
    shapes.push(shape('paragraph', i, j - 1));
    i = j;
  }
  const starts: number[] = new Array<number>(lines.length);
  let offset = 0;
  for (let k = 0; k < lines.length; k++) {
    starts[k] = offset;
    offset += lines[k]!.length + 1;
  }
  const source: Lines = { body, lines, starts, budget: new ScanBudget() };
  // Loops and push rather than map where an array goes on to optimised code: V8's map makes a
  // packed array in the interpreter and a holey one once the caller is optimised, and code
  // optimised for the one is thrown away at the other (readSection, plainParts, node --trace-deopt).
  const blocks: Block[] = [];
  for (const s of shapes) blocks.push(new ScannedBlock(s, source));
  return blocks;
}
