/**
 * Red team, input kind: text that is code somewhere else — Handlebars in a letter (`{{`, `}}`,
 * `{{#each}}`, partials), markdown structure in a question (a "Vraag 99" heading, rules, lists),
 * raw HTML, and links whose target is a script (`javascript:`, also as `java&#9;script:`, which
 * browsers read as one since they drop tabs and newlines in a URL) — through draft as markdown,
 * HTML and Word.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect } from 'vitest';
import { decodeCharacterReferences } from '../../src/render/safe-url.js';
import { ANSWER_FILE, LETTER_ID, WRITTEN_ANSWER, type Workspace, redTeamFile } from './harness.js';
import { placeFile } from './setup.js';

const { runner, cases } = redTeamFile();

/** Link targets a memo must never make live, in the forms browsers and Word read as scripts. */
const SCRIPT_LINKS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'java&#9;script:alert(1)',
  'java&#x0A;script:alert(1)',
  'java&#13;script:alert(1)',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'java&amp;#9;script:alert(1)',
  '%20javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
];

const TEMPLATE_TEXT = [
  '{{#each this}}{{this}}{{/each}}',
  "{{constructor.constructor 'return process'}}",
  '{{> memo}}',
  '{{{raw}}} en {{lookup . "x"}}',
];

const letter = [
  'Zwolle, 3 maart 2025',
  '',
  `Schriftelijke vragen van de fractie van D66 over ${TEMPLATE_TEXT[0]}`,
  '',
  `1. Is het college bekend met ${TEMPLATE_TEXT[1]} en <script>alert(1)</script>?`,
  `2. Welke maatregelen neemt het college? ## Vraag 99 ${TEMPLATE_TEXT[2]} [klik](javascript:alert(1)) <img src=x onerror=alert(1)>`,
  `3. Wat vindt het college van ${TEMPLATE_TEXT[3]} en [hier](java&#9;script:alert(1))?`,
  '',
  'Met vriendelijke groet,',
  'Jan Jansen, D66',
].join('\n');

/** Every link target in HTML, decoded as a browser decodes attributes, with tabs and newlines dropped. */
function htmlTargets(html: string): string[] {
  return [...html.matchAll(/\b(?:href|src|action|formaction)\s*=\s*"([^"]*)"/gi)].map((m) => decodeCharacterReferences(m[1]!).replace(/[\u0000-\u0020\u007f]/g, ''));
}

/** A target is safe when it has no scheme (relative, as a browser reads it) or a web or mail one. */
function expectSafeTargets(targets: string[]): void {
  for (const target of targets) {
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(target)?.[1]?.toLowerCase();
    expect(scheme === undefined || ['http', 'https', 'mailto'].includes(scheme), target).toBe(true);
  }
}

/** Tags a memo must not hold, and event handlers inside any tag. */
const LIVE_HTML = /<(?:script|img|iframe|object|embed)\b|<[^>]*\son\w+\s*=/i;

/** Hyperlink targets of a Word document (its relationships). */
function docxTargets(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const rels = Object.entries(files).filter(([name]) => name.endsWith('.rels'));
  return rels.flatMap(([, data]) => [...strFromU8(data).matchAll(/<Relationship\b[^>]*Type="[^"]*hyperlink"[^>]*Target="([^"]*)"/g)].map((m) => decodeCharacterReferences(m[1]!).replace(/[\u0000-\u0020\u007f]/g, '')));
}

const withHostileAnswer = async (ws: Workspace) => {
  const text = await readFile(ws.path(ANSWER_FILE), 'utf8');
  const links = SCRIPT_LINKS.map((url, i) => `[link ${i}](${url})`).join(' ');
  const autolinks = '<javascript:alert(1)> <JaVaScRiPt:alert(2)> <https://www.zwolle.nl/> <mailto:griffie@zwolle.nl>';
  const html = '<a href="javascript:alert(1)">a</a> <iframe src="javascript:alert(1)"></iframe> <script>alert(1)</script>';
  await placeFile(ws.path(ANSWER_FILE), text.replace(WRITTEN_ANSWER, `${WRITTEN_ANSWER} ${links} ${autolinks} ${html} [ok](https://www.zwolle.nl/beleid) [ook](mailto:griffie@zwolle.nl)`));
};

describe('template and markdown text in a letter stays text', () => {
  cases([
    {
      name: 'import then draft: every question once, template text kept as text',
      setup: (ws) => placeFile(join(ws.base, 'letter.txt'), letter),
      argv: ['import', '../letter.txt'],
      expect: { done: [0] },
      then: async (ws) => {
        const id = (await readdir(ws.path('questions'))).find((n) => n !== `${LETTER_ID}.md`)!.replace(/\.md$/, '');
        const run = await runner.run(ws.dir, ['draft', id, '--stdout', '--top', '0']);
        expect(run.code, run.err).toBe(0);
        expect(run.out.match(/^#+ Vraag \d+/gm)?.length, run.out).toBe(3);
        expect(run.out).not.toMatch(/^#+ Vraag 99/m);
        // Raw HTML is escaped (`\\<script>`), so markdown renderers show it as text.
        expect(run.out).not.toMatch(/\[object Object\]|function \w*\(|(?<!\\)<script>/);
        for (const word of ['constructor', 'each', 'lookup', 'memo']) expect(run.out).toContain(word);
      },
    },
    {
      name: 'draft --format html of that letter: no script, no live script link',
      setup: (ws) => placeFile(join(ws.base, 'letter.txt'), letter),
      argv: ['draft', '../letter.txt', '--format', 'html', '--stdout', '--top', '0'],
      expect: { done: [0] },
      then: async (_ws, run) => {
        expect(run.out).not.toMatch(LIVE_HTML);
        expectSafeTargets(htmlTargets(run.out));
      },
    },
    {
      name: 'parse --json of that letter gives the text as it stands',
      setup: (ws) => placeFile(join(ws.base, 'letter.txt'), letter),
      argv: ['parse', '../letter.txt', '--json'],
      expect: { done: [0] },
      then: async (_ws, run) => expect(run.out).toContain('{{#each this}}'),
    },
  ]);
});

describe('links in an answer: only web, mail and relative links stay links', () => {
  cases([
    {
      name: 'draft --format html',
      setup: withHostileAnswer,
      argv: ['draft', LETTER_ID, '--format', 'html', '--stdout'],
      expect: { done: [0] },
      then: async (_ws, run) => {
        const targets = htmlTargets(run.out);
        expectSafeTargets(targets);
        expect(targets).toContain('https://www.zwolle.nl/beleid');
        expect(targets).toContain('mailto:griffie@zwolle.nl');
        expect(run.out).not.toMatch(LIVE_HTML);
        for (let i = 0; i < SCRIPT_LINKS.length; i++) expect(run.out).toContain(`link ${i}`);
      },
    },
    {
      name: 'draft --format html writes the same to a file',
      setup: withHostileAnswer,
      argv: ['draft', LETTER_ID, '--format', 'html'],
      expect: { done: [0] },
      then: async (ws) => expectSafeTargets(htmlTargets(await readFile(ws.path(`answers/${LETTER_ID}.html`), 'utf8'))),
    },
    {
      name: 'draft --format docx: hyperlinks only to web and mail addresses',
      setup: withHostileAnswer,
      argv: ['draft', LETTER_ID, '--format', 'docx'],
      expect: { done: [0] },
      then: async (ws) => {
        const targets = docxTargets(await readFile(ws.path(`answers/${LETTER_ID}.docx`)));
        expectSafeTargets(targets);
        expect(targets).toContain('https://www.zwolle.nl/beleid');
      },
    },
    {
      name: 'draft (markdown) keeps the links as the person wrote them',
      setup: withHostileAnswer,
      argv: ['draft', LETTER_ID],
      expect: { done: [0] },
      then: async (ws) => expect(await readFile(ws.path(ANSWER_FILE), 'utf8')).toContain('[link 2](java&#9;script:alert(1))'),
    },
  ]);
});
