/**
 * PDF: pdf.js (in a worker thread with a time limit) gives positioned text items; this module
 * rebuilds the lines a reader sees. Items are grouped by baseline and ordered by x, superscript
 * footnote markers are glued to the word before them ("Thuis’1"), a blank line marks a real
 * paragraph gap, and page furniture (page numbers, running headers and footers) is dropped. A table
 * (pdf-table.ts) is read row by row, each row's cells column by column, and written as the office
 * readers write one: a line per row, its cells apart by a tab; the document then also comes as
 * structure (document.ts), its table with its cells, for the memo reader.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { ParseWarning } from '../model.js';
import { toSuperscript } from '../text/footnote-markers.js';
import { joinLines } from '../text/hyphenation.js';
import { replaceSymbolBullets } from './bullets.js';
import type { Block, StructuredDocument, TableBlock } from './document.js';
import { markHeading, takeHeadingMarks, withoutMarkCharacters, type HeadingMark } from './heading-marks.js';
import { formatDuration, type ReadLimits } from './limits.js';
import { findTables, type FoundTable } from './pdf-table.js';
import { PDF_WORKER_SOURCE, type PdfJob, type PdfWorkerInput, type PdfWorkerOutput, type RawPage, type RawRule } from './read-pdf-worker.js';
import { normaliseText } from './read-text.js';

export interface PdfResult {
  text: string;
  warnings: ParseWarning[];
  /** Lines set in a heading's look: larger than the body text, or (with font names) bolder. */
  headings: HeadingMark[];
  /** The structure, when the PDF holds a table: paragraphs, headings and the tables with their cells. */
  document?: StructuredDocument;
}

export async function readPdf(data: Uint8Array, context: { file: string; limits: ReadLimits; fontNames?: boolean }): Promise<PdfResult> {
  const { file, limits } = context;
  const output = await extractInWorker(data, limits, file, context.fontNames ?? false);
  if (!output.ok) throw describePdfError(output, file);
  const warnings: ParseWarning[] = [];
  if (output.numPages > output.pages.length) {
    warnings.push({ line: null, message: `only the first ${output.pages.length} of ${output.numPages} pages were read` });
  }
  const laid = layoutPages(output.pages);
  const { emptyPages } = laid;
  const { text: normalised, headings } = takeHeadingMarks(normaliseText(laid.text));
  if (normalised.replace(/\s+/g, '') === '') {
    throw new InputError('the PDF has no text layer (a scan?); run OCR first', { file });
  }
  if (emptyPages.length > 0) {
    const which = emptyPages.length > 5 ? `${emptyPages.slice(0, 5).join(', ')}, ...` : emptyPages.join(', ');
    const pages = emptyPages.length > 1 ? `pages ${which} of the PDF hold` : `page ${which} of the PDF holds`;
    warnings.push({ line: null, message: `${pages} no text (scanned?); that text is missing` });
  }
  if (looksGarbled(normalised)) {
    warnings.push({ line: null, message: 'the PDF text layer looks garbled (fonts without a Unicode map); OCR may read it better' });
  }
  return laid.document ? { text: normalised, warnings, headings, document: laid.document } : { text: normalised, warnings, headings };
}

function describePdfError(output: { name: string; message: string }, file: string): InputError {
  if (output.name === 'PasswordException') {
    return new InputError('the PDF is encrypted (password protected); save an unprotected copy first', { file });
  }
  if (output.name === 'InvalidPDFException') {
    return new InputError(`the PDF is damaged (${output.message.replace(/\.$/, '')})`, { file });
  }
  return new InputError(`the PDF is damaged and cannot be read (${output.message.split('\n')[0]})`, { file });
}

/** Private-use, replacement and unassigned-looking characters: what fonts without ToUnicode give. */
function looksGarbled(text: string): boolean {
  const letters = text.replace(/\s+/g, '');
  if (letters.length < 20) return false;
  const bad = letters.match(/[\ue000-\uf8ff\ufffd]/g)?.length ?? 0;
  return bad / letters.length > 0.2;
}

function pdfjsPaths(): { pdfjsUrl: string; cMapUrl: string; standardFontDataUrl: string } {
  const require = createRequire(import.meta.url);
  const pdfjsPath = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(dirname(dirname(pdfjsPath)));
  return {
    pdfjsUrl: pathToFileURL(pdfjsPath).href,
    cMapUrl: `${join(root, 'cmaps')}/`,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  };
}

/**
 * One idle worker is kept between reads (unreferenced, so it never keeps the process alive):
 * loading pdf.js takes a few hundred milliseconds, reading a letter much less. A worker that ran
 * into the time limit or failed is terminated, never reused; after READS_PER_WORKER documents a
 * fresh one is started, so nothing a hostile document left behind lasts.
 */
const READS_PER_WORKER = 50;
/** An idle worker is stopped after this long; a batch of reads follows each other much closer. */
const IDLE_MS = 2000;
let idleWorker: { worker: Worker; reads: number; timer: NodeJS.Timeout } | null = null;
let nextJobId = 1;

function startWorker(): Worker {
  const workerData: PdfWorkerInput = pdfjsPaths();
  const worker = new Worker(PDF_WORKER_SOURCE, {
    eval: true,
    workerData,
    // The worker's code is plain CommonJS: it must not inherit the parent's flags (a parent run
    // with --input-type=module made the worker's `require` fail).
    execArgv: [],
    // No `stdout: true`/`stderr: true`: piped worker stdio kept the process alive after the last
    // read even with the worker unreferenced (`answer parse x.pdf` printed, then hung). The worker
    // silences the console itself, so nothing it prints can reach our stdout.
    // A hostile file must not take the whole process's memory with it.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  worker.on('exit', () => {
    if (idleWorker?.worker === worker) idleWorker = null;
  });
  // An idle worker that fails has no job listening; it just exits.
  worker.on('error', () => undefined);
  return worker;
}

/** Run pdf.js in a worker thread; terminate it when the time limit passes. */
function extractInWorker(data: Uint8Array, limits: ReadLimits, file: string, fontNames: boolean): Promise<PdfWorkerOutput> {
  const taken = idleWorker;
  idleWorker = null;
  if (taken) clearTimeout(taken.timer);
  const worker = taken?.worker ?? startWorker();
  const reads = (taken?.reads ?? 0) + 1;
  worker.ref();
  const copy = new Uint8Array(data);
  const job: PdfJob = { id: nextJobId++, data: copy, maxPages: limits.maxPages, fontNames };
  return new Promise((resolve, reject) => {
    let settled = false;
    const cleanup = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const fail = (error: InputError): void => {
      if (settled) return;
      settled = true;
      cleanup();
      void worker.terminate();
      reject(error);
    };
    const onMessage = (message: PdfWorkerOutput): void => {
      if (settled || message.id !== job.id) return;
      settled = true;
      cleanup();
      if (message.ok && reads < READS_PER_WORKER && idleWorker === null) {
        worker.unref();
        const timer = setTimeout(() => {
          if (idleWorker?.worker !== worker) return;
          idleWorker = null;
          void worker.terminate();
        }, IDLE_MS);
        timer.unref();
        idleWorker = { worker, reads, timer };
      } else {
        void worker.terminate();
      }
      resolve(message);
    };
    const onError = (error: Error & { code?: string }): void => {
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it needs too much memory' : error.message.split('\n')[0];
      fail(new InputError(`the PDF cannot be read (${reason})`, { file }));
    };
    const onExit = (code: number): void => {
      fail(new InputError(`the PDF cannot be read (the reader stopped with code ${code})`, { file }));
    };
    const timer = setTimeout(() => {
      fail(new InputError(`reading the PDF took longer than ${formatDuration(limits.timeoutMs)} (a malformed PDF?); the time limit stopped it`, { file }));
    }, limits.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job, [copy.buffer]);
  });
}

// ---------------------------------------------------------------------------------------------
// Layout: from positioned items to lines

/** A text item in its own writing frame: `x` along the baseline, `y` down the page. */
interface Item {
  text: string;
  x: number;
  y: number;
  w: number;
  size: number;
  /** Raised or lowered and smaller than its line: a footnote marker, an exponent, "1e". */
  script: boolean;
  /** The font's face without its italics, when the font's name is known ("arialboldmt"). */
  face: string | null;
  italic: boolean;
}

/** How a line is set: the size and face that carry most of its characters, and that share. */
interface Look {
  /** Font size to half a point. */
  size: number;
  face: string | null;
  italic: boolean;
  share: number;
}

interface Line {
  items: Item[];
  /** Baseline, top-down. */
  y: number;
  /** Font size of the line's normal (not superscript) text. */
  size: number;
  text: string;
  /** Number of characters, for weighting. */
  chars: number;
  look: Look;
  /** Where the line's text ends along the baseline. */
  right: number;
  /** Where the line's text starts along the baseline (its first normal-size item). */
  left: number;
}

/** Text items grouped by writing direction (quantised to a degree); upright text comes first. */
function itemsByDirection(page: RawPage): Item[][] {
  const groups = new Map<number, Item[]>();
  for (const raw of page.items) {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = raw.m;
    const scaleX = Math.hypot(a, b);
    const size = Math.hypot(c, d);
    if (!(scaleX > 0) || !(size > 0) || !Number.isFinite(e) || !Number.isFinite(f)) continue;
    // Baseline direction u = (a, b)/|.|; in viewport space (y down) upright text has u = (1, 0).
    const angle = Math.round((Math.atan2(b, a) * 180) / Math.PI);
    const ux = a / scaleX;
    const uy = b / scaleX;
    // Position in the item's own frame: along the baseline, and perpendicular to it (downwards).
    const x = e * ux + f * uy;
    const y = -e * uy + f * ux;
    // Symbol and Wingdings bullets come out of the text layer as private-use glyphs (U+F0B7 ...).
    const item: Item = { text: replaceSymbolBullets(withoutMarkCharacters(raw.str)), x, y, w: Math.abs(raw.width), size, script: false, ...faceOf(raw.font ?? null) };
    const group = groups.get(angle);
    if (group) group.push(item);
    else groups.set(angle, [item]);
  }
  const angles = [...groups.keys()].sort((p, q) => Math.abs(p) - Math.abs(q));
  return angles.map((angle) => groups.get(angle)!);
}

/** Group items of one writing direction into lines, top to bottom. */
function groupLines(input: Item[]): Line[] {
  const items = [...input].sort((p, q) => p.y - q.y || p.x - q.x);
  // Pass 1: items on the same baseline (within a fifth of the font size).
  const clusters: { y: number; size: number; items: Item[] }[] = [];
  for (const item of items) {
    const last = clusters[clusters.length - 1];
    if (last && Math.abs(item.y - last.y) <= 0.2 * Math.max(item.size, last.size)) {
      last.items.push(item);
      last.size = Math.max(last.size, item.size);
    } else {
      clusters.push({ y: item.y, size: item.size, items: [item] });
    }
  }
  // Pass 2: a cluster of smaller text just above or below a line's baseline and within its
  // horizontal extent is a superscript or subscript of that line (footnote markers: Word raises
  // them by about a third of the font size and sets them at about two thirds of its size).
  const merged = new Set<number>();
  for (let i = 0; i < clusters.length; i++) {
    const small = clusters[i]!;
    const smallSize = Math.max(...small.items.map((it) => it.size));
    const shortText = small.items.every((it) => it.text.trim().length <= 4);
    if (!shortText) continue;
    let best: { index: number; distance: number } | null = null;
    for (const j of [i - 1, i + 1]) {
      const line = clusters[j];
      if (!line || merged.has(j)) continue;
      if (smallSize >= 0.85 * line.size) continue;
      const dy = line.y - small.y; // > 0: the small text sits above the line's baseline
      const fits = (dy > 0 && dy < 0.6 * line.size) || (dy <= 0 && -dy < 0.4 * line.size);
      if (!fits || !overlapsHorizontally(small.items, line.items, line.size)) continue;
      if (!best || Math.abs(dy) < best.distance) best = { index: j, distance: Math.abs(dy) };
    }
    if (best) {
      const line = clusters[best.index]!;
      for (const it of small.items) line.items.push({ ...it, script: true });
      merged.add(i);
    }
  }
  const lines: Line[] = [];
  clusters.forEach((cluster, i) => {
    if (merged.has(i)) return;
    const normal = cluster.items.filter((it) => !it.script);
    const size = Math.max(...(normal.length > 0 ? normal : cluster.items).map((it) => it.size));
    const baseline = normal.length > 0 ? median(normal.map((it) => it.y)) : cluster.y;
    const text = joinItems(cluster.items, size);
    if (text.trim() === '') return;
    const body = normal.length > 0 ? normal : cluster.items;
    const look = heaviestLook(body.map((it) => [{ size: Math.round(it.size * 2) / 2, face: it.face, italic: it.italic, share: 1 }, it.text.replace(/\s+/g, '').length]));
    let right = -Infinity;
    let left = Infinity;
    for (const it of body) {
      right = Math.max(right, it.x + it.w);
      if (it.text.trim() !== '') left = Math.min(left, it.x);
    }
    if (!Number.isFinite(left)) left = Math.min(...body.map((it) => it.x));
    lines.push({ items: cluster.items, y: baseline, size, text, chars: text.replace(/\s+/g, '').length, look, right, left });
  });
  return lines.sort((p, q) => p.y - q.y);
}

const ITALIC = /italic|oblique|kursiv/gi;

/**
 * A font's face without its italics, from its PostScript name: the subset prefix and everything
 * but letters and digits dropped ("ABCDEF+Arial-ItalicMT" → "arialmt", "Arial-BoldMT" →
 * "arialboldmt"), so that italic text counts as the body's face and bold or another family not.
 */
function faceOf(name: string | null): { face: string | null; italic: boolean } {
  if (!name) return { face: null, italic: false };
  const base = name.replace(/^[A-Z]{6}\+/, '');
  const upright = base.replace(ITALIC, '').replace(/[-,]It$/, '');
  const face = upright.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return { face: face || null, italic: upright !== base };
}

/** Of (look, characters) pairs, the look that carries the most characters, with its share. */
function heaviestLook(pairs: Iterable<[Look, number]>): Look {
  const weights = new Map<string, { look: Look; chars: number }>();
  let total = 0;
  for (const [look, chars] of pairs) {
    const key = lookKey(look);
    const entry = weights.get(key) ?? { look, chars: 0 };
    entry.chars += chars;
    weights.set(key, entry);
    total += chars;
  }
  let best: { look: Look; chars: number } | null = null;
  for (const entry of weights.values()) if (!best || entry.chars > best.chars) best = entry;
  if (!best) return { size: 0, face: null, italic: false, share: 0 };
  return { ...best.look, share: total > 0 ? best.chars / total : 0 };
}

function overlapsHorizontally(small: Item[], line: Item[], size: number): boolean {
  const left = Math.min(...line.map((it) => it.x)) - size;
  const right = Math.max(...line.map((it) => it.x + it.w)) + size;
  return small.some((it) => it.x + it.w >= left && it.x <= right);
}

/**
 * Join a line's items left to right. A gap wider than about a tenth of the font size is a space
 * (pdf.js uses the same order of magnitude for tracking vs. word spacing); a repeated item drawn
 * over itself (fake bold) is written once. A raised or smaller number right after a word is a
 * footnote reference: written in superscript digits ("veiligheid¹", "€ 50.000²"), never glued to
 * the word as plain digits; at the start of a line it is a footnote's own number ("1 Zie ...").
 */
function joinItems(items: Item[], size: number): string {
  const sorted = [...items].sort((p, q) => p.x - q.x);
  let text = '';
  let prev: Item | null = null;
  for (const item of sorted) {
    let piece = item.text;
    if (prev) {
      const gap = item.x - (prev.x + prev.w);
      if (item.text === prev.text && Math.abs(item.x - prev.x) < 0.2 * size && Math.abs(item.y - prev.y) < 0.2 * size) continue;
      const spaced = /\s$/.test(text) || /^\s/.test(item.text);
      if (item.script && !prev.script && /^\s*\d{1,3}\s*$/.test(item.text) && text.trim() !== '') {
        piece = toSuperscript(item.text.trim());
        text = text.replace(/\s+$/, '');
      } else if (prev.script && /[⁰¹²³⁴⁵⁶⁷⁸⁹]$/.test(text) && /^\s*\d/.test(item.text) && !item.script) {
        // A normal digit right after a reference is the next word: keep them apart.
        if (!spaced) text += ' ';
      } else if (!spaced) {
        if (item.script && !prev.script) {
          if (gap > 0.3 * size) text += ' ';
        } else if (gap > 0.12 * size) {
          text += ' ';
        }
      }
    }
    text += piece;
    prev = item;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Page numbers that say so: "Pagina 3 van 5", "Page 3 of 5", "blz. 3", "3/5", "3 van 5", "p. 3".
const PAGE_NUMBER = /^(?:(?:pagina|page|blz\.?|bladzijde|blad|p\.)\s*\d{1,4}(?:\s*(?:van|of|\/|uit)\s*\d{1,4})?|\d{1,4}\s*(?:van|of|\/|uit)\s*\d{1,4})$/i;
// A bare number, "- 3 -" or "— 3 —": a page number only when it counts along with the pages.
const BARE_NUMBER = /^[-–—]?\s*(\d{1,3})\s*[-–—]?$/;
// A page number inside a longer header or footer line ("Gemeente X | pagina 2 van 4"): the full
// "pagina N van M", or "pagina N" / "N/M" at an end of the line or beside a separator, so that a
// sentence mentioning "pagina 35" is not taken for one.
const PAGE_REF =
  /\b(?:pagina|page)\s*\d{1,4}\s*(?:van|of)\s*\d{1,4}\b|(?:^|[|•·–—-]\s*)(?:pagina|page|blz\.?|bladzijde)\s*\d{1,4}\s*(?:$|[|•·–—-])|(?:^|[|•·–—-]\s*)(?:pagina|page|blz\.?|bladzijde)\s*\d{1,4}$|\s\d{1,4}\s*\/\s*\d{1,4}$/i;

interface PageLines {
  height: number;
  lines: Line[];
  /** Horizontal ruling lines (table borders), when the worker read them. */
  rules: RawRule[];
  /** Lines of other writing directions (rotated margin text), after the page's own lines. */
  extra: Line[];
}

/** The zone where headers and footers live: the first and last three lines, in the outer fifth. */
function furnitureCandidates(page: PageLines): Set<number> {
  const zone = new Set<number>();
  const n = page.lines.length;
  for (let i = 0; i < n; i++) {
    const line = page.lines[i]!;
    const top = i < 3 && line.y < 0.2 * page.height;
    const bottom = i >= n - 3 && line.y > 0.8 * page.height;
    if (top || bottom) zone.add(i);
  }
  return zone;
}

function furnitureKey(text: string): string {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return PAGE_REF.test(t) ? t.replace(/\d+/g, '#') : t;
}

/**
 * The offset between printed bare page numbers and page positions (0 when page 1 says "1"): the
 * offset most bare numbers in the header/footer zones agree on, or null when fewer than two
 * pages agree. A single page counts when it says "1". A bare "2" at the bottom of page 5 is then
 * text (a footnote number, a list item), not furniture.
 */
function barePageOffset(pages: PageLines[], zones: Set<number>[]): number | null {
  const votes = new Map<number, number>();
  pages.forEach((page, p) => {
    const offsets = new Set<number>();
    for (const i of zones[p]!) {
      const m = BARE_NUMBER.exec(page.lines[i]!.text.trim());
      if (m) offsets.add(Number(m[1]) - (p + 1));
    }
    for (const o of offsets) votes.set(o, (votes.get(o) ?? 0) + 1);
  });
  if (pages.length === 1) return votes.has(0) ? 0 : null;
  let best: number | null = null;
  let bestVotes = 1;
  for (const [offset, n] of votes) {
    if (n > bestVotes) {
      best = offset;
      bestVotes = n;
    }
  }
  return best;
}

/**
 * Drop page numbers, and lines repeated in the header/footer zone of most pages at the same place
 * in the same size. The place matters: a document's title on page 1 often says what the running
 * header of every page says, but lower and larger (seen in DocBook and Word exports).
 */
function dropFurniture(pages: PageLines[]): void {
  const zones = pages.map(furnitureCandidates);
  const offset = barePageOffset(pages, zones);
  const occurrences = new Map<string, { page: number; y: number; size: number }[]>();
  pages.forEach((page, p) => {
    for (const i of zones[p]!) {
      const line = page.lines[i]!;
      const key = furnitureKey(line.text);
      const list = occurrences.get(key) ?? [];
      list.push({ page: p, y: line.y, size: line.size });
      occurrences.set(key, list);
    }
  });
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const repeated = (line: Line): boolean => {
    const same = (occurrences.get(furnitureKey(line.text)) ?? []).filter(
      (o) => Math.abs(o.y - line.y) <= Math.max(3, 0.3 * line.size) && Math.abs(o.size - line.size) <= 0.2 * line.size,
    );
    return new Set(same.map((o) => o.page)).size >= needed;
  };
  pages.forEach((page, p) => {
    const zone = zones[p]!;
    page.lines = page.lines.filter((line, i) => {
      if (!zone.has(i)) return true;
      const text = line.text.trim();
      if (PAGE_NUMBER.test(text)) return false;
      const bare = BARE_NUMBER.exec(text);
      if (bare && offset !== null && Number(bare[1]) - (p + 1) === offset) return false;
      return pages.length < 2 || !repeated(line);
    });
  });
}

/** The size of body text: the font size that carries the most characters. */
function bodySize(pages: PageLines[]): number {
  const weight = new Map<number, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      const key = Math.round(line.size * 2) / 2;
      weight.set(key, (weight.get(key) ?? 0) + line.chars);
    }
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) {
    if (w > bestWeight) {
      best = size;
      bestWeight = w;
    }
  }
  return best || 12;
}

/** Normal distance between baselines of body text, over the whole document. */
function bodyLeading(pages: PageLines[], body: number): number {
  const deltas: number[] = [];
  for (const page of pages) {
    for (let i = 1; i < page.lines.length; i++) {
      const a = page.lines[i - 1]!;
      const b = page.lines[i]!;
      const d = b.y - a.y;
      if (Math.abs(a.size - body) < 0.5 && Math.abs(b.size - body) < 0.5 && d > 0.8 * body && d < 3 * body) deltas.push(d);
    }
  }
  if (deltas.length < 2) return 1.2 * body;
  // The lower quartile rather than the median: in a letter with short paragraphs, paragraph
  // gaps can be nearly as frequent as wrapped lines.
  const sorted = deltas.sort((p, q) => p - q);
  return sorted[Math.floor(sorted.length / 4)]!;
}

/**
 * A gap counts as a paragraph break when it exceeds 1.3 times the normal leading (scaled to the
 * larger of the two lines' sizes). Word's default paragraph spacing (8 pt after 11 pt text at
 * 1.08 line spacing) gives about 1.55; a wrapped line gives 1.0.
 */
const PARAGRAPH_GAP = 1.3;

/**
 * Heading looks. A line stands out when one look carries most of it (a bold first word does not
 * make a heading) and that look is larger than the body text, or as large but of another face
 * (bold, or a heading family such as Calibri Light). 1.09: Word's smallest step up from 11 pt body
 * text is 12 pt; footnotes (8-9 pt) are below 0.85 of it, Word's Heading 5 at 10 pt above.
 */
const MIN_LOOK_SHARE = 0.8;
const LARGER = 1.09;
const SMALLEST_HEADING = 0.85;
/** A heading holds at most this many lines; a longer run of bold lines is an emphasised paragraph. */
const MAX_HEADING_LINES = 3;

/** Looks differ in size, face and slant: Word's Heading 4 is its Heading 3 in italics. */
function lookKey(look: Look): string {
  return `${look.size}|${look.face ?? ''}|${look.italic ? 'i' : ''}`;
}

/** The look carrying the most characters of the document: its body text. */
function bodyLook(pages: PageLines[]): Look {
  return heaviestLook(pages.flatMap((page) => page.lines.map((line): [Look, number] => [line.look, line.chars])));
}

function standsOut(look: Look, body: Look): boolean {
  if (look.share < MIN_LOOK_SHARE) return false;
  if (look.size >= LARGER * body.size) return true;
  if (look.size < SMALLEST_HEADING * body.size) return false;
  return look.face !== null && body.face !== null && look.face !== body.face;
}

interface HeadingLine {
  level: number;
  /** A later line of a heading wrapped over lines. */
  continued: boolean;
}

/**
 * Heading lines per page, with their level: runs of up to three lines in one standing-out look,
 * each line but the last filled to the column's right edge (a heading that wraps), no paragraph
 * gap inside; without paragraph spacing, headings in one look that follow each other (a table of
 * contents) stay apart because their lines end short. Levels rank the heading looks by size, and
 * at equal size by their first appearance (a document shows Heading 3 before Heading 4).
 */
function findHeadings(pages: PageLines[], body: Look, isGap: (prev: Line, line: Line) => boolean): Map<Line, HeadingLine> {
  let columnRight = 0;
  for (const page of pages) for (const line of page.lines) if (lookKey(line.look) === lookKey(body)) columnRight = Math.max(columnRight, line.right);
  /** Whether `line`'s first word would not have fitted at the end of `prev`. */
  const wraps = (prev: Line, line: Line): boolean => {
    const first = line.items.filter((it) => !it.script).sort((p, q) => p.x - q.x)[0];
    if (!first) return false;
    const word = first.text.trimStart().split(/\s/)[0] ?? '';
    const wordWidth = first.text.length > 0 ? (first.w * word.length) / first.text.length : 0;
    return prev.right + wordWidth + 0.3 * prev.size > columnRight;
  };
  // The closest two lines of one heading look stand: a heading wrapped over lines. Two headings in
  // that look one after the other stand further apart (the space before a heading): the 2005
  // beleidsnota's "Prestatieveld 4: Vrijwilligers en mantelzorgers" and "Ondersteunen van
  // vrijwilligers en mantelzorgers", 39.6 pt apart where its wrapped headings are 27.6 pt.
  const closest = new Map<string, number>();
  for (const page of pages) {
    page.lines.forEach((line, i) => {
      const prev = page.lines[i - 1];
      if (!prev || lookKey(prev.look) !== lookKey(line.look) || !standsOut(line.look, body)) return;
      const dy = line.y - prev.y;
      if (dy > 0.8 * line.size) closest.set(lookKey(line.look), Math.min(closest.get(lookKey(line.look)) ?? Infinity, dy));
    });
  }
  const sameHeading = (prev: Line, line: Line): boolean => line.y - prev.y <= 1.2 * (closest.get(lookKey(line.look)) ?? Infinity);
  const runs: Line[][] = [];
  for (const page of pages) {
    let run: Line[] = [];
    const close = (): void => {
      if (run.length > 0 && run.length <= MAX_HEADING_LINES) runs.push(run);
      run = [];
    };
    page.lines.forEach((line, i) => {
      const prev = page.lines[i - 1];
      const continues = run.length > 0 && prev !== undefined && lookKey(prev.look) === lookKey(line.look) && !isGap(prev, line) && wraps(prev, line) && sameHeading(prev, line);
      if (!continues) close();
      if (standsOut(line.look, body)) run.push(line);
    });
    close();
  }
  const looks: Look[] = [];
  for (const run of runs) if (!looks.some((l) => lookKey(l) === lookKey(run[0]!.look))) looks.push(run[0]!.look);
  const ranked = looks.map((look, order) => ({ look, order })).sort((p, q) => q.look.size - p.look.size || p.order - q.order);
  const level = new Map(ranked.map(({ look }, i) => [lookKey(look), i + 1]));
  const marks = new Map<Line, HeadingLine>();
  for (const run of runs) run.forEach((line, i) => marks.set(line, { level: level.get(lookKey(line.look))!, continued: i > 0 }));
  return marks;
}

/** The x position most body text starts at: the left margin. */
function leftMargin(pages: PageLines[], body: number): number {
  const weight = new Map<number, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (Math.abs(line.size - body) > 0.15 * body) continue;
      const key = Math.round(line.left);
      weight.set(key, (weight.get(key) ?? 0) + line.chars);
    }
  }
  let best = 0;
  let bestWeight = -1;
  for (const [x, w] of weight) if (w > bestWeight || (w === bestWeight && x < best)) [best, bestWeight] = [x, w];
  return best;
}

// A list label at a line's start: a bullet (private-use glyphs are mapped already), a number or
// letter with its punctuation, "Vraag 3:".
const LIST_LABEL = /^(?:[•▪❖➢✓■□●◦○o*–—-]|\(?\d{1,2}[.)]|\d{1,2}e\.?-?|\(?[a-z][.)]|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)]|vraag\s+\d{1,2}\s*[:.]?)(?=\s)/i;

/** Where a labelled line's text starts: the first item after the label's characters. */
function textStart(line: Line, label: string): number | null {
  const items = line.items.filter((it) => !it.script).sort((p, q) => p.x - q.x);
  let taken = '';
  for (const item of items) {
    if (taken.replace(/\s+/g, '').length >= label.replace(/\s+/g, '').length) {
      if (item.text.trim() !== '') return item.x + (item.text.length - item.text.trimStart().length) * (item.w / Math.max(1, item.text.length));
      continue;
    }
    taken += item.text;
    const over = taken.replace(/\s+/g, '').length - label.replace(/\s+/g, '').length;
    if (over > 0) return null;
  }
  return null;
}

/**
 * List structure from the layout. A line that starts with a list label and stands indented from
 * the margin, or whose text starts at a tab stop after its label, is a list item: it is written
 * indented by its distance from the margin (two spaces or more, about a space per half em), so
 * deeper items nest. A line that starts at an open item's text position (a hanging indent: the
 * item wrapped, or a further paragraph of it) is indented to the item's text, so it stays with
 * the item. Everything else is written as it stands, at the margin.
 */
function listIndents(lines: Line[], margin: number, body: number): Map<Line, string> {
  const out = new Map<Line, string>();
  const spaces = (dx: number): number => (dx <= 0.2 * body ? 0 : Math.max(2, Math.round(dx / (0.5 * body))));
  let open: { labelX: number; textX: number; textIndent: number } | null = null;
  for (const line of lines) {
    if (line.size < 0.85 * body) continue;
    const label = LIST_LABEL.exec(line.text)?.[0];
    const textX = label === undefined ? null : textStart(line, label);
    const indented = line.left > margin + 0.2 * body;
    const tabbed = textX !== null && textX - line.left > label!.length * 0.6 * line.size + 0.5 * line.size;
    if (label !== undefined && (indented || tabbed)) {
      const indent = spaces(line.left - margin);
      if (indent > 0) out.set(line, ' '.repeat(indent));
      open = { labelX: line.left, textX: textX ?? line.left + label.length * 0.6 * line.size, textIndent: indent + label.length + 1 };
      continue;
    }
    if (open && line.left > open.labelX + 0.2 * body && line.left >= open.textX - 0.25 * body) {
      out.set(line, ' '.repeat(open.textIndent));
      continue;
    }
    open = null;
  }
  return out;
}

/**
 * A page's footnotes: from the first line after the last line in the body's size, when it is
 * smaller (footnotes are set a point or more smaller: 10 pt under 11 pt text in LibreOffice's and
 * Word's default styles) and starts with a note number.
 */
function footnoteZone(page: PageLines, body: number): number {
  let lastBody = -1;
  page.lines.forEach((line, i) => {
    if (line.size > body - 0.5) lastBody = i;
  });
  const first = page.lines[lastBody + 1];
  if (lastBody < 0 || !first) return page.lines.length;
  return /^(?:\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})\s*\S/.test(first.text) ? lastBody + 1 : page.lines.length;
}

/** A table as text: its column starts, and by row, by cell, the cell's paragraphs. */
interface TextTable {
  starts: number[];
  rows: string[][][];
}

/** A table found on a page; one that continues the table of the page before (`root`) is written there. */
interface PlacedTable {
  page: number;
  first: number;
  last: number;
  lines: Set<number>;
  root: TextTable;
  continues: boolean;
}

const ENDS_SENTENCE = /[.!?:;]["”’')\]]*$/;

/**
 * The tables of each page's body (pdf-table.ts). A table that ends a page's body and one that
 * starts the next page's body in the same columns are one table broken by the page (the D66
 * memo's table runs over four pages); its first row there goes on with the last row before the
 * break when that row's cells end mid-sentence or the new row has an empty first cell (a row
 * split by the page: question 8 of the D66 memo).
 */
function placeTables(pages: PageLines[], zones: number[], body: number, leading: number): PlacedTable[] {
  const placed: PlacedTable[] = [];
  pages.forEach((page, p) => {
    const lines = page.lines.slice(0, zones[p]);
    // The table that ends the page before's body, which this page's first table may go on with.
    const last = placed[placed.length - 1];
    const atBreak = last && last.page === p - 1 && last.last === zones[p - 1]! - 1 ? last : undefined;
    for (const found of findTables(lines, { body, leading, paragraphGap: PARAGRAPH_GAP, rules: page.rules, continuing: atBreak?.root.starts })) {
      const table = asText(found, lines);
      // Only a table that starts the page's body (its first line is line 0) goes on with it.
      const continues =
        atBreak !== undefined &&
        found.lines[0] === 0 &&
        atBreak.root.starts.length === table.starts.length &&
        atBreak.root.starts.every((x, c) => Math.abs(x - table.starts[c]!) <= body);
      if (continues) goOn(atBreak.root, table);
      placed.push({ page: p, first: found.lines[0]!, last: found.lines[found.lines.length - 1]!, lines: new Set(found.lines), root: continues ? atBreak.root : table, continues });
    }
  });
  return placed;
}

function asText(found: FoundTable<Item>, lines: readonly Line[]): TextTable {
  const rows = found.rows.map((cells) => cells.map((cell) => cell.map((paragraph) => joinLines(paragraph.map((cellLine) => joinItems(cellLine.items, lines[cellLine.line]!.size))))));
  return { starts: found.columnStarts, rows };
}

/** Append `next`, the same table after a page break, to `table`. */
function goOn(table: TextTable, next: TextTable): void {
  const lastRow = table.rows[table.rows.length - 1];
  const [firstRow, ...rest] = next.rows;
  if (!lastRow || !firstRow) {
    table.rows.push(...next.rows);
    return;
  }
  const cut = (firstRow[0] ?? []).length === 0 || lastRow.some((cell) => cell.length > 0 && !ENDS_SENTENCE.test(cell[cell.length - 1]!));
  if (!cut) {
    table.rows.push(...next.rows);
    return;
  }
  firstRow.forEach((cell, c) => {
    const into = lastRow[c];
    if (!into) lastRow[c] = cell;
    else if (into.length > 0 && cell.length > 0 && !ENDS_SENTENCE.test(into[into.length - 1]!)) {
      into[into.length - 1] = joinLines([into[into.length - 1]!, cell[0]!]);
      into.push(...cell.slice(1));
    } else into.push(...cell);
  });
  table.rows.push(...rest);
}

/** A table's rows as the office readers write them (document.ts): a line per row, cells apart by a tab. */
function tableLines(table: TextTable): string[] {
  return table.rows.map((cells) => cells.map((cell) => cell.join(' ')).join('\t').replace(/\t+$/, '')).filter((line) => line.replace(/\t/g, '').trim() !== '');
}

function tableBlock(table: TextTable): TableBlock {
  return {
    kind: 'table',
    rows: table.rows
      .filter((cells) => cells.some((cell) => cell.some((paragraph) => paragraph.trim() !== '')))
      .map((cells) => cells.map((cell) => cell.map((paragraph): Block => ({ kind: 'paragraph', runs: [{ text: paragraph }] })))),
  };
}

/**
 * The written lines as structure: paragraphs between blank lines, heading lines as headings,
 * the tables where their rows were written.
 */
function documentOf(out: readonly string[], tables: ReadonlyMap<number, { block: TableBlock; lines: number }>): StructuredDocument {
  const { text, headings } = takeHeadingMarks(out.join('\n'));
  const lines = text.split('\n');
  const headingAt = new Map(headings.map((mark) => [mark.line - 1, mark]));
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', runs: [{ text: paragraph.join('\n') }] });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const table = tables.get(i);
    const heading = headingAt.get(i);
    if (table) {
      flush();
      blocks.push(table.block);
      i += table.lines - 1;
    } else if (heading) {
      flush();
      blocks.push({ kind: 'paragraph', runs: [{ text: lines.slice(i, i + heading.lines).join('\n') }], heading: heading.level });
      i += heading.lines - 1;
    } else if (lines[i]!.trim() === '') flush();
    else paragraph.push(lines[i]!.trim());
  }
  flush();
  return { blocks, notes: [] };
}

/**
 * Turn the pages' items into text, heading lines marked (see heading-marks.ts), list items
 * indented by their place, footnotes moved from the foot of their page to the end of the text
 * (as `N text` lines, where the footnote steps of the letter parser and the policy converter look
 * for them), so that a paragraph that runs on over a page is not cut by them, tables as a line
 * per row (and then the structure too). Also returns the 1-based numbers of pages without text.
 */
export function layoutPages(pages: RawPage[]): { text: string; emptyPages: number[]; document?: StructuredDocument } {
  const laid: PageLines[] = pages.map((page) => {
    const [upright = [], ...others] = itemsByDirection(page);
    return { height: page.height, lines: groupLines(upright), rules: page.rules ?? [], extra: others.flatMap(groupLines) };
  });
  const emptyPages = laid.flatMap((page, i) => (page.lines.length === 0 && page.extra.length === 0 ? [i + 1] : []));
  dropFurniture(laid);
  const body = bodySize(laid);
  const leading = bodyLeading(laid, body);
  const isGap = (prev: Line, line: Line): boolean => line.y - prev.y > PARAGRAPH_GAP * leading * (Math.max(prev.size, line.size) / body);
  const zones = laid.map((page) => footnoteZone(page, body));
  const placed = placeTables(laid, zones, body, leading);
  const tableOf = new Map<Line, PlacedTable>();
  for (const table of placed) for (const i of table.lines) tableOf.set(laid[table.page]!.lines[i]!, table);
  // Headings and list items are looked for in the text outside the tables.
  const flow = laid.map((page) => ({ ...page, lines: page.lines.filter((line) => !tableOf.has(line)) }));
  const headings = findHeadings(flow, bodyLook(laid), isGap);
  const indents = listIndents(
    laid.flatMap((page, p) => page.lines.slice(0, zones[p]).filter((line) => !tableOf.has(line))),
    leftMargin(laid, body),
    body,
  );
  const out: string[] = [];
  const notes: string[] = [];
  const written = new Map<number, { block: TableBlock; lines: number }>();
  // A paragraph that ends at the foot of a page: its last line ends a sentence short of the
  // column's right edge. The next page then starts a paragraph (a blank line, as a gap would).
  let columnRight = 0;
  for (const page of laid) for (const line of page.lines) if (Math.abs(line.size - body) < 0.5) columnRight = Math.max(columnRight, line.right);
  let lastOfPage: Line | null = null;
  laid.forEach((page, p) => {
    const zone = zones[p]!;
    page.lines.forEach((line, i) => {
      if (i >= zone) {
        notes.push(line.text);
        return;
      }
      const table = tableOf.get(line);
      if (table) {
        if (i !== table.first || table.continues) return;
        const rows = tableLines(table.root);
        out.push('');
        written.set(out.length, { block: tableBlock(table.root), lines: rows.length });
        out.push(...rows, '');
        return;
      }
      if (i === 0 && lastOfPage && !tableOf.has(lastOfPage) && /[.!?:;]["”’')]?$/.test(lastOfPage.text) && lastOfPage.right < columnRight - 2 * body) out.push('');
      if (i > 0) {
        // Smaller lines after the page's body that are not footnotes (a caption, small print) stand apart.
        const smallAfterBody = line.size < 0.9 * body && page.lines[i - 1]!.size >= 0.9 * body && page.lines.slice(i).every((l) => l.size < 0.9 * body);
        if (isGap(page.lines[i - 1]!, line) || smallAfterBody) out.push('');
      }
      const heading = headings.get(line);
      const text = (indents.get(line) ?? '') + line.text;
      out.push(heading === undefined ? text : markHeading(text, heading.level, heading.continued));
    });
    if (page.lines.some((l, i) => i > 0 && i < zone && l.size < 0.9 * body && page.lines[i - 1]!.size >= 0.9 * body)) out.push('');
    if (zone > 0) lastOfPage = page.lines[zone - 1]!;
    for (const line of page.extra) out.push(line.text);
  });
  if (notes.length > 0) out.push('', ...notes);
  const text = out.join('\n').replace(/\n{3,}/g, '\n\n');
  return written.size > 0 ? { text, emptyPages, document: documentOf(out, written) } : { text, emptyPages };
}
