import fc from 'fast-check';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fixtureLetters } from '../../test/builders/fixture-letters.js';
import { labelsInOrder, isSubsequence, splitLetter, wordDiff } from '../../test/builders/letter-lines.js';
import { A6, DEFAULT_HEADER, buildLetterPdf, type BuiltPdf, type LetterPdfOptions } from '../../test/builders/letter-pdf.js';
import { buildEncryptedPdf, buildPlacedPdf, buildScannedPdf } from '../../test/builders/tricky-pdf.js';
import { officeFile } from '../../test/fixtures/office/manifest.js';
import { InputError } from '../errors.js';
import { readSource, type ReadOptions } from './read-source.js';

const read = (data: Uint8Array, options?: ReadOptions) => readSource({ name: 'brief.pdf', data }, options);

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

/** The lines with text; a list item's indentation (the reader's list structure) left out, as the builder draws no such thing. */
const nonEmptyLines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '').map((line) => line.trimStart());

/** All words as a sorted multiset: a PDF keeps its list labels as text, so nothing is left out. */
const allWords = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '').sort();

/** The lines a reader should give: the drawn lines, and on a single page the running header too. */
function expectedLines(built: BuiltPdf, header: string | null = DEFAULT_HEADER): string[] {
  return built.pageCount === 1 && header ? [header, ...built.lines] : built.lines;
}

/** Words broken over lines (long URLs) joined again, so that words can be compared. */
function joinBrokenWords(text: string, built: BuiltPdf): string {
  let out = text;
  for (const pieces of built.brokenWords) {
    const pattern = pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*\\n\\s*');
    out = out.replace(new RegExp(pattern), pieces.join(''));
  }
  return out;
}

async function roundTrip(text: string, options: LetterPdfOptions): Promise<void> {
  const built = await buildLetterPdf(text, options);
  const source = await read(built.data);
  expect(source.format).toBe('pdf');
  expect(nonEmptyLines(source.text)).toEqual(expectedLines(built, options.header === undefined ? DEFAULT_HEADER : options.header));
  const words = allWords(joinBrokenWords(source.text, built));
  // The builder draws a list label apart from its text (a hanging indent), so "1.Hoeveel" becomes "1. Hoeveel".
  const drawn = splitLetter(text).map((p) => (p.label ? `${p.label} ${p.text}` : p.text)).join('\n');
  const expected = allWords(built.pageCount === 1 ? `${DEFAULT_HEADER}\n${drawn}` : drawn);
  expect(wordDiff(expected, words)).toEqual({ missing: [], extra: [] });
  // Labels come back at line starts in reading order (a wrapped line may start with a label-like word).
  expect(isSubsequence(labelsInOrder(text), labelsInOrder(source.text))).toBe(true);
}

describe('the development letters as PDFs exported from Word', () => {
  const letters = fixtureLetters();

  it.each(letters.map((l) => [l.name, l.text]))('%s on A4 reads back line for line, no word lost or merged', async (_name, text) => {
    await roundTrip(text, {});
  });

  it.each(letters.map((l) => [l.name, l.text]))('%s on small justified pages loses its running header and page numbers', async (_name, text) => {
    await roundTrip(text, { pageSize: A6, margin: 36, align: 'justify' });
  });

  it('drops page numbers written as "- 3 -", "3/5" and a bare "3"', async () => {
    const text = letters.find((l) => l.name.startsWith('10-'))!.text;
    for (const pageNumbers of ['dash', 'slash', 'bare'] as const) {
      const built = await buildLetterPdf(text, { pageSize: A6, margin: 36, pageNumbers, header: null });
      expect(built.pageCount).toBeGreaterThan(1);
      expect(nonEmptyLines((await read(built.data)).text)).toEqual(built.lines);
    }
  });
});

describe('paragraphs', () => {
  const letter = fixtureLetters().find((l) => l.name.startsWith('01-'))!.text;
  const paragraphs = splitLetter(letter).filter((p) => p.kind !== 'blank');

  it('gets no blank lines when the letter has none (Word paragraph spacing 0)', async () => {
    const source = await read((await buildLetterPdf(letter, { header: null, pageNumbers: null })).data);
    expect(source.text).not.toContain('\n\n');
  });

  it('gets a blank line at each paragraph gap, and none inside a wrapped paragraph', async () => {
    const built = await buildLetterPdf(letter, { header: null, pageNumbers: null, paragraphSpacing: 8 });
    expect(built.lines.length).toBeGreaterThan(paragraphs.length);
    const blocks = joinBrokenWords((await read(built.data)).text, built).split('\n\n');
    expect(blocks.map((b) => b.replace(/\n/g, ' '))).toEqual(paragraphs.map((p) => (p.label ? `${p.label} ${p.text}` : p.text)));
  });

  it('keeps the blank lines of a letter typed with empty paragraphs', async () => {
    const built = await buildLetterPdf(letter, { header: null, pageNumbers: null, keepBlankLines: true });
    const blocks = joinBrokenWords((await read(built.data)).text, built).split('\n\n');
    const expected = letter.split(/\n\s*\n/).map((b) => b.replace(/\s+/g, ' ').trim()).filter((b) => b !== '');
    expect(blocks.map((b) => b.replace(/\n/g, ' '))).toEqual(expected);
  });
});

describe('footnotes', () => {
  const text =
    'Ten aanzien van de ondersteuning aan kwetsbare mensen begint een kanteling te ontstaan. Ingegeven door het rapport ‘van Beschermd Wonen naar Beschermd Thuis’ van Erik Dannenberg uit 2015, is de inzet om mensen zoveel mogelijk in de eigen omgeving te ondersteunen.\n' +
    '1. Deelt het college de opvatting van D66 dat het voorkomen dat mensen in de knel komen de beste preventie is?\n' +
    '2. Welke mogelijkheden ziet het college lokaal?';
  const footnotes = [
    { after: 'Beschermd Thuis’', text: 'https://www.youtube.com/watch?v=AWYlvnaryms' },
    { after: 'in de knel komen', text: 'https://www.volkshuisvestingnederland.nl/onderwerpen/programma-een-thuis-voor-iedereen/documenten/publicaties' },
  ];

  it('writes a superscript marker in superscript digits after its word and keeps the note as `N text` at the end', async () => {
    const built = await buildLetterPdf(text, { footnotes, header: null, pageNumbers: null });
    const source = await read(built.data);
    expect(source.text).toContain('Beschermd Thuis’¹ van');
    expect(source.text).toMatch(/knel komen²\s+de/);
    const plain = (line: string): string => line.replace(/[¹²]/g, (d) => (d === '¹' ? '1' : '2'));
    expect(nonEmptyLines(source.text).map(plain)).toEqual(built.lines);
    expect(nonEmptyLines(source.text).slice(-3)).toEqual(built.lines.slice(-3));
    expect(built.lines.at(-3)).toBe('1 https://www.youtube.com/watch?v=AWYlvnaryms');
    // A blank line separates the notes from the body.
    expect(source.text).toContain('\n\n1 https://www.youtube.com');
  });

  it('moves each page’s notes to the end, so the body runs on over the page unbroken', async () => {
    const filler = fixtureLetters().find((l) => l.name.startsWith('01-'))!.text;
    const built = await buildLetterPdf(`${filler}\n${text}\n${filler}`, { footnotes, pageSize: A6, margin: 36 });
    expect(built.pageCount).toBeGreaterThan(1);
    const isNote = (line: string): boolean => /^[12] https:/.test(line) || (footnotes.some((f) => f.text.replace(/\s/g, '').includes(line)) && !/\s/.test(line));
    const lines = nonEmptyLines((await read(built.data)).text).map((l) => l.replace(/[¹²]/g, (d) => (d === '¹' ? '1' : '2')));
    const notes = built.lines.filter(isNote);
    expect(notes.length).toBeGreaterThan(0);
    expect(lines).toEqual([...built.lines.filter((l) => !isNote(l)), ...notes]);
  });
});

describe('line reconstruction', () => {
  it('joins items drawn without a gap and spaces items with one', async () => {
    const data = await buildPlacedPdf([[['gemeente', 72, 100, 11], ['raad', 72 + 44.6, 100, 11], ['vraagt', 150, 100, 11]]]);
    const source = await read(data);
    expect(source.text).toBe('gemeenteraad vraagt');
  });

  it('glues a Dutch ordinal’s superscript "e" to its number', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.drawText('de 1', { x: 72, y: 700, size: 11, font });
    page.drawText('e', { x: 72 + font.widthOfTextAtSize('de 1', 11), y: 703.5, size: 7, font });
    page.drawText(' termijn', { x: 72 + font.widthOfTextAtSize('de 1', 11) + font.widthOfTextAtSize('e', 7), y: 700, size: 11, font });
    expect((await read(await doc.save())).text).toBe('de 1e termijn');
  });

  it('writes text drawn twice over itself (fake bold) once', async () => {
    const data = await buildPlacedPdf([[['Vraag 1', 72, 100, 11], ['Vraag 1', 72.3, 100, 11], ['Waarom?', 120, 100, 11]]]);
    expect((await read(data)).text).toBe('Vraag 1 Waarom?');
  });

  it('puts rotated margin text after the page’s own lines', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.drawText('Kenmerk 2025/123', { x: 30, y: 300, size: 8, font, rotate: degrees(90) });
    page.drawText('Geacht college,', { x: 72, y: 700, size: 11, font });
    page.drawText('Waarom?', { x: 72, y: 686, size: 11, font });
    expect((await read(await doc.save())).text).toBe('Geacht college,\nWaarom?\nKenmerk 2025/123');
  });

  it('keeps a bare number at the bottom of a page that does not count with the pages', async () => {
    const page = (n: string, bottom: string): [string, number, number, number][] => [
      [`Eerste regel van pagina ${n}`, 72, 100, 11],
      [`Tweede regel van pagina ${n}`, 72, 114, 11],
      [bottom, 72, 780, 11],
    ];
    const kept = await read(await buildPlacedPdf([page('een', '7'), page('twee', 'Einde')]));
    expect(kept.text).toContain('\n7\n');
    const dropped = await read(await buildPlacedPdf([page('een', '1'), page('twee', '2'), page('drie', '3')]));
    expect(dropped.text).not.toMatch(/^\d$/m);
  });

  it('keeps a title on page 1 that says what the running header says, lower and larger', async () => {
    const data = await buildPlacedPdf([
      [['Vragen over de kermis', 72, 40, 9], ['Vragen over de kermis', 72, 110, 16], ['Geacht college,', 72, 140, 11], ['Waarom?', 72, 154, 11]],
      [['Vragen over de kermis', 72, 40, 9], ['Hoe?', 72, 110, 11], ['Wanneer?', 72, 124, 11]],
    ]);
    expect(nonEmptyLines((await read(data)).text)).toEqual(['Vragen over de kermis', 'Geacht college,', 'Waarom?', 'Hoe?', 'Wanneer?']);
  });

  it('does not take a sentence about "pagina 3" at the top of pages for a header', async () => {
    const data = await buildPlacedPdf([
      [['Vraag 3 gaat over pagina 3.', 72, 100, 11], ['Meer tekst.', 72, 114, 11]],
      [['Vraag 5 gaat over pagina 5.', 72, 100, 11], ['Nog meer tekst.', 72, 114, 11]],
    ]);
    // A page that ends a sentence short of the line's end ends its paragraph: the next page starts one.
    expect((await read(data)).text).toBe('Vraag 3 gaat over pagina 3.\nMeer tekst.\n\nVraag 5 gaat over pagina 5.\nNog meer tekst.');
  });
});

describe('PDFs that cannot be read', () => {
  it('refuses a password-protected PDF', async () => {
    const error = await inputError(read(buildEncryptedPdf('Geheime vragen', { user: 'geheim', owner: 'eigenaar' })));
    expect(error.message).toBe('the PDF is encrypted (password protected); save an unprotected copy first');
    expect(error.file).toBe('brief.pdf');
  });

  it('reads a PDF encrypted only against editing (empty user password)', async () => {
    const source = await read(buildEncryptedPdf('Vraag aan het college (open)?', { user: '', owner: 'eigenaar' }));
    expect(source.text).toBe('Vraag aan het college (open)?');
  });

  it('refuses a scan without a text layer', async () => {
    const error = await inputError(read(await buildScannedPdf(2)));
    expect(error.message).toBe('the PDF has no text layer (a scan?); run OCR first');
  });

  it('warns about scanned pages between pages with text', async () => {
    const source = await read(await buildScannedPdf(3, [1, 3]));
    expect(nonEmptyLines(source.text)).toHaveLength(2);
    expect(source.warnings).toEqual([{ line: null, message: 'page 2 of the PDF holds no text (scanned?); that text is missing' }]);
  });

  it('refuses a truncated or garbled PDF as damaged', async () => {
    const good = (await buildLetterPdf('1. Waarom?')).data;
    expect((await inputError(read(good.subarray(0, 400)))).message).toMatch(/^the PDF is damaged/);
    expect((await inputError(read(new TextEncoder().encode('%PDF-1.7\nniets dan onzin\n')))).message).toMatch(/^the PDF is damaged/);
  });

  it('stops at the time limit, and reads the next PDF normally', async () => {
    const good = (await buildLetterPdf('1. Waarom?')).data;
    const error = await inputError(read(good, { timeoutMs: 1 }));
    expect(error.message).toBe('reading the PDF took longer than 1 ms (a malformed PDF?); the time limit stopped it');
    expect((await read(good)).text).toContain('1. Waarom?');
  });

  it('never throws anything but InputError on damaged PDF bytes', async () => {
    const built = (await buildLetterPdf('Geacht college,\n1. Waarom?\n2. Hoe?\n• punt', { pageSize: A6, margin: 36 })).data;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(built.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 30 }),
        fc.option(fc.nat(built.length), { nil: undefined }),
        async (flips, cut) => {
          const data = built.slice(0, cut ?? built.length);
          for (const [at, value] of flips) if (at < data.length) data[at] = value;
          try {
            await read(data, { timeoutMs: 10_000 });
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('PDFs exported by an office suite (test/fixtures/office/)', () => {
  const readOffice = async (path: string) => (await readSource({ name: path, data: officeFile(path) })).text;

  it('reads Symbol and Wingdings bullets (private-use glyphs) as bullets, items indented by their place, wrapped lines to the item text', async () => {
    const text = await readOffice('letters/word/60-achtkarspelen-windmolenclusters.pdf');
    expect(text).not.toMatch(/[\uf020-\uf0ff]/);
    expect(text).toContain('❖ hoe wil het College zich wapenen in het tegengaan van plaatsing van windmolens op nog geen\n  500 meter van bewoning (Gerkesklooster)?');
    const lelystad = await readOffice('letters/34-lelystad-fietspad-schoener.pdf');
    expect(lelystad).toContain('    • Graag aangeven per doorgevoerde wijziging op welke wijze dit de veiligheid van de fietser\n      verbeterd dan wel verminderd;');
  });

  it('nests a second-level item deeper than its parent', async () => {
    const text = await readOffice('letters/word/2025-04-12-d66-regionale-zorg-en-veiligheid.pdf');
    expect(text).toMatch(/\n {3}➢ Ziet het college mogelijkheden[^\n]*\n {5}middel van[^\n]*\n {6,}o Zo ja, op welke wijze\?/);
  });

  it('writes a footnote reference in superscript digits, never glued onto a digit, and moves the footnotes to the end', async () => {
    const text = await readOffice('policy/zwolse-agenda-zorg-en-veiligheid-2025-2026.pdf');
    expect(text).toContain('€ 50.000² per jaar');
    expect(text).toContain('raken aan zorg en veiligheid¹.');
    expect(text).not.toContain('50.0002');
    // The paragraph that runs on over the page is whole; the notes follow the text.
    expect(text).toContain('willen we werken in een\nnetwerksamenwerking.');
    expect(text.split('\n').slice(-3, -1)).toEqual(['1 Zie bijlage 2 voor een lijst van geanalyseerde beleidsdocumenten', expect.stringMatching(/^2 Gebaseerd op de brutokosten/)]);
  });

  it('reads a table row by row as the DOCX reader does, over page breaks and a row split by one, and gives its structure', async () => {
    for (const memo of ['d66-zorg-en-veiligheid-tabel', 'hendrik-ido-ambacht-hondenbelasting-tabel']) {
      const [pdf, docx] = await Promise.all(['pdf', 'docx'].map((ext) => readSource({ name: `${memo}.${ext}`, data: officeFile(`memos/${memo}.${ext}`) }, { fontNames: true })));
      const rows = (text: string) => text.split('\n').filter((line) => line.includes('\t'));
      expect(rows(pdf!.text).length).toBeGreaterThan(2);
      expect(rows(pdf!.text)).toEqual(rows(docx!.text));
      const table = pdf!.document?.blocks.find((block) => block.kind === 'table');
      expect(table?.kind === 'table' ? table.rows.length : 0).toBe(rows(pdf!.text).length);
    }
  });

  it('finds no table in a letter, a policy document or a memo of another layout', async () => {
    for (const path of ['letters/34-lelystad-fietspad-schoener.pdf', 'policy/zwolse-agenda-zorg-en-veiligheid-2025-2026.pdf', 'memos/d66-zorg-en-veiligheid-vraag-kop.pdf']) {
      const source = await readSource({ name: path, data: officeFile(path) }, { fontNames: true });
      expect(source.text, path).not.toContain('\t');
      expect(source.document, path).toBeUndefined();
    }
  });
});
