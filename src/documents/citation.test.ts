import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { citationOf, formatCitation, parseCitation, shortQuote } from './citation.js';

const passage = {
  id: 'zwolse-agenda-7f3a',
  doc: 'zwolse-agenda-zorg-en-veiligheid-2025-2026',
  file: 'corpus/zwolse-agenda-zorg-en-veiligheid-2025-2026.md',
  heading: ['Zwolse agenda', '4 Samenwerking [met] partners', '4.3 Politie *en* zorg'],
  lines: [120, 128] as [number, number],
  text: 'Uit de signalen vanuit het werkveld blijkt dat de systeemwereld: wetten, kaders, organisatiebelangen, financieringsstromen en verantwoordelijkheden, de hulpverlening in de weg zit.',
};

function readItem(markdown: string) {
  const root = unified().use(remarkParse).parse(`- ${markdown}`) as Root;
  const list = root.children[0];
  if (list?.type !== 'list') throw new Error('not a list');
  const paragraph = list.children[0]!.children[0];
  if (paragraph?.type !== 'paragraph') throw new Error('not a paragraph');
  const [link, ...rest] = paragraph.children;
  if (link?.type !== 'link') throw new Error('no link');
  return parseCitation(toString(link), link.url, rest.map((n) => toString(n)).join(''));
}

describe('citations', () => {
  it('writes the answer document citation format', () => {
    const line = formatCitation(citationOf(passage), '../corpus/zwolse-agenda-zorg-en-veiligheid-2025-2026.md');
    expect(line).toBe(
      '[zwolse-agenda-zorg-en-veiligheid-2025-2026 › Zwolse agenda › 4 Samenwerking \\[met\\] partners › 4.3 Politie \\*en\\* zorg, regels 120–128](../corpus/zwolse-agenda-zorg-en-veiligheid-2025-2026.md#L120-L128) zwolse-agenda-7f3a "Uit de signalen vanuit het werkveld blijkt dat de systeemwereld: wetten, kaders, organisatiebelangen…"',
    );
  });

  it('reads back what it writes, brackets and stars in headings included', () => {
    const citation = citationOf(passage);
    const back = readItem(formatCitation(citation, '../corpus/a b.md'));
    expect(back).toEqual({ ...citation, file: '../corpus/a b.md' });
  });

  it('reads a citation a person shortened to a bare link', () => {
    expect(readItem('[nota › Inleiding](../corpus/nota.md#L3-L9)')).toEqual({
      passage: null,
      doc: 'nota',
      heading: ['Inleiding'],
      lines: [3, 9],
      quote: '',
      file: '../corpus/nota.md',
    });
  });

  it('cuts a long quote at a word', () => {
    expect(shortQuote('kort')).toBe('kort');
    expect(shortQuote('een twee drie vier vijf zes', 12)).toBe('een twee…');
  });
});
