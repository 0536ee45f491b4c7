/**
 * Tables in a PDF page, from the positions of its text. pdf.js gives a table's columns as lines
 * side by side: in a row whose cells are centred (LibreOffice's default for a table from HTML)
 * the question's lines and the answer's lines stand at different heights and come out
 * interleaved; in a top-aligned table a question's line and an answer's line share a baseline
 * and come out as one line. Either way the columns must be told apart by x.
 *
 * The rule: a column starts at an x where the text of at least MIN_COLUMN_LINES lines starts,
 * and a table is a run of consecutive lines none of which has text in the MIN_GUTTER before that
 * x (the gutter holds over the whole run), with text on both sides of it on at least two lines
 * each, and each side at least MIN_COLUMN wide (a list's labels beside their text are no
 * columns). Rows are the bands between the table's horizontal ruling lines (its borders) when the
 * page draws them across the gutter; without them a row starts where the first column starts a
 * paragraph (a top-aligned table). A cell's lines are the row's items within the column, split
 * into paragraphs at vertical gaps.
 */

/** A text item: its text, where it starts along the baseline, and its advance width. */
export interface PlacedItem {
  text: string;
  x: number;
  w: number;
}

/** A line of a page: its baseline (top-down), font size and items. */
export interface PlacedLine<I extends PlacedItem = PlacedItem> {
  y: number;
  size: number;
  items: readonly I[];
}

/** A horizontal ruling line (viewport space, y down). */
export interface HorizontalRule {
  x0: number;
  x1: number;
  y: number;
}

/** A cell line: the index of the page line it comes from and its items within the cell. */
export interface CellLine<I extends PlacedItem = PlacedItem> {
  line: number;
  items: I[];
}

/** A cell: its paragraphs, each a list of lines. */
export type FoundCell<I extends PlacedItem = PlacedItem> = CellLine<I>[][];

export interface FoundTable<I extends PlacedItem = PlacedItem> {
  /** Indices of the page lines the table takes (consecutive), in order. */
  lines: number[];
  /** Where each column but the first starts (x). */
  columnStarts: number[];
  rows: FoundCell<I>[][];
  /** Whether ruling lines gave the rows. */
  ruled: boolean;
}

export interface TableOptions {
  /** Body text size (pt). */
  body: number;
  /** Normal distance between baselines of body text. */
  leading: number;
  /** A vertical gap above this many times the leading parts paragraphs (read-pdf.ts' PARAGRAPH_GAP). */
  paragraphGap: number;
  rules?: readonly HorizontalRule[];
  /**
   * The column starts of a table that ended the page before: lines at the top of this page that
   * keep its gutters clear go on with it, even a single column of them (an answer that fills a
   * page).
   */
  continuing?: readonly number[];
}

/**
 * Half an em of empty space before a column. The office fixtures' tables leave 8.6 pt (0.8 em) at
 * 10.5 pt text: LibreOffice's 4 pt cell padding on each side of the border and the ragged end of
 * the first column's lines; a space between words is about a quarter of an em.
 */
const MIN_GUTTER = 0.5;
/** A column is at least four ems wide: a list label ("1.", "a)", "Vraag 1:" at most 3.5 em) is not one. */
const MIN_COLUMN = 4;
/** Lines whose text starts at a column's x; a left edge shared by fewer is a coincidence. */
const MIN_COLUMN_LINES = 3;
/** Lines with text on each side of the gutter. */
const MIN_SIDE_LINES = 2;
/** Alignment tolerance of a column's left edge (pt). */
const ALIGN = 1;
/** Left edges tried as a column's start, the most shared first: a page of prose has dozens by coincidence. */
const MAX_CANDIDATES = 12;

const textOf = (item: PlacedItem): boolean => item.text.trim() !== '';
/** Where an item's text starts: leading spaces (a pdf.js item may start with one) not counted. */
function start(item: PlacedItem): number {
  const lead = item.text.length - item.text.trimStart().length;
  return item.x + (lead > 0 && item.text.length > 0 ? (lead * item.w) / item.text.length : 0);
}
function end(item: PlacedItem): number {
  const trail = item.text.length - item.text.trimEnd().length;
  return item.x + item.w - (trail > 0 && item.text.length > 0 ? (trail * item.w) / item.text.length : 0);
}

/** Whether no text of `line` lies in the gutter before `x`. */
function clearBefore(line: PlacedLine, x: number, gutter: number): boolean {
  return line.items.every((item) => !textOf(item) || end(item) <= x - gutter || start(item) >= x - ALIGN);
}

interface Sides {
  leftLines: number;
  rightLines: number;
  leftMin: number;
  leftMax: number;
  rightMin: number;
  rightMax: number;
}

function sides(lines: readonly PlacedLine[], x: number): Sides {
  const s: Sides = { leftLines: 0, rightLines: 0, leftMin: Infinity, leftMax: -Infinity, rightMin: Infinity, rightMax: -Infinity };
  for (const line of lines) {
    let left = false;
    let right = false;
    for (const item of line.items) {
      if (!textOf(item)) continue;
      if (start(item) >= x - ALIGN) {
        right = true;
        s.rightMin = Math.min(s.rightMin, start(item));
        s.rightMax = Math.max(s.rightMax, end(item));
      } else {
        left = true;
        s.leftMin = Math.min(s.leftMin, start(item));
        s.leftMax = Math.max(s.leftMax, end(item));
      }
    }
    if (left) s.leftLines++;
    if (right) s.rightLines++;
  }
  return s;
}

/** Whether `x` parts `lines` into two columns of text. */
function parts(lines: readonly PlacedLine[], x: number, body: number): boolean {
  const s = sides(lines, x);
  return s.leftLines >= MIN_SIDE_LINES && s.rightLines >= MIN_SIDE_LINES && s.leftMax - s.leftMin >= MIN_COLUMN * body && s.rightMax - s.rightMin >= MIN_COLUMN * body;
}

/**
 * Left edges shared by at least MIN_COLUMN_LINES lines, the MAX_CANDIDATES most shared first (a
 * table's columns are its most shared left edges after the margin; the cap bounds the work on a
 * page of a hundred thousand items).
 */
function columnCandidates(lines: readonly PlacedLine[]): number[] {
  const counts = new Map<number, { x: number; lines: Set<number> }>();
  lines.forEach((line, i) => {
    for (const item of line.items) {
      if (!textOf(item)) continue;
      const x = start(item);
      const key = Math.round(x / ALIGN);
      const found = counts.get(key) ?? counts.get(key - 1) ?? counts.get(key + 1);
      if (found) found.lines.add(i);
      else counts.set(key, { x, lines: new Set([i]) });
    }
  });
  return [...counts.values()]
    .filter((c) => c.lines.size >= MIN_COLUMN_LINES)
    .sort((p, q) => q.lines.size - p.lines.size || p.x - q.x)
    .slice(0, MAX_CANDIDATES)
    .map((c) => c.x);
}

/** The maximal runs of consecutive lines that keep the gutter before `x` clear, as [first, last]. */
function clearRuns(lines: readonly PlacedLine[], x: number, gutter: number): [number, number][] {
  const runs: [number, number][] = [];
  let first = -1;
  lines.forEach((line, i) => {
    if (clearBefore(line, x, gutter)) {
      if (first < 0) first = i;
    } else if (first >= 0) {
      runs.push([first, i - 1]);
      first = -1;
    }
  });
  if (first >= 0) runs.push([first, lines.length - 1]);
  return runs;
}

/**
 * The tables among a page's lines (sorted top-down; the page's body, without its furniture and
 * footnotes). Lines not in a table are left to the caller.
 */
export function findTables<I extends PlacedItem>(lines: readonly PlacedLine<I>[], options: TableOptions): FoundTable<I>[] {
  const { body } = options;
  const gutter = MIN_GUTTER * body;
  const taken = new Array<boolean>(lines.length).fill(false);
  const tables: FoundTable<I>[] = [];
  if (options.continuing && options.continuing.length > 0) {
    const starts = [...options.continuing];
    let last = -1;
    while (last + 1 < lines.length && starts.every((x) => clearBefore(lines[last + 1]!, x, gutter))) last++;
    const table = last >= 0 ? tableIn(lines, 0, last, starts, true, options) : null;
    if (table) {
      for (const i of table.lines) taken[i] = true;
      tables.push(table);
    }
  }
  for (const x of columnCandidates(lines)) {
    for (const [first, last] of clearRuns(lines, x, gutter)) {
      if (taken.slice(first, last + 1).some(Boolean)) continue;
      const table = tableIn(lines, first, last, [x], false, options);
      if (!table) continue;
      for (const i of table.lines) taken[i] = true;
      tables.push(table);
    }
  }
  return tables.sort((p, q) => p.lines[0]! - q.lines[0]!);
}

/**
 * The table the run `first..last` holds with a column at `given[0]`, or null when it holds none;
 * `known` for the columns of a table that goes on from the page before (taken as they are).
 */
function tableIn<I extends PlacedItem>(lines: readonly PlacedLine<I>[], first: number, last: number, given: readonly number[], known: boolean, options: TableOptions): FoundTable<I> | null {
  const { body, leading, paragraphGap } = options;
  let from = first;
  let to = last;
  const x = given[0]!;
  const run = lines.slice(from, to + 1);
  if (!known && !parts(run, x, body)) return null;
  // Further columns: other shared left edges whose gutter holds over the same lines.
  const starts = known ? [...given] : [x, ...columnCandidates(run).filter((c) => Math.abs(c - x) > ALIGN && run.every((line) => clearBefore(line, c, MIN_GUTTER * body)) && parts(run, c, body))];
  starts.sort((p, q) => p - q);
  const columnOf = (item: PlacedItem): number => {
    let c = 0;
    while (c < starts.length && start(item) >= starts[c]! - ALIGN) c++;
    return c;
  };
  const inFirst = (i: number): boolean => lines[i]!.items.some((item) => textOf(item) && columnOf(item) === 0);
  const onlyFirst = (i: number): boolean => lines[i]!.items.every((item) => !textOf(item) || columnOf(item) === 0);
  const gapBetween = (i: number, j: number): boolean => lines[j]!.y - lines[i]!.y > paragraphGap * leading * (Math.max(lines[i]!.size, lines[j]!.size) / body);
  const gapAfter = (i: number): boolean => i + 1 <= to && gapBetween(i, i + 1);

  // Rows from ruling lines that cross the gutters, near the run.
  let leftEdge = Infinity;
  for (let i = from; i <= to; i++) for (const item of lines[i]!.items) if (textOf(item)) leftEdge = Math.min(leftEdge, start(item));
  const top = lines[from]!.y - 3 * lines[from]!.size;
  const bottom = lines[to]!.y + 2 * lines[to]!.size;
  const crossing = (options.rules ?? [])
    .filter((rule) => rule.y >= top && rule.y <= bottom && rule.x0 <= leftEdge + ALIGN && rule.x1 >= starts[starts.length - 1]!)
    .map((rule) => rule.y)
    .sort((p, q) => p - q);
  const borders = crossing.filter((y, i) => i === 0 || y - crossing[i - 1]! > 1);
  const rowStarts: number[] = [];
  let ruled = false;
  if (borders.length >= 2) {
    ruled = true;
    // Lines above the first border or below the last are not the table's (a heading over it).
    while (from <= to && lines[from]!.y < borders[0]!) from++;
    while (to >= from && lines[to]!.y > borders[borders.length - 1]!) to--;
    if (from > to) return null;
    for (let i = from; i <= to; i++) {
      const band = borders.findIndex((y) => y > lines[i]!.y);
      const previous = i > from ? borders.findIndex((y) => y > lines[i - 1]!.y) : -1;
      if (i === from || band !== previous) rowStarts.push(i);
    }
  } else {
    // A heading or a caption above the table: a line in the first column only, apart from the rest.
    while (!known && from < to && onlyFirst(from) && gapAfter(from)) from++;
    // Text after the table: lines in the first column only, past a paragraph gap after the last
    // line with text in a later column (a heading, a closing paragraph, the signature).
    let end = to;
    while (end > from && onlyFirst(end)) end--;
    while (end < to && onlyFirst(end + 1) && !gapBetween(end, end + 1)) end++;
    to = end;
    let lastFirst = -1;
    for (let i = from; i <= to; i++) {
      if (!inFirst(i)) continue;
      if (lastFirst < 0 || gapBetween(lastFirst, i)) rowStarts.push(i);
      lastFirst = i;
    }
    if (rowStarts.length < (known ? 0 : 2)) return null;
    // Lines of later columns above the first row's start: at the top of a page, the end of the
    // row the page broke (a row of its own, with its first cell empty); else part of the first row.
    if (known && rowStarts[0] !== from) rowStarts.unshift(from);
    else rowStarts[0] = from;
  }
  if (!known && (to - from + 1 < MIN_COLUMN_LINES || !parts(lines.slice(from, to + 1), x, body))) return null;

  // Each column's lines by row. Ruled, a line is in the band it stands in; else a line that goes
  // on with the paragraph above it in its column stays in that paragraph's row (a paragraph of a
  // cell set lower than its row's first column is not cut in two).
  const cells: CellLine<I>[][][] = rowStarts.map(() => starts.map((): CellLine<I>[] => []).concat([[]]));
  const lastOf = new Map<number, { line: number; row: number }>();
  let row = 0;
  for (let i = from; i <= to; i++) {
    while (row + 1 < rowStarts.length && rowStarts[row + 1]! <= i) row++;
    const byColumn = new Map<number, I[]>();
    for (const item of lines[i]!.items) {
      const c = columnOf(item);
      const column = byColumn.get(c);
      if (column) column.push(item);
      else byColumn.set(c, [item]);
    }
    for (const [c, items] of byColumn) {
      if (!items.some(textOf)) continue;
      const above = lastOf.get(c);
      const goesOn = !ruled && above !== undefined && !gapBetween(above.line, i);
      const r = goesOn ? above.row : row;
      cells[r]![c]!.push({ line: i, items });
      lastOf.set(c, { line: i, row: r });
    }
  }
  const rows = cells.map((rowCells) => rowCells.map((cellLines) => paragraphs(cellLines, lines, options)));
  const taken: number[] = [];
  for (let i = from; i <= to; i++) taken.push(i);
  return { lines: taken, columnStarts: starts, rows, ruled };
}

/** A cell's lines as paragraphs: a new one after a vertical gap. */
function paragraphs<I extends PlacedItem>(cellLines: CellLine<I>[], lines: readonly PlacedLine<I>[], options: TableOptions): FoundCell<I> {
  const out: FoundCell<I> = [];
  cellLines.forEach((cellLine, k) => {
    const previous = cellLines[k - 1];
    const a = previous ? lines[previous.line]! : null;
    const b = lines[cellLine.line]!;
    if (!a || b.y - a.y > options.paragraphGap * options.leading * (Math.max(a.size, b.size) / options.body)) out.push([cellLine]);
    else out[out.length - 1]!.push(cellLine);
  });
  return out;
}
