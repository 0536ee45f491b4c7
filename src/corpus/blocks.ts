/**
 * Step 5 of the conversion: group lines into headings, paragraphs and lists.
 *
 * Headings are taken conservatively. A numbered heading ("4.3 Samenwerking met de politie") must
 * be short, must not end like a sentence or a clause, must stand apart from the text before it and
 * must fit the numbering of the headings before it (4.2 then 4.3), so an item of a numbered list
 * ("1. We willen breder kijken ...;") stays an item. An unnumbered heading ("Coalitieakkoord") must
 * also stand alone and be followed by running text.
 *
 * Extraction breaks paragraphs at column and page ends, sometimes with a blank line in the
 * middle of a sentence; a line that starts in lower case after a line that did not end a sentence
 * continues it.
 *
 * A reader that sees how lines are set (a PDF's fonts, a DOCX's heading styles) marks heading
 * lines. A marked line that reads as a heading is one, wherever it stands and whatever its number;
 * once a document marks a few, its look is what sets headings apart, and the guessing above is
 * left out (it takes short paragraphs, such as a list of document names, for headings).
 */
import {
  endsClause,
  followsNumbering,
  headingNumber,
  isRestart,
  looksLikeMarkedHeading,
  MAX_PLAIN_HEADING_WORDS,
  numberedHeadingShape,
  plainHeadingShape,
} from './headings.js';
import { joinLines } from '../text/hyphenation.js';
import type { SourceLine } from '../text/source-lines.js';

export interface HeadingBlock {
  kind: 'heading';
  /** The heading's number parts, or null for an unnumbered heading. */
  number: number[] | null;
  /** The heading as it will be written: number label and title ("4.3 Samenwerking ..."). */
  text: string;
  /** Markdown depth: 2 for a chapter ("4"), 3 for "4.3"; unnumbered headings sit one below. */
  depth: number;
  lines: SourceLine[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  lines: SourceLine[];
}

export type ListKind = 'bullet' | 'ordered' | 'letter';

export interface ListItem {
  /** "3." for an ordered item, "a." for a lettered one, null for a bullet. */
  label: string | null;
  /** The item's lines, the label taken off the first. */
  lines: SourceLine[];
}

export interface ListBlock {
  kind: 'list';
  list: ListKind;
  /** Items marked with a dash: only a dash continues the list. */
  dash: boolean;
  items: ListItem[];
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock;

const BULLET = /^[•▪●◦·‣⁃∙■□►➢✓\uf0b7\uf0a7]\s*(.*)$/u;
const DASH = /^[-–—]\s+(\S.*)$/;
const ORDERED = /^(\d{1,2})[.)]\s+(\S.*)$/;
const ORDERED_TAB = /^\s*(\d{1,2})\t\s*(\S.*)$/;
const LETTER = /^([a-z])[.)]\s+(\S.*)$/;
/** Words a wrapped heading's first line may end with: "... eigen verantwoordelijkheid en". */
const LINKING_WORDS = /(?:^|\s)(?:en|of|van|voor|de|het|een|op|in|met|aan|bij|tot|naar|over|om|als|door|uit|&)$/i;

interface Label {
  list: ListKind;
  label: string | null;
  text: string;
}

function readLabel(line: SourceLine): Label | null {
  const bullet = BULLET.exec(line.text);
  if (bullet) return { list: 'bullet', label: null, text: bullet[1]! };
  // Word's "o<tab>" sub-bullet.
  if (/^\s*o\t/.test(line.raw)) return { list: 'bullet', label: null, text: line.text.slice(1).trim() };
  const dash = DASH.exec(line.text);
  if (dash) return { list: 'bullet', label: '-', text: dash[1]! };
  const ordered = ORDERED.exec(line.text) ?? ORDERED_TAB.exec(line.raw);
  if (ordered) return { list: 'ordered', label: `${ordered[1]}.`, text: ordered[2]!.replace(/\s+/g, ' ').trim() };
  const letter = LETTER.exec(line.text);
  if (letter) return { list: 'letter', label: `${letter[1]}.`, text: letter[2]! };
  return null;
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Lines of running text in the seeds hold 8 to 14 words; table cells and lists of names hold
 * fewer ("DVO OGGZ Preventie met gezag").
 */
const MIN_BODY_LINE_WORDS = 7;
/** How far (in lines) an ordered list's items may lie apart: 16 principles with a paragraph each. */
const RECENT_ITEM_LINES = 40;

/**
 * Running text: a list item, or a line starting a sentence that ends a sentence, is long, or wraps
 * on the next line ("Ondersteunen van vrijwilligers en mantel-" / "zorgers").
 */
function bodyLike(line: SourceLine | undefined, next?: SourceLine, width = Infinity): boolean {
  if (!line || line.text === '') return false;
  if (readLabel(line)) return true;
  if (!/^["'“‘]?[\p{Lu}\p{N}]/u.test(line.text)) return false;
  if (endsClause(line.text) || words(line.text) >= MIN_BODY_LINE_WORDS) return true;
  const wraps = next !== undefined && next.text !== '' && !next.pageStart && /^\p{Ll}/u.test(next.text);
  return wraps && line.text.length >= FOLLOWING_WIDTH * width;
}

/**
 * A line this close to the column width (the 90th percentile of line lengths) is wrapped running
 * text when a line follows without a blank: "Gemeenten hebben in 2021 in verschillende
 * samenwerkingsverbanden een Propositie" (79 of 83) is a paragraph's first line, "Vertragen,
 * verdragen, uitzoomen, stap voor stap naar een werkende oplossing" (75 of 83) a heading.
 */
const FULL_WIDTH = 0.92;
/** The first line under a heading with no blank line between fills at least this share of the column. */
const FOLLOWING_WIDTH = 0.6;

function columnWidth(lines: SourceLine[]): number {
  const lengths = lines.filter((l) => l.text !== '').map((l) => l.text.length).sort((a, b) => a - b);
  return lengths.length === 0 ? Infinity : lengths[Math.floor(lengths.length * 0.9)]!;
}

/**
 * From this many marked headings after the first running text on, only marked lines are headings.
 * The seeds as Word files mark 26 to 211; a letter-like document with a large title line marks one.
 */
const MIN_MARKED_HEADINGS = 3;

/**
 * Markdown depth per marked level. The levels in use (a title's level, used once at the start,
 * and Word's Title level 0 left out) are ranked from depth 2 on; a level whose numbered headings
 * say otherwise ("4.3" is depth 3) follows its numbers, and the levels below it follow on.
 */
function depthsOfLevels(lines: SourceLine[]): (level: number) => number {
  const starts = lines.filter((l) => l.heading?.start);
  const first = starts[0]?.heading?.level;
  const levels = [...new Set(starts.map((l) => l.heading!.level))]
    .filter((level) => level > 0 && !(level === first && starts.filter((l) => l.heading!.level === level).length === 1 && starts.length > 1))
    .sort((a, b) => a - b);
  const evidence = new Map<number, Map<number, number>>();
  for (const line of starts) {
    const numbered = headingNumber(line.text);
    if (!numbered) continue;
    const votes = evidence.get(line.heading!.level) ?? new Map<number, number>();
    const depth = numbered.number.length + 1;
    votes.set(depth, (votes.get(depth) ?? 0) + 1);
    evidence.set(line.heading!.level, votes);
  }
  const depths = new Map<number, number>();
  let offset = 0;
  levels.forEach((level, rank) => {
    const votes = evidence.get(level);
    if (votes) {
      const [depth] = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
      offset = depth - (rank + 2);
    }
    depths.set(level, rank + 2 + offset);
  });
  return (level) => Math.max(2, Math.min(6, depths.get(level) ?? level + 1));
}

interface Open {
  block: ParagraphBlock | ListBlock;
  /** The item being filled, for a list. */
  item: ListItem | null;
  /** Brackets opened minus closed in the lines counted so far, and how many lines that is. */
  brackets?: { balance: number; counted: number };
}

function openList(open: Open | null): ListBlock | null {
  return open !== null && open.block.kind === 'list' ? open.block : null;
}

function lastText(open: Open): string {
  const lines = open.item ? open.item.lines : (open.block as ParagraphBlock).lines;
  return lines[lines.length - 1]!.text;
}

/**
 * Whether the open paragraph or item has a bracket left open, counted as its lines come (joining
 * its whole text again for every line was quadratic in a paragraph of 80,000 lines).
 */
function openBracket(open: Open): boolean {
  const lines = open.item ? open.item.lines : (open.block as ParagraphBlock).lines;
  const brackets = (open.brackets ??= { balance: 0, counted: 0 });
  for (; brackets.counted < lines.length; brackets.counted++) brackets.balance += bracketBalance(lines[brackets.counted]!.text);
  return brackets.balance > 0;
}

function append(open: Open, line: SourceLine): void {
  if (open.item) open.item.lines.push(line);
  else (open.block as ParagraphBlock).lines.push(line);
}

/**
 * A line after a break continues the open block when the block's last line did not finish:
 * it starts in lower case, or the last line ends in a hyphen or a linking word ("... in Zorg en" /
 * "Veiligheid."), or only a page break (no blank line) came between.
 */
function bracketBalance(text: string): number {
  return (text.match(/\(/g)?.length ?? 0) - (text.match(/\)/g)?.length ?? 0);
}

function continuesAcrossBreak(previous: string, line: SourceLine, blankBetween: boolean, unclosed = () => bracketBalance(previous) > 0): boolean {
  if (readLabel(line) && !/^[-–—]\s+\p{Ll}/u.test(line.text)) return false;
  if (/[\p{L}\p{N}][-\u2010\u2011\u00ad]$/u.test(previous) && /^\p{Ll}/u.test(line.text)) return true;
  if (endsClause(previous)) return false;
  if (numberedHeadingShape(line.text)) return false;
  if (/^[\p{Ll}(]/u.test(line.text)) return true;
  // A number goes on a sentence across a page break ("prestatieveld" / "8 verder uitwerken"), not
  // across a blank line, where it may start a paragraph ("2005. In dat jaar").
  if (!blankBetween && /^\d/.test(line.text) && !ORDERED.test(line.text)) return true;
  if (LINKING_WORDS.test(previous)) return true;
  // An open bracket: "(in de regio IJssel Vecht is dat nu meldpunt" / "VIA)".
  if (unclosed()) return true;
  return !blankBetween && words(previous) >= 5;
}

/** Group source lines into blocks. */
export function buildBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let open: Open | null = null;
  let lastNumber: number[] | null = null;
  let sawBreak = true;
  let previous: SourceLine | null = null;
  let previousWasHeading = false;
  /** The last ordered list item seen, to tell "5. Wij zetten ons in ..." (item 5 of 16) from chapter 5. */
  let lastItem: { number: number; dotted: boolean; index: number } | null = null;
  const width = columnWidth(lines);
  // Marks on a cover page (title, subtitle, date) do not show how the text sets its headings:
  // only the heading over the first line of running text and the marks after it count.
  const firstText = lines.findIndex((l, i) => !l.heading && words(l.text) >= MIN_BODY_LINE_WORDS && bodyLike(l, lines[i + 1], width));
  const marks = lines.flatMap((l, i) => (l.heading?.start && l.heading.level > 0 ? [i] : []));
  const counted = marks.filter((i) => i > firstText).length + (marks.some((i) => i < firstText) ? 1 : 0);
  const byLook = firstText >= 0 && counted >= MIN_MARKED_HEADINGS;
  const depthOf = depthsOfLevels(lines);

  /** A heading the reader marked, starting at `index` and taking its marked lines, or null. */
  const markedAt = (index: number): { block: HeadingBlock; used: number } | null => {
    const line = lines[index]!;
    if (!line.heading?.start) return null;
    let end = index + 1;
    while (end < lines.length && lines[end]!.heading && !lines[end]!.heading!.start && lines[end]!.text !== '') end++;
    const text = joinLines(lines.slice(index, end).map((l) => l.text)).replace(/\s+/g, ' ').trim();
    if (!looksLikeMarkedHeading(text)) return null;
    const numbered = headingNumber(text);
    const depth = numbered ? Math.min(6, numbered.number.length + 1) : depthOf(line.heading.level);
    const block: HeadingBlock = { kind: 'heading', number: numbered?.number ?? null, text: numbered ? `${numbered.label} ${numbered.title}` : text, depth, lines: lines.slice(index, end) };
    return { block, used: end - index };
  };

  const nonBlankAfter = (index: number): number => {
    let k = index;
    while (k < lines.length && lines[k]!.text === '') k++;
    return k;
  };

  /** The next numbered heading shape after `index` standing after a break, for a restart's proof. */
  const nextNumbered = (index: number): number[] | null => {
    for (let k = index; k < lines.length; k++) {
      const before = lines[k - 1];
      if (lines[k]!.text === '' || !(lines[k]!.pageStart || !before || before.text === '')) continue;
      const shape = numberedHeadingShape(lines[k]!.text);
      if (shape) return shape.number;
    }
    return null;
  };

  /** A heading starting at `index`, over one line or two (a wrapped heading), or null. */
  const headingAt = (index: number, breakBefore: boolean): { block: HeadingBlock; used: number } | null => {
    const line = lines[index]!;
    // After "... de volgende drie thema's:" comes a list, unless a blank line sets it apart and
    // the heading is unnumbered ("Daarbij waren de onderstaande bewegingen leidend:" / "Van apart
    // naar gewoon").
    const introduced = previous !== null && previous.text.trim().endsWith(':');
    const blankBefore = index > 0 && lines[index - 1]!.text === '';
    const next = lines[index + 1];
    const options: Array<{ text: string; used: number }> = [{ text: line.text, used: 1 }];
    if (next && next.text !== '' && !next.pageStart && !readLabel(next) && words(next.text) <= 5) {
      const wraps = /^\p{Ll}/u.test(next.text) || /[,;:&–-]$/.test(line.text) || LINKING_WORDS.test(line.text);
      if (wraps && !endsClause(line.text)) options.unshift({ text: joinLines([line.text, next.text]), used: 2 });
    }
    for (const option of options) {
      const after = lines[index + option.used];
      const standsApartAfter = !after || after.text === '' || after.pageStart || bodyLike(after) || /^\p{Lu}/u.test(after.text);
      if (!standsApartAfter) continue;
      // Text that runs on in lower case after a blank is a paragraph, not a heading.
      const nextText = lines[nonBlankAfter(index + option.used)]?.text ?? '';
      if (/^\p{Ll}/u.test(nextText)) continue;
      const numbered = numberedHeadingShape(option.text);
      if (numbered) {
        if (introduced) continue;
        if (!breakBefore && !(previous && endsClause(previous.text)) && !previousWasHeading) continue;
        // An item of an open numbered list ("2. Knelpunten in wonen aanpakken" after "1. ...").
        if (open?.item && open.block.kind === 'list' && open.block.list === 'ordered') {
          const label = Number.parseInt(open.item.label ?? '', 10);
          if (numbered.number.length === 1 && numbered.number[0] === label + 1) continue;
        }
        // An item of a list whose items are set apart by text (a two-column table: principle 4,
        // its explanation, principle 5 ...).
        if (lastItem && numbered.number.length === 1 && numbered.number[0] === lastItem.number + 1 && index - lastItem.index <= RECENT_ITEM_LINES) {
          if (/\.$/.test(numbered.label) === lastItem.dotted) continue;
        }
        // The first of a list: the next item follows right after it.
        const following = lines[nonBlankAfter(index + option.used)];
        const followingLabel = following ? readLabel(following) : null;
        if (followingLabel?.list === 'ordered' && numbered.number.length === 1 && Number.parseInt(followingLabel.label!, 10) === numbered.number[0]! + 1) continue;
        let fits = followsNumbering(lastNumber, numbered.number);
        if (fits && lastNumber === null && numbered.number[0]! > 2) {
          const proof = nextNumbered(index + option.used);
          fits = proof !== null && followsNumbering(numbered.number, proof);
        }
        if (!fits && lastNumber !== null && isRestart(numbered.number)) {
          const proof = nextNumbered(index + option.used);
          fits = proof !== null && (followsNumbering(numbered.number, proof) || (proof.length === 1 && proof[0] === 2));
        }
        if (!fits) continue;
        lastNumber = numbered.number;
        return {
          block: { kind: 'heading', number: numbered.number, text: `${numbered.label} ${numbered.title}`, depth: Math.min(6, numbered.number.length + 1), lines: lines.slice(index, index + option.used) },
          used: option.used,
        };
      }
      if (/^\d/.test(option.text)) continue;
      const plain = plainHeadingShape(option.text);
      if (!plain || words(plain) > MAX_PLAIN_HEADING_WORDS) continue;
      // A heading does not stop on a linking word ("We zetten het uitvoeringsplan voor") and
      // holds no amounts ("Uitvoeringskosten agenda Zorg en Veiligheid € 10.000": a table row).
      if (LINKING_WORDS.test(plain) || /[€$%]|\d\.\d{3}/.test(plain)) continue;
      if (!breakBefore && !previousWasHeading) continue;
      if (introduced && !blankBefore) continue;
      const directlyFollowed = after !== undefined && after.text !== '' && !after.pageStart;
      if (option.used === 1 && directlyFollowed && line.text.length >= FULL_WIDTH * width) continue;
      // Text right under a heading runs the column's width; short lines under a short line are
      // table cells ("De rol van procesregisseur" / "Zorg en Veiligheid wordt voortgezet.").
      if (directlyFollowed && !after!.tabbed && after!.text.length < FOLLOWING_WIDTH * width) continue;
      // Followed by running text (or by another heading that is); a numbered item only when it
      // opens a list ("Nvt" above item "8." is a table cell).
      const k = nonBlankAfter(index + option.used);
      const following = lines[k];
      if (!following || !/^["'“‘(•]?[\p{Lu}\p{N}•]/u.test(following.text)) continue;
      const followingLabel = readLabel(following);
      if (followingLabel?.list === 'ordered' && Number.parseInt(followingLabel.label!, 10) !== 1) continue;
      if (!bodyLike(following, lines[k + 1], width)) {
        // Or by a sub-heading that is ("Deel A" / "Hoe staat Zwolle ervoor? ..."); a numbered
        // heading right after would leave this one without text.
        if (!plainHeadingShape(following.text) || numberedHeadingShape(following.text)) continue;
        const k2 = nonBlankAfter(k + 1);
        if (!bodyLike(lines[k2], lines[k2 + 1], width)) continue;
      }
      const depth = Math.min(6, (lastNumber?.length ?? 0) + 2);
      return { block: { kind: 'heading', number: null, text: plain, depth, lines: lines.slice(index, index + option.used) }, used: option.used };
    }
    return null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') {
      sawBreak = true;
      continue;
    }
    const blankBefore = sawBreak;
    const breakBefore = sawBreak || line.pageStart;
    sawBreak = false;

    const marked = markedAt(i);
    if (marked) {
      blocks.push(marked.block);
      if (marked.block.number) lastNumber = marked.block.number;
      open = null;
      previous = lines[i + marked.used - 1]!;
      previousWasHeading = true;
      i += marked.used - 1;
      continue;
    }

    if (open && breakBefore && continuesAcrossBreak(lastText(open), line, blankBefore, () => openBracket(open!))) {
      append(open, line);
      previous = line;
      previousWasHeading = false;
      continue;
    }

    const heading = byLook || (open && !breakBefore && !endsClause(lastText(open))) ? null : headingAt(i, breakBefore);
    if (heading) {
      blocks.push(heading.block);
      open = null;
      previous = lines[i + heading.used - 1]!;
      previousWasHeading = true;
      i += heading.used - 1;
      continue;
    }

    const label = readLabel(line);
    const prevText = previous?.text ?? '';
    const introduced = /[:;]$/.test(prevText);
    const inList = openList(open);
    const dash = label?.label === '-';
    // A bullet glyph always starts an item; a dash, number or letter only where a list can start
    // ("- op allerlei manieren" inside a sentence is a dash, not an item).
    const startsItem =
      label !== null &&
      ((label.list === 'bullet' && !dash) ||
        breakBefore ||
        introduced ||
        (inList !== null && inList.list === label.list && (!dash || inList.dash || (endsClause(prevText) && /^\p{Lu}/u.test(label.text)))) ||
        (label.list === 'ordered' && endsClause(prevText)));
    if (label && startsItem) {
      const item: ListItem = { label: dash ? null : label.label, lines: [{ ...line, text: label.text }] };
      if (label.list === 'ordered') lastItem = { number: Number.parseInt(label.label!, 10), dotted: /^\s*\d{1,2}[.)]/.test(line.text), index: i };
      if (inList && inList.list === label.list) {
        inList.items.push(item);
        open = { block: inList, item };
      } else {
        const block: ListBlock = { kind: 'list', list: label.list, dash, items: [item] };
        blocks.push(block);
        open = { block, item };
      }
      previous = line;
      previousWasHeading = false;
      continue;
    }

    if (open && !breakBefore) {
      append(open, line);
    } else {
      const block: ParagraphBlock = { kind: 'paragraph', lines: [line] };
      blocks.push(block);
      open = { block, item: null };
    }
    previous = line;
    previousWasHeading = false;
  }
  return blocks;
}
