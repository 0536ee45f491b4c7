/**
 * `splitPassages`: a corpus markdown file into passages (pack-passages.ts), its tree read by the
 * fast path where it can (fast-markdown.ts) and by remark-parse where it cannot, its front matter
 * by the YAML reader. load-corpus.ts tries the fast readers alone first and loads this module (and
 * remark and YAML with it) only for a file they cannot read.
 */
import type { Root } from 'mdast';
import { readFrontMatter } from '../documents/front-matter.js';
import { parseMarkdown } from '../io/markdown.js';
import type { Passage, Problem } from '../model.js';
import { fastMarkdownTree } from './fast-markdown.js';
import { splitPassagesWith, type SplitOptions } from './pack-passages.js';

export { MAX_HEADINGS, MAX_WORDS, MIN_WORDS, type SplitOptions } from './pack-passages.js';

/** Markdown one corpus document may hold, as the corpus loader reads it (load-corpus.ts). */
const MAX_CORPUS_MARKDOWN_BYTES = 10 * 1024 * 1024;

/**
 * The markdown tree as remark-parse reads it, with the time limit, size cap and nesting bound of
 * parseMarkdown: crafted markdown makes remark-parse quadratic, and a corpus file comes from
 * anywhere. Throws InputError (the file's problem).
 */
export function remarkTree(body: string, file: string | null = null): Root {
  return parseMarkdown(body, { file, maxBytes: MAX_CORPUS_MARKDOWN_BYTES });
}

/** Split a corpus markdown file into passages. Problems (broken front matter) are returned, not thrown. */
export function splitPassages(markdown: string, options: SplitOptions): { passages: Passage[]; problems: Problem[] } {
  return splitPassagesWith(markdown, options, {
    frontMatter: (text, file) => readFrontMatter(text, file),
    tree: (body) => fastMarkdownTree(body) ?? remarkTree(body, options.file),
  })!;
}
