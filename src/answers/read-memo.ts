/**
 * Read an answered memo (the text of a PDF, DOCX or text file) back into answers, one per
 * question. The college's memos look like the seed memo
 * (test/fixtures/seeds/answers/2025-05-d66-...-beantwoording.txt): memo parts (Bijlagen, Ontwerp
 * besluit, Inleiding, Kernboodschap), then per question a line "Vraag N: <question>" with the
 * question wrapped over lines, the answer with or without "Antwoord:", then "Openbaarheid" and
 * the signature. What PDF extraction leaves behind is repaired where it is safe:
 * - a page break starts a line with a space (" Vraag 3:", " In Zwolle loopt ..."): after a
 *   finished sentence such a line starts a paragraph;
 * - a blank line in the middle of a sentence ("afspraken gemaakt over samenwerken", blank, "in een
 *   gebiedsgerichte aanpak."): a paragraph that stops without a full stop and goes on in lower
 *   case is one paragraph;
 * - a line-end hyphen joins as in letters and policy documents (text/hyphenation.ts): "30-" /
 *   "40-30 verdeling" keeps it, a word broken for the line ("centrum-" / "gemeente") is whole again.
 * Where the question ends and the answer begins is not marked when "Antwoord:" is missing
 * ("Vraag 9: Welke pogingen ...?" and on the next line "Het college zet zich in ..."): with the
 * question document at hand the split that best matches the asked question is taken, else the
 * question ends at the first line ending in "?" that is not followed by another "?"-line.
 * The memo's own text is data: answers come out as escaped markdown.
 */
import type { ParseWarning } from '../model.js';
import { joinLines } from '../text/hyphenation.js';
import { escapeInline } from '../text/markdown-escape.js';
import { questionSimilarity } from './question-similarity.js';

/** One question of the memo with its answer. */
export interface MemoAnswer {
  number: number;
  /** The question as the memo quotes it (plain text). */
  question: string;
  /** The answer as markdown (escaped memo text); empty when the memo has none. */
  answer: string;
  /** Line of the "Vraag N" heading in the memo text. */
  line: number;
}

/** A memo part outside the questions: heading and text (markdown). */
export interface MemoPartText {
  heading: string;
  content: string;
  line: number;
  /** Whether the part comes after the questions (Openbaarheid, the signature). */
  afterQuestions: boolean;
}

export interface AnsweredMemo {
  answers: MemoAnswer[];
  parts: MemoPartText[];
  /** Whether the memo carries a signature block (burgemeester and secretaris with names). */
  signed: boolean;
  warnings: ParseWarning[];
}

export interface ReadMemoOptions {
  /** The questions as asked (from the question document): they tell where each question ends. */
  questions?: ReadonlyArray<{ number: number; text: string }>;
}

/** Memo parts by heading; a line that is exactly one of these is a heading. */
const PART_HEADINGS = [
  'onderwerp',
  'bijlage',
  'bijlagen',
  'ontwerp besluit',
  'ontwerpbesluit',
  'besluit',
  'inleiding',
  'aanleiding',
  'kernboodschap',
  'samenvatting',
  'vragen en antwoorden',
  'beantwoording',
  'openbaarheid',
  'communicatie',
  'financiën',
  'financien',
  'vervolg',
  'ondertekening',
  'vervallen vragen',
];
const QUESTION_LINE = /^Vraag\s+(\d{1,3})(?:\s*[:.)–-]\s*|\s+(?=\p{Lu})|\s*$)(.*)$/u;
const SIGNATURE_START = /^(?:het\s+college\s+van\s+)?burgemeester\s+en\s+wethouders\b.*,?$/i;
const SIGNATORY = /^(?:de\s+)?(burgemeester|(?:gemeente)?secretaris|loco-?burgemeester)\s*,?\s*(.*)$/i;
const PAGE_FURNITURE = /^(?:pagina\s+)?\d{1,3}(?:\s*(?:van|\/)\s*\d{1,3})?$/i;
const ANSWER_LABEL = /^\**antwoord\**\s*:?\**\s*/i;
const PLACEHOLDER = /^_?antwoord nog in te vullen\.?_?$/i;
const BULLET = /^(?:[•·▪◦‣∙o*–—-])\s+(.*)$/u;
const NUMBERED = /^(\d{1,2})[.)]\s+(.*)$/;
const SENTENCE_END = /[.?!:;…"”’')\]]$/;

interface Line {
  text: string;
  /** The line began with white space (PDF page-break debris). */
  indented: boolean;
  n: number;
}

/** A line without markdown decoration our own memo may carry when it comes back as text. */
function plainLine(raw: string): string {
  return raw
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\*\*(.+?)\*\*/, '$1')
    .trim();
}

function headingOf(text: string): string | null {
  const key = text.replace(/[:.]$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return PART_HEADINGS.includes(key) ? text.replace(/[:.]$/, '').trim() : null;
}


/**
 * Lines of running text as markdown paragraphs and list items (escaped), with the page-break
 * repairs described in the module comment.
 */
function linesToMarkdown(lines: Line[], options: { keepLines?: boolean } = {}): string {
  type Block = { kind: 'p' | 'ul' | 'ol'; lines: string[]; n?: string };
  const blocks: Block[] = [];
  let current: Block | null = null;
  let blank = false;
  for (const line of lines) {
    if (line.text === '') {
      if (current) blank = true;
      continue;
    }
    const bullet = BULLET.exec(line.text);
    const numbered = NUMBERED.exec(line.text);
    const last = current?.lines[current.lines.length - 1] ?? '';
    const debris = blank && current?.kind === 'p' && !SENTENCE_END.test(last) && /^\p{Ll}/u.test(line.text);
    const pageBreak = !blank && line.indented && current !== null && SENTENCE_END.test(last);
    if (bullet || numbered) {
      current = { kind: bullet ? 'ul' : 'ol', lines: [bullet ? bullet[1]! : numbered![2]!], n: numbered?.[1] };
      blocks.push(current);
    } else if (current && ((!debris && (blank || pageBreak)) || (options.keepLines && blank))) {
      current = { kind: 'p', lines: [line.text] };
      blocks.push(current);
    } else if (current) {
      current.lines.push(line.text);
    } else {
      current = { kind: 'p', lines: [line.text] };
      blocks.push(current);
    }
    blank = false;
  }
  const parts: string[] = [];
  blocks.forEach((block, i) => {
    const text = escapeInline(joinLines(block.lines));
    const item = block.kind === 'ul' ? `- ${text}` : block.kind === 'ol' ? `${block.n}. ${text}` : text;
    const previous = blocks[i - 1];
    const sameList = previous && previous.kind === block.kind && block.kind !== 'p';
    parts.push(i === 0 ? item : `${sameList ? '\n' : '\n\n'}${item}`);
  });
  return parts.join('');
}

/** The number of question lines: the split that best matches the asked question, else "?"-lines. */
function questionLength(lines: Line[], limit: number, expected: string | null): number {
  if (limit <= 1) return limit;
  if (expected) {
    let best = 1;
    let bestScore = -1;
    for (let k = 1; k <= limit; k++) {
      const score = questionSimilarity(joinLines(lines.slice(0, k).map((l) => l.text)), expected);
      // A tie goes to the longer split: "Indien nee, waarom niet?" is all stop words, so it adds
      // nothing to the score but still belongs to the question (seed memo, question 2).
      if (score >= bestScore - 1e-9) {
        best = k;
        bestScore = score;
      }
    }
    return best;
  }
  for (let k = 0; k < limit; k++) {
    if (!/\?\s*$/.test(lines[k]!.text)) continue;
    let end = k + 1;
    while (end < limit && /\?\s*$/.test(lines[end]!.text)) end++;
    return end;
  }
  return limit;
}

interface Section {
  number: number;
  line: number;
  lines: Line[];
}

/** Read an answered memo's text into its answers, its other parts and whether it is signed. */
export function readAnsweredMemo(text: string, options: ReadMemoOptions = {}): AnsweredMemo {
  const warnings: ParseWarning[] = [];
  const lines: Line[] = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, i) => ({ text: plainLine(raw), indented: /^[ \t\u00a0]/.test(raw), n: i + 1 }))
    .filter((line) => !PAGE_FURNITURE.test(line.text));

  const sections: Section[] = [];
  const parts: Array<{ heading: string; line: number; lines: Line[] }> = [];
  let part: { heading: string; line: number; lines: Line[] } | null = null;
  let section: Section | null = null;
  let lastNumber = 0;
  let signature: { heading: string; line: number; lines: Line[] } | null = null;
  let inBronnen = false;

  for (const line of lines) {
    if (signature) {
      signature.lines.push(line);
      continue;
    }
    const question = QUESTION_LINE.exec(line.text);
    const number = question ? Number(question[1]) : 0;
    if (question && number > lastNumber && number <= lastNumber + 3) {
      if (number !== lastNumber + 1) warnings.push({ line: line.n, message: `question ${number} follows question ${lastNumber}: a question is missing in the memo` });
      lastNumber = number;
      section = { number, line: line.n, lines: question[2]!.trim() ? [{ ...line, text: question[2]!.trim() }] : [] };
      sections.push(section);
      part = null;
      inBronnen = false;
      continue;
    }
    if (SIGNATURE_START.test(line.text)) {
      // Our own template puts the signature under "Ondertekening": keep one part.
      if (part && section === null && /^ondertekening$/i.test(part.heading) && part.lines.every((l) => l.text === '')) {
        signature = part;
      } else {
        signature = { heading: 'Ondertekening', line: line.n, lines: [] };
        parts.push(signature);
      }
      signature.lines.push(line);
      continue;
    }
    const heading = headingOf(line.text);
    if (heading) {
      section = null;
      inBronnen = false;
      part = { heading, line: line.n, lines: [] };
      parts.push(part);
      continue;
    }
    if (section) {
      if (/^bronnen:?$/i.test(line.text)) inBronnen = true;
      if (!inBronnen) section.lines.push(line);
      continue;
    }
    if (part) part.lines.push(line);
    else if (line.text !== '') {
      part = { heading: '', line: line.n, lines: [line] };
      parts.push(part);
    }
  }

  const asked = options.questions ?? [];
  const answers: MemoAnswer[] = sections.map((s) => {
    // Question lines run to the first blank line or "Antwoord:" line.
    let limit = 0;
    while (limit < s.lines.length && s.lines[limit]!.text !== '' && !ANSWER_LABEL.test(s.lines[limit]!.text)) limit++;
    const first = s.lines[0]?.text ?? '';
    const byNumber = asked.find((q) => q.number === s.number);
    const expected = byNumber && questionSimilarity(first, byNumber.text) > 0.2 ? byNumber.text : bestMatch(asked, first);
    const k = questionLength(s.lines, limit, expected);
    const questionText = joinLines(s.lines.slice(0, k).map((l) => l.text));
    const rest = s.lines.slice(k);
    while (rest.length > 0 && rest[0]!.text === '') rest.shift();
    if (rest.length > 0 && ANSWER_LABEL.test(rest[0]!.text)) {
      const remainder = rest[0]!.text.replace(ANSWER_LABEL, '').trim();
      if (remainder) rest[0] = { ...rest[0]!, text: remainder, indented: false };
      else rest.shift();
    }
    let answer = linesToMarkdown(rest);
    if (PLACEHOLDER.test(answer.replace(/\\/g, '').trim())) answer = '';
    if (answer === '') warnings.push({ line: s.line, message: `question ${s.number} has no answer in the memo` });
    return { number: s.number, question: questionText, answer, line: s.line };
  });

  const signatories = signature ? signature.lines.map((l) => SIGNATORY.exec(l.text)).filter((m): m is RegExpExecArray => m !== null && m[2]!.trim() !== '') : [];
  const signed = signatories.some((m) => /burgemeester/i.test(m[1]!)) && signatories.some((m) => /secretaris/i.test(m[1]!));

  return {
    answers,
    parts: parts
      .map((p) => ({
        heading: p.heading,
        content: linesToMarkdown(p.lines, { keepLines: p === signature }),
        line: p.line,
        afterQuestions: sections.length > 0 && p.line > sections[0]!.line,
      }))
      .filter((p) => p.heading !== '' || p.content !== ''),
    signed,
    warnings,
  };
}

function bestMatch(asked: ReadonlyArray<{ text: string }>, first: string): string | null {
  let best: string | null = null;
  let score = 0.2;
  for (const q of asked) {
    const s = questionSimilarity(first, q.text);
    if (s > score) {
      best = q.text;
      score = s;
    }
  }
  return best;
}
