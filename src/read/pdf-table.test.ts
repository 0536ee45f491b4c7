import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTables, type FoundTable, type HorizontalRule, type PlacedLine } from './pdf-table.js';

/** Synthetic lines: 10 pt text, 12 pt leading, a character 5 pt wide. */
const SIZE = 10;
const LEADING = 12;
const CHAR = 5;
const options = (extra: { rules?: HorizontalRule[]; continuing?: number[] } = {}) => ({ body: SIZE, leading: LEADING, paragraphGap: 1.3, ...extra });

/** A line at `row` (in leadings from the top) with pieces of text at x positions. */
function line(row: number, ...pieces: [number, string][]): PlacedLine {
  return { y: 100 + row * LEADING, size: SIZE, items: pieces.map(([x, text]) => ({ text, x, w: text.length * CHAR })) };
}

/** A table's cells as text: by row, by cell, paragraphs joined by " / ". */
function cells(table: FoundTable): string[][] {
  return table.rows.map((row) => row.map((cell) => cell.map((paragraph) => paragraph.map((l) => l.items.map((it) => it.text).join(' ')).join(' ')).join(' / ')));
}

const LEFT = 50;
const RIGHT = 260;

/** Two rows of a top-aligned table without borders, from `top` (in leadings) on. */
const twoRows = (top: number): PlacedLine[] => [
  line(top, [LEFT, '1. Wat kost het'], [RIGHT, 'Het kost een euro']),
  line(top + 1, [LEFT, 'in het jaar 2025?'], [RIGHT, 'per hond in 2025.']),
  line(top + 3, [LEFT, '2. Wat zijn de uitgaven'], [RIGHT, 'De uitgaven zijn laag,']),
  line(top + 4, [LEFT, 'in het jaar 2025?'], [RIGHT, 'lager dan de inkomsten.']),
];

describe('findTables', () => {
  it('parts two columns set at different heights (cells centred in their row) by the ruling lines between the rows', () => {
    const lines = [
      line(0, [LEFT, 'Vraag'], [RIGHT, 'Antwoord']),
      line(1.5, [LEFT, '1. Wat kost het'], [RIGHT, 'Het kost een euro per hond.']),
      line(2.5, [LEFT, 'in het jaar 2025?']),
      line(4, [RIGHT, 'Het gaat om honden.']),
      line(5, [LEFT, '2. Wat zijn de uitgaven']),
      line(5.5, [RIGHT, 'De uitgaven zijn laag,']),
      line(6, [LEFT, 'in het jaar 2025?']),
      line(6.5, [RIGHT, 'lager dan de inkomsten.']),
    ];
    const rules = [0.9, 3.4, 7.4].map((row) => ({ x0: LEFT - 4, x1: 500, y: 100 + row * LEADING }));
    rules.unshift({ x0: LEFT - 4, x1: 500, y: 100 - LEADING });
    const [table, ...rest] = findTables(lines, options({ rules }));
    expect(rest).toEqual([]);
    expect(table!.ruled).toBe(true);
    expect(table!.columnStarts).toEqual([RIGHT]);
    expect(cells(table!)).toEqual([
      ['Vraag', 'Antwoord'],
      ['1. Wat kost het in het jaar 2025?', 'Het kost een euro per hond.'],
      ['2. Wat zijn de uitgaven in het jaar 2025?', 'Het gaat om honden. / De uitgaven zijn laag, lager dan de inkomsten.'],
    ]);
  });

  it('reads a top-aligned table without borders row by row: a row starts where the first column starts a paragraph', () => {
    const lines = [
      ...twoRows(0),
      line(6, [RIGHT, 'Meer volgt later.']),
    ];
    const [table] = findTables(lines, options());
    expect(table!.ruled).toBe(false);
    expect(cells(table!)).toEqual([
      ['1. Wat kost het in het jaar 2025?', 'Het kost een euro per hond in 2025.'],
      ['2. Wat zijn de uitgaven in het jaar 2025?', 'De uitgaven zijn laag, lager dan de inkomsten. / Meer volgt later.'],
    ]);
  });

  it('finds no table in one column of text with a wide gap inside a single line', () => {
    const lines = [
      line(0, [LEFT, 'Zwolle, 12 mei 2025'], [RIGHT + 100, 'Kenmerk: 2025/123']),
      line(2, [LEFT, 'Geachte leden van de raad, op 1 mei stelde de fractie vragen over']),
      line(3, [LEFT, 'de hondenbelasting. Hieronder vindt u de antwoorden van het']),
      line(4, [LEFT, 'college op de gestelde vragen.']),
    ];
    expect(findTables(lines, options())).toEqual([]);
  });

  it('takes no list for a table: the labels beside their text are narrower than a column', () => {
    const lines = [
      line(0, [LEFT, '1.'], [LEFT + 20, 'Wat kost de hondenbelasting in het jaar 2025?']),
      line(1, [LEFT, '2.'], [LEFT + 20, 'Wat zijn de uitgaven aan het hondenbeleid?']),
      line(2, [LEFT + 20, 'En hoe verhouden die zich tot de inkomsten?']),
      line(3, [LEFT, '3.'], [LEFT + 20, 'Komt er een tarief per hond?']),
    ];
    expect(findTables(lines, options())).toEqual([]);
  });

  it('leaves the text around a table alone, a heading above it included', () => {
    const lines = [
      line(0, [LEFT, 'Hieronder vindt u de vragen van de fractie en de antwoorden van het college daarop, per vraag.']),
      line(2, [LEFT, 'Beantwoording']),
      ...twoRows(4),
      line(10, [LEFT, 'Burgemeester en wethouders van Hendrik-Ido-Ambacht, de secretaris en de burgemeester']),
    ];
    const [table, ...rest] = findTables(lines, options());
    expect(rest).toEqual([]);
    expect(table!.lines).toEqual([2, 3, 4, 5]);
  });

  it('keeps a row whose cells span several paragraphs together', () => {
    const lines = [
      line(0, [LEFT, '1. Wat kost het'], [RIGHT, 'Het kost een euro.']),
      line(1, [LEFT, 'in het jaar 2025?']),
      line(2.5, [RIGHT, 'Een tweede alinea van het antwoord.']),
      line(4, [RIGHT, 'En een derde alinea.']),
      line(5.5, [LEFT, '2. Wat zijn de uitgaven?'], [RIGHT, 'Laag.']),
    ];
    const [table] = findTables(lines, options());
    expect(cells(table!)).toEqual([
      ['1. Wat kost het in het jaar 2025?', 'Het kost een euro. / Een tweede alinea van het antwoord. / En een derde alinea.'],
      ['2. Wat zijn de uitgaven?', 'Laag.'],
    ]);
  });

  it('goes on with the table of the page before at the top of a page, even when only its second column has text there', () => {
    const lines = [
      line(0, [RIGHT, 'de rest van het antwoord op de vorige vraag,']),
      line(1, [RIGHT, 'dat over de pagina doorloopt.']),
      line(3, [LEFT, '9. Welke pogingen onderneemt'], [RIGHT, 'Het college zet zich in.']),
      line(4, [LEFT, 'het college?']),
      line(6, [LEFT, 'Openbaarheid: deze nota is openbaar en wordt gepubliceerd op de website van de gemeente.']),
    ];
    expect(findTables(lines, options())).toEqual([]);
    const [table, ...rest] = findTables(lines, options({ continuing: [RIGHT] }));
    expect(rest).toEqual([]);
    expect(table!.lines).toEqual([0, 1, 2, 3]);
    expect(cells(table!)).toEqual([
      ['', 'de rest van het antwoord op de vorige vraag, dat over de pagina doorloopt.'],
      ['9. Welke pogingen onderneemt het college?', 'Het college zet zich in.'],
    ]);
  });

  it('ends a table without borders at the last line of its later columns: a heading and a short paragraph after it are text', () => {
    const lines = [
      line(0, [RIGHT, 'de rest van het antwoord,']),
      line(1, [RIGHT, 'dat over de pagina doorloopt.']),
      line(3, [LEFT, 'Openbaarheid']),
      line(4, [LEFT, 'Deze nota is openbaar.']),
      line(6, [LEFT, 'De secretaris,']),
    ];
    const [table, ...rest] = findTables(lines, options({ continuing: [RIGHT] }));
    expect(rest).toEqual([]);
    expect(table!.lines).toEqual([0, 1]);
    const fresh = [
      ...twoRows(0),
      line(5, [LEFT, 'En in 2026?']),
      line(7, [LEFT, 'Openbaarheid']),
      line(8, [LEFT, 'Deze nota is openbaar.']),
    ];
    expect(findTables(fresh, options())[0]!.lines).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves lines above the first border and below the last to the text, also where the table goes on from the page before', () => {
    const lines = [
      line(0, [RIGHT, 'de rest van het antwoord,']),
      line(1, [RIGHT, 'dat over de pagina doorloopt.']),
      line(3, [LEFT, 'Openbaarheid']),
      line(4, [LEFT, 'Deze nota is openbaar.']),
    ];
    const rules = [-1, 1.5].map((row) => ({ x0: LEFT - 4, x1: 500, y: 100 + row * LEADING }));
    const [table] = findTables(lines, options({ rules, continuing: [RIGHT] }));
    expect(table!.ruled).toBe(true);
    expect(table!.lines).toEqual([0, 1]);
  });

  it('reads three columns when all three gutters hold', () => {
    const lines = [
      line(0, [LEFT, 'Onderwerp een'], [200, 'Toelichting bij een'], [350, 'Besluit over een']),
      line(1, [LEFT, 'vervolg een'], [200, 'meer over een'], [350, 'en nog wat']),
      line(3, [LEFT, 'Onderwerp twee'], [200, 'Toelichting twee'], [350, 'Besluit twee']),
      line(4, [LEFT, 'vervolg twee'], [200, 'meer over twee'], [350, 'en nog meer']),
    ];
    const [table] = findTables(lines, options());
    expect(table!.columnStarts).toEqual([200, 350]);
    expect(cells(table!)).toEqual([
      ['Onderwerp een vervolg een', 'Toelichting bij een meer over een', 'Besluit over een en nog wat'],
      ['Onderwerp twee vervolg twee', 'Toelichting twee meer over twee', 'Besluit twee en nog meer'],
    ]);
  });

  it('keeps a paragraph of a later column in the row where it starts when the first column starts a row beside it (no borders)', () => {
    const lines = [
      line(0, [LEFT, '1. Wat kost het?'], [RIGHT, 'Het kost een euro.']),
      line(2, [RIGHT, 'Een tweede alinea die']),
      line(3, [LEFT, '2. Wat zijn de uitgaven?'], [RIGHT, 'doorloopt naast de volgende vraag.']),
      line(5, [RIGHT, 'De uitgaven zijn laag.']),
    ];
    const [table] = findTables(lines, options());
    expect(cells(table!)).toEqual([
      ['1. Wat kost het?', 'Het kost een euro. / Een tweede alinea die doorloopt naast de volgende vraag.'],
      ['2. Wat zijn de uitgaven?', 'De uitgaven zijn laag.'],
    ]);
  });

  it('never throws, and gives each line to one table at most', () => {
    const item = fc.record({ text: fc.constantFrom('', ' ', 'a', 'woord', 'twee woorden', '1.'), x: fc.integer({ min: -50, max: 600 }), w: fc.integer({ min: 0, max: 300 }) });
    const lineArb = fc.record({ y: fc.integer({ min: 0, max: 800 }), size: fc.constantFrom(8, 10, 12), items: fc.array(item, { maxLength: 4 }) });
    const rule = fc.record({ x0: fc.integer({ min: 0, max: 300 }), x1: fc.integer({ min: 300, max: 600 }), y: fc.integer({ min: 0, max: 800 }) });
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 25 }), fc.array(rule, { maxLength: 6 }), fc.boolean(), (raw, rules, continuing) => {
        const lines = [...raw].sort((p, q) => p.y - q.y);
        const tables = findTables(lines, options({ rules, continuing: continuing ? [RIGHT] : undefined }));
        const seen = tables.flatMap((table) => table.lines);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.every((i) => i >= 0 && i < lines.length)).toBe(true);
      }),
    );
  });
});
