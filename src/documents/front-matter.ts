/**
 * YAML front matter, split and read safely by our own code (no gray-matter: it only found the
 * fence we find here anyway, and cost 34 ms of start-up with js-yaml and esprima).
 *
 * Front matter comes from files people edit and from letters we import, so it is untrusted:
 * - Any opening fence that names a language other than YAML (`---js`, `---json`, `--- coffee`)
 *   is refused, never run.
 * - YAML is read with the failsafe schema: every scalar is a string, so `nr: 0012` stays "0012"
 *   (YAML 1.1 gives 10), `12:30` stays "12:30" (1.1 gives 750) and dates stay strings. The only
 *   implicit type kept is null for a plain `null`/`~`/empty value. Each document kind converts and
 *   validates its own fields (`schema.ts`).
 * - Aliases are expanded by our own walk with a small budget (alias bombs), and the parsed YAML
 *   node tree is never serialised again: writing goes through plain data only.
 * - Maps become null-prototype objects, so keys such as `__proto__` or `constructor` are plain
 *   own properties and never reach a prototype.
 *
 * The front matter our tools write (`key: value`, two-space lists and groups, plain or simply
 * quoted scalars) is read by a line scanner that gives exactly what `yaml` gives (a property test
 * holds it to that); anything else goes to `yaml`, which is loaded only then: 40 ms of start-up
 * that `answer check` on a workspace written by our tools never pays.
 */
import { createRequire } from 'node:module';
import type { Node as YamlNode } from 'yaml';
import { InputError } from '../errors.js';
import type { Problem } from '../model.js';

/** A value in front matter as read: strings (no implicit typing), null, lists and maps. */
export type FrontMatterValue = string | null | FrontMatterValue[] | FrontMatterMap;
/** A front-matter map: a null-prototype object. */
export interface FrontMatterMap {
  [key: string]: FrontMatterValue;
}

export interface FrontMatter {
  /** The front matter as a null-prototype object (empty when the file has none or it is broken). */
  data: FrontMatterMap;
  /** Everything after the closing fence line (the whole text when there is no front matter). */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyStartLine: number;
  /** Line (1-based, in the file) of each key, by dotted path: `uitstel.until`, `parties.0`. */
  keyLines: Record<string, number>;
}

export interface FrontMatterRead extends FrontMatter {
  /** Whether the text opens with a front-matter fence. */
  present: boolean;
  /** Why the front matter could not be read (`schema` errors at their line); empty when it could. */
  problems: Problem[];
}

/** Aliases one front-matter block may expand. Our documents use none; a few are harmless. */
const MAX_ALIASES = 20;
/** Nodes one block may expand to: bounds alias bombs (9 aliases of 9 give 9^9 nodes). */
const MAX_NODES = 20_000;
const NULL_PLAIN = /^(?:~|null|Null|NULL)?$/;
const OPENING_FENCE = /^---(?!-)([^\r\n]*)$/;

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '');
}

/** Whether the text starts with a front-matter fence (`---`, possibly naming a language). */
export function hasFrontMatter(text: string): boolean {
  return OPENING_FENCE.test(firstLine(stripBom(text)));
}

const emptyMap = (): FrontMatterMap => Object.create(null) as FrontMatterMap;
const emptyLines = (): Record<string, number> => Object.create(null) as Record<string, number>;

/**
 * Split YAML front matter from the body and parse it safely. Never throws for bad content: a
 * non-YAML fence, an unclosed block or broken YAML is a `schema` problem at its line (and the data
 * is empty, the body what follows the block when it is closed).
 */
export function parseFrontMatter(text: string, file: string | null = null): FrontMatterRead {
  const source = stripBom(text);
  const opening = OPENING_FENCE.exec(firstLine(source));
  if (!opening) return { data: emptyMap(), body: source, bodyStartLine: 1, keyLines: emptyLines(), present: false, problems: [] };
  const fail = (message: string, line: number | null, body = '', bodyStartLine = 1): FrontMatterRead => ({
    data: emptyMap(),
    body,
    bodyStartLine,
    keyLines: emptyLines(),
    present: true,
    problems: [{ code: 'schema', severity: 'error', message, file, line }],
  });

  // The closing fence is the first later line that starts with "---"; a malformed one ("---foo")
  // is refused rather than let it cut the YAML in the middle.
  let at = source.indexOf('\n') + 1;
  let line = 2;
  let close = -1;
  while (at > 0 && at < source.length) {
    if (source.startsWith('---', at)) {
      close = at;
      break;
    }
    at = source.indexOf('\n', at) + 1;
    line++;
  }
  const language = opening[1]!.trim();
  if (language !== '' && !/^(?:yaml|yml)$/i.test(language)) {
    return fail(`front matter must be YAML; a "---${language}" block is refused, never run`, 1);
  }
  if (close === -1) return fail('front matter is not closed: add a line "---" after it', 1);
  const closeEnd = source.indexOf('\n', close);
  const closing = source.slice(close, closeEnd === -1 ? source.length : closeEnd).replace(/\r$/, '');
  const body = closeEnd === -1 ? '' : source.slice(closeEnd + 1);
  const bodyStartLine = line + 1;
  if (!/^---[ \t]*$/.test(closing)) {
    return fail(`front matter closing fence must be "---", found "${closing.slice(0, 40)}"`, line, body, bodyStartLine);
  }
  // The block without the line break before the closing fence (as YAML tools are given it: a
  // block scalar at the end keeps no extra newline, an error at the end is on the last line).
  const yamlText = source.slice(source.indexOf('\n') + 1, Math.max(source.indexOf('\n') + 1, close - 1));
  const plain = plainYaml(yamlText);
  if (plain) return { ...plain, body, bodyStartLine, present: true, problems: [] };
  try {
    const parsed = parseYaml(yamlText, file);
    return { ...parsed, body, bodyStartLine, present: true, problems: [] };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return fail(error.message, error.line, body, bodyStartLine);
  }
}

/**
 * `parseFrontMatter` for callers that must refuse a file whose front matter cannot be read (the
 * corpus, the HTML writer): throws `InputError` with the file and line of the first problem.
 */
export function readFrontMatter(text: string, file: string | null = null): FrontMatter {
  const { data, body, bodyStartLine, keyLines, problems } = parseFrontMatter(text, file);
  const first = problems[0];
  if (first) throw new InputError(first.message, { file, line: first.line });
  return { data, body, bodyStartLine, keyLines };
}

// ---------------------------------------------------------------------------------------------
// The plain subset, by lines.

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
const CHILD_KEY = /^ {2}([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
const LIST_ITEM = /^(?: {2})?-(?: (.*))?$/;
/**
 * A plain scalar that means the same in every YAML reading: no indicator first, no comment, no
 * mapping; `^[^\s\-?:,[\]{}#&*!|>'"%@\`](?:[^#:]|:(?! |$))*$`, taken as its first character and
 * three native searches (the alternation at every character cost more).
 */
const PLAIN_FIRST = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/;
const SPACE = /\s/;

/** The value of a scalar as the failsafe reader gives it, or undefined when not sure. */
function scalar(raw: string): FrontMatterValue | undefined {
  if (raw === '') return null;
  if (SPACE.test(raw.charAt(raw.length - 1))) return undefined;
  const first = raw.charCodeAt(0);
  if (first === 34) {
    const double = /^"([^"\\]*)"$/.exec(raw);
    if (double) return double[1]!;
  } else if (first === 39) {
    const single = /^'([^']*)'$/.exec(raw);
    if (single) return single[1]!;
  }
  if (!PLAIN_FIRST.test(raw) || raw.includes('#') || raw.includes(': ') || raw.charCodeAt(raw.length - 1) === 58) return undefined;
  return raw.length <= 4 && NULL_PLAIN.test(raw) ? null : raw;
}

/**
 * Front matter in the plain subset our writers produce, read as `yaml` would read it; null when
 * any line is beyond that subset (then `yaml` decides). Lines are those of the YAML block, which
 * starts on line 2 of the file.
 */
export function plainYaml(yamlText: string): { data: FrontMatterMap; keyLines: Record<string, number> } | null {
  if (yamlText.includes('\r') || yamlText.includes('\t')) return null;
  const lines = yamlText === '' ? [] : yamlText.split('\n');
  const data = emptyMap();
  const keyLines = emptyLines();
  let open: { key: string; kind: 'unknown' | 'list' | 'map'; indented: boolean } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 2;
    // A key first: a line that is one is not blank, a comment or the end of a document.
    const top = KEY.exec(line);
    if (!top && (line.trim() === '' || line.startsWith('#') || line.startsWith('...'))) return null;
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
      open = raw === '' ? { key, kind: 'unknown', indented: false } : null;
      continue;
    }
    if (!open) return null;
    const item = LIST_ITEM.exec(line);
    if (item && open.kind !== 'map') {
      // A list needs one indentation for all its items.
      const indented = line.startsWith('  ');
      if (open.kind === 'list' && indented !== open.indented) return null;
      if (open.kind === 'unknown') {
        data[open.key] = [];
        open.kind = 'list';
        open.indented = indented;
      }
      // An empty item gets no key line from `yaml`: leave it to `yaml`.
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
        data[open.key] = emptyMap();
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
  return { data, keyLines };
}

// ---------------------------------------------------------------------------------------------
// Everything else, by `yaml` (loaded on first use).

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | null = null;
function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yamlModule;
}

/** A YAML block read by `yaml` (exported so the tests can hold `plainYaml` to it); throws `InputError`. */
export function parseYaml(yamlText: string, file: string | null): { data: FrontMatterMap; keyLines: Record<string, number> } {
  const YAML = yaml();
  const { isAlias, isMap, isScalar, isSeq } = YAML;
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(yamlText, {
    schema: 'failsafe',
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  // The YAML block starts on line 2 of the file.
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line + 1);
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`front matter is not valid YAML: ${message}`, { file, line: lineOf(first.pos[0]) });
  }
  const keyLines = emptyLines();
  const contents = doc.contents as YamlNode | null;
  if (contents === null || (isScalar(contents) && NULL_PLAIN.test(String(contents.value ?? '')))) {
    return { data: emptyMap(), keyLines };
  }
  if (!isMap(contents)) {
    throw new InputError('front matter must be a list of "key: value" lines', { file, line: lineOf(contents.range?.[0]) });
  }
  const budget = { aliases: 0, nodes: 0 };
  const active = new Set<YamlNode>();

  const convert = (node: unknown, path: string): FrontMatterValue => {
    if (++budget.nodes > MAX_NODES) {
      throw new InputError('front matter expands to too many values (alias bomb?)', { file, line: 1 });
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++budget.aliases > MAX_ALIASES) {
        throw new InputError(`front matter uses more than ${MAX_ALIASES} aliases`, { file, line: lineOf(node.range?.[0]) });
      }
      const target = node.resolve(doc) as YamlNode | undefined;
      if (!target) throw new InputError(`unknown alias *${node.source}`, { file, line: lineOf(node.range?.[0]) });
      return convert(target, path);
    }
    if (isScalar(node)) {
      const value = node.value === null || node.value === undefined ? '' : String(node.value);
      return node.type === 'PLAIN' && NULL_PLAIN.test(value) ? null : value;
    }
    if (active.has(node as YamlNode)) {
      throw new InputError('front matter refers to itself through an alias', { file, line: lineOf((node as YamlNode).range?.[0]) });
    }
    active.add(node as YamlNode);
    try {
      if (isSeq(node)) {
        return node.items.map((item, index) => {
          const itemPath = `${path}.${index}`;
          const range = (item as YamlNode | null)?.range;
          if (range) keyLines[itemPath] ??= lineOf(range[0]);
          return convert(item, itemPath);
        });
      }
      if (isMap(node)) {
        const out = emptyMap();
        for (const pair of node.items) {
          const keyNode = pair.key as YamlNode | null;
          if (keyNode !== null && !isScalar(keyNode)) {
            throw new InputError('front matter keys must be plain words', { file, line: lineOf(keyNode.range?.[0]) });
          }
          const key = keyNode === null || keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
          const keyPath = path === '' ? key : `${path}.${key}`;
          keyLines[keyPath] = lineOf(keyNode?.range?.[0]);
          // Null-prototype object: `__proto__` and `constructor` are ordinary own keys here.
          out[key] = convert(pair.value, keyPath);
        }
        return out;
      }
    } finally {
      active.delete(node as YamlNode);
    }
    throw new InputError('front matter holds a value of an unknown kind', { file, line: 1 });
  };
  return { data: convert(contents, '') as FrontMatterMap, keyLines };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Plain data we write: what the document kinds produce, never a parsed YAML node tree. */
export type WritableValue = string | number | boolean | null | undefined | WritableValue[] | { [key: string]: WritableValue };

/**
 * Tags a YAML 1.1 reader resolves implicitly, except timestamps: strings those would misread
 * (`yes`, `0012`, `12:30`) are quoted, while an ISO date stays plain (`date: 2025-04-12`), which a
 * typed reader reads as the date it is.
 */
let compatTags: unknown[] | null = null;
function compat(): unknown[] {
  compatTags ??= new (yaml().Document)(null, { version: '1.1' }).schema.tags.filter((tag) => !String(tag.tag).endsWith(':timestamp'));
  return compatTags;
}

/** Copy into a tree of plain data, dropping `undefined`, refusing cycles and non-plain values. */
function plain(value: WritableValue, seen: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('front matter numbers must be finite');
    return value;
  }
  if (typeof value !== 'object') throw new TypeError(`front matter cannot hold a ${typeof value}`);
  if (seen.has(value)) throw new TypeError('front matter data must not contain cycles');
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => plain(item === undefined ? null : item, seen));
    // A Map keeps `__proto__` as an ordinary key while yaml stringifies it.
    const out = new Map<string, unknown>();
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, WritableValue>)[key];
      if (item !== undefined) out.set(key, plain(item, seen));
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * Front matter and body as one file: `---`, readable YAML, `---`, the body (as given, so
 * `readFrontMatter` gives it back unchanged). Strings that a typed
 * YAML reader (1.2 core or 1.1) would take for another type are quoted; ISO dates stay plain.
 */
export function stringifyFrontMatter(data: Record<string, WritableValue>, body: string): string {
  const yamlText = yaml().stringify(plain(data, new Set()), {
    compat: compat() as never,
    lineWidth: 0,
    minContentWidth: 0,
    indentSeq: true,
    aliasDuplicateObjects: false,
  });
  const block = yamlText.trim() === '{}' ? '' : yamlText;
  return `---\n${block}---\n${body}`;
}
