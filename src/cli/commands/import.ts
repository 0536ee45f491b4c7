import type { Command } from 'commander';
import { EXIT, formatErrorLine } from '../../errors.js';
import { err, out, workspace, type CliContext } from '../context.js';
import { formatParseWarnings } from '../formatters/parse-text.js';
import { count, formatWrite } from '../formatters/writes.js';
import { readStdin } from '../read-stdin.js';

interface ImportOptions {
  dir?: string;
  force?: boolean;
  asNew?: boolean;
  received?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('write each letter as questions/<id>.md: front matter and an editable markdown body')
    .argument('<file...>', 'letters (PDF, DOCX, ODT, RTF, text, markdown, HTML); - reads standard input')
    .option('--dir <folder>', 'folder to write to (default: "questions" in answer.config.json)')
    .option('--force', 'update an existing question document from the letter; received, uitstel, kind and added keys are kept, the old version is backed up')
    .option('--as-new', 'import a letter that looks like one already imported (same date, same questions) as another letter')
    .option('--received <YYYY-MM-DD>', "date the griffie received the letter (default: the letter's date); the deadline counts from it")
    .action(async (files: string[], options: ImportOptions) => {
      const ws = await workspace(ctx);
      const inputs = await Promise.all(files.map(async (file) => (file === '-' ? { name: '-' as const, data: await readStdin(ctx.stdin) } : file)));
      const report = await ws.importLetters(inputs, { force: options.force, asNew: options.asNew, received: options.received, dir: options.dir });
      for (const letter of report.imported) {
        if (letter.warnings.length) err(ctx, formatParseWarnings({ warnings: letter.warnings }, letter.source));
        out(ctx, formatWrite(letter.write, `${count(letter.questions, 'question')}${letter.deadline ? `, deadline ${letter.deadline}` : ''}`));
      }
      for (const failure of report.failed) err(ctx, formatErrorLine(failure.error));
      if (report.failed.length > 0) ctx.exitCode = EXIT.usage;
    });
}
