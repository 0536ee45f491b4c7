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
import { findNoteReferences } from '../text/footnote-markers.js';
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

/** The nearest reference to note `n` before line `before` (text/footnote-markers.ts), not yet taken. */
function findMarker(lines: readonly Line[], n: number, before: number, taken: readonly Marker[]): Marker | undefined {
  for (let i = before - 1; i >= 0; i--) {
    for (const hit of findNoteReferences(lines[i]?.text ?? '', String(n))) {
      if (!taken.some((m) => m.line === i && m.index === hit.index)) return { n, line: i, index: hit.index, length: hit.length };
    }
  }
  return undefined;
}

export function extractFootnotes(input: readonly Line[]): FootnoteResult {
  const lines = input.map((l) => ({ ...l }));
  const footnotes: Footnote[] = [];
  const removeMarkers: Marker[] = [];
  const seen = new Set<number>();

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line?.text) continue;
    const def = DEFINITION_RE.exec(line.text);
    if (def?.[1] && def[2]) {
      const n = Number(def[1]);
      const marker = findMarker(lines, n, i, removeMarkers);
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
      const earlier = lines.slice(0, i).some((l) => l.text.includes(`(${stars})`) || new RegExp(`[\\p{L}.)]\\${'*'.repeat(n).split('').join('\\')}(?!\\*)`, 'u').test(l.text));
      if (earlier && !seen.has(-n)) {
        footnotes.push({ n, text: star[3].trim() });
        seen.add(-n);
        line.text = '';
      }
    }
  }

  // Take the glued digits out of the words they were glued to.
  const byLine = new Map<number, Marker[]>();
  for (const m of removeMarkers) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m]);
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
