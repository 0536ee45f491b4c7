/**
 * Red team, input kind: bytes that are not the UTF-8 text a reader hopes for — NUL bytes, invalid
 * UTF-8, UTF-16 with and without a byte-order mark, a UTF-8 BOM, Windows-1252 ("ANSI"), CR and
 * CRLF line ends, binary garbage, empty and blank files — and text whose characters act on a
 * terminal (ESC sequences, C1 controls) when a command prints it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { ANSWER_FILE, type Case, LETTER_FILE, LETTER_ID, redTeamFile } from './harness.js';
import { placeFile } from './setup.js';

const { cases } = redTeamFile();

const LETTER = [
  'Zwolle, 3 maart 2025',
  '',
  'Schriftelijke vragen van de fractie van D66 over de fietsenstalling',
  '',
  '1. Is het college bekend met de lange wachttijden bij de fietsenstalling?',
  '2. Welke maatregelen neemt het college om de wachttijden te verkorten?',
  '',
  'Met vriendelijke groet,',
  'Jan Jansen, D66',
].join('\n');

const ESC = '\u001b';
/** Sequences that clear the screen, set the window title, and a one-byte C1 CSI. */
const HOSTILE = `${ESC}[2J${ESC}]0;pwned${'\u0007'}${ESC}[31mrood\u009b1m`;

const HTML_LETTER = `<html><body><p>Zwolle, 3 maart 2025</p>
<p>Schriftelijke vragen van de fractie van D66 over de fietsenstalling &#27;[2J&#27;]0;pwned&#7;&#155;1m</p>
<ol><li>Is het college bekend met de wachttijden bij de fietsenstalling&#27;[31m?</li>
<li>Welke maatregelen neemt het college &#x1b;[2J om de wachttijden te verkorten?</li></ol>
<p>Met vriendelijke groet,</p><p>Jan Jansen, D66</p></body></html>`;

function utf16le(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

/** Windows-1252: "é" is 0xe9, "€" 0x80, "’" 0x92. */
function cp1252(text: string): Buffer {
  const map: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94 };
  return Buffer.from([...text].map((c) => map[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

const letterFile = (name: string, bytes: string | Uint8Array) => (ws: { base: string }) => placeFile(join(ws.base, name), bytes);
const withEuro = LETTER.replace('fietsenstalling?', 'fietsenstalling van € 2 miljoen? Het café’s “wachtrij” is lang.');

describe('letters in other encodings: read, or refused with one line', () => {
  const readable: Array<[string, string | Uint8Array]> = [
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LETTER)])],
    ['UTF-16 LE with a BOM', utf16le(LETTER, true)],
    ['UTF-16 BE with a BOM', utf16be(LETTER)],
    ['Windows-1252 (ANSI)', cp1252(withEuro)],
    ['CRLF line ends', LETTER.replace(/\n/g, '\r\n')],
    ['old Mac CR line ends', LETTER.replace(/\n/g, '\r')],
    ['form feeds between pages', LETTER.replace('Met vriendelijke', '\fMet vriendelijke')],
  ];
  for (const [name, bytes] of readable) {
    cases([
      { name: `parse: ${name}`, setup: letterFile('letter.txt', bytes), argv: ['parse', '../letter.txt'], expect: { done: [0] }, then: async (_ws, run) => expect(run.out).toContain('2 questions') },
      { name: `import: ${name}`, setup: letterFile('letter.txt', bytes), argv: ['import', '../letter.txt'], expect: { done: [0] } },
    ]);
  }
  const refused: Array<[string, string | Uint8Array]> = [
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['an empty file', ''],
    ['only whitespace', ' \n\t\r\n  \n'],
    ['only NUL bytes', Buffer.alloc(1000)],
    ['a NUL byte in the middle of the text', LETTER.replace('wachttijden bij', 'wachttijden\u0000 bij')],
    ['a letter without questions', 'Beste college,\n\nDank voor uw brief.\n\nMet vriendelijke groet,\nJan'],
  ];
  for (const [name, bytes] of refused) {
    for (const ext of ['txt', 'md', 'html']) {
      cases([{ name: `parse: ${name} (.${ext})`, setup: letterFile(`letter.${ext}`, bytes), argv: ['parse', `../letter.${ext}`], expect: { refused: `letter.${ext}` } }]);
    }
    cases([
      { name: `import: ${name}`, setup: letterFile('letter.txt', bytes), argv: ['import', '../letter.txt'], expect: { refused: 'letter.txt' } },
      { name: `corpus add: ${name}`, setup: letterFile('nota.txt', bytes), argv: ['corpus', 'add', '../nota.txt'], expect: name === 'a letter without questions' ? { done: [0] } : { refused: 'nota.txt' } },
      { name: `import-answers: ${name}`, setup: letterFile('memo.txt', bytes), argv: ['import-answers', '../memo.txt'], expect: { refused: 'memo.txt' } },
    ]);
  }
  cases([
    { name: 'parse -: binary on standard input', argv: ['parse', '-'], stdin: Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7]), expect: { refused: '<stdin>' } },
    { name: 'parse -: nothing on standard input', argv: ['parse', '-'], stdin: '', expect: { refused: '<stdin>' } },
    { name: 'parse -: invalid UTF-8 on standard input', argv: ['parse', '-'], stdin: Buffer.concat([Buffer.from(LETTER), Buffer.from([0xc3, 0x28, 0xa0, 0xa1])]), expect: { done: [0] } },
    { name: 'parse -: more than the size limit on standard input', argv: ['parse', '-'], stdin: Buffer.alloc(21 * 1024 * 1024, 0x61), expect: { refused: '<stdin>' } },
    { name: 'a PDF that is not one', setup: letterFile('letter.pdf', LETTER), argv: ['parse', '../letter.pdf'], expect: { refused: 'letter.pdf' } },
    { name: 'a DOCX that is not one', setup: letterFile('letter.docx', LETTER), argv: ['parse', '../letter.docx'], expect: { refused: 'letter.docx' } },
    { name: 'a truncated zip named .docx', setup: letterFile('letter.docx', Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000word/document.xml')), argv: ['parse', '../letter.docx'], expect: { refused: 'letter.docx' } },
    { name: 'a PDF header and nothing else', setup: letterFile('letter.pdf', '%PDF-1.7\n%%EOF\n'), argv: ['parse', '../letter.pdf'], expect: { refused: 'letter.pdf' } },
  ]);
});

describe('workspace documents in other encodings', () => {
  cases([
    {
      name: 'a question document saved as Windows-1252 is read by draft',
      setup: async (ws) => {
        const text = await readFile(ws.path(LETTER_FILE), 'utf8');
        await placeFile(ws.path(LETTER_FILE), cp1252(text.replace('regionale zorg', 'regionale zorg (café’s)')));
      },
      argv: ['draft', LETTER_ID, '--stdout'],
      expect: { done: [0] },
    },
    {
      name: 'a question document in UTF-16 is read by link',
      setup: async (ws) => placeFile(ws.path(LETTER_FILE), utf16le(await readFile(ws.path(LETTER_FILE), 'utf8'), true)),
      argv: ['link', LETTER_ID],
      expect: { done: [0] },
    },
    {
      name: 'an answer document with CRLF line ends keeps them after a redraft, all of them',
      setup: async (ws) => placeFile(ws.path(ANSWER_FILE), (await readFile(ws.path(ANSWER_FILE), 'utf8')).replace(/\n/g, '\r\n')),
      argv: ['draft', LETTER_ID, '--force'],
      expect: { done: [0] },
      then: async (ws) => {
        const text = await readFile(ws.path(ANSWER_FILE), 'utf8');
        expect(text.match(/\r\n/g)?.length).toBe(text.match(/\n/g)?.length);
      },
    },
    {
      name: 'a corpus file with NUL bytes is skipped; search goes on',
      setup: (ws) => placeFile(ws.path('corpus/binair.md'), Buffer.concat([Buffer.from('# Binair\n\nzorg '), Buffer.alloc(64), Buffer.from(' zorg\n')])),
      argv: ['search', 'zorg'],
      expect: { done: [0] },
      then: async (_ws, run) => expect(run.err).toMatch(/corpus\/binair\.md/),
    },
    {
      name: 'a corpus file in UTF-16 is skipped; search goes on',
      setup: (ws) => placeFile(ws.path('corpus/utf16.md'), utf16le('# Zorg\n\nZorg en veiligheid in de regio.\n', true)),
      argv: ['search', 'zorg'],
      expect: { done: [0] },
    },
    {
      name: 'a corpus file with invalid UTF-8 is skipped; search goes on',
      setup: (ws) => placeFile(ws.path('corpus/kapot.md'), Buffer.concat([Buffer.from('# Kapot\n\nzorg '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n')])),
      argv: ['search', 'zorg'],
      expect: { done: [0] },
    },
  ]);
});

describe('escape sequences from documents never reach the terminal', () => {
  // A long preamble keeps the control characters under the share at which the text reader calls a file binary.
  const preamble = `${'Inwoners wachten lang bij de fietsenstalling aan de Stationsweg. '.repeat(60)}\n\n`;
  const hostileLetter = preamble + LETTER.replace('over de fietsenstalling', `over de fietsenstalling ${HOSTILE}`).replace('bij de fietsenstalling?', `bij de fietsenstalling${HOSTILE}?`).replace('Jan Jansen', `Jan${HOSTILE} Jansen`);
  cases([
    { name: 'parse (text)', setup: letterFile('letter.txt', hostileLetter), argv: ['parse', '../letter.txt'], expect: { done: [0] } },
    { name: 'parse --json', setup: letterFile('letter.txt', hostileLetter), argv: ['parse', '../letter.txt', '--json'], expect: { done: [0] } },
    { name: 'parse of an HTML letter with escapes as character references', setup: letterFile('letter.html', HTML_LETTER), argv: ['parse', '../letter.html'], expect: { done: [0] }, then: async (_ws, run) => expect(run.out).toContain('2 questions') },
    { name: 'import then link of an HTML letter with escapes', setup: letterFile('letter.html', HTML_LETTER), argv: ['import', '../letter.html', '--dir', 'questions'], expect: { done: [0] }, then: async (ws) => expect(await readFile(ws.path('questions', (await import('node:fs/promises').then((fs) => fs.readdir(ws.path('questions')))).find((n) => n.includes('fietsenstalling'))!), 'utf8')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/) },
    { name: 'parse of a question document with escapes in its front matter and questions', setup: async (ws) => {
        const text = await readFile(ws.path(LETTER_FILE), 'utf8');
        await placeFile(ws.path(LETTER_FILE), text.replace(/^title: .*$/m, `title: "Vragen \\e[2J ${HOSTILE.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a').replace(/\u009b/g, '\\x9b')}"`).replace('Ziet het college', `Ziet${HOSTILE} het college`));
      }, argv: ['parse', LETTER_FILE], expect: { done: [0] } },
    { name: 'link (text)', setup: (ws) => placeFile(ws.path('corpus/kwaad.md'), `# Zorg ${HOSTILE}\n\n## Veiligheid${HOSTILE}\n\nZorg en veiligheid in de regio ${HOSTILE} met de politie.\n`), argv: ['link', LETTER_ID], expect: { done: [0] } },
    { name: 'search (text)', setup: (ws) => placeFile(ws.path('corpus/kwaad.md'), `# Zorg ${HOSTILE}\n\n## Veiligheid${HOSTILE}\n\nZorg en veiligheid in de regio ${HOSTILE} met de politie.\n`), argv: ['search', 'veiligheid politie'], expect: { done: [0] } },
    { name: 'search --json', setup: (ws) => placeFile(ws.path('corpus/kwaad.md'), `# Zorg ${HOSTILE}\n\nZorg en veiligheid in de regio ${HOSTILE}.\n`), argv: ['search', 'veiligheid', '--json'], expect: { done: [0] } },
    { name: 'search for words that are escape sequences', argv: ['search', `${HOSTILE} zorg`], expect: { done: [0] } },
    { name: 'a corpus file whose name holds an escape sequence', setup: (ws) => placeFile(ws.path(`corpus/x${ESC}[2J.md`), '# Zorg\n\nZorg en veiligheid.\n---js\n'), argv: ['search', 'zorg'], expect: { done: [0] } },
    { name: 'status (text)', setup: async (ws) => {
        const text = await readFile(ws.path(LETTER_FILE), 'utf8');
        await placeFile(ws.path(LETTER_FILE), text.replace(/^party: .*$/m, `party: "D66\\e[2J\\x9b1m"`));
      }, argv: ['status'], expect: { done: [0] } },
    { name: 'a file name with an escape sequence on the command line', argv: ['parse', `geen${ESC}[2J.txt`], expect: { refused: /geen/ } },
    { name: 'an unknown option with an escape sequence (commander prints two lines)', argv: ['parse', `--x${ESC}[2J`], expect: { done: [2] } },
    ...['md', 'html'].map((format): Case => ({
      name: `draft --stdout --format ${format} of a question document with escape sequences in its questions`,
      setup: async (ws) => placeFile(ws.path(LETTER_FILE), (await readFile(ws.path(LETTER_FILE), 'utf8')).replace('Ziet het college', `Ziet${HOSTILE} het college`)),
      argv: ['draft', LETTER_ID, '--stdout', '--format', format, '--top', '0'],
      expect: { done: [0] },
    })),
    { name: 'draft writes a memo whose markdown holds no control characters', setup: letterFile('letter.txt', hostileLetter), argv: ['draft', '../letter.txt', '--stdout', '--top', '0'], expect: { done: [0] } },
  ]);
});
