/**
 * Bullet glyphs as office suites store them. Word and LibreOffice draw bullets from the Symbol and
 * Wingdings fonts, whose characters sit in Unicode's private-use area (U+F000 + the font's byte):
 * a DOCX's `w:lvlText`, an ODT's `text:bullet-char`, an RTF's `\u61623` and the text layer of an
 * exported PDF all carry U+F0B7 for the round bullet. They print as look-alikes here, so a reader
 * of the text sees a bullet and the letter parser a list label.
 */

/** Symbol and Wingdings bullets (private-use code points) and their look-alikes. */
const PRIVATE_USE_BULLETS: Record<number, string> = {
  0xf0b7: '•', // Symbol: bullet (Word's and LibreOffice's default)
  0xf0a7: '▪', // Wingdings: small square (Word's third level)
  0xf076: '❖', // Wingdings: diamond of four
  0xf0d8: '➢', // Wingdings: arrowhead
  0xf0d9: '➢',
  0xf0e0: '➢',
  0xf0e8: '➢',
  0xf0fc: '✓', // Wingdings: check mark
  0xf06c: '●', // Wingdings: black circle
  0xf06e: '■', // Wingdings: black square
  0xf06f: '□', // Wingdings: white square
  0xf071: '□',
  0xf0a8: '□',
  0xf09f: '•',
  0xf02d: '-', // Symbol: minus
  0xf0be: '–',
};

/** Whether a character is a Symbol/Wingdings private-use glyph (U+F020..U+F0FF). */
export function isSymbolGlyph(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return char.length === 1 && code >= 0xf020 && code <= 0xf0ff;
}

/** The private-use bullet glyphs that are known bullets, as a character class body for a RegExp. */
export const PRIVATE_USE_BULLET_CLASS = Object.keys(PRIVATE_USE_BULLETS)
  .map((code) => `\\u${Number(code).toString(16)}`)
  .join('');

/**
 * The common bullets a reader prints as they are ("o" aside), as a character class body for a
 * RegExp: the look-alikes above and the glyphs office suites write themselves ("-" last, so it is
 * never a range).
 */
export const PRINTED_BULLETS = '–—•·▪●◦■□➢►▶✓*❖➤◆♦-';

/**
 * A bullet's printed look: private-use glyphs as their look-alikes, "o" and the common bullets as
 * they are, anything else as "•".
 */
const PRINTED_BULLET = new RegExp(`[o${PRINTED_BULLETS}]`);

export function bulletLook(glyph: string): string {
  const t = glyph.trim();
  if (t === '') return '•';
  const code = t.codePointAt(0) ?? 0;
  if (t.length === 1 && PRIVATE_USE_BULLETS[code] !== undefined) return PRIVATE_USE_BULLETS[code]!;
  if (t.length === 1 && isSymbolGlyph(t)) return '•';
  if (t === '○' || t === '◦') return 'o';
  if (t.length === 1 && PRINTED_BULLET.test(t)) return t;
  return '•';
}

/** Replace the known private-use bullets in text by their look-alikes (a PDF's text layer). */
export function replaceSymbolBullets(text: string): string {
  if (!/[\uf020-\uf0ff]/.test(text)) return text;
  return text.replace(/[\uf020-\uf0ff]/g, (c) => PRIVATE_USE_BULLETS[c.codePointAt(0)!] ?? c);
}
