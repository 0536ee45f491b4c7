import fc from 'fast-check';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { autolink, escapeHeading, escapeText, escapeLineStart } from './markdown-escape.js';

const parse = (markdown: string): Root => unified().use(remarkParse).parse(markdown) as Root;
const CHARS = [...'ab Z09#*_-+=>.)[]()<>!`~\\&;|:"\'', '&amp;', '1.', '- ', '# ', '***', '---', '```', '<div>', '[x]: y'];

describe('markdown escaping', () => {
  it('gives any line of text back as the same text, in one paragraph (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 30 }), (parts) => {
        const text = parts.join('').replace(/\s+/g, ' ').trim();
        fc.pre(text !== '');
        const root = parse(escapeLineStart(escapeText(text)));
        expect(root.children.map((c) => c.type)).toEqual(['paragraph']);
        expect(toString(root)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a run of dashes with spaces in it as text, not a thematic break', () => {
    for (const text of ['---- ---', '-- -', '--- - ---']) {
      const root = parse(escapeLineStart(escapeText(text)));
      expect(root.children.map((c) => c.type)).toEqual(['paragraph']);
      expect(toString(root)).toBe(text);
    }
  });

  it('keeps a heading’s text, a closing "#" included', () => {
    const root = parse(`## ${escapeHeading('Kosten in € en # nummer #')}`);
    expect(root.children[0]!.type).toBe('heading');
    expect(toString(root)).toBe('Kosten in € en # nummer #');
  });

  it('writes a URL as an autolink where markdown allows one', () => {
    expect(autolink('https://vng.nl/a_b')).toBe('<https://vng.nl/a_b>');
    expect(autolink('www.zwolle.nl/*x*')).toBe('www.zwolle.nl/\\*x\\*');
  });
});
