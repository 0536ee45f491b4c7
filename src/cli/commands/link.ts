import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { InputError } from '../../errors.js';
import { linkQuestionDocument } from '../../link/index.js';
import type { CliContext } from '../context.js';
import { out } from '../context.js';
import { formatLinkJson } from '../formatters/link-json.js';
import { formatLinkText } from '../formatters/link-text.js';
import { parseTop, searchableIndex, workspaceSynonyms } from './link-index.js';
import { loadFromArgument } from './parse.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('link')
    .description('link each question of a letter to the corpus passages that may answer it')
    .argument('<question-file>', 'a question document in questions/, or any letter that answer parse reads; - reads standard input')
    .option('--top <n>', 'passages per question (default: top in answer.config.json, 5)')
    .option('--json', 'print the links as JSON')
    .action(async (file: string, options: { top?: string; json?: boolean }) => {
      const config = await loadConfig(ctx.cwd);
      const top = parseTop(options.top, config.top);
      const display = file === '-' ? '<stdin>' : file;
      const doc = await loadFromArgument(file, ctx);
      if (doc.questions.length === 0) {
        throw new InputError('no questions found in this letter; check that it is a letter with questions to the college', { file: display });
      }
      const store = await searchableIndex(ctx, config);
      const result = await linkQuestionDocument(store, doc, { top, query: { synonyms: await workspaceSynonyms(ctx, config) } });
      out(ctx, options.json ? formatLinkJson(result) : formatLinkText(result));
    });
}
