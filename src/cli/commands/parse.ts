import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError, loadConfig, loadQuestionDocument, loadQuestionSource, type QuestionDocument } from '../../index.js';
import { err, out, type CliContext } from '../context.js';
import { formatParseJson } from '../formatters/parse-json.js';
import { formatParseText, formatParseWarnings } from '../formatters/parse-text.js';
import { readStdin } from '../read-stdin.js';

/** Load a letter or question document named on the command line (`-`: standard input). */
export async function loadFromArgument(file: string, ctx: CliContext): Promise<QuestionDocument> {
  const config = await loadConfig(ctx.cwd);
  if (file === '-') return loadQuestionSource({ name: '-', data: await readStdin(ctx.stdin) }, { config });
  return loadQuestionDocument(resolve(ctx.cwd, file), { config, display: file });
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('parse')
    .description('parse a question letter (PDF, DOCX, text, markdown, HTML) or questions/<id>.md')
    .argument('<file>', 'the letter or question document; - reads standard input')
    .option('--json', 'print the question document as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const display = file === '-' ? '<stdin>' : file;
      const doc = await loadFromArgument(file, ctx);
      if (doc.questions.length === 0) {
        throw new InputError('no questions found in this letter; check that it is a letter with questions to the college', { file: display });
      }
      if (options.json) {
        out(ctx, formatParseJson(doc));
      } else {
        out(ctx, formatParseText(doc));
        if (doc.warnings.length) err(ctx, formatParseWarnings(doc, display));
      }
    });
}
