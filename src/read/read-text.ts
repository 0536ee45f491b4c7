/**
 * Plain text and markdown: decode the bytes (UTF-8, UTF-16, or windows-1252 as the fallback that
 * Word's "save as text" and old Windows tools produce) and normalise the text so the letter parser
 * sees one kind of line break, one kind of space and no invisible characters.
 */
import { InputError } from '../errors.js';
import type { ParseWarning } from '../model.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Decode bytes as text. A BOM decides; otherwise UTF-16 is recognised by its zero bytes, then
 * strict UTF-8 is tried, then windows-1252 (every byte decodes, so this never fails).
 */
export function decodeText(data: Uint8Array): DecodedText {
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    return { text: decode('utf-8', data.subarray(3)), encoding: 'utf-8' };
  }
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) {
    return { text: decode('utf-16le', data.subarray(2)), encoding: 'utf-16le' };
  }
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    return { text: decode('utf-16be', data.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = sniffUtf16(data);
  if (utf16) return { text: decode(utf16, data), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    return { text: decode('windows-1252', data), encoding: 'windows-1252' };
  }
}

function decode(encoding: TextEncoding, data: Uint8Array): string {
  if (encoding === 'windows-1252') return decodeWindows1252(data);
  return new TextDecoder(encoding).decode(data);
}

// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80 becomes U+0080, not €;
// nodejs/node#56542), so the 0x80-0x9F row of windows-1252 is mapped here. Unassigned bytes
// (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay C1 controls, as in the WHATWG decoder.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Bytes as windows-1252 text (RTF's default code page). */
export function windows1252(data: Uint8Array): string {
  return decodeWindows1252(data);
}

function decodeWindows1252(data: Uint8Array): string {
  let out = '';
  for (let i = 0; i < data.length; i += 8192) {
    const chunk = data.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

/**
 * UTF-16 without a BOM: Latin text has a zero in every other byte. Ask for most of the sampled
 * code units to look like that, so binary data with scattered zeros is not taken for text.
 */
function sniffUtf16(data: Uint8Array): TextEncoding | null {
  const n = Math.min(data.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0) zeroEven++;
    if (data[i + 1] === 0) zeroOdd++;
  }
  const units = n / 2;
  if (zeroOdd > units * 0.6 && zeroEven < units * 0.05) return 'utf-16le';
  if (zeroEven > units * 0.6 && zeroOdd < units * 0.05) return 'utf-16be';
  return null;
}

// Spaces that look like a space but are not U+0020: NBSP, the U+2000 block, narrow NBSP,
// medium mathematical space, ideographic space, Ogham space mark.
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Invisible characters: zero-width space/joiners, word joiner, BOM anywhere, soft hyphen,
// Mongolian vowel separator, bidi marks and controls (they come along in copied web text).
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e\u202a-\u202e\u2066-\u2069]/g;
// C0 controls other than tab and line feed, DEL, and C1 controls: never text in a letter.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
// Latin ligatures as copied out of PDFs ("ﬁnanciën").
const LIGATURES: Record<string, string> = {
  '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st',
};

/**
 * Normalise text for the letter parser: LF line breaks, odd spaces as spaces, invisible and control
 * characters dropped, ligatures expanded, NFC, no trailing whitespace on lines, no trailing blank
 * lines. Tabs are kept: they separate labels from text in some letters.
 */
export function normaliseText(text: string): string {
  const lines = text
    .replace(/\r\n?|[\u2028\u2029\u0085\f\v]/g, '\n')
    .replace(ODD_SPACES, ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(/[\ufb00-\ufb06]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFC')
    .split('\n')
    .map(trimBlankEnd);
  // No trailing blank lines (by hand too: `/\n+$/` is quadratic on a long run of blank lines).
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/**
 * A line without its trailing spaces and tabs. By hand: `/[ \t]+$/` tries again from every
 * blank of a run that does not end the line, so a line with 200,000 spaces inside took seconds.
 */
export function trimBlankEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/**
 * Whether decoded text is really binary data: NUL bytes or a high share of control characters
 * (text files hold none besides tab, line feed, carriage return and form feed).
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) controls++;
  }
  return controls / sample.length > 0.02;
}

export interface TextResult {
  text: string;
  warnings: ParseWarning[];
}

export const NOT_A_DOCUMENT = 'the file is not a text, PDF, DOCX or HTML document';

/**
 * Decode text-like bytes (text, markdown, HTML), refusing binary data. `file` names the input in
 * the error.
 */
export function decodeTextFile(data: Uint8Array, file: string): TextResult {
  const { text, encoding } = decodeText(data);
  if (looksBinary(text)) throw new InputError(NOT_A_DOCUMENT, { file });
  const warnings: ParseWarning[] = [];
  if (encoding === 'windows-1252') {
    warnings.push({ line: null, message: 'the file is not valid UTF-8; read it as windows-1252' });
  }
  return { text, warnings };
}

/** Read a plain text or markdown file's bytes. */
export function readText(data: Uint8Array, file: string): TextResult {
  const { text, warnings } = decodeTextFile(data, file);
  return { text: normaliseText(text), warnings };
}
