import type { AnswerDocument, Citation, Passage } from '../model.js';
import { type CheckProblem, problem } from './codes.js';

/** The corpus as the citation rule needs it: passages by id, and their line ranges by document. */
export interface CorpusIndex {
  passages: ReadonlyMap<string, Pick<Passage, 'id' | 'doc' | 'lines'>>;
  lines: ReadonlyMap<string, ReadonlyArray<[number, number]>>;
}

/** What the citation rule asks of the corpus: is there such a passage, which lines do a document's passages cover. */
export interface CitationLookup {
  hasPassage(id: string): boolean;
  /** The line ranges of a document's passages; undefined when the corpus has no such document. */
  ranges(doc: string): ReadonlyArray<[number, number]> | undefined;
}

export interface CitationsInput {
  answer: AnswerDocument;
  answerFile: string;
  /** The answer file's text, to point at the citation itself rather than at its section. */
  text: string;
  corpus: CitationLookup;
}

/** A lookup over an index built in memory. */
export function lookupOf(index: CorpusIndex): CitationLookup {
  return { hasPassage: (id) => index.passages.has(id), ranges: (doc) => index.lines.get(doc) };
}

/** Build the index from the passages of `loadCorpus`. */
export function corpusIndex(passages: Iterable<Pick<Passage, 'id' | 'doc' | 'lines'>>): CorpusIndex {
  const map = new Map<string, Pick<Passage, 'id' | 'doc' | 'lines'>>();
  const lines = new Map<string, Array<[number, number]>>();
  for (const p of passages) {
    map.set(p.id, p);
    const list = lines.get(p.doc) ?? [];
    list.push(p.lines);
    lines.set(p.doc, list);
  }
  return { passages: map, lines };
}

/**
 * `stale-citation` (warning): a source listed under an answer no longer resolves to a passage
 * of the corpus, because the policy document was edited, renamed or removed. Sources are
 * suggestions, not the answer, so this never fails a check. A citation with a passage id must
 * find that id; one without an id must find a passage of its document that overlaps its lines.
 */
export function checkCitations({ answer, answerFile, text, corpus }: CitationsInput): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const section of answer.answers) {
    let searchFrom = section.line ?? 1;
    for (const citation of section.sources) {
      if (resolves(citation, corpus)) continue;
      const line = findLine(text, searchFrom, citation);
      if (line !== null) searchFrom = line + 1;
      const what = citation.passage ? `passage ${citation.passage}` : `lines ${citation.lines ? citation.lines.join('–') : '?'}`;
      problems.push(
        problem(
          'stale-citation',
          'warning',
          `The source cited for question ${section.number} (${describeSource(citation)}, ${what}) is no longer in the corpus; check and re-link it.`,
          { file: answerFile, line: line ?? section.line, question: section.number },
        ),
      );
    }
  }
  return problems;
}

function resolves(citation: Citation, corpus: CitationLookup): boolean {
  if (citation.passage) return corpus.hasPassage(citation.passage);
  const ranges = corpus.ranges(citation.doc);
  if (!ranges) return false;
  if (!citation.lines) return true;
  const [a, b] = citation.lines;
  return ranges.some(([first, last]) => first <= b && last >= a);
}

function describeSource(citation: Citation): string {
  return [citation.doc, ...citation.heading].filter((part) => part !== '').join(' › ');
}

/**
 * The first line at or after `from` that names the citation's passage id, or its document. The
 * text is searched where it stands, not split into lines: half the answer documents of
 * bench/check.ts have a stale citation, and splitting each again was a copy of every line.
 */
function findLine(text: string, from: number, citation: Citation): number | null {
  const needle = citation.passage ? citation.passage : citation.doc;
  if (!needle) return null;
  let offset = 0;
  for (let line = 1; line < from; line++) {
    offset = text.indexOf('\n', offset) + 1;
    if (offset === 0) return null;
  }
  const at = text.indexOf(needle, offset);
  if (at === -1) return null;
  let line = Math.max(1, from);
  for (let nl = text.indexOf('\n', offset); nl !== -1 && nl < at; nl = text.indexOf('\n', nl + 1)) line++;
  return line;
}
