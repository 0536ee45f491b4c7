// Part of `npm run build`: pack what compound splitting needs from the Dutch word list into
// dist/link/lexicon.pack, so that no `answer` process parses the 2.4 MB list (src/link/lexicon.ts).
import { writeLexiconPack } from '../dist/link/lexicon.js';

const file = writeLexiconPack();
console.log(`lexicon packed: ${file}`);
