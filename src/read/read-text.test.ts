import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { decodeText, looksBinary, normaliseText, readText } from './read-text.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, endian === 'le');
    at = 2;
  }
  for (let i = 0; i < s.length; i++, at += 2) view.setUint16(at, s.charCodeAt(i), endian === 'le');
  return out;
}

describe('decodeText', () => {
  it('reads UTF-8 and strips its byte order mark', () => {
    const decoded = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Geïnformeerd “vraag”')]));
    expect(decoded).toEqual({ text: 'Geïnformeerd “vraag”', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a byte order mark, both byte orders', () => {
    expect(decodeText(utf16('Vraag 1: één?', 'le'))).toEqual({ text: 'Vraag 1: één?', encoding: 'utf-16le' });
    expect(decodeText(utf16('Vraag 1: één?', 'be'))).toEqual({ text: 'Vraag 1: één?', encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a byte order mark by its zero bytes', () => {
    expect(decodeText(utf16('Geacht college, hierbij de vragen.', 'le', false)).encoding).toBe('utf-16le');
  });

  it('falls back to windows-1252 when the bytes are not valid UTF-8', () => {
    // “Geïnformeerd” – € 5 in windows-1252.
    const bytes = Uint8Array.from([0x93, 0x47, 0x65, 0xef, 0x6e, 0x94, 0x20, 0x96, 0x20, 0x80, 0x20, 0x35]);
    expect(decodeText(bytes)).toEqual({ text: '“Geïn” – € 5', encoding: 'windows-1252' });
  });
});

describe('normaliseText', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normaliseText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });

  it('turns NBSP and other odd spaces into plain spaces', () => {
    expect(normaliseText('artikel\u00a045\u2009RvO\u202fen\u3000meer')).toBe('artikel 45 RvO en meer');
  });

  it('drops zero-width characters, soft hyphens and a BOM in the middle', () => {
    expect(normaliseText('ge\u00admeente\u200b raad\ufeff\u2060lid')).toBe('gemeente raadlid');
  });

  it('keeps tabs but drops trailing whitespace and trailing blank lines', () => {
    expect(normaliseText('1.\tVraag?   \n\n\n')).toBe('1.\tVraag?');
  });

  it('keeps leading blank lines so line numbers match the file', () => {
    expect(normaliseText('\n\nVraag?')).toBe('\n\nVraag?');
  });

  it('expands ligatures copied out of PDFs and composes accents', () => {
    expect(normaliseText('ﬁnanciële e\u0301e\u0301n')).toBe('financiële één');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normaliseText(normaliseText(s)) === normaliseText(s)));
  });

  it('never leaves a CR, an odd space or a control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = normaliseText(s);
        return !/[\r\u00a0\u2000-\u200b\u00ad\u0000-\u0008\u000b-\u001f]/.test(out);
      }),
    );
  });
});

describe('readText', () => {
  it('warns when it falls back to windows-1252', () => {
    const { text, warnings } = readText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]), 'brief.txt');
    expect(text).toBe('Café');
    expect(warnings).toEqual([{ line: null, message: 'the file is not valid UTF-8; read it as windows-1252' }]);
  });

  it('refuses binary data with an InputError naming the file', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(() => readText(png, 'plaatje.txt')).toThrow(InputError);
    try {
      readText(png, 'plaatje.txt');
    } catch (error) {
      expect((error as InputError).file).toBe('plaatje.txt');
      expect((error as InputError).message).toBe('the file is not a text, PDF, DOCX or HTML document');
    }
  });
});

describe('looksBinary', () => {
  it('accepts ordinary letters and rejects NUL bytes and control-character noise', () => {
    expect(looksBinary('Geacht college,\n\n1. Vraag?\t\f')).toBe(false);
    expect(looksBinary('abc\u0000def')).toBe(true);
    expect(looksBinary('\u0001\u0002\u0003'.repeat(10) + 'tekst')).toBe(true);
  });
});
