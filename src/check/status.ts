import type { AnswerStatus, Uitstel } from '../model.js';
import type { CheckProblem } from './codes.js';
import { daysBetween } from './dates.js';

/** What `answer status` knows of one question document. */
export interface StatusRow {
  id: string;
  questionFile: string;
  answerFile: string | null;
  party: string | null;
  /** Every party that signed the letter (falls back to `party`). */
  parties: string[];
  subject: string | null;
  received: string | null;
  /** Deadline after postponement. */
  deadline: string | null;
  /** The postponement, when there is one: its new deadline (`until`), the date of the notice, the reason. */
  uitstel: Uitstel | null;
  /** Days from today to the deadline, negative when overdue; null once vastgesteld or without deadline. */
  daysLeft: number | null;
  questions: number;
  answered: number;
  /** The answer document's status, or null when there is no answer document. */
  status: AnswerStatus | null;
  /** The answer's date (front matter `date`), when vastgesteld and known. */
  answerDate: string | null;
  /** Answer date minus received, for vastgesteld answers with both dates. */
  daysToAnswer: number | null;
  /** Vastgesteld after the deadline; null when not vastgesteld or when a date is unknown. */
  late: boolean | null;
  /**
   * What keeps the letter's files from being read as written (the `schema` problems `answer check`
   * gives for them: a bad date, broken YAML, an unreadable file); empty when there is nothing.
   */
  problems: CheckProblem[];
}

/** The figures councils ask about, for all letters or for one party. */
export interface AnswerFigures {
  letters: number;
  /** Letters whose answer is vastgesteld. */
  answered: number;
  /** Of those, answered after the deadline. */
  late: number;
  /** Letters not yet vastgesteld. */
  open: number;
  /** Of those, past their deadline today. */
  overdue: number;
  medianDaysToAnswer: number | null;
  worstDaysToAnswer: number | null;
}

export interface StatusReport {
  /** False when some document could not be read as written (a row's `problems` holds an error). */
  ok: boolean;
  today: string;
  /** Sorted by deadline (unknown deadlines last), then id. */
  documents: StatusRow[];
  figures: AnswerFigures;
  /** Per party, by name; a letter signed by several parties counts for each of them. */
  parties: Array<{ party: string } & AnswerFigures>;
}

/** The facts of one letter the status is computed from. */
export interface StatusInput {
  id: string;
  questionFile: string;
  answerFile: string | null;
  party: string | null;
  parties: string[];
  subject: string | null;
  received: string | null;
  deadline: string | null;
  uitstel: Uitstel | null;
  questions: number;
  answered: number;
  status: AnswerStatus | null;
  answerDate: string | null;
  problems: CheckProblem[];
}

/** The party name used for letters that do not say who sent them. */
export const UNKNOWN_PARTY = '(unknown)';

/**
 * Build the status report. Days to answer is the answer's `date` minus `received`, counted for
 * `vastgesteld` answers only: a concept's date is when it was drafted, not when the council got
 * its answer.
 */
export function buildStatus(inputs: StatusInput[], today: string): StatusReport {
  const documents = inputs.map((input) => row(input, today)).sort(byDeadline);
  const groups = new Map<string, StatusRow[]>();
  for (const doc of documents) {
    const names = doc.parties.length > 0 ? doc.parties : [UNKNOWN_PARTY];
    for (const name of new Set(names)) {
      const list = groups.get(name) ?? [];
      list.push(doc);
      groups.set(name, list);
    }
  }
  const parties = [...groups.entries()]
    .sort(([a], [b]) => (a === UNKNOWN_PARTY ? 1 : b === UNKNOWN_PARTY ? -1 : a.localeCompare(b, 'nl')))
    .map(([party, rows]) => ({ party, ...figures(rows) }));
  const ok = documents.every((doc) => doc.problems.every((p) => p.severity !== 'error'));
  return { ok, today, documents, figures: figures(documents), parties };
}

function row(input: StatusInput, today: string): StatusRow {
  const vastgesteld = input.status === 'vastgesteld';
  const answerDate = vastgesteld ? input.answerDate : null;
  const daysLeft = !vastgesteld && input.deadline ? daysBetween(today, input.deadline) : null;
  const daysToAnswer = answerDate && input.received ? daysBetween(input.received, answerDate) : null;
  const late = answerDate && input.deadline ? answerDate > input.deadline : null;
  const parties = input.parties.length > 0 ? input.parties : input.party ? [input.party] : [];
  return { ...input, parties, answerDate, daysLeft, daysToAnswer, late };
}

function byDeadline(a: StatusRow, b: StatusRow): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return a.id.localeCompare(b.id);
}

function figures(rows: StatusRow[]): AnswerFigures {
  const answered = rows.filter((r) => r.status === 'vastgesteld');
  const open = rows.filter((r) => r.status !== 'vastgesteld');
  const days = answered.map((r) => r.daysToAnswer).filter((d): d is number => d !== null);
  return {
    letters: rows.length,
    answered: answered.length,
    late: answered.filter((r) => r.late === true).length,
    open: open.length,
    overdue: open.filter((r) => r.daysLeft !== null && r.daysLeft < 0).length,
    medianDaysToAnswer: median(days),
    worstDaysToAnswer: days.length > 0 ? Math.max(...days) : null,
  };
}

/** The median; for an even count the mean of the middle two. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
