/**
 * `import-answers`: an answered memo (PDF, DOCX, text) read back into the answer document, one
 * answer per question. The memo is matched to its question document by the questions it quotes
 * (or named with `question`); each answer to its question by text, so a renumbered question
 * keeps its answer. What the file holds is merged as a redraft merges it: a written answer the
 * memo replaces is kept under "Vervallen vragen" unless `force`.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { matchSections, questionSimilarity } from '../answers/match-sections.js';
import type { MergeNote } from '../answers/merge-parts.js';
import { readAnsweredMemo, type AnsweredMemo } from '../answers/read-memo.js';
import { InputError, UsageError } from '../errors.js';
import type { AnswerSection, ParseWarning, QuestionDocument } from '../model.js';
import { loadQuestionDocument } from '../parse/load.js';
import { readSourceFile } from '../read/read-source.js';
import { hrefFrom, memoSettings, templateFor, withId } from './draft.js';
import type { FileWrite } from './files.js';
import { ID_PATTERN } from './letters.js';
import type { Workspace } from './workspace.js';
import { pushAll } from '../arrays.js';

export interface ImportAnswersOptions {
  /** The id of the question document the memo answers (default: found by the questions it quotes). */
  question?: string;
  /** Folder of the answer documents (default: `answers` in the config). */
  dir?: string;
  /** Memo template for a new answer document. */
  template?: string;
  /** The memo's answers replace written answers without keeping those under "Vervallen vragen". */
  force?: boolean;
}

export interface ImportAnswersReport {
  memo: string;
  /** The question document the memo was matched to (workspace-relative). */
  letter: string;
  write: FileWrite;
  answers: number;
  questions: number;
  status: string;
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

async function findQuestionDocument(ws: Workspace, memo: AnsweredMemo, memoFile: string, warnings: ParseWarning[]): Promise<{ doc: QuestionDocument; file: string }> {
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
      scored.push({ doc, file: ws.shown(path), score: fit(memo, doc) });
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

export async function importAnswers(ws: Workspace, memoFile: string, options: ImportAnswersOptions): Promise<ImportAnswersReport> {
  const source = await readSourceFile(ws.userPath(memoFile)).catch((error: unknown) => {
    if (error instanceof InputError) throw new InputError(error.message, { file: memoFile, line: error.line });
    throw error;
  });
  const first = readAnsweredMemo(source.text);
  if (first.answers.length === 0) throw new InputError('no "Vraag N" sections found in this memo; nothing written', { file: memoFile });

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
    ({ doc: loaded, file: letterFile } = await findQuestionDocument(ws, first, memoFile, warnings));
  }
  const { id, letter } = withId(loaded);

  // Read again, now knowing the questions: they tell where each question ends.
  const memo = readAnsweredMemo(source.text, { questions: letter.questions });
  pushAll(warnings, source.warnings);
  pushAll(warnings, memo.warnings);
  const sections: AnswerSection[] = memo.answers.map((a) => ({ number: a.number, question: a.question, answer: a.answer, sources: [], line: a.line }));
  const { matches, unmatched } = matchSections(letter.questions, sections);
  const answers = new Map<number, string>();
  for (const [number, match] of matches) {
    if (match.section.answer.trim() === '') continue;
    answers.set(number, match.section.answer);
    if (match.uncertain || match.section.number !== number) {
      warnings.push({
        line: match.section.line,
        message: `memo question ${match.section.number} is taken as question ${number} of ${letterFile} (text ${Math.round(match.score * 100)}% alike); check it`,
      });
    }
  }
  for (const section of unmatched) {
    if (section.answer.trim()) warnings.push({ line: section.line, message: `memo question ${section.number} fits no question of ${letterFile}; its answer is kept under Vervallen vragen` });
  }
  const complete = letter.questions.every((q) => answers.has(q.number));
  const status = memo.signed && complete ? 'vastgesteld' : 'concept';

  const template = await templateFor(ws, options.template);
  const target = ws.path(options.dir ?? ws.config.answers, `${id}.md`);
  const targetFile = ws.shown(target);
  const { draftAnswerDocument } = await import('../render/draft.js');
  let notes: MergeNote[] = [];
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
        orphans: unmatched.map((s) => ({ number: s.number, question: s.question, answer: s.answer })),
        parts: memo.parts,
        status,
        setStatus: true,
      });
      notes = result.notes;
      return result.text;
    },
  });
  return { memo: memoFile, letter: letterFile, write, answers: answers.size, questions: letter.questions.length, status, notes, warnings };
}
