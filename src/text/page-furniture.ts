/**
 * Page furniture (page numbers, running headers and footers) out of a text, for policy documents
 * (step 2 of the conversion) and letters alike. Where the text knows its pages (page starts from
 * form feeds, or the one-space page marks of extracted PDF text), furniture is what repeats at the
 * pages' edges; a letter's text knows no pages, so there a page number is one that says so and a
 * running header a short title-like line that comes back three times or more. A PDF's own reader
 * drops its furniture before this by where the lines stand on the page (read-pdf.ts), which no text
 * can tell. Every dropped line is returned, so a caller (and the word-loss test) can see what went.
 */
import type { SourceLine } from './source-lines.js';

export type FurnitureReason = 'page-number' | 'running-header';

/** What the furniture step needs of a line. */
export interface FurnitureLine {
  /** 1-based line in the source text. */
  n: number;
  /** The line's text, white space collapsed and trimmed. */
  text: string;
  /** The line starts a page. */
  pageStart: boolean;
}

export interface FurnitureOptions {
  /**
   * Text without page boundaries (a letter pasted or read without its pages): a line that says it
   * is a page number ("Pagina 2 van 5", "- 2 -", "2/5") is furniture wherever it stands, a bare
   * number only with `bareNumbers`, and a short line that is no sentence, question or list item
   * and comes back three times or more is a running header.
   */
  withoutPages?: { bareNumbers: boolean };
  /** Lines that are headings ("4.3 Samenwerking"): never a running header with a number. */
  isHeading?: (text: string) => boolean;
}

/** A source line the converter dropped. */
export interface RemovedLine {
  /** 1-based line in the source text. */
  line: number;
  text: string;
  reason: FurnitureReason;
}

/** "12", "- 12 -", "pagina 12", "blz. 12", "12 / 40", "12 van 40", "page 12 of 40". */
const PAGE_NUMBER = /^(?:(?:pagina|page|blz\.?|p\.)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:\/|van|of)\s*\d{1,4})?$/i;
/** A running header or footer repeats on at least this many pages. */
const MIN_REPEATS = 3;
/** Running headers are short: the longest in the seeds is 25 characters. */
const MAX_RUNNING_LENGTH = 80;
/**
 * A header or footer without a page number repeats on a good share of the pages; a table header
 * repeated on 3 of the 70 pages of the beleidsnota is content, not furniture.
 */
const MIN_PAGE_SHARE = 0.3;
/** A line that repeats beside a running header is part of it only when it is this short. */
const MAX_COMPANION_LENGTH = 40;
/** A line this close (in non-blank lines) to a page boundary is in the header or footer zone. */
const EDGE = 2;

function key(text: string): string {
  return text.toLowerCase().replace(/\d+|\ufffd/g, ' # ').replace(/\s+/g, ' ').trim();
}

interface Placed {
  index: number;
  page: number;
  /** Position among the non-blank lines of its page, from the top and from the bottom. */
  fromTop: number;
  fromBottom: number;
}

function place(lines: readonly FurnitureLine[]): { placed: Map<number, Placed>; pages: number } {
  const placed = new Map<number, Placed>();
  let page = 0;
  let onPage: number[] = [];
  const flush = (): void => {
    onPage.forEach((index, k) => placed.set(index, { index, page, fromTop: k, fromBottom: onPage.length - 1 - k }));
    onPage = [];
  };
  lines.forEach((line, index) => {
    if (line.pageStart && onPage.length > 0) {
      flush();
      page++;
    }
    if (line.text !== '') onPage.push(index);
  });
  flush();
  return { placed, pages: page + 1 };
}

function nearEdge(p: Placed | undefined): boolean {
  return p !== undefined && (p.fromTop < EDGE || p.fromBottom < EDGE);
}

function standalone(lines: readonly FurnitureLine[], index: number): boolean {
  const before = lines[index - 1];
  const after = lines[index + 1];
  return (before === undefined || before.text === '' || lines[index]!.pageStart) && (after === undefined || after.text === '' || after.pageStart);
}

/** Numbers in a running line rise through the document (they are page numbers). */
function rising(values: string[]): boolean {
  const numbers = values.map((v) => /\d+/.exec(v)?.[0]).filter((v): v is string => v !== undefined).map(Number);
  return numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);
}

/** A page number that says so: "Pagina 2 van 5", "page 2", "blz. 2", "- 2 -", "2/5". */
const SAYS_PAGE_NUMBER = /^(?:(?:pagina|page|blz\.?|p\.)\s*\d{1,3}(?:\s*(?:van|of|\/)\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*\/\s*\d{1,3})$/i;
/** A list label at a line's start: such a line recurs legitimately. */
const LABEL_START = /^(?:[-–•o*]|\d{1,2}[.)]|[a-z][.)]|vraag\s*\d)/i;

/**
 * Furniture in a text without page boundaries: page numbers that say so (and bare numbers with
 * `bareNumbers`), and short lines repeated three times or more that are no question or list item
 * ("Zo nee, waarom niet?" recurs legitimately).
 */
function furnitureWithoutPages(lines: readonly FurnitureLine[], bareNumbers: boolean, drop: Map<number, FurnitureReason>): void {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (!line.text || line.text.length > 90 || line.text.includes('?') || LABEL_START.test(line.text)) continue;
    counts.set(line.text, (counts.get(line.text) ?? 0) + 1);
  }
  lines.forEach((line, i) => {
    if (!line.text) return;
    if (SAYS_PAGE_NUMBER.test(line.text) || (bareNumbers && /^\d{1,3}$/.test(line.text))) drop.set(i, 'page-number');
    else if ((counts.get(line.text) ?? 0) >= 3 && /\p{L}/u.test(line.text)) drop.set(i, 'running-header');
  });
}

/** The page furniture of a text: line index → why it is furniture. */
export function findPageFurniture(lines: readonly FurnitureLine[], options: FurnitureOptions = {}): Map<number, FurnitureReason> {
  const drop = new Map<number, FurnitureReason>();
  if (options.withoutPages) {
    furnitureWithoutPages(lines, options.withoutPages.bareNumbers, drop);
    return drop;
  }
  const { placed, pages } = place(lines);
  const isHeading = options.isHeading ?? (() => false);

  const numberLines = lines.map((l, i) => ({ l, i })).filter(({ l }) => PAGE_NUMBER.test(l.text));
  const numbersRise = numberLines.length >= MIN_REPEATS && rising(numberLines.map(({ l }) => l.text));
  for (const { i } of numberLines) {
    if (!standalone(lines, i)) continue;
    if ((pages > 1 && nearEdge(placed.get(i))) || numbersRise) drop.set(i, 'page-number');
  }

  const byKey = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (line.text === '' || line.text.length > MAX_RUNNING_LENGTH || drop.has(i)) return;
    const k = key(line.text);
    if (!/\p{L}/u.test(k)) return;
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  for (const [k, indexes] of byKey) {
    if (indexes.length < MIN_REPEATS) continue;
    // A title with a page number or an unreadable page-number glyph at one end, on its own line:
    // "meedoen, nu en later 56" (beleidsnota 2005). At least two words besides the number, so a
    // repeated "Artikel 5" heading is not taken for a footer.
    const numbered =
      k.split('#').length === 2 &&
      /^#\s+\S+(?:\s+\S+)+$|^\S+(?:\s+\S+)+?\s*#$/.test(k) &&
      !indexes.some((i) => isHeading(lines[i]!.text)) &&
      rising(indexes.map((i) => lines[i]!.text));
    const pagesWithIt = new Set(indexes.map((i) => placed.get(i)?.page)).size;
    // A header is a title, not a sentence: a repeated line that ends like one is text.
    const sentence = indexes.some((i) => /[.!?:;]$/.test(lines[i]!.text));
    const atEdges = !sentence && pages >= MIN_REPEATS && pagesWithIt >= Math.max(MIN_REPEATS, pages * MIN_PAGE_SHARE) && indexes.every((i) => nearEdge(placed.get(i)));
    if ((numbered || atEdges) && indexes.every((i) => standalone(lines, i))) {
      for (const i of indexes) drop.set(i, 'running-header');
    }
  }
  // Short lines that repeat word for word and always sit right beside a running line belong to
  // the same header block ("tgroei" above each "meedoen, nu en later" footer in the beleidsnota).
  const running = [...drop.entries()].filter(([, reason]) => reason === 'running-header').map(([i]) => i);
  if (running.length > 0) {
    const nonBlank = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.text !== '').map(({ i }) => i);
    const rank = new Map(nonBlank.map((i, r) => [i, r]));
    const exact = new Map<string, number[]>();
    lines.forEach((line, i) => {
      if (line.text === '' || line.text.length > MAX_COMPANION_LENGTH || drop.has(i) || /[.!?:;]$/.test(line.text)) return;
      const list = exact.get(line.text);
      if (list) list.push(i);
      else exact.set(line.text, [i]);
    });
    // The ranks within EDGE of a running line, marked once (comparing every repeated line with
    // every running line was quadratic in a document of 80,000 short lines).
    const nearRunning = new Uint8Array(nonBlank.length);
    for (const j of running) {
      const r = rank.get(j)!;
      for (let k = Math.max(0, r - EDGE); k <= Math.min(nonBlank.length - 1, r + EDGE); k++) nearRunning[k] = 1;
    }
    for (const [, indexes] of exact) {
      if (indexes.length < MIN_REPEATS) continue;
      const beside = indexes.every((i) => nearRunning[rank.get(i)!] === 1);
      if (beside && indexes.every((i) => standalone(lines, i))) for (const i of indexes) drop.set(i, 'running-header');
    }
  }

  return drop;
}

/** Remove page numbers and running headers/footers; return the lines kept and the lines dropped. */
export function removePageFurniture(lines: SourceLine[], options: FurnitureOptions = {}): { lines: SourceLine[]; removed: RemovedLine[] } {
  const drop = findPageFurniture(lines, options);
  const kept: SourceLine[] = [];
  const removed: RemovedLine[] = [];
  let carryPageStart = false;
  lines.forEach((line, i) => {
    const reason = drop.get(i);
    if (reason) {
      removed.push({ line: line.n, text: line.text, reason });
      // Furniture sits at a page's edge: the next line starts a page.
      carryPageStart = true;
      return;
    }
    if (carryPageStart && line.text !== '') {
      kept.push({ ...line, pageStart: true });
      carryPageStart = false;
    } else kept.push(line);
  });
  return { lines: kept, removed };
}
