/**
 * HTML to plain text lines. Blocks become lines with a blank line between them, list items get
 * their labels written out ("1. ", "• "), nested lists are indented two spaces per level (the
 * rules of document.ts, which the office readers follow), page chrome is dropped. A footnote
 * reference (`<sup>1</sup>`) is written in superscript digits, and a note's own number (a link
 * back to its reference) as `N text`.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { InputError } from '../errors.js';
import type { ParseWarning } from '../model.js';
import { markHeading, takeHeadingMarks, withoutMarkCharacters, type HeadingMark } from './heading-marks.js';
import { formatNumber } from './counters.js';
import { toSuperscript } from '../text/footnote-markers.js';
import { decodeTextFile, normaliseText } from './read-text.js';

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

  /** Whether nothing is written on the current line yet. */
  atLineStart(): boolean {
    return this.line === null || !this.hasText;
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
}

/**
 * Convert an HTML string to plain text lines (not yet normalised by normaliseText). The lines of
 * `<h1>`..`<h6>` carry heading marks: take them out with `takeHeadingMarks` after normalising.
 */
export function htmlToText(html: string): string {
  const tree = fromHtml(html);
  const writer = new LineWriter();
  const renderer = new Renderer(writer);
  renderer.children(tree, { listDepth: 0, inItem: false, inCell: false, inPre: false, inSection: false });
  return writer.finish();
}

class Renderer {
  constructor(private readonly writer: LineWriter) {}

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
    if ((tag === 'sup' || tag === 'a') && this.noteMark(el)) return;
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
      // A page's title may be an <h1 class="title">.
      const classes = el.properties['className'];
      const level = Array.isArray(classes) && classes.includes('title') ? 0 : Number(heading[1]);
      this.blockBreak(ctx);
      w.setHeading(level);
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

  /**
   * A footnote reference (`<sup>1</sup>`, also inside a link) is written as superscript digits
   * glued to the word; a link back from a note to its reference (`<a href="#...">1</a>` opening
   * the note) as the note's number and a space. Returns whether the element was handled.
   */
  private noteMark(el: Element): boolean {
    const digits = /^\s*(\d{1,3})\s*$/.exec(textOf(el))?.[1];
    if (digits === undefined) return false;
    if (el.tagName === 'sup') {
      this.writer.glued(toSuperscript(digits));
      return true;
    }
    const href = String(el.properties['href'] ?? '');
    const onlySup = el.children.some((c) => c.type === 'element' && c.tagName === 'sup');
    if (onlySup || !href.startsWith('#') || !this.writer.atLineStart()) return false;
    this.writer.text(`${digits} `);
    return true;
  }

  private blockBreak(ctx: Context): void {
    if (ctx.inItem) this.writer.breakLine();
    else this.writer.block();
  }

  private list(el: Element, ctx: Context): void {
    const ordered = el.tagName === 'ol';
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
      const label = ordered ? `${formatCounter(counter, type)}. ` : `${bulletFor(ctx.listDepth)} `;
      this.item(child, ctx, label, ctx.listDepth);
      counter++;
    }
    if (ctx.listDepth === 0) this.writer.block();
    else this.writer.breakLine();
  }

  private item(li: Element, ctx: Context, counted: string, depth: number): void {
    const w = this.writer;
    const indent = '  '.repeat(depth);
    const label = counted;
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

/** An ordered list's counter in the `type` of `<ol type="a">`. */
function formatCounter(n: number, type: string): string {
  return formatNumber(n, ({ a: 'lowerLetter', A: 'upperLetter', i: 'lowerRoman', I: 'upperRoman' } as Record<string, string>)[type] ?? 'decimal');
}

function bulletFor(depth: number): string {
  return depth === 0 ? '•' : depth === 1 ? 'o' : '-';
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
