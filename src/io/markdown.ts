/**
 * Markdown to mdast with a size cap and a time limit.
 *
 * remark-parse (micromark) is quadratic on some crafted inputs. Measured on this machine
 * (remark-parse 11, Node 20): 31 KB of `*…*a*…*` took 50 s, 47 KB of `**_` repeated 39 s, 31 KB
 * of `_*` repeated 11.5 s, 78 KB of `a**b ` 18 s, 1,000 nested list levels 48 s. Ordinary markdown parses at about 100-600 KB/s (list-heavy question
 * documents at the low end), so a question document of 100 questions (~25 KB) takes ~0.1-0.3 s.
 *
 * So: text over `MAX_MARKDOWN_BYTES` is refused. Small text without many emphasis/link delimiters
 * or deep nesting (the cheap precheck below) is parsed inline: under these limits the worst
 * cases measured stay under about 0.2 s (1,000 `**_` delimiters: 0.16 s). Anything else is parsed
 * in a worker thread that is stopped after `timeLimitMs`; the main thread waits for it
 * synchronously (Atomics.wait), so the API stays synchronous. `bench/markdown.ts` keeps these
 * figures measured.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { InputError } from '../errors.js';

/** Largest markdown file we read: a question document is some KB; 2 MB of prose parses in about 3.5 s. */
export const MAX_MARKDOWN_BYTES = 2 * 1024 * 1024;
/** Above this size, or when the precheck finds risky structure, parse in a worker. */
const INLINE_MAX_CHARS = 256 * 1024;
/** Unescaped `*`/`_` delimiters parsed inline: 1,000 stars in the worst shape measured ~0.15 s. */
const INLINE_MAX_EMPHASIS = 1_000;
const INLINE_MAX_BRACKETS = 1_000;
const INLINE_MAX_BACKTICKS = 2_000;
/** `<` starts autolinks and HTML: 130,000 of them took 0.8 s, 2,000 take a few ms. */
const INLINE_MAX_ANGLES = 2_000;
/** Columns of leading indentation, `>` or list markers before a line's text. */
const INLINE_MAX_NESTING = 40;
/**
 * Lines parsed inline: micromark keeps a few KB per line while it parses, and 200,000 blank
 * lines (200 KB) took 0.9 GB and 7 s. The worker has a memory limit as well as a time limit.
 */
const INLINE_MAX_LINES = 10_000;
const DEFAULT_TIME_LIMIT_MS = 10_000;
/**
 * Quotes and lists nested deeper than this are refused. Memos and letters quote one or two
 * levels; an answer quoted 3,000 levels deep overflowed the stack in every reader and writer of
 * the tree (the worker's reply alone could not be received), so every draft format failed.
 */
export const MAX_NESTING = 100;

function tooDeep(file: string | null, depth?: number): InputError {
  return new InputError(`quotes or lists are nested more than ${MAX_NESTING} levels deep${depth === undefined ? '' : ` (${depth})`}; flatten them`, { file });
}

/** The deepest run of quote markers and list markers that opens a line (`> > - > text`). */
export function deepestLineNesting(text: string): number {
  let deepest = 0;
  for (const match of text.matchAll(/^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/gm)) {
    const depth = (match[0].match(/>|[-+*]|\d{1,9}[.)]/g) ?? []).length;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

export interface ParseMarkdownOptions {
  /** Names the file in errors. */
  file?: string | null;
  /** Time limit for risky input, in ms (default 10 s). */
  timeLimitMs?: number;
  /** Largest text parsed, in bytes (default `MAX_MARKDOWN_BYTES`). */
  maxBytes?: number;
}

/**
 * remark-parse, loaded on first use: `answer check` on documents the line scanner reads
 * (documents/scan.ts) never needs it, and it costs some 50-80 ms of start-up.
 */
let processor: Processor<Root> | null = null;
function markdownParser(): Processor<Root> {
  if (processor) return processor;
  const load = createRequire(import.meta.url);
  const { unified } = load('unified') as typeof import('unified');
  const { default: remarkParse } = load('remark-parse') as typeof import('remark-parse');
  processor = unified().use(remarkParse) as unknown as Processor<Root>;
  return processor;
}

/** Whether the text is safe to parse on the main thread (small and without risky structure). */
export function isCheapMarkdown(text: string): boolean {
  if (text.length > INLINE_MAX_CHARS) return false;
  let emphasis = 0;
  let brackets = 0;
  let backticks = 0;
  let angles = 0;
  let lineStart = true;
  let nesting = 0;
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      if (++lines > INLINE_MAX_LINES) return false;
      lineStart = true;
      nesting = 0;
      continue;
    }
    if (lineStart) {
      // spaces, tabs, `>` and list markers before the text of the line
      if (c === 32 || c === 9 || c === 62 || c === 45 || c === 43 || c === 42) {
        nesting += c === 9 ? 4 : 1;
        if (nesting > INLINE_MAX_NESTING) return false;
      } else {
        lineStart = false;
      }
    }
    if (c === 92 /* \ */) {
      i++; // an escaped character is not a delimiter
      continue;
    }
    if (c === 42 || c === 95) {
      if (++emphasis > INLINE_MAX_EMPHASIS) return false;
    } else if (c === 91 || c === 93) {
      if (++brackets > INLINE_MAX_BRACKETS) return false;
    } else if (c === 96) {
      if (++backticks > INLINE_MAX_BACKTICKS) return false;
    } else if (c === 60) {
      if (++angles > INLINE_MAX_ANGLES) return false;
    }
  }
  return true;
}

/**
 * Parse markdown into mdast (with positions). Throws `InputError` when the text is over
 * `MAX_MARKDOWN_BYTES` or takes longer than the time limit.
 */
export function parseMarkdown(text: string, options: ParseMarkdownOptions = {}): Root {
  const file = options.file ?? null;
  const maxBytes = options.maxBytes ?? MAX_MARKDOWN_BYTES;
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new InputError(`file is too large: over ${maxBytes / 1024 / 1024} MB of markdown`, { file });
  }
  if (isCheapMarkdown(text)) return markdownParser().parse(text);
  const lineNesting = deepestLineNesting(text);
  if (lineNesting > MAX_NESTING) throw tooDeep(file, lineNesting);
  return parseInWorker(text, file, options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
}

let moduleUrls: { unified: string; remarkParse: string } | null = null;
function urls() {
  if (moduleUrls === null) {
    const require = createRequire(import.meta.url);
    moduleUrls = {
      unified: pathToFileURL(require.resolve('unified')).href,
      remarkParse: pathToFileURL(require.resolve('remark-parse')).href,
    };
  }
  return moduleUrls;
}

// Plain JavaScript run by the worker: it imports the same modules by resolved URL, so it works
// from the compiled package and from the TypeScript sources under test alike.
const WORKER_CODE = `
const { workerData } = require('node:worker_threads');
(async () => {
  const { port, signal, text, urls, maxNesting } = workerData;
  try {
    const { unified } = await import(urls.unified);
    const { default: remarkParse } = await import(urls.remarkParse);
    const tree = unified().use(remarkParse).parse(text);
    // Quotes and lists nested by indentation: measured without recursion, and never sent back
    // too deep (receiving a deep tree overflows the stack).
    let deepest = 0;
    const stack = [[tree, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop();
      const here = depth + (node.type === 'blockquote' || node.type === 'list' ? 1 : 0);
      if (here > deepest) deepest = here;
      if (deepest > maxNesting) break;
      if (node.children) for (const child of node.children) stack.push([child, here]);
    }
    if (deepest > maxNesting) port.postMessage({ ok: false, deep: deepest });
    else port.postMessage({ ok: true, tree });
  } catch (error) {
    port.postMessage({ ok: false, message: String((error && error.message) || error) });
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
})();
`;

function parseInWorker(text: string, file: string | null, timeLimitMs: number): Root {
  // Loaded here: most documents are read by the line scanner or parsed on this thread.
  const { MessageChannel, receiveMessageOnPort, Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_CODE, {
    eval: true,
    workerData: { port: port2, signal, text, urls: urls(), maxNesting: MAX_NESTING },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: 512 },
    stdout: true,
    stderr: true,
  });
  worker.on('error', () => undefined);
  try {
    const waited = Atomics.wait(signal, 0, 0, timeLimitMs);
    const reply = receiveMessageOnPort(port1)?.message as { ok: true; tree: Root } | { ok: false; message?: string; deep?: number } | undefined;
    if (waited === 'timed-out' || reply === undefined) {
      throw new InputError(
        `markdown took longer than ${Math.round(timeLimitMs / 1000)} s to read (very large, or crafted: long runs of * or _, very deep nesting); simplify the file`,
        { file },
      );
    }
    if (!reply.ok) {
      if (reply.deep !== undefined) throw tooDeep(file);
      throw new InputError(`cannot read the markdown: ${reply.message}`, { file });
    }
    return reply.tree;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
