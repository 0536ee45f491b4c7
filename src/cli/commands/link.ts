import type { Command } from 'commander';
import { parseTop } from '../../workspace/top.js';
import { out, workspace, type CliContext } from '../context.js';
import { reportCorpusProblems } from '../formatters/corpus-problems.js';
import { formatLinkJson } from '../formatters/link-json.js';
import { formatLinkText } from '../formatters/link-text.js';
import { readStdin } from '../read-stdin.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('link')
    .description('link each question of a letter to the corpus passages that may answer it')
    .argument('<letter>', 'a question document (file or id), or any letter that answer parse reads; - reads standard input')
    .option('--top <n>', 'passages per question (default: top in answer.config.json, 5)')
    .option('--json', 'print the links as JSON')
    .action(async (file: string, options: { top?: string; json?: boolean }) => {
      const ws = await workspace(ctx);
      const top = parseTop(options.top, ws.config.top);
      const report = await ws.link(file === '-' ? { name: '-', data: await readStdin(ctx.stdin) } : file, { top });
      reportCorpusProblems(ctx, report.corpusProblems);
      out(ctx, options.json ? formatLinkJson(report.result) : formatLinkText(report.result));
    });
}
