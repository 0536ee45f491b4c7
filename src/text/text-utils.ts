/** Small text helpers shared by the parse steps. */

/** Collapse runs of whitespace to single spaces and trim. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Join wrapped lines into running text, undoing line-end hyphenation.
 *
 * "centrum-" + "gemeente" → "centrumgemeente"; but a hyphen before "en"/"of" is a Dutch elision
 * ("zorg- en veiligheid"), a hyphen before a capital or digit belongs to the word
 * ("GGZ-Veiligheidsoverleg", "30-40-30"), and inside a URL the hyphen is kept and no space added.
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    out = joinPair(out, line);
  }
  return collapseSpace(out);
}

const ELISION_NEXT = /^(en|of|noch|tot|t\/m|als|dan|and)\b/;

function joinPair(left: string, right: string): string {
  const hyphen = /(\S*?)(\p{L}|\d)-$/u.exec(left);
  if (hyphen) {
    const lastToken = /\S+$/.exec(left)?.[0] ?? '';
    if (/^(https?:\/\/|www\.)/i.test(lastToken)) return left + right;
    if (ELISION_NEXT.test(right)) return `${left} ${right}`;
    if (/^[\p{Ll}]/u.test(right) && /\p{L}-$/u.test(left)) return left.slice(0, -1) + right;
    return left + right;
  }
  // A URL broken at a slash or similar: no space inside it.
  const lastToken = /\S+$/.exec(left)?.[0] ?? '';
  if (/^(https?:\/\/|www\.)\S*[/?=&._#-]$/i.test(lastToken) && /^[\w%./?=&#-]+$/.test(right.split(/\s/)[0] ?? '')) {
    return left + right;
  }
  return `${left} ${right}`;
}

const ABBREVIATIONS = new Set([
  'bijv', 'bv', 'bijvoorbeeld', 'o.a', 'm.b.t', 'mbt', 't.a.v', 'tav', 'i.p.v', 'ipv', 'dhr', 'mevr', 'mw', 'ca', 'nr', 'jl', 'j.l',
  'd.d', 'e.d', 'e.a', 'enz', 'etc', 'evt', 'i.v.m', 'ivm', 'z.s.m', 'zsm', 'o.b.v', 'obv', 'm.i.v', 'd.w.z', 'dwz', 'resp',
  'incl', 'excl', 'art', 'min', 'max', 'cq', 'c.q', 'n.a.v', 'nav', 'vs', 'drs', 'dr', 'ir', 'mr', 'prof', 'ing', 'st', 'blz',
  'pag', 'tel', 'vgl', 'zgn', 'zg', 'cf', 'a.s', 'p', 'mln', 'mld', 'feb', 'okt', 'sept', 'nov', 'dec', 'jan', 'aug', 'apr',
]);

/**
 * Split running text into sentences. Knows the Dutch abbreviations that end in a dot
 * ("m.b.t.", "o.a.", "ca.", "jl.") so they do not end a sentence.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const re = /[.?!]+["”’')\]]*\s+(?=["“‘'(]?[\p{Lu}\d])/gu;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text))) {
    const end = match.index + match[0].trimEnd().length;
    const candidate = text.slice(start, end);
    const lastWord = /([\p{L}.]+)\.+["”’')\]]*$/u.exec(candidate)?.[1]?.toLowerCase().replace(/\.$/, '') ?? '';
    if (match[0].startsWith('.') && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord) || /^(\p{L}\.)+\p{L}?$/u.test(lastWord))) {
      continue;
    }
    sentences.push(candidate.trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** Text with quoted passages ("…", “…”, „…”) left out, for telling a quoted question from a real one. */
export function withoutQuotes(text: string): string {
  return text
    .replace(/“[^”]*”/g, ' ')
    .replace(/„[^”“]*[”“]/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/(^|[\s(])‘[^’]*’(?=[\s).,;:!?]|$)/g, '$1 ');
}

/** Normalise for comparing two texts: lowercase, whitespace collapsed, quotes unified. */
export function comparable(text: string): string {
  return collapseSpace(text.toLowerCase().replace(/[‘’‚`]/g, "'").replace(/[“”„]/g, '"'));
}

/**
 * Dice coefficient of two word multisets: 2·shared / (|a| + |b|). The same number as token F1
 * (2PR / (P + R)), so it serves both the development-set scoring and question matching.
 */
export function multisetDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
