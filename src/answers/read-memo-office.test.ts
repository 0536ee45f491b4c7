/**
 * The answered memos the office suite made (test/fixtures/office/memos/: the D66 memo in ten
 * layouts and letter 19's answers in six, as HTML, DOCX, ODT and PDF, the one with footnotes and
 * links also as RTF, each with a JSON label of what it prints) read back the way import-answers
 * reads them, and compared with the label, answer by answer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readQuestionDocument } from '../documents/question-document.js';
import type { Question } from '../model.js';
import { readSource } from '../read/read-source.js';
import { officeFile, officeManifest } from '../../test/fixtures/office/manifest.js';
import { assignAnswers } from './assign-answers.js';
import { memoBlocks, readMemoBlocks } from './read-memo.js';

interface LabelAnswer {
  number: number;
  question: string;
  markdown: string[];
  pointer: number | null;
  together: number[] | null;
}

const ROOT = new URL('../../', import.meta.url);
const d66 = readQuestionDocument(readFileSync(new URL('questions/2025-04-12-d66-regionale-zorg-en-veiligheid.md', ROOT), 'utf8'));
const memos = officeManifest().memos;
/** The ODT reader is being written (issue 11): its memos are read back once it reads them. */
const odtReadable = await readSource({ name: memos[0]!.files.odt, data: officeFile(memos[0]!.files.odt) }).then(
  () => true,
  () => false,
);

/** What the answer document should hold for each question, by the label. */
function expected(answers: LabelAnswer[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const a of answers) {
    if (a.pointer !== null) out.set(a.number, `Zie het antwoord op vraag ${a.pointer}.`);
    else if (a.together && a.together[0] !== a.number) out.set(a.number, `Zie het antwoord op vraag ${a.together[0]}.`);
    else out.set(a.number, a.markdown.join('\n\n'));
  }
  return out;
}

const LINK = /\[([^\]]*)\]\((?:<[^>]*>|[^)\s]*)\)/g;

/** The words as printed (emphasis marks out, white space collapsed); a link as its text only, unless `links`. */
function printed(markdown: string, links = false): string {
  return (links ? markdown : markdown.replace(LINK, '$1')).replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
}

/** The links of an answer, as `[text](url)`. */
function linksOf(markdown: string): string[] {
  return [...markdown.matchAll(LINK)].map((m) => m[0]);
}

/** The notes at the end of an answer: its last paragraphs that start with a number in superscript digits. */
function notesOf(markdown: string): string[] {
  const paragraphs = markdown.split('\n\n');
  let first = paragraphs.length;
  while (first > 0 && /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ /.test(paragraphs[first - 1]!)) first--;
  return paragraphs.slice(first);
}

/** Emphasis runs: a quotation set in italics must stay italic where the format keeps it. */
function emphasis(markdown: string): number {
  return (markdown.match(/\*/g) ?? []).length;
}

async function readBack(file: string, questions: Question[]): Promise<Map<number, string>> {
  const source = await readSource({ name: file, data: officeFile(file) }, { fontNames: true });
  const memo = readMemoBlocks(memoBlocks({ text: source.text, document: source.document, html: source.html, headings: source.headings }), { questions });
  return assignAnswers(memo, questions, 'letter').answers;
}

describe('memos made by the office suite read back as labelled', () => {
  it('has the memos', () => {
    expect(memos.length).toBeGreaterThanOrEqual(15);
  });

  for (const fixture of memos) {
    const label = JSON.parse(readFileSync(new URL(`test/fixtures/office/${fixture.label}`, ROOT), 'utf8')) as { questions: string; answers: LabelAnswer[] };
    // Letter 19's questions as the label quotes them (its page holds questions and answers).
    const questions: Question[] = label.questions.includes('d66')
      ? d66.questions
      : label.answers.map((a) => ({ number: a.number, label: `${a.number}.`, text: a.question, parts: [], line: 0 }));
    const want = expected(label.answers);

    for (const format of ['html', 'docx'] as const) {
      it(`${fixture.name}.${format}: every answer, with its italics`, async () => {
        const got = await readBack(fixture.files[format], questions);
        for (const [number, text] of want) {
          expect(printed(got.get(number) ?? ''), `question ${number}`).toBe(printed(text));
          expect(emphasis(got.get(number) ?? ''), `question ${number}`).toBe(emphasis(text));
        }
      });
    }

    it.skipIf(!odtReadable)(`${fixture.name}.odt: every answer's words`, async () => {
      const got = await readBack(fixture.files.odt, questions);
      for (const [number, text] of want) expect(printed(got.get(number) ?? ''), `question ${number}`).toBe(printed(text));
    });

    // PDF: no italics in the text layer. A table comes as structure (pdf-table.ts), its cells
    // parted by the x positions of the text.
    it(`${fixture.name}.pdf: every answer's words`, async () => {
      const got = await readBack(fixture.files.pdf, questions);
      for (const [number, text] of want) expect(printed(got.get(number) ?? ''), `question ${number}`).toBe(printed(text));
    });
  }
});

/**
 * Which formats keep a footnote and a link, on the memo whose answers carry both (layout
 * `vraag-antwoord-noten`: notes in answers 8 and 11, a mail link and a web link in answer 7, a web
 * link in answer 9). Every format keeps the note: its reference in superscript digits after its
 * word, the note as the answer's last paragraph "¹ <note>". HTML, DOCX, ODT and RTF keep a link's
 * address too (`<a href>`, `w:hyperlink`, `text:a`, a HYPERLINK field); the PDF keeps its text,
 * not its address, which the PDF reader does not read from the link annotations.
 */
describe('the memo with footnotes and links reads back with them', () => {
  const fixture = memos.find((m) => m.layout === 'vraag-antwoord-noten');
  const label = fixture ? (JSON.parse(readFileSync(new URL(`test/fixtures/office/${fixture.label}`, ROOT), 'utf8')) as { answers: LabelAnswer[] }) : null;
  const KEEPS_LINKS = { html: true, docx: true, odt: true, rtf: true, pdf: false } as const;

  it('is there, in five formats, with notes and links in its label', () => {
    expect(Object.keys(fixture?.files ?? {}).sort()).toEqual(['docx', 'html', 'odt', 'pdf', 'rtf']);
    const all = label!.answers.map((a) => a.markdown.join('\n\n'));
    expect(all.flatMap(notesOf)).toEqual(['¹ Zwolse agenda zorg en veiligheid 2025-2026.', '² Aanpak Voorkomen Escalatie, zie het antwoord op vraag 10.']);
    expect(all.flatMap(linksOf)).toEqual(['[meldpunt maatschappelijke zorg](mailto:meldpunt@example.org)', '[ZonMW](https://www.zonmw.nl/)', '[G40](https://www.g40stedennetwerk.nl/)']);
  });

  for (const format of ['html', 'docx', 'odt', 'rtf', 'pdf'] as const) {
    it(`${format}: every answer word for word with its note references and notes${KEEPS_LINKS[format] ? ' and its links' : ', its links as their text'}`, async () => {
      const got = await readBack(fixture!.files[format]!, d66.questions);
      for (const a of label!.answers) {
        const want = a.markdown.join('\n\n');
        const answer = got.get(a.number) ?? '';
        expect(printed(answer, KEEPS_LINKS[format]), `question ${a.number}`).toBe(printed(want, KEEPS_LINKS[format]));
        expect(notesOf(answer), `question ${a.number}`).toEqual(notesOf(want));
        expect(linksOf(answer), `question ${a.number}`).toEqual(KEEPS_LINKS[format] ? linksOf(want) : []);
      }
    });
  }
});
