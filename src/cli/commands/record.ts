import type { Command } from 'commander';
import type { RecordChanges } from '../../index.js';
import { err, out, workspace, type CliContext } from '../context.js';
import { formatWrite } from '../formatters/writes.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('record')
    .description('record the received date, an uitstel, the adoption (vastgesteld) or the kind of a letter')
    .argument('<letter>', 'the question document: its id (as answer status prints it) or its file')
    .option('--received <YYYY-MM-DD>', 'the date the griffie received the letter; the deadline counts from it')
    .option('--uitstel-until <YYYY-MM-DD>', 'an uitstel (postponement): the new deadline; give --reason too')
    .option('--reason <text>', 'why the answer is postponed')
    .option('--notice <YYYY-MM-DD>', 'the date the council was told of the uitstel')
    .option('--vastgesteld <YYYY-MM-DD>', 'the date the college adopted the answer: the answer document becomes vastgesteld')
    .option('--kind <kind>', 'the kind of question, as named in answer.config.json')
    .action(async (letter: string, options: RecordChanges) => {
      const ws = await workspace(ctx);
      const report = await ws.record(letter, options);
      const changed = report.writes.filter((w) => w.action !== 'unchanged').map((w) => w.file);
      out(ctx, changed.length === 0 ? `${report.writes.map((w) => w.file).join(', ')}: unchanged` : `${changed.join(', ')}: ${report.changes.join(', ')}`);
      for (const write of report.writes) if (write.backup) err(ctx, formatWrite(write));
    });
}
