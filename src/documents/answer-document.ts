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
import { questionSimilarity } from '../answers/question-similarity.js';
import type { AnswerDocument, AnswerSection, AnswerStatus, Citation, Problem } from '../model.js';
import type { Block, BlockItem } from './blocks.js';
import { parseCitation, parseCitationLazily } from './citation.js';
import { parseFrontMatter, type FrontMatterMap } from './front-matter.js';
import { normalizeLineEndings } from './line-endings.js';
import { readBody } from './read-body.js';
import { collapseSpace } from '../text/text-utils.js';
import { applySchema, type DocumentSchema } from './schema.js';

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

/** The placeholder's words, however they are marked up: `_…_`, `*…*`, escaped, or plain. */
const PLACEHOLDER_WORDS = /(?:\\?[*_])*\s*antwoord\s+nog\s+in\s+te\s+vullen\s*\.?\s*(?:\\?[*_])*\.?/gi;

/** Whether an answer is empty, the untouched placeholder (in any markup), or written. */
export function answerState(answer: string): AnswerState {
  const text = answer.trim();
  if (text === '') return 'empty';
  if (text === ANSWER_PLACEHOLDER) return 'placeholder';
  return /antwoord\s+nog\s+in\s+te\s+vullen/i.test(text) && text.replace(PLACEHOLDER_WORDS, '').trim() === '' ? 'placeholder' : 'written';
}

/** Whether a written answer still holds the placeholder's words beside its own text. */
export function containsPlaceholder(answer: string): boolean {
  return /antwoord\s+nog\s+in\s+te\s+vullen/i.test(answer);
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

/** The front matter of an answer document. */
export const ANSWER_SCHEMA: DocumentSchema = {
  name: 'answer document',
  fields: {
    question: { type: 'text', required: true, about: 'the id of the question document it answers' },
    status: { type: 'one-of', values: ANSWER_STATUSES, required: true },
    date: { type: 'date' },
    portefeuillehouder: { type: 'text' },
  },
};

export interface ReadAnswerOptions {
  /** Read the markdown tree even where the line scanner could (tests compare the two). */
  producer?: 'auto' | 'tree';
  /**
   * `lazy`: the sources' citations read their heading path, lines, quote and file only when asked
   * (`parseCitationLazily`: objects to read fields of, not plain data), for a caller that asks
   * most of them only for their passage id and document (`answer check`). Default `eager`.
   */
  citations?: 'eager' | 'lazy';
}

/**
 * Read an answer document. Never throws: a broken front matter, a missing or wrong field is a
 * `schema` problem with the line of the key; the body is read whatever its shape.
 */
export function readAnswerDocument(source: string, file: string | null = null, options: ReadAnswerOptions = {}): ReadAnswerResult {
  const problems: Problem[] = [];
  const empty: AnswerDocument = { question: '', status: 'concept', date: null, portefeuillehouder: null, answers: [], orphans: [] };
  if (source.length > MAX_ANSWER_FILE_BYTES / 3 && Buffer.byteLength(source, 'utf8') > MAX_ANSWER_FILE_BYTES) {
    problems.push(schema(`answer file is larger than ${MAX_ANSWER_FILE_BYTES / 1024 / 1024} MB; not read`, file, null));
    return { doc: empty, problems, layout: { frontMatter: null, data: Object.create(null) as FrontMatterMap, keyLines: {}, blocks: [] } };
  }
  const text = normalizeLineEndings(source).replace(/^\ufeff/, '');
  const fm = parseFrontMatter(text, file);
  const { data, keyLines, body, bodyStartLine } = fm;
  problems.push(...fm.problems);
  const frontMatter = fm.present && bodyStartLine > 1 ? text.split('\n', bodyStartLine - 1).join('\n') : null;

  const doc = { ...empty };
  if (!fm.present) {
    problems.push(schema('the answer file has no front matter; it needs at least "question: <id>" and "status: concept"', file, 1));
  } else if (fm.problems.length === 0) {
    const read = applySchema(fm, ANSWER_SCHEMA, file);
    problems.push(...read.problems);
    const { question, status, date, portefeuillehouder } = read.values;
    if (typeof question === 'string') doc.question = question;
    if (typeof status === 'string') doc.status = status as AnswerStatus;
    if (typeof date === 'string') doc.date = date;
    if (typeof portefeuillehouder === 'string') doc.portefeuillehouder = portefeuillehouder;
  }

  const cite = options.citations === 'lazy' ? parseCitationLazily : parseCitation;
  const read = readBody(body, (blocks) => layoutBlocks(body, blocks, bodyStartLine, cite), { file, producer: options.producer });
  problems.push(...read.problems);
  const blocks = read.result;
  for (const block of blocks) {
    if (block.kind !== 'question') continue;
    (block.orphan ? doc.orphans : doc.answers).push(block.section);
  }
  return { doc, problems, layout: { frontMatter, data, keyLines, blocks } };
}

function schema(message: string, file: string | null, line: number | null): Problem {
  return { code: 'schema', severity: 'error', message, file, line };
}

/** Split the body into memo parts and question sections, in file order. */
function layoutBlocks(body: string, nodes: Block[], bodyStartLine: number, cite: CitationReader): LayoutBlock[] {
  const lineOf = (node: Block): number => node.line + bodyStartLine - 1;
  const blocks: LayoutBlock[] = [];
  /** Offset where the block after index `i` starts: keeps the blank lines with the block before. */
  const startAt = (i: number): number => (i < nodes.length ? nodes[i]!.start : body.length);
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
    const heading = nodes[i]!;
    const text = heading.text;
    if (vervallenDepth !== null && heading.depth <= vervallenDepth) vervallenDepth = null;
    const question = QUESTION_HEADING.exec(text);
    if (question) {
      let j = i + 1;
      while (j < nodes.length && !(nodes[j]!.type === 'heading' && nodes[j]!.depth <= heading.depth)) j++;
      const rest = question[0].length === text.length ? '' : text.slice(question[0].length);
      blocks.push(readSection(body, nodes, i, j, Number(question[1]), rest, vervallenDepth !== null, lineOf, startAt(j), cite));
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < nodes.length && nodes[j]!.type !== 'heading') j++;
    const raw = body.slice(heading.start, startAt(j));
    if (VERVALLEN_HEADING.test(text)) {
      vervallenDepth = heading.depth;
      blocks.push({ kind: 'vervallen', depth: heading.depth, raw, line: lineOf(heading) });
    } else {
      const content = j > i + 1 ? body.slice(nodes[i + 1]!.start, nodes[j - 1]!.end).trim() : '';
      blocks.push({ kind: 'part', key: headingKey(text), heading: text, depth: heading.depth, raw, content, line: lineOf(heading) });
    }
    i = j;
  }
  return blocks;
}

/** The question text in the heading itself, from what follows "Vraag 3" ("Vraag 3: Deelt het college ...?"). */
function questionInHeading(rest: string): string {
  return rest === '' ? '' : rest.replace(/^\s*(?:\([^)]*\))?\s*[:.\-–—]?\s*/, '').replace(/\s+/g, ' ').trim();
}

/** Whether a block is the label "Bronnen" (a heading, or a paragraph before the list). */
function isBronnen(block: Block): boolean {
  return block.mayContain('bronnen') && BRONNEN.test(block.text);
}

function readSection(
  body: string,
  nodes: Block[],
  from: number,
  to: number,
  number: number,
  /** The heading's text after "Vraag N". */
  headingRest: string,
  orphan: boolean,
  lineOf: (node: Block) => number,
  rawEnd: number,
  cite: CitationReader,
): SectionBlock {
  const heading = nodes[from]!;
  let k = from + 1;
  // The question: the blockquote under the heading; or, in templates that put the question in
  // the heading ("Vraag 3: Deelt ...?"), the heading's text, and a blockquote below it is the
  // question again only when it says the same (else it is a quote in the answer).
  let question = questionInHeading(headingRest);
  if (k < to && nodes[k]!.type === 'blockquote') {
    const quoted = collapseSpace(nodes[k]!.parts.join(' '));
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
    if (node.type === 'heading' && isBronnen(node)) {
      bronnenFrom = j;
      bronnenTo = j + 1;
      while (bronnenTo < to && !(nodes[bronnenTo]!.type === 'heading' && nodes[bronnenTo]!.depth <= node.depth)) bronnenTo++;
      break;
    }
    if (node.type === 'paragraph' && j + 1 < to && nodes[j + 1]!.type === 'list' && isBronnen(node)) {
      bronnenFrom = j;
      bronnenTo = j + 2;
      break;
    }
  }

  const answerNodes: Block[][] = [];
  const before = nodes.slice(k, bronnenFrom === -1 ? to : bronnenFrom);
  const after = bronnenFrom === -1 ? [] : nodes.slice(bronnenTo, to);
  if (before.length > 0) answerNodes.push(before);
  if (after.length > 0) answerNodes.push(after);

  // A leading label: "Antwoord" as a heading or paragraph of its own, or "Antwoord: ..." inline.
  let labelCut = 0;
  const first = answerNodes[0]?.[0];
  const label = first ? answerLabel(first, body) : null;
  if (label?.alone) {
    answerNodes[0]!.shift();
    if (answerNodes[0]!.length === 0) answerNodes.shift();
  } else if (label) {
    labelCut = label.cut;
  }

  // A loop, not map (see the end of scanBlocks in scan.ts).
  const chunks: string[] = [];
  for (let index = 0; index < answerNodes.length; index++) {
    const group = answerNodes[index]!;
    const chunk = body.slice(group[0]!.start + (index === 0 ? labelCut : 0), group[group.length - 1]!.end).trim();
    if (chunk !== '') chunks.push(chunk);
  }
  const answer = chunks.join('\n\n');
  const firstAnswerNode = answerNodes[0]?.[0];

  let bronnen: string | null = null;
  let bronnenEdited = false;
  const sources: Citation[] = [];
  if (bronnenFrom !== -1) {
    const inner = nodes.slice(bronnenFrom + 1, bronnenTo);
    bronnen = inner.length > 0 ? body.slice(inner[0]!.start, inner[inner.length - 1]!.end).trim() : '';
    for (const node of inner) {
      if (node.type !== 'list') {
        bronnenEdited = true;
        continue;
      }
      for (const item of node.items) {
        const citation = readCitationItem(item, cite);
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
    endLine: lineOf(last) + (last.endLine - last.line),
  };
  return {
    kind: 'question',
    section,
    orphan,
    depth: heading.depth,
    bronnen,
    bronnenEdited,
    raw: body.slice(heading.start, rawEnd),
  };
}

/** "antwoord" where the plain text starts (sticky: `lastIndex` says where). */
const ANTWOORD_AT = /antwoord/iy;
const ANTWOORD_WORD_AT = /antwoord[ ]*[\p{L}\p{N}]/iuy;

/**
 * The `Antwoord:` label of a section's first block: `alone` when the block is only the label (a
 * heading or paragraph "Antwoord" / "Antwoord:"), else `cut`, the length of the inline label to
 * drop ("**Antwoord:** Ja." → "Ja."); null for no label. The label is recognised on the block's
 * plain text; that text is worked out only when the markdown leaves a doubt. The common
 * `**Antwoord:** text` needs none: the two `**` are a pair (the opener is followed by a letter,
 * the closer by white space), so the plain text starts with "Antwoord:".
 */
function answerLabel(block: Block, body: string): { alone: boolean; cut: number } | null {
  if (block.type === 'heading') return ANTWOORD_ALONE.test(block.text) ? { alone: true, cut: 0 } : null;
  if (block.type !== 'paragraph') return null;
  const raw = body.slice(block.start, block.end);
  const decide = (text: string) => {
    if (ANTWOORD_ALONE.test(text)) return { alone: true, cut: 0 };
    if (!ANTWOORD_LABEL.test(text)) return null;
    return { alone: false, cut: RAW_LABEL.exec(raw)?.[0].length ?? 0 };
  };
  if (!/[\\*_[\]<&`]/.test(raw) && !/ $/m.test(raw)) return decide(block.text);
  // The text after the leading emphasis marks, looked at where it starts (no copy of the paragraph).
  let lead = 0;
  while (raw.charCodeAt(lead) === 42 || raw.charCodeAt(lead) === 95) lead++;
  // Plain text starting with anything but "antwoord" cannot match either pattern.
  ANTWOORD_AT.lastIndex = lead;
  if (!ANTWOORD_AT.test(raw) && !'\\&<`[!'.includes(raw.charAt(lead) || '-')) return null;
  // "Antwoord" then a word ("_Antwoord nog in te vullen._"): no colon can follow in the plain text.
  ANTWOORD_WORD_AT.lastIndex = lead;
  if (ANTWOORD_WORD_AT.test(raw)) return null;
  const m = RAW_LABEL.exec(raw);
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
  return decide(block.text);
}

/** A Bronnen item that is a citation: one paragraph that starts with a link. */
function readCitationItem(item: BlockItem, cite: CitationReader): Citation | null {
  if (item.children !== 1 || item.lead?.kind !== 'link') return null;
  return cite(item.lead.text, item.lead.url, item.lead.rest);
}

/** `parseCitation`, or `parseCitationLazily`. */
type CitationReader = (label: string, url: string | null, rest: string) => Citation | null;
