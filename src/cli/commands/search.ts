import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { rank, refuseEmptySearch, searchTerms } from '../../link/index.js';
import type { CliContext } from '../context.js';
import { out } from '../context.js';
import { formatSearchJson } from '../formatters/link-json.js';
import { formatSearchText } from '../formatters/link-text.js';
import { parseTop, searchableIndex, workspaceSynonyms } from './link-index.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('search')
    .description('rank corpus passages for free words, as answer link does for a question')
    .argument('<words>', 'the words to search for, in quotes')
    .option('--top <n>', 'number of passages (default 10)')
    .option('--json', 'print the passages as JSON')
    .action(async (words: string, options: { top?: string; json?: boolean }) => {
      const top = parseTop(options.top, 10);
      // A query without words is refused before the corpus is read.
      refuseEmptySearch(words);
      const config = await loadConfig(ctx.cwd);
      const store = await searchableIndex(ctx, config);
      const passages = await rank(store, searchTerms(words, { synonyms: await workspaceSynonyms(ctx, config) }), { top });
      out(ctx, options.json ? formatSearchJson(words, passages) : formatSearchText(words, passages));
    });
}
