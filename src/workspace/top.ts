import { UsageError } from '../errors.js';

/** The most results a command gives: the same bound as `top` in answer.config.json. */
export const MAX_TOP = 1000;

/** A `--top` value: a whole number from `min` (default 1) to 1000; `fallback` when not given. */
export function parseTop(value: string | number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > MAX_TOP) throw new UsageError(`--top must be a whole number from ${min} to ${MAX_TOP}, not "${value}"`);
  return n;
}
