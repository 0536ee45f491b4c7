import { describe, expect, it } from 'vitest';
import { memoToHtml } from './to-html.js';

describe('memoToHtml', () => {
  it('makes a standalone page titled by the first heading, without the front matter', () => {
    const html = memoToHtml('---\nquestion: x\nstatus: concept\n---\n\n# Beantwoording\n\n### Vraag 1\n\n> Waarom?\n\n**Antwoord:**\n\nDaarom.\n');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(html).toContain('<title>Beantwoording</title>');
    expect(html).not.toContain('question: x');
    expect(html).toContain('<h3>Vraag 1</h3>\n<blockquote>\n<p>Waarom?</p>\n</blockquote>\n<p><strong>Antwoord:</strong></p>\n<p>Daarom.</p>');
  });

  it('shows raw HTML as text and drops script links', () => {
    const html = memoToHtml('<script>alert(1)</script>\n\n[klik](javascript:alert(1)) en [nota](../corpus/a.md#L1-L2) en <img src=x onerror=y>\n');
    expect(html).not.toMatch(/<script|<img|javascript:/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('klik en <a href="../corpus/a.md#L1-L2">nota</a>');
  });

  it('keeps lists, numbering and emphasis', () => {
    const html = memoToHtml('1. een\n2. *twee*\n\n- a\n- `b`\n');
    expect(html).toContain('<ol>\n<li>een</li>\n<li><em>twee</em></li>\n</ol>\n<ul>\n<li>a</li>\n<li><code>b</code></li>\n</ul>');
  });
});
