/**
 * Step 4 of the conversion: put chapter titles printed in a side box back where the chapter starts.
 *
 * In the 2005 beleidsnota each chapter's first page carries its title ("3 De basis van onze visie
 * op welzijn en zorg") in a side box, which extraction emits as the page's LAST line, often in the
 * middle of a sentence that continues on the next page. A chapter title found as the last line of
 * a page moves to the start of that page when the page itself says so: the title interrupts a
 * sentence or a numbered list, or the page holds the chapter's own sections (4.1 before "4 Sturing
 * en regie"). A title whose page holds sections of the chapter before it is an ordinary heading at
 * the foot of a page and stays. Pages that show neither follow the majority: once a document has
 * shown the side-box layout twice, its other page-end titles move as well.
 */
import { endsClause, numberedHeadingShape } from './headings.js';
import type { SourceLine } from '../text/source-lines.js';

/** A document shows the side-box layout when this many titles prove it. */
const MIN_EVIDENCE = 2;

const LIST_LABEL = /^(\d{1,2})[.)]?\s/;

interface Candidate {
  /** Index of the title line. */
  index: number;
  /** Index just past the title and its side-box lines (tab-indented lines right under it). */
  end: number;
  /** Index of the line that starts the title's page. */
  pageStart: number;
  verdict: 'moves' | 'stays' | 'unsure';
}

function previousNonBlank(lines: SourceLine[], index: number): number {
  let i = index - 1;
  while (i >= 0 && lines[i]!.text === '') i--;
  return i;
}

function nextNonBlank(lines: SourceLine[], index: number): number {
  let i = index;
  while (i < lines.length && lines[i]!.text === '') i++;
  return i;
}

function judge(lines: SourceLine[], c: Omit<Candidate, 'verdict'>, chapter: number): Candidate['verdict'] {
  for (let i = c.pageStart; i < c.index; i++) {
    const shape = numberedHeadingShape(lines[i]!.text);
    if (!shape || shape.number.length < 2) continue;
    if (shape.number[0] === chapter) return 'moves';
    return 'stays';
  }
  const before = previousNonBlank(lines, c.index);
  const after = nextNonBlank(lines, c.end);
  const prev = lines[before];
  const next = lines[after];
  if (!prev || !next) return 'unsure';
  if (!endsClause(prev.text) && /^\p{Ll}/u.test(next.text)) return 'moves';
  const a = LIST_LABEL.exec(prev.text);
  const b = LIST_LABEL.exec(next.text);
  if (a && b && Number(b[1]) === Number(a[1]) + 1) return 'moves';
  return 'unsure';
}

/** Move side-box chapter titles to the start of their page; lines keep their source numbers. */
export function relocateMarginHeadings(lines: SourceLine[]): SourceLine[] {
  const candidates: Candidate[] = [];
  let pageStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.pageStart) pageStart = i;
    if (line.text === '' || line.pageStart) continue;
    if (i > 0 && lines[i - 1]!.text !== '') continue;
    // The title may wrap onto the first side-box line: "9. Maatschappelijke opvang, Vrouwenopvang," / "OGGZ en Verslavingszorg".
    const wrapped = lines[i + 1]?.tabbed ? `${line.text} ${lines[i + 1]!.text}` : line.text;
    const shape = numberedHeadingShape(line.text) ?? numberedHeadingShape(wrapped);
    if (!shape || shape.number.length !== 1) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]!.tabbed && lines[end]!.text !== '' && !lines[end]!.pageStart) end++;
    const after = nextNonBlank(lines, end);
    if (after >= lines.length || !lines[after]!.pageStart) continue;
    if (pageStart === i) continue;
    const c = { index: i, end, pageStart };
    candidates.push({ ...c, verdict: judge(lines, c, shape.number[0]!) });
  }
  const proven = candidates.filter((c) => c.verdict === 'moves').length >= MIN_EVIDENCE;
  const moving = candidates.filter((c) => c.verdict === 'moves' || (proven && c.verdict === 'unsure'));
  // The page must start a paragraph: a title cannot go in the middle of a sentence.
  const placeable = moving.filter((c) => {
    const before = previousNonBlank(lines, c.pageStart);
    return before < 0 || endsClause(lines[before]!.text) || numberedHeadingShape(lines[before]!.text) !== null;
  });
  if (placeable.length === 0) return lines;

  const insertAt = new Map<number, Candidate>();
  const skip = new Set<number>();
  for (const c of placeable) {
    if (insertAt.has(c.pageStart)) continue;
    insertAt.set(c.pageStart, c);
    for (let i = c.index; i < c.end; i++) skip.add(i);
  }
  const out: SourceLine[] = [];
  lines.forEach((line, i) => {
    const c = insertAt.get(i);
    if (c) {
      const blank = (n: number): SourceLine => ({ n, raw: '', text: '', pageStart: false, tabbed: false });
      out.push({ ...lines[c.index]!, pageStart: true });
      for (let k = c.index + 1; k < c.end; k++) out.push({ ...lines[k]!, pageStart: false });
      out.push(blank(lines[c.index]!.n));
      out.push({ ...line, pageStart: false });
      return;
    }
    if (!skip.has(i)) out.push(line);
  });
  return out;
}
