/**
 * What a heading looks like in extracted policy text, and whether its number fits the ones
 * before it. Used by the margin-heading step and the block step.
 */

export interface NumberedHeading {
  /** The number's parts: "4.3" → [4, 3]. */
  number: number[];
  /** The number as printed, with its dot if any: "4.3", "2.". */
  label: string;
  /** The heading text after the number, unreadable glyphs dropped. */
  title: string;
}

/** A heading has at most this many words; the longest in the seeds has 9. */
export const MAX_HEADING_WORDS = 12;
/** An unnumbered heading is shorter still: "Van individuele zorg naar het samenbrengen van vragen" has 8. */
export const MAX_PLAIN_HEADING_WORDS = 10;
const MAX_HEADING_CHARS = 100;

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})(\.?)\s+(.+)$/;

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Strip what extraction leaves before a heading's first letter: glyphs, quotes. */
function cleanTitle(text: string): string {
  return text.replace(/\ufffd/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Whether text reads as a heading: starts with a capital, is short, does not end like a sentence or
 * a clause (a '?' is fine: "Welke lessen hebben we geleerd?") and has no sentence break inside
 * other than after a question ("Hoe staat Zwolle ervoor? De context van beleid").
 */
export function looksLikeHeadingText(text: string, maxWords = MAX_HEADING_WORDS): boolean {
  const t = cleanTitle(text);
  if (t.length === 0 || t.length > MAX_HEADING_CHARS) return false;
  if (!/^["'“‘(]?\p{Lu}/u.test(t)) return false;
  if (/[.,;:•·-]$/.test(t)) return false;
  if (/[.!](?:["'”’)])?\s+\p{Lu}/u.test(t)) return false;
  if (/^(?:https?:|file:|www\.)/i.test(t)) return false;
  // Brackets must pair up: "VIA)" is the end of a sentence cut by a column break.
  if ((t.match(/\(/g)?.length ?? 0) !== (t.match(/\)/g)?.length ?? 0)) return false;
  const n = words(t);
  return n >= 1 && n <= maxWords;
}

/** The number of a heading known to be one ("4.3 Samenwerking ..."), whatever its text looks like. */
export function headingNumber(text: string): NumberedHeading | null {
  const m = NUMBERED.exec(text);
  if (!m) return null;
  const number = m[1]!.split('.').map(Number);
  if (number.some((part) => part > 50)) return null;
  return { number, label: `${m[1]}${m[2]}`, title: cleanTitle(m[3]!) };
}

/** Parse "4.3 Samenwerking met de politie" / "2. Welke lessen ...?" / "1 Inleiding en proces". */
export function numberedHeadingShape(text: string): NumberedHeading | null {
  const heading = headingNumber(text);
  return heading && looksLikeHeadingText(heading.title) ? heading : null;
}

/** A marked heading (set in a heading's look, or a heading style) is at most this long. */
const MAX_MARKED_WORDS = 25;

/**
 * Whether text the reader marked as a heading reads as one: letters in it, not too long, not an
 * entry of a table of contents, and not ending like a sentence or a lead-in ("Daarbij waren de
 * onderstaande bewegingen leidend:" set in bold is a paragraph). A question is a heading ("Welke
 * lessen hebben we geleerd?").
 */
export function looksLikeMarkedHeading(text: string): boolean {
  const t = cleanTitle(text);
  if (!/\p{L}/u.test(t) || t.length > 2 * MAX_HEADING_CHARS) return false;
  // An entry of a table of contents, set like the heading it points to: "1. Inleiding ....... 3".
  if (/(?:\.{3,}|…)\s*\d{1,4}$/.test(t)) return false;
  if (/[.!,;:]["'”’)]*$/.test(t) && !/\.\.\.$/.test(t)) return false;
  return words(t) <= MAX_MARKED_WORDS;
}

/** The heading text of an unnumbered heading line ("Coalitieakkoord"), or null. */
export function plainHeadingShape(text: string): string | null {
  const t = cleanTitle(text);
  return looksLikeHeadingText(t, MAX_PLAIN_HEADING_WORDS) ? t : null;
}

/**
 * Whether `next` may follow `last` as a heading number: the next sibling at any depth (deeper
 * parts starting at 1: after 4.2 come 4.3, 5, 5.1, 4.3.1) or the first child (4.2.1, 4.2.1.1). A missing
 * chapter heading is tolerated (2.1 after 1.3), a jump is not (6 after 3.7).
 */
export function followsNumbering(last: number[] | null, next: number[]): boolean {
  // The first numbered heading opens a chapter or its first section; past chapter 2 (an excerpt)
  // the caller asks for the next heading's confirmation.
  if (last === null) return next.slice(1).every((part) => part === 1) && next[0]! <= 9;
  // A child, possibly skipping a level: 2 → 2.1 or 2.1.1.
  if (next.length > last.length && last.every((part, i) => part === next[i]) && next.slice(last.length).every((part) => part === 1)) return true;
  for (let depth = 1; depth <= Math.min(last.length, next.length); depth++) {
    const samePrefix = last.slice(0, depth - 1).every((part, i) => part === next[i]);
    if (samePrefix && next[depth - 1] === last[depth - 1]! + 1 && next.slice(depth).every((part) => part === 1)) return true;
  }
  return false;
}

/** Whether a numbering restarts: "1" or "1.1" (a document in parts, like the 2005 beleidsnota). */
export function isRestart(next: number[]): boolean {
  return next[0] === 1 && next.slice(1).every((part) => part === 1);
}

/** Words of a text that commonly open a document's section without being its title. */
const GENERIC_SECTIONS = /^(?:samenvatting|inhoud|inhoudsopgave|voorwoord|inleiding|colofon|bijlage.*|managementsamenvatting|leeswijzer|deel [a-z0-9]+)$/i;

/** Whether an opening heading is a section name ("Samenvatting") rather than the document's title. */
export function isGenericSection(text: string): boolean {
  return GENERIC_SECTIONS.test(text.trim());
}

/** Sentence-final or clause-final punctuation at the end of a line. */
export function endsClause(text: string): boolean {
  return /[.!?:;]["'”’)]*$/.test(text.trim());
}
