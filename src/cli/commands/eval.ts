import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { evaluate, InputError, linkerRanker, loadConfig, parseGold } from '../../index.js';
import type { CliContext } from '../context.js';
import { err, out } from '../context.js';
import { formatEvalJson } from '../formatters/link-json.js';
import { formatEvalText } from '../formatters/link-text.js';
import { loadWorkspaceCorpus, workspaceSynonyms } from './link-index.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('eval')
    .description('measure answer link against a gold file: hit@1, hit@5, recall@5, recall@10, MRR, nDCG@10')
    .argument('<gold.json>', 'gold file: {"questions": [{"n", "q", "context", "gold": [{"doc", "snippet"}]}]}')
    .option('--json', 'print the figures as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      let text: string;
      try {
        text = await readFile(resolve(ctx.cwd, file), 'utf8');
      } catch (error) {
        throw new InputError(`cannot read the gold file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file });
      }
      const gold = parseGold(text, file);
      const { corpus, store } = await loadWorkspaceCorpus(ctx);
      const synonyms = await workspaceSynonyms(ctx, await loadConfig(ctx.cwd));
      const report = await evaluate(gold, linkerRanker(store, { query: { synonyms } }), corpus.passages);
      for (const u of report.unreachable) {
        err(ctx, `${file}  question ${u.n}: no passage${u.doc ? ` of ${u.doc}` : ''} contains "${u.snippet}"`);
      }
      out(ctx, options.json ? formatEvalJson(file, report) : formatEvalText(file, report));
    });
}
