import type { Command } from 'commander';
import { EXIT } from '../../index.js';
import { type CliContext, out, workspace } from '../context.js';
import { formatStatusJson } from '../formatters/json.js';
import { formatStatusText } from '../formatters/text.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description('list every question document with its deadline and progress, and the answer-time figures')
    .option('--json', 'print JSON for scripts')
    .option('--today <date>', 'the date days left are counted from, YYYY-MM-DD (default: today)')
    .addHelpText(
      'after',
      `
Days left is negative when a letter is overdue. Days to answer is the 'date' of a vastgesteld
answer minus the date the letter was received; an answer is late when that date is after the
deadline (after any uitstel). Record the adoption with: answer record <id> --vastgesteld DATE`,
    )
    .action(async (options: { json?: boolean; today?: string }) => {
      const ws = await workspace(ctx);
      const report = await ws.status({ today: options.today });
      out(ctx, options.json ? formatStatusJson(report) : formatStatusText(report));
      // A document status cannot read is listed with its problems, and the run says so by its exit code.
      ctx.exitCode = report.ok ? EXIT.ok : EXIT.problems;
    });
}
