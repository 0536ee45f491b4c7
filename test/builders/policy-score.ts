/**
 * How well a corpus conversion kept a policy document: its headings (found against known, on the
 * heading text, and whether each sits at the right depth), its title, and its words (a multiset
 * difference: words lost and words added). Used by bench/corpus.ts and the corpus tests.
 */
import { wordDiff } from './letter-lines.js';
import { documentText, knownHeadings, type PolicyDocument } from './policy-seeds.js';

export interface ConversionScore {
  known: number;
  found: number;
  /** Found headings whose text is a known heading's. */
  matched: number;
  /** Matched headings at the known depth (`##` for Heading 1). */
  rightDepth: number;
  titleRight: boolean;
  /** Known headings not found, and found headings not known: for reading a failure. */
  missedHeadings: string[];
  extraHeadings: string[];
  lost: string[];
  added: string[];
  /**
   * Words kept but moved: output words that no run of MOVED_SHINGLE words of the known text holds in
   * that order, body and footnotes each compared with their own known part (a body paragraph taken
   * into a footnote, a footnote left in the middle of a sentence, a sentence cut by a page break).
   * The word multisets cannot see these: every word is still there.
   */
  moved: number;
  /** A few of the moved passages, for reading a failure. */
  movedSamples: string[];
  /** Words in the document. */
  words: number;
}

/** Words in a row that must be in the known text in the same order for the output's words to count as in place. */
const MOVED_SHINGLE = 5;

/**
 * How many words of `output` are covered by no MOVED_SHINGLE-word run that `known` holds. A run
 * shorter than the shingle (a short footnote, a heading) counts as in place when `known` holds it
 * whole.
 */
function movedWords(known: string[], output: string[]): { moved: number; samples: string[] } {
  const lower = (w: string): string => w.toLowerCase();
  const k = known.map(lower);
  const o = output.map(lower);
  if (o.length < MOVED_SHINGLE) {
    const text = ` ${k.join(' ')} `;
    return o.length === 0 || text.includes(` ${o.join(' ')} `) ? { moved: 0, samples: [] } : { moved: o.length, samples: [output.join(' ')] };
  }
  const shingles = new Set<string>();
  for (let i = 0; i + MOVED_SHINGLE <= k.length; i++) shingles.add(k.slice(i, i + MOVED_SHINGLE).join(' '));
  const covered = new Array<boolean>(o.length).fill(false);
  for (let i = 0; i + MOVED_SHINGLE <= o.length; i++) {
    if (shingles.has(o.slice(i, i + MOVED_SHINGLE).join(' '))) for (let j = i; j < i + MOVED_SHINGLE; j++) covered[j] = true;
  }
  const samples: string[] = [];
  let moved = 0;
  for (let i = 0; i < o.length; i++) {
    if (covered[i]) continue;
    moved++;
    if (samples.length < 5 && (i === 0 || covered[i - 1])) samples.push(output.slice(Math.max(0, i - 3), i + 8).join(' '));
  }
  return { moved, samples };
}

/** The heading the converter writes above footnotes. */
const NOTES_HEADING = 'Voetnoten';

function normal(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Words: runs of letters and digits. */
export function wordList(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The headings of a corpus markdown body, `#` title and "Voetnoten" left out. */
export function markdownHeadings(markdown: string): Array<{ text: string; depth: number }> {
  const out: Array<{ text: string; depth: number }> = [];
  for (const line of markdown.split('\n')) {
    const m = /^(#{2,6}) (.*)$/.exec(line);
    if (!m) continue;
    const text = normal(m[2]!.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
    if (text !== NOTES_HEADING) out.push({ text, depth: m[1]!.length });
  }
  return out;
}

/**
 * Score a conversion (`markdown` with front matter, `title` as the converter chose it) of `doc`.
 * `drawn` maps the document's text to what the file could hold (a PDF's standard fonts draw some
 * characters as '?').
 */
export function scoreConversion(doc: PolicyDocument, markdown: string, title: string, drawn: (text: string) => string = (t) => t): ConversionScore {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const known = knownHeadings(doc).map((h) => ({ text: normal(drawn(h.text)), depth: h.level + 1 }));
  const found = markdownHeadings(body);
  // Match in reading order: each found heading takes the first unmatched known heading of its text.
  const used = new Set<number>();
  let matched = 0;
  let rightDepth = 0;
  const extraHeadings: string[] = [];
  for (const h of found) {
    const k = known.findIndex((x, i) => !used.has(i) && x.text === h.text);
    if (k < 0) {
      extraHeadings.push(h.text);
      continue;
    }
    used.add(k);
    matched++;
    if (known[k]!.depth === h.depth) rightDepth++;
  }
  const missedHeadings = known.filter((_, i) => !used.has(i)).map((h) => h.text);
  // Footnote references and labels are markup; "Voetnoten" is the converter's own heading.
  const output = body
    .replace(/\[\^[^\]]+\]:?/g, ' ')
    .replace(new RegExp(`^## ${NOTES_HEADING}$`, 'm'), ' ');
  const { missing, extra } = wordDiff(wordList(drawn(documentText(doc))), wordList(output));
  // In place: the body against the document's text without its footnotes, the Voetnoten section
  // against the footnotes (a footnote's label and its link lines are markup, not words).
  const [bodyPart = '', notesPart = ''] = body.split(new RegExp(`^## ${NOTES_HEADING}$`, 'm'));
  const knownBody = wordList(drawn(documentText({ ...doc, footnotes: [] })));
  const bodyMoved = movedWords(knownBody, wordList(bodyPart.replace(/\[\^[^\]]+\]:?/g, ' ')));
  const notesMoved = movedWords(wordList(drawn(doc.footnotes.join(' '))), wordList(notesPart.replace(/^\[\^[^\]]+\]:/gm, ' ').replace(/^- .*$/gm, ' ')));
  return {
    known: known.length,
    found: found.length,
    matched,
    rightDepth,
    titleRight: normal(title) === normal(drawn(doc.title)),
    missedHeadings,
    extraHeadings,
    lost: missing.sort(),
    added: extra.sort(),
    moved: bodyMoved.moved + notesMoved.moved,
    movedSamples: [...bodyMoved.samples, ...notesMoved.samples],
    words: wordList(documentText(doc)).length,
  };
}

/** A reader's heading marks as [level, the heading's lines joined], for reading a test's failure. */
export function markedLines(text: string, headings: ReadonlyArray<{ line: number; lines: number; level: number }>): Array<[number, string]> {
  const lines = text.split('\n');
  return headings.map((h) => [h.level, lines.slice(h.line - 1, h.line - 1 + h.lines).join(' ')]);
}
