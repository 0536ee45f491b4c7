import { mkdtemp, mkdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { detectFormat, readSource, readSourceFile } from './read-source.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('detectFormat', () => {
  it('goes by the magic bytes before the extension: a .txt that is a PDF is a PDF', () => {
    expect(detectFormat('brief.txt', utf8('%PDF-1.7\n...'))).toBe('pdf');
    expect(detectFormat('brief.docx', utf8('%PDF-1.4'))).toBe('pdf');
  });

  it('finds the PDF header after some leading junk', () => {
    expect(detectFormat('brief', utf8(`${'x'.repeat(300)}%PDF-1.5`))).toBe('pdf');
  });

  it('recognises a DOCX by word/document.xml in the zip, whatever the name', () => {
    const zip = zipSync({ 'word/document.xml': utf8('<w:document/>'), '[Content_Types].xml': utf8('<Types/>') });
    expect(detectFormat('upload.bin', zip)).toBe('docx');
  });

  it('recognises an ODT by its mimetype and content.xml, and an RTF by its header, whatever the name', () => {
    const odt = zipSync({ mimetype: utf8('application/vnd.oasis.opendocument.text'), 'content.xml': utf8('<x/>') }, { level: 0 });
    expect(detectFormat('upload.bin', odt)).toBe('odt');
    expect(detectFormat('brief.txt', utf8('{\\rtf1\\ansi hallo}'))).toBe('rtf');
  });

  it('refuses other zip archives, spreadsheets and legacy Word with a hint', () => {
    const ods = zipSync({ mimetype: utf8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': utf8('<x/>') }, { level: 0 });
    expect(detectFormat('begroting.ods', ods)).toEqual({ refuse: 'the file is an OpenDocument spreadsheet or presentation, not a text; save the letter as ODT, DOCX or PDF' });
    expect(detectFormat('a.zip', zipSync({ 'a.txt': utf8('a') }))).toEqual({ refuse: 'the file is a zip archive, not a DOCX or ODT document' });
    expect(detectFormat('brief.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toHaveProperty('refuse');
  });

  it('refuses a .pdf or .docx whose bytes are something else', () => {
    expect(detectFormat('brief.pdf', utf8('hallo'))).toHaveProperty('refuse');
    expect(detectFormat('brief.docx', utf8('hallo'))).toHaveProperty('refuse');
    expect(detectFormat('brief.odt', utf8('hallo'))).toEqual({ refuse: 'the file is not an ODT (not a zip archive); it is damaged or has the wrong extension' });
    expect(detectFormat('brief.rtf', utf8('hallo'))).toEqual({ refuse: 'the file is not an RTF (no {\\rtf header); it is damaged or has the wrong extension' });
  });

  it('uses the extension for text formats', () => {
    expect(detectFormat('vragen.md', utf8('# Vragen'))).toBe('markdown');
    expect(detectFormat('vragen.html', utf8('Vragen'))).toBe('html');
    expect(detectFormat('vragen.txt', utf8('<p>Vragen</p>'))).toBe('text');
  });

  it('sniffs HTML on standard input and unknown extensions', () => {
    expect(detectFormat('-', utf8('  <!DOCTYPE html><html><body>x</body></html>'))).toBe('html');
    expect(detectFormat('-', utf8('<p>Geacht college,</p>'))).toBe('html');
    expect(detectFormat('-', utf8('Geacht college, <b>vet</b>'))).toBe('text');
    expect(detectFormat('brief.eml', utf8('Geacht college,'))).toBe('text');
  });
});

describe('readSource', () => {
  it('reads text, normalised, as format text', async () => {
    const source = await readSource({ name: 'brief.txt', data: utf8('\ufeffGeacht\u00a0college,\r\n\r\n1. Vraag?\r\n') });
    expect(source).toEqual({ name: 'brief.txt', format: 'text', text: 'Geacht college,\n\n1. Vraag?', warnings: [], headings: [] });
  });

  it('returns markdown as text with format markdown', async () => {
    const source = await readSource({ name: 'vragen.md', data: utf8('# Vragen\n\n1. Waarom?\n') });
    expect(source.format).toBe('markdown');
    expect(source.text).toBe('# Vragen\n\n1. Waarom?');
  });

  it('reads HTML from standard input', async () => {
    const source = await readSource({ name: '-', data: utf8('<html><body><p>Geacht college,</p><ol><li>Waarom?</li></ol></body></html>') });
    expect(source.format).toBe('html');
    expect(source.text).toBe('Geacht college,\n\n1. Waarom?');
  });

  it('refuses an empty file', async () => {
    const error = await inputError(readSource({ name: 'leeg.txt', data: new Uint8Array(0) }));
    expect(error.message).toBe('the file is empty');
    expect(error.file).toBe('leeg.txt');
  });

  it('refuses a file that holds only whitespace', async () => {
    const error = await inputError(readSource({ name: 'leeg.txt', data: utf8(' \n\t\n ') }));
    expect(error.message).toBe('the file holds no text');
  });

  it('refuses a file over the size limit, naming the limit', async () => {
    const error = await inputError(readSource({ name: 'groot.txt', data: new Uint8Array(2 * 1024 * 1024).fill(0x61) }, { maxBytes: 1024 * 1024 }));
    expect(error.message).toBe('the file is larger than the 1 MB limit (2 MB)');
  });

  it('has a 20 MB limit by default', async () => {
    const error = await inputError(readSource({ name: 'groot.txt', data: new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61) }));
    expect(error.message).toMatch(/^the file is larger than the 20 MB limit/);
  });

  it('refuses binary data', async () => {
    const data = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    const error = await inputError(readSource({ name: 'data.bin', data }));
    expect(error.message).toBe('the file is not a text, PDF, DOCX or HTML document');
  });

  it('names standard input <stdin> in errors', async () => {
    const error = await inputError(readSource({ name: '-', data: new Uint8Array(0) }));
    expect(error.file).toBe('<stdin>');
  });

  it('never throws anything but InputError on arbitrary bytes (text, markdown, HTML, unknown)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('a.txt', 'a.md', 'a.html', '-', 'a'), fc.uint8Array({ maxLength: 2000 }), async (name, data) => {
        try {
          const source = await readSource({ name, data });
          expect(typeof source.text).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but InputError on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('a.txt', 'a.html', '-'), fc.string({ unit: 'binary', maxLength: 2000 }), async (name, text) => {
        try {
          await readSource({ name, data: utf8(text) });
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('readSourceFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'answer-read-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file from disk', async () => {
    const path = join(dir, 'brief.txt');
    await writeFile(path, 'Geacht college,\n\nWaarom?\n');
    const source = await readSourceFile(path);
    expect(source).toMatchObject({ name: path, format: 'text', text: 'Geacht college,\n\nWaarom?' });
  });

  it('checks the size before reading: a sparse 25 MB file is refused at once', async () => {
    const path = join(dir, 'groot.txt');
    await writeFile(path, '');
    await truncate(path, 25 * 1024 * 1024);
    const error = await inputError(readSourceFile(path));
    expect(error.message).toBe('the file is larger than the 20 MB limit (25 MB)');
    expect(error.file).toBe(path);
  });

  it('refuses an empty file, a missing file and a directory', async () => {
    const empty = join(dir, 'leeg.pdf');
    await writeFile(empty, '');
    expect((await inputError(readSourceFile(empty))).message).toBe('the file is empty');
    expect((await inputError(readSourceFile(join(dir, 'weg.pdf')))).message).toBe('no such file');
    const sub = join(dir, 'map');
    await mkdir(sub);
    expect((await inputError(readSourceFile(sub))).message).toBe('this is a directory, not a document');
  });
});
