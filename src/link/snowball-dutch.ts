/**
 * The Dutch snowball stemmer (https://snowballstem.org/algorithms/dutch/stemmer.html, the
 * original "dutch" algorithm), written out by hand from its definition. It gives the same stem as
 * the generated snowball code of @orama/stemmers for every word (snowball-dutch.test.ts checks
 * every word of the Dutch word list and its inflected forms), in a fraction of the time: the
 * generated code runs a general snowball machine (a cursor object, `among` tables searched by
 * binary search), and on a cold index build the first stemming of each of a corpus's 5,500
 * distinct words was 150 ms of CPU, most of it V8 compiling that machine (bench/cli.ts).
 */

/** v: the vowels of the algorithm (è included; I and Y, the marked consonants, are not). */
function isVowel(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y' || c === 'è';
}

const ACCENTS: Record<string, string> = { ä: 'a', á: 'a', ë: 'e', é: 'e', ï: 'i', í: 'i', ö: 'o', ó: 'o', ü: 'u', ú: 'u' };

function undouble(s: string): string {
  return s.endsWith('kk') || s.endsWith('dd') || s.endsWith('tt') ? s.slice(0, -1) : s;
}

/** en_ending: the suffix from `start` goes when it is in R1 after a non-vowel, not after "gem". */
function enEnding(s: string, start: number, p1: number): string {
  if (start < p1 || start === 0 || isVowel(s[start - 1]) || s.startsWith('gem', start - 3)) return s;
  return undouble(s.slice(0, start));
}

/** e_ending: a final e in R1 after a non-vowel goes (and the ending is undoubled); null when it stays. */
function eEnding(s: string, p1: number): string | null {
  const start = s.length - 1;
  if (s[start] !== 'e' || start < p1 || start === 0 || isVowel(s[start - 1])) return null;
  return undouble(s.slice(0, start));
}

/** The prelude: an initial y, a y after a vowel and an i between vowels are consonants (Y, I). */
function markConsonants(w: string): string {
  const chars = w.split('');
  if (chars[0] === 'y') chars[0] = 'Y';
  for (let p = 0; p + 1 < chars.length; p++) {
    if (!isVowel(chars[p])) continue;
    if (chars[p + 1] === 'i' && isVowel(chars[p + 2])) chars[p + 1] = 'I';
    else if (chars[p + 1] === 'y') chars[p + 1] = 'Y';
  }
  return chars.join('');
}

const ACCENTED = /[äáëéïíöóüú]/;
const MARKED = /[iy]/;

/** The stem of a lowercase Dutch word. */
export function stemDutch(input: string): string {
  let w = ACCENTED.test(input) ? input.replace(/[äáëéïíöóüú]/g, (c) => ACCENTS[c]!) : input;
  if (MARKED.test(w)) w = markConsonants(w);
  // Regions: R1 after the first non-vowel that follows a vowel (at least 3 letters before it), R2 the same within R1.
  const n = w.length;
  let p1 = n;
  let p2 = n;
  let i = 0;
  while (i < n && !isVowel(w[i])) i++;
  if (i < n) {
    i++;
    while (i < n && isVowel(w[i])) i++;
    if (i < n) {
      p1 = Math.max(i + 1, 3);
      i++;
      while (i < n && !isVowel(w[i])) i++;
      if (i < n) {
        i++;
        while (i < n && isVowel(w[i])) i++;
        if (i < n) p2 = i + 1;
      }
    }
  }
  // Step 1: the longest of heden, ene, en, se, s.
  if (w.endsWith('heden')) {
    if (n - 5 >= p1) w = `${w.slice(0, -5)}heid`;
  } else if (w.endsWith('ene')) {
    w = enEnding(w, n - 3, p1);
  } else if (w.endsWith('en')) {
    w = enEnding(w, n - 2, p1);
  } else if (w.endsWith('s') || w.endsWith('se')) {
    const start = w.endsWith('se') ? n - 2 : n - 1;
    const before = w[start - 1];
    if (start >= p1 && start > 0 && !isVowel(before) && before !== 'j') w = w.slice(0, start);
  }
  // Step 2.
  const e = eEnding(w, p1);
  const eFound = e !== null;
  if (e !== null) w = e;
  // Step 3a: heid in R2, not after c; then an en before it as in step 1.
  if (w.endsWith('heid') && w.length - 4 >= p2 && w[w.length - 5] !== 'c') {
    w = w.slice(0, -4);
    if (w.endsWith('en')) w = enEnding(w, w.length - 2, p1);
  }
  // Step 3b: the longest of end, ing, ig, lijk, baar, bar, each in R2.
  const m = w.length;
  if (w.endsWith('end') || w.endsWith('ing')) {
    if (m - 3 >= p2) {
      w = w.slice(0, -3);
      if (w.endsWith('ig') && w.length - 2 >= p2 && w[w.length - 3] !== 'e') w = w.slice(0, -2);
      else w = undouble(w);
    }
  } else if (w.endsWith('ig')) {
    if (m - 2 >= p2 && w[m - 3] !== 'e') w = w.slice(0, -2);
  } else if (w.endsWith('lijk')) {
    if (m - 4 >= p2) {
      w = w.slice(0, -4);
      w = eEnding(w, p1) ?? w;
    }
  } else if (w.endsWith('baar')) {
    if (m - 4 >= p2) w = w.slice(0, -4);
  } else if (w.endsWith('bar')) {
    if (m - 3 >= p2 && eFound) w = w.slice(0, -3);
  }
  // Step 4: a doubled vowel between non-vowels loses one ("maan" → "man"); the last letter not I.
  const k = w.length;
  if (k >= 4) {
    const d = w[k - 1]!;
    const v = w[k - 2];
    if (!isVowel(d) && d !== 'I' && v === w[k - 3] && (v === 'a' || v === 'e' || v === 'o' || v === 'u') && !isVowel(w[k - 4])) {
      w = w.slice(0, k - 2) + d;
    }
  }
  return w.includes('I') || w.includes('Y') ? w.replace(/I/g, 'i').replace(/Y/g, 'y') : w;
}
