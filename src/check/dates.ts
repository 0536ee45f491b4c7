/** ISO calendar dates (`YYYY-MM-DD`) as the check and status use them: no time, no time zone. */
export { isIsoDate } from '../documents/deadline.js';

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be ISO dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Today's date on the machine's calendar, as an ISO date. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function utc(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}
