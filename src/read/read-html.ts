/**
 * HTML to plain text lines, shared by the HTML reader and the DOCX reader (mammoth turns a DOCX into
 * HTML). Blocks become lines with a blank line between them, list items get their labels written
 * out ("1. ", "• "), nested lists are indented two spaces per level, page chrome is dropped.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { InputError } from '../errors.js';
import type { ParseWarning } from '../model.js';
import { markHeading, takeHeadingMarks, withoutMarkCharacters, type HeadingMark } from './heading-marks.js';
import { decodeTextFile, normaliseText } from './read-text.js';

/**
 * Marks a list label computed elsewhere (the DOCX reader works out Word's numbering itself): an
 * `<li>` whose text starts with LABEL_OPEN label LABEL_CLOSE gets that label instead of a counted
 * one. Private-use characters, so they cannot clash with a letter's text in practice.
 */
export const LABEL_OPEN = '\ue000';
export const LABEL_CLOSE = '\ue001';

export interface HtmlToTextOptions {
  /**
   * mammoth's footnote markup: references `<a id="footnote-ref-N">[N]</a>` become a glued `N`,
   * the notes list at the end becomes lines `N text` without the back links.
   */
  mammothNotes?: boolean;
}

// Elements that never hold a letter's text.
const DROPPED = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'audio', 'video', 'select', 'button', 'input', 'textarea', 'nav', 'aside', 'dialog', 'map',
]);
// ARIA landmark roles of site chrome.
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert', 'menu', 'menubar']);
// Where a header or footer belongs to the content (an article's title and date), not the site.
const SECTIONING = new Set(['article', 'main', 'section', 'blockquote']);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
  'address', 'figure', 'figcaption', 'form', 'fieldset', 'legend', 'details', 'summary', 'center', 'body', 'html',
  'caption', 'hgroup', 'search', 'dl',
]);
const LINE_BLOCKS = new Set(['dt', 'dd', 'option']);

/** Accumulates lines: collapses inline whitespace, writes breaks and list labels lazily. */
class LineWriter {
  readonly lines: string[] = [];
  private line: string | null = null;
  private hasText = false;
  private blank = false;
  /** Written at the start of the next line opened: indentation plus a list label. */
  prefix: string | null = null;
  /** Indentation for lines that are not the first line of a list item. */
  indent = '';
  /** While set, the lines opened are a heading's (heading-marks.ts): its level. */
  private heading: number | null = null;
  private headingLines = 0;

  text(value: string, preserve = false): void {
    if (preserve) {
      const parts = value.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) this.breakLine(true);
        if (part !== '') this.append(part, true);
      });
      return;
    }
    const collapsed = value.replace(/[ \t\n\r\f]+/g, ' ');
    if (collapsed === '') return;
    if (collapsed === ' ') {
      if (this.line !== null && this.hasText && !/[ \t]$/.test(this.line)) this.line += ' ';
      return;
    }
    this.append(collapsed);
  }

  /** Text glued to what comes before (a footnote marker). */
  glued(value: string): void {
    if (this.line !== null && this.line.endsWith(' ')) this.line = this.line.slice(0, -1);
    this.append(value);
  }

  /** A separator written as is (a tab between table cells). */
  raw(value: string): void {
    this.open();
    this.line = this.line!.replace(/ +$/, '') + value;
  }

  private append(value: string, preserve = false): void {
    this.open();
    let v = value;
    if (!preserve && (!this.hasText || this.line!.endsWith(' ') || this.line!.endsWith('\t'))) v = v.replace(/^ /, '');
    if (v === '') return;
    this.line += v;
    this.hasText = true;
  }

  private open(): void {
    if (this.line !== null) return;
    if (this.blank && this.lines.length > 0) this.lines.push('');
    this.blank = false;
    const mark = this.heading === null ? '' : markHeading('', this.heading, this.headingLines++ > 0);
    this.line = mark + (this.prefix ?? this.indent);
    this.prefix = null;
    this.hasText = false;
  }

  /** Mark the lines opened from now on as one heading of `level`, or stop marking (null). */
  setHeading(level: number | null): void {
    this.heading = level;
    this.headingLines = 0;
  }

  /** End the current line; with `force`, an empty line is written even when none is open. */
  breakLine(force = false): void {
    if (this.line === null) {
      if (force) {
        this.open();
        this.close();
      }
      return;
    }
    this.close();
  }

  /** End the current line and ask for a blank line before the next one. */
  block(): void {
    this.close();
    this.blank = true;
  }

  private close(): void {
    if (this.line === null) return;
    this.lines.push(this.line.replace(/[ \t]+$/, ''));
    this.line = null;
  }

  finish(): string {
    this.close();
    return this.lines.join('\n');
  }
}

interface Context {
  /** Nesting depth of lists (0 outside lists). */
  listDepth: number;
  /** Inside a list item: blocks in it are separated by a line break, not a blank line. */
  inItem: boolean;
  inCell: boolean;
  inPre: boolean;
  /** Inside a sectioning element: its header and footer are content. */
  inSection: boolean;
  /** Inside mammoth's notes list. */
  inNotes: boolean;
}

/**
 * Convert an HTML string to plain text lines (not yet normalised by normaliseText). The lines of
 * `<h1>`..`<h6>` carry heading marks: take them out with `takeHeadingMarks` after normalising.
 */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const tree = fromHtml(html);
  const writer = new LineWriter();
  const renderer = new Renderer(writer, options);
  renderer.children(tree, { listDepth: 0, inItem: false, inCell: false, inPre: false, inSection: false, inNotes: false });
  return writer.finish();
}

class Renderer {
  constructor(
    private readonly writer: LineWriter,
    private readonly options: HtmlToTextOptions,
  ) {}

  children(parent: Root | Element, ctx: Context): void {
    for (const child of parent.children) this.node(child, ctx);
  }

  node(node: RootContent | ElementContent, ctx: Context): void {
    if (node.type === 'text') {
      this.writer.text(withoutMarkCharacters(node.value), ctx.inPre);
      return;
    }
    if (node.type !== 'element') return;
    this.element(node, ctx);
  }

  element(el: Element, ctx: Context): void {
    const tag = el.tagName;
    if (isDropped(el, ctx)) return;
    const w = this.writer;
    if (this.options.mammothNotes && tag === 'a' && this.mammothNote(el)) return;
    if (tag === 'br') {
      w.breakLine(true);
      return;
    }
    if (tag === 'hr') {
      w.block();
      return;
    }
    if (tag === 'ul' || tag === 'ol') {
      this.list(el, ctx);
      return;
    }
    if (tag === 'li') {
      // An item outside any list: render as a bullet item.
      this.item(el, ctx, '• ', ctx.listDepth);
      return;
    }
    if (tag === 'pre') {
      this.blockBreak(ctx);
      this.children(el, { ...ctx, inPre: true });
      this.blockBreak(ctx);
      return;
    }
    if (tag === 'table') {
      this.blockBreak(ctx);
      this.children(el, { ...ctx, inCell: false });
      this.blockBreak(ctx);
      return;
    }
    if (tag === 'tr') {
      w.breakLine();
      let first = true;
      for (const cell of el.children) {
        if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
        if (!first) w.raw('\t');
        first = false;
        this.children(cell, { ...ctx, inCell: true, inSection: true });
      }
      w.breakLine();
      return;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading && !ctx.inItem && !ctx.inCell) {
      // mammoth writes Word's Title style as <h1 class="title"> (read-docx.ts); Word's heading
      // numbering ("4.3") arrives as a given label, as for list items.
      const classes = el.properties['className'];
      const level = Array.isArray(classes) && classes.includes('title') ? 0 : Number(heading[1]);
      const label = takeGivenLabel(el);
      this.blockBreak(ctx);
      w.setHeading(level);
      if (label) w.text(`${label} `);
      this.children(el, ctx);
      this.blockBreak(ctx);
      w.setHeading(null);
      return;
    }
    if (ctx.inCell && (BLOCKS.has(tag) || LINE_BLOCKS.has(tag))) {
      // Paragraphs inside a table cell stay on the row's line.
      w.text(' ');
      this.children(el, ctx);
      w.text(' ');
      return;
    }
    if (BLOCKS.has(tag)) {
      const inner = SECTIONING.has(tag) ? { ...ctx, inSection: true } : ctx;
      this.blockBreak(ctx);
      this.children(el, inner);
      this.blockBreak(ctx);
      return;
    }
    if (LINE_BLOCKS.has(tag)) {
      w.breakLine();
      this.children(el, ctx);
      w.breakLine();
      return;
    }
    this.children(el, ctx);
  }

  /** mammoth's footnote reference or back link; returns whether the element was handled. */
  private mammothNote(el: Element): boolean {
    const id = String(el.properties['id'] ?? '');
    const href = String(el.properties['href'] ?? '');
    if (/^(foot|end)note-ref-/.test(id)) {
      const marker = textOf(el).replace(/^\[|\]$/g, '');
      this.writer.glued(marker);
      return true;
    }
    if (/^#(foot|end)note-ref-/.test(href)) return true;
    return false;
  }

  private blockBreak(ctx: Context): void {
    if (ctx.inItem) this.writer.breakLine();
    else this.writer.block();
  }

  private list(el: Element, ctx: Context): void {
    const ordered = el.tagName === 'ol';
    const items = el.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
    const notes = Boolean(this.options.mammothNotes) && ordered && items.length > 0 && items.every((li) => /^(foot|end)note-/.test(String(li.properties['id'] ?? '')));
    if (ctx.listDepth === 0) this.writer.block();
    else this.writer.breakLine();
    let counter = startOf(el);
    const type = String(el.properties['type'] ?? '1');
    for (const child of el.children) {
      if (child.type !== 'element') continue;
      if (child.tagName !== 'li') {
        // Stray content directly inside a list (invalid, but browsers show it).
        this.element(child, { ...ctx, listDepth: ctx.listDepth + 1 });
        continue;
      }
      const value = Number.parseInt(String(child.properties['value'] ?? ''), 10);
      if (ordered && Number.isFinite(value)) counter = value;
      if (notes) {
        this.item(child, { ...ctx, inNotes: true }, `${counter} `, 0);
      } else {
        const label = ordered ? `${formatCounter(counter, type)}. ` : `${bulletFor(ctx.listDepth)} `;
        this.item(child, ctx, label, ctx.listDepth);
      }
      counter++;
    }
    if (ctx.listDepth === 0) this.writer.block();
    else this.writer.breakLine();
  }

  private item(li: Element, ctx: Context, counted: string, depth: number): void {
    const w = this.writer;
    const indent = '  '.repeat(depth);
    const given = takeGivenLabel(li);
    const label = given === null ? counted : given === '' ? '' : `${given} `;
    w.breakLine();
    const savedIndent = w.indent;
    w.prefix = indent + label;
    w.indent = indent + ' '.repeat(label.length);
    this.children(li, { ...ctx, listDepth: depth + 1, inItem: true });
    w.breakLine();
    w.prefix = null;
    w.indent = savedIndent;
  }
}

function isDropped(el: Element, ctx: Context): boolean {
  const tag = el.tagName;
  if (DROPPED.has(tag)) return true;
  const props = el.properties;
  if (props['hidden'] !== undefined && props['hidden'] !== false && props['hidden'] !== null) return true;
  if (String(props['ariaHidden'] ?? '') === 'true') return true;
  const role = String(props['role'] ?? '').toLowerCase();
  if (CHROME_ROLES.has(role)) return true;
  if ((tag === 'header' || tag === 'footer') && !ctx.inSection) return true;
  const style = String(props['style'] ?? '').toLowerCase().replace(/\s+/g, '');
  if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  return false;
}

/** The first number of an ordered list (`<ol start="3">`). */
function startOf(el: Element): number {
  const start = Number.parseInt(String(el.properties['start'] ?? ''), 10);
  return Number.isFinite(start) ? start : 1;
}

function formatCounter(n: number, type: string): string {
  switch (type) {
    case 'a':
      return alpha(n).toLowerCase();
    case 'A':
      return alpha(n);
    case 'i':
      return roman(n).toLowerCase();
    case 'I':
      return roman(n);
    default:
      return String(n);
  }
}

export function alpha(n: number): string {
  if (n < 1) return String(n);
  let s = '';
  let v = n;
  while (v > 0) {
    v -= 1;
    s = String.fromCharCode(65 + (v % 26)) + s;
    v = Math.floor(v / 26);
  }
  return s;
}

export function roman(n: number): string {
  if (n < 1 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let s = '';
  let v = n;
  for (const [value, letters] of table) {
    while (v >= value) {
      s += letters;
      v -= value;
    }
  }
  return s;
}

function bulletFor(depth: number): string {
  return depth === 0 ? '•' : depth === 1 ? 'o' : '-';
}

/**
 * A label computed by the DOCX reader sits at the start of the item's first text node. Remove it
 * from the tree and return it ('' for an explicitly unlabelled item), or null when there is none.
 */
function takeGivenLabel(li: Element): string | null {
  const first = firstText(li);
  if (!first || !first.value.startsWith(LABEL_OPEN)) return null;
  const end = first.value.indexOf(LABEL_CLOSE);
  if (end < 0) return null;
  const label = first.value.slice(LABEL_OPEN.length, end);
  first.value = first.value.slice(end + LABEL_CLOSE.length);
  return label;
}

function firstText(node: Element): { value: string } | null {
  for (const child of node.children) {
    if (child.type === 'text') {
      if (child.value.trim() === '' && !child.value.startsWith(LABEL_OPEN)) continue;
      return child;
    }
    if (child.type === 'element') {
      if (child.tagName === 'ul' || child.tagName === 'ol') return null;
      const found = firstText(child);
      if (found) return found;
    }
  }
  return null;
}

function textOf(node: Element): string {
  let s = '';
  for (const child of node.children) {
    if (child.type === 'text') s += child.value;
    else if (child.type === 'element') s += textOf(child);
  }
  return s;
}

export interface HtmlResult {
  text: string;
  warnings: ParseWarning[];
  headings: HeadingMark[];
  /** The page as decoded (`SourceText.html`). */
  html: string;
}

/** Read an HTML document's bytes. `file` names it in errors. */
export function readHtml(data: Uint8Array, file: string): HtmlResult {
  const { text, warnings } = decodeTextFile(data, file);
  let lines: string;
  try {
    lines = htmlToText(text);
  } catch (error) {
    // Thousands of nested elements overflow the tree walk (parse5 and this renderer recurse).
    if (error instanceof RangeError) throw new InputError('the HTML is nested too deeply to read', { file });
    throw error;
  }
  // A page that declares a legacy charset is expected to be windows-1252: no warning for that.
  const declaresLegacy = /<meta[^>]+charset\s*=\s*["']?\s*(windows-1252|iso-8859-1|latin1|us-ascii)/i.test(text.slice(0, 4096));
  return { ...takeHeadingMarks(normaliseText(lines)), warnings: declaresLegacy ? [] : warnings, html: text };
}
