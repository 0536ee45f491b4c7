import type { CheckReport } from '../../index.js';

/**
 * `answer check --format github`: one GitHub Actions workflow command per problem,
 * `::error file=answers/x.md,line=42,title=unanswered::Question 3 has no answer yet.`, so the
 * problems show on the pull request's diff. Escaping follows the runner's rules (actions/toolkit
 * `command.ts`): in the message `%`, `\r`, `\n` are percent-encoded; in property values also `:`
 * and `,`, which would otherwise end the value.
 */
export function formatCheckGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const doc of report.documents) {
    for (const p of doc.problems) {
      const properties: string[] = [];
      if (p.file) properties.push(`file=${escapeProperty(p.file)}`);
      if (p.file && p.line) properties.push(`line=${p.line}`);
      properties.push(`title=${escapeProperty(`answer check: ${p.code}`)}`);
      lines.push(`::${p.severity} ${properties.join(',')}::${escapeData(p.message)}`);
    }
  }
  const { documents, errors, warnings } = report.summary;
  lines.push(`answer check: ${documents} question document${documents === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

/** Escape a workflow command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a workflow command's property value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
