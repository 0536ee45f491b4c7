/**
 * Step 6 of the conversion: join wrapped lines into running text, undoing line-end hyphenation.
 *
 * A line that ends in a hyphen is either a word broken for the line ("centrum-" + "gemeente"), a
 * compound whose hyphen belongs to it ("GGZ-" + "Veiligheidsoverleg", "ZonMW-" + "subsidie"), or a
 * shared first part ("zorg-" + "en veiligheid"). The document's own vocabulary decides where it
 * can: a form it uses elsewhere on one line wins.
 */

/** Conjunctions after which a line-end hyphen is a shared first part: "zorg- en veiligheid". */
const CONJUNCTIONS = new Set(['en', 'of', 'als', 'tot', 'noch', 'dan', 'maar', 't/m', 'c.q.', 'en/of']);
const HYPHENS = /[-\u2010\u2011]$/;
const SOFT_HYPHEN = '\u00ad';

/** Word counts of a document, to tell "sociaal-economisch" from "centrumgemeente". */
export class Vocabulary {
  private readonly counts = new Map<string, number>();

  constructor(texts: Iterable<string>) {
    for (const text of texts) {
      // Inner words only: a word at a line end may be a broken half.
      const tokens = text.split(/\s+/).slice(0, -1);
      for (const token of tokens) {
        const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
        if (word) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
      }
    }
  }

  count(word: string): number {
    return this.counts.get(word.toLowerCase()) ?? 0;
  }
}

const EMPTY = new Vocabulary([]);

/**
 * How two lines meet when the first ends in a hyphen: 'join' ("centrumgemeente"), 'keep' the hyphen
 * ("GGZ-Veiligheidsoverleg") or 'space' ("zorg- en").
 */
export function hyphenJoin(left: string, right: string, vocabulary: Vocabulary = EMPTY): 'join' | 'keep' | 'space' {
  const leftWord = /([\p{L}\p{N}]+)[-\u2010\u2011]$/u.exec(left)?.[1] ?? '';
  const rightWord = /^([\p{L}\p{N}]+)/u.exec(right)?.[1] ?? '';
  const rightToken = right.split(/\s+/)[0] ?? '';
  if (leftWord === '' || rightWord === '') return 'space';
  if (CONJUNCTIONS.has(rightToken.toLowerCase()) || CONJUNCTIONS.has(rightWord.toLowerCase())) return 'space';
  // A capital after the hyphen is part of a name or a compound with a name: "GGZ-Veiligheidsoverleg".
  if (/^\p{Lu}/u.test(rightWord)) return 'keep';
  // Acronyms and codes keep their hyphen: "ZonMW-subsidie", "G40-gemeenten", "SWT-medewerker".
  if (/\p{N}/u.test(leftWord) || /.\p{Lu}/u.test(leftWord)) return 'keep';
  const joined = vocabulary.count(leftWord + rightWord);
  const hyphenated = vocabulary.count(`${leftWord}-${rightWord}`);
  if (hyphenated > joined) return 'keep';
  if (joined > 0) return 'join';
  // Short capitalised names the document uses on their own keep the hyphen: "Wmo-loket", "Awbz-".
  if (/^\p{Lu}\p{Ll}{1,3}$/u.test(leftWord) && vocabulary.count(leftWord) > 0) return 'keep';
  return 'join';
}

/**
 * Join lines into one running text: single spaces between lines, line-end hyphenation undone.
 * A soft hyphen at a line end always joins.
 */
export function joinLines(lines: string[], vocabulary: Vocabulary = EMPTY): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (text === '') {
      text = line;
      continue;
    }
    if (text.endsWith(SOFT_HYPHEN)) {
      text = text.slice(0, -1) + line;
      continue;
    }
    if (HYPHENS.test(text) && /[\p{L}\p{N}][-\u2010\u2011]$/u.test(text)) {
      const how = hyphenJoin(text, line, vocabulary);
      if (how === 'join') text = text.slice(0, -1) + line;
      else if (how === 'keep') text += line;
      else text += ` ${line}`;
      continue;
    }
    text += ` ${line}`;
  }
  return text.replace(/\u00ad/g, '');
}
