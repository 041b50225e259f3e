import { addDays, addYears, collectionYearBounds, isIsoDate } from '../calendar/index.js';
import type { Period } from './types.js';

/** The reporting year Y: 1 April Y−1 to 31 March Y (DfE labels it by its end year). */
export function reportingYear(year: number): Period {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new Error(`year must be a whole year between 1990 and 2100 (got ${year})`);
  const { start, end } = collectionYearBounds(year);
  return { year, start, end };
}

/** Any local period (for example a rolling 12 months); labelled by the year of its end date. */
export function customPeriod(start: string, end: string): Period {
  if (!isIsoDate(start) || !isIsoDate(end)) throw new Error(`period dates must be YYYY-MM-DD (got ${start} to ${end})`);
  if (end < start) throw new Error(`period ends (${end}) before it starts (${start})`);
  return { year: Number(end.slice(0, 4)), start, end };
}

/** The 12 months ending on `end` (inclusive). */
export function rolling12Months(end: string): Period {
  return customPeriod(addDays(addYears(end, -1), 1), end);
}

/** Start of the three-year window ending with the period (adoption scorecard). */
export function threeYearStart(period: Period): string {
  return addDays(addYears(period.end, -3), 1);
}
