/**
 * Read an answered memo back into answers, one per question, in the layouts councils use:
 * - "Vraag 1: <question>" then the answer, with or without "Antwoord:" (the college's memo,
 *   test/fixtures/seeds/answers/2025-05-d66-...-beantwoording.txt);
 * - "Vraag 1" on a line of its own, the question, then "Antwoord 1" (or "Antwoord:") and the answer;
 * - "1. <question>" (typed, or Word's automatic numbering) then "Antwoord: ..." or the answer;
 * - the questions as one numbered list, then the answers as paragraphs starting "Ad 1.";
 * - the question in bold without a label, the answer in plain text;
 * - a table with the question in the left column and the answer in the right;
 * - a question quoted without any label or look, recognised by its text (with the question
 *   document at hand).
 * Combined answers: "Antwoord op vraag 8 en 9" gives the answer to the first question named and
 * makes the others point to it; an answer "Zie het antwoord op vraag 1." is kept as written.
 *
 * The memo comes as blocks (memo-blocks.ts): from the reader's HTML when it has one (DOCX, HTML,
 * markdown), so bold questions, table cells and the answer's lists, bold, italics and links are
 * known; from the PDF reader's structure when the PDF holds a table (its cells parted by their x
 * positions); else from its text (PDF, plain text). Where a question ends and its answer begins is not
 * always marked ("Vraag 9: Welke pogingen ...?" and on the next line "Het college zet zich in
 * ..."): with the question document at hand the split that best matches the asked question is
 * taken, else the question ends at the first line ending in "?" that is not followed by another
 * "?"-line. A memo's status is never read from it: a signature block is text like any other.
 */
import type { ParseWarning } from '../model.js';
import type { HeadingMark } from '../read/heading-marks.js';
import type { StructuredDocument } from '../read/document.js';
import { blocksFromDocument, blocksFromHtml, blocksFromText, blocksToMarkdown, blockText, joinLines, type MemoBlock } from './memo-blocks.js';
import { questionSimilarity, questionWords, wordsSimilarity } from './question-similarity.js';

/** How a question was recognised in the memo. */
export type MemoLayout = 'vraag' | 'vraag-kop' | 'nummer' | 'ad' | 'vet' | 'tabel' | 'tekst';

/** One question of the memo with its answer. */
export interface MemoAnswer {
  /** The number the memo gives the question (its position when it gives none). */
  number: number;
  /** The question as the memo quotes it (plain text; empty when the memo does not quote it). */
  question: string;
  /** The answer as markdown; empty when the memo has none. */
  answer: string;
  /**
   * The memo answers this question together with another ("Antwoord op vraag 8 en 9"): the
   * memo number of the question that holds the answer. `answer` is empty then.
   */
  together: number | null;
  /** Line in the reader's text where the question starts. */
  line: number;
  layout: MemoLayout;
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
  warnings: ParseWarning[];
}

/** What a reader gives: its text, and its structure (office formats), HTML and heading marks where it has them. */
export interface MemoSource {
  text: string;
  document?: StructuredDocument;
  html?: string;
  headings?: readonly HeadingMark[];
}

export interface ReadMemoOptions {
  /** The questions as asked (from the question document): they tell where each question ends. */
  questions?: ReadonlyArray<{ number: number; text: string }>;
}

/** Memo parts by heading; a block that is exactly one of these is a heading. */
const PART_HEADINGS = new Set([
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
]);
/** "Vraag 1: <question>", "Vraag 1. <question>", "Vraag 1 <Question>", "Vraag 1". */
const QUESTION_LABEL = /^vraag\s+(\d{1,3})(?:\s*[:.)–-]\s*|\s+(?=\p{Lu})|\s*$)(.*)$/iu;
/**
 * "Antwoord:", "Antwoord 1", "Antwoord op vraag 8 en 9:", "Antwoorden op de vragen 2 t/m 4",
 * "Beantwoording vraag 3" and what follows on the line. A colon, a number or the end of the line
 * must follow the word, so an answer that starts "Antwoord van het college ..." is text.
 */
const ANSWER_LABEL = /^(?:antwoord(?:en)?|beantwoording)(?:\s+(?:op|bij|van)(?:\s+(?:de|het))?\s+vra(?:ag|gen))?(?:\s*(\d{1,3}(?:\s*(?:,|en|&|t\/m|-|–)\s*\d{1,3})*))?\s*(?::\s*|[.)–]\s+|\s-\s+|$)(.*)$/iu;
/** "Ad 1." and what follows. */
const AD_LABEL = /^ad\s+(\d{1,3})\s*[.:)]?\s*(.*)$/iu;
/**
 * Where the signature starts: a line of its own that names the college, its place at most
 * ("Burgemeester en wethouders van Zwolle,", "Het college van burgemeester en wethouders,"), or a
 * greeting ("Met vriendelijke groet,", "Hoogachtend,", "Namens het college …,"), which a memo in
 * letter form puts before it; without a blank line a PDF's greeting went into the last answer.
 * A signature line starts with a capital and holds nothing else: an answer that opens "Het college
 * van burgemeester en wethouders heeft besloten …", or running text that wraps before "burgemeester
 * en wethouders van Zwolle is …", is text (it took every answer after it into the signature).
 */
/** A place's name: "Zwolle", "Hendrik-Ido-Ambacht", "'s-Hertogenbosch", "Alphen aan den Rijn" (words apart by one space only, so no line makes the match backtrack). */
const PLACE = String.raw`(?:['’]s[ -])?\p{Lu}[\p{L}'’.-]*(?: (?:(?:aan|op|de|den|der|bij|in|en|het) )*\p{Lu}[\p{L}'’.-]*){0,4}`;
const COLLEGE_LINE = new RegExp(String.raw`^(?:(?:Namens\s+)?[Hh]et\s+[Cc]ollege\s+van\s+|Namens\s+)?[Bb]urgemeester\s+en\s+[Ww]ethouders(?:\s+(?:van\s+(?:de\s+gemeente\s+)?|der\s+gemeente\s+)${PLACE})?\s*,?$`, 'u');
/** A greeting, alone or with the signature after it in one paragraph (lines broken by Shift+Enter: "Met vriendelijke groet, Burgemeester en …"). */
const GREETING = /^(?:(?:(?:met\s+)?(?:vriendelijke|hartelijke)\s+groet(?:en)?|hoogachtend)\s*(?:,(?:\s.*)?)?|namens\s+(?:het\s+college|burgemeester\s+en\s+wethouders)\b.{0,80},)$/i;

function startsSignature(line: string): boolean {
  const text = line.trim();
  return /^\p{Lu}/u.test(text) && (COLLEGE_LINE.test(text) || GREETING.test(text));
}
const PLACEHOLDER = /^[_*]?antwoord nog in te vullen\.?[_*]?$/i;
const ITEM_NUMBER = /^(\d{1,3})[.)]$/;
const TYPED_NUMBER = /^(\d{1,2})[.)]\s+(\S.*)$/;

/**
 * A paragraph is taken for a question of the letter when its text is at least this alike: the
 * level at which match-sections.ts calls two texts the same question (no two different
 * questions of the 39 development letters reach it).
 */
const SAME_QUESTION = 0.8;
/** A labelled or bold paragraph that does not end in "?" still asks when it is this alike to a question (match-sections.ts' MOVED_QUESTION). */
const LIKE_QUESTION = 0.5;

/**
 * A label starts with a capital ("Antwoord:", "Vraag 2"): a line of running text that wraps before
 * "antwoord bij vraag 7) en ..." (seed memo, answer 11) is no label.
 */
function isLabel(pattern: RegExp, text: string): RegExpExecArray | null {
  return /^\p{Lu}/u.test(text.trim()) ? pattern.exec(text.trim()) : null;
}

/** "Vraag 3", "Antwoord 3", "Antwoord op vraag 8 en 9" alone on a line. */
function labelOnly(text: string): boolean {
  const question = isLabel(QUESTION_LABEL, text);
  const answer = isLabel(ANSWER_LABEL, text);
  return Boolean((question && question[2] === '') || (answer && answer[2] === ''));
}

function partHeading(text: string): string | null {
  const key = text.replace(/[:.]$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return PART_HEADINGS.has(key) ? text.replace(/[:.]$/, '').trim() : null;
}

/** Ends in a question mark (a closing quote or bracket after it allowed). */
function endsAsking(text: string): boolean {
  return /\?\s*["”’')\]]*\s*$/.test(text);
}

function numbersOf(list: string | undefined): number[] {
  if (!list) return [];
  const out: number[] = [];
  const tokens = list.split(/\s*(,|en|&|t\/m|-|–)\s*/i);
  for (let i = 0; i < tokens.length; i += 2) {
    const n = Number(tokens[i]);
    const joiner = (tokens[i - 1] ?? '').toLowerCase();
    const previous = out[out.length - 1];
    if (previous !== undefined && /^(?:t\/m|-|–)$/.test(joiner) && n > previous && n - previous <= 50) for (let k = previous + 1; k <= n; k++) out.push(k);
    else if (Number.isFinite(n)) out.push(n);
  }
  return [...new Set(out)];
}

interface Section {
  number: number;
  line: number;
  layout: MemoLayout;
  question: MemoBlock[];
  answer: MemoBlock[];
  /** Memo question numbers answered here together ("Antwoord op vraag 8 en 9"). */
  together: number[];
  /** The question is complete: what follows is the answer. */
  asked: boolean;
  /** An "Antwoord"/"Ad" label started the answer. */
  labelled: boolean;
}

interface Part {
  heading: string;
  line: number;
  blocks: MemoBlock[];
  afterQuestions: boolean;
}

/** A question start a block makes, before looking at the reading state. */
interface QuestionStart {
  number: number | null;
  layout: MemoLayout;
  /** The question's text in this block (the block minus its label); null when the question follows. */
  rest: MemoBlock | null;
}

/** What follows a label on a block's first line (the last group of the label's pattern). */
function afterLabel(pattern: RegExp, block: MemoBlock): string {
  const match = pattern.exec(block.lines[0]!.trim());
  return match ? (match[match.length - 1] ?? '') : block.lines[0]!;
}

/** The block with `remainder` in place of its first line (the line without its label), or null when nothing is left. */
function withoutLabel(block: MemoBlock, remainder: string): MemoBlock | null {
  if (remainder.trim() === '' && block.lines.length <= 1) return null;
  const lines = [remainder, ...block.lines.slice(1)].filter((line, i) => i > 0 || line.trim() !== '');
  if (lines.length === 0) return null;
  let markdown = block.markdown;
  if (markdown) {
    // The label is plain text at the start of the markdown too; drop the same number of words.
    const first = markdown[0] ?? '';
    const labelWords = (block.lines[0] ?? '').trim().split(/\s+/).length - (remainder.trim() === '' ? 0 : remainder.trim().split(/\s+/).length);
    const words = first.trim().split(/\s+/);
    const rest = words.slice(labelWords).join(' ');
    let cut = rest.replace(/^\*\*\s*\*\*/, '').replace(/^[:.)–-]\s*/, '');
    // A bold run that held the label and the first words: drop its now unmatched opening.
    if ((cut.match(/\*\*/g)?.length ?? 0) % 2 === 1) cut = cut.replace('**', '');
    markdown = remainder.trim() === '' ? markdown.slice(1) : [cut, ...markdown.slice(1)];
  }
  return { ...block, lines, markdown, label: null, kind: block.kind === 'item' ? 'paragraph' : block.kind };
}

/** The memo as blocks: from its structure or HTML where the reader gave one, else from its text. */
export function memoBlocks(source: string | MemoSource): MemoBlock[] {
  const memo = typeof source === 'string' ? { text: source } : source;
  const startsBlock = (line: string) => Boolean(isLabel(QUESTION_LABEL, line) || isLabel(ANSWER_LABEL, line) || isLabel(AD_LABEL, line)) || partHeading(line) !== null || startsSignature(line);
  const standsAlone = (line: string) => partHeading(line) !== null || labelOnly(line);
  if ('document' in memo && memo.document) return blocksFromDocument(memo.document, memo.text);
  return 'html' in memo && memo.html
    ? blocksFromHtml(memo.html, memo.text)
    : blocksFromText(memo.text, { headings: memo.headings, startsBlock, standsAlone, startsSignature });
}

/** Read an answered memo into its answers and its other parts. */
export function readAnsweredMemo(source: string | MemoSource, options: ReadMemoOptions = {}): AnsweredMemo {
  return readMemoBlocks(memoBlocks(source), options);
}

/** Read a memo's blocks (`memoBlocks`) into its answers and other parts; the blocks are not changed. */
export function readMemoBlocks(blocks: readonly MemoBlock[], options: ReadMemoOptions = {}): AnsweredMemo {
  return segment(blocks, options.questions ?? []);
}

/** The letter's questions with their words, read once per list of questions. */
const askedWords = new WeakMap<ReadonlyArray<{ text: string }>, Array<{ text: string; words: string[] }>>();

/**
 * The best `questionSimilarity` of a text to the asked questions. Every paragraph of a memo is
 * compared: the text's words are read once, and the questions' once for the memo (not twice for
 * each pair, which made a memo of thousands of paragraphs slow).
 */
function bestSimilarity(asked: ReadonlyArray<{ text: string }>, text: string): number {
  let questions = askedWords.get(asked);
  if (!questions) {
    questions = asked.map((q) => ({ text: q.text, words: questionWords(q.text) }));
    askedWords.set(asked, questions);
  }
  const read = { text, words: questionWords(text) };
  let best = 0;
  for (const q of questions) best = Math.max(best, wordsSimilarity(read, q));
  return best;
}

function segment(blocks: readonly MemoBlock[], asked: ReadonlyArray<{ number: number; text: string }>): AnsweredMemo {
  const warnings: ParseWarning[] = [];
  const sections: Section[] = [];
  const parts: Part[] = [];
  let part: Part | null = null;
  let section: Section | null = null;
  let signature: Part | null = null;
  let inBronnen = false;
  let lastNumber = 0;

  /** Whether a block asks: ends in "?", or is much like a question of the letter. */
  const asks = (text: string) => endsAsking(text) || (asked.length > 0 && bestSimilarity(asked, text) >= LIKE_QUESTION);
  const plausible = (n: number) => n > lastNumber && n <= lastNumber + 10;

  const questionStart = (block: MemoBlock, fits: (n: number) => boolean = plausible): QuestionStart | null => {
    const text = blockText(block);
    const labelled = isLabel(QUESTION_LABEL, text);
    if (labelled && fits(Number(labelled[1]))) {
      const rest = withoutLabel(block, afterLabel(QUESTION_LABEL, block));
      return { number: Number(labelled[1]), layout: rest ? 'vraag' : 'vraag-kop', rest };
    }
    const itemNumber = block.kind === 'item' && block.label ? ITEM_NUMBER.exec(block.label) : null;
    const typed = block.kind === 'paragraph' ? TYPED_NUMBER.exec(text) : null;
    if ((itemNumber || typed) && block.depth === 0) {
      const n = Number(itemNumber ? itemNumber[1] : typed![1]);
      const body = itemNumber ? text : typed![2]!;
      // A text block may run on from the question into its answer: a "?"-line is enough.
      if (fits(n) && (asks(body) || block.lines.some(endsAsking))) {
        return { number: n, layout: 'nummer', rest: itemNumber ? { ...block, kind: 'paragraph', label: null } : withoutLabel(block, afterLabel(TYPED_NUMBER, block)) };
      }
    }
    if (block.kind !== 'heading' && block.strong && asks(text)) return { number: null, layout: 'vet', rest: { ...block, kind: 'paragraph', label: null } };
    if (block.kind === 'paragraph' && asked.length > 0 && bestSimilarity(asked, text) >= SAME_QUESTION) return { number: null, layout: 'tekst', rest: block };
    return null;
  };

  const open = (start: QuestionStart, line: number): Section => {
    const number = start.number ?? lastNumber + 1;
    if (start.number !== null && number !== lastNumber + 1 && lastNumber > 0) warnings.push({ line, message: `question ${number} follows question ${lastNumber}: a question is missing in the memo` });
    lastNumber = number;
    const s: Section = { number, line, layout: start.layout, question: start.rest ? [start.rest] : [], answer: [], together: [], asked: false, labelled: false };
    sections.push(s);
    part = null;
    inBronnen = false;
    return s;
  };

  /** The last block at which each question number starts ("Vraag 3", "3. …?", "Ad 3"), read once when a signature line is met. */
  let numberedStarts: Map<number, number> | null = null;
  /**
   * Whether a question the memo numbers next (one of its next ten) starts after block `i`: then a
   * greeting or college line at `i` is an answer's own text ("Met vriendelijke groet," quoted from a
   * letter), not the signature, which would take every answer after it.
   */
  const questionAfter = (i: number): boolean => {
    if (numberedStarts === null) {
      const starts = new Map<number, number>();
      blocks.forEach((b, j) => {
        const text = blockText(b);
        const label = isLabel(AD_LABEL, text) ?? isLabel(QUESTION_LABEL, text);
        // Only a block with a number can start one: the others are not compared with the letter's questions, which is slow for a long memo.
        const numbered = (b.kind === 'item' && b.label !== null && ITEM_NUMBER.test(b.label)) || (b.kind === 'paragraph' && TYPED_NUMBER.test(text));
        const n = label ? Number(label[1]) : numbered ? questionStart(b, () => true)?.number : null;
        if (n !== null && n !== undefined) starts.set(n, j);
      });
      numberedStarts = starts;
    }
    for (let n = lastNumber + 1; n <= lastNumber + 10; n++) if ((numberedStarts.get(n) ?? -1) > i) return true;
    return false;
  };

  /** An answer label ahead, before the next question start or part heading: the question runs to it. */
  const answerLabelAhead = (from: number): boolean => {
    for (let j = from; j < blocks.length; j++) {
      const text = blockText(blocks[j]!);
      if (isLabel(ANSWER_LABEL, text)) return true;
      if (isLabel(AD_LABEL, text) || partHeading(text) || blocks[j]!.kind === 'row' || startsSignature(text) || questionStart(blocks[j]!)) return false;
    }
    return false;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const text = blockText(block);
    if (signature) {
      signature.blocks.push(block);
      continue;
    }

    if (block.kind === 'row') {
      const cells = (block.cells ?? []).filter((cell) => cell.length > 0);
      const left = cells[0] ?? [];
      const leftText = joinLines(left.map(blockText));
      const typed = TYPED_NUMBER.exec(leftText);
      const itemLabel = left[0]?.label ? ITEM_NUMBER.exec(left[0].label) : null;
      const questionText = typed ? typed[2]! : leftText;
      if (cells.length >= 2 && asks(questionText)) {
        const n = itemLabel ? Number(itemLabel[1]) : typed ? Number(typed[1]) : null;
        const start: QuestionStart = { number: n !== null && plausible(n) ? n : null, layout: 'tabel', rest: null };
        section = open(start, block.line);
        section.question = left.map((b, k) => (k === 0 && typed ? (withoutLabel(b, afterLabel(TYPED_NUMBER, b)) ?? b) : { ...b, label: k === 0 ? null : b.label, kind: k === 0 && b.kind === 'item' ? 'paragraph' : b.kind }));
        section.answer = cells.slice(1).flat();
        section.asked = true;
        continue;
      }
      // A header row ("Vraag | Antwoord") or a row of something else.
      if (cells.length >= 2 && cells.every((cell) => joinLines(cell.map(blockText)).split(/\s+/).length <= 3)) continue;
      if (section) section.answer.push(...cells.flat());
      else if (part) part.blocks.push(...cells.flat());
      continue;
    }

    const heading = partHeading(text);
    if (heading && (block.kind === 'heading' || block.lines.length === 1)) {
      section = null;
      inBronnen = false;
      part = { heading, line: block.line, blocks: [], afterQuestions: sections.length > 0 };
      parts.push(part);
      continue;
    }
    // A signature before the first question is a cover letter's: a part like any other.
    if (sections.length > 0 && startsSignature(block.lines[0] ?? '') && !questionAfter(i)) {
      // Our own template puts the signature under "Ondertekening": keep one part.
      const current = part as Part | null;
      if (current && section === null && /^ondertekening$/i.test(current.heading) && current.blocks.length === 0) signature = current;
      else {
        signature = { heading: 'Ondertekening', line: block.line, blocks: [], afterQuestions: sections.length > 0 };
        parts.push(signature);
      }
      signature.blocks.push(block);
      continue;
    }

    const ad = isLabel(AD_LABEL, text);
    if (ad) {
      const n = Number(ad[1]);
      const listed = sections.find((s) => s.number === n && s.answer.length === 0);
      section = listed ?? open({ number: plausible(n) ? n : null, layout: 'ad', rest: null }, block.line);
      if (listed) listed.layout = 'ad';
      section.asked = true;
      section.labelled = true;
      part = null;
      inBronnen = false;
      const rest = withoutLabel(block, afterLabel(AD_LABEL, block));
      if (rest) section.answer.push(rest);
      continue;
    }

    const answerLabel = isLabel(ANSWER_LABEL, text);
    if (answerLabel && section && !section.labelled && (!section.asked || section.answer.length === 0 || (answerLabel[1] !== undefined && !endsAsking(text)))) {
      const together = numbersOf(answerLabel[1]);
      section.asked = true;
      section.labelled = true;
      if (together.length > 1) section.together = together;
      const rest = withoutLabel(block, afterLabel(ANSWER_LABEL, block));
      if (rest && !(block.strong && blockText(rest) === '')) section.answer.push({ ...rest, strong: false });
      continue;
    }

    // A memo's Bijlagen list names documents, never questions: our own memo's "1. Vragen D66
    // <subject>" is much like a question when the subject is most of one (letter 01 of the
    // development set), and taken for memo question 1 it pushed every answer one number on.
    const inBijlagen = section === null && part !== null && /^bijlagen?$/i.test(part.heading) && !isLabel(QUESTION_LABEL, text);
    const start = inBijlagen ? null : questionStart(block);
    // Bronnen under an answer (our own memo) are working notes: left out up to the next question.
    if (inBronnen && !start) continue;
    if (section && /^bronnen:?$/i.test(text)) {
      inBronnen = true;
      continue;
    }
    // After "Vraag 1" on its own line the next paragraph is its question, whatever it looks like;
    // consecutive bold paragraphs that ask are one question (context, then "Zo ja, ...?").
    const waiting = section !== null && !section.asked && section.question.length === 0;
    const continuesBold = section !== null && !section.asked && start?.layout === 'vet' && section.layout === 'vet';
    if (start && !(start.number === null && (waiting || continuesBold))) {
      section = open(start, block.line);
      if (start.rest) section.asked = !answerLabelAhead(i + 1);
      continue;
    }

    if (section) {
      if (!section.asked) {
        section.question.push({ ...block, kind: block.kind === 'item' && section.question.length === 0 ? 'paragraph' : block.kind });
        section.asked = !answerLabelAhead(i + 1);
        continue;
      }
      section.answer.push(block);
      continue;
    }
    if (part) part.blocks.push(block);
    else {
      part = { heading: '', line: block.line, blocks: [block], afterQuestions: sections.length > 0 };
      parts.push(part);
    }
  }

  const answers: MemoAnswer[] = [];
  for (const s of sections) {
    splitGlued(s, asked);
    const question = joinLines(s.question.map(blockText));
    let answer = blocksToMarkdown(s.answer.map((b) => ({ ...b, strong: false })));
    if (PLACEHOLDER.test(answer.replace(/\\/g, '').trim())) answer = '';
    if (question === '' && answer === '') continue;
    answers.push({ number: s.number, question, answer, together: null, line: s.line, layout: s.layout });
  }
  // "Antwoord op vraag 8 en 9": the answer goes to the first question named, the others point to
  // it; a question the memo names but does not quote is placed by its number.
  for (const s of sections) {
    if (s.together.length < 2) continue;
    const here = answers.find((a) => a.number === s.number);
    if (!here) continue;
    const holder = answers.find((a) => a.number === s.together[0]) ?? here;
    if (holder !== here) {
      if (holder.answer !== '') continue;
      holder.answer = here.answer;
      here.answer = '';
    }
    for (const n of s.together) {
      if (n === holder.number) continue;
      let other = answers.find((a) => a.number === n);
      if (!other) {
        other = { number: n, question: '', answer: '', together: null, line: s.line, layout: here.layout };
        answers.push(other);
      }
      if (other.answer === '') other.together = holder.number;
    }
  }
  for (const a of answers) if (a.answer === '' && a.together === null) warnings.push({ line: a.line, message: `question ${a.number} has no answer in the memo` });

  return {
    answers,
    parts: parts
      .map((p) => ({ heading: p.heading, content: p === signature ? p.blocks.map((b) => blocksToMarkdown([b])).join('\n\n') : blocksToMarkdown(p.blocks), line: p.line, afterQuestions: p.afterQuestions }))
      .filter((p) => p.heading !== '' || p.content !== ''),
    warnings,
  };
}

/**
 * A question whose last block runs on into the answer without a blank line or label (a text
 * source: "Vraag 9: Welke pogingen ...?" then "Het college zet zich in ..."): split that block at
 * the line that best completes the asked question, else after the last "?"-line of its first run.
 */
function splitGlued(s: Section, asked: ReadonlyArray<{ number: number; text: string }>): void {
  if (s.labelled || s.question.length === 0) return;
  const last = s.question[s.question.length - 1]!;
  if (last.lines.length <= 1 || last.markdown !== null) return;
  const before = joinLines(s.question.slice(0, -1).map(blockText));
  const first = joinLines([before, last.lines[0]!]);
  const byNumber = asked.find((q) => q.number === s.number);
  const expected = byNumber && questionSimilarity(first, byNumber.text) > 0.2 ? byNumber.text : bestMatch(asked, first);
  const k = questionLength(last.lines, before, expected);
  if (k >= last.lines.length) return;
  s.question[s.question.length - 1] = { ...last, lines: last.lines.slice(0, k) };
  s.answer.unshift({ ...last, lines: last.lines.slice(k), kind: 'paragraph', label: null, strong: false, indented: false });
}

/** The number of question lines: the split that best matches the asked question, else "?"-lines. */
function questionLength(lines: string[], before: string, expected: string | null): number {
  if (expected) {
    let best = 1;
    let bestScore = -1;
    for (let k = 1; k <= lines.length; k++) {
      const score = questionSimilarity(joinLines([before, ...lines.slice(0, k)]), expected);
      // A tie goes to the longer split: "Indien nee, waarom niet?" is all stop words, so it adds
      // nothing to the score but still belongs to the question (seed memo, question 2).
      if (score >= bestScore - 1e-9) {
        best = k;
        bestScore = score;
      }
    }
    return best;
  }
  for (let k = 0; k < lines.length; k++) {
    if (!endsAsking(lines[k]!)) continue;
    let end = k + 1;
    while (end < lines.length && endsAsking(lines[end]!)) end++;
    return end;
  }
  return lines.length;
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
