/**
 * Passage ids that survive edits elsewhere in the file: the document slug, a hash of the heading
 * path and a hash of the passage's own text, never its position. Only exact duplicates within
 * one section get a numeric suffix (`-2`, `-3`), in the order they appear.
 */
import { createHash } from 'node:crypto';

function hash(text: string, length: number): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}

/** Text as compared for identity: Unicode-normalised, lowercase, whitespace collapsed. */
export function normalizeForId(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The heading path as compared for identity: the document title left out (the slug names the
 * document) and section numbers dropped, so renumbering "4.3" to "5.3" after a chapter is
 * inserted elsewhere does not change the ids below it.
 */
export function normalizeHeadingPath(heading: string[]): string {
  return heading
    .slice(1)
    .map((h) => normalizeForId(h).replace(/^\d+(?:\.\d+)*\.?\s+/, ''))
    .join(' › ');
}

/** Hands out ids for one document, numbering exact duplicates within a section. */
export class PassageIds {
  private readonly seen = new Map<string, number>();

  constructor(private readonly doc: string) {}

  next(heading: string[], text: string): string {
    const base = `${this.doc}:${hash(normalizeHeadingPath(heading), 6)}-${hash(normalizeForId(text), 8)}`;
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  }
}
