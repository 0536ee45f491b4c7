/**
 * The types every stage shares. Stages talk to each other through these types only.
 *
 * Conventions: dates are ISO strings (`YYYY-MM-DD`), unknown facts are `null` (never guessed),
 * line numbers are 1-based.
 */

/** A 1-based line number in a file, or null where it is not known. */
export type LineNumber = number | null;

/** Something the parser was unsure of: reported, not silently guessed. */
export interface ParseWarning {
  line: LineNumber;
  message: string;
}

/** A footnote collected from the letter; `n` is its marker as printed. */
export interface Footnote {
  n: number;
  text: string;
}

/** A nested sub-question ("o Zo ja, ...", "a. ...") folded into its parent question. */
export interface QuestionPart {
  label: string | null;
  text: string;
}

/** One question the college has to answer. */
export interface Question {
  /** 1..n in document order. */
  number: number;
  /** The label as printed (`1.`, `1)`, `Vraag 1`, `a.`, `-`, `•`), or null when there is none. */
  label: string | null;
  /** The full question: label left out, lines joined, whitespace collapsed, parts folded in. */
  text: string;
  parts: QuestionPart[];
  /** Line of the question's start in the source, where known. */
  line?: LineNumber;
  /** The college's answer when the letter already holds it interleaved ("Antwoord: ..."). */
  answer?: string | null;
  /**
   * What the letter says between the question before and this one (a councillor may put text
   * between the questions: "In het Coalitieakkoord staat ..."), paragraphs apart by a blank line;
   * absent when there is none. The preamble is not the first question's context.
   */
  context?: string | null;
}

/** A postponement notice (`uitstel`): it moves the deadline. */
export interface Uitstel {
  /** Date of the notice. */
  date: string | null;
  reason: string | null;
  /** The new deadline. */
  until: string;
}

/** A question letter, parsed from a source document or read from `questions/<id>.md`. */
export interface QuestionDocument {
  id: string | null;
  title: string | null;
  subject: string | null;
  /** The article number only ("45", "42"), or null. */
  article: string | null;
  municipality: string | null;
  party: string | null;
  parties: string[];
  members: string[];
  /** ISO date of the letter. */
  date: string | null;
  addressee: string | null;
  preamble: string;
  questions: Question[];
  /**
   * The letter's own text after its last question ("Toelichting: ...", a last remark to the
   * college), when it has any; never the closing, the signature or page chrome after it.
   */
  afterword?: string;
  footnotes: Footnote[];
  warnings: ParseWarning[];
  /** Where the letter came from (a file name), when known. */
  source?: string | null;
  /** ISO date the griffie received the letter; defaults to `date`. */
  received?: string | null;
  /** The kind of question (a key of the configured kinds), from the article or the front matter. */
  kind?: string | null;
  /** ISO date the answer is due: received + the kind's term, or the postponement's date. */
  deadline?: string | null;
  uitstel?: Uitstel | null;
}

/** Status of an answer memo, in the order it moves through the college. */
export type AnswerStatus = 'concept' | 'ter-besluitvorming' | 'vastgesteld';

/** A source cited under an answer: a passage of the corpus. */
export interface Citation {
  /** Passage id, as produced by the corpus stage. */
  passage: string | null;
  doc: string;
  heading: string[];
  lines: [number, number] | null;
  quote: string;
  /** The corpus file as the citation links to it (relative to the answer file), when known. */
  file?: string | null;
}

/** One answer section of an answer document. */
export interface AnswerSection {
  /** The question number it answers. */
  number: number;
  /** The question text as quoted in the answer document. */
  question: string;
  /** The answer as written (markdown), trimmed; empty when nothing is written yet. */
  answer: string;
  sources: Citation[];
  /** Line of the section heading in the answer file. */
  line: LineNumber;
  /** Line where the answer text starts (after the quote and any `Antwoord:` label), when there is one. */
  answerLine?: LineNumber;
  /** Last line of the section in the answer file. */
  endLine?: LineNumber;
}

/** The college's answer to one question document: `answers/<id>.md`. */
export interface AnswerDocument {
  /** Id of the question document it answers. */
  question: string;
  status: AnswerStatus;
  date: string | null;
  portefeuillehouder: string | null;
  answers: AnswerSection[];
  /** Sections kept for questions that no longer exist in the question document. */
  orphans: AnswerSection[];
}

/** A passage of the corpus: a paragraph or list under its section. */
export interface Passage {
  /** Stable id: survives edits elsewhere in the file. */
  id: string;
  /** Document slug (the corpus file name without `.md`). */
  doc: string;
  /** Path of the corpus file, relative to the workspace. */
  file: string;
  /** Document title (front matter). */
  title: string;
  /** Heading path from the document title down to the passage's section. */
  heading: string[];
  /** First and last line of the passage in the corpus file (1-based, inclusive). */
  lines: [number, number];
  text: string;
  /** `policy` for corpus documents, `answer` for earlier answers. */
  kind: 'policy' | 'answer';
  /** For answer passages: the id of the question document they answer. */
  question?: string | null;
  /** The document's `date` front matter (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), when it has a valid one. */
  date?: string | null;
}

/** A passage linked to a question or a query. */
export interface ScoredPassage extends Passage {
  score: number;
  /** The query terms (as written in the query) that matched this passage. */
  matched: string[];
}

export type Severity = 'error' | 'warning';

/** A problem found by a stage: data, not an exception. Line and column are 1-based. */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  file: string | null;
  line: LineNumber;
  column?: LineNumber;
  /** The question number the problem concerns, where it concerns one. */
  question?: number | null;
}
