/**
 * Reading a question or answer document's file for the commands that go through many of them
 * (`answer check`, `answer status`): only a regular file (a link to `/dev/zero` or a FIFO in a
 * pull request must not hang the CI gate or grow its memory), at most the markdown reader's size
 * limit, decoded as `answer parse` decodes it (UTF-8, UTF-16 by its byte order mark, else
 * Windows-1252, the "ANSI" of Windows editors, with a warning). Never throws: what keeps a file
 * from being read is a `schema` problem of that file.
 *
 * Synchronous on purpose: for the 2,000 small files of bench/check.ts `readFileSync` takes
 * 20-35 ms where promise-based `readFile` (64 at a time) takes 100-150 ms: open, fstat, read and
 * close are separate round trips.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, type Stats, statSync } from 'node:fs';
import { MAX_MARKDOWN_BYTES } from '../io/markdown.js';
import type { Problem } from '../model.js';
import { decodeText, looksBinary, type TextEncoding } from '../read/read-text.js';

export interface DocumentFile {
  /** The text, or null when the file could not be read (`problems` says why). */
  text: string | null;
  encoding: TextEncoding | null;
  /** Errors that kept the file from being read; a warning when it was read in another encoding than UTF-8. */
  problems: Problem[];
}

export interface ReadDocumentOptions {
  /** How problems name the file (workspace-relative). */
  file: string;
  /** Largest file read (default: the markdown reader's limit, 2 MB). */
  maxBytes?: number;
  /** Read only the first bytes (for a front matter), not the whole file. */
  headBytes?: number;
}

export const NOT_TEXT = 'The file is not UTF-8 text; a question or answer document is markdown';

/** Read a document file (see the top of this file). */
export function readDocumentFile(path: string, options: ReadDocumentOptions): DocumentFile {
  const { file, maxBytes = MAX_MARKDOWN_BYTES } = options;
  const fail = (message: string): DocumentFile => ({ text: null, encoding: null, problems: [{ code: 'schema', severity: 'error', message, file, line: null }] });
  if (options.headBytes === undefined) {
    const text = readUtf8(path, maxBytes);
    if (typeof text === 'string') return { text, encoding: 'utf-8', problems: [] };
    if (text !== null) return fail(text.problem);
  }
  const bytes = readBytes(path, maxBytes, options.headBytes);
  if (typeof bytes === 'string') return fail(bytes);
  const { text, encoding } = decode(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    // Decoded again strictly: an odd byte or a lone surrogate is not UTF-16 text.
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      return fail(NOT_TEXT);
    }
  }
  if (text.includes('\0') || (encoding !== 'utf-8' && looksBinary(text))) return fail(NOT_TEXT);
  const problems: Problem[] = [];
  if (encoding !== 'utf-8' && options.headBytes === undefined) {
    const name = encoding === 'windows-1252' ? 'Windows-1252 ("ANSI")' : encoding.toUpperCase();
    problems.push({ code: 'schema', severity: 'warning', message: `The file is saved as ${name}, not UTF-8; it was read as ${name}: save it as UTF-8`, file, line: null });
  }
  return { text: text.replace(/^\ufeff/, ''), encoding, problems };
}

/**
 * `decodeText` of the readers, with its most common case first: UTF-8 without zero bytes (a file
 * with zero bytes may be UTF-16 without a byte order mark, which `decodeText` recognises). Node's
 * own UTF-8 decoding is twice as fast as a strict TextDecoder; it writes U+FFFD for what is not
 * UTF-8, so only text holding U+FFFD is decoded again strictly, by `decodeText`.
 */
function decode(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes.length >= 2 && (bytes[0] === 0xff || bytes[0] === 0xfe || bytes[0] === 0xef)) return decodeText(bytes);
  const text = bytes.toString('utf8');
  if (!text.includes('\ufffd') && !text.includes('\0')) return { text, encoding: 'utf-8' };
  return decodeText(bytes);
}

/**
 * The most common file whole: UTF-8 without a byte order mark, a zero byte or anything that is not
 * UTF-8, decoded by node's own reader (`readFileSync` with an encoding reads and decodes in one
 * call, as the floor of bench/check.ts reads: 2,000 files in 50 ms, where a buffer and its
 * `toString` took 70). Null when the text holds U+FFFD, U+FEFF first or a zero byte, and for an
 * empty file: then the bytes are read by `readBytes` and decoded as `decode` says. Only a file that
 * says it has bytes: a file of the kernel's (`/proc`) says 0 and can give gigabytes, which
 * `readBytes` never reads past one. A file that grew past its size in characters while it was read
 * is refused as `readBytes` refuses it.
 */
function readUtf8(path: string, maxBytes: number): string | null | { problem: string } {
  // Looked at by path, then read by path: node reads a whole file in one call of its own (open,
  // read and close in C++), where an open descriptor took four (bench/check.ts, 2,000 files).
  // The path is a checked-out file, not one being swapped under the check: a FIFO or a device is
  // refused here, before anything opens it.
  const size = regularSize(path, maxBytes);
  if (typeof size === 'string') return { problem: size };
  if (size === 0) return null;
  try {
    const text = readFileSync(path, 'utf8');
    if (text.length > size) return { problem: `The file is larger than ${formatSize(maxBytes)}, or grew while it was read` };
    if (text.charCodeAt(0) === 0xfeff || text.includes('\ufffd') || text.includes('\0')) return null;
    return text;
  } catch (error) {
    return { problem: describe(error) };
  }
}

/** The size of a regular file of at most `maxBytes`, or why it cannot be read (a sentence). Never throws. */
function regularSize(path: string, maxBytes: number): number | string {
  try {
    const info = statSync(path);
    return info.isFile() ? checkedSize(info, maxBytes) : notAFile(info);
  } catch (error) {
    return describe(error);
  }
}

function notAFile(info: Stats): string {
  return info.isDirectory() ? 'This is a folder, not a document' : 'This is not a regular file (a device, a pipe or a socket); a document is a markdown file';
}

function checkedSize(info: Stats, maxBytes: number): number | string {
  if (info.size > maxBytes) return `The file is larger than ${formatSize(maxBytes)} (${formatSize(info.size)}); a question or answer document is some tens of kB`;
  return info.size;
}

/** A regular file opened for reading and its size, or why it cannot be read (a sentence). Never throws. */
function openRegular(path: string, maxBytes: number): { fd: number; size: number } | string {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return describe(error);
  }
  try {
    const info = fstatSync(fd);
    const size = info.isFile() ? checkedSize(info, maxBytes) : notAFile(info);
    if (typeof size === 'string') {
      closeSync(fd);
      return size;
    }
    return { fd, size };
  } catch (error) {
    closeSync(fd);
    return describe(error);
  }
}

/**
 * The bytes of a regular file, up to `maxBytes` (or the first `headBytes`, cut at a line break), or
 * why they cannot be read (a sentence). Never throws.
 */
export function readBytes(path: string, maxBytes: number, headBytes: number | undefined): Buffer | string {
  const opened = openRegular(path, maxBytes);
  if (typeof opened === 'string') return opened;
  const { fd, size } = opened;
  try {
    const want = Math.min(size, headBytes ?? size);
    // One byte more than the file said it had: a file that grows while it is read is caught.
    const buffer = Buffer.allocUnsafe(want + 1);
    let read = 0;
    for (;;) {
      const n = readSync(fd, buffer, read, buffer.length - read, null);
      if (n === 0) break;
      read += n;
      if (read === buffer.length) {
        if (headBytes !== undefined) break;
        return `The file is larger than ${formatSize(maxBytes)}, or grew while it was read`;
      }
    }
    if (headBytes === undefined || want === size) return buffer.subarray(0, Math.min(read, size));
    // A head ends at its last line break, so that no character is cut in two.
    const head = buffer.subarray(0, Math.min(read, want));
    return head.subarray(0, head.lastIndexOf(10) + 1);
  } catch (error) {
    return describe(error);
  } finally {
    closeSync(fd);
  }
}

function describe(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'The file cannot be read: it does not exist (a link to nowhere?)';
    case 'EACCES':
    case 'EPERM':
      return 'The file cannot be read: permission denied';
    case 'ELOOP':
      return 'The file cannot be read: a link that points to itself';
    default:
      return `The file cannot be read: ${(error as Error).message}`;
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}
