import { describe, expect, it } from 'vitest';
import { findPageFurniture, removePageFurniture } from './page-furniture.js';
import { toSourceLines } from './source-lines.js';

const lines = (text: string) => text.split('\n').map((t, i) => ({ n: i + 1, text: t.trim(), pageStart: i === 0 }));

describe('page furniture', () => {
  it('in text with pages: drops page numbers and a running header at the pages\' edges, keeps the same words in the body', () => {
    const page = (n: number) => `\fGemeente Zwolle\n\nTekst van pagina ${n} gaat over de Gemeente Zwolle.\n\nZwolle, afdeling Zorg\n\n${n}`;
    const source = toSourceLines([1, 2, 3, 4].map(page).join('\n'));
    const { lines: kept, removed } = removePageFurniture(source);
    expect(removed.map((r) => r.reason)).toEqual(Array(4).fill(['running-header', 'running-header', 'page-number']).flat());
    expect(kept.filter((l) => l.text !== '').map((l) => l.text)).toEqual([1, 2, 3, 4].map((n) => `Tekst van pagina ${n} gaat over de Gemeente Zwolle.`));
  });

  it('in a letter without pages: page numbers that say so, and short lines that come back three times', () => {
    const text = 'Brief\nPagina 1 van 2\nCDA Brunssum\nVraag?\n- 2 -\nCDA Brunssum\n3/4\nCDA Brunssum\nZo nee, waarom niet?\nZo nee, waarom niet?\nZo nee, waarom niet?\n7';
    const drop = findPageFurniture(lines(text), { withoutPages: { bareNumbers: false } });
    expect([...drop.keys()].sort((a, b) => a - b)).toEqual([1, 2, 4, 5, 6, 7]);
    expect(findPageFurniture(lines(text), { withoutPages: { bareNumbers: true } }).has(11)).toBe(true);
  });
});
