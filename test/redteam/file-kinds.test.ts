/**
 * Red team, input kind: what stands at a path is not the regular file a command expects — a FIFO
 * (reading it would wait forever), a link to /dev/zero (endless), a device, a folder, a dangling
 * link, a link out of the workspace — on the command line, at every path in the workspace a
 * command reads or writes, and at the lock, index and backup paths. And folders that are files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { ANSWER_FILE, type Case, LETTER_FILE, LETTER_ID, SEED_LETTER, SEED_MEMO, WRITTEN_ANSWER, redTeamFile } from './harness.js';
import { ODD_KINDS, placeFile, placeOdd, type OddKind } from './setup.js';

const { cases } = redTeamFile();

/** The commands that read a file named on the command line, with the argv that names `file`. */
const INPUT_COMMANDS: Array<[string, (file: string) => string[]]> = [
  ['parse', (f) => ['parse', f]],
  ['import', (f) => ['import', f]],
  ['link', (f) => ['link', f]],
  ['draft', (f) => ['draft', f, '--stdout']],
  ['record', (f) => ['record', f, '--received', '2025-05-01']],
  ['corpus add', (f) => ['corpus', 'add', f]],
  ['import-answers', (f) => ['import-answers', f]],
  ['eval', (f) => ['eval', f]],
  ['draft --template', (f) => ['draft', LETTER_ID, '--stdout', '--template', f]],
];

describe('a file named on the command line that is not a regular file', () => {
  for (const kind of ['fifo', 'zero-link', 'folder', 'dangling-link'] as const) {
    for (const [name, argv] of INPUT_COMMANDS) {
      cases([
        {
          name: `${name}: ${kind}`,
          setup: (ws) => placeOdd(ws, join(ws.base, 'input.md'), kind),
          argv: () => argv('../input.md'),
          expect: { refused: 'input.md' },
        },
      ]);
    }
  }
  for (const [name, argv] of INPUT_COMMANDS.filter(([n]) => n !== 'draft --template')) {
    cases([{ name: `${name}: /dev/zero itself`, argv: argv('/dev/zero'), expect: { refused: '/dev/zero' } }]);
  }
});

describe('a question document that is not a regular file', () => {
  const odd = (kind: OddKind) => (ws: Parameters<NonNullable<Case['setup']>>[0]) => placeOdd(ws, ws.path(LETTER_FILE), kind);
  for (const kind of ODD_KINDS) {
    cases([
      { name: `link <id>: ${kind}`, setup: odd(kind), argv: ['link', LETTER_ID], expect: { refused: LETTER_FILE } },
      { name: `draft <id>: ${kind}`, setup: odd(kind), argv: ['draft', LETTER_ID], expect: { refused: LETTER_FILE } },
      { name: `record <id>: ${kind}`, setup: odd(kind), argv: ['record', LETTER_ID, '--received', '2025-05-01'], expect: { refused: LETTER_FILE } },
      { name: `import --force over it: ${kind}`, setup: odd(kind), argv: ['import', SEED_LETTER, '--force'], expect: { refused: LETTER_FILE } },
      { name: `restore: ${kind}`, setup: odd(kind), argv: ['restore', LETTER_FILE, '1'], expect: { refused: LETTER_FILE } },
    ]);
  }
  for (const kind of ODD_KINDS) {
    cases([
      {
        name: `import-answers matches the memo past another question document that is a ${kind}`,
        setup: (ws) => placeOdd(ws, ws.path('questions/extra.md'), kind),
        argv: ['import-answers', SEED_MEMO],
        expect: { done: [0] },
      },
      {
        name: `import of another letter past a question document that is a ${kind}`,
        setup: (ws) => placeOdd(ws, ws.path('questions/extra.md'), kind),
        argv: ['import', SEED_LETTER, '--force'],
        expect: { done: [0] },
      },
    ]);
  }
});

describe('an answer document that is not a regular file', () => {
  const odd = (kind: OddKind) => (ws: Parameters<NonNullable<Case['setup']>>[0]) => placeOdd(ws, ws.path(ANSWER_FILE), kind);
  for (const kind of ODD_KINDS) {
    cases([
      { name: `draft: ${kind}`, setup: odd(kind), argv: ['draft', LETTER_ID], expect: { refused: ANSWER_FILE } },
      { name: `draft --force: ${kind}`, setup: odd(kind), argv: ['draft', LETTER_ID, '--force'], expect: { refused: ANSWER_FILE } },
      { name: `draft --format html: ${kind}`, setup: odd(kind), argv: ['draft', LETTER_ID, '--format', 'html'], expect: { refused: ANSWER_FILE } },
      { name: `record --vastgesteld: ${kind}`, setup: odd(kind), argv: ['record', LETTER_ID, '--vastgesteld', '2025-05-10'], expect: { refused: ANSWER_FILE } },
      { name: `import-answers: ${kind}`, setup: odd(kind), argv: ['import-answers', SEED_MEMO], expect: { refused: ANSWER_FILE } },
      { name: `search goes on without it: ${kind}`, setup: odd(kind), argv: ['search', 'zorg'], expect: { done: [0] } },
    ]);
  }
});

describe('a corpus document that is not a regular file', () => {
  for (const kind of ODD_KINDS) {
    const setup = (ws: Parameters<NonNullable<Case['setup']>>[0]) => placeOdd(ws, ws.path('corpus/extra.md'), kind);
    cases([
      { name: `search skips it: ${kind}`, setup, argv: ['search', 'zorg'], expect: { done: [0] } },
      { name: `link skips it: ${kind}`, setup, argv: ['link', LETTER_ID], expect: { done: [0] } },
      { name: `draft --stdout skips it: ${kind}`, setup, argv: ['draft', LETTER_ID, '--stdout'], expect: { done: [0] } },
    ]);
  }
  for (const kind of ['fifo', 'zero-link', 'folder', 'outside-link'] as const) {
    cases([
      {
        name: `corpus add --force onto a target that is a ${kind}`,
        setup: async (ws) => {
          await placeFile(join(ws.base, 'koers.md'), '# Koers\n\nTekst over zorg en veiligheid in de regio.\n');
          await placeOdd(ws, ws.path('corpus/koers.md'), kind);
        },
        argv: ['corpus', 'add', '../koers.md', '--force'],
        expect: { refused: 'corpus/koers.md' },
      },
    ]);
  }
});

describe('the configuration, the index, the backups and the lock', () => {
  for (const kind of ['fifo', 'zero-link', 'folder'] as const) {
    cases([
      {
        name: `answer.config.json is a ${kind}`,
        setup: (ws) => placeOdd(ws, ws.path('answer.config.json'), kind),
        argv: ['search', 'zorg'],
        expect: { refused: 'answer.config.json' },
      },
      {
        name: `.answer/index.bin is a ${kind}: search rebuilds the index in memory`,
        setup: (ws) => placeOdd(ws, ws.path('.answer/index.bin'), kind),
        argv: ['search', 'zorg'],
        expect: { done: [0] },
      },
      {
        name: `.answer/index.bin is a ${kind}: draft still suggests sources`,
        setup: (ws) => placeOdd(ws, ws.path('.answer/index.bin'), kind),
        argv: ['draft', LETTER_ID, '--stdout'],
        expect: { done: [0] },
        then: async (_ws, run) => expect(run.out).toContain('corpus/koers'),
      },
    ]);
  }
  for (const kind of ['folder', 'dangling-link', 'fifo', 'outside-link'] as const) {
    cases([
      {
        name: `the lock of the answer document is a ${kind}: draft says so at once`,
        setup: (ws) => placeOdd(ws, ws.path(`${ANSWER_FILE}.lock`), kind),
        argv: ['draft', LETTER_ID],
        timeMs: 8_000,
        expect: { refused: ANSWER_FILE, message: /lock/ },
      },
    ]);
  }
  cases([
    {
      name: '.answer is a file: draft --force cannot keep a backup, and says so',
      setup: (ws) => placeFile(ws.path('.answer'), 'a file\n'),
      argv: ['draft', LETTER_ID, '--force'],
      expect: { refused: /\.answer/ },
    },
    {
      name: '.answer is a file: search still works without its index',
      setup: (ws) => placeFile(ws.path('.answer'), 'a file\n'),
      argv: ['search', 'zorg'],
      expect: { done: [0] },
    },
    {
      name: '.answer/backups is a file: draft --force refuses',
      setup: (ws) => placeFile(ws.path('.answer/backups'), 'a file\n'),
      argv: ['draft', LETTER_ID, '--force'],
      expect: { refused: /\.answer\/backups/ },
    },
    {
      name: '.answer/backups/answers links out of the workspace: no backup written through it',
      setup: async (ws) => {
        const { symlink, rm } = await import('node:fs/promises');
        await rm(ws.path('.answer/backups/answers'), { recursive: true, force: true });
        const { mkdir } = await import('node:fs/promises');
        await mkdir(ws.path('.answer/backups'), { recursive: true });
        await symlink(ws.outside, ws.path('.answer/backups/answers'));
      },
      argv: ['draft', LETTER_ID, '--force'],
      expect: { refused: /symbolic link/ },
    },
    {
      name: 'the template is a FIFO in templates/',
      setup: (ws) => placeOdd(ws, ws.path('templates/memo.md.hbs'), 'fifo'),
      argv: ['draft', LETTER_ID, '--stdout'],
      expect: { refused: /memo\.md\.hbs/ },
    },
    {
      name: 'the template is a link to /dev/zero in templates/',
      setup: (ws) => placeOdd(ws, ws.path('templates/memo.md.hbs'), 'zero-link'),
      argv: ['draft', LETTER_ID, '--stdout'],
      expect: { refused: /memo\.md\.hbs/ },
    },
  ]);
});

describe('folders that are files, and outputs that cannot be', () => {
  cases([
    { name: 'questions is a file: import', setup: (ws) => placeFile(ws.path('questions'), 'x\n'), argv: ['import', SEED_LETTER], expect: { refused: 'questions' } },
    { name: 'questions is a file: link <id>', setup: (ws) => placeFile(ws.path('questions'), 'x\n'), argv: ['link', LETTER_ID], expect: { refused: LETTER_ID } },
    { name: 'questions is a file: import-answers', setup: (ws) => placeFile(ws.path('questions'), 'x\n'), argv: ['import-answers', SEED_MEMO], expect: { refused: /questions|beantwoording/ } },
    { name: 'answers is a file: draft', setup: (ws) => placeFile(ws.path('answers'), 'x\n'), argv: ['draft', LETTER_ID], expect: { refused: 'answers' } },
    { name: 'answers is a file: draft --format docx', setup: (ws) => placeFile(ws.path('answers'), 'x\n'), argv: ['draft', LETTER_ID, '--format', 'docx'], expect: { refused: 'answers' } },
    { name: 'answers is a file: import-answers', setup: (ws) => placeFile(ws.path('answers'), 'x\n'), argv: ['import-answers', SEED_MEMO], expect: { refused: 'answers' } },
    { name: 'answers is a file: record --vastgesteld', setup: (ws) => placeFile(ws.path('answers'), 'x\n'), argv: ['record', LETTER_ID, '--vastgesteld', '2025-05-10'], expect: { refused: /answers/ } },
    { name: 'corpus is a file: corpus add', setup: async (ws) => { await placeFile(ws.path('corpus'), 'x\n'); await placeFile(join(ws.base, 'k.md'), '# K\n\nTekst.\n'); }, argv: ['corpus', 'add', '../k.md'], expect: { refused: 'corpus' } },
    { name: '-o below a file', argv: ['draft', LETTER_ID, '-o', 'answer.config.json/memo.md'], expect: { refused: 'answer.config.json' } },
    { name: '-o below a file (docx)', argv: ['draft', LETTER_ID, '--format', 'docx', '-o', 'answer.config.json/memo.docx'], expect: { refused: 'answer.config.json' } },
    { name: '-o is a folder', argv: ['draft', LETTER_ID, '--format', 'html', '-o', 'questions'], expect: { refused: 'questions' } },
    { name: '-o is a FIFO', setup: (ws) => placeOdd(ws, ws.path('memo.html'), 'fifo'), argv: ['draft', LETTER_ID, '--format', 'html', '-o', 'memo.html', '--force'], expect: { refused: 'memo.html' } },
    { name: '-o is /dev/null', argv: ['draft', LETTER_ID, '--format', 'html', '-o', '/dev/null', '--force'], expect: { refused: '/dev/null' } },
    { name: '-o links out of the workspace', setup: (ws) => placeOdd(ws, ws.path('memo.html'), 'outside-link'), argv: ['draft', LETTER_ID, '--format', 'html', '-o', 'memo.html', '--force'], expect: { refused: 'memo.html' } },
    {
      name: 'an answer document that links out of the workspace is never written through',
      setup: (ws) => placeOdd(ws, ws.path(ANSWER_FILE), 'outside-link'),
      argv: ['draft', LETTER_ID, '--force'],
      expect: { refused: ANSWER_FILE },
      then: async (ws) => expect(await readFile(join(ws.outside, 'secret.txt'), 'utf8')).toBe('not for answer\n'),
    },
    {
      name: 'restore of a file outside the workspace is refused',
      argv: (ws) => ['restore', join(ws.outside, 'secret.txt'), '1'],
      expect: { refused: /secret\.txt/ },
    },
    {
      name: 'the written answer is still there after all of this',
      argv: ['draft', LETTER_ID, '--stdout'],
      expect: { done: [0] },
      then: async (_ws, run) => expect(run.out).toContain(WRITTEN_ANSWER),
    },
  ]);
});

describe('init', () => {
  cases([
    { name: 'init in a workspace that exists is refused', argv: ['init', '.'], expect: { refused: 'answer.config.json' } },
    { name: 'init where a file stands', setup: (ws) => placeFile(join(ws.base, 'nieuw'), 'x\n'), argv: ['init', '../nieuw'], expect: { refused: /nieuw/ } },
    { name: 'init below a file', setup: (ws) => placeFile(join(ws.base, 'nieuw'), 'x\n'), argv: ['init', '../nieuw/ws'], expect: { refused: /nieuw/ } },
    { name: 'init where answer.config.json is a FIFO', setup: (ws) => placeOdd(ws, join(ws.base, 'nieuw', 'answer.config.json'), 'fifo'), argv: ['init', '../nieuw'], expect: { refused: /answer\.config\.json/ } },
    { name: 'init where .gitignore is a FIFO', setup: (ws) => placeOdd(ws, join(ws.base, 'nieuw', '.gitignore'), 'fifo'), argv: ['init', '../nieuw'], expect: { refused: '.gitignore' } },
    { name: 'init where .gitignore links out of the workspace', setup: (ws) => placeOdd(ws, join(ws.base, 'nieuw', '.gitignore'), 'outside-link'), argv: ['init', '../nieuw'], expect: { refused: '.gitignore' } },
    { name: 'init where the workflow is a link to /dev/zero', setup: (ws) => placeOdd(ws, join(ws.base, 'nieuw', '.github/workflows/answer-check.yml'), 'zero-link'), argv: ['init', '../nieuw'], expect: { refused: /answer-check\.yml/ } },
    { name: 'init where questions is a file', setup: (ws) => placeFile(join(ws.base, 'nieuw', 'questions'), 'x\n'), argv: ['init', '../nieuw'], expect: { refused: 'questions' } },
    { name: 'init with a municipality that breaks JSON', setup: async () => undefined, argv: ['init', '../nieuw', '--municipality', 'Zwolle", "top": 1000, "x": "'], expect: { done: [0] }, then: async (ws) => {
        const config = JSON.parse(await readFile(join(ws.base, 'nieuw', 'answer.config.json'), 'utf8')) as Record<string, unknown>;
        expect(config.municipality).toBe('Zwolle", "top": 1000, "x": "');
        expect(config.top).toBe(5);
      } },
    { name: 'init with a municipality holding an escape sequence', argv: ['init', '../nieuw', '--municipality', 'Zwolle\u001b[2J'], expect: { refused: /--municipality/ } },
    { name: 'init with a municipality of 10,000 characters', argv: ['init', '../nieuw', '--municipality', 'Z'.repeat(10_000)], expect: { refused: /--municipality/ } },
  ]);
});

describe('check and status on odd entries', () => {
  cases([
    { name: 'status with a question document that is a folder', setup: (ws) => placeOdd(ws, ws.path('questions/map.md'), 'folder'), argv: ['status'], expect: { done: [1] } },
    { name: 'status with a dangling link in questions/', setup: (ws) => placeOdd(ws, ws.path('questions/weg.md'), 'dangling-link'), argv: ['status'], expect: { done: [1] } },
    { name: 'check of a path outside the workspace', argv: (ws) => ['check', join(ws.outside, 'secret.txt')], expect: { done: [0, 1, 2] } },
    { name: 'check with answers/ a file', setup: (ws) => placeFile(ws.path('answers'), 'x\n'), argv: ['check'], expect: { refused: 'answers' } },
    { name: 'check with questions/ a file', setup: (ws) => placeFile(ws.path('questions'), 'x\n'), argv: ['check'], expect: { refused: 'questions' } },
    { name: 'status with questions/ a file', setup: (ws) => placeFile(ws.path('questions'), 'x\n'), argv: ['status'], expect: { refused: 'questions' } },
  ]);
});

