/**
 * Memo templates: Handlebars files a municipality can override. A template is found by name
 * (`memo` → `templates/memo.md.hbs` in the workspace, else the bundled one) or by path; its
 * partials come from `partials/` beside it, then the workspace's `templates/partials/`, then the
 * bundled ones, so a municipality overrides only the parts it wants to.
 *
 * Safety: only template files are ever compiled. Data (letter text) reaches the output through
 * helpers, never through the compiler. Every `{{value}}` and `{{{value}}}` is rewritten to
 * `{{md-inline value}}` before compiling, so Handlebars' HTML escaping (wrong for markdown) never
 * applies and no letter text goes in unescaped. Errors in a template (syntax, a missing partial,
 * an unknown helper) are `InputError`s naming the template file and line, found before rendering.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type HandlebarsNamespace from 'handlebars';
import { InputError } from '../errors.js';
import { BUILTIN_HELPERS, helpers } from './helpers.js';

type Handlebars = typeof HandlebarsNamespace;
type AstNode = { type: string; loc?: { start: { line: number } } } & Record<string, unknown>;

/** The templates shipped with the package. */
export const BUNDLED_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The default memo template's name. */
export const DEFAULT_TEMPLATE = 'memo';

/** Template files are small; a larger file is not a template. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

const TEMPLATE_EXTENSIONS = ['.md.hbs', '.hbs'];

export interface TemplateLocation {
  /** Template name (`memo`) or a path to a `.hbs` file. Default `memo`. */
  template?: string | null;
  /** The workspace folder, where `templates/` is looked up first. */
  workspace: string;
  /** The workspace's template folder, relative to the workspace (default `templates`). */
  templatesDir?: string | null;
  /** How to show paths in messages: relative to this folder (default: the workspace). */
  displayBase?: string;
}

/** A compiled memo template, ready to render a view. */
export interface CompiledTemplate {
  /** The template file. */
  file: string;
  /** Partial files used, by name. */
  partials: Record<string, string>;
  render(view: unknown): string;
}

/** What is at a path: a regular file (a link to one counts), nothing, or something else (a FIFO, a folder, a link to a device). */
async function kindOf(path: string): Promise<'file' | 'none' | 'other'> {
  try {
    return (await stat(path)).isFile() ? 'file' : 'other';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'none' : 'other';
  }
}

const NOT_A_TEMPLATE_FILE = 'is not a regular file; a template is a .hbs text file';

function display(path: string, base: string): string {
  const rel = path.startsWith(base + '/') ? path.slice(base.length + 1) : path;
  return rel.split('\\').join('/');
}

/** Find the template file for a name or path. */
export async function resolveTemplate(location: TemplateLocation): Promise<string> {
  const workspace = resolve(location.workspace);
  const wanted = (location.template ?? '').trim() || DEFAULT_TEMPLATE;
  const looksLikePath = /[\\/]/.test(wanted) || wanted.endsWith('.hbs');
  if (looksLikePath) {
    const path = isAbsolute(wanted) ? wanted : resolve(workspace, wanted);
    const kind = await kindOf(path);
    if (kind !== 'file') throw new InputError(kind === 'none' ? 'template not found' : NOT_A_TEMPLATE_FILE, { file: display(path, location.displayBase ?? workspace) });
    return path;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(wanted) || wanted.includes('..')) {
    throw new InputError(`"${wanted}" is not a template name (letters, digits, "-" and "_"), nor a path to a .hbs file`);
  }
  const folders = [resolve(workspace, location.templatesDir ?? 'templates'), BUNDLED_TEMPLATES_DIR];
  for (const folder of folders) {
    for (const extension of TEMPLATE_EXTENSIONS) {
      const path = join(folder, `${wanted}${extension}`);
      const kind = await kindOf(path);
      if (kind === 'file') return path;
      // Something else under the template's name is a mistake to name, not to pass over silently.
      if (kind === 'other') throw new InputError(NOT_A_TEMPLATE_FILE, { file: display(path, location.displayBase ?? workspace) });
    }
  }
  throw new InputError(`no template "${wanted}": looked for ${wanted}.md.hbs in ${folders.map((f) => display(f, location.displayBase ?? workspace)).join(' and ')}`);
}

async function readTemplateFile(path: string, shown: string): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError('template file not found', { file: shown });
  }
  if (info.size > MAX_TEMPLATE_BYTES) throw new InputError('template file is larger than 1 MB', { file: shown });
  const text = await readFile(path, 'utf8');
  if (text.includes('\u0000')) throw new InputError('template file is binary, not text', { file: shown });
  return text;
}

/** A Handlebars parse error as one line: file:line and what was expected. */
function syntaxError(error: unknown, shown: string): InputError {
  const e = error as { message?: string; lineNumber?: number };
  const message = String(e.message ?? error);
  const lines = message.split('\n');
  const lineMatch = /line (\d+)/.exec(lines[0] ?? '');
  const line = e.lineNumber ?? (lineMatch ? Number(lineMatch[1]) : null);
  let what = lines.length >= 4 ? lines[3]! : lines[0]!;
  what = what.replace(/ - \d+:\d+$/, '').trim();
  return new InputError(`template syntax error: ${what}`, { file: shown, line });
}

/** Walk a Handlebars AST, calling `visit` on every node (parents before children). */
function walk(node: unknown, visit: (node: AstNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (typeof node !== 'object' || node === null || typeof (node as AstNode).type !== 'string') return;
  const n = node as AstNode;
  visit(n);
  for (const key of ['body', 'path', 'params', 'hash', 'pairs', 'value', 'program', 'inverse', 'name']) {
    if (key in n) walk(n[key], visit);
  }
}

function pathName(node: unknown): string | null {
  const n = node as { type?: string; original?: unknown; parts?: unknown[]; data?: boolean } | null;
  if (!n || n.type !== 'PathExpression' || n.data) return null;
  return typeof n.original === 'string' ? n.original : null;
}

/**
 * Rewrite every mustache so its value goes through `md-inline` (see the module comment), and
 * collect the partials and helpers the template uses, with their lines.
 */
function prepare(ast: AstNode): { partials: Array<{ name: string; line: number | null }>; helperCalls: Array<{ name: string; line: number | null }>; inline: Set<string> } {
  const partials: Array<{ name: string; line: number | null }> = [];
  const helperCalls: Array<{ name: string; line: number | null }> = [];
  const inline = new Set<string>();
  walk(ast, (node) => {
    const line = node.loc?.start.line ?? null;
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = node.name as { type: string; original?: unknown; value?: unknown };
      const value = name.type === 'PathExpression' ? name.original : name.type === 'StringLiteral' ? name.value : null;
      if (typeof value === 'string' && value !== '@partial-block') partials.push({ name: value, line });
    }
    if (node.type === 'DecoratorBlock' && pathName(node.path) === 'inline') {
      const first = (node.params as Array<{ value?: unknown }>)[0];
      if (typeof first?.value === 'string') inline.add(first.value);
    }
    if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
      const name = pathName(node.path);
      const hasArgs = (node.params as unknown[]).length > 0 || Boolean((node.hash as { pairs?: unknown[] } | undefined)?.pairs?.length);
      if (name && hasArgs) helperCalls.push({ name, line });
    }
    if (node.type === 'MustacheStatement') {
      const name = pathName(node.path);
      if (name === 'md-inline') return;
      const params = node.params as unknown[];
      const hash = node.hash;
      const inner = params.length > 0 || hash ? { type: 'SubExpression', path: node.path, params, hash, loc: node.loc } : node.path;
      node.path = { type: 'PathExpression', data: false, depth: 0, parts: ['md-inline'], original: 'md-inline', loc: node.loc };
      node.params = [inner];
      node.hash = undefined;
      node.escaped = false;
    }
  });
  return { partials, helperCalls, inline };
}

/**
 * Load and compile a memo template with its partials. Throws `InputError` (file and line) for a
 * syntax error, a partial that cannot be found or a helper that does not exist.
 */
export async function loadTemplate(location: TemplateLocation): Promise<CompiledTemplate> {
  const workspace = resolve(location.workspace);
  const base = location.displayBase ?? workspace;
  const file = await resolveTemplate(location);
  const { default: HandlebarsModule } = await import('handlebars');
  const hb: Handlebars = HandlebarsModule.create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn as (...args: unknown[]) => unknown);
  const knownHelpers = new Set([...Object.keys(helpers), ...BUILTIN_HELPERS]);

  const partialFolders = [
    join(dirname(file), 'partials'),
    resolve(workspace, location.templatesDir ?? 'templates', 'partials'),
    join(BUNDLED_TEMPLATES_DIR, 'partials'),
  ];
  const findPartial = async (name: string): Promise<string | null> => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(name) || name.includes('..')) return null;
    for (const folder of partialFolders) {
      for (const extension of TEMPLATE_EXTENSIONS) {
        const path = join(folder, `${name}${extension}`);
        const kind = await kindOf(path);
        if (kind === 'file') return path;
        if (kind === 'other') throw new InputError(NOT_A_TEMPLATE_FILE, { file: display(path, base) });
      }
    }
    return null;
  };

  const compileFile = async (path: string, text: string): Promise<{ fn: ReturnType<Handlebars['compile']>; uses: Array<{ name: string; line: number | null }>; inline: Set<string> }> => {
    const shown = display(path, base);
    let ast: AstNode;
    try {
      ast = hb.parse(text, { srcName: shown }) as unknown as AstNode;
    } catch (error) {
      throw syntaxError(error, shown);
    }
    const { partials, helperCalls, inline } = prepare(ast);
    for (const call of helperCalls) {
      if (!knownHelpers.has(call.name)) {
        throw new InputError(`template uses an unknown helper "${call.name}" (helpers: ${Object.keys(helpers).join(', ')})`, { file: shown, line: call.line });
      }
    }
    let fn;
    try {
      fn = hb.compile(ast, { noEscape: true, strict: false, knownHelpers: Object.fromEntries([...knownHelpers].map((h) => [h, true])) });
    } catch (error) {
      throw syntaxError(error, shown);
    }
    return { fn, uses: partials, inline };
  };

  const mainText = await readTemplateFile(file, display(file, base));
  const main = await compileFile(file, mainText);
  const used: Record<string, string> = {};
  const queue: Array<{ from: string; uses: Array<{ name: string; line: number | null }>; inline: Set<string> }> = [{ from: file, uses: main.uses, inline: main.inline }];
  while (queue.length > 0) {
    const { from, uses, inline } = queue.shift()!;
    for (const use of uses) {
      if (used[use.name] !== undefined || inline.has(use.name)) continue;
      const path = await findPartial(use.name);
      if (!path) {
        throw new InputError(`template uses a partial "${use.name}" that does not exist (looked for ${use.name}.md.hbs in ${partialFolders.map((f) => display(f, base)).join(', ')})`, {
          file: display(from, base),
          line: use.line,
        });
      }
      used[use.name] = path;
      const compiled = await compileFile(path, await readTemplateFile(path, display(path, base)));
      hb.registerPartial(use.name, compiled.fn);
      queue.push({ from: path, uses: compiled.uses, inline: compiled.inline });
    }
  }

  return {
    file,
    partials: used,
    render(view: unknown): string {
      try {
        return main.fn(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new InputError(`template failed: ${message}`, { file: display(file, base) });
      }
    },
  };
}

/** The name a template is known by: its file name without `.md.hbs`. */
export function templateName(file: string): string {
  return basename(file).replace(/\.md\.hbs$|\.hbs$/, '');
}
