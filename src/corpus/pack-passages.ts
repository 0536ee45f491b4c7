/**
 * Corpus markdown → passages, from the markdown AST: a paragraph or a list under its section, with
 * its heading path, its line range in the file and a stable id. The tree and the front matter come
 * from the readers given (`splitPassagesWith`): remark-parse and the YAML reader in
 * split-passages.ts, or their fast paths for the markdown corpus files hold (fast-markdown.ts,
 * simple-front-matter.ts; load-corpus.ts).
 *
 * Sizes. A passage is what a person reads behind a link, and what BM25 scores as one document:
 * - consecutive paragraphs and lists of one section are packed into passages of at most
 *   MAX_WORDS (150) words, whole blocks only: policy documents converted from PDF have many
 *   paragraphs of one or two sentences, and a passage of several of them reads as the section's
 *   argument rather than as a fragment. Passages of about 100 words are the usual unit of passage
 *   retrieval (Karpukhin et al. 2020, DPR: Wikipedia in 100-word passages);
 * - blocks over MAX_WORDS are split between sentences (lists between items first) into
 *   near-equal parts: about what fits on a screen beside the question, and short enough that
 *   BM25's length normalisation does not bury the one relevant sentence of a long paragraph;
 * - what is still under MIN_WORDS (25) after packing, a one-line intro such as "De sterke punten
 *   van het netwerk zijn:" before a long list, is joined to its neighbour in the same section (the
 *   next block first, so an intro stays with its list): with BM25 one matching term in a 6-word
 *   passage outscores the same term in a full paragraph.
 * Measured on the seed corpus (bench/link.ts prints it): 586 passages, median 99 words, p90 140.
 * Against the paragraph passages before (joined only under 25 words, split over 120: 819
 * passages, median 72), MRR over the eight gold sets rose from 0.49 to 0.54; but the share of
 * questions whose gold text a reader meets within the first 250 words read did not move (0.57):
 * the gain is that a longer passage holds more gold text, not a better ranking
 * (test/gold/README.md). The size is chosen for the reader, not for that figure: packing to 200
 * words scored no better and read worse (0.44 within 250 words against 0.55, six sets).
 */
import { maxOf, minOf, pushAll } from '../arrays.js';
import type { Node, Root, RootContent } from 'mdast';
import { isUserError } from '../errors.js';
import type { FrontMatter } from '../documents/front-matter.js';
import type { Passage, Problem } from '../model.js';
import { PassageIds } from './passage-id.js';
import { countWords, sentenceSpans } from '../text/sentences.js';
import { collapseSpace } from '../text/text-utils.js';

/** Blocks are packed into passages up to this many words; a longer block is split between sentences. */
export const MAX_WORDS = 150;
/** Below this many words a passage is joined to a neighbour in its section. */
export const MIN_WORDS = 25;

export interface SplitOptions {
  /** Path of the corpus file relative to the workspace (goes into each passage). */
  file: string;
  /** Document slug. */
  doc: string;
  /** Title when the front matter has none; default: the slug. */
  title?: string;
  kind?: Passage['kind'];
  /** For answer passages: the question document they answer. */
  question?: string | null;
}

/**
 * A run of text with the 1-based file line of each character: the line changes at the offsets in
 * `starts` to those in `lines` (a character-by-character list cost a third of a file's splitting).
 */
interface Flat {
  text: string;
  starts: number[];
  lines: number[];
}

/** The file line of character `index` of a flat text. */
function lineAt(flat: Flat, index: number): number {
  let lo = 0;
  let hi = flat.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (flat.starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return flat.lines[lo] ?? 1;
}

interface Piece {
  text: string;
  start: number;
  end: number;
  words: number;
}

interface Section {
  heading: string[];
  pieces: Piece[][];
}

function position(node: Node): { start: number; end: number } {
  return { start: node.position?.start.line ?? 1, end: node.position?.end.line ?? node.position?.start.line ?? 1 };
}

/**
 * Flatten inline content: its text, and where each line starts in it. (A line number kept for
 * every character, and the text grown a character at a time, took 1.3 GB for a paragraph of
 * 9.5 MB; the starts of lines take a number per line, and the parts are joined once.)
 */
function flatten(node: Node, offset: number): Flat {
  const out: Flat = { text: '', starts: [], lines: [] };
  const parts: string[] = [];
  let length = 0;
  const push = (value: string, line: number): void => {
    if (value === '') return;
    out.starts.push(length);
    out.lines.push(line + offset);
    let l = line;
    for (let nl = value.indexOf('\n'); nl >= 0; nl = value.indexOf('\n', nl + 1)) {
      l++;
      out.starts.push(length + nl + 1);
      out.lines.push(l + offset);
    }
    parts.push(value);
    length += value.length;
  };
  const walk = (n: Node): void => {
    const v = n as Node & { value?: unknown; children?: Node[]; alt?: string; url?: string; label?: string };
    if (n.type === 'break') return push('\n', position(n).start);
    if (n.type === 'image' && v.alt) return push(v.alt, position(n).start);
    if (n.type === 'definition') return push(`[${v.label ?? ''}]: ${v.url ?? ''}`, position(n).start);
    if (typeof v.value === 'string') return push(v.value, position(n).start);
    // Blocks inside a list item or quote: a line break between them, so words do not run together.
    const blocky = n.type === 'listItem' || n.type === 'blockquote' || n.type === 'list';
    (v.children ?? []).forEach((child, i) => {
      if (blocky && i > 0) push('\n', position(child).start);
      walk(child);
    });
  };
  walk(node);
  out.text = parts.join('');
  return out;
}

/** Word spans of an over-long sentence (a table read as one line), cut into near-equal parts. */
function cutLongSentence(text: string, span: [number, number], max: number): Array<[number, number]> {
  // Word starts and ends as numbers (a match object per word of a 9.5 MB line took hundreds of MB).
  const starts: number[] = [];
  const ends: number[] = [];
  const word = /\S+/g;
  const slice = text.slice(span[0], span[1]);
  for (let m = word.exec(slice); m !== null; m = word.exec(slice)) {
    starts.push(span[0] + m.index);
    ends.push(span[0] + m.index + m[0].length);
  }
  const words = starts.map((start, i) => [start, ends[i]!] as [number, number]);
  const parts = Math.ceil(words.length / max);
  const size = Math.ceil(words.length / parts);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < words.length; i += size) out.push([words[i]![0], words[Math.min(words.length, i + size) - 1]![1]]);
  return out;
}

/** Cut a flat text into pieces between sentences, each at most `max` words, near-equal in size. */
function splitFlat(flat: Flat, prefix: string, max: number): Piece[] {
  // Each span's words counted once. Spans are separated by white space only, and no word runs
  // across white space, so the words of the text, and of a run of spans, are the sums of the
  // spans' counts: the text and every span were counted two and three times (with collapseSpace,
  // splitting the example's corpus files in a fresh process went from 53.9 to 44.0 ms).
  const spans: Array<[number, number]> = [];
  const counts: number[] = [];
  for (const span of sentenceSpans(flat.text)) {
    const words = countWords(flat.text.slice(span[0], span[1]));
    if (words <= max) {
      spans.push(span);
      counts.push(words);
      continue;
    }
    for (const part of cutLongSentence(flat.text, span, max)) {
      spans.push(part);
      counts.push(countWords(flat.text.slice(part[0], part[1])));
    }
  }
  if (spans.length === 0) return [];
  const total = sum(counts, 0, counts.length);
  const parts = Math.max(1, Math.ceil(total / max));
  const target = total / parts;
  const pieces: Piece[] = [];
  let from = 0;
  let words = 0;
  const emit = (to: number): void => {
    const a = spans[from]![0];
    const b = spans[to]![1];
    const text = collapseSpace(flat.text.slice(a, b));
    pieces.push({ text: pieces.length === 0 ? prefix + text : text, start: lineAt(flat, a), end: lineAt(flat, b - 1), words: sum(counts, from, to + 1) });
  };
  for (let i = 0; i < spans.length; i++) {
    const w = counts[i]!;
    if (i > from && closeBefore(words, w, target, max, pieces.length < parts - 1)) {
      emit(i - 1);
      from = i;
      words = 0;
    }
    words += w;
  }
  emit(spans.length - 1);
  return pieces;
}

function sum(values: readonly number[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += values[i]!;
  return n;
}

/**
 * Whether to close a piece of `words` words before a unit of `w` words: when adding it would pass
 * the maximum, or (while more pieces are due) pass the target when stopping short lands nearer.
 */
function closeBefore(words: number, w: number, target: number, max: number, more: boolean): boolean {
  if (words === 0) return false;
  if (words + w > max) return true;
  return more && words + w > target && target - words <= words + w - target;
}

function blockPieces(node: RootContent, offset: number): Piece[] {
  if (node.type === 'list') {
    const ordered = node.ordered === true;
    const start = node.start ?? 1;
    const items: Piece[] = [];
    node.children.forEach((item, i) => {
      const marker = ordered ? `${start + i}. ` : '- ';
      const flat = flatten(item, offset);
      // Paragraphs inside an item are separated by nothing in the flat text: add a space.
      const text = collapseSpace(flat.text);
      if (text === '') return;
      const words = countWords(text);
      if (words > MAX_WORDS) pushAll(items, splitFlat(flat, marker, MAX_WORDS));
      else items.push({ text: marker + text, start: position(item).start + offset, end: position(item).end + offset, words });
    });
    // Group whole items into pieces of at most MAX_WORDS.
    const total = items.reduce((n, p) => n + p.words, 0);
    if (total <= MAX_WORDS) return items.length === 0 ? [] : [joinPieces(items, '\n')];
    const parts = Math.ceil(total / MAX_WORDS);
    const target = total / parts;
    const groups: Piece[][] = [[]];
    let words = 0;
    for (const item of items) {
      const group = groups[groups.length - 1]!;
      if (closeBefore(words, item.words, target, MAX_WORDS, groups.length < parts)) {
        groups.push([item]);
        words = item.words;
      } else {
        group.push(item);
        words += item.words;
      }
    }
    return groups.map((g) => joinPieces(g, '\n'));
  }
  if (node.type === 'thematicBreak' || node.type === 'heading') return [];
  const flat = flatten(node, offset);
  const text = collapseSpace(flat.text);
  if (text === '') return [];
  const words = countWords(text);
  const prefix = node.type === 'blockquote' ? '> ' : '';
  if (words > MAX_WORDS && node.type !== 'code') return splitFlat(flat, prefix, MAX_WORDS);
  const { start, end } = position(node);
  return [{ text: prefix + text, start: start + offset, end: end + offset, words }];
}

function joinPieces(pieces: Piece[], separator: string): Piece {
  return {
    text: pieces.map((p) => p.text).join(separator),
    start: minOf(pieces.map((p) => p.start)),
    end: maxOf(pieces.map((p) => p.end)),
    words: pieces.reduce((n, p) => n + p.words, 0),
  };
}

/**
 * Pack consecutive pieces of one section into runs of at most MAX_WORDS words, in order. An intro
 * ("De sterke punten zijn:") starts a new run when its list would not fit in the current one.
 */
function pack(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let run: Piece[] = [];
  let words = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const next = pieces[i + 1];
    const need = piece.words + (next && /:\s*$/.test(piece.text) ? next.words : 0);
    if (run.length > 0 && words + need > MAX_WORDS) {
      out.push(joinPieces(run, '\n\n'));
      run = [];
      words = 0;
    }
    run.push(piece);
    words += piece.words;
  }
  if (run.length > 0) out.push(joinPieces(run, '\n\n'));
  return out;
}

/** Join pieces under MIN_WORDS to a neighbour: the next one first (an intro stays with its list). */
function joinTiny(pieces: Piece[]): Piece[] {
  const out = [...pieces];
  const cap = MAX_WORDS + MIN_WORDS;
  for (let i = 0; i < out.length; ) {
    const piece = out[i]!;
    if (piece.words >= MIN_WORDS || out.length === 1) {
      i++;
      continue;
    }
    const next = out[i + 1];
    const prev = out[i - 1];
    if (next && piece.words + next.words <= cap) {
      out.splice(i, 2, joinPieces([piece, next], '\n\n'));
    } else if (prev && prev.words + piece.words <= cap) {
      out.splice(i - 1, 2, joinPieces([prev, piece], '\n\n'));
      i--;
    } else if (next) {
      out.splice(i, 2, joinPieces([piece, next], '\n\n'));
    } else if (prev) {
      out.splice(i - 1, 2, joinPieces([prev, piece], '\n\n'));
      i--;
    } else {
      i++;
    }
  }
  return out;
}

function headingText(node: Node): string {
  return collapseSpace(flatten(node, 0).text);
}

/** Headings one corpus document may have: the 2005 beleidsnota (70 pages) has 213. */
export const MAX_HEADINGS = 10_000;

/** How a file's front matter and markdown tree are read; null from either: this reader cannot. */
export interface MarkdownReaders {
  frontMatter(text: string, file: string): FrontMatter | null;
  tree(body: string): Root | null;
}

/**
 * Split a corpus markdown file into passages. Problems (broken front matter) are returned, not
 * thrown; null when a reader could not read the file (the caller tries other readers).
 */
export function splitPassagesWith(markdown: string, options: SplitOptions, readers: MarkdownReaders): { passages: Passage[]; problems: Problem[] } | null {
  const problems: Problem[] = [];
  let front;
  try {
    front = readers.frontMatter(markdown, options.file);
    if (!front) return null;
  } catch (error) {
    if (!isUserError(error)) throw error;
    const line = 'line' in error ? error.line : null;
    problems.push({ code: 'corpus/front-matter', severity: 'error', message: error.message, file: options.file, line });
    return { passages: [], problems };
  }
  const fmTitle = front.data.title;
  const title = (typeof fmTitle === 'string' && fmTitle.trim()) || options.title || options.doc;
  if (!(typeof fmTitle === 'string' && fmTitle.trim()) && options.kind !== 'answer') {
    problems.push({ code: 'corpus/no-title', severity: 'warning', message: `no title in the front matter: using "${title}"`, file: options.file, line: 1 });
  }
  // The date lets the linker prefer current policy (src/link/recency.ts); anything else is no date.
  const fmDate = front.data.date;
  const date = typeof fmDate === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(fmDate.trim()) ? fmDate.trim() : null;
  const offset = front.bodyStartLine - 1;
  // Every section becomes passages with their heading path: a file of 135,000 headings took 3 GB
  // and a minute, for search, link and draft alike. Counted before parsing, and refused.
  const headings = front.body.match(/^ {0,3}#{1,6}(?:[ \t]|$)/gm)?.length ?? 0;
  if (headings > MAX_HEADINGS) {
    problems.push({ code: 'corpus/too-large', severity: 'error', message: `${headings} headings, more than the ${MAX_HEADINGS} a corpus document may have; skipped (split the document)`, file: options.file, line: null });
    return { passages: [], problems };
  }
  let root: Root | null;
  try {
    root = readers.tree(front.body);
  } catch (error) {
    if (!isUserError(error)) throw error;
    problems.push({ code: 'corpus/unreadable', severity: 'error', message: `${error.message}; skipped`, file: options.file, line: null });
    return { passages: [], problems };
  }
  if (!root) return null;

  const sections: Section[] = [];
  const stack: string[] = [];
  let current: Section = { heading: [title], pieces: [] };
  sections.push(current);
  const sameAsTitle = (text: string): boolean => text.toLowerCase() === title.toLowerCase();
  for (const node of root.children) {
    if (node.type === 'heading') {
      const text = headingText(node);
      if (node.depth === 1 && sameAsTitle(text) && stack.length === 0) continue;
      stack.length = Math.max(0, node.depth - 1);
      stack[node.depth - 1] = text;
      current = { heading: [title, ...stack.filter((h) => h !== undefined && h !== '')], pieces: [] };
      sections.push(current);
      continue;
    }
    const pieces = blockPieces(node, offset);
    if (pieces.length > 0) current.pieces.push(pieces);
  }

  const ids = new PassageIds(options.doc);
  const passages: Passage[] = [];
  for (const section of sections) {
    for (const piece of joinTiny(pack(section.pieces.flat()))) {
      const passage: Passage = {
        id: ids.next(section.heading, piece.text),
        doc: options.doc,
        file: options.file,
        title,
        heading: section.heading,
        lines: [piece.start, piece.end],
        text: piece.text,
        kind: options.kind ?? 'policy',
      };
      if (options.kind === 'answer') passage.question = options.question ?? null;
      if (date) passage.date = date;
      passages.push(passage);
    }
  }
  return { passages, problems };
}
