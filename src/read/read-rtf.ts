/**
 * RTF: a tokenizer and a small interpreter of the parts of RTF that carry a letter's or a policy
 * document's text, into the structure of document.ts, under the reader's work budget.
 *
 * Why not a library: of the RTF readers on npm, rtf-parser (1.3.3) throws on 17 of the 43 office
 * fixtures (`\u61623`, the Symbol bullet above 32767, fails its Int16 write; others a TypeError),
 * and rtf-stream-parser (3.8.1, kept up) tokenizes well but its text output (an unexported
 * ToPlainText) drops list labels and footnotes and prints the page footer into the text; the
 * structure (list levels, headings, notes, tables) would have to be interpreted here all the same,
 * through its internal handler API. The tokenizer is the small part.
 *
 * What is read: paragraphs (`\par`, `\pard`), runs (`\b`, `\i`, `\super`), `\uN` with its `\ucN`
 * fallback skipped, `\'hh` in the font's code page (windows-1252, Symbol fonts as private-use
 * glyphs), lists (the label as the document prints it, from `{\listtext …}` or `{\pntext …}`, else
 * from the `\listtable`; the level from `\ilvl`), headings (a style named "heading N"/"Kop N"/
 * "Title", or `\outlinelevelN`), tables (`\cell`, `\row`), footnotes (`{\*\footnote …}`), and a
 * further paragraph of a list item (indented to the item's text), and links: the text of a
 * HYPERLINK field's result gets the address its instruction names (`Run.href`). Destinations that
 * hold no body text (font and colour tables, headers and footers, pictures, field instructions,
 * document info) are skipped.
 */
import type { ParseWarning } from '../model.js';
import { bulletLook, replaceSymbolBullets } from './bullets.js';
import { formatNumber } from './counters.js';
import { documentToText, type Block, type Note, type ParagraphBlock, type Run, type StructuredDocument, type TableBlock } from './document.js';
import { takeHeadingMarks, type HeadingMark } from './heading-marks.js';
import { hyperlinkFieldTarget, MAX_INSTRUCTION } from './hyperlink-field.js';
import { WorkBudget, type ReadLimits } from './limits.js';
import { normaliseText, windows1252 } from './read-text.js';

export interface RtfResult {
  text: string;
  warnings: ParseWarning[];
  headings: HeadingMark[];
  document: StructuredDocument;
}

export function readRtf(data: Uint8Array, context: { file: string; limits: ReadLimits }): RtfResult {
  const budget = new WorkBudget(context.limits, context.file, 'RTF');
  const { document, open } = interpret(data, budget);
  const text = documentToText(document);
  // RTF has no end marker but its outer group's "}", and its text is read as it comes, so a file
  // cut off in transfer reads without error: a letter cut at 80 % kept one of its four questions.
  // Unbalanced braces are read all the same (a lenient reader), but said.
  const warnings: ParseWarning[] =
    open > 0 ? [{ line: null, message: `the RTF ends before ${open === 1 ? 'its outer group is' : `${open} of its groups are`} closed: the file may be cut off and text lost; save it again` }] : [];
  return { ...takeHeadingMarks(normaliseText(text)), warnings, document };
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'word'; word: string; param: number | null }
  | { type: 'symbol'; char: string }
  | { type: 'hex'; byte: number }
  | { type: 'text'; text: string };

function* tokens(data: Uint8Array, budget: WorkBudget): Generator<Token> {
  const n = data.length;
  let i = 0;
  while (i < n) {
    budget.tick();
    const c = data[i]!;
    if (c === 0x7b) {
      i++;
      yield { type: 'open' };
    } else if (c === 0x7d) {
      i++;
      yield { type: 'close' };
    } else if (c === 0x5c) {
      const next = data[i + 1];
      if (next === undefined) return;
      if ((next >= 0x61 && next <= 0x7a) || (next >= 0x41 && next <= 0x5a)) {
        let j = i + 1;
        while (j < n && ((data[j]! >= 0x61 && data[j]! <= 0x7a) || (data[j]! >= 0x41 && data[j]! <= 0x5a)) && j - i < 33) j++;
        const word = String.fromCharCode(...data.subarray(i + 1, j));
        let k = j;
        if (data[k] === 0x2d) k++;
        while (k < n && data[k]! >= 0x30 && data[k]! <= 0x39 && k - j < 11) k++;
        const digits = String.fromCharCode(...data.subarray(j, k));
        const param = /\d/.test(digits) ? Number.parseInt(digits, 10) : null;
        i = data[k] === 0x20 ? k + 1 : k;
        if (word === 'bin' && param !== null && param > 0) {
          // Binary data: skipped by its length.
          i = Math.min(n, i + param);
          continue;
        }
        yield { type: 'word', word, param };
      } else if (next === 0x27) {
        const hex = String.fromCharCode(data[i + 2] ?? 0, data[i + 3] ?? 0);
        i += 4;
        const byte = Number.parseInt(hex, 16);
        if (Number.isFinite(byte)) yield { type: 'hex', byte };
      } else {
        i += 2;
        // A backslash before a line break is a paragraph break (\par), as RTF readers take it.
        if (next === 0x0a || next === 0x0d) yield { type: 'word', word: 'par', param: null };
        else yield { type: 'symbol', char: String.fromCharCode(next) };
      }
    } else if (c === 0x0a || c === 0x0d) {
      i++;
    } else {
      let j = i;
      while (j < n && data[j] !== 0x7b && data[j] !== 0x7d && data[j] !== 0x5c && data[j] !== 0x0a && data[j] !== 0x0d) j++;
      yield { type: 'text', text: windows1252(data.subarray(i, j)) };
      i = j;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Interpretation

/** Destinations whose text is not the document's. */
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl',
  'footerr', 'footerf', 'fldinst', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'xmlnstbl', 'rsidtbl',
  'generator', 'pgdsctbl', 'listtable', 'listoverridetable', 'revtbl', 'bkmkstart', 'bkmkend', 'annotation', 'atnid', 'atnauthor',
  'atrfstart', 'atrfend', 'ftnsep', 'ftnsepc', 'aftnsep', 'aftnsepc', 'nonshppict', 'shpinst', 'template', 'userprops', 'xe', 'tc',
  'filetbl', 'mmathPr', 'wgrffmtfilter', 'pnseclvl', 'listpicture', 'protusertbl', 'docvar', 'pn', 'formfield', 'datafield',
]);

/** Ignorable destinations (`{\*\word …}`) this reader reads; any other one is skipped. */
const HANDLED_IGNORABLE = new Set(['footnote', 'listtable', 'listoverridetable', 'cs', 'ds', 'ts', 'listtext', 'pntext', 'fldinst']);

interface GroupState {
  skip: boolean;
  uc: number;
  font: number;
  bold: boolean;
  italic: boolean;
  superscript: boolean;
  /** Inside {\listtext} or {\pntext}: the label as printed. */
  label: boolean;
  /** Inside {\*\footnote}. */
  note: boolean;
  /** The group's destination word, when it is one the interpreter collects (stylesheet entries, list table). */
  dest: string | null;
  /** The field (`{\field …}`) the group is in: its instruction is read to find a link's address. */
  field: { instruction: string } | null;
  /** Inside the field's instruction (`{\*\fldinst …}`): its text is the instruction's. */
  instruction: boolean;
  /** Inside a HYPERLINK field's result (`{\fldrslt …}`): the address of its text. */
  href: string | undefined;
}

interface ListLevelDef {
  nfc: number;
  start: number;
  /** The level text: the template with level placeholders as \u0000+level. */
  template: string;
}

interface ParagraphState {
  style: number;
  ls: number | null;
  ilvl: number;
  left: number;
  outline: number | null;
  inTable: boolean;
}

interface Context {
  blocks: Block[];
  runs: Run[];
  label: string;
  para: ParagraphState;
  /** Left indent (twips) of the last list item's text, while a further paragraph may continue it. */
  itemLeft: number | null;
}

const freshParagraph = (): ParagraphState => ({ style: 0, ls: null, ilvl: 0, left: 0, outline: null, inTable: false });

function interpret(data: Uint8Array, budget: WorkBudget): { document: StructuredDocument; open: number } {
  const fonts = new Map<number, { symbol: boolean }>();
  const styleNames = new Map<number, string>();
  const lists = new Map<number, ListLevelDef[]>();
  const overrides = new Map<number, number>();
  const notes: Note[] = [];
  let state: GroupState = { skip: false, uc: 1, font: -1, bold: false, italic: false, superscript: false, label: false, note: false, dest: null, field: null, instruction: false, href: undefined };
  const states: GroupState[] = [];
  let skipChars = 0;
  let pendingBytes: number[] = [];
  /** Collectors for the header parts that are read, not skipped. */
  let fontEntry: { index: number; symbol: boolean } | null = null;
  let styleEntry: { index: number; name: string } | null = null;
  let listDef: { id: number | null; levels: ListLevelDef[] } | null = null;
  let level: ListLevelDef | null = null;
  let levelText: number[] | null = null;
  let override: { list: number | null; ls: number | null } | null = null;
  let lastNote: string | null = null;
  /** A `\*` came right before: an unknown destination after it is skipped. */
  let ignorable = false;

  const body: Context = { blocks: [], runs: [], label: '', para: freshParagraph(), itemLeft: null };
  const contexts: Context[] = [body];
  const counters = new Map<number, number[]>();
  let table: { block: TableBlock; row: Block[][]; cell: Block[] } | null = null;
  const ctx = (): Context => contexts[contexts.length - 1]!;
  const addToInstruction = (text: string): void => {
    if (state.field && state.field.instruction.length < MAX_INSTRUCTION) state.field.instruction += text.slice(0, MAX_INSTRUCTION - state.field.instruction.length);
  };

  const flushBytes = (): void => {
    if (pendingBytes.length === 0) return;
    const bytes = Uint8Array.from(pendingBytes);
    pendingBytes = [];
    const symbol = fonts.get(state.font)?.symbol ?? false;
    emitText(symbol ? String.fromCharCode(...[...bytes].map((b) => 0xf000 + b)) : windows1252(bytes));
  };

  const emitText = (text: string): void => {
    if (text === '') return;
    if (levelText && level) {
      for (const ch of text) levelText.push(ch.charCodeAt(0));
      return;
    }
    if (styleEntry) {
      styleEntry.name += text;
      return;
    }
    if (fontEntry || state.skip) return;
    budget.text(text.length);
    const c = ctx();
    if (state.label) {
      c.label += text;
      return;
    }
    if (state.superscript && /^\s*\d{1,3}\s*$/.test(text)) {
      c.runs.push({ text: text.trim(), note: text.trim(), raised: true });
      return;
    }
    c.runs.push({
      text: replaceSymbolBullets(text),
      ...(state.bold ? { bold: true } : {}),
      ...(state.italic ? { italic: true } : {}),
      ...(state.href !== undefined ? { href: state.href } : {}),
    });
  };

  const listLabel = (p: ParagraphState): string => {
    const listId = p.ls === null ? undefined : (overrides.get(p.ls) ?? p.ls);
    const levels = listId === undefined ? undefined : lists.get(listId);
    const def = levels?.[p.ilvl];
    if (!def || p.ls === null) return '•';
    if (def.nfc === 23) return bulletLook(def.template.replace(/[\u0000-\u0008]/g, ''));
    if (def.nfc === 255) return '';
    const count = counters.get(p.ls) ?? [];
    counters.set(p.ls, count);
    count[p.ilvl] = (count[p.ilvl] ?? def.start - 1) + 1;
    count.length = p.ilvl + 1;
    const nfcName = (nfc: number): string => ['decimal', 'upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter'][nfc] ?? 'decimal';
    return def.template
      .replace(/[\u0000-\u0008]/g, (ch) => {
        const lv = ch.charCodeAt(0);
        return formatNumber(count[lv] ?? levels?.[lv]?.start ?? 1, nfcName(levels?.[lv]?.nfc ?? 0));
      })
      .trim();
  };

  const headingOf = (p: ParagraphState): number | undefined => {
    const name = (styleNames.get(p.style) ?? '').trim().toLowerCase();
    const heading = /^(?:heading|kop)\s*([1-6])$/.exec(name);
    if (heading) return Number(heading[1]);
    if (name === 'title' || name === 'titel') return 0;
    if (p.outline !== null && p.outline >= 0 && p.outline < 6) return p.outline + 1;
    return undefined;
  };

  const endParagraph = (cellEnd = false): void => {
    flushBytes();
    const c = ctx();
    const p = c.para;
    const runs = c.runs;
    const printed = c.label.replace(/\t/g, ' ').trim();
    c.runs = [];
    c.label = '';
    const hasText = runs.some((r) => r.note !== undefined || r.text.trim() !== '');
    const inTable = c === body && (p.inTable || cellEnd);
    if (!inTable && table && c === body) closeTable();
    const target = inTable ? ensureTable().cell : c.blocks;
    if (!hasText) return;
    const block: ParagraphBlock = { kind: 'paragraph', runs };
    const heading = headingOf(p);
    const listed = p.ls !== null || printed !== '';
    if (heading !== undefined) {
      block.heading = heading;
      if (listed && printed) block.number = printed;
      c.itemLeft = null;
    } else if (listed && !inTable) {
      block.list = { level: p.ilvl, label: printed !== '' ? printedLabel(printed) : listLabel(p), list: String(p.ls ?? 'pn') };
      c.itemLeft = p.left;
    } else if (!inTable && c.itemLeft !== null && p.left > 0 && p.left >= c.itemLeft - 20) {
      block.continues = true;
    } else if (!inTable) {
      c.itemLeft = null;
    }
    target.push(block);
  };

  /** A printed label: a one-character bullet (a Symbol glyph too) as its look-alike, anything else as it is. */
  const printedLabel = (printed: string): string => (printed.length === 1 && !/[\p{L}\p{N}]/u.test(printed) ? bulletLook(printed) : printed);

  const ensureTable = (): { block: TableBlock; row: Block[][]; cell: Block[] } => {
    table ??= { block: { kind: 'table', rows: [] }, row: [], cell: [] };
    return table;
  };
  const closeTable = (): void => {
    if (!table) return;
    if (table.cell.length > 0) table.row.push(table.cell);
    if (table.row.length > 0) table.block.rows.push(table.row);
    body.blocks.push(table.block);
    body.itemLeft = null;
    table = null;
  };

  for (const token of tokens(data, budget)) {
    if (token.type !== 'hex') flushBytes();
    switch (token.type) {
      case 'open':
        states.push(state);
        state = { ...state, dest: null };
        continue;
      case 'close': {
        const closing = state;
        if (closing.dest === 'fontentry' && fontEntry) {
          fonts.set(fontEntry.index, { symbol: fontEntry.symbol });
          fontEntry = null;
        } else if (closing.dest === 'styleentry' && styleEntry) {
          styleNames.set(styleEntry.index, styleEntry.name.replace(/;.*$/s, '').trim());
          styleEntry = null;
        } else if (closing.dest === 'leveltext' && level && levelText) {
          // The first byte is the length; level placeholders are bytes 0..8.
          const chars = levelText.slice(1, 1 + (levelText[0] ?? 0));
          level.template = String.fromCharCode(...chars);
          levelText = null;
        } else if (closing.dest === 'listlevel' && listDef && level) {
          listDef.levels.push(level);
          level = null;
        } else if (closing.dest === 'list' && listDef) {
          if (listDef.id !== null) lists.set(listDef.id, listDef.levels);
          listDef = null;
        } else if (closing.dest === 'listoverride' && override) {
          if (override.ls !== null && override.list !== null) overrides.set(override.ls, override.list);
          override = null;
        } else if (closing.dest === 'footnote') {
          endParagraph();
          const note = contexts.length > 1 ? contexts.pop()! : null;
          if (note) notes.push({ label: lastNote ?? String(notes.length + 1), blocks: note.blocks });
          lastNote = null;
        }
        state = states.pop() ?? state;
        continue;
      }
      case 'hex':
        if (skipChars > 0) {
          skipChars--;
          continue;
        }
        if (state.skip && !levelText) continue;
        pendingBytes.push(token.byte);
        continue;
      case 'text': {
        let text = token.text;
        if (skipChars > 0) {
          const cut = Math.min(skipChars, text.length);
          text = text.slice(cut);
          skipChars -= cut;
        }
        if (state.instruction) addToInstruction(text);
        if (state.skip && !levelText && !styleEntry && !fontEntry) continue;
        emitText(text);
        continue;
      }
      case 'symbol':
        skipChars = 0;
        if (token.char === '*') {
          ignorable = true;
          continue;
        }
        // "\\l" in an instruction is the field's switch \l.
        if (state.instruction && token.char === '\\') addToInstruction(token.char);
        if (state.skip) continue;
        if (token.char === '~') emitText('\u00a0');
        else if (token.char === '-') emitText('\u00ad');
        else if (token.char === '_') emitText('-');
        else if (token.char === '\\' || token.char === '{' || token.char === '}') emitText(token.char);
        else if (token.char === '\t') emitText('\t');
        continue;
      case 'word':
        break;
    }
    const { word, param } = token;
    if (word !== 'u') skipChars = 0;
    if (ignorable) {
      ignorable = false;
      if (!HANDLED_IGNORABLE.has(word)) {
        state.skip = true;
        continue;
      }
    }
    // Header parts that are collected.
    if (word === 'fonttbl' || word === 'stylesheet' || word === 'listtable' || word === 'listoverridetable') {
      state.skip = true;
      state.dest = word;
      continue;
    }
    const parent = states[states.length - 1];
    if (parent?.dest === 'fonttbl' && word === 'f' && param !== null && !fontEntry) {
      fontEntry = { index: param, symbol: false };
      state.dest = 'fontentry';
      continue;
    }
    if (fontEntry && word === 'fcharset') {
      fontEntry.symbol = param === 2;
      continue;
    }
    if (parent?.dest === 'stylesheet' && !styleEntry && (word === 's' || word === 'cs' || word === 'ds' || word === 'ts')) {
      styleEntry = { index: word === 's' ? (param ?? 0) : -1 - (param ?? 0), name: '' };
      state.dest = 'styleentry';
      continue;
    }
    if (parent?.dest === 'stylesheet' && !styleEntry && state.dest === null && word !== '*') {
      // "{\ql ... Normal;}" without \s: style 0.
      styleEntry = { index: 0, name: '' };
      state.dest = 'styleentry';
    }
    if (styleEntry && word === 'sbasedon') continue;
    if (word === 'list' && parent?.dest === 'listtable') {
      listDef = { id: null, levels: [] };
      state.dest = 'list';
      continue;
    }
    if (listDef && word === 'listid' && state.dest === 'list') {
      listDef.id = param;
      continue;
    }
    if (word === 'listlevel' && listDef) {
      level = { nfc: 0, start: 1, template: '' };
      state.dest = 'listlevel';
      continue;
    }
    if (level && (word === 'levelnfc' || word === 'levelnfcn')) {
      level.nfc = param ?? 0;
      continue;
    }
    if (level && word === 'levelstartat') {
      level.start = param ?? 1;
      continue;
    }
    if (level && word === 'leveltext') {
      levelText = [];
      state.dest = 'leveltext';
      continue;
    }
    if (word === 'listoverride' && parent?.dest === 'listoverridetable') {
      override = { list: null, ls: null };
      state.dest = 'listoverride';
      continue;
    }
    if (override && word === 'listid') {
      override.list = param;
      continue;
    }
    if (override && word === 'ls') {
      override.ls = param;
      continue;
    }
    if (word === 'u' && param !== null) {
      const code = param < 0 ? param + 0x10000 : param;
      if (levelText) levelText.push(code);
      else emitText(String.fromCharCode(code));
      skipChars = state.uc;
      continue;
    }
    if (word === 'uc') {
      state.uc = Math.max(0, Math.min(10, param ?? 1));
      continue;
    }
    if (state.skip) continue;
    if (word === 'fldinst') {
      // The instruction is read, not printed.
      state.skip = true;
      state.instruction = state.field !== null;
      continue;
    }
    if (SKIPPED.has(word)) {
      state.skip = true;
      continue;
    }
    const p = ctx().para;
    switch (word) {
      case 'field':
        state.field = { instruction: '' };
        continue;
      case 'fldrslt':
        // A field inside a link's result that is no link itself (PAGE) keeps the link around it.
        state.href = (state.field && hyperlinkFieldTarget(state.field.instruction)) ?? state.href;
        continue;
      case 'listtext':
      case 'pntext':
        state.label = true;
        continue;
      case 'footnote': {
        // The note's reference was written just before (\chftn); a note without one gets the next number.
        if (lastNote === null) {
          lastNote = String(notes.length + 1);
          ctx().runs.push({ text: lastNote, note: lastNote });
        }
        state.note = true;
        state.dest = 'footnote';
        contexts.push({ blocks: [], runs: [], label: '', para: freshParagraph(), itemLeft: null });
        continue;
      }
      case 'chftn':
        if (!state.note && contexts.length === 1) {
          lastNote = String(notes.length + 1);
          ctx().runs.push({ text: lastNote, note: lastNote });
        }
        continue;
      case 'par':
      case 'sect':
        endParagraph();
        continue;
      case 'pard':
        ctx().para = freshParagraph();
        continue;
      case 'plain':
        state.bold = false;
        state.italic = false;
        state.superscript = false;
        continue;
      case 's':
        p.style = param ?? 0;
        continue;
      case 'ls':
        p.ls = param;
        continue;
      case 'ilvl':
        p.ilvl = Math.max(0, Math.min(8, param ?? 0));
        continue;
      case 'li':
      case 'lin':
        p.left = param ?? 0;
        continue;
      case 'outlinelevel':
        p.outline = param;
        continue;
      case 'intbl':
        p.inTable = true;
        continue;
      case 'cell':
      case 'nestcell': {
        endParagraph(true);
        const t = ensureTable();
        t.row.push(t.cell);
        t.cell = [];
        continue;
      }
      case 'row':
      case 'nestrow': {
        const t = ensureTable();
        if (t.cell.length > 0) t.row.push(t.cell);
        if (t.row.length > 0) t.block.rows.push(t.row);
        t.row = [];
        t.cell = [];
        continue;
      }
      case 'f':
        state.font = param ?? -1;
        continue;
      case 'b':
        state.bold = param !== 0;
        continue;
      case 'i':
        state.italic = param !== 0;
        continue;
      case 'super':
        state.superscript = true;
        continue;
      case 'up':
        state.superscript = (param ?? 6) > 0;
        continue;
      case 'nosupersub':
      case 'sub':
        state.superscript = false;
        continue;
      case 'tab':
        emitText('\t');
        continue;
      case 'line':
        emitText('\n');
        continue;
      case 'emdash':
        emitText('—');
        continue;
      case 'endash':
        emitText('–');
        continue;
      case 'bullet':
        emitText('•');
        continue;
      case 'lquote':
        emitText('‘');
        continue;
      case 'rquote':
        emitText('’');
        continue;
      case 'ldblquote':
        emitText('“');
        continue;
      case 'rdblquote':
        emitText('”');
        continue;
      case 'emspace':
      case 'enspace':
      case 'qmspace':
        emitText(' ');
        continue;
    }
  }
  flushBytes();
  endParagraph();
  while (contexts.length > 1) contexts.pop();
  closeTable();
  return { document: { blocks: body.blocks, notes }, open: states.length };
}
