/**
 * Step 1 of Dutch analysis: cut text into word tokens.
 *
 * Matching is done on folded forms (lowercase, diacritics removed: "casuïstiek" and "casuistiek"
 * meet), while the raw form is kept so a result can say which words of the query matched.
 */

/** One word of the text. */
export interface Token {
  /** The word as written (case and diacritics kept; hyphenated words keep their hyphen). */
  raw: string;
  /** Lowercase, diacritics folded, apostrophe-s and separators removed. */
  norm: string;
  /** Index of the token in the token list (joined forms share the index of their first part). */
  position: number;
  /**
   * `word`: an ordinary word; `part`: one part of a hyphenated or slashed word ("ZonMW-subsidie");
   * `joined`: the parts written together ("zonmwsubsidie"), indexed so both spellings meet;
   * `truncated`: the first half of an elision ("zorg-" in "zorg- en veiligheidsvragen").
   */
  kind: 'word' | 'part' | 'joined' | 'truncated';
}

/**
 * A run of letters and digits, with inner hyphens, slashes and apostrophes, digit groups
 * ("50.000", "4.3"), and an optional trailing hyphen for elisions ("zorg- en").
 */
const WORD =
  /[\p{L}\p{N}]+(?:(?:(?<=\p{N})[.,](?=\p{N})|['\-/\u2010\u2011])[\p{L}\p{N}]+)*(?:[-\u2010\u2011](?=\s|$))?/gu;

const HYPHENS = /[-/\u2010\u2011]/;
const PLAIN = /^[a-z]+$/;

/**
 * Lowercase and strip diacritics: "Coördinator" → "coordinator". NFKD also opens ligatures:
 * the Dutch "ĳ" (U+0133, used throughout OpenTaal's word list) and PDF ligatures like "ﬁ".
 */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Most words are plain ASCII: skip the (costly) normalisation for them.
  if (ASCII.test(lower)) return lower;
  return lower.normalize('NFKD').replace(/\p{M}+/gu, '');
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Normalise one piece of a word: fold, drop "'s" ("SWT's" → "swt"), drop digit separators.
 * Remembered by piece: a corpus repeats its words (the seed corpus: 60,000 tokens, 8,000 forms as
 * written), and folding each occurrence anew was a fifth of tokenizing it. Bounded, cleared when full.
 */
function normPiece(piece: string): string {
  let hit = normCache.get(piece);
  if (hit === undefined) {
    hit = foldPiece(piece);
    if (normCache.size >= NORM_CACHE_LIMIT) normCache.clear();
    normCache.set(piece, hit);
  }
  return hit;
}

const normCache = new Map<string, string>();
const NORM_CACHE_LIMIT = 100_000;

function foldPiece(piece: string): string {
  let s = foldWord(piece);
  if (PLAIN.test(s)) return s;
  s = s.replace(/'s$/, '').replace(/'/g, '');
  // "50.000" is fifty thousand: drop thousands separators, keep other dots ("4.3" is a section).
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(s)) s = s.replace(/[.,]/g, '');
  return s;
}

/**
 * Cut text into tokens. Hyphenated and slashed words give their parts and the joined form;
 * a word ending in a hyphen before a space is an elision and comes out as `truncated`.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const source = text.normalize('NFC').replace(/[\u2018\u2019\u02bc`]/g, "'");
  let position = 0;
  // match() gives plain strings: matchAll's match objects cost a third of the tokenizing time.
  for (const raw of source.match(WORD) ?? []) {
    const last = raw.charCodeAt(raw.length - 1);
    if (last === 45 || last === 0x2010 || last === 0x2011) {
      const norm = normPiece(raw.slice(0, -1));
      if (norm) tokens.push({ raw, norm, position: position++, kind: 'truncated' });
      continue;
    }
    if (!HYPHENS.test(raw)) {
      const norm = normPiece(raw);
      if (norm) tokens.push({ raw, norm, position: position++, kind: 'word' });
      continue;
    }
    const pieces = raw.split(HYPHENS).filter((p) => p.length > 0);
    // "relatie-en scheidingsteam", "dak-of thuisloosheid": an elision with its space left out
    // (a hyphen, never the slash of "en/of").
    if (pieces.length === 2 && /^(en|of)$/i.test(pieces[1]!) && !/^(en|of)$/i.test(pieces[0]!) && !raw.includes('/')) {
      const norm = normPiece(pieces[0]!);
      if (norm) tokens.push({ raw: `${pieces[0]}-`, norm, position: position++, kind: 'truncated' });
      tokens.push({ raw: pieces[1]!, norm: pieces[1]!.toLowerCase(), position: position++, kind: 'part' });
      continue;
    }
    const first = position;
    const norms: string[] = [];
    for (const piece of pieces) {
      const norm = normPiece(piece);
      if (!norm) continue;
      norms.push(norm);
      tokens.push({ raw: piece, norm, position: position++, kind: 'part' });
    }
    if (norms.length > 1) tokens.push({ raw, norm: norms.join(''), position: first, kind: 'joined' });
  }
  return tokens;
}
