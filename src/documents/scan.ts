/**
 * A fast path for reading question and answer documents, for `answer check` and `answer status`
 * only. The readers of record are `readFrontMatter`, `readQuestionDocumentFile` and
 * `readAnswerDocument`; they parse every file with `yaml` and remark-parse, which on the
 * 2-core machine this was measured on runs at about 1 MB/s: 9 s for the 1,000 generated letters
 * of `bench/check.ts`, against a target of 2 s.
 *
 * Most files in a workspace are written by our own tools and hold only plain shapes: `key: value`
 * front matter, ATX headings, paragraphs, lists, block quotes. For exactly those, this module
 * scans lines and gives the same result the readers give (the parts the check uses). Whenever
 * a file holds anything it is not sure of (a YAML feature beyond the plain subset, a fenced code
 * block, HTML, a setext heading, a thematic break, tabs, CRLF, a lazy continuation, indented
 * block markers, an invalid front-matter value...) it returns null and the caller uses the
 * reader of record. Inline markdown (emphasis, escapes, entities, links) in the few strings that
 * are compared as text (question texts, quoted questions, headings, citations) is handed to
 * remark-parse, a line at a time. `scan.test.ts` holds it to the readers on generated
 * documents full of such traps.
 */
import type { Blockquote, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { ANSWER_STATUSES, MAX_ANSWER_FILE_BYTES } from './answer-document.js';
import { parseCitation } from './citation.js';
import { questionSimilarity } from '../answers/question-similarity.js';
import { normalizeArticle } from '../config/config.js';
import type { FrontMatter, FrontMatterMap, FrontMatterValue } from './front-matter.js';
import { MAX_MARKDOWN_BYTES, parseMarkdown } from '../io/markdown.js';
import type { AnswerDocument, AnswerSection, AnswerStatus, Citation, QuestionDocument, Uitstel } from '../model.js';
import { isIsoDate } from './deadline.js';

// ---------------------------------------------------------------------------------------------
// Front matter: the plain YAML subset our tools write.

const NULL_PLAIN = /^(?:~|null|Null|NULL)?$/;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
const CHILD_KEY = /^ {2}([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
const LIST_ITEM = /^(?: {2})?-(?: (.*))?$/;
/** A plain scalar that means the same in every YAML reading: no indicator first, no comment, no mapping. */
const SAFE_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^#:]|:(?! |$))*$/;

/** The value of a scalar as the failsafe reader gives it, or undefined when not sure. */
function scalar(raw: string): FrontMatterValue | undefined {
  if (raw === '') return null;
  if (/\s$/.test(raw)) return undefined;
  const double = /^"([^"\\]*)"$/.exec(raw);
  if (double) return double[1]!;
  const single = /^'([^']*)'$/.exec(raw);
  if (single) return single[1]!;
  if (!SAFE_PLAIN.test(raw)) return undefined;
  return NULL_PLAIN.test(raw) ? null : raw;
}

/** `readFrontMatter` for the plain subset; null when the reader of record must decide. */
export function fastFrontMatter(text: string): FrontMatter | null {
  return splitFrontMatter(text)?.frontMatter ?? null;
}

/** `fastFrontMatter` and the body's lines (so the body is not split a second time). */
function splitFrontMatter(text: string): { frontMatter: FrontMatter; body: string[] } | null {
  if (text.includes('\r') || text.includes('\t') || text.charCodeAt(0) === 0xfeff) return null;
  if (!text.startsWith('---\n')) return null;
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  if (close === -1) return null;
  const data = Object.create(null) as FrontMatterMap;
  const keyLines = Object.create(null) as Record<string, number>;
  let open: { key: string; kind: 'unknown' | 'list' | 'map' } | null = null;
  for (let i = 1; i < close; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.trim() === '' || line.startsWith('#') || line.startsWith('---') || line.startsWith('...')) return null;
    const top = KEY.exec(line);
    if (top) {
      const key = top[1]!;
      if (Object.hasOwn(data, key)) return null;
      keyLines[key] = lineNo;
      const raw = top[2] ?? '';
      if (raw === '[]') {
        data[key] = [];
        open = null;
        continue;
      }
      const value = scalar(raw);
      if (value === undefined) return null;
      data[key] = value;
      open = raw === '' ? { key, kind: 'unknown' } : null;
      continue;
    }
    if (!open) return null;
    const item = LIST_ITEM.exec(line);
    if (item && open.kind !== 'map') {
      // A list needs one indentation for all its items.
      const indented = line.startsWith('  ');
      if (open.kind === 'list' && indented !== (keyLines[`${open.key}.__indent`] === 1)) return null;
      if (open.kind === 'unknown') {
        data[open.key] = [];
        keyLines[`${open.key}.__indent`] = indented ? 1 : 0;
        open.kind = 'list';
      }
      // An empty item gets no key line from the reader of record: leave it to that reader.
      const value = item[1] === undefined || item[1] === '' ? undefined : scalar(item[1]);
      if (value === undefined) return null;
      const list = data[open.key] as FrontMatterValue[];
      keyLines[`${open.key}.${list.length}`] = lineNo;
      list.push(value);
      continue;
    }
    const child = CHILD_KEY.exec(line);
    if (child && open.kind !== 'list') {
      if (open.kind === 'unknown') {
        data[open.key] = Object.create(null) as FrontMatterMap;
        open.kind = 'map';
      }
      const map = data[open.key] as FrontMatterMap;
      const key = child[1]!;
      if (Object.hasOwn(map, key)) return null;
      const value = scalar(child[2] ?? '');
      if (value === undefined) return null;
      keyLines[`${open.key}.${key}`] = lineNo;
      map[key] = value;
      continue;
    }
    return null;
  }
  for (const key of Object.keys(keyLines)) if (key.endsWith('.__indent')) delete keyLines[key];
  const body = lines.slice(close + 1);
  // The body as one string only when asked for: the check works on its lines.
  const frontMatter: FrontMatter = {
    data,
    get body() {
      return body.join('\n');
    },
    bodyStartLine: close + 2,
    keyLines,
  };
  return { frontMatter, body };
}

// ---------------------------------------------------------------------------------------------
// Markdown blocks: the top level of a plain document, by lines.

interface Block {
  type: 'heading' | 'paragraph' | 'list' | 'quote';
  /** 0-based index of the first and last line in the body. */
  from: number;
  to: number;
  depth?: number;
  /** Heading content as written. */
  content?: string;
  /** For lists: the first line of each item. */
  items?: number[];
}

const HEADING = /^(#{1,6})(?:[ ]+(.*?))?[ ]*$/;
const BULLET = /^[-*+](?: +|$)/;
const ORDERED = /^(\d{1,9})[.)](?: +|$)/;
/** A line a scanner by lines cannot place without the full CommonMark rules. */
const UNSURE = [
  /^ {0,3}(?:```|~~~)/, // fenced code
  /^\s*</, // HTML blocks
  /^ {0,3}(?:=+|-+)[ ]*$/, // setext underline (or a thematic break of dashes)
  /^ {0,3}([-*_])(?:[ ]*\1){2,}[ ]*$/, // thematic break
  /^ {0,3}\[[^\]]*\]:/, // link reference definition: changes how links elsewhere read
  /^ {1,3}[#>*+\-=_`~<\d]/, // a block marker after a little indentation
  /^\s*(?:```|~~~)/, // a fence inside a list item
];

function isBlank(line: string): boolean {
  return !/\S/.test(line);
}

function listMarker(line: string): RegExpExecArray | null {
  return BULLET.exec(line) ?? ORDERED.exec(line);
}

/** What must stay the same for items to be one list: the bullet, or the ordered delimiter. */
function listKind(marker: RegExpExecArray): string {
  return marker[1] === undefined ? marker[0].charAt(0) : `1${marker[0].charAt(marker[1].length)}`;
}

/** Whether the line starts a block that ends a paragraph (CommonMark "can interrupt a paragraph"). */
function interrupts(line: string): boolean {
  if (HEADING.test(line) || line.startsWith('>')) return true;
  if (/^[-*+] +\S/.test(line)) return true;
  const ordered = /^(\d{1,9})[.)] +\S/.exec(line);
  return ordered !== null && ordered[1] === '1';
}

/** The top-level blocks of a body, or null when a line is not plainly one of them. */
function scanBlocks(lines: string[]): Block[] | null {
  for (const line of lines) {
    // Every unsure shape starts with white space or one of these characters (tabs and CR were
    // refused with the front matter).
    if (!/^[ `~<=\-*_[+\d]/.test(line)) continue;
    if (UNSURE.some((pattern) => pattern.test(line))) return null;
    const marker = listMarker(line);
    if (marker) {
      const content = line.slice(marker[0].length);
      // A marker alone, or item content that opens another block: not plain.
      if (content === '' || /^(?:[#>`~<]|[-*+] |\d{1,9}[.)] )/.test(content)) return null;
      // Five or more spaces after the marker make the content indented code.
      if (/ {5}$/.test(marker[0])) return null;
      if (marker[1] !== undefined && /^0\d/.test(marker[1])) return null;
    }
  }
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    // Four spaces at the start of a block make indented code.
    if (line.startsWith('    ')) return null;
    const heading = HEADING.exec(line);
    if (heading) {
      const content = heading[2] ?? '';
      // A closing sequence ("## Vraag 2 ##") is stripped by CommonMark; leave it to the reader.
      if (/(?:^|\s)#+$/.test(content)) return null;
      blocks.push({ type: 'heading', from: i, to: i, depth: heading[1]!.length, content });
      i++;
      continue;
    }
    if (line.startsWith('>')) {
      let j = i;
      while (j < lines.length && lines[j]!.startsWith('>')) j++;
      // A text line right after a quote continues it lazily: not plain.
      if (j < lines.length && !isBlank(lines[j]!) && !interrupts(lines[j]!)) return null;
      blocks.push({ type: 'quote', from: i, to: j - 1 });
      i = j;
      continue;
    }
    const first = listMarker(line);
    if (first) {
      const items = [i];
      const kind = listKind(first);
      // Where the item's content starts: after a blank line, only lines indented this far stay in it.
      let contentIndent = first[0].length;
      let last = i;
      let j = i + 1;
      while (j < lines.length) {
        const next = lines[j]!;
        if (isBlank(next)) {
          let k = j + 1;
          while (k < lines.length && isBlank(lines[k]!)) k++;
          const after = k < lines.length ? listMarker(lines[k]!) : null;
          if (k < lines.length && (/^ */.exec(lines[k]!)![0].length >= contentIndent || (after && listKind(after) === kind))) {
            j = k;
            continue;
          }
          if (k < lines.length && lines[k]!.startsWith(' ')) return null;
          break;
        }
        const marker = listMarker(next);
        if (marker && listKind(marker) !== kind) break;
        if (marker) {
          items.push(j);
          contentIndent = marker[0].length;
        } else if (HEADING.test(next) || next.startsWith('>')) {
          break;
        }
        last = j;
        j++;
      }
      blocks.push({ type: 'list', from: i, to: last, items });
      i = last + 1;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && !isBlank(lines[j]!) && !interrupts(lines[j]!)) j++;
    blocks.push({ type: 'paragraph', from: i, to: j - 1 });
    i = j;
  }
  return blocks;
}

/** Characters that make inline markdown differ from its plain text. */
const INLINE_SPECIAL = /[\\*_[\]<&`]|[ ]$/m;

/** `toString` of a paragraph written on these lines. */
function paragraphText(lines: string[]): string {
  const raw = lines.join('\n');
  if (!INLINE_SPECIAL.test(raw)) return lines.map((l) => l.replace(/^ +/, '')).join('\n');
  return toString(parseMarkdown(raw));
}

/** `toString` of a heading with this content. */
function headingText(content: string): string {
  if (!INLINE_SPECIAL.test(content)) return content;
  const root = parseMarkdown(`# ${content}`);
  return toString(root.children[0] as RootContent);
}

/** The blockquote's children as text, joined with spaces, as `readAnswerDocument` reads a quoted question. */
function quoteText(lines: string[]): string {
  const inner = lines.map((l) => l.replace(/^> ?/, ''));
  const plain = !INLINE_SPECIAL.test(inner.join('\n')) && inner.every((l) => !/^(?:\s|>|#|[-*+] |\d{1,9}[.)] |$)/.test(l) || isBlank(l));
  if (plain) {
    const paragraphs: string[][] = [[]];
    for (const l of inner) {
      if (isBlank(l)) paragraphs.push([]);
      else paragraphs[paragraphs.length - 1]!.push(l);
    }
    return paragraphs
      .filter((p) => p.length > 0)
      .map((p) => p.join('\n'))
      .join(' ');
  }
  const root = parseMarkdown(lines.join('\n'));
  const quote = root.children[0] as Blockquote | undefined;
  if (!quote || quote.type !== 'blockquote' || root.children.length !== 1) return (root.children as RootContent[]).map((c) => toString(c)).join(' ');
  return quote.children.map((child) => toString(child)).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Question documents.

/** What the check needs of a question document, read the fast way. */
export interface FastQuestionDocument {
  frontMatter: FrontMatter;
  document: QuestionDocument;
}

const Q_HEADING = /^Vraag\s+(\d+)\b\s*(.*)$/i;
const Q_FOOTNOTES = /^Voetnoten$/i;
const Q_ANSWER = /^Antwoord$/i;
const QUESTION_KEYS = ['id', 'title', 'subject', 'article', 'municipality', 'party', 'parties', 'members', 'date', 'addressee', 'source', 'received', 'kind', 'deadline', 'uitstel'];

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A question document's front matter fields and questions (number, text, line), as
 * `readQuestionDocumentFile` gives them; `preamble`, `parts`, `footnotes` and `warnings` are left
 * empty: the check does not use them. Null when the reader of record must read the file.
 */
export function fastQuestionDocument(text: string): FastQuestionDocument | null {
  // The reader refuses large bodies (`MAX_MARKDOWN_BYTES`); it says so itself.
  if (text.length * 3 > MAX_MARKDOWN_BYTES && Buffer.byteLength(text) > MAX_MARKDOWN_BYTES) return null;
  const split = splitFrontMatter(text);
  if (!split) return null;
  const { frontMatter: fm, body: lines } = split;
  const fields = questionFields(fm.data);
  if (!fields) return null;
  const blocks = scanBlocks(lines);
  if (!blocks) return null;

  type Section = { kind: 'preamble' } | { kind: 'footnotes'; depth: number } | { kind: 'question'; depth: number; number: number; line: number; text: string[]; answer: boolean };
  const questions: QuestionDocument['questions'] = [];
  const seen = new Set<number>();
  let section: Section = { kind: 'preamble' };
  const finish = () => {
    if (section.kind === 'question') questions.push({ number: section.number, label: null, text: collapse(section.text.join(' ')), parts: [], line: section.line });
  };
  for (const block of blocks) {
    const line = block.from + fm.bodyStartLine;
    if (block.type === 'heading') {
      const raw = headingText(block.content!);
      const title = collapse(raw);
      const match = Q_HEADING.exec(title);
      if (match) {
        finish();
        const number = Number(match[1]);
        if (seen.has(number)) return null;
        seen.add(number);
        section = { kind: 'question', depth: block.depth!, number, line, text: [], answer: false };
        continue;
      }
      if (Q_FOOTNOTES.test(title)) {
        finish();
        section = { kind: 'footnotes', depth: block.depth! };
        continue;
      }
      if (section.kind === 'question' && block.depth! > section.depth && Q_ANSWER.test(title)) {
        section.answer = true;
        continue;
      }
      if (section.kind !== 'preamble' && block.depth! <= section.depth) {
        finish();
        section = { kind: 'preamble' };
      }
      if (section.kind === 'question' && !section.answer) section.text.push(raw);
      continue;
    }
    if (section.kind !== 'question' || section.answer || block.type === 'list') continue;
    if (block.type === 'quote') return null;
    section.text.push(paragraphText(lines.slice(block.from, block.to + 1)));
  }
  finish();
  // Labels and parts are not read here; the check compares texts and counts questions only.
  return { frontMatter: fm, document: { ...fields, preamble: '', questions, footnotes: [], warnings: [] } };
}

type QuestionFields = Omit<QuestionDocument, 'preamble' | 'questions' | 'footnotes' | 'warnings'>;

/** `readFields` of the question-document reader for valid front matter; null when a value is not plainly valid. */
function questionFields(data: FrontMatterMap): QuestionFields | null {
  for (const key of Object.keys(data)) if (!QUESTION_KEYS.includes(key)) return null;
  const string = (value: FrontMatterValue | undefined): string | null | undefined => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  };
  const date = (value: FrontMatterValue | undefined): string | null | undefined => {
    const text = string(value);
    return text === undefined || (text !== null && !isIsoDate(text)) ? undefined : text;
  };
  const list = (value: FrontMatterValue | undefined): string[] | undefined => {
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
    if (!Array.isArray(value)) return undefined;
    const out: string[] = [];
    for (const entry of value) {
      const text = string(entry);
      if (text === undefined) return undefined;
      if (text !== null) out.push(text);
    }
    return out;
  };
  const values = {
    id: string(data.id),
    title: string(data.title),
    subject: string(data.subject),
    article: string(data.article),
    municipality: string(data.municipality),
    party: string(data.party),
    parties: list(data.parties),
    members: list(data.members),
    date: date(data.date),
    addressee: string(data.addressee),
  };
  if (Object.values(values).some((v) => v === undefined)) return null;
  const fields = values as QuestionFields;
  fields.article = fields.article === null ? null : (normalizeArticle(fields.article) ?? fields.article);
  if (Object.hasOwn(data, 'source')) {
    const v = string(data.source);
    if (v === undefined) return null;
    fields.source = v;
  }
  if (Object.hasOwn(data, 'received')) {
    const v = date(data.received);
    if (v === undefined) return null;
    fields.received = v;
  }
  if (Object.hasOwn(data, 'kind')) {
    const v = string(data.kind);
    if (v === undefined) return null;
    fields.kind = v;
  }
  if (Object.hasOwn(data, 'deadline')) {
    const v = date(data.deadline);
    if (v === undefined) return null;
    fields.deadline = v;
  }
  if (Object.hasOwn(data, 'uitstel')) {
    const u = data.uitstel;
    if (u === null || u === undefined) {
      fields.uitstel = null;
    } else {
      if (typeof u !== 'object' || Array.isArray(u)) return null;
      const map = u as FrontMatterMap;
      if (Object.keys(map).some((k) => !['date', 'reason', 'until'].includes(k))) return null;
      const until = date(map.until);
      const when = date(map.date);
      const reason = string(map.reason);
      if (!until || when === undefined || reason === undefined) return null;
      fields.uitstel = { date: when, reason, until } satisfies Uitstel;
    }
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Answer documents.

const A_HEADING = /^\s*vraag\s+(\d{1,4})(?!\d)/i;
const A_VERVALLEN = /^\s*vervallen\s+vragen\b/i;
const A_BRONNEN = /^\s*bronnen\s*:?\s*$/i;
const A_ANTWOORD_ALONE = /^\s*antwoord\s*:?\s*$/i;
const A_ANTWOORD_LABEL = /^\s*antwoord\s*:/i;
const A_RAW_LABEL = /^(\*\*|__|\*|_)?[ \t]*antwoord[ \t]*(?::[ \t]*\1|\1[ \t]*:)[ \t]*(?:\r?\n[ \t]*)?/i;
/** `[label](destination) rest`: a link with a plain destination first, the label possibly escaped. */
const CITATION = /^\[((?:[^\\[\]]|\\.)*)\]\(([^\s()<>\\&]*)\)(.*)$/;
/** A backslash escape of ASCII punctuation (CommonMark): the character itself. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** Without trailing spaces (a loop: `/ +$/` retries at every space of a long line). */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The plain text of inline markdown whose only markup is backslash escapes; null when it has more. */
function unescaped(raw: string): string | null {
  if (/[\\[\]`<*_&]/.test(raw.replace(ESCAPE, ''))) return null;
  return raw.replace(ESCAPE, '$1');
}

export interface FastAnswerDocument {
  frontMatter: FrontMatter;
  document: AnswerDocument;
}

/**
 * An answer document as `readAnswerDocument` gives it (sections without `endLine`), for files
 * whose front matter is plain and valid (a file with a front-matter problem goes to the reader,
 * which reports it). Null when the reader of record must read the file.
 */
export function fastAnswerDocument(text: string): FastAnswerDocument | null {
  if (text.length * 3 > MAX_ANSWER_FILE_BYTES && Buffer.byteLength(text) > MAX_ANSWER_FILE_BYTES) return null;
  const split = splitFrontMatter(text);
  if (!split) return null;
  const { frontMatter: fm, body: lines } = split;
  const { data } = fm;
  const question = data.question;
  const status = data.status;
  const date = data.date;
  const holder = data.portefeuillehouder;
  if (typeof question !== 'string' || question.trim() === '') return null;
  if (typeof status !== 'string' || !(ANSWER_STATUSES as readonly string[]).includes(status.trim())) return null;
  if (date !== undefined && date !== null && !(typeof date === 'string' && isIsoDate(date.trim()))) return null;
  if (holder !== undefined && holder !== null && typeof holder !== 'string') return null;
  const blocks = scanBlocks(lines);
  if (!blocks) return null;

  const doc: AnswerDocument = {
    question: question.trim(),
    status: status.trim() as AnswerStatus,
    date: typeof date === 'string' ? date.trim() : null,
    portefeuillehouder: typeof holder === 'string' ? holder.trim() || null : null,
    answers: [],
    orphans: [],
  };
  const lineOf = (index: number) => index + fm.bodyStartLine;
  let vervallenDepth: number | null = null;
  let i = blocks.findIndex((b) => b.type === 'heading');
  if (i === -1) i = blocks.length;
  while (i < blocks.length) {
    const heading = blocks[i]!;
    const headingRaw = headingText(heading.content!);
    if (vervallenDepth !== null && heading.depth! <= vervallenDepth) vervallenDepth = null;
    const match = A_HEADING.exec(headingRaw);
    if (match) {
      let j = i + 1;
      while (j < blocks.length && !(blocks[j]!.type === 'heading' && blocks[j]!.depth! <= heading.depth!)) j++;
      const section = readSection(lines, blocks.slice(i + 1, j), Number(match[1]), headingRaw, lineOf(heading.from), lineOf);
      if (!section) return null;
      (vervallenDepth !== null ? doc.orphans : doc.answers).push(section);
      i = j;
      continue;
    }
    if (A_VERVALLEN.test(headingRaw)) vervallenDepth = heading.depth!;
    i++;
    while (i < blocks.length && blocks[i]!.type !== 'heading') i++;
  }
  return { frontMatter: fm, document: doc };
}

function questionInHeading(text: string): string {
  return text.replace(A_HEADING, '').replace(/^\s*(?:\([^)]*\))?\s*[:.\-–—]?\s*/, '').replace(/\s+/g, ' ').trim();
}

function readSection(lines: string[], nodes: Block[], number: number, headingRaw: string, line: number, lineOf: (i: number) => number): AnswerSection | null {
  let k = 0;
  // As the reader: the quote is the question unless the heading holds a different one.
  let question = questionInHeading(headingRaw);
  if (nodes[0]?.type === 'quote') {
    const quoted = collapse(quoteText(lines.slice(nodes[0].from, nodes[0].to + 1)));
    if (question === '' || questionSimilarity(question, quoted) >= 0.5) {
      question = quoted;
      k = 1;
    }
  }
  const textOf = (block: Block): string => (block.type === 'heading' ? headingText(block.content!) : block.type === 'paragraph' ? paragraphText(lines.slice(block.from, block.to + 1)) : '');

  let bronnenFrom = -1;
  let bronnenTo = -1;
  for (let j = k; j < nodes.length; j++) {
    const node = nodes[j]!;
    if (node.type === 'heading' && A_BRONNEN.test(textOf(node))) {
      bronnenFrom = j;
      bronnenTo = j + 1;
      while (bronnenTo < nodes.length && !(nodes[bronnenTo]!.type === 'heading' && nodes[bronnenTo]!.depth! <= node.depth!)) bronnenTo++;
      break;
    }
    // The plain text is computed only for a paragraph that can be the label "Bronnen:".
    if (node.type === 'paragraph' && nodes[j + 1]?.type === 'list' && mightRead(rawOf(lines, node.from, node.to), 'bronnen') && A_BRONNEN.test(textOf(node))) {
      bronnenFrom = j;
      bronnenTo = j + 2;
      break;
    }
  }
  const groups: Block[][] = [];
  const before = nodes.slice(k, bronnenFrom === -1 ? nodes.length : bronnenFrom);
  const after = bronnenFrom === -1 ? [] : nodes.slice(bronnenTo);
  if (before.length > 0) groups.push(before);
  if (after.length > 0) groups.push(after);

  let labelCut = 0;
  const first = groups[0]?.[0];
  const label = first?.type === 'paragraph' ? answerLabel(rawOf(lines, first.from, first.to)) : null;
  if (first && (label ? label.alone : first.type === 'heading' && A_ANTWOORD_ALONE.test(textOf(first)))) {
    groups[0]!.shift();
    if (groups[0]!.length === 0) groups.shift();
  } else if (label) {
    labelCut = label.cut;
  }
  const chunks = groups.map((group, index) => rawOf(lines, group[0]!.from, group[group.length - 1]!.to).slice(index === 0 ? labelCut : 0).trim());
  const answer = chunks.filter(Boolean).join('\n\n');
  const firstAnswer = groups[0]?.[0];

  const sources: Citation[] = [];
  if (bronnenFrom !== -1) {
    for (const node of nodes.slice(bronnenFrom + 1, bronnenTo)) {
      if (node.type !== 'list') continue;
      const items = node.items!;
      for (let n = 0; n < items.length; n++) {
        const start = items[n]!;
        const end = n + 1 < items.length ? items[n + 1]! - 1 : node.to;
        // Only one-line items are read here; anything longer goes to the reader of record.
        if (lines.slice(start + 1, end + 1).some((l) => !isBlank(l))) return null;
        const citation = readCitationLine(lines[start]!.replace(listMarker(lines[start]!)![0], ''));
        if (citation === undefined) return null;
        if (citation) sources.push(citation);
      }
    }
  }
  return { number, question, answer, sources, line, answerLine: firstAnswer ? lineOf(firstAnswer.from) : null };
}

/**
 * The reader's `Antwoord:` label rules for a first paragraph: `alone` when the paragraph is only
 * the label, else `cut`, the length of the label to drop (0 for none). The reader decides on the
 * paragraph's plain text; that text is computed here only when the markdown leaves a doubt. The
 * common `**Antwoord:** text` needs none: the two `**` are a pair (the opener is followed by a
 * letter, the closer by white space), so the plain text starts with "Antwoord:".
 */
function answerLabel(raw: string): { alone: boolean; cut: number } {
  const decide = (text: string) => {
    if (A_ANTWOORD_ALONE.test(text)) return { alone: true, cut: 0 };
    if (!A_ANTWOORD_LABEL.test(text)) return { alone: false, cut: 0 };
    return { alone: false, cut: A_RAW_LABEL.exec(raw)?.[0].length ?? 0 };
  };
  if (!INLINE_SPECIAL.test(raw)) return decide(raw.split('\n').map((l) => l.replace(/^ +/, '')).join('\n'));
  const stripped = raw.replace(/^[*_]+/, '');
  // Plain text starting with anything but "antwoord" cannot match either pattern.
  if (!/^antwoord/i.test(stripped) && !/^[\\&<`[!]/.test(stripped)) return { alone: false, cut: 0 };
  // "Antwoord" then a word ("_Antwoord nog in te vullen._"): no colon can follow in the plain text.
  if (/^antwoord[ ]*[\p{L}\p{N}]/iu.test(stripped)) return { alone: false, cut: 0 };
  const m = A_RAW_LABEL.exec(raw);
  if (m) {
    const marker = m[1] ?? '';
    const rest = raw.slice(m[0].length);
    const opensOnLetter = marker === '' || /^[a-z]/i.test(raw.slice(marker.length));
    const closesBeforeSpace = m[0].length === raw.length || /^\s/.test(raw.charAt(m[0].length)) || /\s$/.test(m[0]);
    // The label alone, its marks a pair: the plain text is "Antwoord:" (the draft writes this).
    if (opensOnLetter && m[0].length === raw.length) return { alone: true, cut: 0 };
    // With only emphasis marks around it, every letter of the rest survives into the plain text.
    if (opensOnLetter && closesBeforeSpace && /[\p{L}\p{N}]/u.test(rest) && !/[\\[<&`]/.test(rest)) return { alone: false, cut: m[0].length };
  }
  return decide(toString(parseMarkdown(raw)));
}

/** Whether markdown can have `word` in its plain text: it holds the word, or an escape or entity that may spell it. */
function mightRead(raw: string, word: string): boolean {
  return raw.toLowerCase().includes(word) || /[\\&]/.test(raw);
}

/** The text of lines `from..to`, from the block's first character (after indentation). */
function rawOf(lines: string[], from: number, to: number): string {
  return lines.slice(from, to + 1).join('\n').replace(/^ +/, '');
}

/** A one-line Bronnen item as `readAnswerDocument` reads it: a citation, null for free text, undefined when unsure. */
function readCitationLine(content: string): Citation | null | undefined {
  const link = CITATION.exec(trimSpaces(content));
  if (link) {
    const label = unescaped(link[1]!);
    const rest = unescaped(link[3]!);
    if (label !== null && rest !== null) return parseCitation(label, link[2]!, rest);
  }
  if (/^\s/.test(content)) return undefined;
  const root: Root = parseMarkdown(content);
  const paragraph = root.children[0];
  if (root.children.length !== 1 || !paragraph || paragraph.type !== 'paragraph') return null;
  const [head, ...rest] = (paragraph as Paragraph).children as PhrasingContent[];
  if (!head || head.type !== 'link') return null;
  return parseCitation(toString(head), head.url, rest.map((node) => toString(node)).join(''));
}
