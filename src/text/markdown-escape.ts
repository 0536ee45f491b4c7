/**
 * Markdown escaping for text that comes from documents: a letter, a policy document, a memo.
 * That text is data, never markup: it must come back out of a markdown parser as the same
 * visible text, never as emphasis, a link, HTML, a heading or a list. Escaping depends on where
 * the text lands, so there is one function per context:
 * - `escapeText`: characters that open inline markup, within a line, whitespace left as it is;
 * - `escapeLineStart`: what would make a line start a block (heading, quote, list, fence, break);
 * - `escapeInline`: one line of text (a heading, a list item, a sentence): both of the above,
 *   whitespace collapsed;
 * - `escapeHeading`, `escapeParagraphs`, `escapeQuote`, `escapeLinkLabel`, `escapeLinkDestination`,
 *   `autolink`.
 * The rule is CommonMark's: a backslash before ASCII punctuation shows the character itself.
 * Only characters that can start markup are escaped, so the markdown stays readable for the
 * person who edits it. Property tests parse the output with remark and check that the visible
 * text is the input.
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
 * Characters that open inline markup anywhere in a line: backslash, code, emphasis (`*`),
 * strike-through (`~`, GFM), links (`[`, `]`), autolinks and HTML (`<`). `_` is handled apart.
 */
const INLINE_SPECIAL = /[\\`*~[\]<]/g;

/** A character entity or numeric reference that markdown would decode: `&amp;`, `&#35;`. */
const ENTITY = /&(?=#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;

/**
 * Control characters other than whitespace (ESC, DEL, C1): no letter means them, and in a memo
 * printed with `draft --stdout` an ESC starts an escape sequence on the terminal.
 */
const CONTROLS = /[\u0001-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** Escape the characters that open inline markup; whitespace and line ends stay as they are. */
export function escapeText(text: string): string {
  return (
    text
      .replace(INLINE_SPECIAL, '\\$&')
      // An underscore between letters or digits never makes emphasis ("sociaal_domein_def.pdf").
      .replace(/_/g, (m: string, offset: number, s: string) =>
        /[\p{L}\p{N}]/u.test(s[offset - 1] ?? '') && /[\p{L}\p{N}]/u.test(s[offset + 1] ?? '') ? m : '\\_',
      )
      .replace(ENTITY, '\\&')
  );
}

/** Escape what would make a line start a heading, quote, list, fence or setext underline. */
export function escapeLineStart(line: string): string {
  if (/^#{1,6}(?:\s|$)/.test(line)) return `\\${line}`;
  if (/^>/.test(line) || /^[+-](?:\s|$)/.test(line)) return `\\${line}`;
  // A run of '-' with spaces in it is a thematic break too ("---- ---"; found by the property test).
  if (/^=+\s*$/.test(line) || /^(?:-[ \t]*)+$/.test(line)) return `\\${line}`;
  if (/^~~~/.test(line)) return `\\${line}`;
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  return line;
}

/** Escape one line of text so that it shows as itself wherever an inline run can stand. */
export function escapeInline(text: string): string {
  const line = String(text).replace(/\u0000/g, '\ufffd').replace(CONTROLS, '').replace(COLLAPSIBLE, ' ').trim();
  if (line === '') return '';
  // A heading drops a closing run of `#`; an escaped last `#` keeps it.
  const out = escapeText(line).replace(/#$/, '\\#');
  return escapeLineStart(out);
}

/** Escape a heading's text: inline syntax, and a closing run of '#' that ATX would drop. */
export function escapeHeading(text: string): string {
  return escapeText(text).replace(/(#+)$/, '\\$1');
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

/** A URL as an autolink where markdown allows one, else as escaped text. */
export function autolink(url: string): string {
  return /^[a-z][a-z0-9+.-]{1,31}:[^\s<>]*$/i.test(url) ? `<${url}>` : escapeLineStart(escapeText(url));
}
