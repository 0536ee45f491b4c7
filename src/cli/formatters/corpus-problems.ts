import type { Problem } from '../../index.js';
import { err, type CliContext } from '../context.js';

/** Problems with single corpus files (they were skipped), one line each on stderr. */
export function reportCorpusProblems(ctx: CliContext, problems: readonly Problem[]): void {
  for (const p of problems) {
    const where = p.file ? (p.line ? `${p.file}:${p.line}` : p.file) : 'corpus';
    err(ctx, `${where}  ${p.severity}: ${p.message}`);
  }
}
