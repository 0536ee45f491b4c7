import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  EXIT, InputError, MAX_ID_LENGTH, UsageError, applyDeadline, backupFile, isIsoDate, formatErrorLine, isUserError, loadConfig, questionDocumentId, renderQuestionDocument,
  slugify, withFileLock, writeFileAtomic, type QuestionDocument,
} from '../../index.js';
import { err, out, type CliContext } from '../context.js';
import { formatParseWarnings } from '../formatters/parse-text.js';
import { loadFromArgument } from './parse.js';

interface ImportOptions {
  dir?: string;
  force?: boolean;
  received?: string;
}

/** The id used as the file name: only `[a-z0-9-]`, whatever the front matter says (it is data, never a path). */
function fileId(doc: QuestionDocument): string {
  const id = doc.id ? slugify(doc.id).slice(0, MAX_ID_LENGTH).replace(/-+$/, '') : '';
  return id || questionDocumentId(doc);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('write each letter as questions/<id>.md: front matter and an editable markdown body')
    .argument('<file...>', 'letters (PDF, DOCX, text, markdown, HTML); - reads standard input')
    .option('--dir <folder>', 'folder to write to (default: "questions" in answer.config.json)')
    .option('--force', 'replace an existing question document (a backup is kept beside it)')
    .option('--received <YYYY-MM-DD>', 'date the griffie received the letter (default: the letter\'s date); the deadline counts from it')
    .action(async (files: string[], options: ImportOptions) => {
      if (options.received !== undefined && !isIsoDate(options.received)) {
        throw new UsageError(`--received must be a date as YYYY-MM-DD (got "${options.received}")`);
      }
      const config = await loadConfig(ctx.cwd);
      const dir = resolve(ctx.cwd, options.dir ?? config.questions);
      const written = new Map<string, string>();
      let failed = 0;
      for (const file of files) {
        const display = file === '-' ? '<stdin>' : file;
        try {
          const loaded = await loadFromArgument(file, ctx);
          const doc = options.received ? applyDeadline({ ...loaded, received: options.received }, config) : loaded;
          if (doc.questions.length === 0) {
            throw new InputError('no questions found in this letter; nothing written', { file: display });
          }
          const id = fileId(doc);
          const target = join(dir, `${id}.md`);
          const shown = relative(ctx.cwd, target) || target;
          const earlier = written.get(id);
          if (earlier !== undefined) {
            throw new InputError(`gets the same id as ${earlier} (${id}); nothing written. Set a different date, party or subject in one of them`, { file: display });
          }
          const content = renderQuestionDocument({ ...doc, id, warnings: [] });
          const result = await write(target, content, Boolean(options.force), ctx.cwd, shown);
          written.set(id, display);
          if (doc.warnings.length) err(ctx, formatParseWarnings(doc, display));
          const what = `${doc.questions.length} ${doc.questions.length === 1 ? 'question' : 'questions'}${doc.deadline ? `, deadline ${doc.deadline}` : ''}`;
          if (result.kind === 'unchanged') out(ctx, `${shown}: unchanged (${what})`);
          else if (result.kind === 'replaced') out(ctx, `replaced ${shown} (${what}; backup ${relative(ctx.cwd, result.backup) || result.backup})`);
          else out(ctx, `wrote ${shown} (${what})`);
        } catch (error) {
          if (!isUserError(error)) throw error;
          failed++;
          err(ctx, formatErrorLine(error));
        }
      }
      if (failed > 0) ctx.exitCode = EXIT.usage;
    });
}

type WriteResult = { kind: 'created' } | { kind: 'unchanged' } | { kind: 'replaced'; backup: string };

async function write(target: string, content: string, force: boolean, root: string, shown: string): Promise<WriteResult> {
  if (!force) {
    try {
      await writeFileAtomic(target, content, { overwrite: false, root, display: shown });
    } catch (error) {
      if (error instanceof InputError && /file exists/.test(error.message)) {
        throw new InputError('already exists; not overwriting it (use --force to replace it, a backup is kept)', { file: shown });
      }
      throw error;
    }
    return { kind: 'created' };
  }
  return withFileLock(target, async () => {
    let existing: string | null = null;
    try {
      existing = await readFile(target, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(`cannot read: ${(error as Error).message}`, { file: shown });
    }
    if (existing === content) return { kind: 'unchanged' } as const;
    if (existing === null) {
      await writeFileAtomic(target, content, { overwrite: false, root, display: shown });
      return { kind: 'created' } as const;
    }
    const backup = await backupFile(target, { root, display: shown });
    await writeFileAtomic(target, content, { overwrite: true, root, display: shown });
    return { kind: 'replaced', backup } as const;
  }, { display: shown, root });
}
