/**
 * Golden files for `answer draft`: every `test/golden/draft-<case>/` holds a question document
 * (`question.md`) and optionally an answer file to merge (`existing.md`), linker passages per
 * question (`sources.json`) and settings (`case.json`: `config` as in answer.config.json, `formats`
 * to also render `html` and `docx`). The expected output is `memo.md` (and `notes.txt`,
 * `memo.html`, `memo.docx.html` — the Word document read back with mammoth). Refresh with
 * `UPDATE_GOLDEN=1 npx vitest run src/render/golden.test.ts` and read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationOf } from '../documents/citation.js';
import { parseConfig } from '../config/config.js';
import type { Citation, Passage } from '../model.js';
import { readQuestionDocument } from '../documents/question-document.js';
import { draftAnswerDocument } from './draft.js';
import { loadTemplate } from './templates.js';
import { memoToDocx } from './to-docx.js';
import { memoToHtml } from './to-html.js';

const GOLDEN = new URL('../../test/golden/', import.meta.url).pathname;
const cases = readdirSync(GOLDEN).filter((name) => name.startsWith('draft-')).sort();

function expectGolden(dir: string, name: string, actual: string): void {
  const file = join(dir, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

function read(dir: string, name: string): string | null {
  const file = join(dir, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

describe('answer draft golden files', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = join(GOLDEN, name);
      const settings = JSON.parse(read(dir, 'case.json') ?? '{}') as { config?: unknown; formats?: string[] };
      const config = parseConfig(JSON.stringify(settings.config ?? {}), `${name}/case.json`);
      const letter = readQuestionDocument(read(dir, 'question.md')!, `${name}/question.md`);
      const passages = JSON.parse(read(dir, 'sources.json') ?? '{}') as Record<string, Array<Omit<Passage, 'title' | 'kind'>>>;
      const sources = new Map<number, Citation[]>(Object.entries(passages).map(([n, list]) => [Number(n), list.map((p) => citationOf(p))]));
      const existing = read(dir, 'existing.md');
      const template = await loadTemplate({ workspace: dir });
      const result = draftAnswerDocument({
        letter,
        template,
        settings: { municipality: config.municipality, burgemeester: config.signatories.burgemeester, secretaris: config.signatories.secretaris },
        sources,
        href: (file) => `../${file}`,
        existing: existing === null ? null : { text: existing, file: `${name}/existing.md` },
      });
      expectGolden(dir, 'memo.md', result.text);
      if (existing !== null) expectGolden(dir, 'notes.txt', result.notes.map((n) => `${n.level}: ${n.message}`).join('\n') + '\n');
      // As `draft --format html|docx` exports them: without the source lists, no link into the repository.
      if (settings.formats?.includes('html')) expectGolden(dir, 'memo.html', memoToHtml(result.text, { export: {} }));
      if (settings.formats?.includes('docx')) {
        const mammoth = await import('mammoth');
        const bytes = await memoToDocx(result.text, { municipality: config.municipality });
        const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Title'] => h1.title:fresh"] });
        expectGolden(dir, 'memo.docx.html', `${value.replace(/(<\/(?:h\d|p|blockquote|ol|ul|li)>)/g, '$1\n')}\n`);
      }
    });
  }
});
