/**
 * Which producer reads a body's blocks (see blocks.ts): the line scanner when it accepts the body
 * and stays within its budget, else the markdown tree.
 */
import type { Root } from 'mdast';
import { InputError } from '../errors.js';
import { parseMarkdown } from '../io/markdown.js';
import type { Problem } from '../model.js';
import { type Block, ScanBudgetExceeded, treeBlocks } from './blocks.js';
import { scanBlocks } from './scan.js';

export interface ReadBodyOptions {
  file?: string | null;
  /** `tree` reads the markdown tree even when the scanner could read the body (tests compare the two). */
  producer?: 'auto' | 'tree';
}

/**
 * Apply document rules to the blocks of a body. A body that cannot be parsed (too large, or over
 * the time limit) is a `schema` problem and reads as no blocks. Never throws for content.
 */
export function readBody<T>(body: string, rules: (blocks: Block[]) => T, options: ReadBodyOptions = {}): { result: T; problems: Problem[] } {
  const file = options.file ?? null;
  if (options.producer !== 'tree') {
    const scanned = scanBlocks(body);
    if (scanned) {
      try {
        return { result: rules(scanned), problems: [] };
      } catch (error) {
        if (!(error instanceof ScanBudgetExceeded)) throw error;
      }
    }
  }
  let root: Root;
  const problems: Problem[] = [];
  try {
    root = parseMarkdown(body, { file });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push({ code: 'schema', severity: 'error', message: error.message, file, line: error.line });
    root = { type: 'root', children: [] };
  }
  return { result: rules(treeBlocks(root)), problems };
}
