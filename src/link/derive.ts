/**
 * Step 5 of Dutch analysis: link a nominalisation to its verb, so a question that asks about
 * "spreiden van voorzieningen" meets the policy text on "spreiding van het voorzieningenaanbod".
 * Council questions ask with verbs (verdelen, samenwerken, organiseren, financieren), policy
 * documents write the nouns (verdeling, samenwerking, organisatie, financiering); the snowball
 * stemmer leaves them apart (it strips -ing only where its R2 region allows: "behandeling" →
 * "behandel", but "spreiding" stays "spreiding").
 *
 * Two productive patterns of Dutch word formation (ANS §13), each only where the word list
 * confirms the verb:
 * - verb stem + -ing: "spreid-ing" → "spreiden", "beslissing" → "beslissen", "voorziening" →
 *   "voorzien" (an infinitive that is the stem + -n);
 * - -atie for a verb in -eren: "organisatie" → "organiseren", "informatie" → "informeren".
 * "leerling" (no verb "leerlen") and "relatie" (no "releren") are left alone.
 */
import { lexicon, lexiconLookup, type Lexicon, type LexiconLookup } from './lexicon.js';

/** Shortest base that is tried: "won-ing" is the shortest useful one. */
const MIN_BASE = 3;

function ingVerb(word: string, verbs: LexiconLookup): string | null {
  const base = word.endsWith('ingen') ? word.slice(0, -5) : word.endsWith('ing') ? word.slice(0, -3) : null;
  if (base === null || base.length < MIN_BASE) return null;
  if (verbs.verb(`${base}en`)) return `${base}en`;
  if (base.endsWith('n') && verbs.verb(base)) return base;
  return null;
}

function atieVerb(word: string, verbs: LexiconLookup): string | null {
  const base = word.endsWith('aties') ? word.slice(0, -5) : word.endsWith('atie') ? word.slice(0, -4) : null;
  if (base === null || base.length < MIN_BASE) return null;
  return verbs.verb(`${base}eren`) ? `${base}eren` : null;
}

/**
 * The verb (infinitive) a folded noun is the nominalisation of, or null: "spreiding" →
 * "spreiden", "organisaties" → "organiseren".
 */
export function nominalizedVerb(word: string, lex: Lexicon = lexicon()): string | null {
  // Not remembered here: analysis asks once per distinct word and keeps the word's terms
  // (analyze.ts); a table of its own held the corpus's words a second time (splitCompound).
  return derive(word, lex);
}

function derive(word: string, lex: Lexicon): string | null {
  const look = lexiconLookup(lex);
  if (!look.hasVerbs) return null;
  return ingVerb(word, look) ?? atieVerb(word, look);
}
