/**
 * Red team, input kind: size and shape — huge lines, 80,000 short lines, deep nesting (quotes
 * 3,000 levels deep, lists, brackets), a corpus file with 135,000 headings, a 100,000-star line,
 * a letter with 20,000 questions, a 60 MB gold file, files over the size limit. Each runs under
 * the watchdog's time and memory limits: slow (quadratic) or exploding work fails the case.
 */
import { readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { ANSWER_FILE, LETTER_FILE, LETTER_ID, SEED_LETTER, SEED_MEMO, WRITTEN_ANSWER, type Workspace, redTeamFile } from './harness.js';
import { placeFile, placeSparse } from './setup.js';

const { runner, cases } = redTeamFile();

/** 80,000 short lines, in the shapes that were quadratic: numbers, numbered items without a question, one-word lines, footnote-like lines. */
const SHORT_LINES: Record<string, (i: number) => string> = {
  numbers: (i) => String(i),
  'numbered statements': (i) => `${i + 1}. tekst`,
  words: () => 'woord',
  'footnote lines': (i) => `${i}) voetnoot http://x.nl/${i}`,
  'sentences without a break': (i) => `Dit is zin ${i}. En nog een`,
  'blank lines between': (i) => (i % 2 ? '' : 'a'),
  'starred lines': (i) => `* punt ${i}`,
};
const LINES = 80_000;
/** A near-linear parser reads 80,000 short lines in about a second; quadratic steps took minutes. */
const SHORT_LINES_MS = 15_000;

function shortLines(shape: (i: number) => string): string {
  return `Zwolle, 3 maart 2025\n\n1. Wat vindt het college hiervan?\n${Array.from({ length: LINES }, (_, i) => shape(i)).join('\n')}\n`;
}

describe('80,000 short lines: near-linear, within the watchdog', () => {
  for (const [name, shape] of Object.entries(SHORT_LINES)) {
    cases([
      { name: `parse: ${name}`, setup: (ws) => placeFile(join(ws.base, 'lang.txt'), shortLines(shape)), argv: ['parse', '../lang.txt', '--json'], timeMs: SHORT_LINES_MS, expect: { done: [0] } },
      { name: `corpus add: ${name}`, setup: (ws) => placeFile(join(ws.base, 'lang.txt'), shortLines(shape)), argv: ['corpus', 'add', '../lang.txt'], timeMs: SHORT_LINES_MS, expect: { done: [0] } },
    ]);
  }
  cases([
    {
      name: 'import, then draft of a letter with 2,000 questions',
      setup: (ws) => placeFile(join(ws.base, 'veel.txt'), `Zwolle, 3 maart 2025\n\nVragen van de fractie van D66 over veel\n\n${Array.from({ length: 2_000 }, (_, i) => `${i + 1}. Waarom gebeurt ${i}?`).join('\n')}\n`),
      argv: ['import', '../veel.txt'],
      timeMs: 30_000,
      expect: { done: [0] },
      then: async (ws) => {
        const run = await runner.run(ws.dir, ['draft', '2025-03-03-d66-veel', '--top', '0'], { timeMs: 30_000 });
        expect(run.code, run.err).toBe(0);
      },
    },
    {
      name: 'search after adding a policy document of 80,000 short lines',
      setup: async (ws) => {
        await placeFile(join(ws.base, 'lang.txt'), shortLines(SHORT_LINES['sentences without a break']!));
        const add = await runner.run(ws.dir, ['corpus', 'add', '../lang.txt'], { timeMs: SHORT_LINES_MS });
        expect(add.code, add.err).toBe(0);
      },
      argv: ['search', 'zin'],
      timeMs: 30_000,
      expect: { done: [0] },
    },
  ]);
});

describe('huge lines', () => {
  const line = 'zorg en veiligheid '.repeat(500_000); // 9.5 MB on one line
  // Runs that a regular expression ending in `+$` retries from every position: quadratic.
  const runs: Record<string, string> = {
    spaces: `Waarom${' '.repeat(100_000)}nu?`,
    'leading spaces': `${' '.repeat(100_000)}- Waarom nu?`,
    dots: `Waarom${'.'.repeat(100_000)}nu?`,
    'blank lines': `Waarom${'\n'.repeat(100_000)}nu?`,
    tabs: `Waarom${'\t'.repeat(100_000)}nu?`,
  };
  for (const [name, run] of Object.entries(runs)) {
    const letter = `Zwolle, 3 maart 2025\n\nVragen van D66\n\n1. ${run}\n2. En verder?\n`;
    cases([
      { name: `parse (.txt): a run of 100,000 ${name}`, setup: (ws) => placeFile(join(ws.base, 'l.txt'), letter), argv: ['parse', '../l.txt'], timeMs: 10_000, expect: { done: [0] } },
      { name: `parse (.md): a run of 100,000 ${name}`, setup: (ws) => placeFile(join(ws.base, 'l.md'), letter), argv: ['parse', '../l.md'], timeMs: 10_000, expect: { done: [0] } },
      { name: `parse (.html): a run of 100,000 ${name}`, setup: (ws) => placeFile(join(ws.base, 'l.html'), `<p>${letter.replace(/\n/g, '<br>\n')}</p>`), argv: ['parse', '../l.html'], timeMs: 10_000, expect: { done: [0] } },
      { name: `corpus add: a run of 100,000 ${name}`, setup: (ws) => placeFile(join(ws.base, 'n.txt'), `Nota\n\n${run}\n`), argv: ['corpus', 'add', '../n.txt'], timeMs: 10_000, expect: { done: [0] } },
      { name: `search: a corpus file with a run of 100,000 ${name}`, setup: (ws) => placeFile(ws.path('corpus/run.md'), `# Run\n\n${run}\n`), argv: ['search', 'verward gedrag'], timeMs: 10_000, expect: { done: [0] } },
      // Draft reads the answer document three times (the file, the new draft, the result read back).
      { name: `draft: an answer with a run of 100,000 ${name}`, setup: async (ws) => placeFile(ws.path(ANSWER_FILE), (await readFile(ws.path(ANSWER_FILE), 'utf8')).replace(WRITTEN_ANSWER, `${WRITTEN_ANSWER} ${run}`)), argv: ['draft', LETTER_ID, '--top', '0'], timeMs: 20_000, expect: { done: [0, 2] } },
    ]);
  }
  cases([
    // Over the readers' 4 million characters of text: refused in one line (src/read/limits.ts).
    { name: 'parse: a letter that is one 9.5 MB line', setup: (ws) => placeFile(join(ws.base, 'l.txt'), `${line}?\n`), argv: ['parse', '../l.txt'], expect: { refused: 'l.txt' } },
    { name: 'corpus add: a policy document that is one 9.5 MB line', setup: (ws) => placeFile(join(ws.base, 'n.txt'), `Nota\n\n${line}\n`), argv: ['corpus', 'add', '../n.txt'], expect: { refused: 'n.txt' } },
    { name: 'search: a corpus file with one 9.5 MB line is skipped or read, the rest searchable', setup: (ws) => placeFile(ws.path('corpus/lang.md'), `# Lang\n\n${line}\n`), argv: ['search', 'verward gedrag'], expect: { done: [0] }, then: async (_ws, run) => expect(run.out).toContain('koers') },
    { name: 'a 100,000-star line in a corpus file: the rest searchable', setup: (ws) => placeFile(ws.path('corpus/sterren.md'), `# Sterren\n\n${'*'.repeat(100_000)}\n`), argv: ['search', 'verward gedrag'], expect: { done: [0] }, then: async (_ws, run) => expect(run.out).toContain('koers') },
    { name: 'a 100,000-star line in a .md letter: parse', setup: (ws) => placeFile(join(ws.base, 'l.md'), `# Brief\n\n${'*'.repeat(100_000)}\n\n1. Wat vindt het college?\n`), argv: ['parse', '../l.md'], expect: { done: [0, 2] } },
    { name: 'a 100,000-star line in an answer: draft', setup: async (ws) => placeFile(ws.path(ANSWER_FILE), (await readFile(ws.path(ANSWER_FILE), 'utf8')).replace(WRITTEN_ANSWER, `${WRITTEN_ANSWER}\n\n${'*'.repeat(100_000)}`)), argv: ['draft', LETTER_ID], expect: { done: [0, 2] } },
    { name: 'a 1 MB question text in a question document: draft --format docx', setup: async (ws) => placeFile(ws.path(LETTER_FILE), (await readFile(ws.path(LETTER_FILE), 'utf8')).replace('Ziet het college', `Ziet het college ${'heel lang '.repeat(100_000)}`)), argv: ['draft', LETTER_ID, '--format', 'docx', '--top', '0'], expect: { done: [0, 2] } },
  ]);
});

/** The answer document with `depth` levels of quote in the answer to question 1. */
const deepQuote = (depth: number) => async (ws: Workspace) =>
  placeFile(ws.path(ANSWER_FILE), (await readFile(ws.path(ANSWER_FILE), 'utf8')).replace(WRITTEN_ANSWER, `${WRITTEN_ANSWER}\n\n${'> '.repeat(depth)}diep geciteerd`));

describe('deep nesting', () => {
  // Every format refuses it in one line naming the answer document, and `check` reports it.
  cases([{ name: 'an answer quoted 3,000 levels deep: check reports it', setup: deepQuote(3000), argv: ['check', '--today', '2025-05-01'], expect: { done: [1] }, then: async (_ws, run) => expect(run.out).toMatch(/nested more than 100 levels deep/) }]);
  for (const format of ['md', 'html', 'docx']) {
    cases([
      { name: `an answer quoted 3,000 levels deep: draft --format ${format} refuses it in one line`, setup: deepQuote(3000), argv: ['draft', LETTER_ID, '--format', format, '--force'], expect: { refused: ANSWER_FILE } },
      { name: `an answer quoted 40 levels deep is drafted (--format ${format})`, setup: deepQuote(40), argv: ['draft', LETTER_ID, '--format', format, '--force'], expect: { done: [0] } },
    ]);
  }
  cases([
    {
      name: 'an answer quoted 3,000 levels deep: the draft of another letter is not affected',
      setup: async (ws) => {
        await deepQuote(3000)(ws);
        await placeFile(join(ws.base, 'ander.txt'), 'Zwolle, 3 maart 2025\n\nVragen van de fractie van GL over verward gedrag\n\n1. Hoe helpt het college inwoners met verward gedrag?\n');
      },
      argv: ['draft', '../ander.txt', '--stdout'],
      expect: { done: [0] },
      then: async (_ws, run) => expect(run.out).toMatch(/verward gedrag/i),
    },
    { name: 'an answer quoted 3,000 levels deep: search still works', setup: deepQuote(3000), argv: ['search', 'verward gedrag'], expect: { done: [0] } },
    { name: 'an answer quoted 3,000 levels deep: import-answers of the memo refuses it in one line', setup: deepQuote(3000), argv: ['import-answers', SEED_MEMO], expect: { refused: ANSWER_FILE } },
    { name: 'a letter with lists nested 3,000 deep', setup: (ws) => placeFile(join(ws.base, 'l.md'), `${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- Waarom ${i}?`).join('\n')}\n`), argv: ['parse', '../l.md'], expect: { done: [0, 2] } },
    {
      name: 'a question with 150,000 sub-questions in its question document',
      setup: async (ws) => placeFile(ws.path(LETTER_FILE), (await readFile(ws.path(LETTER_FILE), 'utf8')).replace(/(## Vraag 1\b[^\n]*\n\n[^\n]*\n)/, `$1\n${Array.from({ length: 150_000 }, () => '- a').join('\n')}\n`)),
      argv: ['parse', LETTER_FILE],
      expect: { done: [0, 2] },
    },
    { name: 'a letter with 100,000 brackets', setup: (ws) => placeFile(join(ws.base, 'l.txt'), `1. Waarom ${'('.repeat(100_000)}?\n`), argv: ['parse', '../l.txt'], expect: { done: [0] } },
    { name: 'a policy document with 100,000 open brackets over many lines', setup: (ws) => placeFile(join(ws.base, 'n.txt'), `Nota\n\n${Array.from({ length: 50_000 }, () => 'tekst (').join('\n\n')}\n`), argv: ['corpus', 'add', '../n.txt'], timeMs: SHORT_LINES_MS, expect: { done: [0] } },
  ]);
});

describe('one bad corpus file is the problem of that file', () => {
  cases([
    {
      name: 'a corpus file with 135,000 headings: search, link and draft still work on the rest',
      setup: (ws) => placeFile(ws.path('corpus/koppen.md'), `# Koppen\n\n${Array.from({ length: 135_000 }, (_, i) => `## Kop ${i}\n\nzorg ${i}\n`).join('\n')}`),
      argv: ['search', 'verward gedrag'],
      timeMs: 60_000,
      expect: { done: [0] },
      then: async (ws, run) => {
        expect(run.out).toContain('koers');
        const link = await runner.run(ws.dir, ['link', LETTER_ID], { timeMs: 60_000 });
        expect(link.code, link.err).toBe(0);
        const draft = await runner.run(ws.dir, ['draft', LETTER_ID, '--stdout'], { timeMs: 60_000 });
        expect(draft.code, draft.err).toBe(0);
      },
    },
  ]);
});

describe('files over a limit are refused before they are read whole', () => {
  cases([
    {
      name: 'eval: a 60 MB gold file',
      setup: (ws) => placeSparse(join(ws.base, 'gold.json'), 60 * 1024 * 1024),
      argv: ['eval', '../gold.json'],
      timeMs: 5_000,
      expect: { refused: 'gold.json', message: /larger than/ },
    },
    {
      name: 'eval: a 6 MB gold file',
      setup: (ws) => placeFile(join(ws.base, 'gold.json'), `{"questions": [], "pad": "${'x'.repeat(6 * 1024 * 1024)}"}`),
      argv: ['eval', '../gold.json'],
      expect: { refused: 'gold.json', message: /larger than/ },
    },
    {
      name: 'eval: a gold file of arrays nested 1,000 deep',
      setup: (ws) => placeFile(join(ws.base, 'gold.json'), `{"questions": [${'['.repeat(1000)}${']'.repeat(1000)}]}`),
      argv: ['eval', '../gold.json'],
      expect: { refused: 'gold.json' },
    },
    {
      name: 'eval: a small gold file runs',
      setup: (ws) => placeFile(join(ws.base, 'gold.json'), JSON.stringify({ questions: [{ n: 1, q: 'Wat doet het college aan verward gedrag?', gold: [{ doc: 'koers', snippet: 'meldpunt' }] }] })),
      argv: ['eval', '../gold.json'],
      expect: { done: [0] },
    },
    {
      name: 'parse: a 25 MB letter',
      setup: (ws) => placeSparse(join(ws.base, 'l.txt'), 25 * 1024 * 1024),
      argv: ['parse', '../l.txt'],
      timeMs: 5_000,
      expect: { refused: 'l.txt', message: /larger than/ },
    },
    {
      name: 'a 25 MB answer document: draft refuses it',
      setup: async (ws) => truncate(ws.path(ANSWER_FILE), 25 * 1024 * 1024),
      argv: ['draft', LETTER_ID],
      timeMs: 5_000,
      expect: { refused: ANSWER_FILE },
    },
    {
      name: 'import of the same letter 30 times in one command',
      argv: ['import', ...Array.from({ length: 30 }, () => SEED_LETTER)],
      expect: { done: [2] },
    },
  ]);
});
