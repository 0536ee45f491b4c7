/**
 * Red team, input kind: front matter and the values in it, which come from files people edit and
 * letters the tool imported — `---js` blocks (never run), YAML bombs, wrong types, path-like ids,
 * prototype keys, dates out of range, on the command line and in the documents.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { ANSWER_FILE, LETTER_FILE, LETTER_ID, SEED_LETTER, SEED_MEMO, type Workspace, redTeamFile } from './harness.js';
import { placeFile } from './setup.js';

const { runner, cases } = redTeamFile();

/** Replace the question document's front matter keys (regex over its lines) before the run. */
const editQuestion = (edit: (text: string) => string) => async (ws: Workspace) => placeFile(ws.path(LETTER_FILE), edit(await readFile(ws.path(LETTER_FILE), 'utf8')));
const editAnswer = (edit: (text: string) => string) => async (ws: Workspace) => placeFile(ws.path(ANSWER_FILE), edit(await readFile(ws.path(ANSWER_FILE), 'utf8')));
const setKey = (key: string, value: string) => (text: string) => (new RegExp(`^${key}:.*$`, 'm').test(text) ? text.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`) : text.replace(/^---\n/, `---\n${key}: ${value}\n`));

/** A sentinel a `---js` block would write if it were ever run. */
const JS_BLOCK = (ws: Workspace) => `---js\n{ title: (require('fs').writeFileSync(${JSON.stringify(join(ws.outside, 'pwned'))}, 'x'), 'x') }\n---\n`;
const LETTER_BODY = '\n1. Is het college bekend met de wachttijden bij de fietsenstalling?\n2. Welke maatregelen neemt het college?\n\nMet vriendelijke groet,\nJan Jansen, D66\n';

/** Billion laughs in YAML: nine aliases of nine, 9^9 nodes if expanded. */
const YAML_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

const notPwned = async (ws: Workspace) => expect(await readdir(ws.outside)).toEqual(['secret.txt']);

describe('---js front matter is refused, never run', () => {
  cases([
    { name: 'a .md letter opening with ---js: parse', setup: async (ws) => placeFile(join(ws.base, 'letter.md'), JS_BLOCK(ws) + LETTER_BODY), argv: ['parse', '../letter.md'], expect: { refused: 'letter.md', message: /---js/ }, then: notPwned },
    { name: 'a .md letter opening with ---js: import', setup: async (ws) => placeFile(join(ws.base, 'letter.md'), JS_BLOCK(ws) + LETTER_BODY), argv: ['import', '../letter.md'], expect: { refused: 'letter.md', message: /---js/ }, then: notPwned },
    { name: 'a .md letter opening with ---js: draft', setup: async (ws) => placeFile(join(ws.base, 'letter.md'), JS_BLOCK(ws) + LETTER_BODY), argv: ['draft', '../letter.md', '--stdout'], expect: { refused: 'letter.md', message: /---js/ }, then: notPwned },
    { name: 'a .md letter opening with "--- javascript" on standard input', argv: ['parse', '-'], stdin: `--- javascript\n{ title: 'x' }\n---\n${LETTER_BODY}`, expect: { refused: '<stdin>' } },
    { name: 'a .md letter opening with ---coffee', setup: async (ws) => placeFile(join(ws.base, 'letter.md'), `---coffee\ntitle: 'x'\n---\n${LETTER_BODY}`), argv: ['parse', '../letter.md'], expect: { refused: 'letter.md' } },
    { name: 'a .md letter opening with ---yaml is read', setup: async (ws) => placeFile(join(ws.base, 'letter.md'), `---yaml\nnote: x\n---\n${LETTER_BODY}`), argv: ['parse', '../letter.md'], expect: { done: [0] } },
    { name: 'a .md letter opening with a rule "---" and text is read', setup: async (ws) => placeFile(join(ws.base, 'letter.md'), `---\n${LETTER_BODY}`), argv: ['parse', '../letter.md'], expect: { done: [0] } },
    { name: 'a question document opening with ---js: draft', setup: editQuestion((t) => t.replace(/^---\n/, '---js\n')), argv: ['draft', LETTER_ID], expect: { refused: LETTER_FILE }, then: notPwned },
    { name: 'a question document opening with ---js: record', setup: editQuestion((t) => t.replace(/^---\n/, '---js\n')), argv: ['record', LETTER_ID, '--received', '2025-05-02'], expect: { refused: LETTER_FILE } },
    { name: 'an answer document opening with ---js: draft', setup: editAnswer((t) => t.replace(/^---\n/, '---js\n')), argv: ['draft', LETTER_ID], expect: { refused: ANSWER_FILE } },
    { name: 'an answer document opening with ---js: record --vastgesteld', setup: editAnswer((t) => t.replace(/^---\n/, '---js\n')), argv: ['record', LETTER_ID, '--vastgesteld', '2025-05-20'], expect: { refused: ANSWER_FILE } },
    { name: 'a corpus document opening with ---js: search skips it', setup: async (ws) => placeFile(ws.path('corpus/js.md'), `${JS_BLOCK(ws)}# Zorg\n\nZorg en veiligheid.\n`), argv: ['search', 'zorg'], expect: { done: [0] }, then: notPwned },
    { name: 'a policy document opening with ---js: corpus add refuses it', setup: async (ws) => placeFile(join(ws.base, 'nota.md'), `${JS_BLOCK(ws)}# Zorg\n\nZorg en veiligheid.\n`), argv: ['corpus', 'add', '../nota.md'], expect: { refused: 'nota.md' }, then: notPwned },
  ]);
});

describe('YAML bombs, wrong types and odd keys', () => {
  cases([
    { name: 'a YAML bomb in a question document: draft', setup: editQuestion((t) => t.replace(/^---\n/, `---\n${YAML_BOMB}\n`)), argv: ['draft', LETTER_ID, '--stdout'], expect: { refused: LETTER_FILE } },
    { name: 'a YAML bomb in an answer document: draft', setup: editAnswer((t) => t.replace(/^---\n/, `---\n${YAML_BOMB}\n`)), argv: ['draft', LETTER_ID], expect: { refused: ANSWER_FILE } },
    { name: 'a YAML bomb in a corpus document: search goes on', setup: (ws) => placeFile(ws.path('corpus/bom.md'), `---\n${YAML_BOMB}\n---\n# Zorg\n\nZorg.\n`), argv: ['search', 'zorg'], expect: { done: [0] } },
    { name: 'a YAML bomb in a policy document: corpus add', setup: (ws) => placeFile(join(ws.base, 'nota.md'), `---\n${YAML_BOMB}\n---\n# Zorg\n\nZorg.\n`), argv: ['corpus', 'add', '../nota.md'], expect: { refused: 'nota.md' } },
    { name: 'a YAML bomb in answer.config.json is just JSON: refused', setup: (ws) => placeFile(ws.path('answer.config.json'), '{"municipality": {"a": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}'), argv: ['status'], expect: { refused: 'answer.config.json' } },
    { name: 'a title that is a list', setup: editQuestion(setKey('title', '[a, b]')), argv: ['draft', LETTER_ID, '--stdout'], expect: { refused: LETTER_FILE } },
    { name: 'an id that is a map', setup: editQuestion(setKey('id', '{ a: b }')), argv: ['link', LETTER_ID], expect: { refused: LETTER_FILE } },
    { name: 'questions that are a string (parts: "x")', setup: editQuestion((t) => t.replace(/^- \*\*o\*\* /m, '- **o** ')), argv: ['parse', LETTER_FILE], expect: { done: [0] } },
    { name: 'an uitstel that is a string', setup: editQuestion(setKey('uitstel', 'morgen')), argv: ['draft', LETTER_ID, '--stdout'], expect: { refused: LETTER_FILE } },
    { name: 'a __proto__ key', setup: editQuestion((t) => t.replace(/^---\n/, '---\n__proto__:\n  polluted: yes\nconstructor: x\n')), argv: ['draft', LETTER_ID, '--stdout'], expect: { done: [0] } },
    { name: 'a duplicate key', setup: editQuestion((t) => t.replace(/^---\n/, '---\ntitle: een\ntitle: twee\n')), argv: ['draft', LETTER_ID, '--stdout'], expect: { refused: LETTER_FILE } },
    { name: 'front matter that is never closed', setup: editQuestion((t) => t.replace(/\n---\n/, '\n')), argv: ['link', LETTER_ID], expect: { refused: LETTER_FILE } },
    { name: 'a kind the configuration does not know', setup: editQuestion(setKey('kind', 'onbekend')), argv: ['record', LETTER_ID, '--received', '2025-05-02'], expect: { refused: LETTER_FILE } },
    { name: 'an answer document whose status is a list', setup: editAnswer(setKey('status', '[a]')), argv: ['draft', LETTER_ID], expect: { refused: ANSWER_FILE } },
    { name: 'an answer document whose question id is a path', setup: editAnswer(setKey('question', '../../../outside/secret')), argv: ['record', LETTER_ID, '--vastgesteld', '2025-05-20'], expect: { done: [0, 2] } },
  ]);
});

describe('path-like ids and names are data, never paths', () => {
  for (const id of ['../../outside/x', '/tmp/answer-redteam-abs', '..', 'a/../../b', 'con', '.git/hooks/pre-commit', `${'a'.repeat(300)}`, 'Ünïcødé en spaties']) {
    cases([
      {
        name: `id "${id.slice(0, 40)}": draft writes under answers/ only`,
        setup: editQuestion(setKey('id', JSON.stringify(id))),
        argv: ['draft', LETTER_FILE, '--top', '0'],
        // Drafted, or refused because the answer file there answers the letter under its real id.
        expect: { done: [0, 2] },
        then: async (ws) => {
          const names = await readdir(ws.path('answers'));
          expect(names.every((n) => /^[a-z0-9-]+\.md$/.test(n)), names.join(', ')).toBe(true);
        },
      },
    ]);
  }
  cases([
    { name: 'a letter id on the command line that is a path out', argv: ['draft', '../../outside/secret'], expect: { refused: '../../outside/secret' } },
    { name: 'record of an id that is a path', argv: ['record', '../outside/secret.txt', '--received', '2025-05-01'], expect: { refused: /secret\.txt/ } },
    { name: 'import-answers --question with a path', argv: ['import-answers', SEED_MEMO, '--question', '../../outside/secret'], expect: { refused: /--question/ } },
    { name: 'corpus add --source with a path', setup: (ws) => placeFile(join(ws.base, 'n.txt'), 'Nota zorg\n\nDe zorg in de regio is goed geregeld.\n'), argv: ['corpus', 'add', '../n.txt', '--source', '../../outside/pwned.md'], expect: { done: [0] }, then: notPwned },
    { name: 'corpus add --title with a path', setup: (ws) => placeFile(join(ws.base, 'n.txt'), 'Nota zorg\n\nDe zorg in de regio is goed geregeld.\n'), argv: ['corpus', 'add', '../n.txt', '--title', '../../outside/pwned'], expect: { done: [0] }, then: notPwned },
    { name: 'a letter whose party and subject are paths', setup: (ws) => placeFile(join(ws.base, 'l.txt'), `Zwolle, 3 maart 2025\n\nVragen van de fractie van ../../outside over ../../outside/pwned\n${LETTER_BODY}`), argv: ['import', '../l.txt'], expect: { done: [0] }, then: notPwned },
  ]);
});

describe('values given to record are data in the YAML it writes', () => {
  cases([
    {
      name: 'a reason with new lines, a key and a fence',
      argv: ['record', LETTER_ID, '--uitstel-until', '2025-06-30', '--reason', 'afstemming\nkind: onbekend\n---js\nstatus: vastgesteld', '--notice', '2025-05-01'],
      expect: { done: [0] },
      then: async (ws) => {
        const run = await runner.run(ws.dir, ['parse', LETTER_FILE, '--json']);
        expect(run.code, run.err).toBe(0);
        const doc = JSON.parse(run.out) as { kind: string; uitstel: { reason: string } };
        expect(doc.kind).not.toBe('onbekend');
        expect(doc.uitstel.reason).toContain('kind: onbekend');
      },
    },
    { name: 'a reason of 1 MB', argv: ['record', LETTER_ID, '--uitstel-until', '2025-06-30', '--reason', 'x'.repeat(1024 * 1024)], expect: { done: [0, 2] } },
    { name: 'a kind that is a path', argv: ['record', LETTER_ID, '--kind', '../../etc'], expect: { refused: /--kind/ } },
    { name: 'a kind that is __proto__', argv: ['record', LETTER_ID, '--kind', '__proto__'], expect: { refused: /--kind/ } },
    { name: 'a read-only question document is not changed', setup: async (ws) => (await import('node:fs/promises')).chmod(ws.path(LETTER_FILE), 0o444), argv: ['record', LETTER_ID, '--received', '2025-04-20'], expect: { refused: LETTER_FILE, message: /read-only/ } },
    { name: 'a read-only answer document is not replaced by draft --force', setup: async (ws) => (await import('node:fs/promises')).chmod(ws.path(ANSWER_FILE), 0o444), argv: ['draft', LETTER_ID, '--force'], expect: { refused: ANSWER_FILE, message: /read-only/ } },
  ]);
});

describe('dates out of range', () => {
  cases([
    { name: 'record --received 9999-12-31', argv: ['record', LETTER_ID, '--received', '9999-12-31'], expect: { refused: /--received/ } },
    { name: 'record --received 0000-01-01', argv: ['record', LETTER_ID, '--received', '0000-01-01'], expect: { refused: /--received/ } },
    { name: 'record --received 2025-02-30', argv: ['record', LETTER_ID, '--received', '2025-02-30'], expect: { refused: /--received/ } },
    { name: 'record --received 2025-5-1', argv: ['record', LETTER_ID, '--received', '2025-5-1'], expect: { refused: /--received/ } },
    { name: 'record --uitstel-until 9999-12-31', argv: ['record', LETTER_ID, '--uitstel-until', '9999-12-31', '--reason', 'x'], expect: { refused: /--uitstel-until/ } },
    { name: 'record --vastgesteld 2199-12-31 is a date, and the file is read back', argv: ['record', LETTER_ID, '--vastgesteld', '2199-12-31'], expect: { done: [0] } },
    { name: 'import --received 9999-12-31', argv: ['import', SEED_LETTER, '--force', '--received', '9999-12-31'], expect: { refused: /--received/ } },
    { name: 'status --today 99999-01-01', argv: ['status', '--today', '99999-01-01'], expect: { refused: /--today/ } },
    { name: 'a question document received 9999-12-31: draft', setup: editQuestion(setKey('received', '9999-12-31')), argv: ['draft', LETTER_ID, '--stdout'], expect: { refused: LETTER_FILE } },
    { name: 'a question document dated 0001-01-01: draft', setup: editQuestion(setKey('date', '0001-01-01')), argv: ['draft', LETTER_ID, '--stdout'], expect: { refused: LETTER_FILE } },
    { name: 'a question document with deadline 10000-01-30 (a five-digit year)', setup: editQuestion(setKey('deadline', '10000-01-30')), argv: ['link', LETTER_ID], expect: { refused: LETTER_FILE } },
    { name: 'a letter dated 31 februari 99999', setup: (ws) => placeFile(join(ws.base, 'l.txt'), `Zwolle, 31 februari 99999\n${LETTER_BODY}`), argv: ['import', '../l.txt'], expect: { done: [0] }, then: async (ws) => { for (const n of await readdir(ws.path('questions'))) expect(n).toMatch(/^[a-z0-9-]+\.md$/); } },
    { name: 'a letter dated 12 december 9999 is imported, and its deadline can be read back', setup: (ws) => placeFile(join(ws.base, 'l.txt'), `Zwolle, 12 december 9999\n${LETTER_BODY}`), argv: ['import', '../l.txt'], expect: { done: [0, 2] }, then: async (ws) => {
        const run = await runner.run(ws.dir, ['status']);
        expect(run.code, run.err).toBe(0);
      } },
    { name: 'a corpus document dated 99999', setup: (ws) => placeFile(ws.path('corpus/oud.md'), '---\ntitle: Oud\ndate: "99999"\n---\n# Oud\n\nZorg in de regio.\n'), argv: ['search', 'zorg'], expect: { done: [0] } },
  ]);
});
