/**
 * Heading lines a reader recognised by their look: a PDF line set in a larger or bolder font than
 * the body text, a DOCX paragraph in a heading style, an HTML `<h1>`..`<h6>`. The text itself stays
 * as it was (the letter parser reads it unchanged); the marks travel beside it as line numbers, for
 * the policy converter.
 *
 * A reader marks a line in-band while it builds the text, with a Unicode noncharacter at the line's
 * start (noncharacters are never part of interchanged text): U+FDD0 + level on a heading's first
 * line, U+FDE0 + level on the lines it wraps onto. It takes the marks out after normalising, so the
 * line numbers are those of the final text.
 */

export interface HeadingMark {
  /** 1-based line of the text where the heading starts. */
  line: number;
  /** Lines the heading takes (a heading wrapped over two lines takes 2). */
  lines: number;
  /**
   * 1 for the most prominent heading look of the document (a PDF's largest heading font, a DOCX's
   * "Heading 1"), 2 for the next, up to 6; 0 for a paragraph in Word's Title style.
   */
  level: number;
}

const FIRST_MARK = 0xfdd0;
const NEXT_MARK = 0xfde0;
const MAX_LEVEL = 6;
const MARK_AT_START = /^[\ufdd0-\ufdd6\ufde0-\ufde6]/;
const MARK_CHARACTERS = /[\ufdd0-\ufdef]/g;

/** The line with a heading mark of `level` (clamped to 0..6) in front; `continued` for a wrapped heading's later lines. */
export function markHeading(line: string, level: number, continued = false): string {
  const clamped = Math.max(0, Math.min(MAX_LEVEL, Math.round(level)));
  return String.fromCharCode((continued ? NEXT_MARK : FIRST_MARK) + clamped) + line;
}

/** Noncharacters in a document's own text are dropped before marking, so no text can pose as a mark. */
export function withoutMarkCharacters(text: string): string {
  return text.replace(MARK_CHARACTERS, '');
}

/** Take the marks out of text: the text as it reads, and the marked headings with their levels. */
export function takeHeadingMarks(text: string): { text: string; headings: HeadingMark[] } {
  if (!/[\ufdd0-\ufdef]/.test(text)) return { text, headings: [] };
  const headings: HeadingMark[] = [];
  const lines = text.split('\n').map((line, i) => {
    if (!MARK_AT_START.test(line)) return line.replace(MARK_CHARACTERS, '');
    const code = line.charCodeAt(0);
    const rest = line.slice(1).replace(MARK_CHARACTERS, '');
    if (rest.trim() === '') return rest;
    const level = code >= NEXT_MARK ? code - NEXT_MARK : code - FIRST_MARK;
    const last = headings[headings.length - 1];
    // A continuation extends the heading on the line right above it, at the same level.
    if (code >= NEXT_MARK && last && last.line + last.lines === i + 1 && last.level === level) last.lines++;
    else headings.push({ line: i + 1, lines: 1, level });
    return rest;
  });
  return { text: lines.join('\n'), headings };
}
