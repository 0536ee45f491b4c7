/**
 * One cited source under an answer, as one list item:
 * `[<doc> › <heading path>, regels <a>–<b>](<corpus file>#L<a>-L<b>) <passage id> "short quote"`.
 * Written by the draft from the linker's passages, read back by `readAnswerDocument` (and so by
 * `answer check`, which resolves the passage id). A person may edit or delete these lines; the
 * reader is tolerant of a missing range, id or quote.
 */
import type { Citation, Passage } from '../model.js';
import { escapeInline, escapeLinkDestination, escapeLinkLabel } from '../text/markdown-escape.js';

/** Separator of a heading path, as the memo shows it. */
export const PATH_SEPARATOR = ' › ';

/** Longest quote a citation shows, in characters: one line in an editor. */
const QUOTE_LENGTH = 120;

/** The first words of a passage, cut at a word boundary, with an ellipsis when cut. */
export function shortQuote(text: string, length = QUOTE_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** A citation of a passage; `href` is the corpus file as the answer file links to it. */
export function citationOf(passage: Pick<Passage, 'id' | 'doc' | 'file' | 'heading' | 'lines' | 'text'>): Citation {
  return { passage: passage.id, doc: passage.doc, heading: [...passage.heading], lines: passage.lines, quote: shortQuote(passage.text), file: passage.file };
}

/**
 * The markdown of one citation (the list item's content, without the `- `). `href` is where the
 * link points: the corpus file relative to the answer file, so the link works in a markdown viewer.
 */
export function formatCitation(citation: Citation, href: string | null = citation.file ?? null): string {
  const path = [citation.doc, ...citation.heading.filter((h) => h !== citation.doc)].filter(Boolean).join(PATH_SEPARATOR);
  const range = citation.lines ? `, regels ${citation.lines[0]}–${citation.lines[1]}` : '';
  const label = `${escapeLinkLabel(path)}${range}`;
  const anchor = citation.lines ? `#L${citation.lines[0]}-L${citation.lines[1]}` : '';
  const link = href ? `[${label}](${escapeLinkDestination(`${href}${anchor}`)})` : label;
  const id = citation.passage && /^\S+$/.test(citation.passage) ? ` ${escapeInline(citation.passage)}` : '';
  const quote = citation.quote ? ` "${escapeInline(citation.quote.replace(/"/g, "'"))}"` : '';
  return `${link}${id}${quote}`;
}

/** The line range after the label's last comma (sticky: matched from the comma, no copy of the tail). */
const RANGE = /,\s*regels?\s+(\d+)\s*[–—-]\s*(\d+)\s*$/iy;
/** White space other than the space itself. */
const NOT_A_SPACE = /[^\S ]/;
const PATH_SEPARATOR_WRITTEN = /\s+›\s+|\s+>\s+/;
const LINE_ANCHOR = /^L(\d+)(?:-L?(\d+))?$/;
/** The passage id first in the text after the link, white space before it skipped (`\s` is what `trim` takes). */
const PASSAGE_ID = /^\s*`?([^\s"“”`]+)/;

/**
 * Read one citation from the visible parts of a list item: the link's label and destination and
 * the text after the link. Returns null when the item is not a citation (free text under Bronnen).
 * Regular expressions rather than loops by hand: `answer check` reads some 33,000 citations in a
 * process that lives a second, mostly before the JIT has compiled anything, and a character loop
 * in the interpreter cost more than the expression's compiled code (bench/check.ts: 92 ms
 * against 77 ms for the 33,000, in a new process).
 */
export function parseCitation(label: string, url: string | null, rest: string): Citation | null {
  // The range follows the label's last comma (no comma can come after it), so only that tail is matched.
  const comma = label.lastIndexOf(',');
  let rangeMatch: RegExpExecArray | null = null;
  if (comma !== -1) {
    RANGE.lastIndex = comma;
    rangeMatch = RANGE.exec(label);
  }
  let lines: [number, number] | null = rangeMatch ? [Number(rangeMatch[1]), Number(rangeMatch[2])] : null;
  const pathText = rangeMatch ? label.slice(0, comma) : label;
  // The path as the draft writes it ("a › b": single spaces, no ">") splits on the separator itself.
  const path: string[] = [];
  // (Three native searches: one expression with three alternatives tried at every character was
  // 3 % of `answer check` on bench/check.ts.)
  const drafted = !pathText.includes('>') && !pathText.includes('  ') && !NOT_A_SPACE.test(pathText);
  for (const part of drafted ? pathText.split(PATH_SEPARATOR) : pathText.split(PATH_SEPARATOR_WRITTEN)) {
    const trimmed = part.trim();
    if (trimmed !== '') path.push(trimmed);
  }
  let file: string | null = null;
  if (url) {
    const hash = url.indexOf('#');
    file = safeDecode(hash === -1 ? url : url.slice(0, hash));
    const anchor = hash === -1 || lines ? null : LINE_ANCHOR.exec(url.slice(hash + 1));
    if (anchor) lines = [Number(anchor[1]), Number(anchor[2] ?? anchor[1])];
  }
  if (path.length === 0) return null;
  const text = rest.trim();
  const passage = PASSAGE_ID.exec(text)?.[1] ?? null;
  if (!url && !passage) return null;
  return {
    passage,
    doc: path[0]!,
    heading: path.slice(1),
    lines,
    quote: quoteOf(text),
    file,
  };
}

/**
 * `parseCitation` for a reader that asks most citations only for their passage id and document:
 * `answer check` reads every citation of every answer, 33,000 of bench/check.ts's 1,000 letters,
 * and needs the rest (heading path, lines, quote, file) only of a citation that no longer
 * resolves. The id and the document are read at once; the rest is read by `parseCitation` when
 * first asked. A label whose document is not simply its text before the first " › " is read by
 * `parseCitation` at once. The result is null exactly when `parseCitation`'s is, and every field
 * reads the same; but it is an object with getters, not plain data: a spread or `JSON.stringify`
 * of it keeps only what was read at once. So it is for a reader that only reads fields.
 */
export function parseCitationLazily(label: string, url: string | null, rest: string): Citation | null {
  // The path's first part is the document. The label splits at " › " (or at "›" or ">" between
  // white space: parseCitation's written form); with no "›" or ">" before the first " › ", that
  // is where the first part ends, and a range, which follows the label's last comma, lies after it.
  const at = label.indexOf(' › ');
  if (at > 0) {
    const head = label.slice(0, at);
    const doc = head.includes('›') || head.includes('>') ? '' : head.trim();
    if (doc !== '') {
      const passage = PASSAGE_ID.exec(rest)?.[1] ?? null;
      return url || passage ? new LazyCitation(passage, doc, label, url, rest) : null;
    }
  }
  return parseCitation(label, url, rest);
}

class LazyCitation implements Citation {
  private parsed: Citation | null = null;

  constructor(
    readonly passage: string | null,
    readonly doc: string,
    private readonly label: string,
    private readonly url: string | null,
    private readonly rest: string,
  ) {}

  private full(): Citation {
    this.parsed ??= parseCitation(this.label, this.url, this.rest)!;
    return this.parsed;
  }

  get heading(): string[] {
    return this.full().heading;
  }

  get lines(): [number, number] | null {
    return this.full().lines;
  }

  get quote(): string {
    return this.full().quote;
  }

  get file(): string | null | undefined {
    return this.full().file;
  }

  /** As `parseCitation` gives it. */
  toJSON(): Citation {
    return this.full();
  }
}

/** The quote at the end of the (trimmed) text after the link: `["“]([\s\S]*)["”]\s*$`, by hand. */
function quoteOf(text: string): string {
  const last = text.length - 1;
  const close = text.charCodeAt(last);
  if (close !== 34 && close !== 0x201d) return '';
  const straight = text.indexOf('"');
  const curly = text.indexOf('“');
  const open = straight === -1 ? curly : curly === -1 ? straight : Math.min(straight, curly);
  return open === -1 || open >= last ? '' : text.slice(open + 1, last).trim();
}

function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
