/**
 * Reading a question letter: pick the format from the bytes (magic numbers) and the name, enforce
 * the size limit, hand the bytes to the reader for that format. Every failure is an InputError
 * naming the file; the heavy readers (pdf.js, mammoth) are loaded only when a PDF or DOCX arrives.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import type { ParseWarning } from '../model.js';
import type { HeadingMark } from './heading-marks.js';
import { decodeText, readText } from './read-text.js';

export type { HeadingMark } from './heading-marks.js';

export type SourceFormat = 'pdf' | 'docx' | 'html' | 'text' | 'markdown';

/** The text of a source document, as plain text lines, list labels materialised as text. */
export interface SourceText {
  name: string;
  format: SourceFormat;
  text: string;
  warnings: ParseWarning[];
  /**
   * Lines the reader recognised as headings by their look (PDF fonts, DOCX heading styles, HTML
   * `<h1>`..`<h6>`); empty for plain text. The policy converter uses them, the letter parser not.
   */
  headings: HeadingMark[];
}

/** Limits for reading one document. Every reader gets a size limit, the slow ones a time limit. */
export interface ReadOptions {
  /** Largest input file in bytes. Default 20 MB. */
  maxBytes?: number;
  /** Time limit for reading a PDF, in milliseconds. Default 20 000. */
  timeoutMs?: number;
  /** Largest total inflated size of a DOCX's zip entries, in bytes. Default 50 MB. */
  maxInflatedBytes?: number;
  /** Most entries a DOCX zip may hold. Default 5000. */
  maxZipEntries?: number;
  /** Most pages read from a PDF. Default 1000. */
  maxPages?: number;
  /**
   * PDF: also read each page's font names, so that headings set in bold in the body's size are
   * found (`SourceText.headings`). It costs a second pdf.js pass over each page (about half the
   * reading time again); a letter does not need it. Default false.
   */
  fontNames?: boolean;
}

export const DEFAULT_READ_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 20_000,
  maxInflatedBytes: 50 * 1024 * 1024,
  maxZipEntries: 5000,
  maxPages: 1000,
} as const satisfies ReadLimits;

export type ReadLimits = Required<Omit<ReadOptions, 'fontNames'>>;

export function resolveLimits(options: ReadOptions = {}): ReadLimits {
  const pick = (value: number | undefined, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
  return {
    maxBytes: pick(options.maxBytes, DEFAULT_READ_LIMITS.maxBytes),
    timeoutMs: pick(options.timeoutMs, DEFAULT_READ_LIMITS.timeoutMs),
    maxInflatedBytes: pick(options.maxInflatedBytes, DEFAULT_READ_LIMITS.maxInflatedBytes),
    maxZipEntries: pick(options.maxZipEntries, DEFAULT_READ_LIMITS.maxZipEntries),
    maxPages: pick(options.maxPages, DEFAULT_READ_LIMITS.maxPages),
  };
}

/** The name used in errors: standard input is `-` on the command line. */
export function displayName(name: string): string {
  return name === '-' ? '<stdin>' : name;
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  // Two decimals below 100 MB, so a size just over a limit does not read as the limit itself.
  return `${mb < 100 ? Math.round(mb * 100) / 100 : Math.round(mb)} MB`;
}

/** What the bytes are, by magic number first and by extension second. */
export type DetectedFormat = SourceFormat | { refuse: string };

export function detectFormat(name: string, data: Uint8Array): DetectedFormat {
  // The PDF header may follow some junk; readers accept it within the first 1024 bytes.
  if (indexOfAscii(data, '%PDF-', 1024) >= 0) return 'pdf';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) {
    return detectZip(data);
  }
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { refuse: 'the file is a Word 97-2003 (.doc) or other legacy Office file; save it as DOCX or PDF first' };
  }
  if (startsWith(data, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    return { refuse: 'the file is an RTF document; save it as DOCX, PDF or plain text first' };
  }
  const ext = extname(name).toLowerCase();
  if (ext === '.pdf') return { refuse: 'the file is not a PDF (no %PDF header); it is damaged or has the wrong extension' };
  if (ext === '.docx') return { refuse: 'the file is not a DOCX (not a zip archive); it is damaged or has the wrong extension' };
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.txt' || ext === '.text') return 'text';
  return sniffText(data);
}

/** Without a telling extension (standard input, `.eml`, no extension): HTML or plain text. */
function sniffText(data: Uint8Array): SourceFormat {
  const head = decodeText(data.subarray(0, 2048)).text.replace(/^[\s\ufeff]+/, '').slice(0, 512).toLowerCase();
  if (/^<(!doctype\s+html|html|head|body|meta\b|!--)/.test(head)) return 'html';
  if (/^<(div|p|h[1-6]|table|ul|ol|article|section|main|span)[\s>]/.test(head)) return 'html';
  return 'text';
}

/**
 * A zip is a DOCX when it holds `word/document.xml`. The names are read from the local file
 * headers and the central directory without inflating anything.
 */
function detectZip(data: Uint8Array): DetectedFormat {
  const { names, complete } = zipNames(data);
  if (!complete) {
    // No central directory: a truncated download or copy. Local headers still name the entries.
    if ([...names].some((n) => n.startsWith('word/'))) return { refuse: 'the DOCX is damaged (the zip archive is truncated)' };
    return { refuse: 'the file is a damaged zip archive, not a readable DOCX' };
  }
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('mimetype') && indexOfAscii(data, 'application/vnd.oasis.opendocument', 200) >= 0) {
    return { refuse: 'the file is an OpenDocument file; save it as DOCX or PDF first' };
  }
  if ([...names].some((n) => n.startsWith('ppt/') || n.startsWith('xl/'))) {
    return { refuse: 'the file is a PowerPoint or Excel file, not a letter; save the letter as DOCX or PDF' };
  }
  return { refuse: 'the file is a zip archive, not a DOCX document' };
}

/** Entry names from the central directory (complete), or else from the local file headers. */
function zipNames(data: Uint8Array): { names: Set<string>; complete: boolean } {
  const decoder = new TextDecoder();
  const collect = (signature: number, nameLengthAt: number, nameAt: number): Set<string> => {
    const names = new Set<string>();
    for (let i = 0; i + nameAt <= data.length && names.size < 100_000; i++) {
      if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === signature && data[i + 3] === signature + 1) {
        const len = data[i + nameLengthAt]! | (data[i + nameLengthAt + 1]! << 8);
        if (i + nameAt + len <= data.length) names.add(decoder.decode(data.subarray(i + nameAt, i + nameAt + len)));
      }
    }
    return names;
  };
  // Central directory file headers (PK\1\2): name length at +28, name at +46.
  const central = collect(0x01, 28, 46);
  if (central.size > 0) return { names: central, complete: true };
  // Local file headers (PK\3\4): name length at +26, name at +30.
  return { names: collect(0x03, 26, 30), complete: false };
}

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

function indexOfAscii(data: Uint8Array, needle: string, within: number): number {
  const end = Math.min(data.length, within + needle.length) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (data[i + j] !== needle.charCodeAt(j)) continue outer;
    }
    return i;
  }
  return -1;
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
  try {
    switch (format) {
      case 'pdf': {
        const { readPdf } = await import('./read-pdf.js');
        return finish(name, 'pdf', await readPdf(data, { file, limits, fontNames: options.fontNames ?? false }));
      }
      case 'docx': {
        const { readDocx } = await import('./read-docx.js');
        return finish(name, 'docx', await readDocx(data, { file, limits }));
      }
      case 'html': {
        const { readHtml } = await import('./read-html.js');
        return finish(name, 'html', readHtml(data, file));
      }
      case 'text':
      case 'markdown':
        return finish(name, format, readText(data, file));
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A reader bug or a library failure on a hostile file: still one line for the user.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`the ${format === 'text' || format === 'markdown' ? 'file' : format.toUpperCase()} cannot be read (${reason})`, { file });
  }
}

function finish(name: string, format: SourceFormat, result: { text: string; warnings: ParseWarning[]; headings?: HeadingMark[] }): SourceText {
  if (result.text.trim() === '') {
    throw new InputError(format === 'pdf' || format === 'docx' ? `the ${format.toUpperCase()} holds no text` : 'the file holds no text', {
      file: displayName(name),
    });
  }
  return { name, format, text: result.text, warnings: result.warnings, headings: result.headings ?? [] };
}

/**
 * Read a document from disk. The size is checked on the open file before any byte is read, and
 * the read is capped anyway, so a file that grows meanwhile (or a pipe) cannot exceed the limit.
 */
export async function readSourceFile(path: string, options: ReadOptions = {}): Promise<SourceText> {
  const limits = resolveLimits(options);
  let handle;
  try {
    // Non-blocking: opening a FIFO waits for a writer, which may never come.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputError(describeFsError(error), { file: path });
  }
  try {
    let stats;
    try {
      stats = await handle.stat();
    } catch (error) {
      throw new InputError(describeFsError(error), { file: path });
    }
    if (stats.isDirectory()) throw new InputError('this is a directory, not a document', { file: path });
    if (!stats.isFile()) throw new InputError(NOT_REGULAR, { file: path });
    if (stats.size === 0) throw new InputError('the file is empty', { file: path });
    if (stats.size > limits.maxBytes) {
      throw new InputError(`the file is larger than the ${formatMegabytes(limits.maxBytes)} limit (${formatMegabytes(stats.size)})`, { file: path });
    }
    const data = await readCapped(handle, limits.maxBytes, path);
    return await readSource({ name: path, data }, options);
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
