/**
 * Markdown escaping for text that comes from a question document (a letter is data, never
 * markup). Escaping depends on where the text lands, so there is one function per context:
 * - `escapeInline`: one line of text (a heading, a list item, a sentence);
 * - `escapeParagraphs`: text as paragraphs (blank lines kept);
 * - `escapeQuote`: text as a blockquote.
 * The rule is CommonMark's: a backslash before ASCII punctuation shows the character itself.
 * Only characters that can start markup are escaped, so the markdown stays readable for the
 * policy officer who edits it. A property test parses the output with remark and checks that the
 * visible text is the input.
 */

/** Markdown that is inserted as is (an answer from the answer file, a rendered list). */
export class Markdown {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Whitespace that markdown collapses or treats as a line end; a non-breaking space stays. */
const COLLAPSIBLE = /[ \t\r\n\f\v]+/g;

/**
 * Characters that open inline markup anywhere in a line: backslash, code, emphasis (`*`, `_`),
 * strike-through (`~`, GFM), links (`[`, `]`), autolinks and HTML (`<`).
 */
const INLINE_SPECIAL = /[\\`*_~[\]<]/g;

/** A character entity or numeric reference that markdown would decode: `&amp;`, `&#35;`. */
const ENTITY = /&(?=#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;

/**
 * Control characters other than whitespace (ESC, DEL, C1): no letter means them, and in a memo
 * printed with `draft --stdout` an ESC starts an escape sequence on the terminal.
 */
const CONTROLS = /[\u0001-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** Escape one line of text so that it shows as itself wherever an inline run can stand. */
export function escapeInline(text: string): string {
  const line = String(text).replace(/\u0000/g, '\ufffd').replace(CONTROLS, '').replace(COLLAPSIBLE, ' ').trim();
  if (line === '') return '';
  let out = line.replace(INLINE_SPECIAL, '\\$&').replace(ENTITY, '\\&');
  // A heading drops a closing run of `#`; an escaped last `#` keeps it.
  if (out.endsWith('#')) out = `${out.slice(0, -1)}\\#`;
  return escapeLineStart(out);
}

/**
 * Markers that open a block at the start of a line: ATX heading (`#`), blockquote (`>`), bullet
 * list (`-`, `+`; `*` is already escaped), ordered list (`1.`, `1)`), thematic break and setext
 * underline (`---`, `===`). Leading whitespace is gone already.
 */
function escapeLineStart(line: string): string {
  if (/^[#>=+-]/.test(line)) return `\\${line}`;
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  return line;
}

/** Split text into paragraphs at blank lines; each paragraph's lines are joined. */
function paragraphs(text: string): string[] {
  return String(text)
    .split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/)
    .map((part) => escapeInline(part))
    .filter((part) => part !== '');
}

/** Escape text as one or more paragraphs, separated by a blank line. */
export function escapeParagraphs(text: string): string {
  return paragraphs(text).join('\n\n');
}

/** Escape text as a blockquote: each paragraph after `> `, with `>` lines between them. */
export function escapeQuote(text: string): string {
  const parts = paragraphs(text);
  if (parts.length === 0) return '>';
  return parts.map((part) => `> ${part}`).join('\n>\n');
}

/**
 * Escape text for a link label (`[...]`): inline escaping already covers the brackets. Kept as
 * its own name so the call sites say which context they are in.
 */
export function escapeLinkLabel(text: string): string {
  return escapeInline(text);
}

/** A link destination: `<...>` form when it holds spaces or parentheses, with `<>` escaped. */
export function escapeLinkDestination(url: string): string {
  const clean = String(url).replace(/[\r\n]/g, '');
  if (/[\s()<>\\]/.test(clean) || clean === '') return `<${clean.replace(/[<>\\]/g, '\\$&')}>`;
  return clean;
}
