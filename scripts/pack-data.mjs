// Part of `npm run build`: what every `answer` process would otherwise make again from the same
// input, made once and shipped in dist/link/: the word list's compounding facts (lexicon.pack and
// its hash tables lexicon.table, src/link/lexicon.ts), the analysed default synonym list
// (synonyms.pack.json, src/link/synonyms.ts), stopwords-iso's Dutch list (stopwords-nl.json,
// src/link/stopwords.ts) and the analysis of the word list's forms (words.pack,
// src/link/word-pack.ts; made last, by the analysis that reads the packs before it). All but the
// stopwords are used only when made from the installed word list and this code; a process without
// them makes what it needs as before.
import { writeWordPack } from '../dist/link/analyze.js';
import { writeLexiconPack } from '../dist/link/lexicon.js';
import { writeStopwordPack } from '../dist/link/stopwords.js';
import { writeSynonymPack } from '../dist/link/synonyms.js';

console.log(`packed: ${writeLexiconPack()}`);
console.log(`packed: ${writeStopwordPack()}`);
console.log(`packed: ${writeSynonymPack()}`);
console.log(`packed: ${writeWordPack()}`);
