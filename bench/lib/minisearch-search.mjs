// The baseline process of bench/cli.ts: what a developer would script in an afternoon to search a
// workspace with MiniSearch: read the files `answer search` reads (corpus/*.md and answers/*.md),
// cut them at blank lines, index the paragraphs with a Dutch stemmer and stopwords, search, print
// the top 10. No cache: every run builds.
// Usage: node bench/lib/minisearch-search.mjs <workspace> "<words>"
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { stemmer } from '@orama/stemmers/dutch';
import MiniSearch from 'minisearch';

const require = createRequire(import.meta.url);
const STOPWORDS = new Set(require('stopwords-iso/stopwords-iso.json').nl);
const [workspace, words] = process.argv.slice(2);
const docs = [];
for (const folder of ['corpus', 'answers'].map((f) => join(workspace, f))) {
  let names;
  try {
    names = readdirSync(folder).filter((f) => f.endsWith('.md')).sort();
  } catch {
    continue;
  }
  for (const name of names) {
    const text = readFileSync(join(folder, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const paragraph of text.split(/\n\s*\n/)) if (paragraph.trim()) docs.push({ id: docs.length, file: name, text: paragraph });
  }
}
const index = new MiniSearch({
  fields: ['text'],
  storeFields: ['file', 'text'],
  processTerm: (term) => {
    const t = term.toLowerCase();
    return STOPWORDS.has(t) ? null : stemmer(t);
  },
});
index.addAll(docs);
for (const r of index.search(words).slice(0, 10)) console.log(`${r.score.toFixed(2)}  ${r.file}  ${r.text.slice(0, 100).replace(/\s+/g, ' ')}`);
