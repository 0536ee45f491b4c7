/**
 * Draft the answer document for a question document: render the memo template, and when an
 * answer file exists already, merge so that nothing a person wrote is lost:
 * 1. read the existing file (its front matter must name this question document);
 * 2. match its answer sections to the current questions (`matchSections`): a written answer
 *    stays with its question, a new question gets the placeholder, an answer whose question is
 *    gone is kept under "Vervallen vragen";
 * 3. render the template with those answers;
 * 4. merge the memo parts outside the question sections (`mergeMemoParts`);
 * 5. keep the file's front matter as written;
 * 6. read the result back and check that every written answer and every kept part is in it;
 *    if not, refuse (the caller leaves the file untouched).
 * Pure: no file system access; the caller reads, locks and writes.
 */
import { answerState, headingKey, MAX_ANSWER_FILE_BYTES, readAnswerDocument, type LayoutBlock, type SectionBlock } from '../documents/answer-document.js';
import { answerPointer, renumberPointer } from '../documents/answer-pointer.js';
import { matchSections } from '../answers/match-sections.js';
import { mergeMemoParts, type MergeNote } from '../answers/merge-parts.js';
import type { MemoPartText } from '../answers/read-memo.js';
import { InputError } from '../errors.js';
import { stringifyFrontMatter, type WritableValue } from '../documents/front-matter.js';
import type { AnswerSection, AnswerStatus, Citation, QuestionDocument } from '../model.js';
import { escapeInline } from '../text/markdown-escape.js';
import { withNotesNumberedInOrder } from '../text/footnote-markers.js';
import type { CompiledTemplate } from './templates.js';
import { buildMemoView, type MemoSettings, type ViewAnswer } from './view.js';
import { pushAll } from '../arrays.js';

export type { MergeNote } from '../answers/merge-parts.js';

export interface DraftOptions {
  letter: QuestionDocument;
  template: CompiledTemplate;
  settings?: MemoSettings;
  /** Suggested sources per question number (from the linker). */
  sources?: Map<number, Citation[]>;
  /** Where a citation links to, from the answer file's folder. */
  href?: (file: string) => string;
  /** The answer file as it is now, to merge with; null or absent for a fresh draft. */
  existing?: { text: string; file: string } | null;
  /**
   * Answers to put in (import-answers): they replace what the file has for those questions. A
   * replaced written answer is kept under "Vervallen vragen" unless `replace` is set.
   */
  answers?: Map<number, string>;
  /** Imported answers overwrite written answers in the file without keeping them. */
  replace?: boolean;
  /**
   * Write the template's memo parts anew (Onderwerp, Inleiding, ...) where the file has other
   * text (`draft --force`). Answers, sources and parts the template does not have are kept.
   */
  refresh?: boolean;
  /** Front matter status for a new file (default `concept`); an existing file keeps its own. */
  status?: AnswerStatus;
  /** Set `status` in an existing file's front matter too (import of a final memo). */
  setStatus?: boolean;
  /** Answers to keep under "Vervallen vragen" (an imported memo's answers that fit no question). */
  orphans?: Array<{ number: number; question: string; answer: string }>;
  /**
   * Memo parts from an imported memo (Inleiding, Ontwerp besluit, ...): they take the place of
   * the template's parts with the same heading in a new file; an existing file keeps its own.
   */
  parts?: MemoPartText[];
  /** The memo the imported answers come from, named when they make the document too large. */
  memoFile?: string;
}

export interface DraftResult {
  /** The answer document: front matter and memo. */
  text: string;
  notes: MergeNote[];
  /** Question numbers whose answer is written (not empty, not the placeholder). */
  answered: number[];
}

function oneLine(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** What of a section is a person's: a written answer, or an edited Bronnen part. */
function isWritten(block: SectionBlock | undefined, section: AnswerSection): boolean {
  return answerState(section.answer) === 'written' || Boolean(block?.bronnenEdited);
}

/** Draft (or re-draft) the answer document. Throws `InputError` when the file cannot be merged. */
export function draftAnswerDocument(options: DraftOptions): DraftResult {
  const { letter } = options;
  const id = letter.id ?? '';
  const notes: MergeNote[] = [];
  const answers = new Map<number, ViewAnswer>();
  const orphans: Array<{ number: number; question: string; answer: string; bronnen: string | null }> = [];
  let existingBlocks: LayoutBlock[] = [];
  let frontMatter: string | null = null;
  let mustKeep: string[] = [];
  /** Combined answers whose question numbers were moved: the text before → after. */
  const pointerRewrites = new Map<string, string>();
  const placed = new Map<AnswerSection, number>();
  /** The Bronnen each question has in the file now, as written. */
  const fileBronnen = new Map<number, string>();

  if (options.existing) {
    const { text, file } = options.existing;
    const read = readAnswerDocument(text, file);
    const fatal = read.problems.find((p) => p.severity === 'error');
    if (fatal) {
      throw new InputError(`${fatal.message}; fix the front matter (the file is left as it is)`, { file, line: fatal.line });
    }
    if (read.doc.question !== id) {
      throw new InputError(`this answer file answers "${read.doc.question}", not "${id}"; give another -o file (the file is left as it is)`, {
        file,
        line: read.layout.keyLines.question ?? 1,
      });
    }
    frontMatter = read.layout.frontMatter;
    if (options.setStatus && options.status && read.doc.status !== options.status) {
      frontMatter = stringifyFrontMatter({ ...(read.layout.data as Record<string, WritableValue>), status: options.status }, '').replace(/\n$/, '');
      notes.push({ level: 'info', message: `status set to ${options.status} (was ${read.doc.status})` });
    }
    existingBlocks = read.layout.blocks;
    const blockOf = new Map<AnswerSection, SectionBlock>();
    for (const block of existingBlocks) if (block.kind === 'question') blockOf.set(block.section, block);

    const { matches, unmatched } = matchSections(letter.questions, read.doc.answers, read.doc.orphans);
    for (const [number, match] of matches) {
      placed.set(match.section, number);
      fileBronnen.set(number, blockOf.get(match.section)?.bronnen ?? '');
      const block = blockOf.get(match.section);
      const written = answerState(match.section.answer) === 'written';
      const keepSources = written || Boolean(block?.bronnenEdited);
      // Once an answer is written its sources are the officer's (perhaps pruned to none): kept.
      answers.set(number, { answer: written ? match.section.answer : '', bronnen: keepSources ? (block?.bronnen ?? '') : null });
      if (!isWritten(block, match.section)) continue;
      const from = match.section.number;
      const was = `"${oneLine(match.section.question)}"`;
      if (match.kind === 'renumbered') {
        notes.push({ level: 'info', question: number, message: `the answer to question ${from} moved to question ${number} (same question text)` });
      } else if (match.kind === 'restored') {
        notes.push({ level: match.uncertain ? 'warning' : 'info', question: number, message: `the answer kept under Vervallen vragen (question ${from}) is back at question ${number}; it answered ${was}${match.uncertain ? '. Check that it fits.' : ''}` });
      } else if (match.kind === 'similar') {
        notes.push({ level: 'warning', question: number, message: `uncertain match: the answer written for question ${from} ${was} is placed at question ${number} (text ${Math.round(match.score * 100)}% alike). Check that it fits.` });
      } else if (match.kind === 'number') {
        notes.push({ level: 'warning', question: number, message: `uncertain match: question ${number} was reworded (text ${Math.round(match.score * 100)}% alike); the answer written for ${was} stays with it. Check that it still fits.` });
      }
    }
    // A combined answer ("Zie het antwoord op vraag 2") names numbers; when the questions were
    // renumbered the pointer would name another question. Where every question it names moved
    // with its text, the numbers are moved with it (and said so); where one is gone, the text is
    // the person's to mend: a warning, and `answer check` follows the pointer as written.
    const renumbered = new Map<number, number | null>();
    for (const section of read.doc.answers) renumbered.set(section.number, null);
    for (const [number, match] of matches) if (read.doc.answers.includes(match.section)) renumbered.set(match.section.number, number);
    const moved = new Map<number, number>();
    for (const [from, to] of renumbered) if (to !== null) moved.set(from, to);
    for (const [number, match] of matches) {
      if (answerState(match.section.answer) !== 'written') continue;
      const targets = answerPointer(match.section.answer) ?? [];
      if (targets.every((target) => renumbered.get(target) === undefined || renumbered.get(target) === target)) continue;
      const rewritten = renumberPointer(match.section.answer, moved);
      if (rewritten !== null) {
        answers.set(number, { ...answers.get(number)!, answer: rewritten });
        pointerRewrites.set(match.section.answer, rewritten);
        const pairs = targets.filter((t) => moved.get(t) !== t).map((t) => `${t} → ${moved.get(t)}`);
        notes.push({ level: 'info', question: number, message: `question ${number}: the answer points to the question that moved, so its number moved too (${pairs.join(', ')})` });
        continue;
      }
      for (const target of targets) {
        const now = renumbered.get(target);
        if (now === undefined || now === target) continue;
        notes.push({
          level: 'warning',
          question: number,
          message:
            now === null
              ? `question ${number}: the answer points to question ${target}, which is no longer in the letter; check the pointer`
              : `question ${number}: the answer points to question ${target}, which is now question ${now}; check the pointer`,
        });
      }
    }
    for (const section of unmatched) {
      const block = blockOf.get(section);
      if (!isWritten(block, section)) continue;
      orphans.push({ number: section.number, question: section.question, answer: answerState(section.answer) === 'written' ? section.answer : '', bronnen: block?.bronnen ?? null });
      if (!block?.orphan) {
        notes.push({ level: 'warning', question: null, message: `question ${section.number} ${`"${oneLine(section.question)}"`} is no longer in the letter; its answer is kept under Vervallen vragen` });
      }
    }
    mustKeep = [
      ...read.doc.answers.filter((s) => answerState(s.answer) === 'written').map((s) => pointerRewrites.get(s.answer) ?? s.answer),
      ...read.doc.orphans.filter((s) => answerState(s.answer) === 'written').map((s) => s.answer),
    ];
  }

  // Imported answers replace what the file holds; a different written answer is kept aside.
  for (const [number, imported] of options.answers ?? []) {
    const current = answers.get(number);
    // An answer that differs only in its notes' numbers is the same answer (Word numbers notes itself): the file's stays.
    const same = current !== undefined && withNotesNumberedInOrder(current.answer.trim()) === withNotesNumberedInOrder(imported.trim());
    const answer = same ? current.answer : imported;
    if (current && answerState(current.answer) === 'written' && current.answer.trim() !== answer.trim()) {
      if (options.replace) {
        mustKeep = mustKeep.filter((text) => text !== current.answer);
      } else {
        const asked = letter.questions.find((q) => q.number === number);
        orphans.push({ number, question: asked?.text ?? '', answer: current.answer, bronnen: current.bronnen ?? null });
        notes.push({ level: 'warning', question: number, message: `question ${number}: the imported answer replaces the one in the file, which is kept under Vervallen vragen` });
      }
    }
    // An imported answer keeps the sources the file lists for its question, and gets no new ones.
    answers.set(number, { answer, bronnen: fileBronnen.get(number) ?? '' });
  }

  for (const orphan of options.orphans ?? []) {
    if (answerState(orphan.answer) !== 'written') continue;
    orphans.push({ ...orphan, bronnen: null });
    mustKeep.push(orphan.answer);
  }

  const view = buildMemoView({
    letter,
    settings: options.settings,
    answers,
    sources: options.sources,
    orphans,
    href: options.href,
    memo: { status: options.status ?? 'concept' },
  });
  const rendered = options.template.render(view);
  // An answer document this large is not read (answer-document.ts): reading it back would blame the template or the file's shape.
  refuseTooLarge(rendered, options);

  const newFrontMatter = stringifyFrontMatter({ question: id, status: options.status ?? 'concept' }, '').replace(/\n$/, '');
  const renderedRead = readAnswerDocument(`${newFrontMatter}\n${rendered}`, options.template.file);

  let body: string;
  if (options.existing) {
    const merged = mergeMemoParts(existingBlocks, renderedRead.layout.blocks, placed, 'the file', options.refresh ?? false);
    body = merged.body;
    pushAll(notes, merged.notes);
  } else if (options.parts && options.parts.length > 0) {
    const merged = mergeMemoParts(partBlocks(options.parts), renderedRead.layout.blocks, new Map(), 'the memo');
    body = merged.body;
    pushAll(notes, merged.notes);
  } else {
    body = renderedRead.layout.blocks.map((block) => block.raw.trimEnd()).filter(Boolean).join('\n\n') + '\n';
  }
  const text = `${frontMatter ?? newFrontMatter}\n\n${body}`;
  refuseTooLarge(text, options);
  // Read back: every written answer must still be there, word for word.
  const check = readAnswerDocument(text, options.existing?.file ?? null);
  const present = [...check.doc.answers, ...check.doc.orphans].map((s) => s.answer.trim());
  for (const answer of mustKeep) {
    if (!present.includes(answer.trim())) {
      throw new InputError(
        `cannot place the answer beginning "${oneLine(answer, 50)}" in the new draft (is the file edited into a shape the template does not have, e.g. a heading at the level of the question sections?); the file is left as it is`,
        { file: options.existing?.file ?? null },
      );
    }
  }
  if (check.doc.answers.length !== letter.questions.length) {
    throw new InputError(
      `the template ${options.template.file} gives ${check.doc.answers.length} question sections for ${letter.questions.length} questions; each question needs a heading starting "Vraag N"`,
      { file: options.template.file },
    );
  }
  const answered = check.doc.answers.filter((s) => answerState(s.answer) === 'written').map((s) => s.number);
  return { text, notes, answered };
}

/** Refuse an answer document larger than one is read (`MAX_ANSWER_FILE_BYTES`), naming the memo its answers come from. */
function refuseTooLarge(text: string, options: DraftOptions): void {
  if (text.length <= MAX_ANSWER_FILE_BYTES / 3 || Buffer.byteLength(text, 'utf8') <= MAX_ANSWER_FILE_BYTES) return;
  const size = `${(Buffer.byteLength(text, 'utf8') / 1024 / 1024).toFixed(1)} MB`;
  const limit = `${MAX_ANSWER_FILE_BYTES / 1024 / 1024} MB`;
  throw options.memoFile
    ? new InputError(`the answers in this memo would make the answer document ${size}, more than the ${limit} an answer document may hold; nothing written`, { file: options.memoFile })
    : new InputError(`the answer document would come to ${size}, more than the ${limit} an answer document may hold; the file is left as it is`, { file: options.existing?.file ?? null });
}

/**
 * Imported memo parts as layout blocks, with a marker where the questions were, so a part after
 * the questions (Openbaarheid) is placed after them.
 */
function partBlocks(parts: MemoPartText[]): LayoutBlock[] {
  const blocks: LayoutBlock[] = [];
  let marked = false;
  for (const part of parts) {
    if (part.afterQuestions && !marked) {
      blocks.push({ kind: 'vervallen', depth: 0, raw: '', line: part.line });
      marked = true;
    }
    const heading = part.heading ? `## ${escapeInline(part.heading)}\n\n` : '';
    blocks.push({ kind: 'part', key: headingKey(part.heading), heading: part.heading || null, depth: part.heading ? 2 : 0, raw: `${heading}${part.content}\n`, content: part.content, line: part.line });
  }
  return blocks;
}
