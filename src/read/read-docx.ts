/**
 * DOCX: check the zip (entry count, real inflated size) before anything else touches it, work out
 * Word's automatic list labels from numbering.xml, let mammoth turn the document into HTML, and
 * write that HTML as text lines with the labels in them.
 *
 * Why the labels are computed here: in a Word list the "1." lives in the numbering definition, not in
 * the text, and mammoth only says "ordered list, level n". A list interrupted by a paragraph of text
 * (a question, an explanation, the next question) comes out of mammoth as two `<ol>`s that would
 * both count from 1, while Word prints 1, 2, 3. The numbering format ("1)", "a.", "Vraag %1") is
 * also only in numbering.xml.
 */
import { Inflate } from 'fflate';
import { InputError } from '../errors.js';
import type { ParseWarning } from '../model.js';
import { takeHeadingMarks, type HeadingMark } from './heading-marks.js';
import type { ReadLimits } from './read-source.js';
import { formatMegabytes } from './read-source.js';
import { LABEL_CLOSE, LABEL_OPEN, alpha, htmlToText, roman } from './read-html.js';
import { normaliseText } from './read-text.js';

export interface DocxResult {
  text: string;
  warnings: ParseWarning[];
  /** Paragraphs in Word's Title and heading styles. */
  headings: HeadingMark[];
  /** mammoth's HTML with Word's list labels marked (`SourceText.html`). */
  html: string;
}

/**
 * Word's Title style, and the heading and title styles as a Dutch template names them (Word itself
 * stores its built-in styles under English names, "heading 1", which mammoth maps already).
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='Titel'] => h1.title:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='Kop ${n}'] => h${n}:fresh`),
];

/** The parts whose inflated bytes the reader itself needs. */
const NEEDED = new Set(['word/document.xml', 'word/numbering.xml', 'word/styles.xml']);

export async function readDocx(data: Uint8Array, context: { file: string; limits: ReadLimits }): Promise<DocxResult> {
  const { file, limits } = context;
  const parts = inflateChecked(data, limits, file);
  const documentXml = parts.get('word/document.xml');
  if (!documentXml) throw new InputError('the DOCX is damaged (no word/document.xml)', { file });
  const decoder = new TextDecoder();
  const plan = planListLabels(
    decoder.decode(documentXml),
    parts.has('word/numbering.xml') ? decoder.decode(parts.get('word/numbering.xml')) : '',
    parts.has('word/styles.xml') ? decoder.decode(parts.get('word/styles.xml')) : '',
  );
  const warnings: ParseWarning[] = [];
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      {
        transformDocument: (document: MammothElement) => {
          if (!applyLabels(document, plan)) {
            warnings.push({ line: null, message: "Word's list numbering could not be matched to the paragraphs; list labels are counted from the list structure" });
          }
          return document;
        },
        // Images are never read: a letter's pictures hold no question text, and data URIs would bloat the HTML.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
        includeEmbeddedStyleMap: false,
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`the DOCX is damaged (${reason})`, { file });
  }
  return { ...takeHeadingMarks(normaliseText(htmlToText(html, { mammothNotes: true }))), warnings, html };
}

// ---------------------------------------------------------------------------------------------
// The zip check

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/**
 * Walk the central directory, refuse too many entries, and inflate every entry in small steps,
 * counting the real output: a zip bomb lies in its declared sizes, and one 4 KB step of deflate can
 * produce at most about 4 MB (deflate's ratio is capped near 1032:1), so the check stops within a
 * few MB of the cap. Returns the inflated bytes of the parts in NEEDED.
 */
export function inflateChecked(data: Uint8Array, limits: ReadLimits, file: string): Map<string, Uint8Array> {
  const entries = readCentralDirectory(data, limits, file);
  const tooBig = () =>
    new InputError(`the DOCX inflates to more than the ${formatMegabytes(limits.maxInflatedBytes)} limit (a zip bomb?)`, { file });
  let declared = 0;
  for (const entry of entries) declared += entry.declaredSize;
  if (declared > limits.maxInflatedBytes) throw tooBig();
  const parts = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    const start = dataStart(data, entry, file);
    const compressed = data.subarray(start, start + entry.compressedSize);
    if (compressed.length < entry.compressedSize) throw damaged(file, 'an entry runs past the end of the file');
    const keep = NEEDED.has(entry.name);
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
        throw damaged(file, `the entry ${entry.name} does not inflate`);
      }
      if (over) throw tooBig();
    } else {
      throw damaged(file, `the entry ${entry.name} uses an unsupported compression method ${entry.method}`);
    }
    if (keep) parts.set(entry.name, concat(chunks));
  }
  return parts;
}

function damaged(file: string, reason: string): InputError {
  return new InputError(`the DOCX is damaged (${reason})`, { file });
}

function readCentralDirectory(data: Uint8Array, limits: ReadLimits, file: string): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged(file, 'no zip directory; the file is truncated');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw damaged(file, 'a ZIP64 archive, which no letter needs');
  if (count > limits.maxZipEntries) {
    throw new InputError(`the DOCX holds ${count} zip entries, more than the limit of ${limits.maxZipEntries}`, { file });
  }
  if (offset + size > data.length) throw damaged(file, 'the zip directory runs past the end of the file');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) throw damaged(file, 'a broken zip directory');
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const declaredSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > data.length) throw damaged(file, 'a broken zip directory');
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, method, compressedSize, declaredSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function dataStart(data: Uint8Array, entry: ZipEntry, file: string): number {
  const p = entry.localOffset;
  if (p + 30 > data.length) throw damaged(file, `the entry ${entry.name} is missing`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(p, true) !== 0x04034b50) throw damaged(file, `the entry ${entry.name} is missing`);
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

// ---------------------------------------------------------------------------------------------
// Word's list numbering

interface XmlTag {
  name: string;
  attrs: Record<string, string>;
  kind: 'open' | 'close' | 'empty';
}

/** A minimal tokenizer for Office XML: tags and their attributes, text skipped. */
function* xmlTags(xml: string): Generator<XmlTag> {
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[2] === undefined) continue;
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    const attrRe = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let a = attrRe.exec(m[3] ?? ''); a; a = attrRe.exec(m[3] ?? '')) attrs[a[1]!] = a[2] ?? a[3] ?? '';
    yield { name: m[2], attrs, kind: m[1] ? 'close' : m[4] ? 'empty' : 'open' };
  }
}

interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  pStyle: string | null;
  /** Restart after a paragraph at this (1-based) level or higher; 0 never; null the default. */
  restart: number | null;
  legal: boolean;
}

interface AbstractNum {
  levels: Map<number, LevelDef>;
  numStyleLink: string | null;
}

interface NumDef {
  abstractNumId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDef>;
}

interface Numbering {
  abstractNums: Map<string, AbstractNum>;
  nums: Map<string, NumDef>;
  /** Numbering styles (`w:type="numbering"`): style id → numId. */
  numberingStyles: Map<string, string>;
  /** Paragraph styles with their own numPr: style id → numId, and basedOn. */
  paragraphStyles: Map<string, { numId: string | null; basedOn: string | null }>;
}

function readNumbering(numberingXml: string, stylesXml: string): Numbering {
  const abstractNums = new Map<string, AbstractNum>();
  const nums = new Map<string, NumDef>();
  let abstract: AbstractNum | null = null;
  let num: NumDef | null = null;
  let level: LevelDef | null = null;
  let levelIndex = 0;
  let overrideLevel: number | null = null;
  for (const tag of xmlTags(numberingXml)) {
    const val = tag.attrs['w:val'];
    if (tag.kind === 'close') {
      if (tag.name === 'w:abstractNum') abstract = null;
      else if (tag.name === 'w:num') num = null;
      else if (tag.name === 'w:lvlOverride') overrideLevel = null;
      else if (tag.name === 'w:lvl' && level) {
        if (overrideLevel !== null && num) num.levelOverrides.set(overrideLevel, level);
        else abstract?.levels.set(levelIndex, level);
        level = null;
      }
      continue;
    }
    switch (tag.name) {
      case 'w:abstractNum':
        abstract = { levels: new Map(), numStyleLink: null };
        abstractNums.set(tag.attrs['w:abstractNumId'] ?? '', abstract);
        if (tag.kind === 'empty') abstract = null;
        break;
      case 'w:num':
        num = { abstractNumId: '', startOverrides: new Map(), levelOverrides: new Map() };
        nums.set(tag.attrs['w:numId'] ?? '', num);
        if (tag.kind === 'empty') num = null;
        break;
      case 'w:abstractNumId':
        if (num && val !== undefined) num.abstractNumId = val;
        break;
      case 'w:lvlOverride':
        overrideLevel = toInt(tag.attrs['w:ilvl']) ?? 0;
        if (tag.kind === 'empty') overrideLevel = null;
        break;
      case 'w:startOverride':
        if (num && overrideLevel !== null) num.startOverrides.set(overrideLevel, toInt(val) ?? 0);
        break;
      case 'w:lvl':
        levelIndex = toInt(tag.attrs['w:ilvl']) ?? 0;
        level = { start: 1, numFmt: 'decimal', lvlText: '', pStyle: null, restart: null, legal: false };
        if (tag.kind === 'empty') level = null;
        break;
      case 'w:numStyleLink':
        if (abstract && val) abstract.numStyleLink = val;
        break;
      default:
        if (!level) break;
        if (tag.name === 'w:start') level.start = toInt(val) ?? 1;
        else if (tag.name === 'w:numFmt') level.numFmt = val ?? 'decimal';
        else if (tag.name === 'w:lvlText') level.lvlText = val ?? '';
        else if (tag.name === 'w:pStyle') level.pStyle = val ?? null;
        else if (tag.name === 'w:lvlRestart') level.restart = toInt(val);
        else if (tag.name === 'w:isLgl') level.legal = val !== '0' && val !== 'false';
    }
  }
  const numberingStyles = new Map<string, string>();
  const paragraphStyles = new Map<string, { numId: string | null; basedOn: string | null }>();
  let style: { id: string; type: string; numId: string | null; basedOn: string | null } | null = null;
  for (const tag of xmlTags(stylesXml)) {
    if (tag.name === 'w:style') {
      if (tag.kind === 'close' || tag.kind === 'empty') {
        if (style?.type === 'numbering' && style.numId) numberingStyles.set(style.id, style.numId);
        if (style?.type === 'paragraph') paragraphStyles.set(style.id, { numId: style.numId, basedOn: style.basedOn });
        style = null;
      }
      if (tag.kind !== 'close') style = { id: tag.attrs['w:styleId'] ?? '', type: tag.attrs['w:type'] ?? 'paragraph', numId: null, basedOn: null };
      if (tag.kind === 'empty') style = null;
      continue;
    }
    if (!style || tag.kind === 'close') continue;
    if (tag.name === 'w:numId') style.numId = tag.attrs['w:val'] ?? null;
    else if (tag.name === 'w:basedOn') style.basedOn = tag.attrs['w:val'] ?? null;
  }
  return { abstractNums, nums, numberingStyles, paragraphStyles };
}

function toInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}

/** A numbered paragraph's place in Word's numbering: which list (abstractNum) and level. */
interface ListRef {
  numId: string;
  abstractNumId: string;
  level: number;
  def: LevelDef;
  /** The num's startOverrides: applied the first time the num is used. */
  startOverrides: Map<number, number>;
}

/** Resolve (numId, ilvl) as mammoth does (following numStyleLink), or null when mammoth finds no level. */
function findLevel(numbering: Numbering, numId: string, level: number, seen = new Set<string>()): ListRef | null {
  if (seen.has(numId)) return null;
  seen.add(numId);
  const num = numbering.nums.get(numId);
  if (!num) return null;
  const abstract = numbering.abstractNums.get(num.abstractNumId);
  if (!abstract) return null;
  if (abstract.numStyleLink !== null) {
    const linked = numbering.numberingStyles.get(abstract.numStyleLink);
    if (linked === undefined) return null;
    const found = findLevel(numbering, linked, level, seen);
    if (!found) return null;
    const override = num.levelOverrides.get(level);
    return { ...found, numId, def: override ?? found.def, startOverrides: num.startOverrides };
  }
  const def = num.levelOverrides.get(level) ?? abstract.levels.get(level);
  if (!def) return null;
  return { numId, abstractNumId: num.abstractNumId, level, def, startOverrides: num.startOverrides };
}

function findLevelByStyle(numbering: Numbering, styleId: string): ListRef | null {
  for (const [abstractNumId, abstract] of numbering.abstractNums) {
    for (const [level, def] of abstract.levels) {
      if (def.pStyle !== styleId) continue;
      // The numId: the style's own numPr (through basedOn), or any num of this abstractNum.
      let numId: string | null = null;
      const seen = new Set<string>();
      for (let s: string | null = styleId; s && !seen.has(s); s = numbering.paragraphStyles.get(s)?.basedOn ?? null) {
        seen.add(s);
        numId = numbering.paragraphStyles.get(s)?.numId ?? null;
        if (numId) break;
      }
      if (!numId) numId = [...numbering.nums].find(([, n]) => n.abstractNumId === abstractNumId)?.[0] ?? '';
      return { numId, abstractNumId, level, def, startOverrides: numbering.nums.get(numId)?.startOverrides ?? new Map() };
    }
  }
  return null;
}

/**
 * Labels for the numbered paragraphs of document.xml, in document order (the order mammoth walks
 * them): the paragraphs mammoth reads as list items, each with Word's printed label ('' when the
 * level prints none). Paragraphs in mc:Choice, w:del and w:moveFrom are skipped as mammoth skips them.
 */
export function planListLabels(documentXml: string, numberingXml: string, stylesXml: string): string[] {
  const numbering = readNumbering(numberingXml, stylesXml);
  const refs: ListRef[] = [];
  interface Para {
    numId?: string;
    ilvl?: string;
    styleId: string | null;
    deleted: boolean;
  }
  const paras: Para[] = [];
  const stack: string[] = [];
  let skipDepth = 0;
  const SKIP = new Set(['mc:Choice', 'w:del', 'w:moveFrom']);
  for (const tag of xmlTags(documentXml)) {
    if (tag.kind === 'close') {
      stack.pop();
      if (skipDepth > 0 && stack.length < skipDepth) skipDepth = 0;
      if (tag.name === 'w:p' && skipDepth === 0) {
        const para = paras.pop();
        if (para && !para.deleted) {
          const ref = resolveParagraph(numbering, para);
          if (ref) refs.push(ref);
        }
      }
      continue;
    }
    const parent = stack[stack.length - 1];
    const grandparent = stack[stack.length - 2];
    if (tag.kind === 'open') stack.push(tag.name);
    if (skipDepth > 0) continue;
    // A deleted paragraph mark (w:p > w:pPr > w:rPr > w:del): mammoth merges the paragraph into the next.
    if (tag.name === 'w:del' && parent === 'w:rPr' && grandparent === 'w:pPr') {
      const top = paras[paras.length - 1];
      if (top) top.deleted = true;
      continue;
    }
    if (SKIP.has(tag.name)) {
      if (tag.kind === 'open') skipDepth = stack.length;
      continue;
    }
    const para = paras[paras.length - 1];
    if (tag.name === 'w:p') {
      if (tag.kind === 'open') paras.push({ styleId: null, deleted: false });
      continue;
    }
    if (!para) continue;
    const val = tag.attrs['w:val'];
    // Only the paragraph's own properties: w:p > w:pPr > ...
    const inOwnPPr = grandparent === 'w:pPr';
    if (tag.name === 'w:pStyle' && parent === 'w:pPr') para.styleId = val ?? null;
    else if (tag.name === 'w:numId' && parent === 'w:numPr' && inOwnPPr) para.numId = val;
    else if (tag.name === 'w:ilvl' && parent === 'w:numPr' && inOwnPPr) para.ilvl = val;
  }
  return labelRefs(refs);
}

function resolveParagraph(numbering: Numbering, para: { numId?: string; ilvl?: string; styleId: string | null }): ListRef | null {
  if (para.ilvl !== undefined && para.numId !== undefined) return findLevel(numbering, para.numId, toInt(para.ilvl) ?? 0);
  if (para.styleId !== null) {
    const byStyle = findLevelByStyle(numbering, para.styleId);
    if (byStyle) return byStyle;
  }
  if (para.numId !== undefined) return findLevel(numbering, para.numId, 0);
  return null;
}

/**
 * Word's counters: one set per abstractNum (lists that share a definition continue each other), a
 * num's startOverride restarts its levels the first time that num is used, a paragraph at level L
 * restarts the deeper levels (unless their lvlRestart says otherwise).
 */
function labelRefs(refs: ListRef[]): string[] {
  const counters = new Map<string, (number | undefined)[]>();
  const defs = new Map<string, Map<number, LevelDef>>();
  const seenNums = new Set<string>();
  const labels: string[] = [];
  for (const ref of refs) {
    let c = counters.get(ref.abstractNumId);
    if (!c) {
      c = [];
      counters.set(ref.abstractNumId, c);
    }
    let d = defs.get(ref.abstractNumId);
    if (!d) {
      d = new Map();
      defs.set(ref.abstractNumId, d);
    }
    d.set(ref.level, ref.def);
    if (!seenNums.has(ref.numId)) {
      seenNums.add(ref.numId);
      for (const [level, start] of ref.startOverrides) c[level] = start - 1;
    }
    const current = c[ref.level];
    c[ref.level] = current === undefined ? ref.def.start : current + 1;
    for (let deeper = ref.level + 1; deeper < 10; deeper++) {
      const restart = d.get(deeper)?.restart ?? null;
      if (restart === 0) continue;
      if (restart === null || ref.level < restart) c[deeper] = undefined;
    }
    labels.push(formatLabel(ref.def, c, d));
  }
  return labels;
}

function formatLabel(def: LevelDef, counters: (number | undefined)[], defs: Map<number, LevelDef>): string {
  if (def.numFmt === 'none') return '';
  if (def.numFmt === 'bullet') return bulletLabel(def.lvlText);
  return def.lvlText
    .replace(/%([1-9])/g, (_, k: string) => {
      const level = Number(k) - 1;
      const levelDef = defs.get(level) ?? def;
      const value = counters[level] ?? levelDef.start;
      return formatNumber(value, def.legal ? 'decimal' : levelDef.numFmt);
    })
    .trim();
}

function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'lowerLetter':
      return alpha(n).toLowerCase();
    case 'upperLetter':
      return alpha(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

/** Bullet characters are often Symbol/Wingdings private-use code points; print the common ones. */
function bulletLabel(lvlText: string): string {
  const t = lvlText.trim();
  if (t === 'o' || t === '-' || t === '–' || t === '—' || t === '•' || t === '*') return t;
  if (t === '○' || t === '◦' || t === '\uf06f') return 'o';
  if (t === '\uf02d') return '-';
  return '•';
}

// ---------------------------------------------------------------------------------------------
// Putting the labels into mammoth's document

interface MammothElement {
  type: string;
  children?: MammothElement[];
  numbering?: unknown;
  value?: string;
}

/**
 * Put each planned label at the start of the first text of the matching numbered paragraph.
 * Returns false (and changes nothing) when mammoth's numbered paragraphs do not match the plan
 * one to one.
 */
function applyLabels(document: MammothElement, labels: string[]): boolean {
  const numbered: MammothElement[] = [];
  const walk = (el: MammothElement): void => {
    if (el.type === 'paragraph' && el.numbering) numbered.push(el);
    for (const child of el.children ?? []) walk(child);
  };
  for (const child of document.children ?? []) walk(child);
  if (numbered.length !== labels.length) return false;
  numbered.forEach((paragraph, i) => {
    const text = firstText(paragraph);
    if (text) text.value = `${LABEL_OPEN}${labels[i]}${LABEL_CLOSE}${text.value ?? ''}`;
  });
  return true;
}

function firstText(el: MammothElement): MammothElement | null {
  for (const child of el.children ?? []) {
    if (child.type === 'text' && typeof child.value === 'string') return child;
    if (child.type === 'paragraph') continue;
    const found = firstText(child);
    if (found) return found;
  }
  return null;
}
