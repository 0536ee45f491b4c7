import { UsageError } from '../errors.js';
import { isIsoDate } from '../documents/deadline.js';

/**
 * A date given on the command line: `YYYY-MM-DD`, a real calendar day, from 1900 to 2199. The
 * bound keeps a typo such as `9999-12-31` from giving a five-digit deadline year that no reader
 * (ours included) accepts.
 */
export function userDate(value: string, flag: string): string {
  const date = value.trim();
  if (!isIsoDate(date)) throw new UsageError(`${flag} must be a date as YYYY-MM-DD, not "${value}"`);
  const year = Number(date.slice(0, 4));
  if (year < 1900 || year > 2199) throw new UsageError(`${flag} must be a date between 1900 and 2199, not "${value}"`);
  return date;
}
