import { describe, expect, it } from 'vitest';
import { expectOnlyInputErrors } from '../../test/builders/damaged-bytes.js';
import { officeFile } from '../../test/fixtures/office/manifest.js';
import { readSource } from './read-source.js';

const read = (rtf: string | Uint8Array) => readSource({ name: 'brief.rtf', data: typeof rtf === 'string' ? new TextEncoder().encode(rtf) : rtf });
const HEAD = '{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}{\\f1\\fcharset2 Symbol;}}{\\stylesheet{\\s0 Normal;}{\\s1 heading 1;}}';

describe('RTF', () => {
  it('reads list labels as printed ({\\listtext}), nesting from \\ilvl, Symbol bullets as look-alikes', async () => {
    const rtf =
      `${HEAD}\\pard Geacht college,\\par` +
      '\\pard{\\listtext 1.\\tab}\\ls1\\ilvl0 Waarom?\\par' +
      '\\pard{\\listtext\\f1 \\u61623\\\'3f\\tab}\\ls1\\ilvl1 Zo ja, hoe?\\par' +
      '\\pard{\\listtext 2.\\tab}\\ls1\\ilvl0 Wanneer?\\par}';
    const source = await read(rtf);
    expect(source.format).toBe('rtf');
    expect(source.text).toBe('Geacht college,\n\n1. Waarom?\n  • Zo ja, hoe?\n2. Wanneer?');
  });

  it('numbers from the list table when a paragraph has no {\\listtext}', async () => {
    const table = "{\\*\\listtable{\\list{\\listlevel\\levelnfc0\\levelstartat1{\\leveltext \\'02\\'00);}{\\levelnumbers\\'01;}}\\listid7}}{\\*\\listoverridetable{\\listoverride\\listid7\\ls1}}";
    const source = await read(`${HEAD}${table}\\pard\\ls1 Eerste?\\par\\pard\\ls1 Tweede?\\par}`);
    expect(source.text).toBe('1) Eerste?\n2) Tweede?');
  });

  it('decodes \\u with its fallback skipped and \\\'xx as windows-1252, and skips headers, fields and pictures', async () => {
    const rtf = `${HEAD}{\\header Pagina {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}}\\pard Caf\\'e9 \\u8220\\'93citaat\\u8221\\'94 {\\*\\unknown weg}{\\pict 0123abcd}en {\\field{\\*\\fldinst HYPERLINK "x"}{\\fldrslt link}}.\\par}`;
    expect((await read(rtf)).text).toBe('Café “citaat” en link.');
  });

  it("gives the text of a HYPERLINK field's result the address its instruction names, and none to a jump or another field", async () => {
    // As Word and LibreOffice write it: the instruction in a group of its own, the result formatted,
    // a backslash switch escaped ("\\l"), a PAGE field inside a link keeping the link.
    const rtf =
      `${HEAD}\\pard Zie {\\field{\\*\\fldinst {\\rtlch HYPERLINK "https://www.zwolle.nl/nota?jaar=2025" \\\\o "tip"}}{\\fldrslt {\\ul\\b de nota}}}, ` +
      `{\\field{\\*\\fldinst HYPERLINK \\\\l "_Toc2"}{\\fldrslt sprong}}, {\\field{\\*\\fldinst HYPERLINK "https://www.zwolle.nl/a" \\\\l "kosten"}{\\fldrslt p. {\\field{\\*\\fldinst PAGE}{\\fldrslt 3}}}} ` +
      `en {\\field{\\*\\fldinst PAGE}{\\fldrslt 4}}.\\par}`;
    const source = await read(rtf);
    expect(source.text).toBe('Zie de nota, sprong, p. 3 en 4.');
    const block = source.document?.blocks[0];
    expect(block?.kind === 'paragraph' ? block.runs : []).toEqual([
      { text: 'Zie ' },
      { text: 'de nota', bold: true, href: 'https://www.zwolle.nl/nota?jaar=2025' },
      { text: ', ' },
      { text: 'sprong' },
      { text: ', ' },
      { text: 'p. ', href: 'https://www.zwolle.nl/a#kosten' },
      { text: '3', href: 'https://www.zwolle.nl/a#kosten' },
      { text: ' en ' },
      { text: '4' },
      { text: '.' },
    ]);
  });

  it('marks headings by style name, and writes footnotes after the text with the reference in superscript', async () => {
    const rtf = `${HEAD}\\pard\\s1 1 Inleiding\\par\\pard\\s0 Het kost \\'80 50.000{\\super\\chftn{\\*\\footnote\\pard\\chftn Per jaar.}} per jaar.\\par}`;
    const source = await read(rtf);
    expect(source.text).toBe('1 Inleiding\n\nHet kost € 50.000¹ per jaar.\n\n1 Per jaar.');
    expect(source.headings).toEqual([{ line: 1, lines: 1, level: 1 }]);
  });

  it('reads a table row by row', async () => {
    const rtf = `${HEAD}\\trowd\\pard\\intbl 1. Waarom?\\cell Omdat.\\cell\\row\\pard Na de tabel.\\par}`;
    expect((await read(rtf)).text).toBe('1. Waarom?\tOmdat.\n\nNa de tabel.');
  });

  it('reads the LibreOffice letters: the D66 letter keeps its "-" questions and "o" sub-questions', async () => {
    const source = await read(officeFile('letters/2025-04-12-d66-regionale-zorg-en-veiligheid.rtf'));
    expect(source.text).toContain('- Ziet het college mogelijkheden om (op langere termijn) de druk op wijken te verlichten door middel van het spreiden van voorzieningen en corporatiewoningen?\n  o Zo ja, op welke wijze?');
    expect(source.text).not.toContain('Pagina');
  });

  it('reads hostile RTF without a stack overflow: 100,000 open groups, unbalanced braces, a huge \\bin', async () => {
    expect((await read(`{\\rtf1 ${'{'.repeat(100_000)}Vraag?${'}'.repeat(3)}`)).text).toBe('Vraag?');
    expect((await read('{\\rtf1 Vraag?}}}}{{')).text).toBe('Vraag?');
    expect((await read('{\\rtf1 Vraag?\\bin999999999 ')).text).toBe('Vraag?');
  });

  it('warns that an RTF cut off before its groups close may have lost the rest of its text', async () => {
    const data = officeFile('letters/36-echt-susteren-rubberkorrels-kunstgras.rtf');
    expect((await read(data)).warnings).toEqual([]);
    const cut = await read(data.subarray(0, Math.floor(data.length * 0.8)));
    expect(cut.text).toContain('Vraag 1:');
    expect(cut.text).not.toContain('Vraag 4:');
    expect(cut.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/ends before .* closed.*cut off/)]);
    expect((await read(`${HEAD}\\pard Vraag?\\par}`)).warnings).toEqual([]);
  });

  it('refuses an RTF without text, and never throws anything but InputError on damaged bytes', async () => {
    await expect(read('{\\rtf1{\\fonttbl{\\f0 Arial;}}}')).rejects.toThrow('the RTF holds no text');
    const data = officeFile('letters/38-hardenberg-leerlingenvervoer-vervolgvragen.rtf');
    await expectOnlyInputErrors(read, data, { flips: 30 });
  });
});
