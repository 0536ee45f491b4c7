import fc from 'fast-check';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { citationOf, formatCitation, parseCitation, parseCitationLazily, shortQuote } from './citation.js';

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

describe('parseCitation', () => {
  /** The label's path and range as the first version read them: one pattern each over the whole label. */
  function reference(label: string) {
    const range = /,\s*regels?\s+(\d+)\s*[–—-]\s*(\d+)\s*$/i.exec(label);
    const path = (range ? label.slice(0, range.index) : label).split(/\s+›\s+|\s+>\s+/).map((p) => p.trim()).filter(Boolean);
    return { path, lines: range ? [Number(range[1]), Number(range[2])] : null };
  }

  it('reads the path and the range of any label as the patterns over the whole label do', () => {
    const piece = fc.constantFrom('a', 'Zwolse agenda', ' › ', '›', ' > ', '>', ',', ', regels 12–14', ', Regel 3 - 4', ' ', '  ', '\u00a0', '\t', '4.3', 'regels', '–');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), (label) => {
        const citation = parseCitation(label, 'x.md', '');
        const want = reference(label);
        if (want.path.length === 0) expect(citation).toBeNull();
        else expect(citation).toMatchObject({ doc: want.path[0], heading: want.path.slice(1), lines: want.lines });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the text after a citation link', () => {
  /** The id and the quote as the first version read them, by pattern. */
  function reference(rest: string) {
    const trimmed = rest.trim();
    const id = /^`?([^\s"“”`]+)`?/.exec(trimmed);
    const quote = /["“]([\s\S]*)["”]\s*$/.exec(trimmed);
    return { passage: id ? id[1]! : null, quote: quote ? quote[1]!.trim() : '' };
  }

  it('gives the passage id and the quote as the patterns do', () => {
    const piece = fc.constantFrom('a:1-2', '`', '"', '“', '”', ' ', '\u00a0', 'tekst', '…', '\t', "'", 'b');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), (rest) => {
        const citation = parseCitation('doc', 'x.md', rest);
        expect({ passage: citation!.passage, quote: citation!.quote }).toEqual(reference(rest));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseCitationLazily', () => {
  const fields = (c: ReturnType<typeof parseCitation>) => c && { passage: c.passage, doc: c.doc, heading: c.heading, lines: c.lines, quote: c.quote, file: c.file };

  it('reads every field as parseCitation does, and refuses what it refuses', () => {
    const labelPiece = fc.constantFrom('a', 'Zwolse agenda', ' › ', '›', ' > ', '>', ',', ', regels 12–14', ' ', '  ', '\u00a0', '\t', '4.3');
    const restPiece = fc.constantFrom('a:1-2', '`', '"', '“', '”', ' ', '\u00a0', 'tekst', '…');
    const label = fc.array(labelPiece, { maxLength: 8 }).map((p) => p.join(''));
    const rest = fc.array(restPiece, { maxLength: 6 }).map((p) => p.join(''));
    const url = fc.constantFrom(null, '', 'x.md', '../corpus/a%20b.md#L3-L9', 'x.md#L4');
    fc.assert(
      fc.property(label, url, rest, (l, u, r) => {
        const lazy = parseCitationLazily(l, u, r);
        expect(fields(lazy)).toEqual(fields(parseCitation(l, u, r)));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the drafted citation back, and serialises as parseCitation gives it', () => {
    const label = `${passage.doc} › ${passage.heading.join(' › ')}, regels 120–128`;
    const lazy = parseCitationLazily(label, 'x.md#L120-L128', ' zwolse-agenda-7f3a "quote"');
    expect(lazy?.doc).toBe(passage.doc);
    expect(lazy?.passage).toBe(passage.id);
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(parseCitation(label, 'x.md#L120-L128', ' zwolse-agenda-7f3a "quote"'));
  });
});
