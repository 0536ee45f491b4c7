import { type Command, Option } from 'commander';
import { checkProblemsTable, EXIT } from '../../index.js';
import { type CliContext, out, workspace } from '../context.js';
import { formatCheckGithub } from '../formatters/github.js';
import { formatCheckJson } from '../formatters/json.js';
import { formatCheckJunit } from '../formatters/junit.js';
import { formatCheckText } from '../formatters/text.js';

const FORMATTERS = { text: formatCheckText, json: formatCheckJson, github: formatCheckGithub, junit: formatCheckJunit };

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
      out(ctx, FORMATTERS[options.format](report));
      ctx.exitCode = report.ok ? EXIT.ok : EXIT.problems;
    });
}
