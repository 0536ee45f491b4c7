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
 * ## Nawoord
 *
 * Toelichting: ... (the letter's own text after its last question, when it has any)
 *
 * ## Voetnoten
 *
 * 1. https://www.youtube.com/watch?v=AWYlvnaryms
 * ```
 *
 * A question's heading is `Vraag N`, followed by the label as printed in parentheses when the
 * letter had one; its parts are list items whose bold start is the part's label. The letter's text
 * between the question before and this one goes under a `### Toelichting` sub-heading, an
 * interleaved answer from the letter under `### Antwoord`. The body is built as mdast and
 * written by remark-stringify, so markdown-special characters in the text are escaped, and read
 * back through the block layer (blocks.ts: the line scanner, or the guarded markdown tree).
 */
import { createRequire } from 'node:module';
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import { normalizeArticle } from '../config/config.js';
import type { Footnote, ParseWarning, Problem, Question, QuestionDocument, QuestionPart } from '../model.js';
import type { Block, BlockItem } from './blocks.js';
import { parseFrontMatter, stringifyFrontMatter, type WritableValue } from './front-matter.js';
import { normalizeLineEndings } from './line-endings.js';
import { readBody } from './read-body.js';
import { applySchema, type DocumentSchema, refuseErrors, type SchemaValues } from './schema.js';
import { cutSlug, foldSlug } from '../text/slug.js';
import { collapseSpace } from '../text/text-utils.js';

/** Front-matter keys of a question document, in the order they are written. */
export const QUESTION_DOCUMENT_KEYS = [
  'id', 'title', 'subject', 'article', 'municipality', 'party', 'parties', 'members', 'date', 'addressee',
  'source', 'received', 'kind', 'deadline', 'uitstel',
] as const;

const QUESTION_HEADING = /^Vraag\s+(\d+)\b\s*(.*)$/i;
const FOOTNOTE_HEADING = /^Voetnoten$/i;
const ANSWER_HEADING = /^Antwoord$/i;
const CONTEXT_HEADING = /^Toelichting$/i;
const AFTERWORD_HEADING = /^Nawoord$/i;

/** Whitespace collapsed to single spaces and trimmed: the form of question and part texts. */
export const collapseWhitespace = collapseSpace;

/**
 * The preamble as the document keeps it: paragraphs separated by one blank line, lines within a
 * paragraph trimmed, runs of spaces and tabs collapsed.
 */
export function normalizePreamble(text: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  // Lines collapsed one at a time, not by map (see the end of scanBlocks in scan.ts).
  for (const raw of text.split('\n')) {
    const line = collapseWhitespace(raw);
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
export function normalizeQuestionDocument({ afterword, ...doc }: QuestionDocument): QuestionDocument {
  return {
    ...doc,
    preamble: normalizePreamble(doc.preamble),
    ...(afterword != null && normalizePreamble(afterword) !== '' ? { afterword: normalizePreamble(afterword) } : {}),
    questions: doc.questions.map(({ answer, context, ...question }) => ({
      ...question,
      label: normalizeLabel(question.label),
      text: collapseWhitespace(question.text),
      parts: question.parts.map((part) => ({ label: normalizeLabel(part.label), text: collapseWhitespace(part.text) })),
      ...(context != null && normalizePreamble(context) !== '' ? { context: normalizePreamble(context) } : {}),
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

/** The markdown body: preamble, one section per question, afterword, footnotes. */
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
    if (question.context != null && question.context.trim() !== '') {
      children.push(heading(3, 'Toelichting'), ...paragraphs(question.context));
    }
    if (question.answer != null) {
      children.push(heading(3, 'Antwoord'), ...paragraphs(question.answer));
    }
  }
  if (doc.afterword != null && doc.afterword.trim() !== '') children.push(heading(2, 'Nawoord'), ...paragraphs(doc.afterword));
  if (doc.footnotes.length > 0) children.push(heading(2, 'Voetnoten'), ...footnoteLists(doc.footnotes));
  return { type: 'root', children };
}

/**
 * remark-stringify with our options, loaded on first use: only writing question documents needs it
 * (27 ms of start-up every other command would pay).
 */
let stringifier: Processor<undefined, undefined, undefined, Root, string> | null = null;
function markdownWriter(): Processor<undefined, undefined, undefined, Root, string> {
  if (stringifier) return stringifier;
  const load = createRequire(import.meta.url);
  const { unified } = load('unified') as typeof import('unified');
  const { default: remarkStringify } = load('remark-stringify') as typeof import('remark-stringify');
  stringifier = unified().use(remarkStringify, {
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
  }) as unknown as Processor<undefined, undefined, undefined, Root, string>;
  return stringifier;
}

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
  const body = markdownWriter().stringify(renderBody(doc));
  return stringifyFrontMatter(frontMatterData(doc), `\n${body}`);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The front matter of a question document: what `answer import` writes. */
export const QUESTION_SCHEMA: DocumentSchema = {
  name: 'question document',
  fields: {
    id: { type: 'id', required: true },
    title: { type: 'text' },
    subject: { type: 'text' },
    article: { type: 'text' },
    municipality: { type: 'text' },
    party: { type: 'text' },
    parties: { type: 'list' },
    members: { type: 'list' },
    date: { type: 'date' },
    addressee: { type: 'text' },
    source: { type: 'text' },
    received: { type: 'date' },
    kind: { type: 'text' },
    deadline: { type: 'date' },
    uitstel: {
      type: 'group',
      about: 'until, the new deadline; date, of the notice; reason',
      fields: { date: { type: 'date' }, reason: { type: 'text' }, until: { type: 'date', required: true, about: 'the new deadline, written YYYY-MM-DD' } },
    },
  },
};

/**
 * The same with `id` as any text, not required: for reading where the file name stands in for a
 * missing id and the answer file's name is folded from it (`answer check` needs the strict one,
 * since answers name their question document by id).
 */
const QUESTION_SCHEMA_LENIENT_ID: DocumentSchema = { ...QUESTION_SCHEMA, fields: { ...QUESTION_SCHEMA.fields, id: { type: 'text' } } };

export interface QuestionDocumentFile {
  document: QuestionDocument;
  /**
   * What keeps the document from being read as written, as `schema` errors at their lines: a
   * front-matter value of the wrong type (it reads as null), broken YAML (no fields), a question
   * number used twice (the second section is left out), a body too large or too slow to read.
   * Doubts that do not change what is read are `document.warnings`.
   */
  problems: Problem[];
  /** Line of each front-matter key (dotted paths), for messages about the front matter. */
  keyLines: Record<string, number>;
  /** Line where the markdown body starts. */
  bodyStartLine: number;
  /**
   * Front-matter keys (dotted paths) written with a value that could not be used; they read as
   * null, which for `received` must not be taken for "not given" (that would default to `date`).
   */
  invalid: string[];
}

export interface ReadQuestionOptions {
  /** Names the file in problems. */
  file?: string | null;
  /** The question kinds configured for the workspace: `kind` must be one of them when given. */
  kinds?: readonly string[];
  /**
   * Whether `id` must be there and written as an id (lower-case letters, digits and hyphens, at
   * most 80), as `answer check` needs it; default false: any text, or none.
   */
  strictId?: boolean;
  /** Read the markdown tree even where the line scanner could (tests compare the two). */
  producer?: 'auto' | 'tree';
}

/**
 * Read a question document, never throwing for its content: what is wrong is in `problems`.
 * A person's edits are what later stages see.
 */
export function readQuestionDocumentFile(source: string, options: string | null | ReadQuestionOptions = {}): QuestionDocumentFile {
  const { file = null, kinds, strictId = false, producer = 'auto' } = typeof options === 'object' && options !== null ? options : { file: options };
  const text = normalizeLineEndings(source);
  const fm = parseFrontMatter(text, file);
  const { keyLines, bodyStartLine } = fm;
  const problems: Problem[] = [...fm.problems];
  const warnings: ParseWarning[] = [];
  // Front matter that cannot be read has no fields to check: its one problem says why.
  const schema = applySchema(fm, strictId && fm.problems.length === 0 ? QUESTION_SCHEMA : QUESTION_SCHEMA_LENIENT_ID, file);
  problems.push(...schema.problems);
  for (const key of schema.unknown) warnings.push({ line: keyLines[key] ?? null, message: `unknown front matter key "${key}" is ignored` });
  const fields = questionFields(schema.values);
  if (typeof fields.kind === 'string' && kinds && kinds.length > 0 && !kinds.includes(fields.kind)) {
    problems.push({
      code: 'schema',
      severity: 'error',
      message: `kind: "${fields.kind}" is not a kind in answer.config.json (known: ${kinds.join(', ')})`,
      file,
      line: keyLines.kind ?? 1,
    });
  }
  const body = readBody(fm.body, (blocks) => questionBody(blocks, bodyStartLine, file), { file, producer });
  problems.push(...body.problems, ...body.result.problems);
  warnings.push(...body.result.warnings);
  const document: QuestionDocument = { ...fields, preamble: body.result.preamble, questions: body.result.questions, footnotes: body.result.footnotes, warnings };
  if (body.result.afterword !== '') document.afterword = body.result.afterword;
  return { document, problems, keyLines, bodyStartLine, invalid: schema.invalid };
}

/**
 * Read a question document for a caller that must refuse one with errors: throws one
 * `InputError` naming the file and the line of the first error (see `refuseErrors`).
 */
export function readQuestionDocument(text: string, file: string | null = null): QuestionDocument {
  const read = readQuestionDocumentFile(text, { file });
  refuseErrors(read.problems, file);
  return read.document;
}

type Fields = Omit<QuestionDocument, 'preamble' | 'questions' | 'footnotes' | 'warnings'>;

/** The document's fields from the schema's values (a value with a problem reads as null). */
function questionFields(values: SchemaValues): Fields {
  const text = (key: string): string | null => {
    const value = values[key];
    return typeof value === 'string' ? value : null;
  };
  const list = (key: string): string[] => {
    const value = values[key];
    return Array.isArray(value) ? value : [];
  };
  const article = text('article');
  const fields: Fields = {
    id: text('id'),
    title: text('title'),
    subject: text('subject'),
    article: article === null ? null : (normalizeArticle(article) ?? article),
    municipality: text('municipality'),
    party: text('party'),
    parties: list('parties'),
    members: list('members'),
    date: text('date'),
    addressee: text('addressee'),
  };
  if (Object.hasOwn(values, 'source')) fields.source = text('source');
  if (Object.hasOwn(values, 'received')) fields.received = text('received');
  if (Object.hasOwn(values, 'kind')) fields.kind = text('kind');
  if (Object.hasOwn(values, 'deadline')) fields.deadline = text('deadline');
  if (Object.hasOwn(values, 'uitstel')) {
    const uitstel = values.uitstel;
    const group = uitstel !== null && typeof uitstel === 'object' && !Array.isArray(uitstel) ? uitstel : null;
    const value = (key: string) => (group && typeof group[key] === 'string' ? (group[key] as string) : null);
    const until = value('until');
    fields.uitstel = until === null ? null : { date: value('date'), reason: value('reason'), until };
  }
  return fields;
}

interface QuestionBody {
  preamble: string;
  questions: Question[];
  afterword: string;
  footnotes: Footnote[];
  warnings: ParseWarning[];
  problems: Problem[];
}

/** The section rules of a question document, over its blocks. */
function questionBody(blocks: Block[], bodyStartLine: number, file: string | null): QuestionBody {
  const lineOf = (block: { line: number }): number => block.line + bodyStartLine - 1;
  const warnings: ParseWarning[] = [];
  const problems: Problem[] = [];
  const preamble: string[] = [];
  const questions: Question[] = [];
  const footnotes: Footnote[] = [];
  const afterword: string[] = [];
  type Section =
    | { kind: 'preamble' }
    | { kind: 'question'; question: Question; depth: number; text: string[]; answer: string[] | null; context: string[] | null }
    | { kind: 'afterword'; depth: number }
    | { kind: 'footnotes'; depth: number };
  let section: Section = { kind: 'preamble' };
  const finish = () => {
    if (section.kind === 'question') {
      section.question.text = collapseWhitespace(section.text.join(' '));
      if (section.answer !== null) section.question.answer = normalizePreamble(section.answer.join('\n\n'));
      if (section.context !== null) {
        const context = normalizePreamble(section.context.join('\n\n'));
        if (context !== '') section.question.context = context;
      }
    }
  };
  const seen = new Map<number, number>();

  for (const block of blocks) {
    if (block.type === 'heading') {
      const title = collapseWhitespace(block.text);
      const match = QUESTION_HEADING.exec(title);
      if (match) {
        finish();
        const number = Number(match[1]);
        const rest = match[2]!.trim();
        const labelMatch = /^\((.*)\)$/.exec(rest);
        const line = lineOf(block);
        const question: Question = { number, label: labelMatch ? normalizeLabel(labelMatch[1]!) : null, text: '', parts: [], line };
        if (seen.has(number)) {
          // Read, so that its text goes nowhere else, but left out of the questions.
          problems.push({ code: 'schema', severity: 'error', message: `"Vraag ${number}" appears twice (also at line ${seen.get(number)}); give each question its own number`, file, line });
        } else {
          seen.set(number, line);
          if (rest !== '' && !labelMatch) warnings.push({ line, message: `text after "Vraag ${number}" in the heading is ignored: ${rest}` });
          questions.push(question);
        }
        section = { kind: 'question', question, depth: block.depth, text: [], answer: null, context: null };
        continue;
      }
      if (FOOTNOTE_HEADING.test(title)) {
        finish();
        section = { kind: 'footnotes', depth: block.depth };
        continue;
      }
      // "## Nawoord" at a question's level or above: the letter's text after its questions. (A
      // deeper one inside a question is that question's text, as any other sub-heading is.)
      if (AFTERWORD_HEADING.test(title) && !(section.kind === 'question' && block.depth > section.depth)) {
        finish();
        section = { kind: 'afterword', depth: block.depth };
        continue;
      }
      if (section.kind === 'question' && block.depth > section.depth && ANSWER_HEADING.test(title)) {
        section.answer = [];
        continue;
      }
      if (section.kind === 'question' && block.depth > section.depth && CONTEXT_HEADING.test(title) && section.answer === null) {
        section.context = [];
        continue;
      }
      if (section.kind !== 'preamble' && block.depth <= section.depth) {
        // Another section at the same level: it belongs to neither the question nor the footnotes.
        finish();
        section = { kind: 'preamble' };
        warnings.push({ line: lineOf(block), message: `section "${title}" after the questions is read as part of the preamble` });
      }
    }
    if (section.kind === 'preamble') {
      preamble.push(block.lines);
    } else if (section.kind === 'afterword') {
      afterword.push(block.lines);
    } else if (section.kind === 'question') {
      if (section.answer !== null) {
        section.answer.push(block.lines);
      } else if (section.context !== null) {
        section.context.push(block.lines);
      } else if (block.type === 'list') {
        // A loop, not push(...): a list of 150,000 parts overflowed the stack.
        for (const item of block.items) section.question.parts.push(readPart(item));
      } else {
        section.text.push(block.text);
      }
    } else if (block.type === 'list') {
      let n = block.ordered ? (block.listStart ?? 1) : footnotes.length + 1;
      for (const listItem of block.items) footnotes.push({ n: n++, text: collapseWhitespace(listItem.text) });
    } else {
      const value = collapseWhitespace(block.text);
      const match = /^(\d+)[.)]?\s+(.*)$/.exec(value);
      if (match) footnotes.push({ n: Number(match[1]), text: match[2]! });
      else if (value !== '') warnings.push({ line: lineOf(block), message: `footnote without a number is ignored: ${value.slice(0, 60)}` });
    }
  }
  finish();

  questions.forEach((question, index) => {
    if (question.number !== index + 1) {
      warnings.push({ line: question.line ?? null, message: `questions are not numbered 1..${questions.length} in order: "Vraag ${question.number}" is question ${index + 1}` });
    }
  });
  return { preamble: normalizePreamble(preamble.join('\n\n')), questions, afterword: normalizePreamble(afterword.join('\n\n')), footnotes, warnings, problems };
}

/** A part: a list item whose bold start is its label. */
function readPart(item: BlockItem): QuestionPart {
  if (item.lead?.kind === 'strong') {
    return { label: normalizeLabel(item.lead.text), text: collapseWhitespace([item.lead.rest, ...item.others].join(' ')) };
  }
  return { label: null, text: collapseWhitespace(item.text) };
}

// ---------------------------------------------------------------------------------------------
// Ids

/** Fold to `[a-z0-9-]` (text/slug.ts). */
export { foldSlug as slugify } from '../text/slug.js';

export const MAX_ID_LENGTH = 80;

/**
 * The id of a question document: `<date>-<party>-<subject>` slugified, null parts skipped (the
 * title, then the source file name stand in for a missing subject), at most 80 characters cut at
 * a word boundary, never empty.
 */
export function questionDocumentId(doc: Pick<QuestionDocument, 'date' | 'party' | 'subject' | 'title'> & { source?: string | null }): string {
  const sourceStem = doc.source ? doc.source.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') : null;
  const topic = doc.subject ?? doc.title ?? sourceStem;
  const slug = [doc.date, doc.party, topic].filter((part): part is string => Boolean(part)).map(foldSlug).filter(Boolean).join('-');
  return cutSlug(slug, MAX_ID_LENGTH) || 'vragen';
}
