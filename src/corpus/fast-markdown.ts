/**
 * A fast path for the markdown that corpus files hold, so that splitting them into passages does
 * not wait for remark-parse: remark reads 0.5-1.5 MB/s and was about 60% of every index build
 * (issue 14; bench/corpus.ts "splitting" prints both). It gives the same mdast tree as remark-parse
 * for a subset of CommonMark, the subset the converter writes (convert-policy.ts: headings,
 * paragraphs with one sentence per line, flat lists with indented continuation lines, escaped
 * text, autolinks, "[^n]" markers without definitions) and most hand-written policy text, and
 * null for anything else, which then goes to remark: emphasis, code, links and images, HTML,
 * entities, block quotes, fences, setext headings, thematic breaks, tables of tabs, nested lists,
 * list items of more than one paragraph, link reference definitions. Only what the splitter
 * reads is made: node types, heading depth, list order and start, text values and line positions.
 *
 * split-passages.test.ts checks that both paths give the same passages on every corpus file of
 * the repository and on generated markdown (fast-check), the unsupported constructs included.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';

/** A point in the source: 1-based line (the splitter reads no columns). */
function at(line: number): { line: number; column: number } {
  return { line, column: 1 };
}

function span(start: number, end: number): { start: { line: number; column: number }; end: { line: number; column: number } } {
  return { start: at(start), end: at(end) };
}

// The content is optional and tried last: "# #" and "### ###" are empty headings in CommonMark
// (the "#"s after the space close the heading), where a greedy content took "#" as the heading's
// text (found by the fast-check property below, seed 866463142).
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^( {0,3})([-+*])( {1,4})(?=\S)/;
const ORDERED = /^( {0,3})(\d{1,9})([.)])( {1,4})(?=\S)/;
const BLANK = /^[ \t]*$/;

/**
 * What every block start looks for after at most three spaces: a quote, fence, break, underline,
 * HTML, definition, list marker or heading. Most lines of a corpus file (one sentence per line)
 * begin with a letter: one test of this rules them all out, where the eleven expressions of
 * unsupportedStart, marker and ATX were tried on every line. With trimSpaces below, the trees of
 * the example's three corpus files in a fresh process: 14.7 → 12.4 ms (medians of 21).
 */
const MAY_START_BLOCK = /^ {0,3}[-+*_=>`~<[#0-9]/;

/** Lines that start a block the fast path does not read: fall back to remark. */
function unsupportedStart(line: string): boolean {
  if (!MAY_START_BLOCK.test(line)) return false;
  return (
    /^ {0,3}>/.test(line) || // block quote
    /^ {0,3}(?:`{3,}|~{3,})/.test(line) || // fence
    /^ {0,3}(?:[-*_][ \t]*){3,}$/.test(line) || // thematic break (also "- - -")
    /^ {0,3}(?:=+|-+)[ \t]*$/.test(line) || // setext underline
    /^ {0,3}<(?![A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>)/.test(line) || // HTML block (an autolink is none)
    definition(line) || // link reference definition
    /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]*$| {5,})/.test(line) || // empty item, or item whose text is code
    /^ {0,3}[-+*]\t/.test(line)
  );
}

/**
 * Whether a line starts a link reference definition: "[label]: destination" with nothing after the
 * destination or a title after it (or on the next line: counted as one too, to be safe). "[^1]:
 * Zie bijlage 2 ..." is none: after the destination "Zie" comes no title, so it is a paragraph, and
 * its "[^1]" (like every "[^1]" in the text when there is no definition) is text.
 */
function definition(line: string): boolean {
  const m = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(.*)$/.exec(line);
  if (!m) return false;
  const rest = m[2]!;
  if (rest === '') return true; // the destination on the next line
  const dest = /^(?:<[^<>\n]*>|[^\s<]\S*)/.exec(rest);
  if (!dest) return false;
  const after = rest.slice(dest[0].length);
  if (after.trim() === '') return true;
  return /^[ \t]+["'(]/.test(after);
}

/** The characters `inline` looks at; everything between them is text as written. */
const PLAIN_RUN = /[\n\\`*!_&[<]/g;

/**
 * Inline content of a paragraph or heading (lines joined by "\n", leading indentation already
 * stripped) as mdast phrasing nodes, or null when it holds inline syntax the fast path leaves to
 * remark. Escapes are resolved, autolinks become links, a "[^n]" without a definition stays text.
 */
function inline(raw: string, firstLine: number): PhrasingContent[] | null {
  const out: PhrasingContent[] = [];
  let text = '';
  let textLine = firstLine;
  let line = firstLine;
  const flush = () => {
    if (text) out.push({ type: 'text', value: text, position: span(textLine, line) } as Text);
    text = '';
    textLine = line;
  };
  for (let i = 0; i < raw.length; i++) {
    // Plain characters in one slice: adding them one by one was a fifth of splitting a corpus.
    PLAIN_RUN.lastIndex = i;
    const special = PLAIN_RUN.exec(raw);
    const next = special ? special.index : raw.length;
    if (next > i) {
      text += raw.slice(i, next);
      i = next;
      if (!special) break;
    }
    const c = raw[i]!;
    if (c === '\n') {
      text += c;
      line++;
      continue;
    }
    if (c === '\\') {
      const next = raw[i + 1];
      if (next === undefined || next === '\n') return null; // hard break
      if (/[!-/:-@[-`{-~]/.test(next)) {
        text += next;
        i++;
        continue;
      }
      text += c;
      continue;
    }
    if (c === '`' || c === '*' || c === '!' && raw[i + 1] === '[') return null;
    if (c === '_') {
      // An underscore between letters or digits never opens or closes emphasis.
      const before = raw[i - 1] ?? ' ';
      const after = raw[i + 1] ?? ' ';
      if (!(/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after))) return null;
      text += c;
      continue;
    }
    if (c === '&') {
      if (/^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.test(raw.slice(i))) return null;
      text += c;
      continue;
    }
    if (c === '[') {
      // Without definitions a bracket is a link only as "[text](url)" (or "[text][]"/"[a][b]", text
      // again without definitions): leave any "](" to remark.
      const close = raw.indexOf(']', i + 1);
      if (close < 0 || raw[close + 1] === '(' || raw.slice(i + 1, close).includes('[')) {
        if (close >= 0) return null;
      }
      text += c;
      continue;
    }
    if (c === '<') {
      const m = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/.exec(raw.slice(i));
      if (!m) return null; // inline HTML or an e-mail autolink
      flush();
      const url = m[1]!;
      out.push({ type: 'link', url, title: null, children: [{ type: 'text', value: url, position: span(line, line) } as Text], position: span(line, line) });
      i += m[0].length - 1;
      textLine = line;
      continue;
    }
    text += c;
  }
  flush();
  return out;
}

/** Trailing whitespace of every line but the last is dropped; the last line's too (CommonMark paragraph content). */
function paragraphText(lines: string[]): string {
  return lines.map(trimSpaces).join('\n');
}

/** A line without its leading and trailing spaces and tabs; the line itself when it has none (most have none). */
function trimSpaces(line: string): string {
  const first = line.charCodeAt(0);
  const last = line.charCodeAt(line.length - 1);
  if (first !== 32 && first !== 9 && last !== 32 && last !== 9) return line;
  return line.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
}

function paragraph(lines: string[], first: number): Paragraph | null {
  // Two trailing spaces make a hard break: the same text for the splitter, but leave it to remark.
  if (lines.some((l, i) => i < lines.length - 1 && / {2,}$/.test(l))) return null;
  const children = inline(paragraphText(lines), first);
  if (!children) return null;
  return { type: 'paragraph', children, position: span(first, first + lines.length - 1) };
}

interface Marker {
  ordered: boolean;
  /** Bullet character or ordered delimiter: a different one starts a new list. */
  kind: string;
  start: number;
  /** Column where the item's content starts. */
  width: number;
}

function marker(line: string): Marker | null {
  if (!MAY_START_BLOCK.test(line)) return null;
  const b = BULLET.exec(line);
  if (b) return { ordered: false, kind: b[2]!, start: 1, width: b[1]!.length + 1 + b[3]!.length };
  const o = ORDERED.exec(line);
  if (o) return { ordered: true, kind: o[3]!, start: Number(o[2]), width: o[1]!.length + o[2]!.length + 1 + o[4]!.length };
  return null;
}

/** Whether a line (not blank) may interrupt a paragraph: a heading or a list item as CommonMark allows. */
function interrupts(line: string): boolean {
  if (!MAY_START_BLOCK.test(line)) return false;
  if (ATX.test(line)) return true;
  const m = marker(line);
  return m !== null && (!m.ordered || m.start === 1);
}

/**
 * The mdast tree of a corpus markdown body, or null when it holds anything the fast path does not
 * read (see the top of this file). Line numbers are those of `body`, as remark gives them.
 */
export function fastMarkdownTree(body: string): Root | null {
  if (body.includes('\t') || body.includes('\r') || body.includes('\0')) return null;
  const lines = body.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const children: RootContent[] = [];
  let list: List | null = null;
  let listMarker: Marker | null = null;
  let i = 0;
  const endList = () => {
    list = null;
    listMarker = null;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    const no = i + 1;
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    if (unsupportedStart(line)) return null;
    const heading = MAY_START_BLOCK.test(line) ? ATX.exec(line) : null;
    if (heading) {
      endList();
      const content = inline((heading[2] ?? '').trim(), no);
      if (!content) return null;
      children.push({ type: 'heading', depth: heading[1]!.length as Heading['depth'], children: content, position: span(no, no) });
      i++;
      continue;
    }
    const m = marker(line);
    if (m) {
      const current = list as List | null;
      const previous = listMarker as Marker | null;
      // A list continues with an item of the same kind; a blank line between items is allowed.
      if (!current || !previous || previous.ordered !== m.ordered || previous.kind !== m.kind) {
        list = { type: 'list', ordered: m.ordered, start: m.ordered ? m.start : null, spread: false, children: [], position: span(no, no) };
        listMarker = m;
        children.push(list);
      }
      // The item: its first line after the marker, then lines indented to its content column, and
      // lazy continuation lines (not blank, not starting a block) of its one paragraph.
      const itemLines = [line.slice(m.width)];
      // A block inside the item ("- # Kop", "1. 2.", "- - a"): nested, left to remark.
      if (unsupportedStart(itemLines[0]!) || marker(itemLines[0]!) || ATX.test(itemLines[0]!)) return null;
      let j = i + 1;
      while (j < lines.length) {
        const next = lines[j]!;
        if (BLANK.test(next)) break;
        const indent = /^ */.exec(next)![0].length;
        if (indent >= m.width) {
          const rest = next.slice(m.width);
          if (unsupportedStart(rest) || marker(rest) || ATX.test(rest)) return null; // nested block
          itemLines.push(rest);
          j++;
          continue;
        }
        if (unsupportedStart(next)) return null;
        // Any list item (the item's own paragraph is not what the line continues: a new list may
        // start at any number here) or a heading ends the item.
        if (marker(next) || interrupts(next)) break;
        itemLines.push(next); // lazy continuation
        j++;
      }
      // After a blank line, an indented line would be a second paragraph or code in the item.
      let k = j;
      while (k < lines.length && BLANK.test(lines[k]!)) k++;
      if (k > j && k < lines.length && /^ +/.test(lines[k]!) && !marker(lines[k]!)) return null;
      const para = paragraph(itemLines, no);
      if (!para) return null;
      const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [para], position: span(no, j) };
      (list as unknown as List).children.push(item);
      (list as unknown as List).position!.end = at(j);
      if (k > j) (list as unknown as List).spread = true;
      i = j;
      // A blank line then anything but another item of this list ends it.
      if (k > j && (k >= lines.length || !(() => { const n = marker(lines[k]!); return n && n.ordered === m.ordered && n.kind === m.kind; })())) endList();
      continue;
    }
    endList();
    // A line indented four spaces that starts a block is indented code (after a heading, say:
    // "# zorg" then "    <https://x.nl> zorg", which remark keeps as code and this path read as a link).
    if (/^ {4}/.test(line)) return null;
    // A paragraph: lines until a blank line or a line that interrupts one.
    const para = [line];
    let j = i + 1;
    while (j < lines.length && !BLANK.test(lines[j]!)) {
      const next = lines[j]!;
      if (MAY_START_BLOCK.test(next)) {
        if (unsupportedStart(next)) return null;
        if (interrupts(next)) break;
      }
      para.push(next);
      j++;
    }
    // An indented line right after the paragraph's blank line would be indented code.
    const node = paragraph(para, no);
    if (!node) return null;
    children.push(node);
    i = j;
    let k = i;
    while (k < lines.length && BLANK.test(lines[k]!)) k++;
    if (k > i && k < lines.length && /^ {4}/.test(lines[k]!)) return null;
  }
  if (/^ {4}/.test(lines.find((l) => !BLANK.test(l)) ?? '')) return null;
  return { type: 'root', children, position: span(1, lines.length) };
}
