import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines, LineJoiner } from './text-utils.js';

/** The join as it was written first: each decision by regular expressions over the whole text so far (quadratic). */
function referenceJoinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    out = out ? referenceJoinPair(out, line) : line;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function referenceJoinPair(left: string, right: string): string {
  if (/(\S*?)(\p{L}|\d)-$/u.exec(left)) {
    const lastToken = /\S+$/.exec(left)?.[0] ?? '';
    if (/^(https?:\/\/|www\.)/i.test(lastToken)) return left + right;
    if (/^(en|of|noch|tot|t\/m|als|dan|and)\b/.test(right)) return `${left} ${right}`;
    if (/^[\p{Ll}]/u.test(right) && /\p{L}-$/u.test(left)) return left.slice(0, -1) + right;
    return left + right;
  }
  const lastToken = /\S+$/.exec(left)?.[0] ?? '';
  if (/^(https?:\/\/|www\.)\S*[/?=&._#-]$/i.test(lastToken) && /^[\w%./?=&#-]+$/.test(right.split(/\s/)[0] ?? '')) return left + right;
  return `${left} ${right}`;
}

const piece = fc.constantFrom('zorg', 'en', 'Zorg', 'GGZ', '-', 'veilig-', 'of', 'https://x.nl/', 'www.a-', 'b', '30-', '40', ' ', '\t', 'é', '.', '/', '?', 'a=b&', 'x'.repeat(40), 'url-');
const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));

describe('joinLines', () => {
  it('joins as the whole-text reference does, for any lines (property)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        expect(joinLines(lines)).toBe(referenceJoinLines(lines));
      }),
      { numRuns: 2000 },
    );
  });

  it('undoes hyphenation, keeps elisions, compounds and URLs', () => {
    expect(joinLines(['de centrum-', 'gemeente', 'zorg-', 'en veiligheid', 'GGZ-', 'Veiligheid', 'zie https://www.zwolle.nl/beleid-', 'nota'])).toBe(
      'de centrumgemeente zorg- en veiligheid GGZ-Veiligheid zie https://www.zwolle.nl/beleid-nota',
    );
  });

  it('joins one line at a time as the whole list does', () => {
    const joiner = new LineJoiner();
    const lines = ['Is het college', 'bekend met de centrum-', 'gemeente?'];
    for (const l of lines) joiner.add(l);
    expect(joiner.text()).toBe(joinLines(lines));
  });
});
