/**
 * A document's text as lines, with what the layout left of the page (page starts) and the reader's
 * heading marks (a PDF's heading fonts, a DOCX's heading styles): step 1 of the policy conversion,
 * and the line model the page-furniture step works on.
 */
import type { HeadingMark } from '../read/heading-marks.js';

/** One line of the source text. */
export interface SourceLine {
  /** 1-based line number in the source text. */
  n: number;
  /** The line as it was (without the line break). */
  raw: string;
  /** Whitespace collapsed and trimmed; unreadable glyphs (U+FFFD) kept for the footnote step. */
  text: string;
  /** The line starts a page (after a form feed, or the extractor's one-space page-start mark). */
  pageStart: boolean;
  /** The line started with a tab: the side-box text of a chapter page in the 2005 beleidsnota. */
  tabbed: boolean;
  /** The reader marked the line as (part of) a heading: its level, and whether the heading starts here. */
  heading?: { level: number; start: boolean };
}

/**
 * Text extracted from PDF by the tool behind the seed corpus starts each page with one space
 * (the three seeds: 21, 11 and 64 such lines, each one a page start). A person's text file can
 * indent a paragraph the same way, so the mark is trusted only while it stays rare.
 */
const MAX_PAGE_MARK_SHARE = 0.08;

/** Zero-width characters: invisible, and they would split words. A soft hyphen is kept for step 6. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Control characters (C0 but tab and form feed, DEL, C1): no policy text holds them, and passed on
 * they reach the terminal through search and link (an ESC starts an escape sequence).
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

function collapse(line: string): string {
  return line
    .replace(INVISIBLE, '')
    .replace(CONTROLS, '')
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Split text into source lines, marking page starts and the reader's headings. */
export function toSourceLines(text: string, headings: readonly HeadingMark[] = []): SourceLine[] {
  const rawLines = text.replace(/\r\n?/g, '\n').split('\n');
  const lines: SourceLine[] = [];
  let pendingPage = false;
  for (let i = 0; i < rawLines.length; i++) {
    let raw = rawLines[i]!;
    let formFeed = pendingPage;
    pendingPage = false;
    if (raw.includes('\f')) {
      const parts = raw.split('\f');
      // Text before a form feed ends a page; text after it starts one.
      if (parts.slice(1).join('').trim() === '') pendingPage = true;
      else formFeed = true;
      raw = parts.join(' ');
    }
    lines.push({ n: i + 1, raw, text: collapse(raw), pageStart: formFeed, tabbed: /^\t/.test(raw) });
  }
  const nonBlank = lines.filter((l) => l.text !== '').length;
  const marked = lines.filter((l) => /^ [^ \t]/.test(l.raw));
  if (marked.length >= 2 && marked.length <= Math.max(2, nonBlank * MAX_PAGE_MARK_SHARE)) {
    for (const line of marked) line.pageStart = true;
  }
  const first = lines.find((l) => l.text !== '');
  if (first) first.pageStart = true;
  for (const mark of headings) {
    for (let k = 0; k < mark.lines; k++) {
      const line = lines[mark.line - 1 + k];
      if (line && line.text !== '') line.heading = { level: mark.level, start: k === 0 };
    }
  }
  return lines;
}

/** Whether a line is empty after collapsing whitespace. */
export function isBlank(line: SourceLine): boolean {
  return line.text === '';
}
