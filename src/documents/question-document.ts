/**
 * The question document `questions/<id>.md`: after import it is the source of truth, so it must
 * be readable and editable by a person and read back exactly.
 *
 * ```markdown
 * ---
 * id: 2025-04-12-d66-regionale-zorg-en-veiligheid
 * title: Vragen ex. artikel 45 regionale zorg en veiligheid
 * article: "45"
 * date: 2025-04-12
 * ...
 * ---
 * Sinds de decentralisatie ... (the preamble)
 *
 * ## Vraag 2 (-)
 *
 * Ziet het college ...? Zo ja, op welke wijze? Indien nee, waarom niet?
 *
 * - **o** Zo ja, op welke wijze?
 * - **o** Indien nee, waarom niet?
 *
 * ## Voetnoten
 *
 * 1. https://www.youtube.com/watch?v=AWYlvnaryms
 * ```
 *
 * A question's heading is `Vraag N`, followed by the label as printed in parentheses when the
 * letter had one; its parts are list items whose bold start is the part's label. An interleaved
 * answer from the letter goes under a `### Antwoord` sub-heading. The body is built as mdast and
 * written by remark-stringify, so markdown-special characters in the text are escaped, and read
 * back with remark-parse (guarded: see `io/markdown.ts`) and mdast-util-to-string.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { normalizeArticle } from '../config/config.js';
import { InputError } from '../errors.js';
import { readFrontMatter, stringifyFrontMatter, type FrontMatterMap, type FrontMatterValue, type WritableValue } from './front-matter.js';
import { parseMarkdown } from '../io/markdown.js';
import type { Footnote, ParseWarning, Question, QuestionDocument, QuestionPart, Uitstel } from '../model.js';
import { isIsoDate } from './deadline.js';

/** Front-matter keys of a question document, in the order they are written. */
export const QUESTION_DOCUMENT_KEYS = [
  'id', 'title', 'subject', 'article', 'municipality', 'party', 'parties', 'members', 'date', 'addressee',
  'source', 'received', 'kind', 'deadline', 'uitstel',
] as const;

const QUESTION_HEADING = /^Vraag\s+(\d+)\b\s*(.*)$/i;
const FOOTNOTE_HEADING = /^Voetnoten$/i;
const ANSWER_HEADING = /^Antwoord$/i;

/** Whitespace collapsed to single spaces and trimmed: the form of question and part texts. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The preamble as the document keeps it: paragraphs separated by one blank line, lines within a
 * paragraph trimmed, runs of spaces and tabs collapsed.
 */
export function normalizePreamble(text: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n').map(collapseWhitespace)) {
    if (line !== '') {
      current.push(line);
    } else if (current.length > 0) {
      paragraphs.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current.join('\n'));
  return paragraphs.join('\n\n');
}

function normalizeLabel(label: string | null): string | null {
  return label === null ? null : collapseWhitespace(label) || null;
}

/** Collapse the text fields of a document to the form the markdown file keeps. */
export function normalizeQuestionDocument(doc: QuestionDocument): QuestionDocument {
  return {
    ...doc,
    preamble: normalizePreamble(doc.preamble),
    questions: doc.questions.map(({ answer, ...question }) => ({
      ...question,
      label: normalizeLabel(question.label),
      text: collapseWhitespace(question.text),
      parts: question.parts.map((part) => ({ label: normalizeLabel(part.label), text: collapseWhitespace(part.text) })),
      ...(answer != null ? { answer: normalizePreamble(answer) } : {}),
    })),
    footnotes: doc.footnotes.map((footnote) => ({ n: footnote.n, text: collapseWhitespace(footnote.text) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });
const item = (children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: children.length ? [paragraph(children)] : [] });

function paragraphs(value: string): Paragraph[] {
  return normalizePreamble(value)
    .split('\n\n')
    .filter((p) => p !== '')
    .map((p) => paragraph([text(p)]));
}

function footnoteLists(footnotes: Footnote[]): List[] {
  // An ordered list numbers its items from `start` on, so a gap in the numbering starts a new list.
  const lists: List[] = [];
  let current: List | null = null;
  for (const footnote of footnotes) {
    const expected = current ? (current.start ?? 1) + current.children.length : null;
    if (!current || footnote.n !== expected) {
      current = { type: 'list', ordered: true, start: footnote.n, spread: false, children: [] };
      lists.push(current);
    }
    current.children.push(item(footnote.text === '' ? [] : [text(footnote.text)]));
  }
  return lists;
}

/** The markdown body: preamble, one section per question, footnotes. */
function renderBody(doc: QuestionDocument): Root {
  const children: RootContent[] = [...paragraphs(doc.preamble)];
  for (const question of doc.questions) {
    const label = normalizeLabel(question.label);
    children.push(heading(2, `Vraag ${question.number}${label !== null ? ` (${label})` : ''}`));
    const questionText = collapseWhitespace(question.text);
    if (questionText !== '') children.push(paragraph([text(questionText)]));
    if (question.parts.length > 0) {
      children.push({
        type: 'list',
        ordered: false,
        spread: false,
        children: question.parts.map((part) => {
          const partText = collapseWhitespace(part.text);
          const partLabel = normalizeLabel(part.label);
          const content: PhrasingContent[] = [];
          if (partLabel !== null) content.push({ type: 'strong', children: [text(partLabel)] });
          if (partText !== '') content.push(text(partLabel !== null ? ` ${partText}` : partText));
          return item(content);
        }),
      });
    }
    if (question.answer != null) {
      children.push(heading(3, 'Antwoord'), ...paragraphs(question.answer));
    }
  }
  if (doc.footnotes.length > 0) children.push(heading(2, 'Voetnoten'), ...footnoteLists(doc.footnotes));
  return { type: 'root', children };
}

const stringifier = unified().use(remarkStringify, {
  bullet: '-',
  listItemIndent: 'one',
  rule: '-',
  emphasis: '_',
  strong: '*',
  fences: true,
  // Patterns the defaults miss, found by the round-trip property test: a block marker line right
  // after another ("-\n-" came back as a setext heading "-", "+\n+ a" and "1.\n1. a" as lists),
  // as a match does not start where the last one ended; and "<" before a character an e-mail
  // autolink may start with ("<=@A>" came back as the link "=@A"). So every line-start "-", "=",
  // "+" and list number, and every "<" in text, is escaped.
  unsafe: [
    { atBreak: true, character: '-' },
    { atBreak: true, character: '=' },
    { atBreak: true, character: '+' },
    { atBreak: true, before: '\\d+', character: '.' },
    { atBreak: true, before: '\\d+', character: ')' },
    { character: '<', inConstruct: 'phrasing' },
  ],
});

/** The front matter a question document is written with. */
function frontMatterData(doc: QuestionDocument): Record<string, WritableValue> {
  const data: Record<string, WritableValue> = {
    id: doc.id,
    title: doc.title,
    subject: doc.subject,
    article: doc.article,
    municipality: doc.municipality,
    party: doc.party,
    parties: doc.parties,
    members: doc.members,
    date: doc.date,
    addressee: doc.addressee,
  };
  if (doc.source !== undefined) data.source = doc.source;
  if (doc.received !== undefined) data.received = doc.received;
  if (doc.kind !== undefined) data.kind = doc.kind;
  if (doc.deadline !== undefined) data.deadline = doc.deadline;
  if (doc.uitstel) data.uitstel = { date: doc.uitstel.date, reason: doc.uitstel.reason, until: doc.uitstel.until };
  return data;
}

/** Write a question document as markdown with YAML front matter. */
export function renderQuestionDocument(doc: QuestionDocument): string {
  const body = stringifier.stringify(renderBody(doc));
  return stringifyFrontMatter(frontMatterData(doc), `\n${body}`);
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface QuestionDocumentFile {
  document: QuestionDocument;
  /** Line of each front-matter key (dotted paths), for messages about the front matter. */
  keyLines: Record<string, number>;
  /** Line where the markdown body starts. */
  bodyStartLine: number;
}

/** Read a question document; a person's edits are what later stages see. */
export function readQuestionDocument(text: string, file: string | null = null): QuestionDocument {
  return readQuestionDocumentFile(text, file).document;
}

/** `readQuestionDocument` plus the lines of the front-matter keys. */
export function readQuestionDocumentFile(source: string, file: string | null = null): QuestionDocumentFile {
  const { data, body, bodyStartLine, keyLines } = readFrontMatter(source, file);
  const warnings: ParseWarning[] = [];
  const fields = readFields(data, keyLines, file, warnings);
  const tree = parseMarkdown(body, { file });
  const lineOf = (node: { position?: { start: { line: number } } }): number | null =>
    node.position ? node.position.start.line + bodyStartLine - 1 : null;

  const preamble: string[] = [];
  const questions: Question[] = [];
  const footnotes: Footnote[] = [];
  type Section = { kind: 'preamble' } | { kind: 'question'; question: Question; depth: number; text: string[]; answer: string[] | null } | { kind: 'footnotes'; depth: number };
  let section: Section = { kind: 'preamble' };
  const finish = () => {
    if (section.kind === 'question') {
      section.question.text = collapseWhitespace(section.text.join(' '));
      if (section.answer !== null) section.question.answer = normalizePreamble(section.answer.join('\n\n'));
    }
  };
  const seen = new Map<number, number | null>();

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const title = collapseWhitespace(toString(node));
      const match = QUESTION_HEADING.exec(title);
      if (match) {
        finish();
        const number = Number(match[1]);
        const rest = match[2]!.trim();
        const labelMatch = /^\((.*)\)$/.exec(rest);
        const line = lineOf(node);
        if (seen.has(number)) {
          throw new InputError(`"Vraag ${number}" appears twice (also at line ${seen.get(number)}); give each question its own number`, { file, line });
        }
        seen.set(number, line);
        if (rest !== '' && !labelMatch) warnings.push({ line, message: `text after "Vraag ${number}" in the heading is ignored: ${rest}` });
        const question: Question = { number, label: labelMatch ? normalizeLabel(labelMatch[1]!) : null, text: '', parts: [], line };
        questions.push(question);
        section = { kind: 'question', question, depth: node.depth, text: [], answer: null };
        continue;
      }
      if (FOOTNOTE_HEADING.test(title)) {
        finish();
        section = { kind: 'footnotes', depth: node.depth };
        continue;
      }
      if (section.kind === 'question' && node.depth > section.depth && ANSWER_HEADING.test(title)) {
        section.answer = [];
        continue;
      }
      if (section.kind !== 'preamble' && node.depth <= section.depth) {
        // Another section at the same level: it belongs to neither the question nor the footnotes.
        finish();
        section = { kind: 'preamble' };
        warnings.push({ line: lineOf(node), message: `section "${title}" after the questions is read as part of the preamble` });
      }
    }
    if (section.kind === 'preamble') {
      preamble.push(node.type === 'paragraph' ? toString(node) : blockText(node));
    } else if (section.kind === 'question') {
      if (section.answer !== null) {
        section.answer.push(node.type === 'paragraph' ? toString(node) : blockText(node));
      } else if (node.type === 'list') {
        // A loop, not push(...): a list of 150,000 parts overflowed the stack.
        for (const item of node.children) section.question.parts.push(readPart(item));
      } else {
        section.text.push(toString(node));
      }
    } else if (node.type === 'list') {
      let n = node.ordered ? (node.start ?? 1) : footnotes.length + 1;
      for (const listItem of node.children) footnotes.push({ n: n++, text: collapseWhitespace(toString(listItem)) });
    } else {
      const value = collapseWhitespace(toString(node));
      const match = /^(\d+)[.)]?\s+(.*)$/.exec(value);
      if (match) footnotes.push({ n: Number(match[1]), text: match[2]! });
      else if (value !== '') warnings.push({ line: lineOf(node), message: `footnote without a number is ignored: ${value.slice(0, 60)}` });
    }
  }
  finish();

  questions.forEach((question, index) => {
    if (question.number !== index + 1) {
      warnings.push({ line: question.line ?? null, message: `questions are not numbered 1..${questions.length} in order: "Vraag ${question.number}" is question ${index + 1}` });
    }
  });

  const document: QuestionDocument = {
    ...fields,
    preamble: normalizePreamble(preamble.join('\n\n')),
    questions,
    footnotes,
    warnings,
  };
  return { document, keyLines, bodyStartLine };
}

/** A block other than a paragraph (a heading, list, quote) as plain text lines. */
function blockText(node: RootContent): string {
  if ('children' in node && node.type !== 'heading' && node.type !== 'paragraph') {
    return (node.children as RootContent[]).map((child) => blockText(child)).join('\n');
  }
  return toString(node);
}

function readPart(listItem: ListItem): QuestionPart {
  const first = listItem.children[0];
  if (first?.type === 'paragraph' && first.children[0]?.type === 'strong') {
    const [label, ...rest] = first.children;
    const restText = toString({ type: 'paragraph', children: rest } as Paragraph);
    const others = listItem.children.slice(1).map((child) => toString(child));
    return { label: normalizeLabel(toString(label)), text: collapseWhitespace([restText, ...others].join(' ')) };
  }
  return { label: null, text: collapseWhitespace(toString(listItem)) };
}

type Fields = Omit<QuestionDocument, 'preamble' | 'questions' | 'footnotes' | 'warnings'>;

/** Convert and validate the front matter: every scalar arrives as a string (failsafe YAML). */
function readFields(data: FrontMatterMap, keyLines: Record<string, number>, file: string | null, warnings: ParseWarning[]): Fields {
  const fail = (key: string, message: string): never => {
    throw new InputError(`${key}: ${message}`, { file, line: keyLines[key] ?? keyLines[key.split('.')[0]!] ?? null });
  };
  const show = (value: FrontMatterValue): string => {
    const json = JSON.stringify(value);
    return json.length > 40 ? `${json.slice(0, 37)}...` : json;
  };
  const has = (key: string) => Object.hasOwn(data, key);
  const string = (key: string, value: FrontMatterValue | undefined = data[key]): string | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') fail(key, `must be text, not ${show(value)}`);
    const trimmed = (value as string).trim();
    return trimmed === '' ? null : trimmed;
  };
  const date = (key: string, value: FrontMatterValue | undefined = data[key]): string | null => {
    const text = string(key, value);
    if (text !== null && !isIsoDate(text)) fail(key, `${show(text)} is not a date; write it as YYYY-MM-DD`);
    return text;
  };
  const list = (key: string): string[] => {
    const value = data[key];
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
    if (!Array.isArray(value)) fail(key, `must be a list, not ${show(value)}`);
    return (value as FrontMatterValue[]).flatMap((entry, i) => {
      const text = string(`${key}.${i}`, entry);
      return text === null ? [] : [text];
    });
  };

  for (const key of Object.keys(data)) {
    if (!(QUESTION_DOCUMENT_KEYS as readonly string[]).includes(key)) {
      warnings.push({ line: keyLines[key] ?? null, message: `unknown front matter key "${key}" is ignored` });
    }
  }
  const article = string('article');
  const fields: Fields = {
    id: string('id'),
    title: string('title'),
    subject: string('subject'),
    article: article === null ? null : (normalizeArticle(article) ?? article),
    municipality: string('municipality'),
    party: string('party'),
    parties: list('parties'),
    members: list('members'),
    date: date('date'),
    addressee: string('addressee'),
  };
  if (has('source')) fields.source = string('source');
  if (has('received')) fields.received = date('received');
  if (has('kind')) fields.kind = string('kind');
  if (has('deadline')) fields.deadline = date('deadline');
  if (has('uitstel')) fields.uitstel = readUitstel(data.uitstel ?? null, fail, string, date, show);
  return fields;
}

function readUitstel(
  value: FrontMatterValue,
  fail: (key: string, message: string) => never,
  string: (key: string, value?: FrontMatterValue) => string | null,
  date: (key: string, value?: FrontMatterValue) => string | null,
  show: (value: FrontMatterValue) => string,
): Uitstel | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail('uitstel', `must hold date, reason and until (the new deadline), not ${show(value)}`);
  }
  const map = value as FrontMatterMap;
  for (const key of Object.keys(map)) {
    if (!['date', 'reason', 'until'].includes(key)) fail(`uitstel.${key}`, 'unknown key; uitstel holds date, reason and until');
  }
  const until = date('uitstel.until', map.until);
  if (until === null) fail('uitstel.until', 'is missing: give the new deadline as YYYY-MM-DD');
  return { date: date('uitstel.date', map.date), reason: string('uitstel.reason', map.reason), until: until as string };
}

// ---------------------------------------------------------------------------------------------
// Ids

/** Fold to `[a-z0-9-]`: diacritics removed, everything else a dash, dashes collapsed. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const MAX_ID_LENGTH = 80;

/**
 * The id of a question document: `<date>-<party>-<subject>` slugified, null parts skipped (the
 * title, then the source file name stand in for a missing subject), at most 80 characters cut at
 * a word boundary, never empty.
 */
export function questionDocumentId(doc: Pick<QuestionDocument, 'date' | 'party' | 'subject' | 'title'> & { source?: string | null }): string {
  const sourceStem = doc.source ? doc.source.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') : null;
  const topic = doc.subject ?? doc.title ?? sourceStem;
  const slug = [doc.date, doc.party, topic].filter((part): part is string => Boolean(part)).map(slugify).filter(Boolean).join('-');
  return cutSlug(slug) || 'vragen';
}

function cutSlug(slug: string): string {
  if (slug.length <= MAX_ID_LENGTH) return slug;
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, MAX_ID_LENGTH)).replace(/-+$/, '');
}
