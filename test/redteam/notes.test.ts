/**
 * Red team, input kind: an answered memo's notes and links, read by import-answers — tens of
 * thousands of footnotes, in-page number links by the thousand into one element, notes in notes
 * by the thousand and notes that refer to each other, thousands of paragraphs that start with a
 * note reference, DOCX tables nested hundreds deep in a note and in an answer, RTF fields nested
 * 10,000 deep, HYPERLINK fields to script and file addresses and links of 5 MB, a memo whose
 * answers outgrow an answer document. Each memo is the college's seed memo with the hostile part in an answer, so it is
 * matched to the workspace's letter; each runs under the watchdog's time and memory limits.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect } from 'vitest';
import { ANSWER_FILE, LETTER_ID, SEED_MEMO, type Workspace, redTeamFile } from './harness.js';
import { placeFile } from './setup.js';

const { runner, cases } = redTeamFile();

/** The seed memo's paragraphs (its wrapped lines joined), and which one starts the first answer: the hostile part goes there. */
async function seedParagraphs(): Promise<{ paragraphs: string[]; at: number }> {
  const paragraphs = (await readFile(SEED_MEMO, 'utf8'))
    .split(/\n\s*\n|\n(?=\s*(?:Vraag \d+:|Antwoord:))/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  const at = paragraphs.findIndex((p) => p.startsWith('Antwoord: Ja, het college deelt deze opvatting.'));
  expect(at).toBeGreaterThan(0);
  return { paragraphs, at };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An HTML memo with `hostile` (HTML) at the end of the first answer's first paragraph, `after` after the memo. */
async function htmlMemo(hostile: string, after = ''): Promise<string> {
  const { paragraphs, at } = await seedParagraphs();
  return `<html><body><div id="main">${paragraphs.map((p, i) => `<p>${escapeHtml(p)}${i === at ? hostile : ''}</p>`).join('\n')}</div>${after}</body></html>`;
}

/** Text as RTF: ASCII as is, the rest as \uN escapes. */
const rtfText = (text: string) => text.replace(/[\\{}]/g, '\\$&').replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0)}?`);

/** An RTF memo with `hostile` (RTF) at the end of the first answer's first paragraph. */
async function rtfMemo(hostile: string): Promise<string> {
  const { paragraphs, at } = await seedParagraphs();
  return `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n${paragraphs.map((p, i) => `\\pard ${rtfText(p)}${i === at ? ` ${hostile}` : ''}\\par`).join('\n')}}`;
}

const memoAt = (ws: Workspace, name: string) => join(ws.base, name);

async function answerDocument(ws: Workspace): Promise<string> {
  return readFile(ws.path(ANSWER_FILE), 'utf8');
}

/** The first answer as the answer document holds it now. */
async function firstAnswer(ws: Workspace): Promise<string> {
  const text = await answerDocument(ws);
  const start = text.indexOf('**Antwoord:**', text.indexOf('### Vraag 1\n'));
  return text.slice(start, text.indexOf('### Vraag 2\n', start));
}

describe('notes and links in an answered memo', () => {
  cases([
    {
      name: 'import-answers: an HTML memo with 8,000 note-like number links into one large element',
      setup: async (ws) => placeFile(memoAt(ws, 'memo.html'), await htmlMemo(Array.from({ length: 8_000 }, (_, i) => ` woord<a href="#main" id="r${i}"><sup>1</sup></a>`).join(''))),
      argv: ['import-answers', '../memo.html'],
      expect: { done: [0] },
      then: async (ws) => expect(await firstAnswer(ws)).toContain('woord1 woord1'),
    },
    {
      name: 'import-answers: an HTML memo with 5,000 notes, each one in the note before it',
      setup: async (ws) => {
        const ref = (n: number) => `<a href="#fn${n}" id="fnref${n}"><sup>${n % 900}</sup></a>`;
        const notes = Array.from({ length: 5_000 }, (_, i) => `<li id="fn${i}">Noot ${i}${i + 1 < 5_000 ? ref(i + 1) : ''}. <a href="#fnref${i}">↩</a></li>`).join('');
        await placeFile(memoAt(ws, 'memo.html'), await htmlMemo(` Zie de nota${ref(0)}.`, `<section><ol>${notes}</ol></section>`));
      },
      argv: ['import-answers', '../memo.html'],
      expect: { done: [0] },
      then: async (ws) => {
        const answer = await firstAnswer(ws);
        expect(answer).toContain('Zie de nota⁰.');
        expect(answer).toContain('Noot 899⁹⁰⁰.');
      },
    },
    {
      name: 'import-answers: an HTML memo whose notes refer to each other and to themselves',
      setup: async (ws) => {
        const ref = (n: number, id: string) => `<a href="#fn${n}" id="${id}"><sup>${n}</sup></a>`;
        const notes = `<section><ol><li id="fn1">Eerste${ref(2, 'x12')}${ref(1, 'x11')}. <a href="#fnref1">↩</a></li><li id="fn2">Tweede${ref(1, 'x21')}. <a href="#x12">↩</a></li></ol></section>`;
        await placeFile(memoAt(ws, 'memo.html'), await htmlMemo(` Zie de nota${ref(1, 'fnref1')}.`, notes));
      },
      argv: ['import-answers', '../memo.html'],
      expect: { done: [0] },
      then: async (ws) => {
        const answer = await firstAnswer(ws);
        expect(answer).toContain('Zie de nota¹.');
        expect(answer).toContain('\n\n¹ Eerste²');
        expect(answer.match(/^² Tweede/gm)).toHaveLength(1);
      },
    },
    {
      name: 'import-answers, then draft --format docx: an RTF memo with 20,000 footnotes in one answer',
      setup: async (ws) => placeFile(memoAt(ws, 'memo.rtf'), await rtfMemo(Array.from({ length: 20_000 }, (_, i) => `w{\\super\\chftn}{\\*\\footnote\\pard{\\super\\chftn} Noot ${i}.}`).join(' '))),
      argv: ['import-answers', '../memo.rtf'],
      // About 4 s each here; the quadratic steps took minutes at 40,000 notes, and the Word document
      // ran out of memory. 20,000, not 40,000: the answer document is then parsed well within the
      // markdown reader's 10 s limit also on a loaded CI machine (at 40,000 a loaded run passed it).
      timeMs: 30_000,
      expect: { done: [0] },
      then: async (ws) => {
        expect(await firstAnswer(ws)).toContain('²⁰⁰⁰⁰ Noot 19999.');
        // Written, or (on a busy machine, past the markdown reader's own time limit) refused in one line naming the answer document; never out of memory.
        const run = await runner.run(ws.dir, ['draft', LETTER_ID, '--format', 'docx', '-o', '../memo.docx'], { timeMs: 30_000 });
        expect(run.killed, run.crash?.slice(-600)).toBeUndefined();
        expect([0, 2], run.err).toContain(run.code);
        if (run.code === 2) expect(run.err.trim().split('\n')).toEqual([expect.stringContaining(ANSWER_FILE)]);
      },
    },
    {
      name: 'import-answers: an RTF memo with 20,000 paragraphs that each start with a note reference',
      setup: async (ws) => placeFile(memoAt(ws, 'memo.rtf'), await rtfMemo(Array.from({ length: 20_000 }, (_, i) => `\\par a{\\super\\chftn}{\\*\\footnote\\pard{\\super\\chftn} Noot ${i}.}b ${i}`).join(' '))),
      argv: ['import-answers', '../memo.rtf'],
      expect: { done: [0] },
      then: async (ws) => expect(await firstAnswer(ws)).toContain('a²⁰⁰⁰⁰b 19999'),
    },
    ...[300, 800].flatMap((depth) => [true, false].map((inNote) => ({
      name: `import-answers: a DOCX memo whose ${inNote ? 'footnote' : 'answer'} holds tables nested ${depth} deep: read, or refused in one line`,
      setup: async (ws: Workspace) => {
        const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
        const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escapeHtml(text)}</w:t></w:r></w:p>`;
        const { paragraphs, at } = await seedParagraphs();
        const nested = `${'<w:tbl><w:tr><w:tc>'.repeat(depth)}${p('diep')}${'</w:tc></w:tr></w:tbl>'.repeat(depth)}`;
        const reference = `<w:p><w:r><w:t xml:space="preserve">${escapeHtml(paragraphs[at]!)}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`;
        const body = paragraphs.map((text, i) => (i !== at ? p(text) : inNote ? reference : `${p(text)}${nested}`)).join('');
        await placeFile(
          memoAt(ws, 'memo.docx'),
          zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`), 'word/footnotes.xml': strToU8(`<w:footnotes ${W}><w:footnote w:id="1">${inNote ? nested : p('Noot.')}</w:footnote></w:footnotes>`) }),
        );
      },
      argv: ['import-answers', '../memo.docx'],
      expect: { done: [0, 2] },
      then: async (ws: Workspace, run: { code: number | null; err: string }) => {
        if (run.code === 2) expect(run.err.trim().split('\n')).toEqual([expect.stringContaining('memo.docx')]);
        else expect(await firstAnswer(ws)).toContain(inNote ? '¹ diep' : 'diep');
      },
    }))),
    {
      name: 'import-answers: an RTF memo with HYPERLINK fields nested 10,000 deep',
      setup: async (ws) => placeFile(memoAt(ws, 'memo.rtf'), await rtfMemo(`${'{\\field{\\*\\fldinst{HYPERLINK "https://www.zwolle.nl/"}}{\\fldrslt{'.repeat(10_000)}diep${'}}}'.repeat(10_000)}`)),
      argv: ['import-answers', '../memo.rtf'],
      expect: { done: [0] },
      then: async (ws) => expect(await firstAnswer(ws)).toContain('[diep](https://www.zwolle.nl/)'),
    },
    {
      name: 'import-answers: an RTF memo whose HYPERLINK fields name script and file addresses: their text, no link',
      setup: async (ws) => {
        const link = (url: string, text: string) => `{\\field{\\*\\fldinst{HYPERLINK "${url}"}}{\\fldrslt{${text}}}}`;
        await placeFile(memoAt(ws, 'memo.rtf'), await rtfMemo(`${link('javascript:alert(1)', 'hier')}, ${link(' JaVaScRiPt:alert(1)', 'daar')}, ${link('file:///etc/passwd', 'het bestand')} en ${link('data:text/html,x', 'dit')}.`));
      },
      argv: ['import-answers', '../memo.rtf'],
      expect: { done: [0] },
      then: async (ws) => {
        const answer = await firstAnswer(ws);
        expect(answer).toContain('hier, daar, het bestand en dit.');
        expect(answer).not.toMatch(/javascript|file:|data:/i);
      },
    },
    {
      name: 'import-answers: an RTF memo with a HYPERLINK instruction of 5 MB: the text, without an address',
      setup: async (ws) => placeFile(memoAt(ws, 'memo.rtf'), await rtfMemo(`{\\field{\\*\\fldinst{HYPERLINK "https://www.zwolle.nl/${'a'.repeat(5_000_000)}"}}{\\fldrslt{de site}}}.`)),
      argv: ['import-answers', '../memo.rtf'],
      expect: { done: [0] },
      then: async (ws) => {
        const answer = await firstAnswer(ws);
        expect(answer).toContain('de site.');
        expect(answer).not.toContain('aaaa');
      },
    },
    {
      name: 'import-answers: an HTML memo with a link of 5 MB: the text, without an address',
      setup: async (ws) => placeFile(memoAt(ws, 'memo.html'), await htmlMemo(` Zie <a href="https://www.zwolle.nl/${'a'.repeat(5_000_000)}">de site</a>.`)),
      argv: ['import-answers', '../memo.html'],
      expect: { done: [0] },
      then: async (ws) => {
        const answer = await firstAnswer(ws);
        expect(answer).toContain('Zie de site.');
        expect(answer).not.toContain('aaaa');
      },
    },
    {
      name: 'import-answers: a text memo with 20,000 note references and notes',
      setup: async (ws) => {
        const memo = (await readFile(SEED_MEMO, 'utf8')).replace('Antwoord: Ja, het college deelt deze opvatting.', `Antwoord: Ja, het college deelt deze opvatting.${' zie¹'.repeat(20_000)}`);
        await placeFile(memoAt(ws, 'memo.txt'), `${memo}\n\n${Array.from({ length: 20_000 }, (_, i) => `1 Noot ${i}.`).join('\n')}\n`);
      },
      argv: ['import-answers', '../memo.txt'],
      expect: { done: [0] },
      then: async (ws) => expect(await firstAnswer(ws)).toContain('¹ Noot 19999.'),
    },
    {
      name: 'import-answers: a memo whose answers come to more than an answer document may hold',
      setup: async (ws) => {
        const memo = (await readFile(SEED_MEMO, 'utf8')).replace('Antwoord: Ja, het college deelt deze opvatting.', `Antwoord: Ja, het college deelt deze opvatting. ${'Het college werkt samen met de regio. '.repeat(70_000)}`);
        await placeFile(memoAt(ws, 'memo.txt'), memo);
      },
      argv: ['import-answers', '../memo.txt'],
      expect: { refused: 'memo.txt', message: /answer document/ },
    },
  ]);
});
