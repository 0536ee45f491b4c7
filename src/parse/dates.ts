/**
 * Dutch dates in the writings letters use: "12 april 2025", "dinsdag 3 mei 2022", "19 feb. 2021",
 * "12-04-2025", "12/04/2025", "12.04.2025", "16-12-21", "2025-04-12", "do 23/05/2024".
 */
import { isValid } from 'date-fns/isValid';

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, febr: 2, maart: 3, mrt: 3, mar: 3, april: 4, apr: 4, mei: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augustus: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};
const WEEKDAY = '(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\\.?,?\\s+';
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const WRITTEN_RE = new RegExp(`(?:${WEEKDAY})?\\b(\\d{1,2})(?:e|ste|de)?\\s+(${MONTH_NAMES})\\.?,?\\s+('?\\d{4}|'\\d{2})\\b`, 'giu');
const NUMERIC_RE = /(?<![\d/.-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})([-/.])(\d{1,2})\5(\d{4}|\d{2}))(?![\d/.-]*\d)/g;

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

export function toIso(year: number, month: number, day: number): string | null {
  if (year < 100) year += year < 70 ? 2000 : 1900;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2199) return null;
  const d = new Date(year, month - 1, day);
  if (!isValid(d) || d.getMonth() !== month - 1 || d.getDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every date written in the text, in order. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(WRITTEN_RE)) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    const year = Number((m[3] ?? '').replace("'", ''));
    const iso = month ? toIso(year, month, Number(m[1])) : null;
    if (iso) found.push({ iso, index: m.index ?? 0, length: m[0].length });
  }
  for (const m of text.matchAll(NUMERIC_RE)) {
    const iso = m[1] ? toIso(Number(m[1]), Number(m[2]), Number(m[3])) : toIso(Number(m[7]), Number(m[6]), Number(m[4]));
    if (iso) found.push({ iso, index: m.index ?? 0, length: m[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The date when the whole text is one date (a weekday and punctuation allowed around it). */
export function parseDateOnly(text: string): string | null {
  const dates = findDates(text);
  if (dates.length !== 1 || !dates[0]) return null;
  const rest = (text.slice(0, dates[0].index) + text.slice(dates[0].index + dates[0].length))
    .replace(new RegExp(`^${WEEKDAY}`, 'i'), '')
    .replace(/[\s,.\-–:]|\d{1,2}[:.]\d{2}|uur/gi, '');
  return rest.length === 0 ? dates[0].iso : null;
}
