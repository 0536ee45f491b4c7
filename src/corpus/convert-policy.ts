/**
 * Policy text → corpus markdown, step by step:
 * lines → page furniture out → footnotes out → side-box titles back in place → blocks →
 * title/date/slug → markdown with front matter.
 */
import type { Problem } from '../model.js';
import type { HeadingMark } from '../read/heading-marks.js';
import { readFrontMatter, stringifyFrontMatter, type WritableValue } from '../documents/front-matter.js';
import { buildBlocks, type Block } from './blocks.js';
import { chooseSlug, CORPUS_DATE, takeDocumentTitle, titleFromFileName, yearInTitle } from './document-meta.js';
import { extractFootnotes } from './footnotes.js';
import { Vocabulary } from '../text/hyphenation.js';
import { relocateMarginHeadings } from './margin-headings.js';
import { removePageFurniture, type RemovedLine } from '../text/page-furniture.js';
import { escapeHeading } from '../text/markdown-escape.js';
import { renderPolicyMarkdown } from './render-markdown.js';
import { toSourceLines } from '../text/source-lines.js';
import { numberedHeadingShape } from './headings.js';

export interface ConvertOptions {
  /** Title; default: the document's own title line, else the file name. */
  title?: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; default: the first year in the title. */
  date?: string | null;
  /** Where the document came from (a file name or URL); default: `file`'s name. */
  source?: string | null;
  /** Optional kind of document ("beleidsnota", "agenda"). */
  kind?: string | null;
  /** The input file's path: names the problems and gives the slug. */
  file?: string | null;
  /** Heading lines the reader recognised by their look (`SourceText.headings`): headings for sure. */
  headings?: readonly HeadingMark[];
}

export interface ConvertResult {
  /** The corpus file: front matter and markdown body. */
  markdown: string;
  /** `[a-z0-9-]`, at most 80 characters: the corpus file is `corpus/<slug>.md`. */
  slug: string;
  title: string;
  date: string | null;
  problems: Problem[];
  /** Source lines dropped as page furniture: the only text the conversion does not keep. */
  removed: RemovedLine[];
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** Convert the plain text of a policy document into a corpus markdown document. Never throws for text. */
export function convertPolicyDocument(text: string, options: ConvertOptions = {}): ConvertResult {
  const file = options.file ?? options.source ?? null;
  const problems: Problem[] = [];
  const warn = (code: string, message: string, line: number | null = null): void => {
    problems.push({ code, severity: 'warning', message, file, line });
  };

  // A repeated numbered heading ("Artikel 5") is no running footer with a page number.
  const furniture = removePageFurniture(toSourceLines(text, options.headings), { isHeading: (line) => numberedHeadingShape(line) !== null });
  const notes = extractFootnotes(furniture.lines);
  const lines = relocateMarginHeadings(notes.lines);
  const vocabulary = new Vocabulary(lines.map((l) => l.text));
  const all = buildBlocks(lines);
  const flag = options.title?.trim() || null;
  let title: string | null;
  let blocks: Block[];
  if (flag === null) {
    ({ title, blocks } = takeDocumentTitle(all));
  } else {
    // The flag's title may repeat the document's first heading: write it once. A different first
    // heading stays a heading, so none of its words are lost.
    title = flag;
    const first = all[0];
    blocks = first?.kind === 'heading' && sameText(first.text, flag) ? all.slice(1) : all;
  }
  if (!title) {
    const name = options.source ?? options.file;
    title = name ? titleFromFileName(name) : 'Naamloos document';
    warn('corpus/title-from-file-name', `no title found in the document: used "${title}"; pass --title to set one`);
  }

  let date = options.date?.trim() || null;
  if (date !== null && !CORPUS_DATE.test(date)) {
    warn('corpus/bad-date', `date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD: left out`);
    date = null;
  }
  date ??= yearInTitle(title);
  if (date === null) warn('corpus/no-date', 'no date found in the title: pass --date');

  if (!blocks.some((b) => b.kind === 'heading')) warn('corpus/no-headings', 'no headings found: the document is one section');

  const rendered = renderPolicyMarkdown(title, blocks, notes.footnotes, notes.links, vocabulary);
  if (rendered.glyphs > 0) warn('corpus/unreadable-glyphs', `${rendered.glyphs} unreadable character(s) (U+FFFD) dropped`);

  const source = options.source ?? (options.file ? (options.file.split(/[\\/]/).pop() ?? options.file) : null);
  const frontMatter: Record<string, string | null> = { title, date, source };
  if (options.kind?.trim()) frontMatter.kind = options.kind.trim();
  return {
    markdown: stringifyFrontMatter(frontMatter, rendered.body),
    slug: chooseSlug(options.source ?? options.file ?? undefined, title),
    title,
    date,
    problems,
    removed: furniture.removed,
  };
}

/**
 * A document that is markdown already (`.md`): its body is kept as written; front matter gets
 * `title`, `date` and `source` (from flags, its own front matter, its first `#` heading, the file
 * name), and the body gets a `#` title when it has none. Broken front matter throws `InputError`.
 */
export function adoptMarkdownDocument(text: string, options: ConvertOptions = {}): ConvertResult {
  const file = options.file ?? options.source ?? null;
  const problems: Problem[] = [];
  const front = readFrontMatter(text, file);
  const own = (key: string): string | null => {
    const value = front.data[key];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const body = front.body.replace(/^\s*\n/, '');
  const h1 = /^#[ \t]+(.+?)[ \t#]*$/.exec(body.split('\n').find((l) => l.trim() !== '') ?? '')?.[1]?.trim() ?? null;
  let title = options.title?.trim() || own('title') || h1;
  if (!title) {
    const name = options.source ?? options.file;
    title = name ? titleFromFileName(name) : 'Naamloos document';
    problems.push({ code: 'corpus/title-from-file-name', severity: 'warning', message: `no title found in the document: used "${title}"; pass --title to set one`, file, line: null });
  }
  let date = options.date?.trim() || own('date');
  if (date !== null && !CORPUS_DATE.test(date)) {
    problems.push({ code: 'corpus/bad-date', severity: 'warning', message: `date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD: left out`, file, line: null });
    date = null;
  }
  date ??= yearInTitle(title);
  if (date === null) problems.push({ code: 'corpus/no-date', severity: 'warning', message: 'no date found in the title: pass --date', file, line: null });
  const data: Record<string, WritableValue> = {};
  for (const key of Object.keys(front.data)) if (typeof front.data[key] === 'string') data[key] = front.data[key];
  data.title = title;
  data.date = date;
  data.source = options.source ?? own('source') ?? (options.file ? (options.file.split(/[\\/]/).pop() ?? options.file) : null);
  const kind = options.kind?.trim() || own('kind');
  if (kind) data.kind = kind;
  const withTitle = h1 === null ? `# ${escapeHeading(title)}\n\n${body}` : body;
  return {
    markdown: stringifyFrontMatter(data, withTitle.endsWith('\n') ? withTitle : `${withTitle}\n`),
    slug: chooseSlug(options.source ?? options.file ?? undefined, title),
    title,
    date,
    problems,
    removed: [],
  };
}
