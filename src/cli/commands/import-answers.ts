import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  InputError, UsageError, backupFile, draftAnswerDocument, loadConfig, loadQuestionDocument, matchSections, questionSimilarity, readAnsweredMemo,
  readSourceFile, withFileLock, writeFileAtomic, type AnswerConfig, type AnswerSection, type AnsweredMemo, type QuestionDocument,
} from '../../index.js';
import { err, type CliContext } from '../context.js';
import { answerFileId, hrefFrom, memoSettings, printNotes, readExisting, refuseLinkedFolders, shown, templateFor } from './draft.js';

interface ImportAnswersOptions {
  question?: string;
  dir?: string;
  force?: boolean;
  template?: string;
}

/**
 * How well a memo fits a question document: the mean, over the memo's questions, of the best
 * text similarity with a question of the document.
 */
function fit(memo: AnsweredMemo, doc: QuestionDocument): number {
  const quoted = memo.answers.filter((a) => a.question.trim() !== '');
  if (quoted.length === 0 || doc.questions.length === 0) return 0;
  let total = 0;
  for (const a of quoted) total += Math.max(...doc.questions.map((q) => questionSimilarity(a.question, q.text)));
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

async function findQuestionDocument(ctx: CliContext, config: AnswerConfig, memo: AnsweredMemo, memoShown: string): Promise<{ doc: QuestionDocument; file: string }> {
  const folder = resolve(ctx.cwd, config.questions);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  } catch {
    throw new InputError(`no question documents in ${config.questions}/ to match the memo to; give --question <id>`, { file: memoShown });
  }
  const scored: Array<{ doc: QuestionDocument; file: string; score: number }> = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      const doc = await loadQuestionDocument(path, { config, display: shown(ctx.cwd, path) });
      scored.push({ doc, file: shown(ctx.cwd, path), score: fit(memo, doc) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      err(ctx, `${shown(ctx.cwd, path)}: skipped (${error.message})`);
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < MIN_FIT) {
    throw new InputError(`the questions in this memo match no question document in ${config.questions}/; give --question <id>`, { file: memoShown });
  }
  if (second && best.score - second.score < TIE) {
    throw new InputError(`the memo fits both ${best.file} and ${second.file}; give --question <id>`, { file: memoShown });
  }
  return best;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('import-answers')
    .description('read an answered memo (PDF, DOCX, text) back into answers/<id>.md, one answer per question')
    .argument('<memo>', 'the answered memo')
    .option('--question <id>', 'the question document it answers (default: the one in questions/ whose questions the memo quotes)')
    .option('--dir <folder>', 'folder of the answer documents (default: "answers" in answer.config.json)')
    .option('--template <name|path>', 'memo template for the answer document (default: memo)')
    .option('--force', 'replace the answers in an existing answer document (a backup is kept beside it)')
    .action(async (memoFile: string, options: ImportAnswersOptions) => {
      const config = await loadConfig(ctx.cwd);
      const source = await readSourceFile(resolve(ctx.cwd, memoFile));
      const first = readAnsweredMemo(source.text);
      if (first.answers.length === 0) {
        throw new InputError('no "Vraag N" sections found in this memo; nothing written', { file: memoFile });
      }

      let letter: QuestionDocument;
      let letterFile: string;
      if (options.question !== undefined) {
        const id = options.question.trim();
        if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(id)) throw new UsageError(`--question must be the id of a question document ([a-z0-9-]), not "${options.question}"`);
        const path = resolve(ctx.cwd, config.questions, `${id}.md`);
        letterFile = shown(ctx.cwd, path);
        letter = await loadQuestionDocument(path, { config, display: letterFile });
      } else {
        ({ doc: letter, file: letterFile } = await findQuestionDocument(ctx, config, first, memoFile));
      }
      const id = answerFileId(letter);
      letter.id ??= id;

      // Read again, now knowing the questions: they tell where each question ends.
      const memo = readAnsweredMemo(source.text, { questions: letter.questions });
      for (const warning of [...source.warnings, ...memo.warnings]) err(ctx, `${memoFile}${warning.line ? `:${warning.line}` : ''}: warning: ${warning.message}`);
      const sections: AnswerSection[] = memo.answers.map((a) => ({ number: a.number, question: a.question, answer: a.answer, sources: [], line: a.line }));
      const { matches, unmatched } = matchSections(letter.questions, sections);
      const answers = new Map<number, string>();
      for (const [number, match] of matches) {
        if (match.section.answer.trim() === '') continue;
        answers.set(number, match.section.answer);
        if (match.uncertain || match.section.number !== number) {
          err(ctx, `${memoFile}:${match.section.line}: warning: memo question ${match.section.number} is taken as question ${number} of ${letterFile} (text ${Math.round(match.score * 100)}% alike); check it`);
        }
      }
      for (const section of unmatched) {
        if (section.answer.trim()) err(ctx, `${memoFile}:${section.line}: warning: memo question ${section.number} fits no question of ${letterFile}; its answer is kept under Vervallen vragen`);
      }
      const complete = letter.questions.every((q) => answers.has(q.number));
      const status = memo.signed && complete ? 'vastgesteld' : 'concept';

      const template = await templateFor(ctx, config, options.template);
      const target = resolve(ctx.cwd, options.dir ?? config.answers, `${id}.md`);
      const targetShown = shown(ctx.cwd, target);
      await refuseLinkedFolders(ctx.cwd, target, targetShown);
      await withFileLock(target, async () => {
        const existing = await readExisting(target, targetShown);
        const result = draftAnswerDocument({
          letter,
          template,
          settings: memoSettings(config),
          href: hrefFrom(ctx, target),
          existing: existing === null ? null : { text: existing, file: targetShown },
          answers,
          replace: Boolean(options.force),
          orphans: unmatched.map((s) => ({ number: s.number, question: s.question, answer: s.answer })),
          parts: memo.parts,
          status,
          setStatus: true,
        });
        printNotes(ctx, targetShown, result.notes);
        const what = `${answers.size} of ${letter.questions.length} answers, status ${status}`;
        if (existing === result.text) {
          err(ctx, `${targetShown}: unchanged (${what})`);
          return;
        }
        const backup = existing !== null && options.force ? await backupFile(target, { root: ctx.cwd, display: targetShown }) : null;
        await writeFileAtomic(target, result.text, { overwrite: existing !== null, root: ctx.cwd, display: targetShown });
        err(ctx, `${existing === null ? 'wrote' : 'updated'} ${targetShown} from ${memoFile} (${what})${backup ? `; backup ${shown(ctx.cwd, backup)}` : ''}`);
      }, { display: targetShown });
    });
}
