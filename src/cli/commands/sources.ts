import { citationOf, linkQuestionDocument, loadCorpus, openIndex, type AnswerConfig, type Citation, type QuestionDocument } from '../../index.js';
import { err, type CliContext } from '../context.js';

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
  const corpus = await loadCorpus(ctx.cwd, { folders: config.corpus, answers: config.answers });
  if (corpus.passages.length === 0) {
    return { sources, notice: `no passages in ${config.corpus.join(', ')}/: the draft has no suggested sources (add policy documents with answer corpus add <file>)` };
  }
  for (const p of corpus.problems) {
    const where = p.file ? (p.line ? `${p.file}:${p.line}` : p.file) : 'corpus';
    err(ctx, `${where}  ${p.severity}: ${p.message}`);
  }
  const { store } = await openIndex(ctx.cwd, corpus);
  const linked = await linkQuestionDocument(store, letter, { top });
  for (const question of linked.questions) sources.set(question.number, question.passages.map((p) => citationOf(p)));
  return { sources, notice: null };
}
