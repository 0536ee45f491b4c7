import { describe, expect, it } from 'vitest';
import { attr, formatCheckJunit } from './junit.js';
import { sampleReport } from './test-helpers/sample-report.js';
import { findAll, parseStrictXml } from './test-helpers/strict-xml.js';

describe('formatCheckJunit', () => {
  it('is checked by a reader that does refuse broken XML', () => {
    for (const broken of ['<a><b></a>', '<a x="1 & 2"/>', '<a>1 & 2</a>', '<a x="1 < 2"/>', '<a>&#1;</a>', '<a>\u0001</a>', '<a/><b/>', '<a>&bogus;</a>', '<a x="1" x="2"/>']) {
      expect(() => parseStrictXml(broken), broken).toThrow();
    }
    expect(parseStrictXml('<?xml version="1.0"?>\n<a x="&lt;&#10;"><b>1 &amp; 2</b></a>\n').attributes.x).toBe('<\n');
  });

  it('is well-formed XML with one suite per document and one case per question plus the document', () => {
    const root = parseStrictXml(formatCheckJunit(sampleReport()));
    expect(root.name).toBe('testsuites');
    expect(root.attributes.tests).toBe('8');
    expect(root.attributes.failures).toBe('3');
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures])).toEqual([
      ['2025-04-12-d66-zorg', '4', '2'],
      ['2025-05-01-vvd-parkeren', '3', '0'],
      ['geen-vraag', '1', '1'],
    ]);
    expect(findAll(suites[0]!, 'testcase').map((c) => c.attributes.name)).toEqual(['answer document', 'Vraag 1', 'Vraag 2', 'Vraag 3']);
  });

  it('fails every question of a letter without an answer document, with the reason', () => {
    const report = sampleReport();
    report.documents[1] = {
      ...report.documents[1]!,
      answerFile: null,
      problems: [{ severity: 'error', code: 'missing-answer', question: null, file: 'questions/2025-05-01-vvd-parkeren.md', line: null, message: "There is no answer document for '2025-05-01-vvd-parkeren'." }],
    };
    const root = parseStrictXml(formatCheckJunit(report));
    const suite = findAll(root, 'testsuite')[1]!;
    expect([suite.attributes.tests, suite.attributes.failures]).toEqual(['3', '3']);
    const failures = findAll(suite, 'failure');
    expect(failures.map((f) => f.attributes.type)).toEqual(['missing-answer', 'unanswered', 'unanswered']);
    expect(failures[2]!.attributes.message).toBe("Question 2 has no answer: There is no answer document for '2025-05-01-vvd-parkeren'.");
  });

  it('carries awkward message text through escaping unchanged, bar characters XML cannot hold', () => {
    const root = parseStrictXml(formatCheckJunit(sampleReport()));
    const drift = findAll(root, 'failure').find((f) => f.attributes.type === 'drift')!;
    expect(drift.attributes.message).toBe('Question 3 changed: "100% <zeker> & \'snel\'",\nnu: a,b:c\r\uFFFD');
    expect(drift.text).toContain('answers/2025-04-12-d66-zorg.md:50  error  drift');
  });

  it('puts warnings in system-out so they do not fail the build', () => {
    const root = parseStrictXml(formatCheckJunit(sampleReport()));
    const documentCase = findAll(root, 'testcase')[0]!;
    expect(findAll(documentCase, 'failure')).toEqual([]);
    expect(findAll(documentCase, 'system-out')[0]!.text).toContain('overdue');
  });

  it('escapes markup characters and drops lone surrogates in attributes', () => {
    expect(attr('<a href="x">&\'\ud800')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\uFFFD');
  });
});
