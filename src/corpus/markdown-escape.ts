/**
 * Escaping document text for markdown. Text from a policy document is data: it must come back out
 * of a markdown parser as the same text, never as emphasis, a link, HTML or a list.
 */

/** Escape characters that markdown would read as inline syntax. */
export function escapeInline(text: string): string {
  return (
    text
      .replace(/[\\`*[\]<]/g, '\\$&')
      // An underscore between letters never makes emphasis ("sociaal_domein_def.pdf").
      .replace(/_/g, (m: string, offset: number, s: string) =>
        /[\p{L}\p{N}]/u.test(s[offset - 1] ?? '') && /[\p{L}\p{N}]/u.test(s[offset + 1] ?? '') ? m : '\\_',
      )
      .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
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

/** Escape a heading's text: inline syntax, and a closing run of '#' that ATX would drop. */
export function escapeHeading(text: string): string {
  return escapeInline(text).replace(/(#+)$/, '\\$1');
}

/** A URL as an autolink where markdown allows one, else as escaped text. */
export function autolink(url: string): string {
  return /^[a-z][a-z0-9+.-]{1,31}:[^\s<>]*$/i.test(url) ? `<${url}>` : escapeLineStart(escapeInline(url));
}
