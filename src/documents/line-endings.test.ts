import { describe, expect, it } from 'vitest';
import { lineEndingOf, normalizeLineEndings, withLineEnding } from './line-endings.js';

describe('line endings', () => {
  it('reads CRLF and lone CR as LF', () => {
    expect(normalizeLineEndings('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('tells the ending a file mostly uses', () => {
    expect(lineEndingOf('a\r\nb\r\n')).toBe('\r\n');
    expect(lineEndingOf('a\nb\r\n')).toBe('\r\n');
    expect(lineEndingOf('a\nb\nc\r\n')).toBe('\n');
    expect(lineEndingOf('one line')).toBe('\n');
  });

  it('writes a text back with one ending throughout, whatever mix it had', () => {
    const original = '---\r\nquestion: x\r\n---\r\n## Vraag 1\r\n';
    const rewritten = `${normalizeLineEndings(original)}\nNieuw antwoord.\n`;
    const back = withLineEnding(rewritten, lineEndingOf(original));
    expect(back).toBe('---\r\nquestion: x\r\n---\r\n## Vraag 1\r\n\r\nNieuw antwoord.\r\n');
    expect(back.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(withLineEnding('a\r\nb\n', '\n')).toBe('a\nb\n');
  });
});
