import { lstat, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import {
  InputError, MAX_ID_LENGTH, UsageError, formatErrorLine, backupFile, draftAnswerDocument, loadConfig, loadQuestionDocument, loadTemplate, memoToDocx, memoToHtml,
  questionDocumentId, slugify, withFileLock, writeFileAtomic, type AnswerConfig, type CompiledTemplate, type DraftOptions, type MemoSettings, type MergeNote,
  type QuestionDocument,
} from '../../index.js';
import { err, type CliContext } from '../context.js';
import { suggestSources } from './sources.js';

interface DraftCliOptions {
  output?: string;
  template?: string;
  top?: string;
  stdout?: boolean;
  force?: boolean;
  format?: string;
}

const FORMATS = ['md', 'docx', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** Sources per question when neither --top nor answer.config.json says otherwise. */
const DEFAULT_DRAFT_TOP = 3;

/** The id used as the file name: only `[a-z0-9-]`, whatever the front matter says (data, never a path). */
export function answerFileId(doc: QuestionDocument): string {
  const id = doc.id ? slugify(doc.id).slice(0, MAX_ID_LENGTH).replace(/-+$/, '') : '';
  return id || questionDocumentId(doc);
}

/** Show a path relative to the working folder, with forward slashes. */
export function shown(cwd: string, path: string): string {
  return (relative(cwd, path) || path).split(sep).join('/');
}

/** Read a file that may not exist; a symbolic link is refused before anything is read. */
export async function readExisting(path: string, display: string): Promise<string | null> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InputError(`cannot read: ${(error as Error).message}`, { file: display });
  }
  if (info.isSymbolicLink()) throw new InputError('refusing to write: the file is a symbolic link; replace it by a real file', { file: display });
  if (!info.isFile()) throw new InputError('refusing to write: not a regular file', { file: display });
  return readFile(path, 'utf8');
}

/**
 * Refuse a folder on the way from the workspace to `target` that is a symbolic link, before a
 * lock file or anything else is created there (writeFileAtomic checks again when it writes).
 */
export async function refuseLinkedFolders(root: string, target: string, display: string): Promise<void> {
  const rel = relative(root, dirname(target));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return;
  let folder = root;
  for (const part of rel.split(sep)) {
    folder = join(folder, part);
    const info = await lstat(folder).catch(() => null);
    if (info === null) return;
    if (info.isSymbolicLink()) throw new InputError(`refusing to write through a symbolic link (${shown(root, folder)}); replace the link by a real folder`, { file: display });
  }
}

/**
 * The template from --template, else `templates` in answer.config.json: a folder there is where
 * templates are looked up, anything else names the template.
 */
export async function templateFor(ctx: CliContext, config: AnswerConfig, option: string | undefined): Promise<CompiledTemplate> {
  let templatesDir: string | null = null;
  let template: string | null = option ?? null;
  if (config.templates) {
    const isDir = await stat(resolve(ctx.cwd, config.templates)).then((s) => s.isDirectory(), () => false);
    if (isDir) templatesDir = config.templates;
    else template ??= config.templates;
  }
  return loadTemplate({ workspace: ctx.cwd, template, templatesDir });
}

export function parseTop(value: string | undefined, config: AnswerConfig): number {
  if (value === undefined) return config.file !== null ? config.top : DEFAULT_DRAFT_TOP;
  if (!/^\d+$/.test(value.trim()) || Number(value) > 1000) throw new UsageError(`--top must be a whole number from 0 to 1000, not "${value}"`);
  return Number(value);
}

/** The memo settings from answer.config.json. */
export function memoSettings(config: AnswerConfig): MemoSettings {
  return { municipality: config.municipality, burgemeester: config.signatories.burgemeester, secretaris: config.signatories.secretaris };
}

export function printNotes(ctx: CliContext, file: string, notes: MergeNote[]): void {
  for (const note of notes) err(ctx, `${file}: ${note.level === 'warning' ? 'warning: ' : ''}${note.message}`);
}

/** Where citations link to from the answer file's folder: the corpus file, relative. */
export function hrefFrom(ctx: CliContext, answerFile: string): (file: string) => string {
  const from = dirname(answerFile);
  return (file: string) => relative(from, resolve(ctx.cwd, file)).split(sep).join('/');
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('draft')
    .description('draft the answer memo answers/<id>.md for a question document; an existing one is merged, nothing written is lost')
    .argument('<question-file>', 'a question document (questions/<id>.md) or any letter answer parse reads')
    .option('-o, --output <file>', 'file to write (default: answers/<id>.md, or .docx/.html with --format)')
    .option('--template <name|path>', 'memo template: a name in templates/ or a .hbs file (default: memo)')
    .option('--top <n>', `sources suggested under each answer (default ${DEFAULT_DRAFT_TOP}, or top in answer.config.json; 0 for none)`)
    .option('--stdout', 'write the memo to standard output instead of a file')
    .option('--force', 'rewrite from scratch instead of merging (the old file is kept as a backup beside it)')
    .option('--format <format>', 'md (the answer document), docx (Word) or html (a web page)', 'md')
    .action(async (questionFile: string, options: DraftCliOptions) => {
      const format = (options.format ?? 'md').toLowerCase() as Format;
      if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${options.format}"`);
      const config = await loadConfig(ctx.cwd);
      const top = parseTop(options.top, config);
      const template = await templateFor(ctx, config, options.template);
      const letter = await loadQuestionDocument(resolve(ctx.cwd, questionFile), { config, display: questionFile });
      if (letter.questions.length === 0) throw new InputError('no questions in this document; nothing to draft', { file: questionFile });
      const id = answerFileId(letter);
      letter.id ??= id;

      const answerPath = resolve(ctx.cwd, format === 'md' && options.output ? options.output : join(config.answers, `${id}.md`));
      const answerShown = shown(ctx.cwd, answerPath);
      const target = format === 'md' ? answerPath : resolve(ctx.cwd, options.output ?? join(config.answers, `${id}.${format}`));
      const targetShown = shown(ctx.cwd, target);
      // Sources are a help: a corpus that cannot be read costs the suggestions, not the draft.
      const { sources, notice } =
        top > 0
          ? await suggestSources(ctx, config, letter, top).catch((error: unknown) => {
              if (!(error instanceof InputError)) throw error;
              return { sources: new Map(), notice: `no suggested sources: ${formatErrorLine(error)}` };
            })
          : { sources: new Map(), notice: null };
      if (notice) err(ctx, notice);
      const base: DraftOptions = { letter, template, sources, href: hrefFrom(ctx, answerPath), settings: memoSettings(config) };

      const draft = (existing: string | null) => draftAnswerDocument({ ...base, existing: existing === null ? null : { text: existing, file: answerShown } });
      const summary = (answered: number[]) => `${letter.questions.length} ${letter.questions.length === 1 ? 'question' : 'questions'}, ${answered.length} answered`;

      await refuseLinkedFolders(ctx.cwd, answerPath, answerShown);
      await refuseLinkedFolders(ctx.cwd, target, targetShown);

      if (options.stdout) {
        const existing = options.force ? null : await readExisting(answerPath, answerShown);
        const result = draft(existing);
        printNotes(ctx, answerShown, result.notes);
        if (format === 'md') ctx.stdout.write(result.text);
        else if (format === 'html') ctx.stdout.write(memoToHtml(result.text));
        else ctx.stdout.write(await memoToDocx(result.text));
        return;
      }

      if (format !== 'md') {
        // Word and HTML are made from the answer document as it stands (with its written answers).
        const existing = await readExisting(answerPath, answerShown);
        const result = draft(existing);
        printNotes(ctx, answerShown, result.notes);
        const content = format === 'html' ? memoToHtml(result.text) : await memoToDocx(result.text);
        await withFileLock(target, async () => {
          const exists = (await readExisting(target, targetShown)) !== null;
          if (exists && !options.force) throw new InputError('exists; not overwriting it (use --force to replace it, a backup is kept)', { file: targetShown });
          const backup = exists ? await backupFile(target, { root: ctx.cwd, display: targetShown }) : null;
          await writeFileAtomic(target, content, { overwrite: exists, root: ctx.cwd, display: targetShown });
          err(ctx, `wrote ${targetShown} (${summary(result.answered)})${backup ? `; backup ${shown(ctx.cwd, backup)}` : ''}`);
        }, { display: targetShown });
        return;
      }

      // The answer document: read, merge and write under a lock, so two drafts of one letter at
      // the same moment run one after the other and the second merges the first one's file.
      await withFileLock(answerPath, async () => {
        const existing = await readExisting(answerPath, answerShown);
        if (existing !== null && options.force) {
          const result = draft(null);
          const backup = await backupFile(answerPath, { root: ctx.cwd, display: answerShown });
          await writeFileAtomic(answerPath, result.text, { overwrite: true, root: ctx.cwd, display: answerShown });
          err(ctx, `rewrote ${answerShown} from scratch (${summary(result.answered)}); the old file is ${shown(ctx.cwd, backup)}`);
          return;
        }
        const result = draft(existing);
        printNotes(ctx, answerShown, result.notes);
        if (existing === result.text) {
          err(ctx, `${answerShown}: unchanged (${summary(result.answered)})`);
          return;
        }
        await writeFileAtomic(answerPath, result.text, { overwrite: existing !== null, root: ctx.cwd, display: answerShown });
        err(ctx, `${existing === null ? 'wrote' : 'updated'} ${answerShown} (${summary(result.answered)})`);
      }, { display: answerShown });
    });
}
