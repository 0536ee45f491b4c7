import type { QuestionDocument } from '../../index.js';

/** Longest preamble excerpt in the summary; the whole preamble is in `--json`. */
const PREAMBLE_EXCERPT = 160;

/**
 * `answer parse` for people: the metadata, then the numbered questions with their parts, then
 * the footnotes. Warnings go to stderr (see `formatParseWarnings`).
 */
export function formatParseText(doc: QuestionDocument): string {
  const lines: string[] = [];
  lines.push(doc.title ?? '(no title)');
  const fields: Array<[string, string | null | undefined]> = [
    ['id', doc.id],
    ['subject', doc.subject],
    ['article', doc.article],
    ['municipality', doc.municipality],
    ['party', doc.parties.length > 1 ? doc.parties.join(', ') : doc.party],
    ['members', doc.members.length ? doc.members.join(', ') : null],
    ['date', doc.date],
    ['addressee', doc.addressee],
    ['received', doc.received],
    ['kind', doc.kind],
    ['deadline', doc.deadline ? `${doc.deadline}${doc.uitstel ? ` (uitstel${doc.uitstel.reason ? `: ${doc.uitstel.reason}` : ''})` : ''}` : null],
    ['source', doc.source],
  ];
  const width = Math.max(...fields.map(([name]) => name.length)) + 1;
  for (const [name, value] of fields) lines.push(`  ${`${name}:`.padEnd(width)} ${value ?? '-'}`);
  if (doc.preamble) {
    const flat = doc.preamble.replace(/\s+/g, ' ');
    lines.push('', `Preamble: ${flat.length > PREAMBLE_EXCERPT ? `${flat.slice(0, PREAMBLE_EXCERPT - 1)}…` : flat}`);
  }
  lines.push('', `${doc.questions.length} ${doc.questions.length === 1 ? 'question' : 'questions'}:`);
  const numberWidth = String(doc.questions.length).length;
  for (const q of doc.questions) {
    const label = q.label !== null ? ` [${q.label}]` : '';
    lines.push(`  ${String(q.number).padStart(numberWidth)}.${label} ${q.text}`);
    for (const part of q.parts) lines.push(`  ${' '.repeat(numberWidth + 1)}   ${part.label ?? '-'} ${part.text}`);
    if (q.context) lines.push(`  ${' '.repeat(numberWidth + 1)}   Toelichting: ${q.context.replace(/\s+/g, ' ')}`);
    if (q.answer) lines.push(`  ${' '.repeat(numberWidth + 1)}   Antwoord: ${q.answer.replace(/\s+/g, ' ')}`);
  }
  if (doc.afterword) lines.push('', `Nawoord: ${doc.afterword.replace(/\s+/g, ' ')}`);
  if (doc.footnotes.length) {
    lines.push('', 'Footnotes:');
    for (const f of doc.footnotes) lines.push(`  ${f.n}. ${f.text}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Warnings as `file:line  warning: message`, one a line, for stderr. */
export function formatParseWarnings(doc: Pick<QuestionDocument, 'warnings'>, file: string): string {
  return doc.warnings.map((w) => `${file}${w.line ? `:${w.line}` : ''}  warning: ${w.message}\n`).join('');
}
