/**
 * The Word memo checked in its XML, so CI needs no office suite: every part well-formed, every
 * relationship and content type in place (what makes Word offer a repair), and the house style of
 * the college's memo: "Vraag N: <question>" as one bold paragraph kept with its answer,
 * "Antwoord:" in front of the answer, headings kept with what follows, page numbers in the
 * footer, municipality and subject in the header, nl-NL, title and author in the properties; no
 * source list and no link into the repository unless asked; a reference document's styles,
 * margins, header and footer.
 */
import { readFileSync } from 'node:fs';
import { unzipSync, type Unzipped } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseStrictXml } from '../cli/formatters/test-helpers/strict-xml.js';
import { memoToDocx } from './to-docx.js';

const MEMO = readFileSync(new URL('../../answers/2025-04-12-d66-regionale-zorg-en-veiligheid.md', import.meta.url), 'utf8');
const WITH_SOURCES = MEMO.replace(
  'Ja. Het college vindt dat de inzet',
  'Ja, zie [de agenda](https://www.zwolle.nl/agenda).\n\n#### Bronnen\n\n- [zwolse-agenda › 4.3, regels 521–525](../corpus/zwolse-agenda.md#L521-L525) abc123 "citaat"\n\nHet college vindt dat de inzet',
);
const decoder = new TextDecoder();

function parts(bytes: Uint8Array): Unzipped {
  return unzipSync(bytes);
}

function xml(zip: Unzipped, name: string): string {
  const part = zip[name];
  expect(part, `${name} is in the package`).toBeDefined();
  return decoder.decode(part);
}

/** The paragraphs of document.xml as [properties, text]. */
function paragraphs(documentXml: string): Array<{ props: string; text: string }> {
  return [...documentXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    props: /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(m[1]!)?.[0] ?? '',
    text: [...m[1]!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

/** What Word checks before it opens a file: well-formed parts, relationships that resolve, a content type for each part. */
function expectSoundPackage(zip: Unzipped): void {
  const types = xml(zip, '[Content_Types].xml');
  for (const name of Object.keys(zip)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    expect(() => parseStrictXml(decoder.decode(zip[name])), name).not.toThrow();
    const extension = name.split('.').pop()!;
    expect(types.includes(`PartName="/${name}"`) || types.includes(`Extension="${extension}"`), `content type of ${name}`).toBe(true);
  }
  for (const name of Object.keys(zip).filter((n) => n.endsWith('.rels'))) {
    const folder = name.replace(/_rels\/[^/]*\.rels$/, '');
    const source = name.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const ids = new Set<string>();
    for (const rel of decoder.decode(zip[name]).matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /Id="([^"]*)"/.exec(rel[0])![1]!;
      expect(ids.has(id), `${name}: ${id} once`).toBe(false);
      ids.add(id);
      if (/TargetMode="External"/.test(rel[0])) continue;
      const target = /Target="([^"]*)"/.exec(rel[0])![1]!;
      expect(zip[`${folder}${target}`.replace(/^\//, '')], `${name}: ${target}`).toBeDefined();
    }
    // Every r:id the part uses is one of its relationships.
    if (zip[source]) for (const use of decoder.decode(zip[source]).matchAll(/r:(?:id|embed)="([^"]*)"/g)) expect(ids.has(use[1]!), `${source}: ${use[1]}`).toBe(true);
  }
}

describe('memoToDocx: the D66 memo in house style', async () => {
  const zip = parts(await memoToDocx(MEMO, { municipality: 'Zwolle', subject: 'regionale zorg en veiligheid', author: 'Griffie Zwolle' }));
  const documentXml = xml(zip, 'word/document.xml');
  const list = paragraphs(documentXml);

  it('is a sound package', () => {
    expectSoundPackage(zip);
  });

  it('writes each question as one bold "Vraag N: <question>" paragraph kept with its answer, the answer starting "Antwoord:"', () => {
    const at = list.findIndex((p) => p.text.startsWith('Vraag 1: Deel het college de opvatting van D66'));
    expect(at).toBeGreaterThan(-1);
    expect(list[at]!.props).toMatch(/<w:pStyle w:val="Vraag"\/>/);
    expect(list[at]!.props).toMatch(/<w:keepNext\/>/);
    expect(list[at]!.props).toMatch(/<w:keepLines\/>/);
    expect(list[at + 1]!.text).toMatch(/^Antwoord: Ja, het college deelt deze opvatting\./);
    expect(list.filter((p) => /^Vraag \d+: /.test(p.text))).toHaveLength(11);
    // No label paragraph left on its own.
    expect(list.filter((p) => /^(?:Antwoord:?|Vraag \d+)$/.test(p.text.trim()))).toEqual([]);
    const styles = xml(zip, 'word/styles.xml');
    expect(/<w:style w:type="paragraph" w:styleId="Vraag">[\s\S]*?<\/w:style>/.exec(styles)![0]).toMatch(/<w:keepNext\/>[\s\S]*<w:b\/>/);
  });

  it('keeps headings with what follows, puts space after paragraphs and keeps widows and orphans apart', () => {
    const heading = list.find((p) => p.text === 'Kernboodschap')!;
    expect(heading.props).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(heading.props).toMatch(/<w:keepNext\/>/);
    const styles = xml(zip, 'word/styles.xml');
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:widowControl\/><w:spacing w:after="200"/);
  });

  it('keeps the signature together and prints it without an "Ondertekening" heading', () => {
    expect(list.some((p) => p.text === 'Ondertekening')).toBe(false);
    const signature = list.findIndex((p) => p.text === 'Burgemeester en wethouders van Zwolle,');
    expect(list[signature]!.props).toMatch(/<w:keepNext\/>/);
    expect(list[signature + 1]!.props).toMatch(/<w:keepNext\/>/);
  });

  it('numbers the pages in the footer and names municipality and subject in the header', () => {
    const footer = xml(zip, 'word/footer1.xml');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(footer).toContain('Pagina ');
    const header = xml(zip, 'word/header1.xml');
    expect(header).toContain('Gemeente Zwolle');
    expect(header).toContain('Regionale zorg en veiligheid');
    expect(documentXml).toMatch(/<w:headerReference w:type="default" r:id="rId\d+"\/><w:footerReference w:type="default" r:id="rId\d+"\/>/);
    // A4 with 2.5 cm margins.
    expect(documentXml).toMatch(/<w:pgSz w:w="11907" w:h="16839"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"/);
  });

  it('sets the language nl-NL and puts title and author in the document properties', () => {
    expect(xml(zip, 'word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*<w:lang w:val="nl-NL"\/>/);
    const core = xml(zip, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Beantwoording artikel 45 vragen D66 over regionale zorg en veiligheid</dc:title>');
    expect(core).toContain('<dc:creator>Griffie Zwolle</dc:creator>');
    expect(core).not.toContain('Un-named');
  });

  it('takes the author from the municipality when none is configured', async () => {
    const core = xml(parts(await memoToDocx(MEMO, { municipality: 'Zwolle' })), 'docProps/core.xml');
    expect(core).toContain('<dc:creator>Gemeente Zwolle</dc:creator>');
  });
});

describe('memoToDocx: sources are working notes', () => {
  it('leaves the source lists out and keeps web links; no link points into the repository', async () => {
    const zip = parts(await memoToDocx(WITH_SOURCES, { municipality: 'Zwolle' }));
    const documentXml = xml(zip, 'word/document.xml');
    expect(documentXml).not.toContain('Bronnen');
    expect(documentXml).not.toContain('abc123');
    const rels = xml(zip, 'word/_rels/document.xml.rels');
    expect(rels).toContain('Target="https://www.zwolle.nl/agenda"');
    expect(rels).not.toContain('corpus');
  });

  it('prints them with --with-sources, each citation as plain text', async () => {
    const zip = parts(await memoToDocx(WITH_SOURCES, { municipality: 'Zwolle', withSources: true }));
    const documentXml = xml(zip, 'word/document.xml');
    expect(paragraphs(documentXml).map((p) => p.text)).toContain('Bronnen');
    expect(documentXml).toContain('zwolse-agenda › 4.3, regels 521–525');
    expect(xml(zip, 'word/_rels/document.xml.rels')).not.toContain('corpus');
    expectSoundPackage(zip);
  });
});

/** A municipality's own Word file: Dutch style ids, a distinctive font, wide margins, its own header and footer. */
async function referenceDocx(): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, Header, Footer, TextRun } = await import('docx');
  const document = new Document({
    styles: {
      default: { document: { run: { font: 'Courier New', size: 24 } } },
      paragraphStyles: [{ id: 'Kop1', name: 'heading 1', basedOn: 'Normal', run: { font: 'Georgia', size: 32, color: '00549F' } }],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1800, bottom: 1800, left: 2000, right: 1500 } } },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun('Huisstijl Testgemeente')] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun('Voettekst Testgemeente')] })] }) },
        children: [new Paragraph({ style: 'Kop1', children: [new TextRun('Sjabloon')] })],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('memoToDocx with a reference document (docx.reference)', async () => {
  const zip = parts(await memoToDocx(MEMO, { municipality: 'Zwolle', subject: 'regionale zorg en veiligheid', reference: await referenceDocx() }));
  const documentXml = xml(zip, 'word/document.xml');

  it('is a sound package', () => {
    expectSoundPackage(zip);
  });

  it('takes its styles and fonts, adds the memo styles it lacks, and maps headings to its own style ids by name', () => {
    const styles = xml(zip, 'word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*?w:ascii="Courier New"/);
    expect(styles).toContain('w:styleId="Kop1"');
    expect(styles).toContain('w:styleId="Vraag"');
    expect(styles).toMatch(/<w:lang w:val="nl-NL"\/>/);
    expect(paragraphs(documentXml).find((p) => p.text === 'Kernboodschap')!.props).toMatch(/<w:pStyle w:val="Kop1"\/>/);
  });

  it('takes its margins, header and footer', () => {
    const section = /<w:sectPr>[\s\S]*?<\/w:sectPr>(?=\s*<\/w:body>)/.exec(documentXml)![0];
    expect(section).toMatch(/<w:pgMar w:top="1800" w:right="1500" w:bottom="1800" w:left="2000"/);
    const header = /<w:headerReference w:type="default" r:id="([^"]+)"\/>/.exec(section)![1]!;
    const footer = /<w:footerReference w:type="default" r:id="([^"]+)"\/>/.exec(section)![1]!;
    const rels = xml(zip, 'word/_rels/document.xml.rels');
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    expect(xml(zip, `word/${target(header)}`)).toContain('Huisstijl Testgemeente');
    expect(xml(zip, `word/${target(footer)}`)).toContain('Voettekst Testgemeente');
  });

  it('refuses a file that is not a Word document, naming it', async () => {
    await expect(memoToDocx(MEMO, { reference: new TextEncoder().encode('geen zip'), referenceName: 'huisstijl.docx' })).rejects.toThrow(/not a Word file/);
  });
});

describe('memoToDocx with a reference document LibreOffice made (test/fixtures/docx/huisstijl-libreoffice.docx, from the .html beside it)', async () => {
  const reference = new Uint8Array(readFileSync(new URL('../../test/fixtures/docx/huisstijl-libreoffice.docx', import.meta.url)));
  const zip = parts(await memoToDocx(MEMO, { municipality: 'Zwolle', reference }));
  const documentXml = xml(zip, 'word/document.xml');

  it('is a sound package', () => {
    expectSoundPackage(zip);
  });

  it('takes its margins, header, footer and fonts, and makes its en-US text Dutch', () => {
    expect(documentXml).toMatch(/<w:pgMar w:left="1984" w:right="1134"/);
    const rels = xml(zip, 'word/_rels/document.xml.rels');
    const header = /<w:headerReference w:type="default" r:id="([^"]+)"\/>/.exec(documentXml)![1]!;
    expect(xml(zip, `word/${new RegExp(`Id="${header}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`)).toContain('GEMEENTE VOORBEELDSTAD');
    const styles = xml(zip, 'word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif"/);
    expect(styles).toMatch(/<w:rPrDefault>[\s\S]*?<w:lang w:val="nl-NL" w:eastAsia="zh-CN"/);
    expect(/<w:style w:type="paragraph" w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)![0]).toMatch(/<w:lang w:val="nl-NL"/);
    // The memo's own styles it adds (Title, Vraag) take the house font: no Arial of their own.
    expect(/<w:style w:type="paragraph" w:styleId="Title">[\s\S]*?<\/w:style>/.exec(styles)![0]).not.toContain('Arial');
  });
});


describe("memoToDocx: an officer's notes as Word footnotes", async () => {
  // As import-answers keeps a memo's footnote: the reference after its word, the note at the end of the answer.
  const note = 'Beleidsnota welzijn en zorg 2005, zie [de nota](https://www.zwolle.nl/nota).';
  const withNotes = MEMO.replace(/Ja\. (Het college vindt dat de inzet[^\n]*)/, (_, rest: string) => `Ja, zie de nota.¹ ${rest}\n\n¹ ${note}`)
    // A question's own reference, from the letter, has no note in the memo: it stays as printed.
    .replace(/(\n> [^\n]*?)\?\n/, '$1?³\n');

  it('writes the note as a footnote at its reference, not as a paragraph, and keeps a reference without a note as text', async () => {
    expect(withNotes).toContain('¹ Beleidsnota');
    expect(withNotes).toContain('?³');
    const zip = parts(await memoToDocx(withNotes, { municipality: 'Zwolle' }));
    expectSoundPackage(zip);
    const documentXml = xml(zip, 'word/document.xml');
    const texts = paragraphs(documentXml).map((p) => p.text);
    expect(texts.some((t) => t.includes('Beleidsnota welzijn'))).toBe(false);
    expect(texts.some((t) => t.includes('¹'))).toBe(false);
    expect(texts.some((t) => t.includes('?³'))).toBe(true);
    expect(documentXml).toMatch(/zie de nota\.<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/>/);
    const footnotes = xml(zip, 'word/footnotes.xml');
    expect(paragraphs(footnotes).map((p) => p.text)).toContain(' Beleidsnota welzijn en zorg 2005, zie de nota.');
    expect(xml(zip, 'word/_rels/footnotes.xml.rels')).toContain('Target="https://www.zwolle.nl/nota"');
  });

  it('prints a note smaller than the text and apart from its number, as Word does, so a PDF of the memo reads it back as a note and not as a paragraph of the answer on its page', async () => {
    const zip = parts(await memoToDocx(withNotes, { municipality: 'Zwolle' }));
    const styles = xml(zip, 'word/styles.xml');
    const size = (part: string) => Number(/<w:sz w:val="(\d+)"\/>/.exec(part)?.[1]);
    const body = size(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0]);
    const note = size(/<w:style w:type="paragraph" w:styleId="FootnoteText">[\s\S]*?<\/w:style>/.exec(styles)![0]);
    expect(note).toBeLessThanOrEqual(body - 3);
    // Word gives a note's paragraph its style by name; without it the note is in the text's size.
    expect(xml(zip, 'word/footnotes.xml')).toMatch(/<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"\/>/);
    expect(xml(zip, 'word/footnotes.xml')).toMatch(/<w:footnoteRef\/><\/w:r><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve"> /);
  });

  it("pairs a note only with a reference in its own answer: another answer's \"m²\" gets no footnote, the note stays text where it is", async () => {
    const elsewhere = MEMO.replace('Ja, het college deelt deze opvatting.', 'Ja, het college deelt deze opvatting. Het gebouw heeft 150 m² vloer.').replace(/Ja\. (Het college vindt dat de inzet[^\n]*)/, (_, rest: string) => `Ja. ${rest}\n\n² Regiovisie 2022.`);
    expect(elsewhere).toContain('150 m² vloer.');
    expect(elsewhere).toContain('\n\n² Regiovisie 2022.');
    const zip = parts(await memoToDocx(elsewhere, { municipality: 'Zwolle' }));
    const texts = paragraphs(xml(zip, 'word/document.xml')).map((p) => p.text);
    expect(texts.some((t) => t.includes('150 m² vloer.'))).toBe(true);
    expect(texts).toContain('² Regiovisie 2022.');
    expect(xml(zip, 'word/document.xml')).not.toContain('w:footnoteReference');
  });

  it('reads back through import-answers as the same answer, with a reference document too', async () => {
    const { readSource } = await import('../read/read-source.js');
    const { readAnsweredMemo } = await import('../answers/read-memo.js');
    const { readAnswerDocument } = await import('../documents/answer-document.js');
    const written = readAnswerDocument(withNotes, 'memo.md').doc.answers.find((a) => a.answer.includes('¹'))!;
    for (const reference of [null, await referenceDocx()]) {
      const source = await readSource({ name: 'memo.docx', data: await memoToDocx(withNotes, { municipality: 'Zwolle', reference }) });
      const memo = readAnsweredMemo(source);
      expect(memo.answers.find((a) => a.number === written.number)?.answer, reference ? 'with a reference document' : 'house style').toBe(written.answer);
    }
  });
});
