/**
 * Which link targets of a memo may stay links in the HTML page and the Word document. A memo
 * quotes letters and answers people wrote, so a link in it is data: only web and mail links
 * (http, https, mailto) and relative links (the citations to corpus files) are kept.
 *
 * The check looks at the target the way a browser will: character references decoded (also
 * twice encoded), and ASCII whitespace and control characters dropped, since browsers drop tabs
 * and newlines inside a URL: `[x](java&#9;script:alert(1))` is a `javascript:` link to them.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0',
  sol: '/', bsol: '\\', lpar: '(', rpar: ')', period: '.', comma: ',', num: '#', quest: '?', equals: '=',
};

/** Decode HTML character references: `&#9;`, `&#x3A;`, `&colon;` (with or without the `;`). */
export function decodeCharacterReferences(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));?/g, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? Number.parseInt(hex, 16) : null;
    if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    return NAMED[name!.toLowerCase()] ?? whole;
  });
}

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The link target to write, or null when it must not be a link. The target written is the
 * decoded one without control characters, so what a browser or Word sees is what was checked.
 */
export function safeLinkUrl(url: string): string | null {
  let decoded = url;
  for (let i = 0; i < 3; i++) {
    const next = decodeCharacterReferences(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  // What a browser reads as the scheme: with every ASCII space and control character taken out.
  const probe = decoded.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(probe)?.[1];
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme.toLowerCase())) return null;
  const written = decoded.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return written === '' ? null : written;
}
