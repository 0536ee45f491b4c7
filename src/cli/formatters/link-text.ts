import type { EvalReport, LinkResult, LinkedPassage } from '../../index.js';

/** Widest question text shown before the links; the full text is in `--json`. */
const QUESTION_WIDTH = 110;
/** Longest quote under a link: enough to judge it at a glance. */
const QUOTE_WIDTH = 180;

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}

function foldWordForQuote(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The sentence of a passage that holds the most matched words, clipped: a person judges a link
 * by the words that made it. In an earlier answer the question is quoted first ("> Deelt het
 * college ..."); on a tie the answer's own sentence is shown, as that is what would be cited.
 */
export function quote(text: string, matched: readonly string[]): string {
  const flat = collapse(text);
  const sentences = flat.split(/(?<=[.!?;:])\s+(?=[\p{Lu}\d•"“‘(>])/u);
  const words = matched.map(foldWordForQuote);
  let best = sentences[0] ?? flat;
  let bestHits = -1;
  for (const s of sentences) {
    const folded = foldWordForQuote(s);
    const hits = words.filter((w) => folded.includes(w)).length - (s.startsWith('>') ? 0.5 : 0);
    if (hits > bestHits) {
      best = s;
      bestHits = hits;
    }
  }
  const prefix = best === sentences[0] ? '' : '… ';
  return prefix + clip(best, QUOTE_WIDTH);
}

/** One ranked passage as three lines: rank, score and heading path; file and lines; quote. */
function passageLines(p: LinkedPassage, i: number): string[] {
  const matched = p.matched.length ? p.matched.join(', ') : '-';
  const context = p.context.length ? `  (context: ${p.context.slice(0, 6).join(', ')}${p.context.length > 6 ? ', …' : ''})` : '';
  const synonyms = p.synonyms?.length ? `  via synoniem: ${p.synonyms.slice(0, 3).join(', ')}${p.synonyms.length > 3 ? ', …' : ''}` : '';
  const heading = p.heading.length ? p.heading.join(' › ') : p.title;
  return [
    `  ${String(i + 1).padStart(2)}. ${p.score.toFixed(2).padStart(6)}  ${heading}`,
    `             ${p.file}:${p.lines[0]}-${p.lines[1]}  matched: ${matched}${synonyms}${context}`,
    `             "${quote(p.text, [...p.matched, ...(p.synonyms ?? []).flatMap((s) => s.split(' '))])}"`,
  ];
}

/** `answer link` for people: per question its text, then the top passages. */
export function formatLinkText(result: LinkResult): string {
  const lines: string[] = [];
  for (const q of result.questions) {
    lines.push(`Vraag ${q.number}: ${clip(collapse(q.text), QUESTION_WIDTH)}${q.borrowed ? '  [+ vraag ' + (q.number - 1) + ']' : ''}`);
    if (q.passages.length === 0) lines.push('  no passages found');
    q.passages.forEach((p, i) => lines.push(...passageLines(p, i)));
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `answer search` for people. */
export function formatSearchText(query: string, passages: readonly LinkedPassage[]): string {
  if (passages.length === 0) return `No passages match "${query}".\n`;
  return `${passages.flatMap((p, i) => passageLines(p, i)).join('\n')}\n`;
}

function pct(x: number): string {
  return x.toFixed(3);
}

/** `answer eval` for people: a row per question, the averages, and gold that cannot be found. */
export function formatEvalText(file: string, report: EvalReport): string {
  const lines = [`${file}: ${report.questions} question${report.questions === 1 ? '' : 's'} with gold passages`, ''];
  lines.push('   n  first  recall@10  nDCG@10');
  for (const q of report.perQuestion) {
    lines.push(
      `${String(q.n).padStart(4)}  ${(q.firstRelevant === null ? '-' : String(q.firstRelevant)).padStart(5)}  ${pct(q.recall10).padStart(9)}  ${pct(q.ndcg10).padStart(7)}`,
    );
  }
  const m = report.metrics;
  lines.push(
    '',
    `hit@1 ${pct(m.hit1)}  hit@5 ${pct(m.hit5)}  recall@5 ${pct(m.recall5)}  recall@10 ${pct(m.recall10)}  MRR ${pct(m.mrr)}  nDCG@10 ${pct(m.ndcg10)}`,
  );
  // A few dozen questions say less than their figures suggest: the interval says how much less.
  const { intervals: iv } = report;
  if (iv) {
    const range = (i: { low: number; high: number }) => `${pct(i.low)}–${pct(i.high)}`;
    lines.push(`95% interval (bootstrap over the ${iv.groups} ${iv.over}): hit@5 ${range(iv.hit5)}  recall@10 ${range(iv.recall10)}  MRR ${range(iv.mrr)}`);
  }
  return `${lines.join('\n')}\n`;
}
