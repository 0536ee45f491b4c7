/**
 * An answered memo as a list of blocks (paragraphs, list items, table rows, headings), each with
 * its plain text for recognising the layout and its inline markdown for the answer. Two sources:
 * - structure (`blocksFromDocument`): what the office readers (DOCX, ODT, RTF) recover beside their
 *   text: paragraphs with bold and italic runs, list items with their printed label and level,
 *   headings, table cells; and the PDF reader for a PDF that holds a table (its cells parted by
 *   their x positions, pdf-table.ts; no bold or italics); the office readers give a link's address
 *   with its runs (`Run.href`);
 * - HTML (`blocksFromHtml`): an HTML memo, and our own markdown memo rendered to HTML.
 * From either, bold, italics, links (from DOCX, ODT and RTF too), list labels, table cells and
 * footnotes are known, so an answer keeps them as markdown (a note's reference in superscript
 * digits, the note at the end of the answer, `MemoBlock.notes`) and a question set in bold or in a
 * table's left column can be recognised.
 * - Text (`blocksFromText`): PDF and plain text. Paragraphs come from blank lines, with the repairs
 *   that PDF extraction needs (see `blocksFromText`); bold is known only where the PDF reader
 *   marked a line as a heading by its font (`HeadingMark`).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { HeadingMark } from '../read/heading-marks.js';
import type { Block as DocumentBlock, Run, StructuredDocument } from '../read/document.js';
import { joinLines } from '../text/hyphenation.js';
import { escapeInline } from '../text/markdown-escape.js';
import { PRINTED_BULLETS } from '../read/bullets.js';
import { allNoteReferences, pushReference, toSuperscript } from '../text/footnote-markers.js';
import { findHtmlNotes, holdsReference, isNoteReference, NO_NOTES, type HtmlNotes } from './html-notes.js';

export interface MemoBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'row';
  /**
   * Plain text by line: a text source keeps its lines, so a question glued to its answer without a
   * blank line can still be split; an HTML block is one line.
   */
  lines: string[];
  /** Inline markdown, one entry per line of `lines`; null for text that is plain (escaped on output). */
  markdown: string[] | null;
  /** A list item's label as printed ("1.", "a)", "•"); a text line's own "1." counts too. */
  label: string | null;
  /** Nesting of a list item (0 for the outer list). */
  depth: number;
  /** The whole block is bold (or a heading by its look). */
  strong: boolean;
  /** A table row: the blocks of each cell. */
  cells: MemoBlock[][] | null;
  /** 1-based line in the reader's text, for messages. */
  line: number;
  /** Text source: the block's first line began with white space (PDF page-break debris). */
  indented: boolean;
  /**
   * The footnotes and endnotes the block refers to (an office reader's notes, or a text source's
   * note lines at its end), as markdown lines "¹ text": written after the blocks they belong to, so
   * an officer's note stays with the answer. A question's own notes go with its text, which is not
   * imported (the question document has them).
   */
  notes?: string[];
}

/**
 * A note as the answer keeps it: a paragraph of its number in superscript digits and its markdown,
 * "¹ <note>", which the Word memo turns back into a footnote (to-docx.ts `planNotes`).
 */
function noteLine(label: string, markdown: string): string {
  return `${toSuperscript(label)} ${markdown}`;
}

/** The block's text as one line. */
export function blockText(block: MemoBlock): string {
  return joinLines(block.lines);
}

/** Wrapped lines as one line, joined as letters and policy documents join them (text/hyphenation.ts). */
export { joinLines };

/** The block's inline markdown as one line. */
export function blockMarkdown(block: MemoBlock): string {
  return block.markdown ? joinLines(block.markdown) : escapeInline(joinLines(block.lines));
}

/**
 * Bullet glyphs as the readers print them (bullets.ts), among them the "●", "○" ("o") and "■" of
 * the levels of our own Word memo (to-docx.ts), which came back as "- ● text"; and "‣", "∙".
 */
const BULLETS = `‣∙${PRINTED_BULLETS}`;
const BULLET_LABEL = new RegExp(`^[o${BULLETS}]$|^[\\uf0b7\\uf0a7\\uf076\\uf0d8]$`, 'u');

/** Blocks as markdown: paragraphs apart, list items together, nesting by indentation. */
export function blocksToMarkdown(blocks: readonly MemoBlock[]): string {
  const out: string[] = [];
  let previous: MemoBlock | null = null;
  for (const block of blocks) {
    let text: string;
    if (block.kind === 'row') {
      text = (block.cells ?? []).map((cell) => blocksToMarkdown(cell)).filter(Boolean).join('\n\n');
    } else {
      text = blockMarkdown(block);
    }
    if (text === '') continue;
    if (block.kind === 'item') {
      const numeric = block.label ? /^(\d{1,9})[.)]$/.exec(block.label) : null;
      const marker = numeric ? `${numeric[1]}.` : '-';
      const other = !numeric && block.label && !BULLET_LABEL.test(block.label) ? `${escapeInline(block.label)} ` : '';
      const indent = '   '.repeat(block.depth);
      text = `${indent}${marker} ${other}${text}`;
    }
    // Items of one list stay together; a bullet list and a numbered list are two lists.
    const numbered = (b: MemoBlock) => Boolean(b.label && /^\d/.test(b.label));
    const tight = previous?.kind === 'item' && block.kind === 'item' && (block.depth > 0 || previous.depth > 0 || numbered(previous) === numbered(block));
    if (out.length > 0) out.push(tight ? '\n' : '\n\n');
    out.push(text);
    previous = block;
  }
  const notes = blocks.flatMap((block) => block.notes ?? []);
  if (notes.length > 0 && out.length > 0) out.push('\n\n', notes.join('\n\n'));
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// HTML

const DROPPED = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'nav', 'button', 'select', 'textarea', 'img']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const STRONG = new Set(['strong', 'b']);
const EMPHASIS = new Set(['em', 'i']);

/** Longer than this is no address (a hostile memo's link of megabytes): the link's text stays, without it. */
const MAX_URL = 2048;

/** Links that stay links in an answer: the web and mail. Anything else keeps its text only. */
function keptUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > MAX_URL) return null;
  const trimmed = url.trim();
  return /^(?:https?:|mailto:)/i.test(trimmed) ? trimmed : null;
}

function escapeUrl(url: string): string {
  return /[\s()<>\\]/.test(url) ? `<${url.replace(/[<>\\]/g, '\\$&')}>` : url;
}

interface Inline {
  text: string;
  markdown: string;
  /** Characters of text outside any bold run (white space not counted). */
  plain: number;
  /** Characters of text inside a bold run. */
  bold: number;
  /** The numbers of the notes the run refers to, in order. */
  refs: string[];
}

/** The inline content of an element as text and markdown, and how much of it is bold. */
function inline(nodes: readonly ElementContent[], bold = false, notes: HtmlNotes = NO_NOTES): Inline {
  let text = '';
  // Pieces joined at the end: a paragraph of thousands of references was copied whole at each one.
  const markdown: string[] = [];
  let plain = 0;
  let boldCount = 0;
  const refs: string[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const value = node.value.replace(/[ \t\r\n\f]+/g, ' ');
      text += value;
      markdown.push(escapeInline(value.trim()) === '' ? value.replace(/\S/g, '') : escapeKeepingSpaces(value));
      const letters = value.replace(/\s/g, '').length;
      if (bold) boldCount += letters;
      else plain += letters;
      continue;
    }
    if (node.type !== 'element') continue;
    const tag = node.tagName;
    if (DROPPED.has(tag)) continue;
    if (tag === 'br') {
      text += ' ';
      markdown.push(' ');
      continue;
    }
    if (notes.skipped.has(node)) continue;
    const label = notes.references.get(node);
    if (label !== undefined) {
      // A note reference as printed, right after its word; the plain text, which recognises the layout, leaves it out.
      pushReference(markdown, toSuperscript(label));
      refs.push(label);
      continue;
    }
    if (tag === 'sup' && isNoteReference(node) && !holdsReference(node, notes)) continue;
    const inner = inline(node.children, bold || STRONG.has(tag), notes);
    text += inner.text;
    plain += inner.plain;
    boldCount += inner.bold;
    refs.push(...inner.refs);
    if (STRONG.has(tag) && !bold) markdown.push(wrap(inner.markdown, '**'));
    else if (EMPHASIS.has(tag)) markdown.push(wrap(inner.markdown, '*'));
    else if (tag === 'a') {
      const url = keptUrl(node.properties?.href);
      markdown.push(url && inner.markdown.trim() ? `[${inner.markdown.trim()}](${escapeUrl(url)})` : inner.markdown);
    } else markdown.push(inner.markdown);
  }
  return { text, markdown: markdown.join(''), plain, bold: boldCount, refs };
}


/** Escape text for markdown, keeping its leading and trailing space (escapeInline trims). */
function escapeKeepingSpaces(value: string): string {
  const lead = /^\s/.test(value) ? ' ' : '';
  const trail = /\s$/.test(value) ? ' ' : '';
  return `${lead}${escapeInline(value)}${trail}`;
}

/** `**x**` around the words, with the spaces outside, so the emphasis is valid markdown. */
function wrap(markdown: string, mark: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(markdown)!;
  return match[2] === '' ? markdown : `${match[1]}${mark}${match[2]}${mark}${match[3]}`;
}

function cleanLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** An inline run as a block's text and markdown (the HTML reader's items get their labels from the list). */
function takeLabel(inlineText: Inline): { label: string | null; text: string; markdown: string } {
  return { label: null, text: inlineText.text, markdown: inlineText.markdown };
}

interface HtmlContext {
  blocks: MemoBlock[];
  notes: HtmlNotes;
  /** Reading a note's own text: the notes it refers to are collected here, not given to its blocks. */
  refs?: string[];
}

/**
 * The notes a block refers to, as "¹ text", each only at its first reference; a note in a note
 * follows the note that refers to it.
 */
function referredNotes(refs: readonly string[], ctx: HtmlContext): Partial<MemoBlock> {
  if (ctx.refs) {
    ctx.refs.push(...refs);
    return {};
  }
  const { notes } = ctx;
  const lines: string[] = [];
  // Depth first without recursion: a chain of notes, each in the one before, is as long as the memo makes it.
  const stack = [...refs].reverse();
  while (stack.length > 0) {
    const label = stack.pop()!;
    const text = notes.text.get(label);
    if (text === undefined || notes.given.has(label)) continue;
    notes.given.add(label);
    lines.push(noteLine(label, text));
    stack.push(...[...(notes.inner.get(label) ?? [])].reverse());
  }
  return lines.length > 0 ? { notes: lines } : {};
}

function makeBlock(kind: MemoBlock['kind'], text: string, markdown: string, extra: Partial<MemoBlock> = {}): MemoBlock {
  return { kind, lines: [cleanLine(text)], markdown: [markdown.replace(/\s+/g, ' ').trim()], label: null, depth: 0, strong: false, cells: null, line: 0, indented: false, ...extra };
}

/** Inline runs (up to the next block element) as one block; the label goes to the first block of an item only. */
function pushInline(run: readonly ElementContent[], ctx: HtmlContext, item: ItemInfo | null): void {
  if (run.length === 0) return;
  const content = inline(run, false, ctx.notes);
  const taken = takeLabel(content);
  if (cleanLine(taken.text) === '') return;
  const strong = content.bold > 0 && content.plain === 0;
  // A paragraph wholly in bold: its markdown without the ** (the block says strong).
  const markdown = strong ? takeLabel(inline(run, true, ctx.notes)).markdown : taken.markdown;
  const label = item && !item.used ? (taken.label ?? item.label) : null;
  if (item) item.used = true;
  ctx.blocks.push(makeBlock(item ? 'item' : 'paragraph', taken.text, markdown, { strong, label, depth: item?.depth ?? 0, ...referredNotes(content.refs, ctx) }));
}

interface ItemInfo {
  label: string;
  depth: number;
  /** The item's first block is written (later paragraphs of the item carry no label). */
  used: boolean;
}

const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'del', 'ins', 'font']);

function walk(nodes: readonly (RootContent | ElementContent)[], ctx: HtmlContext, item: ItemInfo | null = null): void {
  const run: ElementContent[] = [];
  const flush = () => {
    pushInline(run, ctx, item);
    run.length = 0;
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      run.push(node);
      continue;
    }
    if (node.type !== 'element') continue;
    const tag = node.tagName;
    if (DROPPED.has(tag) || ctx.notes.skipped.has(node)) continue;
    if (INLINE_TAGS.has(tag)) {
      run.push(node);
      continue;
    }
    flush();
    if (HEADINGS.has(tag)) {
      // A numbered heading's label (Word's outline numbering) is kept in front of its text.
      const inlineContent = inline(node.children, false, ctx.notes);
      const content = takeLabel(inlineContent);
      const text = content.label ? `${content.label} ${content.text}` : content.text;
      const markdown = takeLabel(inline(node.children, true, ctx.notes)).markdown;
      if (cleanLine(text) !== '') ctx.blocks.push(makeBlock('heading', text, content.label ? `${escapeInline(content.label)} ${markdown}` : markdown, { strong: true, depth: Number(tag.slice(1)), ...referredNotes(inlineContent.refs, ctx) }));
    } else if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'figcaption' || tag === 'caption') {
      pushInline(node.children, ctx, item);
    } else if (tag === 'ol' || tag === 'ul') {
      const depth = item ? item.depth + 1 : 0;
      let next = tag === 'ol' ? Number(node.properties?.start ?? 1) || 1 : 0;
      for (const child of node.children) {
        if (child.type !== 'element' || child.tagName !== 'li') continue;
        if (String(child.properties?.id ?? '').startsWith('footnote') || ctx.notes.skipped.has(child)) continue;
        walk(child.children, ctx, { label: tag === 'ol' ? `${next++}.` : '•', depth, used: false });
      }
    } else if (tag === 'table') {
      for (const row of rows(node)) {
        const cells = row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
        const cellBlocks = cells.map((cell) => {
          const inner: HtmlContext = { blocks: [], notes: ctx.notes, ...(ctx.refs ? { refs: ctx.refs } : {}) };
          walk(cell.children, inner);
          return inner.blocks;
        });
        if (cellBlocks.every((c) => c.length === 0)) continue;
        const text = cellBlocks.map((c) => c.map(blockText).join(' ')).join(' | ');
        ctx.blocks.push({ ...makeBlock('row', text, ''), cells: cellBlocks });
      }
    } else {
      // div, section, blockquote, body: their children in order.
      walk(node.children, ctx, item);
    }
  }
  flush();
}

function rows(table: Element): Element[] {
  const out: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') out.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') out.push(...rows(child));
  }
  return out;
}

/**
 * The blocks of an HTML memo. `text` is the reader's text of the same document: each block gets
 * the line where its text starts there, so messages name a line a person can find.
 */
export function blocksFromHtml(html: string, text = ''): MemoBlock[] {
  const tree: Root = fromHtml(html);
  // Footnotes as the office suites export them: the reference stays in superscript digits, the note follows the block that refers to it.
  const ctx: HtmlContext = {
    blocks: [],
    notes: findHtmlNotes(tree, {
      isInline: (tag) => INLINE_TAGS.has(tag),
      bodyMarkdown: (body, notes) => {
        const inner: HtmlContext = { blocks: [], notes, refs: [] };
        walk(body.children, inner);
        const text = (blocks: MemoBlock[]): string[] => blocks.flatMap((block) => (block.cells ? block.cells.flatMap(text) : [blockMarkdown(block)]));
        return { markdown: text(inner.blocks).join(' '), refs: inner.refs! };
      },
    }),
  };
  walk(tree.children, ctx);
  placeLines(ctx.blocks, text);
  return ctx.blocks;
}

/**
 * The blocks of a memo an office reader (DOCX, ODT, RTF) gave as structure: paragraphs with their
 * bold and italic runs, list items with their printed label and level, headings, table rows.
 */
export function blocksFromDocument(document: StructuredDocument, text = ''): MemoBlock[] {
  const blocks: MemoBlock[] = [];
  const notes = new Map(document.notes.map((note) => [note.label, note]));
  /** The notes a block's runs refer to, as "¹ text" (a note's paragraphs on one line, as documentToText prints them). */
  const notesOf = (runs: readonly Run[]): string[] =>
    runs.flatMap((run) => {
      // A digit raised by hand ("m²") is printed as a reference but is none: note 2 is another answer's.
      const note = run.note === undefined || run.raised ? undefined : notes.get(run.note);
      if (!note) return [];
      const body = noteMarkdown(note.blocks).filter(Boolean).join(' ');
      return body === '' ? [] : [noteLine(note.label, body)];
    });
  const collect = (from: readonly DocumentBlock[], into: MemoBlock[]) => {
    for (const block of from) {
      if (block.kind === 'table') {
        for (const row of block.rows) {
          const cells = row.map((cell) => {
            const inner: MemoBlock[] = [];
            collect(cell, inner);
            return inner;
          });
          if (cells.every((c) => c.length === 0)) continue;
          into.push({ ...makeBlock('row', cells.map((c) => c.map(blockText).join(' ')).join(' | '), ''), cells });
        }
        continue;
      }
      const runs = block.runs.filter((run) => run.note === undefined);
      const plainText = runs.map((run) => run.text).join('');
      if (cleanLine(plainText) === '') continue;
      const letters = (bold: boolean) => runs.filter((run) => Boolean(run.bold) === bold).reduce((n, run) => n + run.text.replace(/\s/g, '').length, 0);
      const strong = block.heading !== undefined || (letters(true) > 0 && letters(false) === 0);
      // The markdown keeps the note references ("zorg.¹"); the plain text, which recognises the layout, does not.
      const markdown = runsMarkdown(block.runs, strong);
      const referred = notesOf(block.runs);
      const extra = referred.length > 0 ? { notes: referred } : {};
      if (block.heading !== undefined) {
        const label = block.number ? `${block.number} ` : '';
        into.push(makeBlock('heading', `${label}${plainText}`, `${label ? `${escapeInline(block.number!)} ` : ''}${markdown}`, { strong: true, depth: Math.max(1, block.heading), ...extra }));
      } else if (block.list || block.continues) {
        const label = block.list && !block.continues ? block.list.label || null : null;
        into.push(makeBlock('item', plainText, markdown, { strong, label, depth: block.list?.level ?? 0, ...extra }));
      } else {
        into.push(makeBlock('paragraph', plainText, markdown, { strong, ...extra }));
      }
    }
  };
  collect(document.blocks, blocks);
  placeLines(blocks, text);
  return blocks;
}

/**
 * A note's blocks as markdown pieces for its one line: its paragraphs, a list item with its label
 * ("1. voorjaar"), a table's cells row by row (a table in a note lost its text).
 */
function noteMarkdown(blocks: readonly DocumentBlock[]): string[] {
  const out: string[] = [];
  // In document order without recursion: a note's tables may nest as deep as the reader lets them.
  const stack: DocumentBlock[] = [...blocks].reverse();
  while (stack.length > 0) {
    const block = stack.pop()!;
    if (block.kind === 'table') {
      const inner = block.rows.flatMap((row) => row.flat());
      for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]!);
      continue;
    }
    const text = runsMarkdown(block.runs.filter((run) => run.note === undefined), false).trim();
    const printed = block.list && !block.continues && text !== '' ? block.list.label : '';
    // Within the note's line "1." starts no list: a number label stays as printed.
    const label = printed === '' ? '' : `${/^\d{1,9}[.)]$/.test(printed) ? printed : escapeInline(printed)} `;
    out.push(`${label}${text}`);
  }
  return out;
}

/**
 * Runs as inline markdown: bold as `**`, italics as `*` (bold left out when the whole block is
 * bold), and runs that link to a web or mail address as `[text](url)`, their bold and italics
 * inside, as the HTML path keeps links. Any other address (javascript:, file:, data:, relative)
 * is no link: the document is data, and its run reads as if it had no address. A note reference
 * is its number in superscript digits, as the readers print it in the text.
 */
function runsMarkdown(runs: readonly Run[], wholeBold: boolean): string {
  // Runs with the same look and link side by side are one run ("**a****b**" is no emphasis).
  const merged: { text: string; bold?: boolean; italic?: boolean; url: string | null; note?: string }[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (run.note !== undefined) {
      merged.push({ text: '', url: null, note: run.note });
      continue;
    }
    const url = keptUrl(run.href);
    if (last && last.note === undefined && Boolean(last.bold) === Boolean(run.bold) && Boolean(last.italic) === Boolean(run.italic) && last.url === url) last.text += run.text;
    else merged.push({ text: run.text, bold: run.bold, italic: run.italic, url });
  }
  // Pieces joined at the end (see pushReference).
  const markdown: string[] = [];
  let link: { url: string; markdown: string } | null = null;
  const closeLink = () => {
    if (!link) return;
    // The spaces at the link's ends stay outside it; a link with no text keeps nothing extra.
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(link.markdown)!;
    markdown.push(match[2] === '' ? link.markdown : `${match[1]}[${match[2]}](${escapeUrl(link.url)})${match[3]}`);
    link = null;
  };
  for (const run of merged) {
    if (run.note !== undefined) {
      // A note reference as printed, right after its word.
      closeLink();
      pushReference(markdown, toSuperscript(run.note));
      continue;
    }
    const value = run.text.replace(/[ \t\r\n\f]+/g, ' ');
    let piece = escapeInline(value.trim()) === '' ? value.replace(/\S/g, '') : escapeKeepingSpaces(value);
    if (run.italic) piece = wrap(piece, '*');
    if (run.bold && !wholeBold) piece = wrap(piece, '**');
    if (link && link.url !== run.url) closeLink();
    if (run.url === null) markdown.push(piece);
    else if (link) link.markdown += piece;
    else link = { url: run.url, markdown: piece };
  }
  closeLink();
  return markdown.join('');
}

/**
 * Blocks follow each other in the reader's text a few lines apart (a paragraph is a line, a table
 * row is one): a block is looked for this many lines on at most. A block not found does not make
 * every later one search the rest of the text (quadratic for a memo of thousands of paragraphs).
 */
const PLACE_WINDOW = 1000;

/** The line of each block in the reader's text: the first line at or after the previous block's that holds the block's start. */
function placeLines(blocks: MemoBlock[], text: string): void {
  // The reader prints a note reference in superscript digits where the block's plain text has none.
  const lines = text.split('\n').map((line) => line.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '').replace(/\s+/g, ' ').toLowerCase());
  let at = 0;
  const place = (block: MemoBlock) => {
    const probe = blockText(block).toLowerCase().slice(0, 40);
    for (let i = at; i < lines.length && i < at + PLACE_WINDOW && probe !== ''; i++) {
      if (lines[i]!.includes(probe)) {
        block.line = i + 1;
        at = i;
        return;
      }
    }
    block.line = at + 1;
  };
  for (const block of blocks) {
    if (block.cells) {
      for (const cell of block.cells) cell.forEach(place);
      block.line = block.cells.flat()[0]?.line ?? at + 1;
    } else place(block);
  }
}

// ---------------------------------------------------------------------------------------------
// Text

const TEXT_BULLET = new RegExp(`^([${BULLETS}]|[\\uf0b7\\uf0a7\\uf076\\uf0d8])\\s+(.*)$`, 'u');
const TEXT_NUMBERED = /^(\d{1,2}[.)])\s+(.*)$/;
const SENTENCE_END = /[.?!:;…"”’')\]]$/;
const PAGE_FURNITURE = /^(?:pagina\s+)?\d{1,3}(?:\s*(?:van|\/)\s*\d{1,3})?$/i;

/** A line without markdown decoration our own memo may carry when it comes back as text. */
function plainLine(raw: string): string {
  return raw
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\*\*(.+?)\*\*/, '$1')
    .trim();
}

export interface TextBlockOptions {
  /** Lines the PDF reader marked as headings by their look (bold or larger). */
  headings?: readonly HeadingMark[];
  /** A line that always starts a block of its own (a question or answer label, a memo part heading). */
  startsBlock?: (line: string) => boolean;
  /** A line that is a block on its own (a memo part heading, a label alone on its line). */
  standsAlone?: (line: string) => boolean;
  /** The line that opens the signature: from there on every paragraph is kept as it is. */
  startsSignature?: (line: string) => boolean;
}

/**
 * The blocks of a memo's text. Paragraphs end at blank lines, with what PDF extraction leaves
 * behind repaired where it is safe:
 * - a page break starts a line with a space (" Vraag 3:", " In Zwolle loopt ..."): after a
 *   finished sentence such a line starts a paragraph;
 * - a blank line in the middle of a sentence ("afspraken gemaakt over samenwerken", blank, "in een
 *   gebiedsgerichte aanpak."): a paragraph that stops without a full stop and goes on in lower
 *   case is one paragraph.
 * A list label ("1.", "•", "-") starts an item; `startsBlock` lines start a block.
 */
export function blocksFromText(text: string, options: TextBlockOptions = {}): MemoBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const notes = takeTrailingNotes(lines);
  const strongLines = new Set<number>();
  for (const mark of options.headings ?? []) for (let i = 0; i < mark.lines; i++) strongLines.add(mark.line + i);
  const blocks: MemoBlock[] = [];
  let current: MemoBlock | null = null;
  let blank = false;
  let alone = false;
  let signature = false;
  lines.forEach((rawLine, i) => {
    const n = i + 1;
    const line = plainLine(rawLine);
    if (line === '' || PAGE_FURNITURE.test(line)) {
      if (line === '' && current) blank = true;
      return;
    }
    const indented = /^[ \t\u00a0]/.test(rawLine);
    const strong = strongLines.has(n);
    const bullet = TEXT_BULLET.exec(line);
    const numbered = TEXT_NUMBERED.exec(line);
    const last = current?.lines[current.lines.length - 1] ?? '';
    signature ||= options.startsSignature?.(line) ?? false;
    const debris = !signature && blank && current?.kind === 'paragraph' && !SENTENCE_END.test(last) && /^\p{Ll}/u.test(line);
    const pageBreak = !blank && indented && current !== null && SENTENCE_END.test(last);
    const forced = options.startsBlock?.(line) ?? false;
    // A change between bold and plain starts a block too (a bold question, then its answer).
    const lookChanged = current !== null && current.strong !== strong && options.headings !== undefined && options.headings.length > 0;
    if (bullet || numbered || forced || alone || current === null || (!debris && (blank || pageBreak)) || lookChanged) {
      const label = bullet ? bullet[1]! : numbered ? numbered[1]! : null;
      const body = bullet ? bullet[2]! : numbered ? numbered[2]! : line;
      current = {
        kind: label ? 'item' : 'paragraph',
        lines: [body],
        markdown: null,
        label,
        depth: 0,
        strong,
        cells: null,
        line: n,
        indented,
      };
      blocks.push(current);
    } else {
      current.lines.push(line);
      current.strong &&= strong;
    }
    blank = false;
    alone = options.standsAlone?.(line) ?? false;
  });
  // Each note goes with the block that refers to it: the first note of a number with its first reference, and so on.
  for (const block of blocks) {
    for (const { n } of block.lines.flatMap((line) => allNoteReferences(line).filter((ref) => ref.superscript).reverse())) {
      const note = notes.get(n)?.shift();
      if (note !== undefined) (block.notes ??= []).push(noteLine(n, escapeInline(note)));
    }
  }
  return blocks;
}

/** "1 text", or "1text" as a PDF prints a note whose text follows its number without a space (a Word file a program made). */
const NOTE_LINE = /^(\d{1,2})(?:\s+|(?=[\p{L}'‘’"“(]))(\S.*)$/u;

/**
 * The notes at the end of a text source, taken out of `lines` (left blank, so line numbers stay),
 * by number in the order they stand: the PDF reader moves each page's footnotes to the end of its
 * text as "1 text" lines after a blank line, and writes a reference it knows by its raised digit
 * in superscript ("jongerencentrum.¹"). Notes are whole paragraphs at the very end whose first
 * line starts a note, "N text" after a superscript reference to N; a note runs on over the lines
 * after it, however many (a long note wraps). A number has no more notes than references ("¹"
 * twice for a PDF that numbers its notes per page): a paragraph "1 keer per week …" before the
 * notes, a section "1 Inleiding" or a list numbered "1 …" in the memo, or a list in its last
 * paragraph, stays text.
 */
function takeTrailingNotes(lines: string[]): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const references = new Map<string, { first: number; count: number }>();
  lines.forEach((line, i) => {
    for (const ref of allNoteReferences(line)) {
      if (!ref.superscript) continue;
      const seen = references.get(ref.n);
      if (seen) seen.count++;
      else references.set(ref.n, { first: i, count: 1 });
    }
  });
  if (references.size === 0) return notes;
  const taken = new Map<string, number>();
  const starts = new Set<number>();
  /** Line `i` starts a note when it is "N text" after a reference to N that has no note yet (read from the end). */
  const take = (i: number): void => {
    const n = NOTE_LINE.exec(lines[i]!.trim())?.[1];
    const ref = n === undefined ? undefined : references.get(n);
    if (!ref || ref.first >= i || (taken.get(n!) ?? 0) >= ref.count) return;
    taken.set(n!, (taken.get(n!) ?? 0) + 1);
    starts.add(i);
  };
  // Paragraphs from the end, as long as each starts a note.
  let start = lines.length;
  let end = lines.length;
  for (;;) {
    while (end > 0 && lines[end - 1]!.trim() === '') end--;
    let first = end;
    while (first > 0 && lines[first - 1]!.trim() !== '') first--;
    if (first === end) break;
    for (let i = end - 1; i >= first; i--) take(i);
    if (!starts.has(first)) break;
    start = first;
    end = first;
  }
  let current: string[] | null = null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (starts.has(i)) {
      const [, n, text] = NOTE_LINE.exec(line)!;
      current = notes.get(n!) ?? [];
      notes.set(n!, current);
      current.push(text!);
    } else if (line !== '' && current !== null) {
      current[current.length - 1] = joinLines([current[current.length - 1]!, line]);
    }
    lines[i] = '';
  }
  return notes;
}
