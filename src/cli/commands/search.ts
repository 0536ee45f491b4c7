import type { Command } from 'commander';
import { parseTop } from '../../workspace/top.js';
import { out, workspace, type CliContext } from '../context.js';
import { reportCorpusProblems } from '../formatters/corpus-problems.js';
import { formatSearchJson } from '../formatters/link-json.js';
import { formatSearchText } from '../formatters/link-text.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('search')
    .description('rank corpus passages for free words, as answer link does for a question')
    .argument('<words...>', 'the words to search for (quotes optional)')
    .option('--top <n>', 'number of passages (default 10)')
    .option('--json', 'print the passages as JSON')
    // Several arguments are one search: `answer search politie meldingen` as the quoted form.
    .action(async (parts: string[], options: { top?: string; json?: boolean }) => {
      const words = parts.join(' ');
      const top = parseTop(options.top, 10);
      const ws = await workspace(ctx);
      const report = await ws.search(words, { top });
      reportCorpusProblems(ctx, report.corpusProblems);
      out(ctx, options.json ? formatSearchJson(words, report.passages) : formatSearchText(words, report.passages));
    });
}
