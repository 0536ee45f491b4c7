/**
 * The one zip reader, for format detection and for the zip-based formats (DOCX, ODT). It reads the
 * central directory itself, refuses too many entries, and inflates in small steps counting the
 * real output: a zip bomb lies in its declared sizes, and one 4 KB step of deflate can produce at
 * most about 4 MB (deflate's ratio is capped near 1032:1), so the count stops within a few MB of
 * the cap. fflate does the inflating, loaded only when a zip is read (format detection needs only
 * the names).
 */
import { InputError } from '../errors.js';
import { formatMegabytes, type ReadLimits } from './limits.js';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/**
 * Entry names without inflating anything, for telling formats apart: from the central directory
 * (`complete`), or else from the local file headers (a truncated download or copy still names
 * its entries there).
 */
export function zipEntryNames(data: Uint8Array): { names: Set<string>; complete: boolean } {
  const decoder = new TextDecoder();
  const collect = (signature: number, nameLengthAt: number, nameAt: number): Set<string> => {
    const names = new Set<string>();
    for (let i = 0; i + nameAt <= data.length && names.size < 100_000; i++) {
      if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === signature && data[i + 3] === signature + 1) {
        const len = data[i + nameLengthAt]! | (data[i + nameLengthAt + 1]! << 8);
        if (i + nameAt + len <= data.length) names.add(decoder.decode(data.subarray(i + nameAt, i + nameAt + len)));
      }
    }
    return names;
  };
  // Central directory file headers (PK\1\2): name length at +28, name at +46. The directory is
  // whole only with its end record (PK\5\6) after it: an ODT cut inside its directory kept
  // mimetype's record but not content.xml's, and was refused as a spreadsheet.
  const central = collect(0x01, 28, 46);
  if (central.size > 0 && findEndRecord(data) >= 0) return { names: central, complete: true };
  // Local file headers (PK\3\4): name length at +26, name at +30.
  return { names: collect(0x03, 26, 30), complete: false };
}

/** Where the end-of-central-directory record is: in the last 22 + 65535 (comment) bytes; -1 when not there. */
function findEndRecord(data: Uint8Array): number {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 0x05 && data[i + 3] === 0x06) return i;
  }
  return -1;
}

/** Whether the bytes start like a zip archive. */
export function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && ((data[2] === 0x03 && data[3] === 0x04) || (data[2] === 0x05 && data[3] === 0x06));
}

/**
 * Inflate the entries `wanted` asks for, counting every entry's real inflated size against the
 * limit (the others are inflated and dropped, so a bomb hidden in an image is found too). `format`
 * ("DOCX", "ODT") names the file in the messages. Throws InputError only.
 */
export async function unzipChecked(data: Uint8Array, wanted: (name: string) => boolean, limits: ReadLimits, file: string, format: string): Promise<Map<string, Uint8Array>> {
  const { Inflate } = await import('fflate');
  const damaged = (reason: string): InputError => new InputError(`the ${format} is damaged (${reason})`, { file });
  const entries = readCentralDirectory(data, limits, file, format, damaged);
  const tooBig = (): InputError =>
    new InputError(`the ${format} inflates to more than the ${formatMegabytes(limits.maxInflatedBytes)} limit (a zip bomb?)`, { file });
  let declared = 0;
  for (const entry of entries) declared += entry.declaredSize;
  if (declared > limits.maxInflatedBytes) throw tooBig();
  const parts = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    const start = dataStart(data, entry, damaged);
    const compressed = data.subarray(start, start + entry.compressedSize);
    if (compressed.length < entry.compressedSize) throw damaged('an entry runs past the end of the file');
    const keep = wanted(entry.name);
    const chunks: Uint8Array[] = [];
    if (entry.method === 0) {
      total += compressed.length;
      if (total > limits.maxInflatedBytes) throw tooBig();
      if (keep) chunks.push(compressed);
    } else if (entry.method === 8) {
      let over = false;
      const inflate = new Inflate((chunk) => {
        total += chunk.length;
        if (total > limits.maxInflatedBytes) over = true;
        else if (keep) chunks.push(chunk);
      });
      const step = 4096;
      try {
        for (let i = 0; i < compressed.length && !over; i += step) {
          inflate.push(compressed.subarray(i, i + step), i + step >= compressed.length);
        }
        if (compressed.length === 0) inflate.push(new Uint8Array(0), true);
      } catch {
        throw damaged(`the entry ${entry.name} does not inflate`);
      }
      if (over) throw tooBig();
    } else {
      throw damaged(`the entry ${entry.name} uses an unsupported compression method ${entry.method}`);
    }
    if (keep) parts.set(entry.name, concat(chunks));
  }
  return parts;
}

function readCentralDirectory(data: Uint8Array, limits: ReadLimits, file: string, format: string, damaged: (reason: string) => InputError): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const eocd = findEndRecord(data);
  if (eocd < 0) throw damaged('no zip directory; the file is truncated');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw damaged('a ZIP64 archive, which no letter needs');
  if (count > limits.maxZipEntries) {
    throw new InputError(`the ${format} holds ${count} zip entries, more than the limit of ${limits.maxZipEntries}`, { file });
  }
  if (offset + size > data.length) throw damaged('the zip directory runs past the end of the file');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) throw damaged('a broken zip directory');
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const declaredSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > data.length) throw damaged('a broken zip directory');
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, method, compressedSize, declaredSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function dataStart(data: Uint8Array, entry: ZipEntry, damaged: (reason: string) => InputError): number {
  const p = entry.localOffset;
  if (p + 30 > data.length) throw damaged(`the entry ${entry.name} is missing`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(p, true) !== 0x04034b50) throw damaged(`the entry ${entry.name} is missing`);
  return p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
