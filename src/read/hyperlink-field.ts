/**
 * Word's HYPERLINK field, as DOCX (`w:fldSimple`, `w:instrText`) and RTF (`{\*\fldinst …}`) both
 * store a link: the instruction names the address, the field's result is the text.
 */

/**
 * A field instruction is short; more than this is no HYPERLINK instruction worth reading: a reader
 * keeps this much of it at most, and an instruction that fills it names no address.
 */
export const MAX_INSTRUCTION = 2048;

/** An address with the location inside it that Word keeps apart (`w:anchor`, `\l "..."`). */
export function withLocation(url: string, location: string | undefined): string {
  return location && !url.includes('#') ? `${url}#${location}` : url;
}

/**
 * The address of a HYPERLINK field instruction (`HYPERLINK "https://…" \o "tip"`); none for a
 * jump inside the document (`HYPERLINK \l "bookmark"`) or another field (`PAGE`, `REF`).
 */
export function hyperlinkFieldTarget(instruction: string): string | undefined {
  // Cut off by the reader: its address would be a piece of one (the whole went into the answer as a link of 5 MB).
  if (instruction.length >= MAX_INSTRUCTION) return undefined;
  const tokens = instruction.match(/"[^"]*"?|[^\s"]+/g) ?? [];
  if (tokens[0]?.toUpperCase() !== 'HYPERLINK') return undefined;
  const unquote = (token: string | undefined) => token?.replace(/^"/, '').replace(/"$/, '');
  let url: string | undefined;
  let location: string | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (/^\\[lot]$/i.test(token)) {
      // Switches with an argument: \l location, \o tooltip, \t target frame.
      if (token.toLowerCase() === '\\l') location = unquote(tokens[i + 1]);
      i++;
    } else if (!token.startsWith('\\') && url === undefined) url = unquote(token);
  }
  return url ? withLocation(url, location) : undefined;
}
