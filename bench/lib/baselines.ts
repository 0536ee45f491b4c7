/**
 * The baselines `answer link` is measured against (bench and eval only, never shipped):
 * - MiniSearch 7 with a Dutch snowball stemmer and the stopwords-iso Dutch list in its
 *   processTerm, the passage text, heading path and title as fields, default BM25 and options:
 *   what a developer would set up in an afternoon;
 * - a grep: rank passages by how many of the query's words (stopwords left out) they contain,
 *   case-insensitively, as substrings; ties in corpus order.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { stemmer } from '@orama/stemmers/dutch';
import MiniSearch from 'minisearch';
import type { Passage } from '../../src/index.js';

const require = createRequire(import.meta.url);
const STOPWORDS = new Set((require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>).nl);

interface Doc {
  id: number;
  text: string;
  heading: string;
  title: string;
}

/** MiniSearch over the passages; `search` returns passages best first. */
export function buildMiniSearch(passages: readonly Passage[]): { search(query: string, top?: number): Passage[] } {
  const index = new MiniSearch<Doc>({
    fields: ['text', 'heading', 'title'],
    idField: 'id',
    processTerm: (term) => {
      const t = term.toLowerCase();
      if (STOPWORDS.has(t)) return null;
      return stemmer(t);
    },
  });
  index.addAll(passages.map((p, id) => ({ id, text: p.text, heading: p.heading.join(' '), title: p.title })));
  return {
    search(query: string, top = 10) {
      return index
        .search(query)
        .slice(0, top)
        .map((r) => passages[r.id as number]!);
    },
  };
}

/** The words a grep user would type for a query: no stopwords, no punctuation. */
export function grepWords(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length > 1 && !STOPWORDS.has(w)))];
}

/** Rank by the number of query words present. */
export function buildGrep(passages: readonly Passage[]): { search(query: string, top?: number): Passage[] } {
  const lower = passages.map((p) => `${p.text}\n${p.heading.join(' ')}`.toLowerCase());
  return {
    search(query: string, top = 10) {
      const words = grepWords(query);
      const scored: Array<[number, number]> = [];
      lower.forEach((text, i) => {
        let n = 0;
        for (const w of words) if (text.includes(w)) n++;
        if (n > 0) scored.push([i, n]);
      });
      scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      return scored.slice(0, top).map(([i]) => passages[i]!);
    },
  };
}

/**
 * The corpus markdown files of a workspace cut at blank lines, front matter left out: the
 * "paragraphs" the real-question set's first baselines were measured on (its README). Headings are
 * paragraphs too, as a blank-line split leaves them.
 */
export async function blankLineParagraphs(workspace: string, folder = 'corpus'): Promise<Passage[]> {
  const out: Passage[] = [];
  for (const name of (await readdir(`${workspace}/${folder}`)).filter((f) => f.endsWith('.md')).sort()) {
    const text = (await readFile(`${workspace}/${folder}/${name}`, 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '');
    const doc = name.replace(/\.md$/, '');
    for (const paragraph of text.split(/\n\s*\n/)) {
      if (!paragraph.trim()) continue;
      out.push({ id: `${doc}#${out.length}`, doc, file: `${folder}/${name}`, title: '', heading: [], lines: [0, 0], text: paragraph, kind: 'policy' });
    }
  }
  return out;
}
