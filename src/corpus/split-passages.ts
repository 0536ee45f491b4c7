/**
 * `splitPassages`: a corpus markdown file into passages (pack-passages.ts), its tree read by the
 * fast path where it can (fast-markdown.ts) and by remark-parse where it cannot, its front matter
 * by the YAML reader. load-corpus.ts tries the fast readers alone first and loads this module (and
 * remark and YAML with it) only for a file they cannot read.
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readFrontMatter } from '../documents/front-matter.js';
import type { Passage, Problem } from '../model.js';
import { fastMarkdownTree } from './fast-markdown.js';
import { splitPassagesWith, type SplitOptions } from './pack-passages.js';

export { MAX_WORDS, MIN_WORDS, type SplitOptions } from './pack-passages.js';

/** The markdown tree as remark-parse reads it. */
export function remarkTree(body: string): Root {
  return unified().use(remarkParse).parse(body) as Root;
}

/** Split a corpus markdown file into passages. Problems (broken front matter) are returned, not thrown. */
export function splitPassages(markdown: string, options: SplitOptions): { passages: Passage[]; problems: Problem[] } {
  return splitPassagesWith(markdown, options, {
    frontMatter: (text, file) => readFrontMatter(text, file),
    tree: (body) => fastMarkdownTree(body) ?? remarkTree(body),
  })!;
}
