/**
 * Red team, input kind: the structure of PDF and DOCX files — encrypted, scanned, truncated, a
 * PDF with JavaScript, XML entities that point at local files or expand a billion times, a DOCX
 * without a body, a zip of 10,000 entries — through every command that reads a letter, a memo
 * or a policy document. (The DOCX time and memory limits for huge inflated content are the
 * readers' own tests.)
 */
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildLetterPdf } from '../builders/letter-pdf.js';
import { buildEncryptedPdf, buildScannedPdf } from '../builders/tricky-pdf.js';
import { type Case, runCase, redTeamFile } from './harness.js';
import { placeFile } from './setup.js';

const { runner } = redTeamFile();

const LETTER = 'Zwolle, 3 maart 2025\n\nVragen van de fractie van D66 over de fietsenstalling\n\n1. Is het college bekend met de wachttijden?\n2. Welke maatregelen neemt het college?\n\nMet vriendelijke groet,\nJan Jansen, D66';

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

function docx(documentXml: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(documentXml), ...extra });
}

const body = (paragraphs: string[], doctype = '') =>
  `<?xml version="1.0"?>${doctype}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;

const letterParagraphs = LETTER.split('\n').filter(Boolean);

const FILES: Record<string, () => Promise<Uint8Array> | Uint8Array> = {
  'an encrypted PDF': () => buildEncryptedPdf(LETTER, { user: 'geheim', owner: 'eigenaar' }),
  'a scanned PDF (no text)': () => buildScannedPdf(2),
  'a PDF cut off halfway': async () => {
    const { data } = await buildLetterPdf(LETTER);
    return data.subarray(0, Math.floor(data.length / 2));
  },
  'a PDF with an OpenAction script': async () => {
    const { data } = await buildLetterPdf(LETTER);
    const text = Buffer.from(data).toString('latin1').replace('/Type /Catalog', "/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert\\(1\\); require\\('fs'\\).writeFileSync\\('pwned','x'\\)) >>");
    return Buffer.from(text, 'latin1');
  },
  'a DOCX whose XML names a local file as an entity': () => docx(body([...letterParagraphs, '&xxe;'], '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')),
  'a DOCX with a billion-laughs entity': () =>
    docx(body([...letterParagraphs, '&l9;'], `<!DOCTYPE w:document [<!ENTITY l0 "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}]>`)),
  'a DOCX without a body': () => docx('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
  'a DOCX whose document.xml is not XML': () => docx('<<<< niet xml &&&'),
  'a DOCX of 10,000 entries': () => docx(body(letterParagraphs), Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`word/media/x${i}.bin`, strToU8('x')]))),
};

describe('hostile PDF and DOCX structure', () => {
  for (const [name, make] of Object.entries(FILES)) {
    const ext = name.includes('PDF') ? 'pdf' : 'docx';
    const setup = async (ws: { base: string }) => placeFile(join(ws.base, `in.${ext}`), await make());
    const noLeak = async (_ws: unknown, run: { out: string; err: string }) => {
      expect(run.out + run.err).not.toMatch(/root:x:0:0|lollollol/);
    };
    const list: Case[] = [
      { name: `parse: ${name}`, setup, argv: ['parse', `../in.${ext}`], expect: { done: [0, 2] }, then: noLeak },
      { name: `corpus add: ${name}`, setup, argv: ['corpus', 'add', `../in.${ext}`], expect: { done: [0, 2] }, then: noLeak },
      { name: `import-answers: ${name}`, setup, argv: ['import-answers', `../in.${ext}`], expect: { done: [2] }, then: noLeak },
    ];
    for (const c of list) {
      it(c.name, () =>
        runCase(runner, {
          ...c,
          then: async (ws, run) => {
            await c.then?.(ws, run);
            // Refused in one line naming the file, or read.
            if (run.code === 2) expect(run.err.trim().split('\n')).toHaveLength(1);
            if (run.code === 2) expect(run.err).toContain(`in.${ext}`);
            const { readdir } = await import('node:fs/promises');
            expect(await readdir(ws.dir)).not.toContain('pwned');
          },
        }),
      );
    }
  }
});
