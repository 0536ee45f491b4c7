/**
 * PDFs that a reader must refuse or handle with care, built at test time: password-protected
 * (the standard security handler, RC4 40-bit, written out by hand since pdf-lib cannot encrypt),
 * scanned (an image and no text), truncated.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

// The padding string of the PDF standard security handler (ISO 32000-1, 7.6.3.3).
const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  let i = 0;
  j = 0;
  for (let n = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

function md5(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('md5');
  for (const p of parts) hash.update(p);
  return new Uint8Array(hash.digest());
}

function padPassword(password: string): Uint8Array {
  const bytes = new TextEncoder().encode(password).subarray(0, 32);
  const out = new Uint8Array(32);
  out.set(bytes);
  out.set(PAD.subarray(0, 32 - bytes.length), bytes.length);
  return out;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/**
 * A one-page PDF with the text `text`, encrypted with RC4 40-bit (revision 2). With a user password,
 * a reader cannot open it without the password; with an empty user password (only an owner
 * password restricting permissions), anyone can read it, as with many published PDFs.
 */
export function buildEncryptedPdf(text: string, passwords: { user: string; owner: string }): Uint8Array {
  const id = md5(new TextEncoder().encode(`answer-test-${text}`));
  const permissions = -44;
  const ownerKey = md5(padPassword(passwords.owner || passwords.user)).subarray(0, 5);
  const o = rc4(ownerKey, padPassword(passwords.user));
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions, true);
  const fileKey = md5(padPassword(passwords.user), o, p, id).subarray(0, 5);
  const u = rc4(fileKey, PAD);
  const objectKey = (num: number, gen: number): Uint8Array =>
    md5(fileKey, Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff])).subarray(0, 10);

  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = new TextEncoder().encode(`BT /F1 12 Tf 72 720 Td (${escaped}) Tj ET`);
  const encryptedContent = rc4(objectKey(4, 0), content);
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const write = (part: string | Uint8Array): void => {
    const bytes = typeof part === 'string' ? new TextEncoder().encode(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (num: number, body: string | Uint8Array[]): void => {
    offsets[num] = length;
    write(`${num} 0 obj\n`);
    if (typeof body === 'string') write(body);
    else for (const b of body) write(b);
    write('\nendobj\n');
  };
  write('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>');
  object(4, [new TextEncoder().encode(`<< /Length ${encryptedContent.length} >>\nstream\n`), encryptedContent, new TextEncoder().encode('\nendstream')]);
  object(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  object(6, `<< /Filter /Standard /V 1 /R 2 /O <${hex(o)}> /U <${hex(u)}> /P ${permissions} >>`);
  const xref = length;
  write('xref\n0 7\n0000000000 65535 f \n');
  for (let n = 1; n <= 6; n++) write(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  write(`trailer\n<< /Size 7 /Root 1 0 R /Encrypt 6 0 R /ID [<${hex(id)}> <${hex(id)}>] >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A grey-scale PNG with a pattern, standing in for a scanned page. */
export function buildPng(width: number, height: number): Uint8Array {
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x * 7 + y * 13) % 256;
  }
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A PDF of scanned pages: every page an image and no text, except the pages listed in
 * `textPages` (1-based), which get a line of text as well.
 */
export async function buildScannedPdf(pages = 1, textPages: number[] = []): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(buildPng(64, 90));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
    if (textPages.includes(n)) page.drawText(`Tekst op pagina ${n} met een vraag aan het college?`, { x: 72, y: 700, size: 11, font });
  }
  return doc.save();
}

/** A PDF with lines placed exactly: `[text, x, baselineFromTop, size]` per item, per page. */
export async function buildPlacedPdf(pages: [string, number, number, number][][], size: [number, number] = [595.28, 841.89]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const items of pages) {
    const page = doc.addPage(size);
    for (const [text, x, top, fontSize] of items) page.drawText(text, { x, y: size[1] - top, size: fontSize, font });
  }
  return doc.save();
}
