/**
 * Reading a source document: enforce the size limit, pick the format from the bytes and the name
 * (formats.ts), hand the bytes to that format's reader, loaded only now. Every failure is an
 * InputError naming the file, one line, never a stack trace.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { ParseWarning } from '../model.js';
import type { StructuredDocument } from './document.js';
import { detectFormat, formatEntry, type SourceFormat } from './formats.js';
import type { HeadingMark } from './heading-marks.js';
import { DEFAULT_READ_LIMITS, displayName, formatMegabytes, resolveLimits, type ReadOptions } from './limits.js';

export type { HeadingMark } from './heading-marks.js';
export type { StructuredDocument } from './document.js';
export { detectFormat, type DetectedFormat, type SourceFormat } from './formats.js';
export { DEFAULT_READ_LIMITS, displayName, formatMegabytes, resolveLimits, type ReadLimits, type ReadOptions } from './limits.js';

/** The text of a source document, as plain text lines, list labels materialised as text. */
export interface SourceText {
  name: string;
  format: SourceFormat;
  /**
   * The text: one line per paragraph (PDF: per printed line), a blank line between paragraphs,
   * list items as `label text` indented two spaces per level, an item's further lines indented to
   * its text, table rows as tab-separated cells, footnote references as superscript digits and
   * the footnotes as `N text` lines at the end.
   */
  text: string;
  warnings: ParseWarning[];
  /**
   * Lines the reader recognised as headings by their look (PDF fonts, DOCX/ODT heading styles,
   * RTF outline levels, HTML `<h1>`..`<h6>`); empty for plain text. The policy converter uses
   * them, the letter parser not.
   */
  headings: HeadingMark[];
  /**
   * The page as HTML, from the HTML reader (as decoded): bold, italics, links, lists and table
   * cells are there, which `text` flattens; the memo reader (`import-answers`) uses it. The office
   * formats give their structure as `document` instead. Absent for PDF and plain text.
   */
  html?: string;
  /**
   * The structure behind the text, for the office formats (DOCX, ODT, RTF): paragraphs with their
   * runs (bold, italic, note references), list items with level and label, headings, tables with
   * their cells, and the notes; for a PDF that holds a table, its paragraphs, headings and tables
   * as the layout gives them (read-pdf.ts). Absent for other PDFs, HTML and text.
   */
  document?: StructuredDocument;
}

/**
 * Read a document's bytes into text. Throws only InputError: for an empty, oversized, binary,
 * encrypted, scanned or damaged document, with the name in the error's location.
 */
export async function readSource(input: { name: string; data: Uint8Array }, options: ReadOptions = {}): Promise<SourceText> {
  const { name, data } = input;
  const file = displayName(name);
  const limits = resolveLimits(options);
  if (data.length === 0) throw new InputError('the file is empty', { file });
  if (data.length > limits.maxBytes) {
    throw new InputError(`the file is larger than the ${formatMegabytes(limits.maxBytes)} limit (${formatMegabytes(data.length)})`, { file });
  }
  const format = detectFormat(name, data);
  if (typeof format === 'object') throw new InputError(format.refuse, { file });
  const entry = formatEntry(format);
  const textual = format === 'text' || format === 'markdown' || format === 'html';
  let result;
  try {
    const reader = await entry.load();
    result = await reader(data, { file, limits, fontNames: options.fontNames ?? false });
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A reader bug or a library failure on a hostile file: still one line for the user.
    const reason = error instanceof RangeError && /call stack/i.test(error.message) ? 'it is nested too deeply' : error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`the ${textual ? 'file' : entry.name} cannot be read (${reason})`, { file });
  }
  if (result.text.trim() === '') {
    throw new InputError(textual ? 'the file holds no text' : `the ${entry.name} holds no text`, { file });
  }
  if (result.text.length > limits.maxTextChars) {
    throw new InputError(`the file holds more than ${(limits.maxTextChars / 1_000_000).toLocaleString('en')} million characters of text, more than any letter or policy document; it is refused`, { file });
  }
  const source: SourceText = { name, format, text: result.text, warnings: result.warnings, headings: result.headings ?? [] };
  if (result.document) source.document = result.document;
  if (result.html !== undefined) source.html = result.html;
  return source;
}

/**
 * Read a document from disk. The size is checked on the open file before any byte is read, and
 * the read is capped anyway, so a file that grows meanwhile (or a pipe) cannot exceed the limit.
 */
export async function readSourceFile(path: string, options: ReadOptions = {}): Promise<SourceText> {
  const data = await readFileBytes(path, { maxBytes: resolveLimits(options).maxBytes });
  return readSource({ name: path, data }, options);
}

/**
 * The bytes of a regular file, at most `maxBytes` (default: the readers' limit), as every reader
 * of documents takes them: opened without waiting (a FIFO waits for a writer that may never
 * come), only a regular file read (never a FIFO, a device or /dev/zero), the size checked before
 * a byte is read and the read capped anyway. Every failure is one InputError naming `display`.
 */
export async function readFileBytes(path: string, options: { display?: string; maxBytes?: number } = {}): Promise<Uint8Array> {
  const file = options.display ?? path;
  const maxBytes = options.maxBytes ?? DEFAULT_READ_LIMITS.maxBytes;
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputError(describeFsError(error), { file });
  }
  try {
    let stats;
    try {
      stats = await handle.stat();
    } catch (error) {
      throw new InputError(describeFsError(error), { file });
    }
    if (stats.isDirectory()) throw new InputError('this is a directory, not a document', { file });
    if (!stats.isFile()) throw new InputError(NOT_REGULAR, { file });
    if (stats.size === 0) throw new InputError('the file is empty', { file });
    if (stats.size > maxBytes) {
      throw new InputError(`the file is larger than the ${formatMegabytes(maxBytes)} limit (${formatMegabytes(stats.size)})`, { file });
    }
    return await readCapped(handle, maxBytes, file);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function readCapped(handle: import('node:fs/promises').FileHandle, maxBytes: number, path: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const buffer = new Uint8Array(Math.min(1024 * 1024, maxBytes + 1 - total));
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
    } catch (error) {
      throw new InputError(describeFsError(error), { file: path });
    }
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) {
      throw new InputError(`the file is larger than the ${formatMegabytes(maxBytes)} limit`, { file: path });
    }
  }
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return data;
}

/** A FIFO never ends if nothing writes to it, /dev/zero never ends at all: only regular files are read. */
export const NOT_REGULAR = 'is not a regular file (a pipe, device or socket); save the document as a file first';

function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file (permission denied)';
    case 'EISDIR':
      return 'this is a directory, not a document';
    case 'ELOOP':
      return 'cannot read the file (too many symbolic links)';
    default:
      return `cannot read the file (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
