import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { Document, LevelFormat, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildLetterDocx } from '../../test/builders/letter-docx.js';
import { labelsInOrder, wordDiff, wordsWithoutLabels } from '../../test/builders/letter-lines.js';
import { fixtureLetters } from '../../test/builders/fixture-letters.js';
import { buildPolicyDocx } from '../../test/builders/policy-docx.js';
import { markedLines } from '../../test/builders/policy-score.js';
import { sampleNota } from '../../test/builders/policy-seeds.js';
import { InputError } from '../errors.js';
import { planListLabels } from './read-docx.js';
import { readSource, type ReadOptions } from './read-source.js';

const read = (data: Uint8Array, options?: ReadOptions) => readSource({ name: 'brief.docx', data }, options);

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string, numId?: number, ilvl = 0) =>
  `<w:p><w:pPr>${numId === undefined ? '' : `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const documentXml = (...paragraphs: string[]) => `<w:document ${W}><w:body>${paragraphs.join('')}</w:body></w:document>`;
const lvl = (ilvl: number, numFmt: string, lvlText: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${lvlText}"/>${extra}</w:lvl>`;

describe('the development letters as Word files with automatic numbering', () => {
  const letters = fixtureLetters();

  it.each(letters.map((l) => [l.name, l.text]))('%s reads back with every word and every label in order', async (_name, text) => {
    const built = await buildLetterDocx(text);
    const source = await read(built.data);
    expect(source.format).toBe('docx');
    expect(wordDiff(wordsWithoutLabels(text), wordsWithoutLabels(source.text))).toEqual({ missing: [], extra: [] });
    expect(labelsInOrder(source.text)).toEqual(built.labels);
    expect(source.warnings).toEqual([]);
  });

  it('keeps the words when the letter is typed with empty paragraphs and has a page header', async () => {
    for (const letter of letters.slice(0, 10)) {
      const built = await buildLetterDocx(letter.text, { keepBlankLines: true, header: 'Gemeente Zwolle – Schriftelijke vragen' });
      const source = await read(built.data);
      expect(wordDiff(wordsWithoutLabels(letter.text), wordsWithoutLabels(source.text))).toEqual({ missing: [], extra: [] });
    }
  });
});

describe('Word numbering', () => {
  it('continues a numbered list across the paragraphs that interrupt it, as Word prints it', async () => {
    const text = 'Inleiding.\n1. Eerste vraag?\nToelichting bij de tweede vraag.\n2. Tweede vraag?\n- een punt\n- nog een punt\n3. Derde vraag?';
    const source = await read((await buildLetterDocx(text)).data);
    expect(source.text).toBe(
      'Inleiding.\n\n1. Eerste vraag?\n\nToelichting bij de tweede vraag.\n\n2. Tweede vraag?\n\n- een punt\n- nog een punt\n\n3. Derde vraag?',
    );
  });

  it('prints the format of the numbering definition: "1)", lettered sub-items, Symbol bullets and "o"', async () => {
    const text = '1) Waarom?\na) Zo ja, hoe?\nb) Zo nee, waarom niet?\n2) Wanneer?\n• punt\no sub\n– streep';
    const source = await read((await buildLetterDocx(text)).data);
    expect(source.text).toBe('1) Waarom?\n  a) Zo ja, hoe?\n  b) Zo nee, waarom niet?\n2) Wanneer?\n\n• punt\n  o sub\n– streep');
  });

  it('starts again where Word starts a new list (a new num with a start override)', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'q', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }] },
      sections: [
        {
          children: [
            new Paragraph({ text: 'A?', numbering: { reference: 'q', level: 0 } }),
            new Paragraph({ text: 'B?', numbering: { reference: 'q', level: 0 } }),
            new Paragraph({ text: 'Nieuwe set vragen:' }),
            new Paragraph({ text: 'C?', numbering: { reference: 'q', level: 0, instance: 2 } }),
          ],
        },
      ],
    });
    const source = await read(new Uint8Array(await Packer.toBuffer(doc)));
    expect(source.text).toBe('1. A?\n2. B?\n\nNieuwe set vragen:\n\n1. C?');
  });

  it('plans labels from numbering.xml: start overrides, restarts of deeper levels, legal numbering, no label', () => {
    const numbering = `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', 'Vraag %1:')}${lvl(1, 'lowerRoman', '%2.')}${lvl(2, 'decimal', '%1.%2.%3', '<w:isLgl/>')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1">${lvl(0, 'none', '')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>`;
    const doc = documentXml(para('a', 1), para('b', 1, 1), para('c', 1, 1), para('d', 1, 2), para('e', 1), para('f', 1, 1), para('g', 2), para('h', 3));
    expect(planListLabels(doc, numbering, '')).toEqual(['Vraag 1:', 'i.', 'ii.', '1.2.1', 'Vraag 2:', 'i.', 'Vraag 7:', '']);
  });

  it('follows a numbering style link and numbering through a paragraph style', () => {
    const numbering = `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="0"><w:styleLink w:val="Vragen"/>${lvl(0, 'upperLetter', '%1)', '<w:pStyle w:val="Vraag"/>')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Vragen"/></w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>`;
    const styles = `<w:styles ${W}><w:style w:type="numbering" w:styleId="Vragen"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Vraag"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>`;
    const styled = `<w:p><w:pPr><w:pStyle w:val="Vraag"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`;
    expect(planListLabels(documentXml(para('a', 6), styled, para('c', 6)), numbering, styles)).toEqual(['A)', 'B)', 'C)']);
  });

  it('skips paragraphs Word does not print: mc:Choice (its mc:Fallback is read), deleted text, a deleted paragraph mark', () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const alternate = `<w:p><w:r><mc:AlternateContent><mc:Choice>${para('x', 1)}</mc:Choice><mc:Fallback>${para('y', 1)}</mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const deletedMark = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>z</w:t></w:r></w:p>`;
    const deleted = `<w:del w:id="2">${para('w', 1)}</w:del>`;
    expect(planListLabels(documentXml(para('a', 1), alternate, deletedMark, deleted, para('b', 1)), numbering, '')).toEqual(['1.', '2.', '3.']);
  });
});

describe('footnotes', () => {
  it('writes the reference in superscript digits after its word and the notes as `N text` lines at the end', async () => {
    const text = 'Ingegeven door het rapport van Beschermd Wonen naar Beschermd Thuis’ uit 2015.\n1. Deelt het college deze opvatting?\nHet voorkomen dat mensen in de knel komen.';
    const built = await buildLetterDocx(text, {
      footnotes: [
        { after: 'Beschermd Thuis’', text: 'https://www.youtube.com/watch?v=AWYlvnaryms' },
        { after: 'in de knel komen', text: 'https://www.volkshuisvestingnederland.nl/programma' },
      ],
    });
    const source = await read(built.data);
    expect(source.text).toBe(
      'Ingegeven door het rapport van Beschermd Wonen naar Beschermd Thuis’¹ uit 2015.\n\n1. Deelt het college deze opvatting?\n\n' +
        'Het voorkomen dat mensen in de knel komen.²\n\n1 https://www.youtube.com/watch?v=AWYlvnaryms\n2 https://www.volkshuisvestingnederland.nl/programma',
    );
  });
});

describe('links', () => {
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
  const rels = (targets: Record<string, string>) =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    Object.entries(targets)
      .map(([id, target]) => `<Relationship Id="${id}" Type="${HYPERLINK_TYPE}" Target="${target}" TargetMode="External"/>`)
      .join('') +
    `</Relationships>`;
  const run = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const docx = (body: string, targets: Record<string, string> = {}) =>
    zipSync({
      'word/document.xml': new TextEncoder().encode(`<w:document ${W} ${R}><w:body><w:p>${body}</w:p></w:body></w:document>`),
      'word/_rels/document.xml.rels': new TextEncoder().encode(rels(targets)),
    });
  const runsOf = async (data: Uint8Array) => {
    const source = await read(data);
    const block = source.document?.blocks[0];
    return { text: source.text, runs: block?.kind === 'paragraph' ? block.runs : [] };
  };

  it('gives the runs of an external hyperlink the address its relationship names, and the text as before', async () => {
    const body = `${run('Zie ')}<w:hyperlink r:id="rId7" w:history="1">${run('de ')}${run('nota', true)}</w:hyperlink>${run('.')}`;
    const { text, runs } = await runsOf(docx(body, { rId7: 'https://www.zwolle.nl/nota?jaar=2025&amp;deel=2' }));
    expect(runs).toEqual([
      { text: 'Zie ' },
      { text: 'de ', href: 'https://www.zwolle.nl/nota?jaar=2025&deel=2' },
      { text: 'nota', bold: true, href: 'https://www.zwolle.nl/nota?jaar=2025&deel=2' },
      { text: '.' },
    ]);
    expect(text).toBe('Zie de nota.');
  });

  it('gives no address for a jump inside the document (w:anchor without r:id) or a relationship that is no hyperlink, only for the web link beside them', async () => {
    const body = `<w:hyperlink w:anchor="_Toc1">${run('paragraaf 2')}</w:hyperlink>${run(', ')}<w:hyperlink r:id="rId1">${run('stijlen')}</w:hyperlink>${run(' en ')}<w:hyperlink r:id="rId7">${run('de site')}</w:hyperlink>`;
    const { text, runs } = await runsOf(docx(body, { rId7: 'https://www.zwolle.nl/' }));
    expect(runs).toEqual([{ text: 'paragraaf 2' }, { text: ', ' }, { text: 'stijlen' }, { text: ' en ' }, { text: 'de site', href: 'https://www.zwolle.nl/' }]);
    expect(text).toBe('paragraaf 2, stijlen en de site');
  });

  it('adds the location Word keeps apart (w:anchor beside r:id) to the address', async () => {
    const { runs } = await runsOf(docx(`<w:hyperlink r:id="rId7" w:anchor="kosten">${run('de kosten')}</w:hyperlink>`, { rId7: 'https://www.zwolle.nl/begroting' }));
    expect(runs).toEqual([{ text: 'de kosten', href: 'https://www.zwolle.nl/begroting#kosten' }]);
  });

  it('reads the address of a HYPERLINK field, simple and complex, and none of a jump or another field', async () => {
    const field = (instruction: string, result: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK </w:instrText></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${result}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const body =
      `<w:fldSimple w:instr=" HYPERLINK &quot;https://www.zwolle.nl/a&quot; \\o &quot;tip&quot; ">${run('eenvoudig')}</w:fldSimple>${run(', ')}` +
      field('"https://www.zwolle.nl/b" \\t "_blank"', `${run('com')}${run('plex', true)}`) +
      `${run(', ')}${field('\\l "_Toc2"', run('sprong'))}${run(', ')}` +
      `<w:fldSimple w:instr=" PAGE ">${run('3')}</w:fldSimple>`;
    const { text, runs } = await runsOf(docx(body));
    expect(runs).toEqual([
      { text: 'eenvoudig', href: 'https://www.zwolle.nl/a' },
      { text: ', ' },
      { text: 'com', href: 'https://www.zwolle.nl/b' },
      { text: 'plex', bold: true, href: 'https://www.zwolle.nl/b' },
      { text: ', ' },
      { text: 'sprong' },
      { text: ', ' },
      { text: '3' },
    ]);
    expect(text).toBe('eenvoudig, complex, sprong, 3');
  });

  it("looks up a footnote's link in the notes part's own relationships, whose ids may repeat the document's", async () => {
    const data = zipSync({
      'word/document.xml': new TextEncoder().encode(
        `<w:document ${W} ${R}><w:body><w:p><w:hyperlink r:id="rId7">${run('de site')}</w:hyperlink><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>`,
      ),
      'word/_rels/document.xml.rels': new TextEncoder().encode(rels({ rId7: 'https://www.zwolle.nl/' })),
      'word/footnotes.xml': new TextEncoder().encode(
        `<w:footnotes ${W} ${R}><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Zie </w:t></w:r><w:hyperlink r:id="rId7">${run('de nota')}</w:hyperlink></w:p></w:footnote></w:footnotes>`,
      ),
      'word/_rels/footnotes.xml.rels': new TextEncoder().encode(rels({ rId7: 'https://www.zwolle.nl/nota.pdf' })),
    });
    const source = await read(data);
    const note = source.document?.notes[0]?.blocks[0];
    expect(note?.kind === 'paragraph' ? note.runs : []).toEqual([{ text: 'Zie ' }, { text: 'de nota', href: 'https://www.zwolle.nl/nota.pdf' }]);
    const body = source.document?.blocks[0];
    expect(body?.kind === 'paragraph' ? body.runs[0] : null).toEqual({ text: 'de site', href: 'https://www.zwolle.nl/' });
  });
});

describe('bad DOCX files', () => {
  const minimal = (extra: Record<string, Uint8Array> = {}) =>
    zipSync({ 'word/document.xml': new TextEncoder().encode(documentXml(para('Hallo'))), ...extra });

  it('refuses a zip bomb by the real inflated size, before any XML is read', async () => {
    const bomb = minimal({ 'word/media/leeg.bin': new Uint8Array(60 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await inputError(read(bomb));
    expect(error.message).toBe('the DOCX inflates to more than the 50 MB limit (a zip bomb?)');
  });

  it('counts the inflated bytes even when the zip directory lies about them', async () => {
    const bomb = minimal({ 'word/media/leeg.bin': new Uint8Array(5 * 1024 * 1024) });
    // Set every declared uncompressed size in the central directory to 10 bytes.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i + 46 <= bomb.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 10, true);
    const error = await inputError(read(bomb, { maxInflatedBytes: 1024 * 1024 }));
    expect(error.message).toBe('the DOCX inflates to more than the 1 MB limit (a zip bomb?)');
  });

  it('bounds the work on a small DOCX that inflates to 30 MB of paragraphs: the text limit stops it within seconds', async () => {
    const paragraph = '<w:p><w:r><w:t>Vraag over de begroting?</w:t></w:r></w:p>';
    const xml = documentXml(paragraph.repeat(Math.ceil(30e6 / paragraph.length)));
    const small = zipSync({ 'word/document.xml': new TextEncoder().encode(xml) }, { level: 9 });
    expect(small.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    const error = await inputError(read(small));
    expect(error.message).toBe('the DOCX holds more than 4 million characters of text, more than any letter or policy document; it is refused');
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('bounds the work by the time limit too: millions of empty paragraphs stop at it', async () => {
    const xml = documentXml('<w:p/>'.repeat(3_000_000));
    const small = zipSync({ 'word/document.xml': new TextEncoder().encode(xml) }, { level: 9 });
    const started = performance.now();
    const error = await inputError(read(small, { timeoutMs: 300 }));
    expect(error.message).toBe('reading the DOCX took longer than 300 ms; the time limit stopped it');
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 30_000);

  it('refuses a zip with too many entries', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) files[`word/media/${i}.bin`] = new Uint8Array(1);
    const error = await inputError(read(minimal(files), { maxZipEntries: 20 }));
    expect(error.message).toBe('the DOCX holds 31 zip entries, more than the limit of 20');
  });

  it('refuses a truncated DOCX as damaged', async () => {
    const built = await buildLetterDocx('1. Waarom?');
    const error = await inputError(read(built.data.subarray(0, Math.floor(built.data.length / 2))));
    expect(error.message).toBe('the DOCX is damaged (the zip archive is truncated)');
  });

  it('refuses a DOCX whose deflate data is corrupt', async () => {
    const built = await buildLetterDocx('1. Waarom is dit zo?\n2. En waarom dat?');
    const data = built.data.slice();
    // Overwrite the middle of the compressed data of the first entry.
    for (let i = 60; i < 120; i++) data[i] = 0xff;
    await inputError(read(data));
  });

  it('never throws anything but InputError on damaged DOCX bytes', async () => {
    const built = await buildLetterDocx('Geacht college,\n1. Waarom?\n2. Hoe?\n• punt');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(built.data.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }),
        fc.option(fc.nat(built.data.length), { nil: undefined }),
        async (flips, cut) => {
          const data = built.data.slice(0, cut ?? built.data.length);
          for (const [at, value] of flips) if (at < data.length) data[at] = value;
          try {
            await readSource({ name: 'brief.docx', data });
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('Word heading styles', () => {
  const marked = async (data: Uint8Array) => {
    const source = await read(data);
    return markedLines(source.text, source.headings);
  };

  it('come back as heading marks: Title as level 0, "Heading 1" to "Heading 6" as 1 to 6', async () => {
    expect(await marked(await buildPolicyDocx(sampleNota))).toEqual([
      [0, 'Nota zorg en veiligheid 2025'],
      [1, '1 Inleiding en proces'],
      [2, '1.1 Urgentie'],
      [3, 'Samenwerking met de politie'],
      [1, '2 Beleid over zorg en veiligheid'],
    ]);
  });

  it('as a Dutch template names them ("Titel", "Kop 1"), the heading numbers from Word\'s numbering', async () => {
    const data = await buildPolicyDocx(sampleNota, { styles: 'dutch', numbering: true });
    expect(await marked(data)).toEqual([
      [0, 'Nota zorg en veiligheid 2025'],
      [1, '1 Inleiding en proces'],
      [2, '1.1 Urgentie'],
      [3, 'Samenwerking met de politie'],
      [1, '2 Beleid over zorg en veiligheid'],
    ]);
    // The number is not in the text: Word prints it from numbering.xml, and so does the reader.
    expect(new TextDecoder().decode(unzipSync(data)['word/document.xml'])).not.toContain('1.1 Urgentie');
  });

  it('leave the text as it was: a heading is a line of its own', async () => {
    const source = await read(await buildPolicyDocx(sampleNota));
    expect(source.text.split('\n\n').slice(0, 3)).toEqual(['Nota zorg en veiligheid 2025', '1 Inleiding en proces', expect.stringMatching(/^In Zwolle werkt/)]);
  });
});
