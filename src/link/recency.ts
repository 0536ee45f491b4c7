/**
 * A recency prior: current policy before old policy on the same point. A municipality's policy
 * documents are written for a council term (4 years) and replaced by the next ones, so a passage
 * of a document more than a term older than the newest document that also matches the query is
 * likely superseded (the 2005 beleidsnota next to the 2025 Zwolse agenda). Its score is
 * multiplied by a factor that halves per further council term, bounded below, so old policy
 * still ranks when it matches far better, and is untouched when it is the only match (it is then
 * the newest that matches). Passages without a date are neutral.
 */

export interface RecencyParams {
  /** Years behind the newest matching document without any penalty. */
  grace: number;
  /** Years per halving of the factor after the grace period. */
  halfLife: number;
  /** The factor never goes below this. */
  floor: number;
}

/** One council term of grace, then halving per term, never below one half. */
export const DEFAULT_RECENCY: RecencyParams = { grace: 4, halfLife: 4, floor: 0.5 };

/**
 * A front-matter date as a fractional year (the middle of the period it names: "2005" is
 * 2005.5, "2025-04" is April's middle); null for no date or one that is not YYYY[-MM[-DD]].
 */
export function dateYear(date: string | null | undefined): number | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return year + 0.5;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (!m[3]) return year + (month - 0.5) / 12;
  const day = Number(m[3]);
  if (day < 1 || day > 31) return null;
  return year + (month - 1 + (day - 0.5) / 31) / 12;
}

/** The factor for a document of `year` when the newest matching document is of `newest`. */
export function recencyFactor(year: number | null, newest: number | null, params: RecencyParams = DEFAULT_RECENCY): number {
  if (year === null || newest === null) return 1;
  const behind = newest - year - params.grace;
  if (behind <= 0) return 1;
  return Math.max(params.floor, 0.5 ** (behind / params.halfLife));
}
