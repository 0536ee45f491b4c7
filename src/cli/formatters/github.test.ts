import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatCheckGithub } from './github.js';
import { sampleReport } from './test-helpers/sample-report.js';

/** The runner's parser for `::command k=v,k=v::message` (actions/runner ActionCommand.TryParseV2). */
function parseCommand(line: string) {
  const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return null;
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
  }
  return { command: m[1], properties, message: unescape(m[3]!) };
}

describe('formatCheckGithub', () => {
  it('writes one workflow command per problem with file, line and title', () => {
    const lines = formatCheckGithub(sampleReport()).trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=answers/2025-04-12-d66-zorg.md,line=42,title=answer check%3A unanswered::Question 2 has no answer yet.');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(3);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(1);
    expect(lines.at(-1)).toBe('answer check: 3 question documents, 3 errors, 1 warning');
  });

  it('escapes so every command stays on one line and parses back to the original text', () => {
    const report = sampleReport();
    const lines = formatCheckGithub(report).trimEnd().split('\n');
    const drift = parseCommand(lines[1]!)!;
    expect(drift.command).toBe('error');
    expect(drift.message).toBe(report.documents[0]!.problems[1]!.message);
    expect(drift.properties).toEqual({ file: 'answers/2025-04-12-d66-zorg.md', line: '50', title: 'answer check: drift' });
  });

  it('escapes % first, then line breaks, and , and : only in properties', () => {
    expect(escapeData('50%\r\n: ,')).toBe('50%25%0D%0A: ,');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(escapeProperty('%3A')).toBe('%253A');
  });

  it('leaves out the line when it is not known', () => {
    const report = sampleReport();
    report.documents[0]!.problems[0]!.line = null;
    expect(formatCheckGithub(report).split('\n')[0]).toMatch(/^::error file=answers\/2025-04-12-d66-zorg\.md,title=/);
  });
});
