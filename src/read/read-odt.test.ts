import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expectOnlyInputErrors } from '../../test/builders/damaged-bytes.js';
import { officeFile } from '../../test/fixtures/office/manifest.js';
import { readSource } from './read-source.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';

function odt(body: string, automaticStyles = '', styles = ''): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles>${automaticStyles}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  const stylesXml = `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS}><office:styles>${styles}</office:styles></office:document-styles>`;
  return zipSync({ mimetype: utf8('application/vnd.oasis.opendocument.text'), 'content.xml': utf8(content), 'styles.xml': utf8(stylesXml) }, { level: 0 });
}

const read = (data: Uint8Array) => readSource({ name: 'brief.odt', data });

const listStyle = `<text:list-style style:name="L1">
  <text:list-level-style-number text:level="1" style:num-prefix="Vraag " style:num-suffix=":" style:num-format="1"><style:list-level-properties><style:list-level-label-alignment fo:margin-left="0.5in"/></style:list-level-properties></text:list-level-style-number>
  <text:list-level-style-bullet text:level="2" text:bullet-char="\uf0b7"/>
</text:list-style>`;

describe('ODT', () => {
  it('reads list labels from the list style, nesting from the lists inside list items', async () => {
    const body =
      '<text:p>Geacht college,</text:p><text:list text:style-name="L1">' +
      '<text:list-item><text:p>Waarom?</text:p><text:list><text:list-item><text:p>Zo ja, hoe?</text:p></text:list-item></text:list></text:list-item>' +
      '<text:list-item><text:p>Wanneer?</text:p></text:list-item></text:list>';
    const source = await read(odt(body, '', listStyle));
    expect(source.format).toBe('odt');
    expect(source.text).toBe('Geacht college,\n\nVraag 1: Waarom?\n  • Zo ja, hoe?\nVraag 2: Wanneer?');
  });

  it("keeps an item's further paragraphs with it and counts on in a list that continues the one before", async () => {
    const automatic = '<style:style style:name="P3" style:family="paragraph" style:list-style-name=""/>';
    const body =
      '<text:list text:style-name="L1"><text:list-item><text:p>Er zijn klachten.</text:p><text:p>Hoeveel?</text:p></text:list-item></text:list>' +
      '<text:p text:style-name="P3">Welke criteria gelden?</text:p>' +
      '<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>Tot slot?</text:p></text:list-item></text:list>' +
      '<text:p>Met vriendelijke groet,</text:p>';
    const source = await read(odt(body, automatic, listStyle));
    expect(source.text).toBe('Vraag 1: Er zijn klachten.\n         Hoeveel?\n         Welke criteria gelden?\nVraag 2: Tot slot?\n\nMet vriendelijke groet,');
  });

  it('marks headings by outline level and the Title style, and writes notes after the text', async () => {
    const styles = '<style:style style:name="Title" style:display-name="Title" style:family="paragraph"/>';
    const body =
      '<text:p text:style-name="Title">Nota zorg</text:p><text:h text:outline-level="2">1.1 Urgentie</text:h>' +
      '<text:p>Het kost € 50.000<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Per jaar.</text:p></text:note-body></text:note> per jaar.</text:p>';
    const source = await read(odt(body, '', styles));
    expect(source.text).toBe('Nota zorg\n\n1.1 Urgentie\n\nHet kost € 50.000¹ per jaar.\n\n1 Per jaar.');
    expect(source.headings).toEqual([
      { line: 1, lines: 1, level: 0 },
      { line: 3, lines: 1, level: 2 },
    ]);
    expect(source.document?.notes).toHaveLength(1);
  });

  it('reads a table row by row, and bold runs into the structure', async () => {
    const automatic = '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>';
    const body =
      '<table:table xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><table:table-row><table:table-cell><text:p><text:span text:style-name="T1">1. Waarom?</text:span></text:p></table:table-cell><table:table-cell><text:p>Omdat.</text:p></table:table-cell></table:table-row></table:table>';
    const source = await read(odt(body, automatic));
    expect(source.text).toBe('1. Waarom?\tOmdat.');
    const table = source.document?.blocks[0];
    expect(table?.kind === 'table' && table.rows[0]?.[0]?.[0]).toMatchObject({ kind: 'paragraph', runs: [{ text: '1. Waarom?', bold: true }] });
  });

  it('gives the runs of a link (text:a) its address and reads the text as before; a jump inside the document gets none', async () => {
    const automatic = '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>';
    const body =
      '<text:p>Zie <text:a xlink:type="simple" xlink:href="https://www.zwolle.nl/nota?jaar=2025&amp;deel=2">de <text:span text:style-name="T1">nota</text:span></text:a>' +
      ' en <text:a xlink:type="simple" xlink:href="#paragraaf2">paragraaf 2</text:a>.</text:p>';
    const source = await read(odt(body, automatic));
    expect(source.text).toBe('Zie de nota en paragraaf 2.');
    const block = source.document?.blocks[0];
    expect(block?.kind === 'paragraph' ? block.runs : []).toEqual([
      { text: 'Zie ' },
      { text: 'de ', href: 'https://www.zwolle.nl/nota?jaar=2025&deel=2' },
      { text: 'nota', bold: true, href: 'https://www.zwolle.nl/nota?jaar=2025&deel=2' },
      { text: ' en ' },
      { text: 'paragraaf 2' },
      { text: '.' },
    ]);
  });

  it('reads the LibreOffice letters: the D66 letter keeps its "-" questions and "o" sub-questions', async () => {
    const source = await read(officeFile('letters/2025-04-12-d66-regionale-zorg-en-veiligheid.odt'));
    expect(source.text).toContain('- Ziet het college mogelijkheden om (op langere termijn) de druk op wijken te verlichten door middel van het spreiden van voorzieningen en corporatiewoningen?\n  o Zo ja, op welke wijze?');
  });

  it('refuses a truncated ODT as damaged and never throws anything but InputError on damaged bytes', async () => {
    const data = officeFile('letters/38-hardenberg-leerlingenvervoer-vervolgvragen.odt');
    await expect(read(data.subarray(0, data.length >> 1))).rejects.toThrow('the ODT is damaged (the zip archive is truncated)');
    await expectOnlyInputErrors(read, data, { flips: 20 });
  });

  it('refuses an ODT cut off inside its zip directory as damaged, not as a spreadsheet', async () => {
    // The directory's records of mimetype and the styles were there, content.xml's was cut off.
    const data = officeFile('letters/36-echt-susteren-rubberkorrels-kunstgras.odt');
    await expect(read(data.subarray(0, Math.floor(data.length * 0.99)))).rejects.toThrow('the ODT is damaged (the zip archive is truncated)');
  });
});
