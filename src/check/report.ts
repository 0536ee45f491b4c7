import type { CheckProblem } from './codes.js';

/** One question document as checked, with its answer document and problems. */
export interface CheckedDocument {
  /** Id of the question document (for an answer without a question document: the id it names). */
  id: string;
  /** Workspace-relative path with forward slashes; null for an answer whose question document is gone. */
  questionFile: string | null;
  answerFile: string | null;
  /** Deadline after postponement, or null when unknown. */
  deadline: string | null;
  /** Number of questions in the question document. */
  questions: number;
  /** Number of questions with an answer (combined answers count when they resolve). */
  answered: number;
  problems: CheckProblem[];
}

/** The result of `checkWorkspace`: the `--json` output is exactly this, minus `today`/`strict`. */
export interface CheckReport {
  /** True when no problem is an error. */
  ok: boolean;
  documents: CheckedDocument[];
  summary: { documents: number; errors: number; warnings: number };
  /** The date the check used for deadlines. */
  today: string;
  strict: boolean;
  /** The folder that was searched for question documents (workspace-relative), for messages. */
  questionsFolder: string;
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/**
 * A copy of a string that keeps nothing else alive. V8 makes a slice of a long string (what
 * `split`, `slice` and most regular expressions return) a view that holds the whole string it was
 * cut from: an id or a quoted question in a report kept each file's text alive, and 10,000
 * letters held 350 MB. Concatenating and slicing again copies just the characters.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** A checked document that holds none of the texts it was read from (see `ownString`). */
export function ownDocument(doc: CheckedDocument): CheckedDocument {
  const own = (text: string | null) => (text === null ? null : ownString(text));
  return {
    id: ownString(doc.id),
    questionFile: own(doc.questionFile),
    answerFile: own(doc.answerFile),
    deadline: own(doc.deadline),
    questions: doc.questions,
    answered: doc.answered,
    problems: doc.problems.map((p) => ({ ...p, message: ownString(p.message), file: own(p.file) })),
  };
}

/** Sort problems by file, line, question, severity: the order a person walks through a file. */
export function sortProblems(problems: CheckProblem[]): CheckProblem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.question ?? 0) - (b.question ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

/** Put documents in a stable order and count the problems. */
export function buildReport(documents: CheckedDocument[], context: Pick<CheckReport, 'today' | 'strict' | 'questionsFolder'>): CheckReport {
  const sorted = [...documents]
    .map((doc) => ({ ...doc, problems: sortProblems(doc.problems) }))
    .sort((a, b) => (a.questionFile ?? a.answerFile ?? '').localeCompare(b.questionFile ?? b.answerFile ?? '') || a.id.localeCompare(b.id));
  let errors = 0;
  let warnings = 0;
  for (const doc of sorted) {
    for (const p of doc.problems) {
      if (p.severity === 'error') errors++;
      else warnings++;
    }
  }
  return {
    ok: errors === 0,
    documents: sorted,
    summary: { documents: sorted.length, errors, warnings },
    today: context.today,
    strict: context.strict,
    questionsFolder: context.questionsFolder,
  };
}
