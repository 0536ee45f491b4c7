import type { AnswerFigures, CheckProblem, CheckReport, StatusReport, StatusRow } from '../../index.js';

/**
 * `answer check` for people: per question document with problems, a header with how far it is
 * answered, then one line per problem as `file:line  severity  code  message` (a form terminals
 * and editors turn into links), then one summary line.
 *
 * Everything shown comes from files anyone can edit in a pull request, so control characters are
 * shown, never sent: an escape sequence in a quoted question must not reach the terminal.
 */
export function formatCheckText(report: CheckReport): string {
  if (report.documents.length === 0) {
    return `No question documents found in ${safe(report.questionsFolder)}/: nothing to check.\n`;
  }
  const lines: string[] = [];
  for (const doc of report.documents) {
    if (doc.problems.length === 0) continue;
    const state = doc.questionFile === null ? 'no question document' : `${doc.answered} of ${doc.questions} answered${doc.deadline ? `, deadline ${dutchDate(doc.deadline)}` : ''}`;
    lines.push(`${safe(doc.id)} (${state})`, ...problemLines(doc.problems), '');
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/** Problems as aligned lines `file:line  severity  code  message`, indented. */
function problemLines(problems: readonly CheckProblem[]): string[] {
  const rows = problems.map((p) => [p.file ? safe(`${p.file}${p.line ? `:${p.line}` : ''}`) : '-', p.severity, p.code, safe(p.message)] as const);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((row) => `  ${row[0].padEnd(widths[0]!)}  ${row[1].padEnd(widths[1]!)}  ${row[2].padEnd(widths[2]!)}  ${row[3]}`);
}

function summaryLine(report: CheckReport): string {
  const { documents, errors, warnings } = report.summary;
  const docs = plural(documents, 'question document');
  if (errors === 0 && warnings === 0) return `${docs} checked: every question has an answer, no problems.`;
  return `${docs} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Text from a document made safe for a terminal: C0 and C1 control characters (ESC starts the
 * sequences that move the cursor, change colours or set the window title), DEL and the bidi
 * overrides that reorder what is shown are written as visible `\x1B` / `\u202E` escapes; a line
 * break or tab becomes a space, so one problem stays one line.
 */
export function safe(text: string): string {
  return text
    .replace(/[\t\n\r]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** An ISO date as Dutch readers write it: "12 april 2025" (anything else shown as it is). */
export function dutchDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : safe(iso);
}

/** Longest subject shown in the status table; the full subject is in `--json`. */
const SUBJECT_WIDTH = 40;

/**
 * `answer status` for people: one row per question document, sorted by deadline, dates as Dutch
 * readers write them, then the postponements, the figures councils ask about (late answers,
 * median and worst days to answer) in total and per party, and last the problems that kept a
 * document from being read as written, in the lines `answer check` gives.
 */
export function formatStatusText(report: StatusReport): string {
  if (report.documents.length === 0) return 'No question documents found.\n';
  const header = ['id', 'party', 'subject', 'received', 'deadline', 'days left', 'answered', 'status'];
  const rows = report.documents.map((d) => [
    safe(d.id),
    safe(d.parties.join(', ')) || '-',
    clip(safe(d.subject ?? '-'), SUBJECT_WIDTH),
    d.received ? dutchDate(d.received) : '-',
    d.deadline ? `${dutchDate(d.deadline)}${d.uitstel ? ' (uitstel)' : ''}` : '-',
    d.daysLeft === null ? '-' : String(d.daysLeft),
    `${d.answered} of ${d.questions}`,
    d.status ?? 'no answer',
  ]);
  const lines = table(header, rows, new Set([5]));
  const postponed = report.documents.filter((d): d is StatusRow & { uitstel: NonNullable<StatusRow['uitstel']> } => d.uitstel !== null);
  if (postponed.length > 0) {
    lines.push('', 'Uitstel:');
    for (const d of postponed) {
      const notice = d.uitstel.date ? `, notice of ${dutchDate(d.uitstel.date)}` : '';
      const reason = d.uitstel.reason ? `: ${safe(d.uitstel.reason)}` : '';
      lines.push(`  ${safe(d.id)}: until ${dutchDate(d.uitstel.until)}${notice}${reason}`);
    }
  }
  const f = report.figures;
  lines.push(
    '',
    `${plural(f.letters, 'letter')}: ${f.answered} answered (vastgesteld), ${f.late} of them late; ${f.open} open, ${f.overdue} of them overdue (today ${dutchDate(report.today)}).`,
    `Days to answer: median ${days(f.medianDaysToAnswer)}, worst ${days(f.worstDaysToAnswer)}.`,
  );
  if (report.parties.length > 0) {
    lines.push('');
    const partyRows = report.parties.map((p) => [safe(p.party), ...figureCells(p)]);
    lines.push(...table(['party', 'letters', 'answered', 'late', 'open', 'overdue', 'median days', 'worst days'], partyRows, new Set([1, 2, 3, 4, 5, 6, 7])));
  }
  const problems = report.documents.flatMap((d) => d.problems);
  if (problems.length > 0) {
    const unreadable = report.documents.filter((d) => d.problems.some((p) => p.severity === 'error')).length;
    const what = unreadable > 0 ? `${plural(unreadable, 'letter')} could not be read as written` : 'The documents were read';
    lines.push('', `${what}; what 'answer check' says of their files (run it for everything else):`, ...problemLines(problems));
  }
  return `${lines.join('\n')}\n`;
}

function figureCells(f: AnswerFigures): string[] {
  return [f.letters, f.answered, f.late, f.open, f.overdue].map(String).concat(days(f.medianDaysToAnswer), days(f.worstDaysToAnswer));
}

function days(n: number | null): string {
  return n === null ? '-' : String(n);
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** Columns padded to their widest cell; the given columns aligned right (numbers). */
function table(header: string[], rows: string[][], right: Set<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
