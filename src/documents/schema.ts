/**
 * Front matter schemas, one per document kind, written as data: which keys a kind knows, of which
 * type, which are required. `applySchema` reads the front matter through one and returns the
 * values and the problems; it never throws for bad content. Every problem is a `schema` error at
 * the line of the key (or of its group, or line 1 for a key that is missing), worded as a sentence
 * a person can act on.
 */
import { InputError } from '../errors.js';
import type { Problem } from '../model.js';
import { isIsoDate } from './deadline.js';
import type { FrontMatter, FrontMatterMap, FrontMatterValue } from './front-matter.js';

/** Ids are slugs (`<date>-<party>-<subject>`, `[a-z0-9-]`, at most 80 characters; see import). */
const ID = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

export type FieldSpec =
  /** Text, trimmed; empty text reads as null. */
  | { type: 'text'; required?: boolean; about?: string }
  /** An id as `answer import` writes it: lower-case letters, digits and hyphens, at most 80. */
  | { type: 'id'; required?: boolean; about?: string }
  /** A calendar date written `YYYY-MM-DD`. */
  | { type: 'date'; required?: boolean; about?: string }
  /** A list of names; a single name (a string) reads as a list of one. */
  | { type: 'list'; required?: boolean; about?: string }
  /** One of the given words. */
  | { type: 'one-of'; values: readonly string[]; required?: boolean; about?: string }
  /** A group of keys of its own (unknown keys in it are problems). */
  | { type: 'group'; fields: Record<string, FieldSpec>; required?: boolean; about?: string };

export interface DocumentSchema {
  /** How messages name the document: "question document". */
  name: string;
  fields: Record<string, FieldSpec>;
}

/** A value as the schema gives it: text, a list of texts, a group, or null (unknown, or unusable). */
export type SchemaValue = string | null | string[] | SchemaValues;
export interface SchemaValues {
  [key: string]: SchemaValue;
}

export interface SchemaResult {
  /** The known keys present in the front matter, converted; a key with a problem reads as null (a list as empty). */
  values: SchemaValues;
  problems: Problem[];
  /** Top-level keys the schema does not know, in file order (allowed; the readers warn about them). */
  unknown: string[];
  /** Keys (dotted paths) written with a value that could not be used: unknown, not empty. */
  invalid: string[];
}

/**
 * Read front matter through a schema. Keys the schema does not know are returned in `unknown`
 * (a griffie may keep its own notes); unknown keys inside a group are problems.
 */
export function applySchema(fm: Pick<FrontMatter, 'data' | 'keyLines'>, schema: DocumentSchema, file: string | null): SchemaResult {
  const problems: Problem[] = [];
  const invalid: string[] = [];
  const values = readGroup(fm.data, schema.fields, '', { fm, file, problems, invalid, name: schema.name });
  const unknown = Object.keys(fm.data).filter((key) => !Object.hasOwn(schema.fields, key));
  return { values, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), unknown, invalid };
}

interface Context {
  fm: Pick<FrontMatter, 'data' | 'keyLines'>;
  file: string | null;
  problems: Problem[];
  invalid: string[];
  name: string;
}

const entriesOf = new WeakMap<Record<string, FieldSpec>, Array<[string, FieldSpec]>>();
/** A schema's fields as entries, made once per schema (every document read goes through them). */
function fieldEntries(fields: Record<string, FieldSpec>): Array<[string, FieldSpec]> {
  let entries = entriesOf.get(fields);
  if (!entries) entriesOf.set(fields, (entries = Object.entries(fields)));
  return entries;
}

function readGroup(data: FrontMatterMap, fields: Record<string, FieldSpec>, prefix: string, context: Context): SchemaValues {
  const values = Object.create(null) as SchemaValues;
  const path = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const [key, spec] of fieldEntries(fields)) {
    if (!Object.hasOwn(data, key)) {
      if (spec.required) context.problems.push(schemaProblem(`The ${context.name} needs '${path(key)}'${hint(spec)}`, context.file, (prefix ? context.fm.keyLines[prefix] : null) ?? 1));
      continue;
    }
    values[key] = readValue(data[key]!, spec, path(key), context);
  }
  return values;
}

function readValue(value: FrontMatterValue, spec: FieldSpec, path: string, context: Context): SchemaValue {
  const { fm, file, problems } = context;
  const line = fm.keyLines[path] ?? fm.keyLines[path.split('.')[0]!] ?? 1;
  const problem = (message: string, at: number = line): null => {
    problems.push(schemaProblem(message, file, at));
    if (!context.invalid.includes(path)) context.invalid.push(path);
    return null;
  };
  const empty = value === null || (typeof value === 'string' && value.trim() === '');
  if (empty) {
    if (spec.required) problem(`The ${context.name} needs '${path}'${hint(spec)}`);
    return spec.type === 'list' ? [] : null;
  }
  switch (spec.type) {
    case 'text':
      return typeof value === 'string' ? value.trim() : problem(`'${path}' must be text, not ${describe(value)}`);
    case 'id': {
      if (typeof value !== 'string') return problem(`'${path}' must be an id, not ${describe(value)}`);
      const id = value.trim();
      return ID.test(id) ? id : problem(`'${path}' is "${clip(id)}", which is not an id (lower-case letters, digits and hyphens, at most 80)`);
    }
    case 'date': {
      if (typeof value !== 'string') return problem(`'${path}' must be a date written YYYY-MM-DD, not ${describe(value)}`);
      const date = value.trim();
      return isIsoDate(date) ? date : problem(`'${path}' is "${clip(date)}", which is not a date written YYYY-MM-DD`);
    }
    case 'one-of': {
      if (typeof value !== 'string') return problem(`'${path}' must be one of ${spec.values.join(', ')}, not ${describe(value)}`);
      const word = value.trim();
      return spec.values.includes(word) ? word : problem(`'${path}' must be one of ${spec.values.join(', ')}, not "${clip(word)}"`);
    }
    case 'list': {
      if (typeof value === 'string') return [value.trim()];
      if (!Array.isArray(value)) {
        problem(`'${path}' must be a list, not ${describe(value)}`);
        return [];
      }
      const items: string[] = [];
      value.forEach((item, index) => {
        if (item === null || (typeof item === 'string' && item.trim() === '')) return;
        if (typeof item === 'string') items.push(item.trim());
        else problem(`'${path}' must list names as text; item ${index + 1} is ${describe(item)}`, fm.keyLines[`${path}.${index}`] ?? line);
      });
      return items;
    }
    case 'group': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        return problem(`'${path}' must be a group of keys (${Object.keys(spec.fields).join(', ')}), not ${describe(value)}`);
      }
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(spec.fields, key)) {
          problem(`'${path}.${key}' is not a key of '${path}', which holds ${joinWords(Object.keys(spec.fields))}`, fm.keyLines[`${path}.${key}`] ?? line);
        }
      }
      return readGroup(value, spec.fields, path, context);
    }
  }
}

function hint(spec: FieldSpec): string {
  if (spec.about) return ` (${spec.about})`;
  if (spec.type === 'id') return ' (lower-case letters, digits and hyphens)';
  if (spec.type === 'date') return ' (a date written YYYY-MM-DD)';
  if (spec.type === 'one-of') return ` (${joinWords(spec.values, 'or')})`;
  return '';
}

function joinWords(words: readonly string[], last = 'and'): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

function describe(value: FrontMatterValue): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of keys';
  return `"${clip(value)}"`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function schemaProblem(message: string, file: string | null, line: number | null): Problem {
  return { code: 'schema', severity: 'error', message, file, line };
}

/**
 * For callers that must refuse a document with errors (a command about to write from it): throws
 * one `InputError` naming the file and the line of the first error, and how many more there are.
 * Warnings never refuse.
 */
export function refuseErrors(problems: readonly Problem[], file: string | null = null): void {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  if (!first) return;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''}: run 'answer check')` : '';
  throw new InputError(`${first.message}${more}`, { file: first.file ?? file, line: first.line });
}
