import type { Command } from 'commander';
import type { AddPolicyOptions } from '../../index.js';
import { err, out, workspace, type CliContext } from '../context.js';
import { formatWrite } from '../formatters/writes.js';


export function register(program: Command, ctx: CliContext): void {
  const corpus = program.command('corpus').description('manage the policy corpus (corpus/*.md)');
  corpus
    .command('add')
    .description('convert policy documents (PDF, DOCX, ODT, RTF, HTML, text, markdown) into corpus/<slug>.md')
    .argument('<file...>', 'the policy documents')
    .option('--dir <folder>', 'corpus folder in the workspace (default: the first corpus folder in answer.config.json)')
    .option('--force', 'replace an existing corpus file (the old version is backed up)')
    .option('--title <title>', 'document title (one file only); default: the title in the document, else the file name')
    .option('--date <date>', 'date as YYYY, YYYY-MM or YYYY-MM-DD (one file only); default: a year in the title')
    .option('--source <source>', 'where the document came from, e.g. a URL (one file only); default: the file name')
    .option('--kind <kind>', 'kind of document, e.g. beleidsnota or agenda')
    .action(async (files: string[], options: AddPolicyOptions) => {
      const ws = await workspace(ctx);
      const report = await ws.addPolicy(files, options);
      for (const added of report.added) {
        out(ctx, added.write.file);
        const removed = added.removed.length ? `, ${added.removed.length} line(s) of page furniture dropped` : '';
        err(ctx, `${added.source}: "${added.title}"${added.date ? ` (${added.date})` : ''}${removed}`);
        if (added.write.action !== 'created') err(ctx, formatWrite(added.write));
        for (const p of added.problems) err(ctx, `${p.file ?? added.source}${p.line ? `:${p.line}` : ''}  ${p.severity}  ${p.message}  (${p.code})`);
      }
    });
}
