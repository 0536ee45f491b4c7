import type { CheckReport, StatusReport } from '../../index.js';

/**
 * `answer check --format json`: exactly the contract shape, keys in the contract's order.
 * `{"ok", "documents": [{"id", "questionFile", "answerFile", "deadline", "questions", "answered",
 * "problems": [{"severity", "code", "question", "file", "line", "message"}]}], "summary": {"documents",
 * "errors", "warnings"}}`.
 */
export function formatCheckJson(report: CheckReport): string {
  const data = {
    ok: report.ok,
    documents: report.documents.map((doc) => ({
      id: doc.id,
      questionFile: doc.questionFile,
      answerFile: doc.answerFile,
      deadline: doc.deadline,
      questions: doc.questions,
      answered: doc.answered,
      problems: doc.problems.map((p) => ({
        severity: p.severity,
        code: p.code,
        question: p.question,
        file: p.file,
        line: p.line,
        message: p.message,
      })),
    })),
    summary: { documents: report.summary.documents, errors: report.summary.errors, warnings: report.summary.warnings },
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * `answer status --json`: `{"ok", "today", "documents": [{"id", "questionFile", "answerFile",
 * "party", "parties", "subject", "received", "deadline", "uitstel": {"date", "reason", "until"} |
 * null, "daysLeft", "questions", "answered", "status", "answerDate", "daysToAnswer", "late",
 * "problems": [check's problem objects]}], "figures": {...}, "parties": [{"party", ...figures}]}`;
 * dates ISO (`YYYY-MM-DD`); `ok` is false when a document could not be read as written.
 */
export function formatStatusJson(report: StatusReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
