/**
 * Step 8 of the conversion: title, date and slug of a corpus document.
 * What the document says wins over the file name; flags win over both.
 */
import type { Block } from './blocks.js';
import { isGenericSection } from './headings.js';
import { slugify } from '../text/slug.js';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a date known to the year, the month or the day. */
export const CORPUS_DATE = /^(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** The last path segment without its extension. */
export function baseName(path: string): string {
  const last = path.split(/[\\/]/).pop() ?? path;
  return last.replace(/\.[a-z0-9]{1,5}$/i, '');
}

/** A readable title from a file name: "zwolse-agenda-zorg-en-veiligheid-2025-2026" → "Zwolse agenda zorg en veiligheid 2025-2026". */
export function titleFromFileName(path: string): string {
  const words = baseName(path)
    .replace(/(?<=\d)[-_](?=\d)/g, '\u0000')
    .replace(/[-_.]+/g, ' ')
    .replace(/\u0000/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The first year in a title ("... 2025-2026" → "2025"), or null. */
export function yearInTitle(title: string): string | null {
  return /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(title)?.[1] ?? null;
}

/**
 * The document's own title: its first block, when that is an unnumbered heading that is not a
 * section name such as "Samenvatting". Returns the title and the blocks without it.
 */
export function takeDocumentTitle(blocks: Block[]): { title: string | null; blocks: Block[] } {
  const first = blocks[0];
  if (first?.kind === 'heading' && first.number === null && !isGenericSection(first.text)) {
    return { title: first.text, blocks: blocks.slice(1) };
  }
  return { title: null, blocks };
}

/** A slug from the file name where it gives one of at least three characters, else from the title. */
export function chooseSlug(source: string | undefined, title: string): string {
  const fromFile = source && !/^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? slugify(baseName(source)) : '';
  if (fromFile.length >= 3 && /[a-z]/.test(fromFile)) return fromFile;
  return slugify(title) || 'document';
}
