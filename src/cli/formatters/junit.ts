import type { CheckProblem, CheckReport, CheckedDocument } from '../../index.js';

/**
 * `answer check --format junit`: JUnit XML for any CI. One test suite per question document,
 * one test case per question ("Vraag 3"), plus one case "answer document" for what concerns the
 * document as a whole (front matter, overdue, sections for questions that do not exist). Errors
 * are failures; warnings go to the case's system-out, since JUnit has no warnings and a warning
 * must not fail the build. Every unanswered question is a failing case: when the letter has no
 * answer document at all, each of its questions fails with that reason (a CI that counts failing
 * tests sees seven unanswered questions, not one).
 */
export function formatCheckJunit(report: CheckReport): string {
  const suites = report.documents.map(suite);
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="answer check" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Suite {
  tests: number;
  failures: number;
  xml: string;
}

function suite(doc: CheckedDocument): Suite {
  const byQuestion = new Map<number, CheckProblem[]>();
  const documentLevel: CheckProblem[] = [];
  for (const p of doc.problems) {
    if (p.question !== null && p.question >= 1 && p.question <= doc.questions) {
      const list = byQuestion.get(p.question) ?? [];
      list.push(p);
      byQuestion.set(p.question, list);
    } else {
      documentLevel.push(p);
    }
  }
  const file = doc.answerFile ?? doc.questionFile;
  // No answer document: the document's case says so, and every question's case fails with it.
  const missing = documentLevel.filter((p) => p.code === 'missing-answer' && p.severity === 'error');
  const cases = [testCase(doc.id, 'answer document', doc.questionFile ?? doc.answerFile, documentLevel)];
  for (let n = 1; n <= doc.questions; n++) {
    const own = byQuestion.get(n) ?? [];
    const unanswered: CheckProblem[] = missing.map((p) => ({ ...p, code: 'unanswered', question: n, message: `Question ${n} has no answer: ${p.message}` }));
    cases.push(testCase(doc.id, `Vraag ${n}`, file, [...unanswered, ...own]));
  }
  const failures = cases.filter((c) => c.failed).length;
  const attrs = [`name="${attr(doc.id)}"`, `tests="${cases.length}"`, `failures="${failures}"`, 'errors="0"', 'skipped="0"'];
  if (doc.questionFile ?? doc.answerFile) attrs.push(`file="${attr((doc.questionFile ?? doc.answerFile)!)}"`);
  return {
    tests: cases.length,
    failures,
    xml: [`  <testsuite ${attrs.join(' ')}>`, ...cases.map((c) => c.xml), '  </testsuite>'].join('\n'),
  };
}

function testCase(classname: string, name: string, file: string | null, problems: CheckProblem[]): { failed: boolean; xml: string } {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const attrs = [`name="${attr(name)}"`, `classname="${attr(classname)}"`];
  if (file) attrs.push(`file="${attr(file)}"`);
  if (errors.length === 0 && warnings.length === 0) return { failed: false, xml: `    <testcase ${attrs.join(' ')}/>` };
  const inner: string[] = [];
  if (errors.length > 0) {
    // One <failure> per case: the JUnit schema most CI tools validate against allows only one.
    const first = errors[0]!;
    inner.push(`      <failure type="${attr(first.code)}" message="${attr(first.message)}">${text(errors.map(describe).join('\n'))}</failure>`);
  }
  if (warnings.length > 0) inner.push(`      <system-out>${text(warnings.map(describe).join('\n'))}</system-out>`);
  return { failed: errors.length > 0, xml: [`    <testcase ${attrs.join(' ')}>`, ...inner, '    </testcase>'].join('\n') };
}

function describe(p: CheckProblem): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}  ` : '';
  return `${where}${p.severity}  ${p.code}  ${p.message}`;
}

/** Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escape element text. */
export function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape an attribute value; line breaks are kept as character references, not normalised away. */
export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
