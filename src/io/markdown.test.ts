import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { isCheapMarkdown, MAX_MARKDOWN_BYTES, MAX_NESTING, parseMarkdown } from './markdown.js';

const reference = unified().use(remarkParse);

describe('parseMarkdown', () => {
  it('parses an ordinary document on the main thread, with positions', () => {
    const text = '# Kop\n\nTekst met *nadruk* en een [link](https://example.nl).\n\n- a\n- b\n';
    expect(isCheapMarkdown(text)).toBe(true);
    const tree = parseMarkdown(text);
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'paragraph', 'list']);
    expect(tree.children[2]!.position!.start.line).toBe(5);
  });

  it('sends risky text to a worker and gives the same tree', () => {
    const text = `${'**_ '.repeat(600)}\n\n${' '.repeat(50)}- diep\n`;
    expect(isCheapMarkdown(text)).toBe(false);
    expect(parseMarkdown(text, { timeLimitMs: 30_000 })).toEqual(reference.parse(text));
  });

  it('stops a crafted emphasis run at the time limit with a one-line input error', () => {
    // 20,000 × "**_" takes remark-parse well over a minute (39 s measured for 16,000).
    const text = '**_'.repeat(20_000);
    const started = Date.now();
    let error: unknown = null;
    try {
      parseMarkdown(text, { file: 'questions/bom.md', timeLimitMs: 500 });
    } catch (e) {
      error = e;
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/took longer than/);
    expect((error as InputError).file).toBe('questions/bom.md');
  });

  it('refuses more than 2 MB', () => {
    expect(() => parseMarkdown('a'.repeat(MAX_MARKDOWN_BYTES + 1), { file: 'big.md' })).toThrow(/too large/);
  });

  it('refuses quotes and lists nested more than MAX_NESTING levels, before parsing or after (never sends a deep tree back)', () => {
    expect(() => parseMarkdown(`${'> '.repeat(3000)}diep\n`, { file: 'answers/diep.md' })).toThrow(/nested more than 100 levels deep \(3000\)/);
    // Nested by indentation, which only the parse shows.
    const indented = Array.from({ length: MAX_NESTING + 5 }, (_, i) => `${'  '.repeat(i)}- punt ${i}`).join('\n');
    expect(() => parseMarkdown(indented, { file: 'answers/lijst.md' })).toThrow(/nested more than 100 levels deep/);
    expect(parseMarkdown(`${'> '.repeat(40)}ondiep\n`).children[0]!.type).toBe('blockquote');
  });

  it('parses many lines in the worker, which has a memory limit', () => {
    expect(isCheapMarkdown('a\n'.repeat(20_000))).toBe(false);
    expect(isCheapMarkdown('a\n'.repeat(1_000))).toBe(true);
  });

  it('counts escaped delimiters as text in the precheck', () => {
    expect(isCheapMarkdown('\\*'.repeat(5_000))).toBe(true);
    expect(isCheapMarkdown('*'.repeat(5_000))).toBe(false);
  });
});
