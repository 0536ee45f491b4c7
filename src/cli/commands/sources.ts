import { citationOf, linkQuestionDocument, type AnswerConfig, type Citation, type QuestionDocument } from '../../index.js';
import type { CliContext } from '../context.js';
import { openWorkspaceIndex, reportCorpusProblems, workspaceSynonyms } from './link-index.js';

/**
 * The linker's suggestions for each question, as citations for the draft. Sources are a help,
 * never required: without a corpus the draft goes on without them and says why. A question
 * document's own answer is never offered (the linker leaves it out).
 */
export async function suggestSources(
  ctx: CliContext,
  config: AnswerConfig,
  letter: QuestionDocument,
  top: number,
): Promise<{ sources: Map<number, Citation[]>; notice: string | null }> {
  const sources = new Map<number, Citation[]>();
  const { store, corpus } = await openWorkspaceIndex(ctx, config);
  if ((await store.stats()).passages === 0) {
    return { sources, notice: `no passages in ${config.corpus.join(', ')}/: the draft has no suggested sources (add policy documents with answer corpus add <file>)` };
  }
  reportCorpusProblems(ctx, corpus.problems);
  const linked = await linkQuestionDocument(store, letter, { top, query: { synonyms: await workspaceSynonyms(ctx, config) } });
  for (const question of linked.questions) sources.set(question.number, question.passages.map((p) => citationOf(p)));
  return { sources, notice: null };
}
