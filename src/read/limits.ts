/**
 * The limits every reader works under: the file's size, the time a reader may take, the inflated
 * size and entry count of a zip (DOCX, ODT), the pages of a PDF. One module, so that every format
 * refuses the same hostile input with the same words.
 */
import { InputError } from '../errors.js';

/** Limits for reading one document. Every reader gets a size and a time limit. */
export interface ReadOptions {
  /** Largest input file in bytes. Default 20 MB. */
  maxBytes?: number;
  /** Time limit for reading one document (PDF, DOCX, ODT, RTF), in milliseconds. Default 20 000. */
  timeoutMs?: number;
  /** Largest total inflated size of a DOCX's or ODT's zip entries, in bytes. Default 50 MB. */
  maxInflatedBytes?: number;
  /** Most entries a DOCX or ODT zip may hold. Default 5000. */
  maxZipEntries?: number;
  /** Most pages read from a PDF. Default 1000. */
  maxPages?: number;
  /**
   * Most characters of text a reader hands on. Default 4 million: the largest policy document the
   * tool has seen (the 2005 beleidsnota, 70 pages) is 0.45 million; a 130 KB DOCX can hold 30 MB of
   * paragraphs, which no later stage should have to chew through.
   */
  maxTextChars?: number;
  /**
   * PDF: also read each page's font names, so that headings set in bold in the body's size are
   * found (`SourceText.headings`), and its ruling lines, which part a table's rows (pdf-table.ts).
   * It costs a second pdf.js pass over each page (about half the reading time again); a letter
   * does not need it. Default false.
   */
  fontNames?: boolean;
}

export type ReadLimits = Required<Omit<ReadOptions, 'fontNames'>>;

export const DEFAULT_READ_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 20_000,
  maxInflatedBytes: 50 * 1024 * 1024,
  maxZipEntries: 5000,
  maxPages: 1000,
  maxTextChars: 4_000_000,
} as const satisfies ReadLimits;

export function resolveLimits(options: ReadOptions = {}): ReadLimits {
  const pick = (value: number | undefined, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
  return {
    maxBytes: pick(options.maxBytes, DEFAULT_READ_LIMITS.maxBytes),
    timeoutMs: pick(options.timeoutMs, DEFAULT_READ_LIMITS.timeoutMs),
    maxInflatedBytes: pick(options.maxInflatedBytes, DEFAULT_READ_LIMITS.maxInflatedBytes),
    maxZipEntries: pick(options.maxZipEntries, DEFAULT_READ_LIMITS.maxZipEntries),
    maxPages: pick(options.maxPages, DEFAULT_READ_LIMITS.maxPages),
    maxTextChars: pick(options.maxTextChars, DEFAULT_READ_LIMITS.maxTextChars),
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

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}

/**
 * The work a reader that runs in this thread may do: a clock and a text budget, checked by the
 * reader as it goes (every few hundred tags or tokens). The readers written here (DOCX, ODT, RTF)
 * do linear work per byte, so checking as they go is a real bound; pdf.js is not ours and runs in a
 * worker that a timer can stop.
 */
export class WorkBudget {
  private readonly deadline: number;
  private ticks = 0;
  private chars = 0;

  constructor(
    private readonly limits: ReadLimits,
    private readonly file: string,
    /** "DOCX", "ODT", "RTF": names the format in the messages. */
    private readonly format: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadline = now() + limits.timeoutMs;
  }

  /** Called for every unit of work (a tag, a token); looks at the clock every 1024 units. */
  tick(): void {
    if ((++this.ticks & 1023) !== 0) return;
    if (this.now() > this.deadline) {
      throw new InputError(`reading the ${this.format} took longer than ${formatDuration(this.limits.timeoutMs)}; the time limit stopped it`, { file: this.file });
    }
  }

  /** Count text handed on; refuses a document with more text than the limit. */
  text(length: number): void {
    this.chars += length;
    if (this.chars > this.limits.maxTextChars) {
      throw new InputError(`the ${this.format} holds more than ${(this.limits.maxTextChars / 1_000_000).toLocaleString('en')} million characters of text, more than any letter or policy document; it is refused`, { file: this.file });
    }
  }
}
