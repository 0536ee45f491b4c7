import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { escapeInline, escapeLinkDestination, escapeParagraphs, escapeQuote } from './markdown-escape.js';

function parse(markdown: string): Root {
  return unified().use(remarkParse).parse(markdown);
}

/** What a reader sees: whitespace runs as one space, ends trimmed, control characters gone. */
function visible(text: string): string {
  return text.replace(/\u0000/g, '\ufffd').replace(/[\u0001-\u0008\u000e-\u001f\u007f-\u009f]/g, '').replace(/[ \t\r\n\f\v]+/g, ' ').trim();
}

function only(root: Root): RootContent {
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

/** Text that tries every markdown construct a letter could hold by accident. */
const nasty = fc.string({
  unit: fc.constantFrom('#', '*', '_', '[', ']', '(', ')', '<', '>', '-', '+', '=', '`', '~', '!', '\\', '&', ';', 'amp', '#35', '1', '.', ')', ':', '|', ' ', '\n', '\t', 'a', 'b', 'http://x', '{{', '}}', '---', 'é', '\u00a0', '\u001b[2J', '\u009b'),
  maxLength: 40,
});

describe('escapeInline', () => {
  it('shows a question starting with # as a paragraph, not a heading', () => {
    const node = only(parse(escapeInline('# niet een kop')));
    expect(node.type).toBe('paragraph');
    expect(toString(node)).toBe('# niet een kop');
  });

  it('keeps *, [, <, _ and {{ }} as visible text', () => {
    const text = 'Is *dit* [een link](x) <b>vet</b> of _schuin_ of {{ sjabloon }}?';
    const node = only(parse(escapeInline(text)));
    expect(node.type).toBe('paragraph');
    expect(toString(node)).toBe(text);
  });

  it('does not turn a line --- into a thematic break or a list marker into a list', () => {
    for (const text of ['---', '- punt', '1. eerste', '2) tweede', '> citaat', '===', '+ plus']) {
      const node = only(parse(escapeInline(text)));
      expect(node.type, text).toBe('paragraph');
      expect(toString(node)).toBe(text);
    }
  });

  it('keeps character references as typed', () => {
    const node = only(parse(escapeInline('AT&amp;T &#35; &copy;')));
    expect(toString(node)).toBe('AT&amp;T &#35; &copy;');
  });

  it('leaves ordinary Dutch text readable', () => {
    expect(escapeInline('Ziet het college mogelijkheden? Zo ja, op welke wijze?')).toBe('Ziet het college mogelijkheden? Zo ja, op welke wijze?');
  });

  it('gives any text back as the visible text of a paragraph, a heading and a list item', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const escaped = escapeInline(text);
        const expected = visible(text);
        if (expected === '') return;
        const paragraph = only(parse(escaped));
        expect(paragraph.type).toBe('paragraph');
        expect(toString(paragraph)).toBe(expected);
        const heading = only(parse(`## Vraag 1 ${escaped}`));
        expect(heading.type).toBe('heading');
        expect(toString(heading)).toBe(`Vraag 1 ${expected}`);
        const headingAlone = only(parse(`### ${escaped}`));
        expect(headingAlone.type).toBe('heading');
        expect(toString(headingAlone)).toBe(expected);
        const list = only(parse(`- ${escaped}`));
        expect(list.type).toBe('list');
        expect(toString(list)).toBe(expected);
      }),
      { numRuns: 600 },
    );
  });
});

describe('escapeParagraphs and escapeQuote', () => {
  it('keeps paragraphs apart and joins wrapped lines', () => {
    const root = parse(escapeParagraphs('Eerste regel\ngaat door.\n\n# Tweede\n---'));
    expect(root.children.map((n) => n.type)).toEqual(['paragraph', 'paragraph']);
    expect(root.children.map((n) => toString(n))).toEqual(['Eerste regel gaat door.', '# Tweede ---']);
  });

  it('quotes any text as one blockquote with the same visible text', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const root = parse(escapeQuote(text));
        const quote = only(root);
        expect(quote.type).toBe('blockquote');
        const shown = (quote as { children: RootContent[] }).children.map((n) => toString(n)).join(' ');
        expect(shown).toBe(
          text
            .split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/)
            .map(visible)
            .filter(Boolean)
            .join(' '),
        );
      }),
      { numRuns: 400 },
    );
  });
});

describe('escapeLinkDestination', () => {
  it('wraps a destination with spaces or parentheses in angle brackets', () => {
    expect(escapeLinkDestination('corpus/a.md#L1-L2')).toBe('corpus/a.md#L1-L2');
    expect(escapeLinkDestination('corpus/a b (1).md')).toBe('<corpus/a b (1).md>');
  });
});
