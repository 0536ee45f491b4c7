/** The longest slug we make: long enough for a full Dutch policy title, short enough for a path. */
export const MAX_SLUG_LENGTH = 80;

/**
 * A file-name-safe slug: lowercase ASCII letters, digits and single hyphens, at most 80 characters,
 * cut at a hyphen where possible. Accents are dropped (`één` → `een`); `&` and `+` become `en`.
 * Returns '' when nothing usable is left.
 */
export function slugify(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[&+]/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}
