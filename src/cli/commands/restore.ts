import type { Command } from 'commander';
import { out, workspace, type CliContext } from '../context.js';
import { formatWrite } from '../formatters/writes.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('restore')
    .description('list the earlier versions of a file kept in .answer/backups/, or put one back')
    .argument('<file>', 'the file (or the id of a question document)')
    .argument('[version]', 'the version to put back: its number in the list (1 is the newest) or its file name')
    .action(async (file: string, version: string | undefined) => {
      const ws = await workspace(ctx);
      const report = await ws.restore(file, version);
      if (report.restored) {
        out(ctx, `${formatWrite(report.restored.write)} from ${report.restored.version}`);
        return;
      }
      if (report.versions.length === 0) {
        out(ctx, `${report.file}: no earlier versions kept`);
        return;
      }
      out(ctx, `${report.file}: ${report.versions.length} earlier ${report.versions.length === 1 ? 'version' : 'versions'}, newest first`);
      for (const v of report.versions) out(ctx, `  ${String(v.n).padStart(3)}  ${v.time}  ${v.file}`);
      out(ctx, `put one back with: answer restore ${file} <number>`);
    });
}
