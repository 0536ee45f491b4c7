/**
 * The public library's export list is a contract: a change to it shows up here as a diff a person
 * reads (refresh with UPDATE_GOLDEN=1).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as library from './index.js';

const GOLDEN = fileURLToPath(new URL('../test/golden/exports/exports.json', import.meta.url));

describe('the public library', () => {
  it('exports exactly the reviewed names', () => {
    const names = Object.keys(library).sort();
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, `${JSON.stringify(names, null, 2)}\n`);
    expect(names).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('offers the parser, the readers and every stage without the CLI', () => {
    for (const name of ['parseQuestionDocument', 'readSource', 'loadQuestionDocument', 'renderQuestionDocument', 'loadCorpus', 'linkQuestionDocument', 'draftAnswerDocument', 'readAnswerDocument', 'checkWorkspace']) {
      expect(typeof (library as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
