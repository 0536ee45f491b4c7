import type { QuestionDocument } from '../../index.js';
import { jsonSafe } from '../terminal.js';

/**
 * `answer parse --json`: exactly the contract shape of issue 3, keys in its order, then the extra
 * fields `id`, `source`, `received`, `kind`, `deadline`, and `uitstel` and `afterword` (when the
 * document has them).
 */
export function toParseJson(doc: QuestionDocument): Record<string, unknown> {
  const data: Record<string, unknown> = {
    title: doc.title,
    subject: doc.subject,
    article: doc.article,
    municipality: doc.municipality,
    party: doc.party,
    parties: doc.parties,
    members: doc.members,
    date: doc.date,
    addressee: doc.addressee,
    preamble: doc.preamble,
    questions: doc.questions.map((q) => {
      const question: Record<string, unknown> = {
        number: q.number,
        label: q.label,
        text: q.text,
        parts: q.parts.map((p) => ({ label: p.label, text: p.text })),
      };
      if (q.answer != null) question.answer = q.answer;
      if (q.context != null) question.context = q.context;
      return question;
    }),
    footnotes: doc.footnotes.map((f) => ({ n: f.n, text: f.text })),
    warnings: doc.warnings.map((w) => ({ line: w.line, message: w.message })),
    id: doc.id,
    source: doc.source ?? null,
    received: doc.received ?? null,
    kind: doc.kind ?? null,
    deadline: doc.deadline ?? null,
  };
  if (doc.uitstel) data.uitstel = { date: doc.uitstel.date, reason: doc.uitstel.reason, until: doc.uitstel.until };
  if (doc.afterword) data.afterword = doc.afterword;
  return data;
}

export function formatParseJson(doc: QuestionDocument): string {
  return `${jsonSafe(JSON.stringify(toParseJson(doc), null, 2))}\n`;
}
