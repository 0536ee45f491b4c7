import { Command, CommanderError } from 'commander';
import { EXIT, formatErrorLine, isUserError } from '../errors.js';
import { commands } from './commands/index.js';
import type { CliContext, CliOptions } from './context.js';

export type { CliOptions } from './context.js';

const EXIT_HELP = `
Exit codes:
  ${EXIT.ok}  ok
  ${EXIT.problems}  the check found problems
  ${EXIT.usage}  usage or input error`;

/**
 * Parse the command line, run the command, return the exit code. Never throws for a user
 * mistake: those become one line on stderr and exit code 2.
 */
export async function runCli(options: CliOptions): Promise<number> {
  const env = options.env ?? {};
  const ctx: CliContext = {
    stdout: options.stdout,
    stderr: options.stderr,
    stdin: options.stdin,
    cwd: options.cwd,
    env,
    exitCode: EXIT.ok,
    color: !env.NO_COLOR && Boolean((options.stderr as { isTTY?: boolean }).isTTY),
  };
  const program = new Command('answer')
    .description('Parse council questions, link them to policy, draft and check the answers.')
    .version(await packageVersion(), '-V, --version')
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError('(run answer --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => options.stdout.write(s),
      writeErr: (s) => options.stderr.write(s),
    });
  // The first word that is not an option names the command; only its module is loaded.
  const named = commands.filter(([name]) => name === options.argv.find((a) => !a.startsWith('-')));
  for (const [, load] of named.length > 0 ? named : commands) {
    const mod = await load();
    mod.register(program, ctx);
  }
  for (const sub of program.commands) {
    sub.exitOverride();
    sub.configureOutput({
      writeOut: (s) => options.stdout.write(s),
      writeErr: (s) => options.stderr.write(s),
    });
  }
  try {
    await program.parseAsync(options.argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    if (isUserError(error)) {
      options.stderr.write(`${formatErrorLine(error)}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    options.stderr.write(`answer: internal error: ${message}\n`);
    if (env.ANSWER_DEBUG && error instanceof Error && error.stack) options.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
}

async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const url = new URL('../../package.json', import.meta.url);
  try {
    return (JSON.parse(await readFile(url, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
