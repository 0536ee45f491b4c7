/**
 * Step 3: find the questions. The letter is read as a sequence of units (lines with their
 * label, if any, and whether a paragraph break comes before them). Labelled lines open list
 * items, nested by label kind; unlabelled lines continue an item, follow it up ("Zo ja, ..."),
 * answer it ("Antwoord: ..."), or are prose between lists. The lists whose items ask something
 * are the questions; when a letter has no such list, questions are taken from its prose.
 *
 * The parser does not lean on blank lines: where the text is hard-wrapped (PDF), paragraph
 * breaks are inferred from line lengths and end punctuation.
 */
import type { ParseWarning, Question, QuestionPart } from '../model.js';
import { detectLabel, sameLevel, type Label } from './labels.js';
import type { Line } from './lines.js';
import {
  ANSWER_START_RE,
  hasQuestionMark,
  isClosing,
  isFollowUp,
  isLeadIn,
  isQuestionLike,
  isQuestionSentence,
} from './question-words.js';
import { joinLines, LineJoiner } from '../text/hyphenation.js';
import { splitSentences } from '../text/sentences.js';
import { collapseSpace, comparable } from '../text/text-utils.js';
import { maxOf, pushAll } from '../arrays.js';

export interface Unit {
  line: Line;
  label: Label | null;
  /** A paragraph break (real blank line or inferred) comes before this line. */
  breakBefore: boolean;
  /** A real blank line comes before this line. */
  blankBefore: boolean;
}

interface Item {
  label: Label;
  line: Line;
  /** Paragraphs of the item's own text, each a list of line texts. */
  paragraphs: string[][];
  children: Item[];
  followUps: QuestionPart[];
  answer: string[][] | null;
  /** Index of the item's first unit. */
  unit: number;
  /** Index of the item's last unit (its text, nested items, follow-ups and answer included). */
  lastUnit: number;
  /** Units of prose that came before it since the previous item (for lead-in detection). */
  proseBefore: string[];
  /** It took in paragraphs set apart from it (carriesItemOn). */
  carried?: boolean;
}

interface ListGroup {
  items: Item[];
}

export interface SplitResult {
  questions: Question[];
  /** Index of the unit where the questions start (end of the preamble), or units.length. */
  firstQuestionUnit: number;
  /** Index of the unit where the closing starts, or units.length. */
  closingUnit: number;
  /** Index of the first unit after everything the questions took (their text, parts, answers). */
  endUnit: number;
  warnings: ParseWarning[];
}

/**
 * Turn lines into units: labels detected, paragraph breaks marked (inferred for wrapped text).
 * `laidOut`: the lines are the printed lines of a page (a PDF), so a line may always be a wrapped
 * part of a paragraph, however few lines the letter has.
 */
export function toUnits(lines: readonly Line[], laidOut = false): Unit[] {
  const units: Unit[] = [];
  let blank = true;
  for (const line of lines) {
    if (!line.text) {
      blank = true;
      continue;
    }
    const previous = units[units.length - 1]?.line.text ?? '';
    // A line that ends in a colon, or a bare "Vragen" heading, ends its paragraph: what follows is
    // what it announces (letter 32: "Vragen" then the questions, no blank line between).
    const afterAnnouncement = /:$/.test(previous) || /^(?:de )?(?:vragen|vraag)$/i.test(previous);
    units.push({ line, label: detectLabel(line.text), breakBefore: blank || afterAnnouncement, blankBefore: blank });
    blank = false;
  }
  inferParagraphBreaks(units, laidOut);
  return units;
}

/**
 * Hard-wrapped text (a PDF exported from Word) loses its blank lines. When most lines are about
 * as long as the longest ones, the text is wrapped: then a line that ends a sentence well short of
 * the usual width ends its paragraph, and a short unpunctuated line before a capital is a title.
 */
function inferParagraphBreaks(units: Unit[], laidOut: boolean): void {
  const lengths = units.map((u) => u.line.text.length + u.line.indent).sort((a, b) => a - b);
  if (lengths.length < 6 && !laidOut) {
    for (let i = 0; i + 1 < units.length; i++) {
      const next = units[i + 1];
      if (next && !/^[\p{Ll}]/u.test(next.line.text)) next.breakBefore = true;
    }
    return;
  }
  const p90 = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const near = lengths.filter((n) => n >= 0.75 * p90).length;
  // Wrapped lines run on: many lines near the column width end mid-sentence. Text whose lines are
  // whole paragraphs has its unpunctuated lines short (titles, names in a signature).
  const runOn = units.filter((u, i) => {
    const next = units[i + 1];
    return next && !next.label && !next.breakBefore && !/[.?!:;,]["”’')]?$/.test(u.line.text) && u.line.text.length + u.line.indent >= 0.6 * p90;
  }).length;
  const wrapped = laidOut || runOn / units.length >= 0.3 || (near / lengths.length >= 0.35 && runOn / units.length >= 0.1);
  if (!wrapped) {
    // Not wrapped (text from a web page or DOCX): every line is a paragraph of its own, unless the
    // next line carries on a sentence in lower case.
    for (let i = 0; i + 1 < units.length; i++) {
      const next = units[i + 1];
      if (next && !/^[\p{Ll}]/u.test(next.line.text)) next.breakBefore = true;
    }
    return;
  }
  // A run of short lines (a signature, a block of labelled metadata) is a column of separate lines.
  const isShort = (u: Unit | undefined) => !u || u.line.text.length + u.line.indent < 0.6 * p90;
  for (let i = 0; i + 1 < units.length; i++) {
    const u = units[i];
    const next = units[i + 1];
    if (!u || !next || next.breakBefore) continue;
    const len = u.line.text.length + u.line.indent;
    const endsSentence = /[.?!:;]["”’')]?$/.test(u.line.text);
    const startsUpper = /^["“‘(]?[\p{Lu}\d]/u.test(next.line.text);
    const nextLen = next.line.text.length + next.line.indent;
    if (endsSentence && len < 0.8 * p90 && startsUpper) next.breakBefore = true;
    // After a question, a short line (a signature, "Toelichting:") or a closing starts anew.
    else if (/\?["”’')]?$/.test(u.line.text) && startsUpper && (nextLen < 0.6 * p90 || isClosing(next.line.text))) next.breakBefore = true;
    // A short unpunctuated line standing alone (a title) before a capital; a short line inside a
    // paragraph ("... oplaadpunten in" / "Brunssum uit te breiden?") is only a wrapped line.
    else if (!endsSentence && len < 0.6 * p90 && startsUpper && !/[,\-–(]$/.test(u.line.text) && (u.breakBefore || isShort(units[i - 1]))) next.breakBefore = true;
  }
}

/** Index of the first closing line after the last question-like line, or units.length. */
function findClosing(units: readonly Unit[]): number {
  let lastAsk = -1;
  units.forEach((u, i) => {
    if (u.label || isQuestionLike(u.line.text) || hasQuestionMark(u.line.text)) lastAsk = i;
  });
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u && !u.label && isClosing(u.line.text) && i > lastAsk - 1) {
      // A closing line before the last question is only a closing if nothing asks after it
      // (a "Met vriendelijke groet" before a repeat of the letter is handled by de-duplication).
      if (i >= lastAsk) return i;
    }
  }
  // The first closing line counts when what follows it asks nothing in a list.
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u && !u.label && isClosing(u.line.text)) {
      const after = units.slice(i + 1);
      if (!after.some((a) => a.label && isQuestionLike(a.label.rest))) return i;
    }
  }
  return units.length;
}

export function splitQuestions(units: readonly Unit[]): SplitResult {
  const warnings: ParseWarning[] = [];
  const closingUnit = findClosing(units);
  const { groups, proseAfter } = buildItems(units, closingUnit);

  const chosen: Item[] = [];
  for (const group of groups) {
    if (isQuestionList(group)) pushAll(chosen, group.items);
  }
  let questions: Question[] = [];
  let firstQuestionUnit: number;
  let endUnit: number;
  if (chosen.length > 0) {
    firstQuestionUnit = chosen[0]?.unit ?? closingUnit;
    endUnit = maxOf(chosen.map((it) => it.lastUnit)) + 1;
    let before: Item | null = null;
    // The prose is in unit order, as the chosen items are: one cursor goes through it once (a
    // search from the start for every item was quadratic in a long letter).
    let cursor = 0;
    for (const item of chosen) {
      const asked = itemToQuestions(item, warnings);
      // The letter's own text between two questions stays with the one it leads up to.
      const between: string[] = [];
      for (; cursor < proseAfter.length && proseAfter[cursor]!.unit < item.unit; cursor++) {
        const p = proseAfter[cursor]!;
        if (before && p.unit > before.lastUnit && p.text.trim()) between.push(p.text.trim());
      }
      if (between.length > 0 && asked[0]) asked[0].context = between.join('\n\n');
      pushAll(questions, asked);
      before = item;
    }
    // Unlabelled questions after the last list (before the closing) are reported, and kept.
    for (const p of proseAfter) {
      if (p.unit > (chosen[chosen.length - 1]?.unit ?? 0) && hasQuestionMark(p.text) && !isClosing(p.text)) {
        if (isFollowUp(p.text) && questions.length) {
          const last = questions[questions.length - 1];
          if (last) {
            last.text = collapseSpace(`${last.text} ${p.text}`);
            last.parts.push({ label: null, text: p.text });
          }
          continue;
        }
        questions.push({ number: 0, label: null, text: p.text, parts: [], line: p.line });
        endUnit = Math.max(endUnit, p.unit + 1);
        warnings.push({ line: p.line, message: 'an unlabelled question follows the list of questions; taken as a question of its own' });
      }
    }
  } else {
    const prose = proseQuestions(units, closingUnit, warnings);
    questions = prose.questions;
    firstQuestionUnit = prose.firstUnit;
    endUnit = prose.endUnit;
    // Every item of the letter's list of questions is a question, also one that asks by statement
    // ("Meer specifiek zijn wij benieuwd naar ... respijtzorg."): when nothing in the letter asks,
    // its last numbered list before the closing is that list.
    const list = questions.length === 0 ? [...groups].reverse().find(isNumberedList) : undefined;
    if (list) {
      firstQuestionUnit = list.items[0]?.unit ?? closingUnit;
      endUnit = Math.max(...list.items.map((it) => it.lastUnit)) + 1;
      for (const item of list.items) questions.push(...itemToQuestions(item, warnings));
      warnings.push({ line: list.items[0]?.line.no ?? null, message: 'no item of the numbered list reads as a question; its items were taken as the questions' });
    }
  }
  questions = dropRepeatedRun(questions, warnings);
  questions.forEach((q, i) => (q.number = i + 1));
  if (questions.length === 0) warnings.push({ line: null, message: 'no questions found' });
  return { questions, firstQuestionUnit, closingUnit, endUnit: Math.min(endUnit, closingUnit), warnings };
}

interface ProseParagraph {
  text: string;
  line: number;
  unit: number;
}

/** One pass over the units: list items (nested by label kind) and the prose between them. */
function buildItems(units: readonly Unit[], end: number): { groups: ListGroup[]; proseAfter: ProseParagraph[] } {
  const groups: ListGroup[] = [];
  const proseAfter: ProseParagraph[] = [];
  let stack: Item[] = [];
  let group: ListGroup | null = null;
  let lastTop: Item | null = null;
  let prose: string[] = [];
  // The open prose paragraph, its lines joined as they come (joining the text so far again for
  // every line was quadratic).
  let proseParagraph: { joiner: LineJoiner; line: number; unit: number } | null = null;
  let inAnswer: Item | null = null;

  const flushProse = () => {
    if (proseParagraph) proseAfter.push({ text: proseParagraph.joiner.text(), line: proseParagraph.line, unit: proseParagraph.unit });
    proseParagraph = null;
  };

  for (let i = 0; i < end; i++) {
    const unit = units[i];
    if (!unit) continue;
    const text = unit.line.text;
    if (unit.label) {
      // An answer runs until the next item of the question list; labels inside it are the answer's own.
      if (inAnswer && lastTop && !sameLevel(unit.label, lastTop.label)) {
        appendAnswer(inAnswer, text, unit.breakBefore);
        inAnswer.lastUnit = i;
        continue;
      }
      inAnswer = null;
      flushProse();
      const item: Item = {
        label: unit.label,
        line: unit.line,
        paragraphs: unit.label.rest ? [[unit.label.rest]] : [],
        children: [],
        followUps: [],
        answer: null,
        unit: i,
        lastUnit: i,
        proseBefore: prose,
      };
      prose = [];
      // Indentation, where the text shows it (the readers write two spaces or more per list level;
      // a PDF's list items stand at their printed distance from the margin): an item indented less
      // than an open item closes it, an item indented deeper nests under the open one, whatever
      // its label (an office suite prints the same bullet on every level). The numbering wins over
      // the indentation: "2." under "1." goes on counting, it does not nest (letter 54 as a PDF:
      // "1." ends the lead-in's line, "2." to "5." stand indented below it).
      while (stack.length > 0 && unit.line.indent + 2 <= (stack[stack.length - 1] as Item).line.indent) stack.pop();
      const deeper = stack[stack.length - 1];
      const counts = (open: Item, label: Label): boolean => sameLevel(open.label, label) && open.label.value !== null && label.value === open.label.value + 1;
      if (deeper && unit.line.indent >= deeper.line.indent + 2 && !inAnswer && !counts(deeper, unit.label)) {
        if (lastTop) (stack[0] as Item).lastUnit = i;
        deeper.children.push(item);
        stack.push(item);
        continue;
      }
      // Of the open items of the same kind, the one at this item's indentation is its sibling.
      const atIndent = stack.findIndex((open) => sameLevel(open.label, unit.label as Label) && Math.abs(open.line.indent - unit.line.indent) < 2);
      const level = atIndent >= 0 ? atIndent : stack.findIndex((open) => sameLevel(open.label, unit.label as Label));
      if (lastTop && stack.length > 0) (stack[0] as Item).lastUnit = i;
      if (level >= 0) {
        stack = stack.slice(0, level);
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(item);
        else {
          if (!group) groups.push((group = { items: [] }));
          group.items.push(item);
          lastTop = item;
        }
        stack.push(item);
      } else if (stack.length > 0 && nestsUnder(stack[stack.length - 1] as Item) && !afterSubItems(stack[stack.length - 1] as Item, unit.label)) {
        const parent = stack[stack.length - 1] as Item;
        parent.children.push(item);
        stack.push(item);
      } else {
        // A new top-level item after prose: it continues the previous list when it is of the same kind.
        if (!(group && lastTop && sameLevel(lastTop.label, unit.label))) groups.push((group = { items: [] }));
        group.items.push(item);
        lastTop = item;
        stack = [item];
      }
      continue;
    }

    if (ANSWER_START_RE.test(text) && lastTop) {
      inAnswer = lastTop;
      inAnswer.answer = [[text.replace(ANSWER_START_RE, '')]];
      inAnswer.lastUnit = i;
      stack = [];
      continue;
    }
    if (inAnswer) {
      appendAnswer(inAnswer, text, unit.breakBefore);
      inAnswer.lastUnit = i;
      continue;
    }

    const open = stack[stack.length - 1];
    if (open) {
      const top = stack[0] as Item;
      // A lower-case line after a break carries on an unfinished sentence (a question broken by a
      // page break: "... aan de slag" / "te gaan?").
      const carriesOn = /^[\p{Ll}]/u.test(text) && !/[.?!:;]["”’')]?$/.test(lastLineOf(open));
      // A line indented under its item's label (a hanging indent, letter 38) is the item's text.
      const hanging = !unit.blankBefore && unit.line.indent > 0 && unit.line.indent > open.line.indent;
      if ((!unit.breakBefore || carriesOn || hanging) && !isClosing(text)) {
        appendText(open, text, false);
        top.lastUnit = i;
        continue;
      }
      if (isFollowUp(text)) {
        top.followUps.push({ label: null, text: collapseSpace(text) });
        top.lastUnit = i;
        continue;
      }
      const carried = open === top && carriesItemOn(units, i, end, top, group?.items.some((it) => it !== top && it.carried) ?? false);
      if (carried) top.carried = true;
      if (carried || absorbsNextParagraph(open, text, unit.blankBefore)) {
        appendText(open, text, true);
        top.lastUnit = i;
        continue;
      }
      stack = [];
    }
    if (!unit.breakBefore && proseParagraph) {
      proseParagraph.joiner.add(text);
    } else {
      flushProse();
      proseParagraph = { joiner: new LineJoiner(), line: unit.line.no, unit: i };
      proseParagraph.joiner.add(collapseSpace(text));
    }
    prose.push(text);
  }
  flushProse();
  return { groups, proseAfter };
}

/**
 * A nested list follows its parent's own sentence directly ("- Ziet het college ...?" then
 * "o Zo ja, ..."). After an item that took in further paragraphs, a list of another kind starts
 * anew (letter 48 as PDF text: a bullet list of complaints, a paragraph, then the numbered questions).
 */
function nestsUnder(item: Item): boolean {
  return item.paragraphs.length <= 1 || item.children.length > 0;
}

/**
 * "2." after "1a." and "1b." without a "1." above them: the next question, not a part of "1b."
 * (a sub-item's label names its parent's number, so a number never nests under it).
 */
function afterSubItems(open: Item, label: Label): boolean {
  return open.label.style === 'sub' && (label.kind === 'number' || label.kind === 'vraag');
}

function lastLineOf(item: Item): string {
  const last = item.paragraphs[item.paragraphs.length - 1];
  return last?.[last.length - 1] ?? item.label.printed;
}

function appendText(item: Item, text: string, newParagraph: boolean): void {
  const last = item.paragraphs[item.paragraphs.length - 1];
  if (!last || newParagraph) item.paragraphs.push([text]);
  else last.push(text);
}

function appendAnswer(item: Item, text: string, newParagraph: boolean): void {
  if (!item.answer) item.answer = [];
  const last = item.answer[item.answer.length - 1];
  if (!last || newParagraph) item.answer.push([text]);
  else last.push(text);
}

function ownText(item: Item): string {
  return collapseSpace(item.paragraphs.map((p) => joinLines(p)).join(' '));
}

/**
 * Whether a paragraph after a break still belongs to the open item: when the item has no
 * text yet ("Vraag 1" on a line of its own, letter 17), or when a numbered item has said only
 * something that is not yet a question ("4. In het overzicht ... staat een tabel." then
 * "Vraag: Kunt u ...?", letter 26). Bullets of a plain list do not absorb prose (letter 48), and
 * a paragraph that announces something (ends in ':') or closes the letter never belongs.
 */
function absorbsNextParagraph(item: Item, text: string, blankBefore: boolean): boolean {
  if (isClosing(text) || /:$/.test(text) || isLeadIn(text)) return false;
  if (item.paragraphs.length === 0 && item.children.length === 0) return true;
  // Without a real blank line the break was only inferred: an item whose last sentence is not
  // finished, or that has not asked yet, goes on.
  if (!blankBefore && !/[.?!;:]["”’')]?$/.test(lastLineOf(item))) return true;
  if (itemAsks(item)) return false;
  // An entry of an enumeration ("- veilige oversteekplaatsen;") is complete as it stands.
  if (/[;,]$/.test(lastLineOf(item))) return false;
  if (!blankBefore) return true;
  // After a real blank line only a numbered item goes on; a bullet's paragraph ends at the blank.
  return item.label.kind === 'number' || item.label.kind === 'vraag' || item.label.kind === 'ordinal';
}

/**
 * An item that has not asked anything yet, followed by paragraphs without a label and then by the
 * next item of its own list, takes those paragraphs in: they are the item's further paragraphs,
 * set apart from it where the reader lost the item's indent (letter 38 as RTF: "• U stelt dat
 * ...", "Navraag bij OVB leert ...", "Welke criteria ...?", "• Ook heb ik ..."). A list of another
 * kind after the paragraphs (letter 48: complaints, a paragraph, then the numbered questions)
 * leaves them prose.
 */
function carriesItemOn(units: readonly Unit[], at: number, end: number, item: Item, listDoesSo: boolean): boolean {
  if (itemAsks(item) || isClosing(units[at]?.line.text ?? '') || /:$/.test(units[at]?.line.text ?? '')) return false;
  for (let j = at + 1; j < end; j++) {
    const next = units[j];
    if (!next) continue;
    if (next.label) return sameLevel(next.label, item.label) && next.line.indent === item.line.indent;
    if (isClosing(next.line.text)) break;
  }
  // The list's last item does the same when an item before it did (the letter writes its items so).
  return listDoesSo;
}

/** Whether the item (with its children) asks something already. */
function itemAsks(item: Item): boolean {
  const text = ownText(item);
  if (!text) return false;
  return hasQuestionMark(text) || isQuestionLike(text) || item.children.some(itemAsks);
}

function fullText(item: Item): string {
  return collapseSpace([ownText(item), ...item.children.map(fullText)].join(' '));
}

/**
 * A list is a list of questions when most of its items ask something; after a lead-in
 * ("de volgende vragen:") a third is enough, since items may be statements ("Zo nee, bijgevoegd
 * vindt u ...") that carry the letter's numbering all the same.
 */
function isQuestionList(group: ListGroup): boolean {
  const items = group.items;
  if (items.length === 0) return false;
  const asking = items.filter((it) => isQuestionLike(fullText(it)) || it.children.some((c) => isQuestionLike(fullText(c)))).length;
  if (asking === 0) return false;
  const first = items[0] as Item;
  const leadIn = first.proseBefore.slice(-3).some(isLeadIn);
  const strongLabels = first.label.kind === 'vraag' || first.label.kind === 'lead-in';
  if (strongLabels) return true;
  return asking / items.length >= (leadIn ? 0.3 : 0.5);
}

/** A list numbered as questions are ("1.", "1)", "Vraag 1", "1e"), not bullets or sub-items. */
function isNumberedList(group: ListGroup): boolean {
  return group.items.length > 0 && group.items.every((it) => it.label.kind === 'number' || it.label.kind === 'vraag' || it.label.kind === 'ordinal');
}

/** One list item → its question(s): nested items are parts, a folded list, or (under a lead-in) questions. */
function itemToQuestions(item: Item, warnings: ParseWarning[]): Question[] {
  const own = ownText(item);
  const children = item.children;
  const askingChildren = children.filter((c) => isQuestionLike(fullText(c)));
  // "• Vragen van het lid X over Y:" followed by "1) ...?" (letter 24): the nested items are the questions.
  if (askingChildren.length > 0 && !isQuestionLike(own) && !hasQuestionMark(own)) {
    if (own) warnings.push({ line: item.line.no, message: `"${truncate(own)}" introduces nested questions; the nested items are taken as the questions` });
    return children.flatMap((c) => itemToQuestions(c, warnings));
  }
  const parts: QuestionPart[] = [];
  const pieces = [own];
  // Sub-items of one list are alike: where one asks ("b. om mantelzorgers te ontlasten?"), its
  // siblings complete the same question ("a. om eenzaamheid te voorkomen;") and are parts too;
  // else the text kept the label of one and dropped that of the other.
  const asParts = askingChildren.length > 0;
  for (const child of children) {
    const childText = fullText(child);
    if (asParts) {
      parts.push({ label: child.label.printed, text: childText });
      pieces.push(childText);
    } else {
      pieces.push(`${child.label.printed} ${childText}`);
    }
  }
  for (const f of item.followUps) {
    parts.push(f);
    pieces.push(f.text);
  }
  const question: Question = {
    number: 0,
    label: item.label.printed,
    text: collapseSpace(pieces.join(' ')),
    parts,
    line: item.line.no,
  };
  if (item.answer) question.answer = item.answer.map((p) => joinLines(p)).join('\n\n').trim();
  if (!question.text) warnings.push({ line: item.line.no, message: `item "${item.label.printed}" has no text` });
  return [question];
}

/**
 * Letters without a list: after a lead-in every paragraph that asks is a question; without a
 * lead-in every sentence that asks, in the body, is one. Follow-ups fold into the question before.
 */
function proseQuestions(units: readonly Unit[], end: number, warnings: ParseWarning[]): { questions: Question[]; firstUnit: number; endUnit: number } {
  const open: Array<{ joiner: LineJoiner; line: number; unit: number }> = [];
  for (let i = 0; i < end; i++) {
    const u = units[i];
    if (!u) continue;
    const text = u.label ? `${u.label.printed} ${u.label.rest}` : u.line.text;
    const last = open[open.length - 1];
    if (last && !u.breakBefore) last.joiner.add(text);
    else {
      open.push({ joiner: new LineJoiner(), line: u.line.no, unit: i });
      open[open.length - 1]!.joiner.add(collapseSpace(text));
    }
  }
  const paragraphs: ProseParagraph[] = open.map((p) => ({ text: p.joiner.text(), line: p.line, unit: p.unit }));
  let start = 0;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const p = paragraphs[i];
    if (p && isLeadIn(p.text) && paragraphs.slice(i + 1).some((q) => hasQuestionMark(q.text) || isQuestionSentence(q.text))) {
      start = i + 1;
      break;
    }
  }
  const questions: Question[] = [];
  let firstUnit = end;
  let endUnit = end;
  const paragraphEnd = (unit: number) => {
    const next = paragraphs.find((p) => p.unit > unit);
    return next ? next.unit : end;
  };
  const add = (text: string, line: number, unit: number) => {
    endUnit = paragraphEnd(unit);
    const last = questions[questions.length - 1];
    if (last && isFollowUp(text)) {
      last.text = collapseSpace(`${last.text} ${text}`);
      last.parts.push({ label: null, text });
      return;
    }
    if (firstUnit === end) firstUnit = unit;
    questions.push({ number: 0, label: null, text: collapseSpace(text), parts: [], line });
  };
  if (start > 0) {
    // After a lead-in, each sentence that asks starts a question; sentences before it in the same
    // paragraph are its context, sentences after it are remarks that stay with it.
    for (const p of paragraphs.slice(start)) {
      if (isClosing(p.text)) break;
      let context: string[] = [];
      let asked = false;
      for (const sentence of splitSentences(p.text)) {
        if (isQuestionSentence(sentence) || (isQuestionLike(sentence) && !asked)) {
          add([...context, sentence].join(' '), p.line, p.unit);
          context = [];
          asked = true;
        } else if (asked && !isClosing(sentence)) {
          const last = questions[questions.length - 1];
          if (last) last.text = collapseSpace(`${last.text} ${sentence}`);
        } else {
          context.push(sentence);
        }
      }
    }
  } else {
    // Skip the title: the first paragraph, when it is short and the letter has more.
    const body = paragraphs.length > 1 && (paragraphs[0]?.text.length ?? 0) < 120 ? paragraphs.slice(1) : paragraphs;
    for (const p of body) {
      for (const sentence of splitSentences(p.text)) {
        if (isQuestionSentence(sentence)) add(sentence, p.line, p.unit);
      }
    }
    if (questions.length > 0) {
      warnings.push({ line: questions[0]?.line ?? null, message: 'no list of questions found; questions were taken from the running text' });
    }
  }
  return { questions, firstUnit, endUnit: questions.length ? endUnit : end };
}

/** A page that holds the same letter twice (letter 21) gives the same run of questions twice. */
function dropRepeatedRun(questions: Question[], warnings: ParseWarning[]): Question[] {
  const n = questions.length;
  if (n >= 2 && n % 2 === 0) {
    const half = n / 2;
    const a = questions.slice(0, half).map((q) => comparable(q.text));
    const b = questions.slice(half).map((q) => comparable(q.text));
    if (a.every((t, i) => t === b[i])) {
      warnings.push({ line: questions[half]?.line ?? null, message: 'the questions appear twice (the page repeats the letter); the repeat was dropped' });
      return questions.slice(0, half);
    }
  }
  return questions;
}

function truncate(text: string, n = 60): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
