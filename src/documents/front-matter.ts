/**
 * YAML front matter, read and written safely.
 *
 * Front matter comes from files people edit and from letters we import, so it is untrusted:
 * - gray-matter evaluates `---js` / `---javascript` blocks with `eval` by default, and
 *   `engines: { js: false }` does not stop it (its engine lookup falls back to the built-in one
 *   for a falsy entry). Any opening fence that names a language other than YAML is refused here,
 *   before gray-matter sees the text, and gray-matter gets our own YAML engine.
 * - YAML is read with the failsafe schema: every scalar is a string, so `nr: 0012` stays "0012"
 *   (YAML 1.1 gives 10), `12:30` stays "12:30" (1.1 gives 750) and dates stay strings. The only
 *   implicit type kept is null for a plain `null`/`~`/empty value. Each document kind converts and
 *   validates its own fields.
 * - Aliases are expanded by our own walk with a small budget (alias bombs), and the parsed YAML
 *   node tree is never serialised again: writing goes through plain data only.
 * - Maps become null-prototype objects, so keys such as `__proto__` or `constructor` are plain
 *   own properties and never reach a prototype.
 */
import matter from 'gray-matter';
import YAML, { isAlias, isMap, isScalar, isSeq, LineCounter, type Node as YamlNode } from 'yaml';
import { InputError } from '../errors.js';

/** A value in front matter as read: strings (no implicit typing), null, lists and maps. */
export type FrontMatterValue = string | null | FrontMatterValue[] | FrontMatterMap;
/** A front-matter map: a null-prototype object. */
export interface FrontMatterMap {
  [key: string]: FrontMatterValue;
}

export interface FrontMatter {
  /** The front matter as a null-prototype object (empty when the file has none). */
  data: FrontMatterMap;
  /** Everything after the closing fence (the whole text when there is no front matter). */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyStartLine: number;
  /** Line (1-based, in the file) of each key, by dotted path: `uitstel.until`, `parties.0`. */
  keyLines: Record<string, number>;
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

function lines(text: string): string[] {
  return text.split('\n');
}

/** Whether the text starts with a front-matter fence (`---`, possibly naming a language). */
export function hasFrontMatter(text: string): boolean {
  const first = lines(stripBom(text))[0] ?? '';
  return OPENING_FENCE.test(first.replace(/\r$/, ''));
}

/**
 * Split YAML front matter from the body and parse it safely.
 * Throws `InputError` (with file and line) for a non-YAML fence, an unclosed block or broken YAML.
 */
export function readFrontMatter(text: string, file: string | null = null): FrontMatter {
  const source = stripBom(text);
  if (!hasFrontMatter(source)) {
    return { data: Object.create(null) as FrontMatterMap, body: source, bodyStartLine: 1, keyLines: Object.create(null) as Record<string, number> };
  }
  const all = lines(source);
  const language = (OPENING_FENCE.exec(all[0]!.replace(/\r$/, ''))?.[1] ?? '').trim();
  if (language !== '' && !/^(?:yaml|yml)$/i.test(language)) {
    throw new InputError(`front matter must be YAML; a "---${language}" block is refused, never run`, { file, line: 1 });
  }
  // gray-matter closes the block at the first "\n---"; find that line ourselves so we can refuse
  // a malformed fence ("---foo") instead of letting it cut the YAML in the middle.
  let closeLine = -1;
  for (let i = 1; i < all.length; i++) {
    if (all[i]!.startsWith('---')) {
      closeLine = i;
      break;
    }
  }
  if (closeLine === -1) {
    throw new InputError('front matter is not closed: add a line "---" after it', { file, line: 1 });
  }
  const closing = all[closeLine]!.replace(/\r$/, '');
  if (!/^---[ \t]*$/.test(closing)) {
    throw new InputError(`front matter closing fence must be "---", found "${closing.slice(0, 40)}"`, { file, line: closeLine + 1 });
  }

  let parsed: { data: FrontMatterMap; keyLines: Record<string, number> } | null = null;
  const yamlEngine = {
    parse: (yamlText: string): object => {
      parsed = parseYaml(yamlText, file);
      return parsed.data;
    },
    stringify: (): string => {
      throw new Error('gray-matter must not stringify: use stringifyFrontMatter');
    },
  };
  const refuse = {
    parse: (): object => {
      throw new InputError('front matter must be YAML', { file, line: 1 });
    },
  };
  // Passing options also keeps gray-matter from caching by content (it caches only without options).
  const result = matter(source, {
    language: 'yaml',
    engines: { yaml: yamlEngine, javascript: refuse, js: refuse, json: refuse, coffee: refuse, toml: refuse },
  } as unknown as Parameters<typeof matter>[1]);

  // `file.matter` starts right after the opening fence's first line, so line k of it is line k
  // of the file; gray-matter skips the engine for an empty (or comment-only) block.
  const frontMatter = (parsed as { data: FrontMatterMap; keyLines: Record<string, number> } | null) ?? {
    data: Object.create(null) as FrontMatterMap,
    keyLines: Object.create(null) as Record<string, number>,
  };
  let body = result.content;
  if (closing.length > 3) body = body.replace(/^[ \t]+(?:\r?\n|$)/, '');
  return { data: frontMatter.data, body, bodyStartLine: closeLine + 2, keyLines: frontMatter.keyLines };
}

function parseYaml(yamlText: string, file: string | null): { data: FrontMatterMap; keyLines: Record<string, number> } {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(yamlText, {
    schema: 'failsafe',
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`front matter is not valid YAML: ${message}`, { file, line: lineOf(first.pos[0]) });
  }
  const keyLines = Object.create(null) as Record<string, number>;
  const contents = doc.contents as YamlNode | null;
  if (contents === null || (isScalar(contents) && NULL_PLAIN.test(String(contents.value ?? '')))) {
    return { data: Object.create(null) as FrontMatterMap, keyLines };
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
        const out = Object.create(null) as FrontMatterMap;
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

/** Plain data we write: what the document kinds produce, never a parsed YAML node tree. */
export type WritableValue = string | number | boolean | null | undefined | WritableValue[] | { [key: string]: WritableValue };

/**
 * Tags a YAML 1.1 reader resolves implicitly, except timestamps: strings those would misread
 * (`yes`, `0012`, `12:30`) are quoted, while an ISO date stays plain (`date: 2025-04-12`), which a
 * typed reader reads as the date it is.
 */
let compatTags: unknown[] | null = null;
function compat(): unknown[] {
  compatTags ??= new YAML.Document(null, { version: '1.1' }).schema.tags.filter((tag) => !String(tag.tag).endsWith(':timestamp'));
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
  const yamlText = YAML.stringify(plain(data, new Set()), {
    compat: compat() as never,
    lineWidth: 0,
    minContentWidth: 0,
    indentSeq: true,
    aliasDuplicateObjects: false,
  });
  const block = yamlText.trim() === '{}' ? '' : yamlText;
  return `---\n${block}---\n${body}`;
}
