/**
 * When the college must answer: `received` plus the answer term of the question's kind
 * (configured per council, from its Reglement van Orde), or the new date of a postponement.
 * An unknown receipt date gives no deadline: it is never guessed.
 */
import { normalizeArticle, type AnswerConfig } from '../config/config.js';
import type { QuestionDocument } from '../model.js';

/** `YYYY-MM-DD` that is a real calendar date. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Years before 100 are refused, as Date.UTC (which reads them as 19xx) always did here.
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!);
}

/** Add calendar days to an ISO date (on the UTC calendar, where no daylight saving can shift a day). */
export function addDaysIso(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const result = new Date(Date.UTC(year, month - 1, day + days));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(result.getUTCFullYear(), 4)}-${pad(result.getUTCMonth() + 1, 2)}-${pad(result.getUTCDate(), 2)}`;
}

/**
 * The kind of a question document: the front matter's `kind` when set, else the kind whose
 * `articles` list the letter's article, else the configured default.
 */
export function resolveKind(doc: Pick<QuestionDocument, 'kind' | 'article'>, config: AnswerConfig): string {
  if (doc.kind) return doc.kind;
  const article = normalizeArticle(doc.article ?? null);
  if (article !== null) {
    for (const [name, kind] of Object.entries(config.kinds)) {
      if (kind.articles.includes(article)) return name;
    }
  }
  return config.defaultKind;
}

export interface DeadlineFields {
  received: string | null;
  kind: string;
  deadline: string | null;
}

/**
 * `received` (default: the letter's date), the kind, and the deadline: the postponement's `until`
 * when there is one, else received + the kind's term, else null. An unknown kind has no term:
 * its deadline is null (callers reading a file report the unknown kind).
 */
export function computeDeadline(doc: Pick<QuestionDocument, 'kind' | 'article' | 'date' | 'received' | 'uitstel'>, config: AnswerConfig): DeadlineFields {
  const received = isIsoDate(doc.received) ? doc.received : doc.received == null && isIsoDate(doc.date) ? doc.date : null;
  const kind = resolveKind(doc, config);
  const term = Object.hasOwn(config.kinds, kind) ? config.kinds[kind]!.termDays : null;
  let deadline: string | null = null;
  if (doc.uitstel && isIsoDate(doc.uitstel.until)) deadline = doc.uitstel.until;
  else if (received !== null && term !== null) deadline = addDaysIso(received, term);
  return { received, kind, deadline };
}

/** A copy of the document with `received`, `kind` and `deadline` filled in. */
export function applyDeadline(doc: QuestionDocument, config: AnswerConfig): QuestionDocument {
  return { ...doc, ...computeDeadline(doc, config) };
}

/**
 * A `deadline` written in the front matter that is not the one the tool computes (received + the
 * answer term, or `uitstel.until`): the message saying which one counts and how to move a deadline,
 * or null when they agree. The written one is never used: a deadline moves by an uitstel.
 */
export function deadlineMismatch(doc: Pick<QuestionDocument, 'id' | 'deadline' | 'uitstel'>, computed: string | null): string | null {
  const written = doc.deadline;
  if (!written || written === computed) return null;
  const how = `to move a deadline, add an uitstel: answer record ${doc.id ?? '<id>'} --uitstel-until YYYY-MM-DD --reason TEXT`;
  if (computed === null) return `deadline ${written} is not used: without a received date (or letter date) there is no deadline; ${how}`;
  return `deadline ${written} differs from ${doc.uitstel ? 'uitstel.until' : 'received + the answer term'} (${computed}); using ${computed}; ${how}`;
}
