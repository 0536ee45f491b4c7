import { type Command, Option } from 'commander';
// The names index.ts exports, imported from their own modules: index.ts also loads the letter
// parser and the readers, which the CI gate never needs (with them, `answer check` on a
// workspace of one letter took 2.4× node's own start; see bench/cli.ts).
import { checkProblemsTable } from '../../check/codes.js';
import { EXIT } from '../../errors.js';
import type { CheckReport } from '../../index.js';
import { type CliContext, out, workspace } from '../context.js';

/** The output formats, each loaded only when asked for. */
const FORMATTERS: Record<string, () => Promise<(report: CheckReport) => string>> = {
  text: async () => (await import('../formatters/text.js')).formatCheckText,
  json: async () => (await import('../formatters/json.js')).formatCheckJson,
  github: async () => (await import('../formatters/github.js')).formatCheckGithub,
  junit: async () => (await import('../formatters/junit.js')).formatCheckJunit,
};

const HELP = `
Problems (each has a stable code):
${checkProblemsTable('text')}

Exit codes:
  ${EXIT.ok}  no errors (warnings allowed)
  ${EXIT.problems}  errors found
  ${EXIT.usage}  the check could not run (bad arguments, no workspace, unreadable answer.config.json)

A check never writes anything. Run it in CI with --format github (annotations on the pull
request) or --format junit (any CI).`;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('check that every question document has a complete, current answer')
    .argument('[paths...]', 'question documents (files or ids), answer documents or folders to check (default: every question document)')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(FORMATTERS)).default('text'))
    .option('--today <date>', 'the date deadlines are measured against, YYYY-MM-DD (default: today)')
    .option('--strict', 'report overdue answers as errors, not warnings')
    .addHelpText('after', HELP)
    .action(async (paths: string[], options: { format: keyof typeof FORMATTERS; today?: string; strict?: boolean }) => {
      const ws = await workspace(ctx);
      const report = await ws.check({ paths, today: options.today, strict: options.strict ?? false });
      const format = await FORMATTERS[options.format]!();
      out(ctx, format(report));
      ctx.exitCode = report.ok ? EXIT.ok : EXIT.problems;
    });
}
