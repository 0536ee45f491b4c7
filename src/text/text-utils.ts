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
  const joiner = new LineJoiner();
  for (const line of lines) joiner.add(line);
  return joiner.text();
}

const ELISION_NEXT = /^(en|of|noch|tot|t\/m|als|dan|and)\b/;
const URL_START = /^(https?:\/\/|www\.)/i;
/** How much of the last token a join decision looks at: its start (a URL's scheme) and its end. */
const TOKEN_KEEP = 16;

/** The last token, as far as a join looks at it: its first and last TOKEN_KEEP characters. */
function summarize(token: string): string {
  return token.length <= 2 * TOKEN_KEEP ? token : token.slice(0, TOKEN_KEEP) + token.slice(-TOKEN_KEEP);
}

/**
 * `joinLines` one line at a time, in time linear in the text: each join looks only at the last
 * token of the text so far (kept in short, see `summarize`) and at the new line, never at the
 * whole text. (Joining by regular expressions over the whole text was quadratic: a letter of
 * 10,000 one-word lines took 10 s to parse.)
 */
export class LineJoiner {
  private readonly parts: string[] = [];
  /** The last whitespace-free run of the text so far, summarised. */
  private token = '';
  private cached: string | null = '';

  add(raw: string): void {
    const line = raw.trim();
    if (!line) return;
    this.cached = null;
    if (this.parts.length === 0) {
      this.parts.push(line);
      this.token = lastToken(line);
      return;
    }
    const how = joinHow(this.token, line);
    const own = lastToken(line);
    const whole = !/\s/.test(line);
    if (how === 'space') {
      this.parts.push(' ', line);
      this.token = own;
      return;
    }
    let token = this.token;
    if (how === 'drop-hyphen') {
      this.dropLastCharacter();
      token = token.slice(0, -1);
    }
    this.parts.push(line);
    this.token = whole ? summarize(token + line) : own;
  }

  /** The joined text, whitespace collapsed. */
  text(): string {
    this.cached ??= collapseSpace(this.parts.join(''));
    return this.cached;
  }

  private dropLastCharacter(): void {
    while (this.parts.length > 0) {
      const last = this.parts[this.parts.length - 1]!;
      if (last.length > 0) {
        this.parts[this.parts.length - 1] = last.slice(0, -1);
        return;
      }
      this.parts.pop();
    }
  }
}

function lastToken(line: string): string {
  let start = line.length;
  while (start > 0 && !/\s/.test(line[start - 1]!)) start--;
  return summarize(line.slice(start));
}

/** How a line meets the text before it, given that text's last token (never empty: lines are trimmed). */
function joinHow(token: string, right: string): 'space' | 'glue' | 'drop-hyphen' {
  if (/(\p{L}|\d)-$/u.test(token)) {
    if (URL_START.test(token)) return 'glue';
    if (ELISION_NEXT.test(right)) return 'space';
    if (/^[\p{Ll}]/u.test(right) && /\p{L}-$/u.test(token)) return 'drop-hyphen';
    return 'glue';
  }
  // A URL broken at a slash or similar: no space inside it.
  if (/^(https?:\/\/|www\.)\S*[/?=&._#-]$/i.test(token) && /^[\w%./?=&#-]+$/.test(/^\S*/.exec(right)![0])) return 'glue';
  return 'space';
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
