import { citationOf, linkQuestionDocument, readIndex, type AnswerConfig, type Citation, type IndexStore, type QuestionDocument } from '../../index.js';
import type { CliContext } from '../context.js';

/**
 * The linker's suggestions for each question, as citations for the draft. Sources are a help,
 * never required: when there is no index the draft goes on without them and says why.
 */
export async function suggestSources(
  ctx: CliContext,
  _config: AnswerConfig,
  letter: QuestionDocument,
  top: number,
): Promise<{ sources: Map<number, Citation[]>; notice: string | null }> {
  const sources = new Map<number, Citation[]>();
  const store: IndexStore | null = await readIndex(ctx.cwd);
  if (store === null) {
    return { sources, notice: 'no corpus index in .answer/ yet: the draft has no suggested sources (run answer link once to build it)' };
  }
  const linked = await linkQuestionDocument(store, letter, { top });
  for (const question of linked.questions) sources.set(question.number, question.passages.map((p) => citationOf(p)));
  return { sources, notice: null };
}
