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
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(names, null, 2)}\n`);
    expect(existsSync(GOLDEN), `${GOLDEN} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(names).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('offers the parser, the readers and every stage without the CLI', () => {
    for (const name of ['openWorkspace', 'initWorkspace', 'parseQuestionDocument', 'readSource', 'readSourceFile', 'readQuestionDocument', 'renderQuestionDocument', 'readAnswerDocument', 'convertPolicyDocument', 'splitPassages', 'linkQuestionDocument', 'draftAnswerDocument', 'memoToDocx', 'memoToHtml', 'readAnsweredMemo']) {
      expect(typeof (library as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
