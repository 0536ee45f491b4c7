/**
 * The frame of a council question: the words that address the college rather than name the
 * topic. "Deelt het college de opvatting van D66 dat de draaglast ... toeneemt?" is about the
 * draaglast; "deelt" and "opvatting" are how every such question begins, and because policy
 * documents rarely say "deelt" or "opvatting", a ranker would take them for rare, telling words.
 *
 * The frame is found by Dutch question syntax, not by a list of questions:
 * - the finite verb stands right before its subject in a question (inversion): "Deelt het
 *   college", "Welke pogingen onderneemt het college", "Welke maatregelen hoopt het college";
 *   when the subject is the addressee (het college, u, de burgemeester, de wethouder) and the
 *   verb one of opinion, perception or intent (FRAME_VERBS), that verb is frame. Other verbs
 *   there carry the question ("Voert het college gesprekken", "Hoe verklaart het college dit");
 * - the object of an opinion verb, between the addressee and "dat": "de opvatting (van D66)
 *   dat", "de mening dat", "de zorgen van bewoners dat";
 * - the predicate of the addressee as "bekend met", "bereid", "voornemens", "van mening",
 *   "het eens", "op de hoogte", and those of knowing: "inzichtelijk", "in beeld", "zicht op",
 *   "inzicht in" ("Heeft het college inzichtelijk hoeveel ouderen ..."). Left as topic words they
 *   found passages that say "inzicht geven" (real question 20; no gold figure moved).
 * - the addressee itself after such a verb ("kan de wethouder aangeven ..."): the one asked is not
 *   what is asked about.
 * Frame words keep a small weight (query.ts), as framing words do.
 */
import type { Token } from './tokenize.js';

/** The addressee of a council question, as folded word sequences. */
const ADDRESSEES = [['het', 'college'], ['college'], ['u'], ['de', 'burgemeester'], ['de', 'wethouder'], ['de', 'wethouders']];

/**
 * Verbs of opinion, perception and intent that address the college in a question (finite forms
 * as they stand before "het college"/"u"); modal and auxiliary verbs (is, kan, wil, gaat, heeft)
 * are stopwords already.
 */
const FRAME_VERBS = new Set([
  'deelt', 'deel', 'delen', 'ziet', 'zien', 'hoopt', 'verwacht', 'verwachten', 'vindt', 'vinden', 'denkt', 'acht', 'kijkt',
  'staat', 'overweegt', 'erkent', 'onderschrijft', 'beschouwt', 'meent', 'onderneemt', 'beoordeelt', 'waardeert', 'weet',
  'herkent', 'bent', 'ben',
]);

/** The question words that open a question phrase ("welke rol", "hoe"). */
const WH_WORDS = /^(?:wat|welke?|wie|waar\w*|wanneer|hoe|hoeveel|waarom)$/;

/** The nouns of ADDRESSEES that are not framing words already. */
const ADDRESSEE_NOUNS = new Set(['burgemeester', 'wethouder', 'wethouders']);

/** Question words: they come before the verb, never are it. */
const QUESTION_WORDS = new Set(['wat', 'welke', 'welk', 'wie', 'waar', 'wanneer', 'hoe', 'hoeveel', 'waarom', 'waarop', 'waarmee', 'waarover', 'waardoor', 'waarvoor', 'en', 'of', 'zo', 'ja', 'nee', 'indien']);

/** Predicates that say how the addressee stands, right after it. */
const PREDICATES = new Set(['bekend', 'bereid', 'voornemens', 'mening', 'eens', 'hoogte', 'inzichtelijk', 'inzicht', 'zicht', 'beeld', 'ermee', 'daarmee', 'op', 'van', 'in', 'het', 'de']);
const PREDICATE_HEADS = new Set(['bekend', 'bereid', 'voornemens', 'mening', 'eens', 'hoogte', 'inzichtelijk', 'inzicht', 'zicht', 'beeld']);

/** Conjunctions that open the content clause after an opinion noun. */
const CLAUSE_OPENERS = new Set(['dat', 'om', 'over', 'ten', 'met', 'inzake', 'omtrent']);

function addresseeAt(tokens: readonly Token[], i: number): number {
  for (const form of ADDRESSEES) {
    if (form.every((w, k) => tokens[i + k]?.norm === w)) return form.length;
  }
  return 0;
}

/**
 * Positions (indexes into `tokens`) of the frame words of a question text. The text may hold
 * several sentences; each addressee found gives its own frame.
 */
export function frameTokens(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < tokens.length; i++) {
    const length = addresseeAt(tokens, i);
    if (length === 0) continue;
    const verb = tokens[i - 1]!;
    // "het" before "college" is the article of the longer addressee, matched one token earlier.
    if (verb.kind !== 'word' || QUESTION_WORDS.has(verb.norm) || verb.norm === 'het' || verb.norm === 'de') continue;
    // The addressee itself, asked directly ("kan de wethouder aangeven", "hoe kijkt de burgemeester
    // aan tegen"), is not the topic; after a question phrase with another verb it may be ("welke rol
    // heeft de wethouder"). "college" weighs little as a framing word already. (Real n 9:
    // "wethouder" weighed fully; MRR 0.499 → 0.500.)
    const asked = FRAME_VERBS.has(verb.norm) || ![tokens[i - 2], tokens[i - 3]].some((t) => t && WH_WORDS.test(t.norm));
    if (asked) for (let k = i; k < i + length; k++) if (ADDRESSEE_NOUNS.has(tokens[k]!.norm)) out.add(k);
    if (FRAME_VERBS.has(verb.norm)) {
      out.add(i - 1);
      // "Welke maatregelen hoopt het college", "Welke pogingen onderneemt het college": the noun
      // that the question word asks for names the kind of answer wanted, not its topic.
      if (i >= 3 && (tokens[i - 3]!.norm === 'welke' || tokens[i - 3]!.norm === 'welk') && tokens[i - 2]!.kind === 'word') out.add(i - 2);
    }
    const j = i + length;
    // "... het college bekend met", "... het college van mening dat", "... het college het eens".
    let k = j;
    while (k < tokens.length && k < j + 3 && PREDICATES.has(tokens[k]!.norm)) {
      if (PREDICATE_HEADS.has(tokens[k]!.norm)) out.add(k);
      k++;
    }
    // "... het college de opvatting (van D66) dat": an article, one noun, an optional "van" +
    // up to three words (whose opinion: left as they are), then the clause opener.
    if (tokens[j]?.norm === 'de' || tokens[j]?.norm === 'het') {
      const noun = j + 1;
      let after = noun + 1;
      if (tokens[after]?.norm === 'van') {
        let end = after + 1;
        while (end < tokens.length && end <= after + 3 && !CLAUSE_OPENERS.has(tokens[end]!.norm)) end++;
        if (CLAUSE_OPENERS.has(tokens[end]?.norm ?? '')) after = end;
      }
      if (noun < tokens.length && CLAUSE_OPENERS.has(tokens[after]?.norm ?? '')) out.add(noun);
    }
  }
  return out;
}
