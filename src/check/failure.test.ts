import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkWorkspace, workspaceStatus } from './index.js';

/**
 * A failure of our own on one file (a bug, a stack overflow on a crafted document) is a problem
 * naming that file, and every other file is still checked. The readers are made to fail here on a
 * marker in the text, as a crafted file would make them.
 */
vi.mock('../documents/question-document.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../documents/question-document.js')>();
  return {
    ...original,
    readQuestionDocumentFile: (text: string, options: Parameters<typeof original.readQuestionDocumentFile>[1]) => {
      if (text.includes('KAPOT')) throw new RangeError('Maximum call stack size exceeded');
      return original.readQuestionDocumentFile(text, options);
    },
  };
});
vi.mock('../documents/answer-document.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../documents/answer-document.js')>();
  return {
    ...original,
    readAnswerDocument: (text: string, file: string | null) => {
      if (text.includes('KAPOT')) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      return original.readAnswerDocument(text, file);
    },
  };
});

const GOLDEN = join(import.meta.dirname, '../../test/golden');
const temp = mkdtempSync(join(tmpdir(), 'answer-check-failure-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const ID = '2025-04-12-d66-regionale-zorg-en-veiligheid';

describe('a failure of our own on one file', () => {
  it('is a schema problem of that file, and the other documents are checked', async () => {
    const dir = join(temp, 'ws');
    cpSync(join(GOLDEN, 'check-overdue'), dir, { recursive: true });
    const question = join(dir, 'questions/2025-03-01-cu-geen-antwoord.md');
    writeFileSync(question, `${readFileSync(question, 'utf8')}\nKAPOT\n`);
    const answer = join(dir, 'answers/2025-04-20-vvd-uitstel.md');
    writeFileSync(answer, `${readFileSync(answer, 'utf8')}\nKAPOT\n`);
    const report = await checkWorkspace(dir, { today: '2025-06-01' });
    expect(report.documents.find((d) => d.id === '2025-03-01-cu-geen-antwoord')!.problems).toEqual([
      expect.objectContaining({ code: 'schema', severity: 'error', file: 'questions/2025-03-01-cu-geen-antwoord.md', message: 'The file could not be read as a document (Maximum call stack size exceeded).' }),
    ]);
    expect(report.documents.find((d) => d.id === '2025-04-20-vvd-uitstel')!.problems).toContainEqual(
      expect.objectContaining({ code: 'schema', file: 'answers/2025-04-20-vvd-uitstel.md', message: expect.stringMatching(/^The file could not be read as a document \(Cannot read properties/) }),
    );
    expect(report.documents.find((d) => d.id === ID)).toMatchObject({ questions: 3, answered: 3 });
    const status = await workspaceStatus(dir, { today: '2025-06-01' });
    expect(status.ok).toBe(false);
    expect(status.documents).toHaveLength(3);
  });
});
