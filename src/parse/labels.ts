/**
 * List labels as councils print them: `1.`, `1)`, `1.Hoeveel` (no space), `1e.-`, `Vraag 1`,
 * `Vraag 1:`, `a.`, `(a)`, `i.`, bullets (`-`, `•`, `–`, `o`, `*`) and an inline lead-in label
 * ("Onze vraag aan het college: Is ...").
 */

export type LabelKind = 'number' | 'ordinal' | 'vraag' | 'letter' | 'roman' | 'bullet' | 'lead-in';

export interface Label {
  kind: LabelKind;
  /** The label as printed, e.g. "1.", "Vraag 2:", "•". */
  printed: string;
  /** Its number (1-based; letters a=1), or null for bullets and lead-ins. */
  value: number | null;
  /** For numbers: the punctuation style ("." or ")"), for bullets the bullet; tells two lists apart. */
  style: string;
  /** The text after the label. */
  rest: string;
}

const BULLETS = '-–—•·▪●◦■□➢➤►▶✓❖◆♦*o';

export function detectLabel(text: string): Label | null {
  let m = /^(vraag|vr\.)\s*(\d{1,2})\s*([:.)]|-(?=\s))?(?=\s|$)\s*/i.exec(text);
  if (m?.[2]) {
    return label('vraag', m[0].trim(), Number(m[2]), 'vraag', text.slice(m[0].length));
  }
  // Sub-items numbered under their parent: "1a.", "2b)", "1.1", "1.2." (never a date or a decimal amount).
  m = /^(\d{1,2})([a-h])[.)]?\s+(?=\S)/.exec(text);
  if (m?.[1] && m[2]) return label('letter', m[0].trim(), m[2].charCodeAt(0) - 96, 'sub', text.slice(m[0].length));
  m = /^(\d{1,2})\.(\d{1,2})\.?\s+(?=[\p{Lu}"“‘(])/u.exec(text);
  if (m?.[1] && m[2]) return label('letter', m[0].trim(), Number(m[2]), 'decimal', text.slice(m[0].length));
  m = /^(\d{1,2})\s*[-–—]\s+(?=[\p{Lu}"“‘(])/u.exec(text);
  if (m?.[1]) return label('number', m[0].trim(), Number(m[1]), '-', text.slice(m[0].length));
  m = /^(\d{1,2})e\s*\.?\s*-?(?=\s)\s*/.exec(text);
  if (m?.[1]) return label('ordinal', m[0].trim(), Number(m[1]), 'e', text.slice(m[0].length));
  m = /^\(?(\d{1,2})([.)])(?!\d)(\s+|(?=[\p{Lu}"“‘(]))/u.exec(text);
  if (m?.[1] && m[2] && !/^\d{1,2}[.)]\s*$/.test(text.trim())) {
    const rest = text.slice(m[0].length);
    if (!/^(?:uur|u\b|%|procent|euro|km|m\b|jaar|mln|miljoen)/i.test(rest)) {
      return label('number', m[0].trim(), Number(m[1]), m[0].startsWith('(') ? '()' : m[2], rest);
    }
  }
  if (/^\d{1,2}[.)]\s*$/.test(text.trim())) {
    const n = /^(\d{1,2})([.)])/.exec(text.trim());
    if (n?.[1] && n[2]) return label('number', text.trim(), Number(n[1]), n[2], '');
  }
  m = /^\(?([a-z])([.)])\s+/.exec(text);
  if (m?.[1] && m[2] && !(m[1] === 'o' && m[2] === '.')) {
    return label('letter', m[0].trim(), m[1].charCodeAt(0) - 96, m[0].startsWith('(') ? '()' : m[2], text.slice(m[0].length));
  }
  m = /^\(?(i{1,3}|iv|vi{0,3}|ix|x)([.)])\s+/.exec(text);
  if (m?.[1] && m[2]) return label('roman', m[0].trim(), romanValue(m[1]), m[2], text.slice(m[0].length));
  m = new RegExp(`^([${BULLETS.replace('-', '\\-')}])\\s+`).exec(text);
  if (m?.[1]) {
    const bullet = m[1];
    const rest = text.slice(m[0].length);
    if (bullet === 'o' && !/^[\p{Lu}"“‘(]/u.test(rest)) return null;
    // "• a. Zo ja, ..." (letter 06): the letter inside the bullet is the real label.
    const inner = detectLabel(rest);
    if (inner && (inner.kind === 'letter' || inner.kind === 'number' || inner.kind === 'roman')) return inner;
    return label('bullet', bullet, null, bullet === '·' ? '•' : bullet, rest);
  }
  m = /^((?:onze|mijn|de|het|een)\s+(?:vraag|vragen)(?:\s+[\p{L}&]+){0,4}\s*:)\s+(\S.*)$/iu.exec(text);
  if (m?.[1] && m[2]) return label('lead-in', m[1], null, 'lead-in', m[2]);
  return null;
}

function label(kind: LabelKind, printed: string, value: number | null, style: string, rest: string): Label {
  return { kind, printed, value, style, rest: rest.trim() };
}

function romanValue(s: string): number {
  const map: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = map[s[i] ?? ''] ?? 0;
    const next = map[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Whether two labels belong to the same list level (same kind and style). */
export function sameLevel(a: Label, b: Label): boolean {
  if (a.kind !== b.kind) {
    // "Vraag 1" lists sometimes mix "Vraag 3:" and "Vraag 4"; numbers with "." and ")" do not mix.
    return false;
  }
  if (a.kind === 'bullet') return bulletClass(a.style) === bulletClass(b.style);
  if (a.kind === 'vraag' || a.kind === 'lead-in') return true;
  return a.style === b.style;
}

function bulletClass(bullet: string): string {
  if ('-–—'.includes(bullet)) return 'dash';
  if ('•·●▪■◆♦❖'.includes(bullet)) return 'dot';
  return bullet;
}
