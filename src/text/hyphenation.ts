/**
 * Joining wrapped lines into running text, undoing line-end hyphenation: for letters (a question
 * wrapped over lines) and policy documents (step 6 of the conversion) alike.
 *
 * A line that ends in a hyphen is either a word broken for the line ("centrum-" + "gemeente"), a
 * compound whose hyphen belongs to it ("GGZ-" + "Veiligheidsoverleg", "ZonMW-" + "subsidie"), or a
 * shared first part ("zorg-" + "en veiligheid"). The document's own vocabulary decides where it
 * can: a form it uses elsewhere on one line wins.
 */

/** Conjunctions after which a line-end hyphen is a shared first part: "zorg- en veiligheid". */
const CONJUNCTIONS = new Set(['en', 'of', 'als', 'tot', 'noch', 'dan', 'maar', 't/m', 'c.q.', 'en/of', 'and']);
/** A web address: inside one a line end adds nothing, hyphen or not. */
const URL_TOKEN = /^(?:https?:\/\/|www\.)/i;
const HYPHENS = /[-\u2010\u2011]$/;
const SOFT_HYPHEN = '\u00ad';

/**
 * Word counts of a document, to tell "sociaal-economisch" from "centrumgemeente", and whether the
 * document breaks words at line ends at all. A typeset document does (the 2005 beleidsnota joins
 * 878 line-end hyphens to words it writes whole elsewhere, and keeps 3); Word does not hyphenate
 * unless asked, so in its PDFs a line-end hyphen is the author's ("prestatie-" / "afspraken").
 */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  /**
   * Whether line-end hyphens break words, judged by the document's own words: true when more of
   * them join to a word it writes whole elsewhere than keep a hyphen it writes on one line; false
   * otherwise, once there are two to judge (the beleidsnota, which does break words, joins 84% of
   * its line-end hyphens so); null with fewer, or without a document.
   */
  readonly breaksWords: boolean | null;

  /** `texts`: the document's lines in order; `document` false for loose texts, whose hyphens are not judged. */
  constructor(texts: Iterable<string>, document = true) {
    const lines = [...texts];
    for (const text of lines) {
      // Inner words only: a word at a line end may be a broken half.
      const tokens = text.split(/\s+/).slice(0, -1);
      for (const token of tokens) {
        const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
        if (word) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
      }
    }
    this.breaksWords = document ? this.hyphenEvidence(lines) : null;
  }

  private hyphenEvidence(lines: string[]): boolean | null {
    let joins = 0;
    let keeps = 0;
    let open = 0;
    lines.forEach((line, i) => {
      const text = line.trim();
      if (text.endsWith(SOFT_HYPHEN)) {
        joins++;
        return;
      }
      const left = /([\p{L}\p{N}]+)[-\u2010\u2011]$/u.exec(text)?.[1];
      // Acronyms and codes keep their hyphen anyway ("ZonMW-", "G40-"): no evidence either way.
      if (!left || /\p{N}/u.test(left) || /.\p{Lu}/u.test(left)) return;
      const next = lines.slice(i + 1, i + 3).find((l) => l.trim() !== '')?.trim() ?? '';
      const right = /^(\p{Ll}[\p{L}\p{N}]*)/u.exec(next)?.[1];
      if (!right || CONJUNCTIONS.has(right)) return;
      const joined = this.count(left + right);
      const hyphenated = this.count(`${left}-${right}`);
      if (hyphenated > joined) keeps++;
      else if (joined > 0) joins++;
      else open++;
    });
    if (joins > keeps) return true;
    return joins + keeps + open >= 2 ? false : null;
  }

  count(word: string): number {
    return this.counts.get(word.toLowerCase()) ?? 0;
  }
}

const EMPTY = new Vocabulary([], false);

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
  // In a document that does not break words the hyphen is the author's, though the document may
  // write the same words together elsewhere ("prestatie-" / "afspraken").
  if (vocabulary.breaksWords === false) return 'keep';
  if (joined > 0) return 'join';
  // Short capitalised names the document uses on their own keep the hyphen: "Wmo-loket", "Awbz-".
  if (/^\p{Lu}\p{Ll}{1,3}$/u.test(leftWord) && vocabulary.count(leftWord) > 0) return 'keep';
  return 'join';
}

/** How much of the text so far a join looks at: the word before a line-end hyphen, and more. */
const TAIL = 256;

/**
 * Join lines into one running text: single spaces between lines, line-end hyphenation undone.
 * A soft hyphen at a line end always joins; a web address broken over lines ("…/programma-een-" /
 * "thuis-voor-iedereen", "…/documenten/" / "publicaties") is joined without a space. Each join
 * looks at the end of the text so far (the last TAIL characters), never at the whole of it, so
 * the time is linear in the text (tests on the whole text made 80,000 short lines quadratic).
 */
export function joinLines(lines: readonly string[], vocabulary: Vocabulary = EMPTY): string {
  const joiner = new LineJoiner(vocabulary);
  for (const line of lines) joiner.add(line);
  return joiner.text();
}

/** `joinLines` a line at a time: for a paragraph whose lines come one by one (the letter parser). */
export class LineJoiner {
  private readonly parts: string[] = [];
  private tail = '';

  constructor(private readonly vocabulary: Vocabulary = EMPTY) {}

  add(raw: string): void {
    const line = raw.trim();
    if (line === '') return;
    if (this.parts.length === 0) {
      this.push('', line);
      return;
    }
    if (this.tail.endsWith(SOFT_HYPHEN)) {
      this.dropLast();
      this.push('', line);
      return;
    }
    const lastToken = /\S+$/.exec(this.tail)?.[0] ?? '';
    if (URL_TOKEN.test(lastToken) && /[-/?=&._#%]$/.test(lastToken) && /^[\w%./?=&#-]+$/.test(line.split(/\s/)[0] ?? '')) {
      this.push('', line);
      return;
    }
    if (HYPHENS.test(this.tail) && /[\p{L}\p{N}][-\u2010\u2011]$/u.test(this.tail)) {
      const how = hyphenJoin(this.tail, line, this.vocabulary);
      if (how === 'join') {
        this.dropLast();
        this.push('', line);
      } else this.push(how === 'keep' ? '' : ' ', line);
      return;
    }
    this.push(' ', line);
  }

  /** The lines so far as one running text, whitespace collapsed. */
  text(): string {
    return this.parts.join('').replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
  }

  private push(separator: string, line: string): void {
    if (separator) this.parts.push(separator);
    this.parts.push(line);
    this.tail = (this.tail + separator + line.slice(-TAIL)).slice(-TAIL);
  }

  private dropLast(): void {
    while (this.parts.length > 0) {
      const last = this.parts[this.parts.length - 1]!;
      if (last.length > 0) {
        this.parts[this.parts.length - 1] = last.slice(0, -1);
        break;
      }
      this.parts.pop();
    }
    this.tail = this.tail.slice(0, -1);
  }
}
