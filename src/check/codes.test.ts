import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CODES, CHECK_PROBLEMS, checkProblemsTable } from './codes.js';

describe('check problem codes', () => {
  it('are the eight codes of the contract, each with one line of documentation', () => {
    expect(CHECK_CODES).toEqual(['missing-answer', 'unanswered', 'placeholder', 'drift', 'orphan', 'stale-citation', 'schema', 'overdue']);
    for (const code of CHECK_CODES) expect(CHECK_PROBLEMS[code]).toMatch(/^[A-Z][^\n]+\.\)?$/);
  });

  it('are documented in the README under "Check problems", exactly as in --help', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Check problems'));
    expect(section).toContain(checkProblemsTable('markdown'));
  });
});
