/**
 * Array helpers for data-sized arrays. `target.push(...items)` and `Math.max(...values)` pass
 * every element as an argument, and past about 100,000 of them the call overflows the stack
 * ("Maximum call stack size exceeded"): a corpus file with 135,000 headings did so. These loop.
 */

/** Append every item to `target` (in order); returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest value, or `empty` when there is none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = -Infinity;
  let any = false;
  for (const value of values) {
    any = true;
    if (value > max || Number.isNaN(value)) max = value;
  }
  return any ? max : empty;
}

/** The smallest value, or `empty` when there is none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = Infinity;
  let any = false;
  for (const value of values) {
    any = true;
    if (value < min || Number.isNaN(value)) min = value;
  }
  return any ? min : empty;
}
