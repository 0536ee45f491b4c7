import type { AnswerStatus } from '../model.js';
import { type CheckProblem, problem } from './codes.js';
import { daysBetween } from './dates.js';

export interface OverdueInput {
  /** The deadline after postponement, or null when it is unknown (then nothing is reported). */
  deadline: string | null;
  today: string;
  /** Status of the answer document; `unknown` when its front matter has no valid status; null when there is no answer document. */
  status: AnswerStatus | 'unknown' | null;
  strict: boolean;
  /** Where to point: the answer's `status` key, or the question document's deadline. */
  file: string;
  line: number | null;
}

/**
 * `overdue`: the deadline has passed (today is after it) and the answer is not `vastgesteld`.
 * The deadline day itself is still in time. A warning, because CI should not start failing on
 * a date alone; `--strict` makes it an error for pipelines that want exactly that.
 */
export function checkOverdue(input: OverdueInput): CheckProblem[] {
  const { deadline, today, status } = input;
  if (!deadline || status === 'vastgesteld') return [];
  const late = daysBetween(deadline, today);
  if (late <= 0) return [];
  const state = status === null ? 'there is no answer document' : status === 'unknown' ? 'the answer is not vastgesteld' : `the answer is still '${status}'`;
  return [
    problem(
      'overdue',
      input.strict ? 'error' : 'warning',
      `The deadline was ${deadline}, ${late === 1 ? '1 day' : `${late} days`} ago, and ${state}.`,
      { file: input.file, line: input.line, question: null },
    ),
  ];
}
