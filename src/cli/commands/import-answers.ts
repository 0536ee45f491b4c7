import type { Command } from 'commander';
import { err, workspace, type CliContext } from '../context.js';
import { formatMergeNotes } from '../formatters/notes.js';
import { formatWrite } from '../formatters/writes.js';

interface ImportAnswersCliOptions {
  question?: string;
  dir?: string;
  force?: boolean;
  template?: string;
  vastgesteld?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('import-answers')
    .description('read an answered memo (PDF, DOCX, ODT, RTF, HTML, text) back into answers/<id>.md, one answer per question')
    .argument('<memo>', 'the answered memo')
    .option('--question <id>', 'the question document it answers (default: the one in questions/ whose questions the memo quotes)')
    .option('--dir <folder>', 'folder of the answer documents (default: "answers" in answer.config.json)')
    .option('--template <name|path>', 'memo template for the answer document (default: memo)')
    .option('--vastgesteld <YYYY-MM-DD>', 'the college adopted this memo on that date: the answer document becomes vastgesteld (without it the status is left as it is)')
    .option('--force', 'let the memo replace written answers instead of keeping them under Vervallen vragen (the old file is backed up)')
    .action(async (memo: string, options: ImportAnswersCliOptions) => {
      const ws = await workspace(ctx);
      const report = await ws.importAnswers(memo, options);
      for (const warning of report.warnings) err(ctx, `${memo}${warning.line ? `:${warning.line}` : ''}: warning: ${warning.message}`);
      formatMergeNotes(report.write.file, report.notes).forEach((line) => err(ctx, line));
      const layouts = report.layouts.length > 0 ? `, layout ${report.layouts.join(' + ')}` : '';
      err(ctx, `${formatWrite(report.write, `${report.answers} of ${report.questions} answers${layouts}, status ${report.status}`)} from ${memo}`);
    });
}
