import { lstat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CORPUS_DATE, InputError, UsageError, backupFile, convertPolicyFile, writeFileAtomic, type ConvertResult } from '../../index.js';
import { err, out, type CliContext } from '../context.js';

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

interface AddOptions {
  dir: string;
  force?: boolean;
  title?: string;
  date?: string;
  source?: string;
  kind?: string;
}

export function register(program: Command, ctx: CliContext): void {
  const corpus = program.command('corpus').description('manage the policy corpus (corpus/*.md)');
  corpus
    .command('add')
    .description('convert policy documents (PDF, DOCX, HTML, text, markdown) into corpus/<slug>.md')
    .argument('<file...>', 'the policy documents')
    .option('--dir <folder>', 'corpus folder in the workspace', 'corpus')
    .option('--force', 'replace an existing corpus file (a backup is kept)')
    .option('--title <title>', 'document title (one file only); default: the title in the document, else the file name')
    .option('--date <date>', 'date as YYYY, YYYY-MM or YYYY-MM-DD (one file only); default: a year in the title')
    .option('--source <source>', 'where the document came from, e.g. a URL (one file only); default: the file name')
    .option('--kind <kind>', 'kind of document, e.g. beleidsnota or agenda')
    .action(async (files: string[], options: AddOptions) => {
      const single = ['title', 'date', 'source'] as const;
      for (const flag of single) {
        if (options[flag] !== undefined && files.length > 1) throw new UsageError(`--${flag} applies to one file; got ${files.length} files`);
      }
      if (options.date !== undefined && !CORPUS_DATE.test(options.date)) throw new UsageError(`--date must be YYYY, YYYY-MM or YYYY-MM-DD, got "${options.date}"`);

      // Convert everything first: nothing is written when one document cannot be read.
      const results: Array<{ file: string; result: ConvertResult; target: string }> = [];
      for (const file of files) {
        const result = await convertPolicyFile(resolve(ctx.cwd, file), {
          display: file,
          title: options.title ?? null,
          date: options.date ?? null,
          source: options.source ?? basename(file),
          kind: options.kind ?? null,
        });
        results.push({ file, result, target: join(options.dir, `${result.slug}.md`) });
      }
      const seen = new Map<string, string>();
      for (const { file, target } of results) {
        const other = seen.get(target);
        if (other) throw new InputError(`gives the same corpus file ${target} as ${other}; convert it on its own with --title`, { file });
        seen.set(target, file);
      }

      if (!options.force) {
        for (const { target } of results) {
          if (await exists(resolve(ctx.cwd, target))) {
            throw new InputError('file exists; not overwriting it (use --force to replace it, a backup is kept)', { file: target });
          }
        }
      }
      for (const { file, result, target } of results) {
        const path = resolve(ctx.cwd, target);
        if (options.force && (await exists(path))) await backupFile(path, { root: ctx.cwd, display: target });
        await writeFileAtomic(path, result.markdown, { overwrite: options.force ?? false, root: ctx.cwd, display: target });
        out(ctx, target);
        const removed = result.removed.length ? `, ${result.removed.length} line(s) of page furniture dropped` : '';
        err(ctx, `${file}: "${result.title}"${result.date ? ` (${result.date})` : ''}${removed}`);
        for (const p of result.problems) err(ctx, `${p.file ?? file}${p.line ? `:${p.line}` : ''}  ${p.severity}  ${p.message}  (${p.code})`);
      }
    });
}
