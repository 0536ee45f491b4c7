import { resolve } from 'node:path';
import type { Command } from 'commander';
import { initWorkspace } from '../../workspace/init.js';
import { err, out, type CliContext } from '../context.js';
import { formatWrite } from '../formatters/writes.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('make a workspace: answer.config.json, questions/, answers/, corpus/, .gitignore and a CI workflow')
    .argument('[dir]', 'the folder (default: the current folder; made when missing)', '.')
    .option('--municipality <name>', 'the municipality, as the memo signs ("Burgemeester en wethouders van …")')
    .action(async (dir: string, options: { municipality?: string }) => {
      const report = await initWorkspace({ dir: resolve(ctx.cwd, dir), municipality: options.municipality });
      for (const folder of report.folders) out(ctx, `made ${folder}/`);
      for (const write of report.writes) out(ctx, formatWrite(write));
      if (report.enclosing) err(ctx, `note: this workspace is inside another one (${report.enclosing}); commands run here use the new one`);
      out(ctx, 'next: answer import <letter>, answer corpus add <policy document>, answer draft <id>');
    });
}
