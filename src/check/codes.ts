import type { Problem, Severity } from '../model.js';

/**
 * Every problem `answer check` can report, with one line of documentation each. The codes are
 * stable: CI configurations and scripts filter on them. The same table is in the README under
 * "Check problems" and in `answer check --help`.
 */
export const CHECK_PROBLEMS = {
  'missing-answer': 'No answer document exists for a question document (`answers/<id>.md`, or one whose front matter names it).',
  unanswered: 'A question has no answer: no section, an empty section, or a pointer to a question that is missing or unanswered, or whose section now answers another question (renumbered or reworded since the pointer was written).',
  placeholder: 'An answer is still the draft placeholder `_Antwoord nog in te vullen._`, in any markup (a warning when other text was written beside it).',
  drift: 'The question quoted in the answer no longer matches the question document; both versions are shown.',
  orphan: 'An answer section or answer document belongs to no current question (a warning for sections kept under `Vervallen vragen`).',
  'stale-citation': 'A cited source no longer resolves to a passage in the corpus (warning).',
  schema: 'Front matter lacks a required field or has a wrong type or an invalid date (at the line of the key), or the file cannot be read as a document; a warning for a file saved as Windows-1252 and for a hand-set `deadline` that is not the computed one.',
  overdue: 'The deadline (after any `uitstel`) has passed and the answer is not `vastgesteld` (warning; an error with `--strict`).',
} as const;

export type CheckCode = keyof typeof CHECK_PROBLEMS;

export const CHECK_CODES = Object.keys(CHECK_PROBLEMS) as CheckCode[];

/** A problem found by `answer check`: a shared `Problem` with one of the check codes. */
export interface CheckProblem extends Problem {
  code: CheckCode;
  question: number | null;
}

/** Build a check problem; keeps the rule files short and the field order in one place. */
export function problem(
  code: CheckCode,
  severity: Severity,
  message: string,
  where: { file: string | null; line?: number | null; question?: number | null },
): CheckProblem {
  return { code, severity, message, file: where.file, line: where.line ?? null, question: where.question ?? null };
}

/** The documentation table as markdown (for the README) or aligned text (for --help). */
export function checkProblemsTable(format: 'markdown' | 'text'): string {
  if (format === 'markdown') {
    return ['| code | meaning |', '|---|---|', ...CHECK_CODES.map((code) => `| \`${code}\` | ${CHECK_PROBLEMS[code]} |`)].join('\n');
  }
  const width = Math.max(...CHECK_CODES.map((code) => code.length));
  return CHECK_CODES.map((code) => `  ${code.padEnd(width)}  ${CHECK_PROBLEMS[code]}`).join('\n');
}
