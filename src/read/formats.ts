/**
 * The formats the readers know, in one table: how each is recognised (magic bytes, zip entries,
 * extension) and which module reads it, imported only when a file of that format arrives. A new
 * format is one entry here and one reader file.
 */
import type { ParseWarning } from '../model.js';
import type { StructuredDocument } from './document.js';
import type { HeadingMark } from './heading-marks.js';
import type { ReadLimits } from './limits.js';
import { isZip, zipEntryNames } from './zip.js';
import { decodeText } from './read-text.js';

export type SourceFormat = 'pdf' | 'docx' | 'odt' | 'rtf' | 'html' | 'text' | 'markdown';

/** What a reader gives back. */
export interface ReaderResult {
  text: string;
  warnings: ParseWarning[];
  headings?: HeadingMark[];
  document?: StructuredDocument;
  /** The page as decoded (HTML only), for readers of memos that need its markup. */
  html?: string;
}

export interface ReaderContext {
  /** The file's name as errors show it. */
  file: string;
  limits: ReadLimits;
  /** PDF: read the fonts' names too (heading looks), and the ruling lines (table rows). */
  fontNames: boolean;
}

export type Reader = (data: Uint8Array, context: ReaderContext) => Promise<ReaderResult> | ReaderResult;

/** What detection looks at: the bytes, and for a zip the names of its entries. */
export interface Probe {
  data: Uint8Array;
  /** Lower-case extension with its dot (".pdf"), or ''. */
  ext: string;
  /** The zip's entry names, when the bytes are a zip; `complete` false when the directory is missing. */
  zip: { names: Set<string>; complete: boolean } | null;
}

export interface FormatEntry {
  format: SourceFormat;
  /** The format's name in messages ("PDF"). */
  name: string;
  /** Whether the bytes are this format; null when only the extension can tell. */
  magic: ((probe: Probe) => boolean) | null;
  /** Extensions that name this format. */
  extensions: string[];
  /** The reader, loaded when needed. */
  load: () => Promise<Reader>;
}

const startsWithAscii = (data: Uint8Array, text: string, at = 0): boolean =>
  data.length >= at + text.length && [...text].every((c, i) => data[at + i] === c.charCodeAt(0));

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

/** An OpenDocument text: `mimetype` first in the zip, saying so (stored, so readable in place). */
const isOdt = (probe: Probe): boolean =>
  probe.zip !== null && probe.zip.complete && probe.zip.names.has('content.xml') && indexOfAscii(probe.data, 'application/vnd.oasis.opendocument.text', 200) >= 0;

export const FORMATS: readonly FormatEntry[] = [
  {
    format: 'pdf',
    name: 'PDF',
    // The PDF header may follow some junk; readers accept it within the first 1024 bytes.
    magic: (p) => indexOfAscii(p.data, '%PDF-', 1024) >= 0,
    extensions: ['.pdf'],
    load: async () => (await import('./read-pdf.js')).readPdf,
  },
  {
    format: 'docx',
    name: 'DOCX',
    magic: (p) => p.zip !== null && p.zip.complete && p.zip.names.has('word/document.xml'),
    extensions: ['.docx', '.docm', '.dotx'],
    load: async () => (await import('./read-docx.js')).readDocx,
  },
  {
    format: 'odt',
    name: 'ODT',
    magic: isOdt,
    extensions: ['.odt', '.ott'],
    load: async () => (await import('./read-odt.js')).readOdt,
  },
  {
    format: 'rtf',
    name: 'RTF',
    magic: (p) => startsWithAscii(p.data, '{\\rtf') || (p.data[0] === 0xef && startsWithAscii(p.data, '{\\rtf', 3)),
    extensions: ['.rtf'],
    load: async () => (await import('./read-rtf.js')).readRtf,
  },
  {
    format: 'html',
    name: 'HTML',
    magic: null,
    extensions: ['.html', '.htm', '.xhtml'],
    load: async () => {
      const { readHtml } = await import('./read-html.js');
      return (data, context) => readHtml(data, context.file);
    },
  },
  {
    format: 'markdown',
    name: 'markdown',
    magic: null,
    extensions: ['.md', '.markdown'],
    load: async () => {
      const { readText } = await import('./read-text.js');
      return (data, context) => readText(data, context.file);
    },
  },
  {
    format: 'text',
    name: 'text',
    magic: null,
    extensions: ['.txt', '.text'],
    load: async () => {
      const { readText } = await import('./read-text.js');
      return (data, context) => readText(data, context.file);
    },
  },
];

/** Files recognised only to be refused, with what to do instead. */
const REFUSED: ReadonlyArray<{ magic: (probe: Probe) => boolean; refuse: string }> = [
  {
    magic: (p) => [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => p.data[i] === b),
    refuse: 'the file is a Word 97-2003 (.doc) or other legacy Office file; save it as DOCX or PDF first',
  },
  {
    magic: (p) => p.zip !== null && !p.zip.complete,
    refuse: 'damaged',
  },
  {
    magic: (p) => p.zip !== null && p.zip.names.has('mimetype') && indexOfAscii(p.data, 'application/vnd.oasis.opendocument', 200) >= 0,
    refuse: 'the file is an OpenDocument spreadsheet or presentation, not a text; save the letter as ODT, DOCX or PDF',
  },
  {
    magic: (p) => p.zip !== null && [...p.zip.names].some((n) => n.startsWith('ppt/') || n.startsWith('xl/')),
    refuse: 'the file is a PowerPoint or Excel file, not a letter; save the letter as DOCX or PDF',
  },
  { magic: (p) => p.zip !== null, refuse: 'the file is a zip archive, not a DOCX or ODT document' },
];

/** What the bytes are, by magic number first and by extension second. */
export type DetectedFormat = SourceFormat | { refuse: string };

export function formatEntry(format: SourceFormat): FormatEntry {
  return FORMATS.find((f) => f.format === format)!;
}

export function detectFormat(name: string, data: Uint8Array): DetectedFormat {
  const dot = name.lastIndexOf('.');
  const ext = dot > name.lastIndexOf('/') && dot >= 0 ? name.slice(dot).toLowerCase() : '';
  const probe: Probe = { data, ext, zip: isZip(data) ? zipEntryNames(data) : null };
  for (const entry of FORMATS) if (entry.magic?.(probe)) return entry.format;
  for (const refusal of REFUSED) {
    if (!refusal.magic(probe)) continue;
    if (refusal.refuse !== 'damaged') return { refuse: refusal.refuse };
    // No central directory: a truncated download or copy. Local headers still name the entries.
    const names = [...probe.zip!.names];
    if (names.some((n) => n.startsWith('word/'))) return { refuse: 'the DOCX is damaged (the zip archive is truncated)' };
    if (names.includes('content.xml') || names.includes('mimetype')) return { refuse: 'the ODT is damaged (the zip archive is truncated)' };
    return { refuse: 'the file is a damaged zip archive, not a readable DOCX or ODT' };
  }
  const byExtension = FORMATS.find((f) => f.extensions.includes(ext));
  if (byExtension?.magic) {
    const what = byExtension.format === 'pdf' ? 'no %PDF header' : byExtension.format === 'rtf' ? 'no {\\rtf header' : 'not a zip archive';
    return { refuse: `the file is not a${/^[aeiou]/i.test(byExtension.name) || byExtension.name === 'RTF' ? 'n' : ''} ${byExtension.name} (${what}); it is damaged or has the wrong extension` };
  }
  if (byExtension) return byExtension.format;
  return sniffText(data);
}

/** Without a telling extension (standard input, `.eml`, no extension): HTML or plain text. */
function sniffText(data: Uint8Array): SourceFormat {
  const head = decodeText(data.subarray(0, 2048)).text.replace(/^[\s\ufeff]+/, '').slice(0, 512).toLowerCase();
  if (/^<(!doctype\s+html|html|head|body|meta\b|!--)/.test(head)) return 'html';
  if (/^<(div|p|h[1-6]|table|ul|ol|article|section|main|span)[\s>]/.test(head)) return 'html';
  return 'text';
}
