/**
 * The answer document `answers/<id>.md`: YAML front matter (`question`, `status`, optional `date`
 * and `portefeuillehouder`) and a markdown memo with one section per question. A section is a
 * heading whose text starts with `Vraag N` (any level); inside it, in order: the question as a
 * blockquote, the answer (everything else; a leading `Antwoord:` is a label), and optionally a
 * deeper `Bronnen` heading with one citation per list item. Sections under a `Vervallen vragen`
 * heading belong to questions that no longer exist.
 *
 * The reader is tolerant: the file is edited by hand and other templates write other shapes
 * (the question in the heading, "Antwoord" as a heading, no quote). It never throws; what is
 * wrong is returned as problems with the line of the offending key or heading.
 */
import type { Blockquote, Heading, List, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { InputError } from '../errors.js';
import { readFrontMatter, type FrontMatterMap } from './front-matter.js';
import { parseMarkdown } from '../io/markdown.js';
import type { AnswerDocument, AnswerSection, AnswerStatus, Citation, Problem } from '../model.js';
import { parseCitation } from './citation.js';
import { questionSimilarity } from '../answers/question-similarity.js';

/** The paragraph a draft writes where an answer still has to be written. */
export const ANSWER_PLACEHOLDER = '_Antwoord nog in te vullen._';

/** The statuses of an answer memo, in the order it moves through the college. */
export const ANSWER_STATUSES: readonly AnswerStatus[] = ['concept', 'ter-besluitvorming', 'vastgesteld'];

/** Answer files larger than this are not read: a memo is some tens of kB (the markdown reader's cap). */
export const MAX_ANSWER_FILE_BYTES = 2 * 1024 * 1024;

/** A question section heading: "Vraag 3", "Vraag 3:", "Vraag 3 (vervallen)", "Vraag 3a". */
const QUESTION_HEADING = /^\s*vraag\s+(\d{1,4})(?!\d)/i;
/** The heading of the section that keeps answers to questions that no longer exist. */
const VERVALLEN_HEADING = /^\s*vervallen\s+vragen\b/i;
const BRONNEN = /^\s*bronnen\s*:?\s*$/i;
const ANTWOORD_ALONE = /^\s*antwoord\s*:?\s*$/i;
const ANTWOORD_LABEL = /^\s*antwoord\s*:/i;
/** The label as written in markdown: `Antwoord:`, `**Antwoord:**`, `**Antwoord**:`, `_Antwoord:_`. */
const RAW_LABEL = /^(\*\*|__|\*|_)?[ \t]*antwoord[ \t]*(?::[ \t]*\1|\1[ \t]*:)[ \t]*(?:\r?\n[ \t]*)?/i;

/** How an answer stands: nothing, only the draft placeholder, or text a person wrote. */
export type AnswerState = 'empty' | 'placeholder' | 'written';

/** Whether an answer is empty, the untouched placeholder, or written. */
export function answerState(answer: string): AnswerState {
  const text = answer.trim();
  if (text === '') return 'empty';
  if (text === ANSWER_PLACEHOLDER || text.replace(/\\/g, '') === ANSWER_PLACEHOLDER) return 'placeholder';
  return 'written';
}

/** A part of the memo outside the question sections: a heading and its own text. */
export interface MemoPart {
  kind: 'part';
  /** Normalised heading text (`''` for the text before the first heading), for matching. */
  key: string;
  heading: string | null;
  depth: number;
  /** The heading line and text as written, up to the next heading. */
  raw: string;
  /** The text under the heading, without the heading line, trimmed. */
  content: string;
  line: number;
}

/** A question section as laid out in the file. */
export interface SectionBlock {
  kind: 'question';
  section: AnswerSection;
  /** Under `Vervallen vragen`. */
  orphan: boolean;
  depth: number;
  /** The Bronnen list as written (markdown), or null when the section has none. */
  bronnen: string | null;
  /** Whether the Bronnen part holds anything besides recognised citations (a person's note). */
  bronnenEdited: boolean;
  raw: string;
}

/** The `Vervallen vragen` heading and its own text. */
export interface VervallenBlock {
  kind: 'vervallen';
  depth: number;
  raw: string;
  line: number;
}

export type LayoutBlock = MemoPart | SectionBlock | VervallenBlock;

/** The answer file as blocks in file order, for tools that rewrite it without losing a word. */
export interface AnswerLayout {
  /** The front matter block as written (with its fences), or null when there is none. */
  frontMatter: string | null;
  data: FrontMatterMap;
  keyLines: Record<string, number>;
  blocks: LayoutBlock[];
}

export interface ReadAnswerResult {
  doc: AnswerDocument;
  problems: Problem[];
  layout: AnswerLayout;
}

/** Heading text as a key: lowercase, spaces collapsed, trailing colon dropped. */
export function headingKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\s*:$/, '').toLowerCase();
}

function schema(message: string, file: string | null, line: number | null): Problem {
  return { code: 'schema', severity: 'error', message, file, line };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/**
 * Read an answer document. Never throws: a broken front matter, a missing or wrong field is a
 * `schema` problem with the line of the key; the body is read whatever its shape.
 */
export function readAnswerDocument(text: string, file: string | null = null): ReadAnswerResult {
  const problems: Problem[] = [];
  const empty: AnswerDocument = { question: '', status: 'concept', date: null, portefeuillehouder: null, answers: [], orphans: [] };
  if (Buffer.byteLength(text, 'utf8') > MAX_ANSWER_FILE_BYTES) {
    problems.push(schema(`answer file is larger than ${MAX_ANSWER_FILE_BYTES / 1024 / 1024} MB; not read`, file, null));
    return { doc: empty, problems, layout: { frontMatter: null, data: Object.create(null) as FrontMatterMap, keyLines: {}, blocks: [] } };
  }

  let data = Object.create(null) as FrontMatterMap;
  let keyLines: Record<string, number> = {};
  let body = text.replace(/^\ufeff/, '');
  let bodyStartLine = 1;
  let frontMatter: string | null = null;
  try {
    const fm = readFrontMatter(text, file);
    data = fm.data;
    keyLines = fm.keyLines;
    body = fm.body;
    bodyStartLine = fm.bodyStartLine;
    if (bodyStartLine > 1) frontMatter = text.replace(/^\ufeff/, '').split('\n').slice(0, bodyStartLine - 1).join('\n');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(schema(error.message, file, error.line));
  }

  const doc = { ...empty };
  if (frontMatter === null && problems.length === 0) {
    problems.push(schema('the answer file has no front matter; it needs at least "question: <id>" and "status: concept"', file, 1));
  } else if (frontMatter !== null) {
    const question = data.question;
    if (typeof question === 'string' && question.trim() !== '') doc.question = question.trim();
    else problems.push(schema('front matter needs "question: <id of the question document>"', file, keyLines.question ?? 1));
    const status = data.status;
    if (typeof status === 'string' && (ANSWER_STATUSES as readonly string[]).includes(status.trim())) doc.status = status.trim() as AnswerStatus;
    else if (status === undefined || status === null) problems.push(schema(`front matter needs "status: ${ANSWER_STATUSES.join(' | ')}"`, file, 1));
    else problems.push(schema(`status must be one of ${ANSWER_STATUSES.join(', ')}, not "${String(status)}"`, file, keyLines.status ?? 1));
    const date = data.date;
    if (typeof date === 'string' && validIsoDate(date.trim())) doc.date = date.trim();
    else if (date !== undefined && date !== null) problems.push(schema(`date must be a date written YYYY-MM-DD, not "${String(date)}"`, file, keyLines.date ?? 1));
    const holder = data.portefeuillehouder;
    if (typeof holder === 'string') doc.portefeuillehouder = holder.trim() || null;
    else if (holder !== undefined && holder !== null) problems.push(schema('portefeuillehouder must be a name', file, keyLines.portefeuillehouder ?? 1));
  }

  let root: Root;
  try {
    root = parseMarkdown(body, { file });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(schema(error.message, file, error.line));
    root = { type: 'root', children: [] };
  }
  const blocks = readBlocks(body, root, bodyStartLine);
  for (const block of blocks) {
    if (block.kind !== 'question') continue;
    (block.orphan ? doc.orphans : doc.answers).push(block.section);
  }
  return { doc, problems, layout: { frontMatter, data, keyLines, blocks } };
}

function start(node: RootContent): number {
  return node.position?.start.offset ?? 0;
}

function end(node: RootContent): number {
  return node.position?.end.offset ?? 0;
}

/** Split the body into memo parts and question sections, in file order. */
function readBlocks(body: string, root: Root, bodyStartLine: number): LayoutBlock[] {
  const nodes = root.children;
  const lineOf = (node: RootContent): number => (node.position?.start.line ?? 1) + bodyStartLine - 1;
  const blocks: LayoutBlock[] = [];
  /** Offset where the block after index `i` starts: keeps the blank lines with the block before. */
  const startAt = (i: number): number => (i < nodes.length ? start(nodes[i]!) : body.length);
  let vervallenDepth: number | null = null;

  let i = 0;
  // Text before the first heading.
  while (i < nodes.length && nodes[i]!.type !== 'heading') i++;
  if (i > 0) {
    const raw = body.slice(0, startAt(i));
    blocks.push({ kind: 'part', key: '', heading: null, depth: 0, raw, content: raw.trim(), line: lineOf(nodes[0]!) });
  } else if (nodes.length === 0 && body.trim() !== '') {
    blocks.push({ kind: 'part', key: '', heading: null, depth: 0, raw: body, content: body.trim(), line: bodyStartLine });
  }

  while (i < nodes.length) {
    const heading = nodes[i] as Heading;
    const text = toString(heading);
    if (vervallenDepth !== null && heading.depth <= vervallenDepth) vervallenDepth = null;
    const question = QUESTION_HEADING.exec(text);
    if (question) {
      let j = i + 1;
      while (j < nodes.length && !(nodes[j]!.type === 'heading' && (nodes[j] as Heading).depth <= heading.depth)) j++;
      blocks.push(readSection(body, nodes, i, j, Number(question[1]), text, vervallenDepth !== null, lineOf, startAt(j)));
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < nodes.length && nodes[j]!.type !== 'heading') j++;
    const raw = body.slice(start(heading), startAt(j));
    if (VERVALLEN_HEADING.test(text)) {
      vervallenDepth = heading.depth;
      blocks.push({ kind: 'vervallen', depth: heading.depth, raw, line: lineOf(heading) });
    } else {
      const content = j > i + 1 ? body.slice(start(nodes[i + 1]!), end(nodes[j - 1]!)).trim() : '';
      blocks.push({ kind: 'part', key: headingKey(text), heading: text, depth: heading.depth, raw, content, line: lineOf(heading) });
    }
    i = j;
  }
  return blocks;
}

/** The question text in the heading itself: "Vraag 3: Deelt het college ...?". */
function questionInHeading(text: string): string {
  return text.replace(QUESTION_HEADING, '').replace(/^\s*(?:\([^)]*\))?\s*[:.\-–—]?\s*/, '').replace(/\s+/g, ' ').trim();
}

function readSection(
  body: string,
  nodes: RootContent[],
  from: number,
  to: number,
  number: number,
  headingText: string,
  orphan: boolean,
  lineOf: (node: RootContent) => number,
  rawEnd: number,
): SectionBlock {
  const heading = nodes[from] as Heading;
  let k = from + 1;
  // The question: the blockquote under the heading; or, in templates that put the question in
  // the heading ("Vraag 3: Deelt ...?"), the heading's text, and a blockquote below it is the
  // question again only when it says the same (else it is a quote in the answer).
  let question = questionInHeading(headingText);
  if (k < to && nodes[k]!.type === 'blockquote') {
    const quoted = (nodes[k] as Blockquote).children.map((child) => toString(child)).join(' ').replace(/\s+/g, ' ').trim();
    if (question === '' || questionSimilarity(question, quoted) >= 0.5) {
      question = quoted;
      k++;
    }
  }

  // The Bronnen part: a deeper heading "Bronnen", or a paragraph "Bronnen:" followed by a list.
  let bronnenFrom = -1;
  let bronnenTo = -1;
  for (let j = k; j < to; j++) {
    const node = nodes[j]!;
    if (node.type === 'heading' && BRONNEN.test(toString(node))) {
      bronnenFrom = j;
      bronnenTo = j + 1;
      while (bronnenTo < to && !(nodes[bronnenTo]!.type === 'heading' && (nodes[bronnenTo] as Heading).depth <= node.depth)) bronnenTo++;
      break;
    }
    if (node.type === 'paragraph' && BRONNEN.test(toString(node)) && nodes[j + 1]?.type === 'list' && j + 1 < to) {
      bronnenFrom = j;
      bronnenTo = j + 2;
      break;
    }
  }

  const answerNodes: RootContent[][] = [];
  const before = nodes.slice(k, bronnenFrom === -1 ? to : bronnenFrom);
  const after = bronnenFrom === -1 ? [] : nodes.slice(bronnenTo, to);
  if (before.length > 0) answerNodes.push(before);
  if (after.length > 0) answerNodes.push(after);

  // A leading label: "Antwoord" as a heading or paragraph of its own, or "Antwoord: ..." inline.
  let labelCut = 0;
  const first = answerNodes[0]?.[0];
  if (first && (first.type === 'heading' || first.type === 'paragraph') && ANTWOORD_ALONE.test(toString(first))) {
    answerNodes[0]!.shift();
    if (answerNodes[0]!.length === 0) answerNodes.shift();
  } else if (first && first.type === 'paragraph' && ANTWOORD_LABEL.test(toString(first))) {
    const label = RAW_LABEL.exec(body.slice(start(first), end(first)));
    if (label) labelCut = label[0].length;
  }

  const chunks = answerNodes.map((group, index) => {
    const from = start(group[0]!) + (index === 0 ? labelCut : 0);
    return body.slice(from, end(group[group.length - 1]!)).trim();
  });
  const answer = chunks.filter(Boolean).join('\n\n');
  const firstAnswerNode = answerNodes[0]?.[0];

  let bronnen: string | null = null;
  let bronnenEdited = false;
  const sources: Citation[] = [];
  if (bronnenFrom !== -1) {
    const inner = nodes.slice(bronnenFrom + 1, bronnenTo);
    bronnen = inner.length > 0 ? body.slice(start(inner[0]!), end(inner[inner.length - 1]!)).trim() : '';
    for (const node of inner) {
      if (node.type !== 'list') {
        bronnenEdited = true;
        continue;
      }
      for (const item of (node as List).children) {
        const citation = readCitationItem(item);
        if (citation) sources.push(citation);
        else bronnenEdited = true;
      }
    }
  }

  const last = nodes[to - 1]!;
  const section: AnswerSection = {
    number,
    question,
    answer,
    sources,
    line: lineOf(heading),
    answerLine: firstAnswerNode ? lineOf(firstAnswerNode) : null,
    endLine: lineOf(last) + (last.position ? last.position.end.line - last.position.start.line : 0),
  };
  return {
    kind: 'question',
    section,
    orphan,
    depth: heading.depth,
    bronnen,
    bronnenEdited,
    raw: body.slice(start(heading), rawEnd),
  };
}

function readCitationItem(item: List['children'][number]): Citation | null {
  const paragraph = item.children[0];
  if (!paragraph || paragraph.type !== 'paragraph' || item.children.length > 1) return null;
  const [head, ...rest] = paragraph.children;
  if (!head) return null;
  if (head.type !== 'link') return null;
  return parseCitation(toString(head), head.url, rest.map((node) => toString(node)).join(''));
}
