import type { EvalReport, LinkResult, LinkedPassage } from '../../index.js';
import { jsonSafe } from '../terminal.js';

/** One passage in the contract's key order: id, doc, file, heading, lines, score, matched, text (extras after). */
function passageJson(p: LinkedPassage) {
  return {
    id: p.id,
    doc: p.doc,
    file: p.file,
    heading: p.heading,
    lines: p.lines,
    score: p.score,
    matched: p.matched,
    text: p.text,
    title: p.title,
    kind: p.kind,
    context: p.context,
    synonyms: p.synonyms ?? [],
  };
}

/**
 * `answer link --json`: `{"id", "questions": [{"number", "passages": [{"id", "doc", "file",
 * "heading", "lines", "score", "matched", "text"}]}]}`, plus the question text, whether it
 * borrowed the words of the question before, and per passage its title, kind, the context
 * words that matched and the phrases of the synonym list through which it matched.
 */
export function formatLinkJson(result: LinkResult): string {
  const data = {
    id: result.id,
    questions: result.questions.map((q) => ({ number: q.number, passages: q.passages.map(passageJson), text: q.text, borrowed: q.borrowed })),
  };
  return `${jsonSafe(JSON.stringify(data, null, 2))}\n`;
}

/** `answer search --json`: `{"query", "passages": [...]}` with passages as in `answer link --json`. */
export function formatSearchJson(query: string, passages: readonly LinkedPassage[]): string {
  return `${jsonSafe(JSON.stringify({ query, passages: passages.map(passageJson) }, null, 2))}\n`;
}

/**
 * `answer eval --json`: `{"file", "questions", "metrics": {"hit@1", "hit@5", "recall@5",
 * "recall@10", "MRR", "nDCG@10"}, "perQuestion": [...], "unreachable": [...]}`.
 */
export function formatEvalJson(file: string, report: EvalReport): string {
  const m = report.metrics;
  const data = {
    file,
    questions: report.questions,
    metrics: { 'hit@1': m.hit1, 'hit@5': m.hit5, 'recall@5': m.recall5, 'recall@10': m.recall10, MRR: m.mrr, 'nDCG@10': m.ndcg10 },
    perQuestion: report.perQuestion.map((q) => ({
      n: q.n,
      gold: q.gold,
      firstRelevant: q.firstRelevant,
      'hit@1': q.hit1,
      'hit@5': q.hit5,
      'recall@5': q.recall5,
      'recall@10': q.recall10,
      MRR: q.mrr,
      'nDCG@10': q.ndcg10,
    })),
    unreachable: report.unreachable,
  };
  return `${jsonSafe(JSON.stringify(data, null, 2))}\n`;
}
