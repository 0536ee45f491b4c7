/**
 * ODT (OpenDocument text, LibreOffice's own format): a zip (zip.ts) with `content.xml` (the text
 * and its automatic styles) and `styles.xml` (the named styles and list styles), read with the XML
 * scanner into the structure of document.ts, under the reader's work budget.
 *
 * - Lists are `text:list` elements; a list inside a list item is the next level. The label comes
 *   from the list style (`text:list-level-style-number`: format, prefix, suffix, levels shown;
 *   `…-bullet`: the bullet character, often a Symbol private-use glyph). A list with
 *   `text:continue-numbering` or `text:continue-list` goes on counting where the list before
 *   stopped.
 * - A list item's further paragraphs stay with it: the other paragraphs of a `text:list-item`, a
 *   `text:list-header`, and a paragraph right after an item whose style switches lists off
 *   (`style:list-style-name=""`, what LibreOffice makes of Word's `w:numId="0"`) or that is
 *   indented to the item's text.
 * - Headings are `text:h` with their outline level; the Title style (also a Dutch "Titel") is
 *   level 0. Footnotes and endnotes (`text:note`) go to the notes.
 * - A link (`text:a`) gives its runs its `xlink:href` as `Run.href`; a jump inside the document
 *   ("#bookmark") gives none, as in the DOCX reader. The text is read as before.
 */
import { InputError } from '../errors.js';
import type { ParseWarning } from '../model.js';
import { bulletLook, replaceSymbolBullets } from './bullets.js';
import { formatNumber } from './counters.js';
import { documentToText, TableStack, type Block, type Note, type ParagraphBlock, type Run, type StructuredDocument } from './document.js';
import { takeHeadingMarks, type HeadingMark } from './heading-marks.js';
import { WorkBudget, type ReadLimits } from './limits.js';
import { normaliseText } from './read-text.js';
import { scanXml } from './xml.js';
import { unzipChecked } from './zip.js';

export interface OdtResult {
  text: string;
  warnings: ParseWarning[];
  headings: HeadingMark[];
  document: StructuredDocument;
}

export async function readOdt(data: Uint8Array, context: { file: string; limits: ReadLimits }): Promise<OdtResult> {
  const { file, limits } = context;
  const parts = await unzipChecked(data, (name) => name === 'content.xml' || name === 'styles.xml', limits, file, 'ODT');
  const content = parts.get('content.xml');
  if (!content) throw new InputError('the ODT is damaged (no content.xml)', { file });
  const decoder = new TextDecoder();
  const budget = new WorkBudget(limits, file, 'ODT');
  const styles = new Styles();
  const stylesXml = parts.get('styles.xml');
  if (stylesXml) styles.read(decoder.decode(stylesXml), budget);
  const contentXml = decoder.decode(content);
  styles.read(contentXml, budget);
  const document = readContent(contentXml, styles, budget);
  const text = documentToText(document);
  return { ...takeHeadingMarks(normaliseText(text)), warnings: [], document };
}

// ---------------------------------------------------------------------------------------------
// Styles

interface ListLevelStyle {
  bullet: string | null;
  /** `style:num-format`: "1", "a", "A", "i", "I", or '' for none. */
  format: string;
  prefix: string;
  suffix: string;
  /** How many levels the label shows ("1.2"). */
  display: number;
  start: number;
  /** Left margin of the level's text, in points. */
  left: number | null;
}

interface ParagraphStyle {
  parent: string | null;
  displayName: string;
  /** `style:list-style-name`: '' switches lists off, null says nothing. */
  listStyle: string | null;
  /** Left margin in points. */
  left: number | null;
  outlineLevel: number | null;
}

interface TextStyle {
  bold: boolean | null;
  italic: boolean | null;
  superscript: boolean;
}

/** A length in points: "0.4925in", "1.25cm", "12pt", "5mm". */
function toPoints(value: string | undefined): number | null {
  if (!value) return null;
  const m = /^(-?[\d.]+)\s*(in|cm|mm|pt|pc|px)?$/.exec(value.trim());
  if (!m) return null;
  const n = Number.parseFloat(m[1]!);
  const factor = { in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pt: 1, pc: 12, px: 0.75 }[m[2] ?? 'pt'] ?? 1;
  return Number.isFinite(n) ? n * factor : null;
}

class Styles {
  readonly lists = new Map<string, Map<number, ListLevelStyle>>();
  readonly paragraphs = new Map<string, ParagraphStyle>();
  readonly texts = new Map<string, TextStyle>();

  read(xml: string, budget: WorkBudget): void {
    let list: Map<number, ListLevelStyle> | null = null;
    let level: ListLevelStyle | null = null;
    let paragraph: ParagraphStyle | null = null;
    let text: TextStyle | null = null;
    let inBody = false;
    scanXml(
      xml,
      {
        open: (name, attrs) => {
          if (name === 'office:body') inBody = true;
          if (inBody) return;
          switch (name) {
            case 'text:list-style':
              list = new Map();
              this.lists.set(attrs['style:name'] ?? '', list);
              return;
            case 'text:list-level-style-number':
            case 'text:list-level-style-bullet':
            case 'text:list-level-style-image': {
              const bullet = name === 'text:list-level-style-number' ? null : (attrs['text:bullet-char'] ?? '•');
              level = {
                bullet,
                format: attrs['style:num-format'] ?? '',
                prefix: attrs['style:num-prefix'] ?? '',
                suffix: attrs['style:num-suffix'] ?? '',
                display: Number.parseInt(attrs['text:display-levels'] ?? '1', 10) || 1,
                start: Number.parseInt(attrs['text:start-value'] ?? '1', 10) || 1,
                left: null,
              };
              (list as Map<number, ListLevelStyle> | null)?.set(Number.parseInt(attrs['text:level'] ?? '1', 10) - 1, level);
              return;
            }
            case 'style:list-level-label-alignment':
            case 'style:list-level-properties':
              if (level) {
                const left = toPoints(attrs['fo:margin-left']) ?? ((toPoints(attrs['text:space-before']) ?? 0) + (toPoints(attrs['text:min-label-width']) ?? 0) || null);
                if (left !== null) (level as ListLevelStyle).left = left;
              }
              return;
            case 'style:style': {
              const family = attrs['style:family'];
              const styleName = attrs['style:name'] ?? '';
              if (family === 'paragraph') {
                paragraph = {
                  parent: attrs['style:parent-style-name'] ?? null,
                  displayName: attrs['style:display-name'] ?? styleName.replace(/_20_/g, ' '),
                  listStyle: attrs['style:list-style-name'] ?? null,
                  left: null,
                  outlineLevel: attrs['style:default-outline-level'] ? Number(attrs['style:default-outline-level']) : null,
                };
                this.paragraphs.set(styleName, paragraph);
              }
              if (family === 'text' || family === 'paragraph') {
                text = { bold: null, italic: null, superscript: false };
                if (family === 'text') this.texts.set(styleName, text);
              }
              return;
            }
            case 'style:paragraph-properties':
              if (paragraph) (paragraph as ParagraphStyle).left = toPoints(attrs['fo:margin-left']) ?? (paragraph as ParagraphStyle).left;
              return;
            case 'style:text-properties':
              if (text) {
                const t: TextStyle = text;
                const weight = attrs['fo:font-weight'];
                if (weight) t.bold = weight === 'bold' || Number(weight) >= 600;
                const slant = attrs['fo:font-style'];
                if (slant) t.italic = slant === 'italic' || slant === 'oblique';
                const position = attrs['style:text-position'] ?? '';
                t.superscript = /^super\b/.test(position) || /^[1-9]\d*%/.test(position);
              }
              return;
          }
        },
        close: (name) => {
          if (name === 'office:body') inBody = false;
          if (name === 'text:list-style') list = null;
          else if (name.startsWith('text:list-level-style-')) level = null;
          else if (name === 'style:style') {
            paragraph = null;
            text = null;
          }
        },
        text: () => {},
      },
      budget,
    );
  }

  /** A paragraph style and its parents, nearest first. */
  chain(name: string | null): ParagraphStyle[] {
    const out: ParagraphStyle[] = [];
    const seen = new Set<string>();
    for (let n = name; n && !seen.has(n) && out.length < 20; ) {
      seen.add(n);
      const style = this.paragraphs.get(n);
      if (!style) break;
      out.push(style);
      n = style.parent;
    }
    return out;
  }

  headingLevel(name: string | null): number | undefined {
    for (const style of this.chain(name)) {
      const display = style.displayName.trim().toLowerCase();
      if (display === 'title' || display === 'titel') return 0;
      const heading = /^(?:heading|kop)\s*([1-6])$/.exec(display);
      if (heading) return Number(heading[1]);
    }
    return undefined;
  }

  left(name: string | null): number | null {
    for (const style of this.chain(name)) if (style.left !== null) return style.left;
    return null;
  }

  /** The style switches list membership off explicitly. */
  listOff(name: string | null): boolean {
    for (const style of this.chain(name)) if (style.listStyle !== null) return style.listStyle === '';
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Content

/** Counters of one list (and the lists that continue it). */
interface Counting {
  style: string;
  counters: (number | undefined)[];
}

function label(level: ListLevelStyle | undefined, depth: number, counters: (number | undefined)[], levels: Map<number, ListLevelStyle> | undefined): string {
  if (!level) return '•';
  if (level.bullet !== null) return bulletLook(level.bullet);
  if (level.format === '') return `${level.prefix}${level.suffix}`.trim();
  const shown: string[] = [];
  for (let d = Math.max(0, depth - level.display + 1); d <= depth; d++) {
    const def = levels?.get(d) ?? level;
    shown.push(formatNumber(counters[d] ?? def.start, def.format === 'a' ? 'lowerLetter' : def.format === 'A' ? 'upperLetter' : def.format === 'i' ? 'lowerRoman' : def.format === 'I' ? 'upperRoman' : 'decimal'));
  }
  return `${level.prefix}${shown.join('.')}${level.suffix}`.trim();
}

interface OpenList {
  style: string;
  counting: Counting;
}

interface OpenItem {
  /** Paragraphs of the item so far: the first one carries the label. */
  paragraphs: number;
  header: boolean;
  startValue: number | null;
}

interface OpenParagraph {
  runs: Run[];
  style: string | null;
  heading: number | undefined;
  inner: Block[];
}

interface Container {
  blocks: Block[];
  /** Left margin (points) of the last list item's text while paragraphs may still continue it. */
  itemLeft: number | null;
}

const SKIPPED = new Set(['office:annotation', 'text:tracked-changes', 'text:sequence-decls', 'office:forms', 'text:note-citation', 'svg:desc', 'svg:title', 'draw:image']);

function readContent(xml: string, styles: Styles, budget: WorkBudget): StructuredDocument {
  const body: Container = { blocks: [], itemLeft: null };
  const containers: Container[] = [body];
  const lists: OpenList[] = [];
  const items: OpenItem[] = [];
  const paragraphs: OpenParagraph[] = [];
  const tables = new TableStack();
  const textStyles: (TextStyle | undefined)[] = [];
  /** The address of each open `text:a` (undefined: none to go to), innermost last. */
  const links: (string | undefined)[] = [];
  const notes: Note[] = [];
  const noteStack: Container[] = [];
  const byId = new Map<string, Counting>();
  /**
   * Paragraphs, lists and list items open around a note, set aside while the note's own paragraphs
   * are read: a note in a list item's text took the item's number for its own paragraph.
   */
  const saved: { paragraphs: OpenParagraph[]; lists: OpenList[]; items: OpenItem[] }[] = [];
  let lastCounting: Counting | null = null;
  let inBody = false;
  let skipDepth = 0;
  let depth = 0;

  const container = (): Container => containers[containers.length - 1]!;
  const currentStyle = (): { bold: boolean; italic: boolean; superscript: boolean } => {
    let bold = false;
    let italic = false;
    let superscript = false;
    for (const t of textStyles) {
      if (!t) continue;
      if (t.bold !== null) bold = t.bold;
      if (t.italic !== null) italic = t.italic;
      if (t.superscript) superscript = true;
    }
    return { bold, italic, superscript };
  };
  const pushText = (text: string): void => {
    const para = paragraphs[paragraphs.length - 1];
    if (!para || text === '') return;
    budget.text(text.length);
    const look = currentStyle();
    if (look.superscript && /^\s*\d{1,3}\s*$/.test(text)) {
      para.runs.push({ text: text.trim(), note: text.trim(), raised: true });
      return;
    }
    const href = links[links.length - 1];
    para.runs.push({ text: replaceSymbolBullets(text), ...(look.bold ? { bold: true } : {}), ...(look.italic ? { italic: true } : {}), ...(href !== undefined ? { href } : {}) });
  };

  const closeParagraph = (para: OpenParagraph): void => {
    const target = paragraphs.length > 0 ? paragraphs[paragraphs.length - 1]!.inner : null;
    const out = container();
    const emit = (block: Block): void => {
      if (target) target.push(block);
      else out.blocks.push(block);
    };
    const hasText = para.runs.some((r) => r.note !== undefined || r.text.trim() !== '');
    if (!hasText) {
      for (const inner of para.inner) emit(inner);
      return;
    }
    const block: ParagraphBlock = { kind: 'paragraph', runs: para.runs };
    const item = items[items.length - 1];
    const list = lists[lists.length - 1];
    const inItem = item !== undefined && list !== undefined && items.length === lists.length;
    const left = styles.left(para.style);
    if (para.heading !== undefined) {
      block.heading = para.heading;
      out.itemLeft = null;
    } else if (inItem && item.paragraphs === 0 && !item.header) {
      const level = lists.length - 1;
      const levels = styles.lists.get(list.style);
      const def = levels?.get(level);
      const counters = list.counting.counters;
      const current = counters[level];
      counters[level] = item.startValue ?? (current === undefined ? (def?.start ?? 1) : current + 1);
      counters.length = level + 1;
      block.list = { level, label: label(def, level, counters, levels), list: list.counting.style };
      out.itemLeft = left ?? def?.left ?? 0;
    } else if (inItem || (out.itemLeft !== null && !target && (styles.listOff(para.style) || (left !== null && left > 0 && left >= out.itemLeft - 1)))) {
      block.continues = true;
    } else if (!target) {
      out.itemLeft = null;
    }
    if (item && inItem) item.paragraphs++;
    emit(block);
    for (const inner of para.inner) emit(inner);
  };

  scanXml(
    xml,
    {
      open(name, attrs) {
        depth++;
        if (name === 'office:body') inBody = true;
        if (!inBody || skipDepth > 0) return;
        if (SKIPPED.has(name)) {
          skipDepth = depth;
          return;
        }
        switch (name) {
          case 'text:p':
          case 'text:h': {
            const style = attrs['text:style-name'] ?? null;
            const outline = name === 'text:h' ? Number.parseInt(attrs['text:outline-level'] ?? '1', 10) || 1 : undefined;
            paragraphs.push({ runs: [], style, heading: outline ?? styles.headingLevel(style), inner: [] });
            textStyles.push(styles.texts.get(style ?? ''));
            return;
          }
          case 'text:span':
            textStyles.push(styles.texts.get(attrs['text:style-name'] ?? ''));
            return;
          case 'text:a': {
            textStyles.push(styles.texts.get(attrs['text:style-name'] ?? ''));
            const href = attrs['xlink:href'];
            links.push(href !== undefined && href !== '' && !href.startsWith('#') ? href : links[links.length - 1]);
            return;
          }
          case 'text:s':
            pushText(' '.repeat(Math.min(100, Number.parseInt(attrs['text:c'] ?? '1', 10) || 1)));
            return;
          case 'text:tab':
            pushText('\t');
            return;
          case 'text:line-break':
            pushText('\n');
            return;
          case 'text:list': {
            const style = attrs['text:style-name'] ?? lists[lists.length - 1]?.style ?? '';
            let counting: Counting;
            const continued = attrs['text:continue-list'] ? byId.get(attrs['text:continue-list']) : undefined;
            if (lists.length > 0) counting = lists[lists.length - 1]!.counting;
            else if (continued) counting = continued;
            else if (attrs['text:continue-numbering'] === 'true' && lastCounting && lastCounting.style === style) counting = lastCounting;
            else counting = { style, counters: [] };
            if (lists.length === 0) lastCounting = counting;
            if (attrs['xml:id']) byId.set(attrs['xml:id'], counting);
            lists.push({ style, counting });
            return;
          }
          case 'text:list-item':
          case 'text:list-header': {
            const start = Number.parseInt(attrs['text:start-value'] ?? '', 10);
            items.push({ paragraphs: 0, header: name === 'text:list-header', startValue: Number.isFinite(start) ? start : null });
            return;
          }
          case 'text:note': {
            const label = String(notes.length + 1);
            const para = paragraphs[paragraphs.length - 1];
            if (para) para.runs.push({ text: label, note: label });
            const note: Container = { blocks: [], itemLeft: null };
            notes.push({ label, blocks: note.blocks });
            noteStack.push(note);
            containers.push(note);
            // The note's paragraphs are not the paragraph's: set the open ones aside.
            saved.push({ paragraphs: paragraphs.splice(0), lists: lists.splice(0), items: items.splice(0) });
            return;
          }
          case 'table:table':
            tables.startTable();
            return;
          case 'table:table-row':
            tables.startRow();
            return;
          case 'table:table-cell':
          case 'table:covered-table-cell':
            containers.push({ blocks: [], itemLeft: null });
            return;
        }
      },
      close(name) {
        const closing = depth--;
        if (name === 'office:body') inBody = false;
        if (skipDepth > 0) {
          if (closing === skipDepth) skipDepth = 0;
          return;
        }
        if (!inBody) return;
        switch (name) {
          case 'text:p':
          case 'text:h': {
            textStyles.pop();
            const para = paragraphs.pop();
            if (para) closeParagraph(para);
            return;
          }
          case 'text:span':
            textStyles.pop();
            return;
          case 'text:a':
            textStyles.pop();
            links.pop();
            return;
          case 'text:list':
            lists.pop();
            return;
          case 'text:list-item':
          case 'text:list-header':
            items.pop();
            return;
          case 'text:note': {
            noteStack.pop();
            if (containers.length > 1) containers.pop();
            const outside = saved.pop();
            if (outside) {
              paragraphs.push(...outside.paragraphs);
              lists.splice(0, lists.length, ...outside.lists);
              items.splice(0, items.length, ...outside.items);
            }
            return;
          }
          case 'table:table-cell':
          case 'table:covered-table-cell': {
            const cell = containers.length > 1 ? containers.pop()! : null;
            if (cell) tables.endCell(cell.blocks);
            return;
          }
          case 'table:table-row':
            tables.endRow();
            return;
          case 'table:table': {
            const table = tables.endTable();
            if (table) {
              container().blocks.push(table);
              container().itemLeft = null;
            }
            return;
          }
        }
      },
      text(value) {
        if (!inBody || skipDepth > 0) return;
        // White space between tags is layout; inside a paragraph runs of spaces count once (text:s spells out more).
        pushText(value.replace(/[ \t\r\n]+/g, ' '));
      },
    },
    budget,
  );
  while (paragraphs.length > 0) closeParagraph(paragraphs.pop()!);
  return { blocks: body.blocks, notes };
}
