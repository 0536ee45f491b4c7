/**
 * Slugs: the file names the tool makes from what documents say (a corpus document's title, a
 * question document's date, party and subject). Data becomes a name here and never a path: only
 * lowercase ASCII letters, digits and single hyphens are left.
 */

/** The longest slug we make: long enough for a full Dutch policy title, short enough for a path. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Text folded to `[a-z0-9-]`: accents dropped (`één` → `een`), ß, æ, ø and ł spelled out, `&` and
 * `+` as `en`, everything else a hyphen, hyphens collapsed and trimmed. Not cut to a length
 * (`cutSlug` does that); '' when nothing usable is left.
 */
export function foldSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[&+]/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A slug at most `max` characters long, cut at a hyphen where one is in its second half. */
export function cutSlug(slug: string, max: number = MAX_SLUG_LENGTH): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, max)).replace(/-+$/, '');
}

/** A file-name-safe slug of at most 80 characters (`foldSlug`, then `cutSlug`). */
export function slugify(text: string): string {
  return cutSlug(foldSlug(text));
}
