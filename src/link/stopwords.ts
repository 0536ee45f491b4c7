/**
 * Step 2 of Dutch analysis: words that carry no topic.
 *
 * The base list is stopwords-iso `nl` (413 words). A few of its words carry topic in policy
 * text and are kept as terms (see KEPT). Separately, some words frame almost every council
 * question ("het college", "bereid", "indien") without saying what it is about: those are
 * framing words (framing-words.ts, measured), kept in the index but weighted down in a query.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { foldWord } from './tokenize.js';

const require = createRequire(import.meta.url);

/**
 * Words of stopwords-iso `nl` that name a topic in policy documents and so stay searchable:
 * "samen" (samen optrekken), "eigen" (eigen kracht, eigen regie), "gewoon" ("het gewone
 * leven", a policy line of the Koers Sociaal Domein), "onzeker" (bestaansonzekerheid).
 */
const KEPT = new Set(['samen', 'eigen', 'gewoon', 'onzeker']);

/**
 * Pronominal adverbs ("ervoor", "daarbij", "hierover", "waarmee"): function words like the
 * prepositions they are made of, but stopwords-iso lists only a few ("daarin", "hierin").
 */
const PRONOMINAL_ADVERBS = ['er', 'daar', 'hier', 'waar'].flatMap((head) =>
  ['aan', 'achter', 'bij', 'binnen', 'boven', 'buiten', 'door', 'heen', 'in', 'langs', 'mee', 'na', 'naar', 'naast', 'om',
    'omheen', 'onder', 'op', 'over', 'tegen', 'toe', 'tussen', 'uit', 'van', 'vandaan', 'voor', 'zonder', 'af'].map((p) => head + p),
);

/**
 * Light verbs in all their forms: they carry tense and aspect, not topic ("Op welke manier gaat
 * de gemeente ...", "Hoe houdt de gemeente zicht op ..."); stopwords-iso has only some forms of
 * a few of them (nemen, neem; doen, kunnen, worden in full).
 */
const LIGHT_VERBS = [
  'gaan', 'ga', 'gaat', 'ging', 'gingen', 'gegaan',
  'komen', 'kom', 'komt', 'kwam', 'kwamen', 'gekomen',
  'staan', 'sta', 'staat', 'stond', 'stonden', 'gestaan',
  'zien', 'zie', 'ziet', 'zag', 'zagen', 'gezien',
  'geven', 'geef', 'geeft', 'gaf', 'gaven', 'gegeven',
  'krijgen', 'krijg', 'krijgt', 'kreeg', 'kregen', 'gekregen',
  'houden', 'houd', 'houdt', 'hield', 'hielden', 'gehouden',
  'laten', 'laat', 'liet', 'lieten', 'gelaten',
  'blijven', 'blijf', 'blijft', 'bleef', 'bleven', 'gebleven',
  'liggen', 'lig', 'ligt', 'lag', 'lagen', 'gelegen',
  'nemen', 'neem', 'neemt', 'nam', 'genomen',
];

let stopwords: Set<string> | null = null;

/** stopwords-iso's Dutch list, as the build ships it beside this module (writeStopwordPack). */
// '../link/': this folder as seen from dist/link/ and from the command line's bundle in dist/bundle/ alike.
const PACK_FILE = new URL('../link/stopwords-nl.json', import.meta.url);

/**
 * stopwords-iso's `nl` list: from the build's copy, else from the package's file of every language
 * (207 KB of JSON parsed for 413 words: 5-7 ms of every process).
 */
function dutchList(): string[] {
  try {
    const list = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as unknown;
    if (Array.isArray(list) && list.every((w) => typeof w === 'string')) return list as string[];
  } catch {
    // No pack (running from src/): the package itself.
  }
  return (require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>).nl ?? [];
}

/** Write stopwords-iso's Dutch list beside the compiled module (the build does this: scripts/pack-data.mjs). */
export function writeStopwordPack(): string {
  writeFileSync(PACK_FILE, JSON.stringify((require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>).nl ?? []));
  return fileURLToPath(PACK_FILE);
}

/** The stopword set (folded forms), loaded once. */
export function stopwordSet(): Set<string> {
  if (stopwords) return stopwords;
  stopwords = new Set(dutchList().map(foldWord).filter((w) => !KEPT.has(w)));
  for (const w of PRONOMINAL_ADVERBS) stopwords.add(w);
  // Separable verb particles missing from stopwords-iso ("mee te werken", "terug te dringen").
  for (const w of ['mee', 'terug', 'neer']) stopwords.add(w);
  for (const w of LIGHT_VERBS) stopwords.add(w);
  // Letters of the alphabet and list labels ("a.", "o") are never topics.
  for (const c of 'abcdefghijklmnopqrstuvwxyz') stopwords.add(c);
  return stopwords;
}

/** Whether a folded word is a stopword. */
export function isStopword(norm: string): boolean {
  return stopwordSet().has(norm);
}
