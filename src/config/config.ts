/**
 * `answer.config.json` at the workspace root: where things live, the municipality, the answer
 * terms per kind of question. Validated strictly, with one-line errors naming the file, the key
 * path and the bad value; an unknown key is an error too (a typo would otherwise be ignored
 * silently). Defaults when the file is absent.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';

export const CONFIG_FILE = 'answer.config.json';

/** A kind of question and its answer term, from the council's Reglement van Orde. */
export interface QuestionKind {
  /** Article numbers ("45", "33a") whose questions are of this kind. */
  articles: string[];
  /** Answer term in calendar days after receipt. */
  termDays: number;
}

export interface Signatories {
  burgemeester: string | null;
  secretaris: string | null;
}

export interface AnswerConfig {
  /** Path of the config file that was read, or null when defaults are used. */
  file: string | null;
  municipality: string | null;
  /** Kinds of question by name. */
  kinds: Record<string, QuestionKind>;
  /** The kind of a question whose article selects no kind. */
  defaultKind: string;
  signatories: Signatories;
  /** Corpus folders, relative to the workspace. */
  corpus: string[];
  /** Folder of the answer documents. */
  answers: string;
  /** Folder of the question documents. */
  questions: string;
  /** Templates folder or template name; null: the built-in templates. */
  templates: string | null;
  /** Default number of passages linked to each question. */
  top: number;
  /** The Word memo (`draft --format docx`). */
  docx: DocxSettings;
  /** Where the search index lives. */
  index: IndexSettings;
}

/**
 * The search index: embedded (in memory, kept in `.answer/`) or on a PostgreSQL server that many
 * officers and councils share, each council's passages in a collection of their own.
 */
export type IndexSettings =
  | { backend: 'memory' }
  | {
      backend: 'postgres';
      /** The server's URL; null: taken from ANSWER_DATABASE_URL when the index is opened. */
      url: string | null;
      /** The collection this workspace's corpus is indexed into. */
      collection: string;
      /** The collections a query searches (default: the workspace's own). */
      search: string[];
    };

/** The variable a PostgreSQL URL may come from, so no password sits in a committed file. */
export const DATABASE_URL_ENV = 'ANSWER_DATABASE_URL';

/** A collection name: lower case letters, digits, dashes and underscores, as in a URL or a file name. */
export const COLLECTION_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export interface DocxSettings {
  /** The author in the document properties; null: "Gemeente <municipality>". */
  author: string | null;
  /**
   * A Word file (relative to the workspace) whose styles, fonts, margins, header and footer the
   * memo takes, as pandoc's `--reference-doc` does; null: the built-in house style.
   */
  reference: string | null;
}

export const DEFAULT_KIND = 'schriftelijke-vragen';

/** The configuration when there is no `answer.config.json`. */
export function defaultConfig(): AnswerConfig {
  return {
    file: null,
    municipality: null,
    kinds: { [DEFAULT_KIND]: { articles: [], termDays: 30 } },
    defaultKind: DEFAULT_KIND,
    signatories: { burgemeester: null, secretaris: null },
    corpus: ['corpus'],
    answers: 'answers',
    questions: 'questions',
    templates: null,
    top: 5,
    docx: { author: null, reference: null },
    index: { backend: 'memory' },
  };
}

const TOP_KEYS = ['$schema', 'municipality', 'kinds', 'defaultKind', 'signatories', 'corpus', 'answers', 'questions', 'templates', 'top', 'docx', 'index'];
const DOCX_KEYS = ['author', 'reference'];
const INDEX_KEYS = ['backend', 'url', 'collection', 'search'];
const KIND_KEYS = ['articles', 'term'];
const SIGNATORY_KEYS = ['burgemeester', 'secretaris'];

/** A configuration is a few lines; this bounds what is read when the file is something else. */
const MAX_CONFIG_BYTES = 256 * 1024;

/** Read and validate `answer.config.json` in `workspaceDir`; defaults when it is absent. */
export async function loadConfig(workspaceDir: string): Promise<AnswerConfig> {
  const path = join(workspaceDir, CONFIG_FILE);
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError('is not a regular file; a configuration is a JSON file', { file: CONFIG_FILE });
    if (info.size > MAX_CONFIG_BYTES) throw new InputError(`is larger than ${MAX_CONFIG_BYTES / 1024} KB; a configuration is a few lines of JSON`, { file: CONFIG_FILE });
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return defaultConfig();
    throw new InputError(`cannot read the configuration: ${(error as Error).message}`, { file: CONFIG_FILE });
  }
  return parseConfig(text, CONFIG_FILE, path);
}

/** Validate the text of a config file (`display` names it in errors). */
export function parseConfig(text: string, display: string = CONFIG_FILE, path: string | null = display): AnswerConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${(error as Error).message}`, { file: display, line: jsonErrorLine(text, error) });
  }
  const fail = (key: string, message: string): never => {
    throw new InputError(`${key}: ${message}`, { file: display });
  };
  if (!isObject(raw)) fail('(top)', `the configuration must be a JSON object, not ${show(raw)}`);
  const input = raw as Record<string, unknown>;
  checkKeys(input, TOP_KEYS, '', fail);

  const config = defaultConfig();
  config.file = path;
  if (has(input, 'municipality')) config.municipality = optionalString(input.municipality, 'municipality', fail);
  if (has(input, 'kinds')) {
    const kinds = input.kinds;
    if (!isObject(kinds)) fail('kinds', `must be an object of kinds by name, not ${show(kinds)}`);
    const entries = Object.keys(kinds as object);
    if (entries.length === 0) fail('kinds', 'must name at least one kind');
    config.kinds = Object.create(null) as Record<string, QuestionKind>;
    const articleOwner = new Map<string, string>();
    for (const name of entries) {
      const path = `kinds.${name}`;
      if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) fail(path, `the kind name ${show(name)} must be lower case letters, digits and dashes`);
      const kind = (kinds as Record<string, unknown>)[name];
      if (!isObject(kind)) fail(path, `must be an object like { "term": "30 dagen" }, not ${show(kind)}`);
      const entry = kind as Record<string, unknown>;
      checkKeys(entry, KIND_KEYS, `${path}.`, fail);
      if (!has(entry, 'term')) fail(`${path}.term`, 'is missing: give the answer term, e.g. 30, "21 dagen", "4 weeks"');
      const termDays = parseTerm(entry.term, `${path}.term`, fail);
      const articles = has(entry, 'articles') ? parseArticles(entry.articles, `${path}.articles`, fail) : [];
      for (const article of articles) {
        const owner = articleOwner.get(article);
        if (owner !== undefined) fail(`${path}.articles`, `article ${show(article)} is already listed under kinds.${owner}`);
        articleOwner.set(article, name);
      }
      config.kinds[name] = { articles, termDays };
    }
    config.defaultKind = entries[0]!;
  }
  if (has(input, 'defaultKind')) {
    const value = input.defaultKind;
    if (typeof value !== 'string' || !Object.hasOwn(config.kinds, value)) {
      fail('defaultKind', `${show(value)} is not one of the kinds (${Object.keys(config.kinds).join(', ')})`);
    }
    config.defaultKind = value as string;
  }
  if (has(input, 'signatories')) {
    const value = input.signatories;
    if (!isObject(value)) fail('signatories', `must be an object like { "burgemeester": "...", "secretaris": "..." }, not ${show(value)}`);
    const entry = value as Record<string, unknown>;
    checkKeys(entry, SIGNATORY_KEYS, 'signatories.', fail);
    config.signatories = {
      burgemeester: has(entry, 'burgemeester') ? optionalString(entry.burgemeester, 'signatories.burgemeester', fail) : null,
      secretaris: has(entry, 'secretaris') ? optionalString(entry.secretaris, 'signatories.secretaris', fail) : null,
    };
  }
  if (has(input, 'corpus')) {
    const value = typeof input.corpus === 'string' ? [input.corpus] : input.corpus;
    if (!Array.isArray(value) || value.length === 0) fail('corpus', `must be a list of folders, not ${show(input.corpus)}`);
    config.corpus = (value as unknown[]).map((item, i) => folder(item, `corpus.${i}`, fail));
  }
  if (has(input, 'answers')) config.answers = folder(input.answers, 'answers', fail);
  if (has(input, 'questions')) config.questions = folder(input.questions, 'questions', fail);
  if (has(input, 'templates')) config.templates = input.templates === null ? null : folder(input.templates, 'templates', fail);
  if (has(input, 'top')) {
    const value = input.top;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1000) {
      fail('top', `${show(value)} must be a whole number from 1 to 1000`);
    }
    config.top = value as number;
  }
  if (has(input, 'docx')) {
    const value = input.docx;
    if (!isObject(value)) fail('docx', `must be an object like { "author": "Gemeente Zwolle", "reference": "huisstijl.docx" }, not ${show(value)}`);
    const entry = value as Record<string, unknown>;
    checkKeys(entry, DOCX_KEYS, 'docx.', fail);
    const reference = has(entry, 'reference') && entry.reference !== null ? folder(entry.reference, 'docx.reference', fail) : null;
    if (reference !== null && !/\.(?:docx|dotx)$/i.test(reference)) fail('docx.reference', `${show(reference)} must be a Word file (.docx or .dotx)`);
    config.docx = { author: has(entry, 'author') ? optionalString(entry.author, 'docx.author', fail) : null, reference };
  }
  if (has(input, 'index')) config.index = parseIndex(input.index, fail);
  return config;
}

function parseIndex(value: unknown, fail: Fail): IndexSettings {
  if (!isObject(value)) fail('index', `must be an object like { "backend": "postgres", "collection": "zwolle" }, not ${show(value)}`);
  const entry = value as Record<string, unknown>;
  checkKeys(entry, INDEX_KEYS, 'index.', fail);
  const backend = has(entry, 'backend') ? entry.backend : 'memory';
  if (backend !== 'memory' && backend !== 'postgres') fail('index.backend', `${show(backend)} must be "memory" or "postgres"`);
  if (backend === 'memory') {
    for (const key of ['url', 'collection', 'search']) if (has(entry, key)) fail(`index.${key}`, 'is for "backend": "postgres" only');
    return { backend: 'memory' };
  }
  let url: string | null = null;
  if (has(entry, 'url') && entry.url !== null) {
    if (typeof entry.url !== 'string' || !/^postgres(?:ql)?:\/\/\S+$/.test(entry.url.trim())) {
      // Not shown: a URL may hold a password.
      fail('index.url', `must be a URL such as "postgres://user@host:5432/database", not a ${typeof entry.url === 'string' ? 'string of another form' : show(entry.url)}`);
    }
    url = (entry.url as string).trim();
  }
  const name = (item: unknown, key: string): string => {
    if (typeof item !== 'string' || !COLLECTION_NAME.test(item)) fail(key, `${show(item)} must be a collection name: lower case letters, digits, "-" and "_", at most 63`);
    return item as string;
  };
  if (!has(entry, 'collection')) fail('index.collection', 'is missing: name the collection this workspace indexes into, e.g. "zwolle"');
  const collection = name(entry.collection, 'index.collection');
  let search = [collection];
  if (has(entry, 'search')) {
    const list = typeof entry.search === 'string' ? [entry.search] : entry.search;
    if (!Array.isArray(list) || list.length === 0) fail('index.search', `must be a list of collection names, not ${show(entry.search)}`);
    search = [...new Set((list as unknown[]).map((item, i) => name(item, `index.search.${i}`)))];
  }
  return { backend: 'postgres', url, collection, search };
}

type Fail = (key: string, message: string) => never;

function has(object: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(object, key);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function checkKeys(object: Record<string, unknown>, known: string[], prefix: string, fail: Fail): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const guess = closest(key, known);
    fail(`${prefix}${key}`, `unknown key${guess ? ` (did you mean "${guess}"?)` : ''}; known keys: ${known.filter((k) => k !== '$schema').join(', ')}`);
  }
}

/** The known key within edit distance 2 (case-insensitive), for "did you mean". */
function closest(key: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function optionalString(value: unknown, key: string, fail: Fail): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') fail(key, `must be text, not ${show(value)}`);
  const text = (value as string).trim();
  return text === '' ? null : text;
}

function folder(value: unknown, key: string, fail: Fail): string {
  if (typeof value !== 'string' || value.trim() === '' || value.includes('\0')) {
    fail(key, `must be a folder name, not ${show(value)}`);
  }
  return (value as string).trim();
}

const DAY_UNITS = /^(?:d|dag|dagen|day|days)$/i;
const WEEK_UNITS = /^(?:w|wk|week|weken|weeks)$/i;

/**
 * An answer term: a number of days, or text in Dutch or English ("21 dagen", "3 weken",
 * "4 weeks"), normalised to calendar days.
 */
export function parseTerm(value: unknown, key: string, fail: Fail): number {
  const usage = 'write a number of days or text such as "21 dagen", "3 weken", "30 days", "4 weeks"';
  let days: number | null = null;
  if (typeof value === 'number') {
    days = value;
  } else if (typeof value === 'string') {
    const match = /^\s*(-?\d+)\s*([a-z]+)?\s*$/i.exec(value);
    if (match) {
      const amount = Number(match[1]);
      const unit = match[2] ?? 'dagen';
      if (DAY_UNITS.test(unit)) days = amount;
      else if (WEEK_UNITS.test(unit)) days = amount * 7;
      else if (/^(?:werkdag(?:en)?|working)$/i.test(unit)) fail(key, `${show(value)}: working days are not supported; give calendar days`);
    }
  }
  if (days === null) fail(key, `${show(value)} is not a term; ${usage}`);
  if (!Number.isInteger(days) || (days as number) <= 0 || (days as number) > 3660) {
    fail(key, `${show(value)} must be a positive whole number of days (at most 3660)`);
  }
  return days as number;
}

function parseArticles(value: unknown, key: string, fail: Fail): string[] {
  const list = typeof value === 'string' || typeof value === 'number' ? [value] : value;
  if (!Array.isArray(list)) fail(key, `must be a list of article numbers such as ["45"], not ${show(value)}`);
  return (list as unknown[]).map((item, i) => {
    const article = normalizeArticle(typeof item === 'number' ? String(item) : item);
    if (article === null) fail(`${key}.${i}`, `${show(item)} is not an article number such as "45" or "33a"`);
    return article as string;
  });
}

/** "45", "art. 45", "artikel 33a" → "45", "33a"; anything else → null. */
export function normalizeArticle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^\s*(?:art(?:ikel)?\.?\s*)?(\d+[a-z]?)\s*$/i.exec(value);
  return match ? match[1]!.toLowerCase() : null;
}

function jsonErrorLine(text: string, error: unknown): number | null {
  const match = /position (\d+)/.exec((error as Error).message);
  if (!match) return null;
  const position = Number(match[1]);
  return text.slice(0, position).split('\n').length;
}
