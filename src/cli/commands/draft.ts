import type { Command } from 'commander';
import type { DraftFormat } from '../../workspace/draft.js';
import { parseTop } from '../../workspace/top.js';
import { err, workspace, type CliContext } from '../context.js';
import { reportCorpusProblems } from '../formatters/corpus-problems.js';
import { formatMergeNotes } from '../formatters/notes.js';
import { count, formatWrite } from '../formatters/writes.js';

interface DraftCliOptions {
  output?: string;
  template?: string;
  top?: string;
  stdout?: boolean;
  force?: boolean;
  format?: string;
  withSources?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('draft')
    .description('draft the answer memo answers/<id>.md for a letter; an existing one is merged, nothing written is lost')
    .argument('<letter>', 'a question document (questions/<id>.md or its id) or any letter answer parse reads')
    .option('-o, --output <file>', 'file to write (default: answers/<id>.md, or .docx/.html with --format)')
    .option('--template <name|path>', 'memo template: a name in templates/ or a .hbs file (default: memo)')
    .option('--top <n>', 'sources suggested under each answer (default: top in answer.config.json; 0 for none)')
    .option('--stdout', 'write the memo to standard output instead of a file')
    .option('--force', "write the template's memo parts anew (answers are always kept); for docx/html, replace an existing file. The old version is backed up")
    .option('--format <format>', 'md (the answer document), docx (Word) or html (a web page)', 'md')
    .option('--with-sources', 'docx/html: keep the source lists under the answers (working notes, left out by default)')
    .action(async (letter: string, options: DraftCliOptions) => {
      const ws = await workspace(ctx);
      const report = await ws.draft(letter, {
        format: (options.format ?? 'md').toLowerCase() as DraftFormat,
        output: options.output,
        template: options.template,
        top: parseTop(options.top, ws.config.top, 0),
        stdout: options.stdout,
        force: options.force,
        withSources: options.withSources,
      });
      if (report.notice) err(ctx, report.notice);
      reportCorpusProblems(ctx, report.corpusProblems);
      formatMergeNotes(report.answerFile, report.notes).forEach((line) => err(ctx, line));
      if (report.output !== null) {
        ctx.stdout.write(report.output);
        return;
      }
      if (report.write) err(ctx, formatWrite(report.write, `${count(report.questions, 'question')}, ${report.answered.length} answered`));
    });
}
