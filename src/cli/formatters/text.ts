import type { AnswerFigures, CheckReport, StatusReport } from '../../index.js';

/**
 * `answer check` for people: per question document with problems, a header with how far it is
 * answered, then one line per problem as `file:line  severity  code  message` (a form terminals
 * and editors turn into links), then one summary line.
 */
export function formatCheckText(report: CheckReport): string {
  if (report.documents.length === 0) {
    return `No question documents found in ${report.questionsFolder}/: nothing to check.\n`;
  }
  const lines: string[] = [];
  for (const doc of report.documents) {
    if (doc.problems.length === 0) continue;
    const state = doc.questionFile === null ? 'no question document' : `${doc.answered} of ${doc.questions} answered${doc.deadline ? `, deadline ${doc.deadline}` : ''}`;
    lines.push(`${doc.id} (${state})`);
    const rows = doc.problems.map((p) => [p.file ? `${p.file}${p.line ? `:${p.line}` : ''}` : '-', p.severity, p.code, p.message] as const);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows) lines.push(`  ${row[0].padEnd(widths[0]!)}  ${row[1].padEnd(widths[1]!)}  ${row[2].padEnd(widths[2]!)}  ${row[3]}`);
    lines.push('');
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
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

/** Longest subject shown in the status table; the full subject is in `--json`. */
const SUBJECT_WIDTH = 40;

/**
 * `answer status` for people: one row per question document, sorted by deadline, then the
 * figures councils ask about (late answers, median and worst days to answer), in total and per
 * party.
 */
export function formatStatusText(report: StatusReport): string {
  if (report.documents.length === 0) return 'No question documents found.\n';
  const header = ['id', 'party', 'subject', 'received', 'deadline', 'days left', 'answered', 'status'];
  const rows = report.documents.map((d) => [
    d.id,
    d.parties.join(', ') || '-',
    clip(d.subject ?? '-', SUBJECT_WIDTH),
    d.received ?? '-',
    d.deadline ?? '-',
    d.daysLeft === null ? '-' : String(d.daysLeft),
    `${d.answered} of ${d.questions}`,
    d.status ?? 'no answer',
  ]);
  const lines = table(header, rows, new Set([5]));
  const f = report.figures;
  lines.push(
    '',
    `${plural(f.letters, 'letter')}: ${f.answered} answered (vastgesteld), ${f.late} of them late; ${f.open} open, ${f.overdue} of them overdue (today ${report.today}).`,
    `Days to answer: median ${days(f.medianDaysToAnswer)}, worst ${days(f.worstDaysToAnswer)}.`,
  );
  if (report.parties.length > 0) {
    lines.push('');
    const partyRows = report.parties.map((p) => [p.party, ...figureCells(p)]);
    lines.push(...table(['party', 'letters', 'answered', 'late', 'open', 'overdue', 'median days', 'worst days'], partyRows, new Set([1, 2, 3, 4, 5, 6, 7])));
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
