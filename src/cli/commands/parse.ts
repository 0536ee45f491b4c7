import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { err, out, type CliContext } from '../context.js';
import { formatParseJson } from '../formatters/parse-json.js';
import { formatParseText, formatParseWarnings } from '../formatters/parse-text.js';
import { readStdin } from '../read-stdin.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('parse')
    .description('parse a question letter (PDF, DOCX, ODT, RTF, text, markdown, HTML) or questions/<id>.md')
    .argument('<file>', 'the letter, a question document or its id; - reads standard input')
    .option('--json', 'print the question document as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      // Parsing needs no workspace: outside one the default answer terms apply.
      const ws = await openWorkspace({ dir: ctx.cwd, optional: true });
      const { doc, file: display } = await ws.letter(file === '-' ? { name: '-', data: await readStdin(ctx.stdin) } : file);
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
