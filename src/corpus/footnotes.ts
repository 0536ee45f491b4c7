/**
 * Step 3 of the conversion: take footnotes out of the running text.
 *
 * PDF extraction puts a page's footnotes wherever the page ends, often in the middle of a
 * paragraph that continues on the next page. Footnotes are moved to the end of the document
 * (markdown footnotes `[^n]`), and their markers in the text become references. A footnote line
 * is only taken for one when its marker is found in the text before it, so a numbered list item
 * ("1<tab>Basisvoorzieningen kunnen ...") stays where it is.
 *
 * Link lines (a bare URL on its own line, what PDF export leaves of hyperlinks at a page end, as
 * in the Koers sociaal domein) are moved to the end as well.
 */
import { findNoteReferences } from '../text/footnote-markers.js';
import type { SourceLine } from '../text/source-lines.js';

/** Marks a footnote reference in a line's text until the markdown step writes `[^label]`. */
export const REF_OPEN = '\ue000';
export const REF_CLOSE = '\ue001';

export interface Footnote {
  label: string;
  /** The footnote's lines (marker or glyph left out of the first). */
  lines: SourceLine[];
  /** 1-based source line of the footnote. */
  line: number;
}

export interface LinkLine {
  line: number;
  url: string;
}

/** How far back (in lines) a footnote's marker may be: a page of the seeds holds about 60 lines. */
const LOOKBACK = 150;
/** Lines a footnote runs on for after a blank line; the longest in the seeds takes 1. */
const MAX_NOTE_RUN = 3;
const URL_LINE = /^(?:https?:\/\/|file:\/\/|www\.)\S+$/i;
const NUMBERED_NOTE = /^(\d{1,3})\s+(\S.*)$/;
const GLYPH_NOTE = /^\ufffd\s*(\S.*)$/;

interface Marker {
  line: number;
  index: number;
  length: number;
}

function findNumberMarker(lines: SourceLine[], from: number, to: number, n: string, used: Set<string>, earliest = false): Marker | null {
  // The reference in superscript digits ("veiligheid¹", as the readers write a reference they
  // know), or glued to the word ("veiligheid1.", "Cosbo7.", "€ 50.0002"): text/footnote-markers.ts.
  // A note at the foot of its page takes the nearest reference before it; the notes of a closing
  // block pair with the references in order, the earliest one not yet taken first.
  for (let k = 0; k <= to - from; k++) {
    const i = earliest ? from + k : to - k;
    const hits = findNoteReferences(lines[i]!.text, n);
    for (const hit of earliest ? hits.reverse() : hits) {
      const id = `${i}:${hit.index}`;
      if (!used.has(id)) return { line: i, index: hit.index, length: hit.length };
    }
  }
  return null;
}

function findGlyphMarker(lines: SourceLine[], from: number, to: number, used: Set<string>): Marker | null {
  // Glyph markers pair with glyph footnotes in order: the earliest unused one first.
  for (let i = from; i <= to; i++) {
    const text = lines[i]!.text;
    for (const hit of text.matchAll(/(?<=[\p{L}\p{N})])\ufffd/gu)) {
      const id = `${i}:${hit.index}`;
      if (!used.has(id)) return { line: i, index: hit.index, length: 1 };
    }
  }
  return null;
}

/**
 * Where the closing block of footnotes starts, or the number of lines when there is none: the
 * last block of lines (no blank line inside) that starts with a numbered footnote line, each of
 * its lines a numbered footnote or the wrapped rest of one. The office readers (DOCX, ODT, RTF)
 * write a document's notes there, and the PDF reader moves each page's footnotes there, so their
 * references may be anywhere before them; a document in parts numbers its notes from 1 again.
 */
function closingNotesStart(lines: SourceLine[]): number {
  let end = lines.length - 1;
  while (end >= 0 && lines[end]!.text === '') end--;
  let start = end;
  while (start > 0 && lines[start - 1]!.text !== '') start--;
  if (start < 0 || end < 0) return lines.length;
  if (!NUMBERED_NOTE.test(lines[start]!.text) || !/^\s*\d{1,3}[\t ]/.test(lines[start]!.raw)) return lines.length;
  // A closing list of numbered items ("1 Basisvoorzieningen ...") is text, not notes: notes need references.
  return start;
}

function endsSentence(text: string): boolean {
  return /[.!?]["'”’)]*$/.test(text);
}

/** Take footnotes and link lines out of the lines; mark references with REF_OPEN/REF_CLOSE. */
export function extractFootnotes(lines: SourceLine[]): { lines: SourceLine[]; footnotes: Footnote[]; links: LinkLine[] } {
  const work = lines.map((l) => ({ ...l }));
  const taken = new Set<number>();
  const used = new Set<string>();
  const found: Array<{ marker: Marker; printed: string | null; lines: SourceLine[]; line: number }> = [];
  const links: LinkLine[] = [];
  const closingNotes = closingNotesStart(work);

  for (let i = 0; i < work.length; i++) {
    const line = work[i]!;
    const prev = work[i - 1];
    const afterBreak = prev === undefined || prev.text === '' || taken.has(i - 1) || line.pageStart;
    // Without paragraph spacing, a run of URLs follows the text right after its last sentence.
    const urlsAfterText = prev !== undefined && endsSentence(prev.text) && URL_LINE.test(line.text);
    // A line set as a heading ("3 De basis van onze visie") is no footnote.
    if ((!afterBreak && !urlsAfterText) || line.heading) continue;

    // A run of bare URLs standing on its own. A URL too long for the line goes on, without a
    // space, on the lines below it (a PDF from Word breaks it anywhere: "...-368fe8" / "a0bc65?...").
    if (URL_LINE.test(line.text)) {
      const run: Array<{ first: number; url: string }> = [];
      let end = i;
      for (let k = i; k < work.length && work[k]!.text !== '' && (k === i || !work[k]!.pageStart); k++) {
        const text = work[k]!.text;
        if (URL_LINE.test(text)) run.push({ first: k, url: text });
        else if (/^\S+$/.test(text)) run[run.length - 1]!.url += text;
        else break;
        end = k;
      }
      const next = work[end + 1];
      if (next === undefined || next.text === '' || next.pageStart) {
        for (let k = i; k <= end; k++) taken.add(k);
        for (const { first, url } of run) links.push({ line: work[first]!.n, url });
        i = end;
      }
      continue;
    }

    const numbered = NUMBERED_NOTE.exec(line.text);
    const glyph = numbered ? null : GLYPH_NOTE.exec(line.text);
    if (!numbered && !glyph) continue;
    // A footnote's number stands apart from its text with a tab or a space, never a dot.
    if (numbered && !/^\s*\d{1,3}[\t ]/.test(line.raw)) continue;
    const from = i >= closingNotes ? 0 : Math.max(0, i - LOOKBACK);
    const marker = numbered ? findNumberMarker(work, from, i - 1, numbered[1]!, used, i >= closingNotes) : findGlyphMarker(work, from, i - 1, used);
    if (!marker || taken.has(marker.line)) continue;

    // The footnote runs on over following lines, and over a blank line while it has not ended a
    // sentence ("... zorgen en wonen" / "(2002). Den Haag: ..."), up to the next page or footnote.
    const first: SourceLine = { ...line, text: (numbered ? numbered[2]! : glyph![1]!).trim() };
    const noteLines: SourceLine[] = [first];
    taken.add(i);
    let k = i + 1;
    while (k < work.length) {
      const next = work[k]!;
      if (next.pageStart || NUMBERED_NOTE.test(next.text) || GLYPH_NOTE.test(next.text) || URL_LINE.test(next.text)) break;
      if (next.text !== '') {
        noteLines.push(next);
        taken.add(k);
        k++;
        continue;
      }
      let after = k;
      while (after < work.length && work[after]!.text === '' && !work[after]!.pageStart) after++;
      const cont = work[after];
      const last = noteLines[noteLines.length - 1]!.text;
      // Footnotes are short: a long run of lines after the blank is the page's text going on
      // ("... voeden" / footnotes / "kinderen op, zijn vrijwilliger, ..." in the beleidsnota).
      let run = after;
      while (run < work.length && work[run]!.text !== '' && !(run > after && work[run]!.pageStart)) run++;
      if (cont && !cont.pageStart && !endsSentence(last) && /^[\p{Ll}(•]/u.test(cont.text) && run - after <= MAX_NOTE_RUN) {
        for (let b = k; b < after; b++) taken.add(b);
        k = after;
        continue;
      }
      break;
    }
    used.add(`${marker.line}:${marker.index}`);
    found.push({ marker, printed: numbered ? numbered[1]! : null, lines: noteLines, line: line.n });
    i = k - 1;
  }

  // Labels: the printed number ("1"; "1-2" for a second footnote 1 in a document in parts), or
  // "v1", "v2" ... (voetnoot) for footnotes marked with an unreadable glyph, so a printed number
  // is never invented.
  const labels = new Set<string>();
  let glyphCount = 0;
  const footnotes: Footnote[] = [];
  const refs: Array<{ marker: Marker; label: string }> = [];
  for (const f of found) {
    let label = f.printed ?? `v${++glyphCount}`;
    for (let k = 2; labels.has(label); k++) label = `${f.printed}-${k}`;
    labels.add(label);
    footnotes.push({ label, lines: f.lines, line: f.line });
    refs.push({ marker: f.marker, label });
  }
  // Right to left within a line, so an inserted label does not shift the markers after it.
  refs.sort((a, b) => a.marker.line - b.marker.line || b.marker.index - a.marker.index);
  for (const { marker, label } of refs) {
    const target = work[marker.line]!;
    target.text = `${target.text.slice(0, marker.index)}${REF_OPEN}${label}${REF_CLOSE}${target.text.slice(marker.index + marker.length)}`;
  }

  const kept: SourceLine[] = [];
  let carry = false;
  work.forEach((line, i) => {
    if (taken.has(i)) {
      carry ||= line.pageStart;
      return;
    }
    if (carry && line.text !== '') {
      kept.push({ ...line, pageStart: true });
      carry = false;
    } else kept.push(line);
  });
  return { lines: kept, footnotes, links };
}
