/**
 * `import-answers`: an answered memo (PDF, DOCX, ODT, RTF, HTML, text) read back into the answer document,
 * one answer per question, in the layouts councils use (read-memo.ts). The memo is matched to its
 * question document by the questions it quotes (or named with `question`); each answer to its
 * question by the question's text, so a renumbered question keeps its answer; an answer that fits
 * no question is reported, never written under a wrong question. What the file holds is merged as
 * a redraft merges it: a written answer the memo replaces is kept under "Vervallen vragen" unless
 * `force`. The status is never read from the memo: `vastgesteld` says the college adopted it, and
 * on which date.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { assignAnswers, type UnmatchedAnswer } from '../answers/assign-answers.js';
import { questionSimilarity } from '../answers/match-sections.js';
import type { MergeNote } from '../answers/merge-parts.js';
import { memoBlocks, readMemoBlocks, type AnsweredMemo, type MemoLayout, type MemoSource } from '../answers/read-memo.js';
import type { MemoBlock } from '../answers/memo-blocks.js';
import { readFrontMatter } from '../documents/front-matter.js';
import { InputError, UsageError } from '../errors.js';
import type { ParseWarning, QuestionDocument } from '../model.js';
import { loadQuestionDocument } from '../parse/load.js';
import { readSourceFile, type SourceText } from '../read/read-source.js';
import { userDate } from './dates.js';
import { hrefFrom, memoSettings, templateFor, withId } from './draft.js';
import type { FileWrite } from './files.js';
import { ID_PATTERN } from './letters.js';
import { adoptAnswer, checkAdoptionDate } from './record.js';
import type { Workspace } from './workspace.js';

export interface ImportAnswersOptions {
  /** The id of the question document the memo answers (default: found by the questions it quotes). */
  question?: string;
  /** Folder of the answer documents (default: `answers` in the config). */
  dir?: string;
  /** Memo template for a new answer document. */
  template?: string;
  /** The memo's answers replace written answers without keeping those under "Vervallen vragen". */
  force?: boolean;
  /**
   * The date (YYYY-MM-DD) the college adopted the memo: the answer document becomes `vastgesteld`
   * with this `date`, as `record --vastgesteld` does. Without it the status stays as it is
   * (`concept` for a new answer document).
   */
  vastgesteld?: string;
}

export type { UnmatchedAnswer } from '../answers/assign-answers.js';

export interface ImportAnswersReport {
  memo: string;
  /** The question document the memo was matched to (workspace-relative). */
  letter: string;
  write: FileWrite;
  /** Questions that got an answer from the memo. */
  answers: number;
  questions: number;
  /** The answer document's status after the import. */
  status: string;
  /** The adoption date given (`vastgesteld`), or null. */
  vastgesteld: string | null;
  /** How the memo's questions were recognised, each layout once, in the memo's order. */
  layouts: MemoLayout[];
  /** Answers that fit no question of the letter (also in `warnings`). */
  unmatched: UnmatchedAnswer[];
  notes: MergeNote[];
  /** Things to look at: uncertain matches, answers that fit no question, reader warnings. */
  warnings: ParseWarning[];
}

/**
 * How well a memo fits a question document: the mean, over the memo's questions, of the best
 * text similarity with a question of the document.
 */
function fit(memo: AnsweredMemo, doc: QuestionDocument): number {
  const quoted = memo.answers.filter((a) => a.question.trim() !== '');
  if (quoted.length === 0 || doc.questions.length === 0) return 0;
  let total = 0;
  for (const a of quoted) {
    let best = 0;
    for (const q of doc.questions) best = Math.max(best, questionSimilarity(a.question, q.text));
    total += best;
  }
  return total / quoted.length;
}

/**
 * A memo fits a letter when its quoted questions are on average at least this alike. The seed
 * memo quotes the D66 letter with small corrections ("Deel" → "Deelt", "aam" → "aan") and scores
 * above 0.95; a memo against another letter on a nearby subject stays far below.
 */
const MIN_FIT = 0.5;
/** Two documents closer than this are a tie: the memo could answer either. */
const TIE = 0.05;

/** The question document the memo answers: each is tried, the memo read with its questions. */
async function findQuestionDocument(ws: Workspace, blocks: MemoBlock[], memoFile: string, warnings: ParseWarning[]): Promise<{ doc: QuestionDocument; file: string }> {
  const folder = ws.path(ws.config.questions);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  } catch {
    throw new InputError(`no question documents in ${ws.config.questions}/ to match the memo to; give --question <id>`, { file: memoFile });
  }
  const scored: Array<{ doc: QuestionDocument; file: string; score: number }> = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      const doc = await loadQuestionDocument(path, { config: ws.config, display: ws.shown(path) });
      scored.push({ doc, file: ws.shown(path), score: fit(readMemoBlocks(blocks, { questions: doc.questions }), doc) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      warnings.push({ line: null, message: `${ws.shown(path)} skipped (${error.message})` });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < MIN_FIT) {
    throw new InputError(`the questions in this memo match no question document in ${ws.config.questions}/; give --question <id>`, { file: memoFile });
  }
  if (second && best.score - second.score < TIE) {
    throw new InputError(`the memo fits both ${best.file} and ${second.file}; give --question <id>`, { file: memoFile });
  }
  return best;
}

/** The memo as the memo reader takes it: our own markdown memo through its HTML, so bold and lists survive. */
async function memoSource(source: SourceText): Promise<MemoSource> {
  if (source.format === 'markdown') {
    const { memoToHtml } = await import('../render/to-html.js');
    return { text: source.text, html: memoToHtml(source.text) };
  }
  return { text: source.text, document: source.document, html: source.html, headings: source.headings };
}

const NO_QUESTIONS = 'no questions found in this memo (no "Vraag N", numbered, bold or tabled question, nor a question of a letter in the workspace); nothing written';

export async function importAnswers(ws: Workspace, memoFile: string, options: ImportAnswersOptions): Promise<ImportAnswersReport> {
  const vastgesteld = options.vastgesteld === undefined ? null : userDate(options.vastgesteld, '--vastgesteld');
  // Font names let the PDF reader mark bold lines: a question set in bold is found by its look. The
  // same pass gives a table's ruling lines, which part its rows.
  const source = await readSourceFile(ws.userPath(memoFile), { fontNames: true }).catch((error: unknown) => {
    if (error instanceof InputError) throw new InputError(error.message, { file: memoFile, line: error.line });
    throw error;
  });
  const blocks = memoBlocks(await memoSource(source));

  const warnings: ParseWarning[] = [];
  let loaded: QuestionDocument;
  let letterFile: string;
  if (options.question !== undefined) {
    const id = options.question.trim();
    if (!ID_PATTERN.test(id)) throw new UsageError(`--question must be the id of a question document ([a-z0-9-]), not "${options.question}"`);
    const path = ws.path(ws.config.questions, `${id}.md`);
    letterFile = ws.shown(path);
    loaded = await loadQuestionDocument(path, { config: ws.config, display: letterFile });
  } else {
    if (readMemoBlocks(blocks).answers.length === 0 && !(await hasQuestionDocuments(ws))) throw new InputError(NO_QUESTIONS, { file: memoFile });
    try {
      ({ doc: loaded, file: letterFile } = await findQuestionDocument(ws, blocks, memoFile, warnings));
    } catch (error) {
      if (error instanceof InputError && readMemoBlocks(blocks).answers.length === 0) throw new InputError(NO_QUESTIONS, { file: memoFile });
      throw error;
    }
  }
  const { id, letter } = withId(loaded);
  if (vastgesteld !== null) checkAdoptionDate(vastgesteld, letter.received ?? letter.date);

  // Read with the letter's questions: they tell where each question ends, and find questions
  // the memo quotes without a label.
  const memo = readMemoBlocks(blocks, { questions: letter.questions });
  if (memo.answers.length === 0) throw new InputError(NO_QUESTIONS, { file: memoFile });
  warnings.push(...source.warnings, ...memo.warnings);
  const { answers, unmatched, warnings: placed } = assignAnswers(memo, letter.questions, letterFile);
  warnings.push(...placed);
  if (vastgesteld !== null && answers.size < letter.questions.length) {
    warnings.push({ line: null, message: `recorded as vastgesteld with ${answers.size} of ${letter.questions.length} questions answered from the memo` });
  }

  const template = await templateFor(ws, options.template);
  const target = ws.path(options.dir ?? ws.config.answers, `${id}.md`);
  const targetFile = ws.shown(target);
  const { draftAnswerDocument } = await import('../render/draft.js');
  let notes: MergeNote[] = [];
  let status = 'concept';
  const write = await ws.files.write({
    path: target,
    existing: 'merge',
    content: (existing) => {
      const result = draftAnswerDocument({
        letter,
        template,
        settings: memoSettings(ws),
        href: hrefFrom(ws, target),
        existing: existing === null ? null : { text: existing, file: targetFile },
        answers,
        replace: Boolean(options.force),
        parts: memo.parts,
        memoFile,
      });
      notes = result.notes;
      const text = vastgesteld === null ? result.text : adoptAnswer(result.text, targetFile, vastgesteld).text;
      const value = readFrontMatter(text, targetFile).data.status;
      status = typeof value === 'string' ? value : 'concept';
      return text;
    },
  });
  const layouts = [...new Set(memo.answers.map((a) => a.layout))];
  return { memo: memoFile, letter: letterFile, write, answers: answers.size, questions: letter.questions.length, status, vastgesteld, layouts, unmatched, notes, warnings };
}

async function hasQuestionDocuments(ws: Workspace): Promise<boolean> {
  const names = await readdir(ws.path(ws.config.questions)).catch(() => [] as string[]);
  return names.some((name) => name.endsWith('.md'));
}
