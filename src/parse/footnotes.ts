/**
 * Step 2: footnotes. A reference is in superscript digits where the reader knew it ("Thuis’¹"),
 * else, in text taken from a PDF, glued to the word before it ("Beschermd Thuis’1", "in de knel
 * komen2."): text/footnote-markers.ts finds both. The footnote itself sits at the foot of the page
 * (or the end of the text) as "1 https://...", often followed by the link's text once more. A footnote line is recognised
 * only when a glued marker with the same number comes before it, so a list numbered "1 ..."
 * without a dot is not mistaken for one.
 */
import type { Footnote } from '../model.js';
import type { Line } from './lines.js';
import { allNoteReferences } from '../text/footnote-markers.js';
import { joinLines } from '../text/hyphenation.js';

export interface FootnoteResult {
  lines: Line[];
  footnotes: Footnote[];
}

const DEFINITION_RE = /^(\d{1,2})\s+(\S.*)$/;
const STAR_DEFINITION_RE = /^(?:\((\*{1,3})\)|(\*{1,3}))\s+(\S.*)$/;

interface Marker {
  n: number;
  line: number;
  index: number;
  length: number;
}

/**
 * The references in the lines, by note number, in line order (text/footnote-markers.ts), found
 * in one pass: a definition line looks up the last one before it. (Searching all earlier lines for
 * every line that looks like a definition, and all earlier lines for every starred line, was
 * quadratic: a text of 80,000 short numbered lines took half an hour.)
 */
function referencesByNumber(lines: readonly Line[]): Map<number, Marker[]> {
  const byNumber = new Map<number, Marker[]>();
  lines.forEach((line, i) => {
    // Right to left within a line, as a search backwards from a definition meets them.
    for (const hit of allNoteReferences(line.text).reverse()) {
      const n = Number(hit.n);
      const list = byNumber.get(n);
      const marker = { n, line: i, index: hit.index, length: hit.length };
      if (list) list.push(marker);
      else byNumber.set(n, [marker]);
    }
  });
  return byNumber;
}

/** The nearest reference before line `before` on a line that still has its text (not taken as a footnote). */
function lastBefore(markers: readonly Marker[], before: number, lines: readonly Line[]): Marker | undefined {
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid]!.line < before) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) if (lines[markers[k]!.line]?.text) return markers[k];
  return undefined;
}

/**
 * Whether a line before `line` still marks a footnote of `n` stars ("(*)", or "*" glued to a
 * word). Lines only ever lose their text while footnotes are taken out, so the first line with a
 * marker is found once and passed over only when it is emptied.
 */
function starMarkerLines(lines: readonly Line[]): (n: number, line: number) => boolean {
  const found = new Map<number, { pattern: RegExp; lines: number[]; at: number }>();
  return (n, line) => {
    let entry = found.get(n);
    if (!entry) {
      const pattern = new RegExp(`\\(\\*{${n}}\\)|[\\p{L}.)]\\*{${n}}(?!\\*)`, 'u');
      entry = { pattern, lines: lines.flatMap((l, i) => (pattern.test(l.text) ? [i] : [])), at: 0 };
      found.set(n, entry);
    }
    while (entry.at < entry.lines.length && !entry.pattern.test(lines[entry.lines[entry.at]!]!.text)) entry.at++;
    return entry.at < entry.lines.length && entry.lines[entry.at]! < line;
  };
}

export function extractFootnotes(input: readonly Line[]): FootnoteResult {
  const lines = input.map((l) => ({ ...l }));
  const footnotes: Footnote[] = [];
  const removeMarkers: Marker[] = [];
  const seen = new Set<number>();
  const references = referencesByNumber(lines);
  const starEarlier = starMarkerLines(lines);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line?.text) continue;
    const def = DEFINITION_RE.exec(line.text);
    if (def?.[1] && def[2]) {
      const n = Number(def[1]);
      // Only one reference of a number is ever taken, and only while the number is not seen yet.
      const marker = seen.has(n) ? undefined : lastBefore(references.get(n) ?? [], i, lines);
      if (marker && !seen.has(n) && !/^\d/.test(def[2])) {
        const parts = [def[2]];
        line.text = '';
        let j = i + 1;
        for (; j < lines.length; j++) {
          const next = lines[j];
          if (!next) break;
          if (!next.text) break;
          const soFar = parts.join('');
          // A long link is broken anywhere, even inside a word ("thuis-vo" / "or-iedereen"): a line
          // without spaces after a link that is still running on is the rest of it.
          const wrappedUrl = /(?:https?:\/\/|www\.)\S*$/i.test(soFar) && !/\s/.test(next.text) && !/^(?:https?:|www\.)/i.test(next.text) && (/[/._?=&#%-]/.test(next.text) || /^[\p{Ll}\d]/u.test(next.text));
          const lowerContinuation = /^[\p{Ll}]/u.test(next.text) && !/^(?:https?:|www\.)/i.test(next.text) && !DEFINITION_RE.test(next.text);
          if (!wrappedUrl && !lowerContinuation) break;
          parts.push(wrappedUrl ? next.text : ` ${next.text}`);
          next.text = '';
        }
        const text = joinFootnote(parts);
        footnotes.push({ n, text });
        seen.add(n);
        removeMarkers.push(marker);
        dropLinkEcho(lines, j, text);
        continue;
      }
    }
    const star = STAR_DEFINITION_RE.exec(line.text);
    if (star?.[3]) {
      const stars = star[1] ?? star[2] ?? '*';
      const n = stars.length;
      const earlier = starEarlier(n, i);
      if (earlier && !seen.has(-n)) {
        footnotes.push({ n, text: star[3].trim() });
        seen.add(-n);
        line.text = '';
      }
    }
  }

  // Take the glued digits out of the words they were glued to.
  const byLine = new Map<number, Marker[]>();
  for (const m of removeMarkers) {
    const list = byLine.get(m.line);
    if (list) list.push(m);
    else byLine.set(m.line, [m]);
  }
  for (const [i, ms] of byLine) {
    const line = lines[i];
    if (!line) continue;
    let text = line.text;
    for (const m of ms.sort((a, b) => b.index - a.index)) {
      text = text.slice(0, m.index) + text.slice(m.index + m.length);
    }
    line.text = text;
  }
  footnotes.sort((a, b) => a.n - b.n);
  return { lines, footnotes };
}

function joinFootnote(parts: string[]): string {
  return joinLines([parts.join('')]);
}

/** A PDF often repeats a footnote's link as a line of its own just after it: drop that echo. */
function dropLinkEcho(lines: Line[], from: number, footnote: string): void {
  const url = /(?:https?:\/\/|www\.)\S+/i.exec(footnote)?.[0];
  if (!url) return;
  const squash = (s: string) => s.replace(/\s+/g, '');
  let seenText = 0;
  for (let j = from; j < lines.length && seenText < 3; j++) {
    const line = lines[j];
    if (!line?.text) continue;
    seenText++;
    if (squash(line.text) === squash(url) || (line.text.length > 20 && url.startsWith(squash(line.text)))) {
      line.text = '';
      return;
    }
  }
}
