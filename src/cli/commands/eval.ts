import type { Command } from 'commander';
import { err, out, workspace, type CliContext } from '../context.js';
import { reportCorpusProblems } from '../formatters/corpus-problems.js';
import { formatEvalJson } from '../formatters/link-json.js';
import { formatEvalText } from '../formatters/link-text.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('eval')
    .description('measure answer link against a gold file: hit@1, hit@5, recall@5, recall@10, MRR, nDCG@10')
    .argument('<gold.json>', 'gold file: {"questions": [{"n", "q", "context", "gold": [{"doc", "snippet"}]}]}')
    .option('--json', 'print the figures as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const ws = await workspace(ctx);
      const { report, corpusProblems } = await ws.evaluate(file);
      reportCorpusProblems(ctx, corpusProblems);
      for (const u of report.unreachable) err(ctx, `${file}  question ${u.n}: no passage${u.doc ? ` of ${u.doc}` : ''} contains "${u.snippet}"`);
      out(ctx, options.json ? formatEvalJson(file, report) : formatEvalText(file, report));
    });
}
