import type { FrontMatter, FrontMatterValue } from './front-matter.js';
import { type CheckProblem, problem } from '../check/codes.js';
import { isIsoDate } from '../check/dates.js';

/** Ids are slugs (`<date>-<party>-<subject>`, `[a-z0-9-]`, at most 80 characters; see import). */
const ID = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

type FieldType = 'text' | 'id' | 'date' | 'list';

interface FieldSpec {
  type: FieldType;
  required?: boolean;
}

/**
 * Front matter of `questions/<id>.md`: what `answer import` writes. Keys not listed here are
 * allowed (a griffie may keep its own notes) and not checked; `null` is always allowed for an
 * optional key, because unknown facts are written as null. Only `id` is required: everything
 * else may be unknown for a letter.
 */
const QUESTION_FIELDS: Record<string, FieldSpec> = {
  id: { type: 'id', required: true },
  title: { type: 'text' },
  subject: { type: 'text' },
  article: { type: 'text' },
  municipality: { type: 'text' },
  party: { type: 'text' },
  parties: { type: 'list' },
  members: { type: 'list' },
  date: { type: 'date' },
  received: { type: 'date' },
  deadline: { type: 'date' },
  addressee: { type: 'text' },
  source: { type: 'text' },
  kind: { type: 'text' },
};

const UITSTEL_FIELDS: Record<string, FieldSpec> = {
  until: { type: 'date', required: true },
  date: { type: 'date' },
  reason: { type: 'text' },
};

export interface QuestionSchemaOptions {
  /** The question kinds configured for the workspace; `kind` must be one of them when given. */
  kinds?: readonly string[];
}

/**
 * `schema` problems in the front matter of a question document. (The answer document's front
 * matter is validated by its reader, `readAnswerDocument`, which reports `schema` problems with
 * the key's line; the check passes those on.)
 */
export function checkQuestionFrontMatter(fm: FrontMatter, file: string, options: QuestionSchemaOptions = {}): CheckProblem[] {
  const problems = checkFields(fm, file, '', QUESTION_FIELDS, 'question document');
  const kind = fm.data.kind;
  if (typeof kind === 'string' && options.kinds && options.kinds.length > 0 && !options.kinds.includes(kind)) {
    problems.push(
      schemaProblem(`'kind' is "${kind}", which answer.config.json does not define (known kinds: ${options.kinds.join(', ')}).`, file, lineOf(fm, 'kind')),
    );
  }
  const uitstel = fm.data.uitstel;
  if (uitstel !== undefined && uitstel !== null) {
    if (typeof uitstel !== 'object' || Array.isArray(uitstel)) {
      problems.push(schemaProblem(`'uitstel' must be a group of keys (until, date, reason), not ${describe(uitstel)}.`, file, lineOf(fm, 'uitstel')));
    } else {
      problems.push(...checkFields({ data: uitstel, keyLines: fm.keyLines, bodyStartLine: fm.bodyStartLine }, file, 'uitstel', UITSTEL_FIELDS, "question document's uitstel"));
    }
  }
  return problems;
}

function checkFields(
  fm: Pick<FrontMatter, 'data' | 'keyLines' | 'bodyStartLine'>,
  file: string,
  prefix: string,
  fields: Record<string, FieldSpec>,
  what: string,
): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const path = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const [key, spec] of Object.entries(fields)) {
    const present = Object.prototype.hasOwnProperty.call(fm.data, key);
    const value = present ? fm.data[key] : undefined;
    const line = lineOf(fm as FrontMatter, path(key)) ?? (prefix ? lineOf(fm as FrontMatter, prefix) : null);
    if (value === undefined || value === null || value === '') {
      if (spec.required) {
        const where = prefix ? (lineOf(fm as FrontMatter, prefix) ?? 1) : (present ? line : 1);
        problems.push(schemaProblem(`The ${what} needs '${path(key)}'${requiredHint(spec)}.`, file, where));
      }
      continue;
    }
    const message = wrongValue(value, spec, path(key));
    if (message) problems.push(schemaProblem(message, file, line));
    if (spec.type === 'list' && Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item !== 'string') {
          problems.push(schemaProblem(`'${path(key)}' must list names as text; item ${index + 1} is ${describe(item)}.`, file, lineOf(fm as FrontMatter, `${path(key)}.${index}`) ?? line));
        }
      });
    }
  }
  return problems;
}

function requiredHint(spec: FieldSpec): string {
  if (spec.type === 'id') return ' (lower-case letters, digits and hyphens)';
  if (spec.type === 'date') return ' (a date written YYYY-MM-DD)';
  return '';
}

function wrongValue(value: FrontMatterValue, spec: FieldSpec, key: string): string | null {
  switch (spec.type) {
    case 'list':
      return Array.isArray(value) ? null : `'${key}' must be a list, not ${describe(value)}.`;
    case 'text':
      return typeof value === 'string' ? null : `'${key}' must be text, not ${describe(value)}.`;
    case 'date':
      if (typeof value !== 'string') return `'${key}' must be a date written YYYY-MM-DD, not ${describe(value)}.`;
      return isIsoDate(value) ? null : `'${key}' is "${value}", which is not a date written YYYY-MM-DD.`;
    case 'id':
      if (typeof value !== 'string') return `'${key}' must be an id, not ${describe(value)}.`;
      return ID.test(value) ? null : `'${key}' is "${value}", which is not an id (lower-case letters, digits and hyphens, at most 80).`;
  }
}

function describe(value: FrontMatterValue): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of keys';
  return `"${value}"`;
}

function lineOf(fm: Pick<FrontMatter, 'keyLines'>, path: string): number | null {
  return fm.keyLines[path] ?? null;
}

function schemaProblem(message: string, file: string, line: number | null): CheckProblem {
  return problem('schema', 'error', message, { file, line });
}
