/** List counters as documents print them: 1, a, A, i, I (Word's numFmt names, HTML's `type`). */

export function alpha(n: number): string {
  if (n < 1) return String(n);
  let s = '';
  let v = n;
  while (v > 0) {
    v -= 1;
    s = String.fromCharCode(65 + (v % 26)) + s;
    v = Math.floor(v / 26);
  }
  return s;
}

export function roman(n: number): string {
  if (n < 1 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let s = '';
  let v = n;
  for (const [value, letters] of table) {
    while (v >= value) {
      s += letters;
      v -= value;
    }
  }
  return s;
}

/** A counter in a numbering format ("decimal", "lowerLetter", "upperRoman", ...). */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'lowerLetter':
      return alpha(n).toLowerCase();
    case 'upperLetter':
      return alpha(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}
