/**
 * Changing a few front-matter keys of a document a person may have edited: the body is kept
 * byte for byte (never parsed and written again), keys nobody asked to change keep their
 * values, and keys the tool does not know (a council's own `zaaknummer`) stay.
 */
import { readFrontMatter, stringifyFrontMatter, type FrontMatterMap, type FrontMatterValue, type WritableValue } from './front-matter.js';

/** New values by key; `undefined` leaves a key as it is, `null` writes an empty value. */
export type FrontMatterChanges = Record<string, WritableValue>;

/**
 * The text with `changes` applied to its front matter. Keys are written in `order` first (those
 * present), then every other key in the order the file had them.
 */
export function editFrontMatter(text: string, changes: FrontMatterChanges, options: { file?: string | null; order?: readonly string[] } = {}): string {
  const { data, body } = readFrontMatter(text, options.file ?? null);
  return stringifyFrontMatter(mergeFrontMatter(data, changes, options.order ?? []), body);
}

/** The merged map: `data` with `changes` applied, in `order` first and then the file's order. */
export function mergeFrontMatter(data: FrontMatterMap, changes: FrontMatterChanges, order: readonly string[]): Record<string, WritableValue> {
  const merged: Record<string, WritableValue> = Object.create(null) as Record<string, WritableValue>;
  const value = (key: string): WritableValue => (Object.hasOwn(changes, key) && changes[key] !== undefined ? changes[key] : (data[key] as FrontMatterValue | undefined));
  const present = (key: string) => (Object.hasOwn(changes, key) && changes[key] !== undefined) || Object.hasOwn(data, key);
  for (const key of order) if (present(key)) merged[key] = value(key);
  for (const key of Object.keys(data)) if (!Object.hasOwn(merged, key)) merged[key] = value(key);
  for (const key of Object.keys(changes)) if (!Object.hasOwn(merged, key) && changes[key] !== undefined) merged[key] = changes[key];
  return merged;
}
