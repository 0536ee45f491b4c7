/**
 * The `answer` command line: parse flags, call the library, format the result, return the exit
 * code. Only the command being run is loaded (see `commands.ts`); this module itself needs only
 * commander and the error types, so `answer --help` starts about as fast as node does.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, formatErrorLine, isUserError } from '../errors.js';
import { COMMANDS, commandName } from './commands.js';
import type { CliContext, CliOptions } from './context.js';
import { createProgress } from './progress.js';
import { terminalSafe } from './terminal.js';

export type { CliOptions } from './context.js';

const EXIT_HELP = `
Exit codes:
  ${EXIT.ok}  ok
  ${EXIT.problems}  the check found problems
  ${EXIT.usage}  usage or input error

Run a command from the workspace folder (the one with answer.config.json) or any folder in it;
answer init makes one. --quiet (-q) anywhere on the line hides the progress line.`;

/** `--quiet`/`-q` is accepted anywhere before `--`: a flag for the whole run, not for one command. */
function takeQuiet(argv: string[]): { argv: string[]; quiet: boolean } {
  const end = argv.indexOf('--');
  const head = end === -1 ? argv : argv.slice(0, end);
  const rest = end === -1 ? [] : argv.slice(end);
  const kept = head.filter((arg) => arg !== '--quiet' && arg !== '-q');
  return { argv: [...kept, ...rest], quiet: kept.length !== head.length };
}

/**
 * Parse the command line, run the command, return the exit code. Never throws for a user
 * mistake: those become one line on stderr and exit code 2.
 */
export async function runCli(options: CliOptions): Promise<number> {
  const env = options.env ?? {};
  const { argv, quiet } = takeQuiet(options.argv);
  const isTty = Boolean((options.stderr as { isTTY?: boolean }).isTTY);
  const ctx: CliContext = {
    stdout: options.stdout,
    stderr: options.stderr,
    stdin: options.stdin,
    cwd: options.cwd,
    env,
    exitCode: EXIT.ok,
    color: !env.NO_COLOR && isTty,
    progress: createProgress(options.stderr, isTty && !quiet && !env.CI),
  };
  // Commander echoes what was typed (an unknown option, a bad argument): made safe as all output is.
  const output = { writeOut: (s: string) => options.stdout.write(terminalSafe(s)), writeErr: (s: string) => options.stderr.write(terminalSafe(s)) };
  const program = new Command('answer')
    .description('Parse council questions, link them to policy, draft and check the answers.')
    .version(await packageVersion(), '-V, --version')
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError('(run answer --help for usage)')
    .exitOverride()
    .configureOutput(output);
  const name = commandName(argv);
  for (const entry of COMMANDS) {
    if (entry.usage.split(' ')[0] === name) (await entry.load()).register(program, ctx);
    else program.command(entry.usage).description(entry.description);
  }
  for (const sub of program.commands) {
    sub.exitOverride();
    sub.configureOutput(output);
    for (const nested of sub.commands) nested.exitOverride().configureOutput(output);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    ctx.progress.stop();
    if (isUserError(error)) {
      options.stderr.write(`${terminalSafe(formatErrorLine(error))}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    options.stderr.write(`answer: internal error: ${terminalSafe(message)}\n`);
    if (env.ANSWER_DEBUG && error instanceof Error && error.stack) options.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  } finally {
    ctx.progress.stop();
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
