import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hyphenJoin, joinLines, LineJoiner, Vocabulary } from './hyphenation.js';

const URL_TOKEN = /^(?:https?:\/\/|www\.)/i;
const HYPHENS = /[-\u2010\u2011]$/;
const SOFT_HYPHEN = '\u00ad';

/**
 * The join as it was written first: each decision by regular expressions over the whole text so
 * far (quadratic: 80,000 short lines took minutes). The linear joiner must agree with it.
 */
function referenceJoinLines(lines: readonly string[], vocabulary: Vocabulary = new Vocabulary([])): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (text === '') {
      text = line;
      continue;
    }
    if (text.endsWith(SOFT_HYPHEN)) {
      text = text.slice(0, -1) + line;
      continue;
    }
    const lastToken = /\S+$/.exec(text)?.[0] ?? '';
    if (URL_TOKEN.test(lastToken) && /[-/?=&._#%]$/.test(lastToken) && /^[\w%./?=&#-]+$/.test(line.split(/\s/)[0] ?? '')) {
      text += line;
      continue;
    }
    if (HYPHENS.test(text) && /[\p{L}\p{N}][-\u2010\u2011]$/u.test(text)) {
      const how = hyphenJoin(text, line, vocabulary);
      if (how === 'join') text = text.slice(0, -1) + line;
      else if (how === 'keep') text += line;
      else text += ` ${line}`;
      continue;
    }
    text += ` ${line}`;
  }
  return text.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
}

const piece = fc.constantFrom('zorg', 'en', 'Zorg', 'GGZ', '-', 'veilig-', 'of', 'https://x.nl/', 'www.a-', 'b', '30-', '40', ' ', '\t', 'é', '.', '/', '?', 'a=b&', 'x'.repeat(40), 'url-', '\u00ad', 'centrum-', 'gemeente');
const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));

describe('joinLines in linear time', () => {
  it('joins as the whole-text reference does, for any lines (property)', () => {
    const vocabulary = new Vocabulary(['centrumgemeente zorg veilig-heid url-url']);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        expect(joinLines(lines)).toBe(referenceJoinLines(lines));
        expect(joinLines(lines, vocabulary)).toBe(referenceJoinLines(lines, vocabulary));
      }),
      { numRuns: 2000 },
    );
  });

  it('joins one line at a time as the whole list does', () => {
    const joiner = new LineJoiner();
    const lines = ['Is het college', 'bekend met de centrum-', 'gemeente?'];
    for (const l of lines) joiner.add(l);
    expect(joiner.text()).toBe(joinLines(lines));
  });
});
