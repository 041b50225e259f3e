import { civilFromDays, daysFromCivil, daysInMonth, isLeapYear, toDayNumber } from '../calendar/index.js';
import type { AgeBand } from './config.js';

/**
 * Dates as day numbers, fast: the fit turns hundreds of thousands of ISO dates into day
 * numbers and dates of birth into band-end birthdays. Same answers as src/calendar
 * (toDayNumber, birthdayAtAge with 29 February → 28 February; ages.test.ts checks), by
 * arithmetic on the civil calendar instead of Date objects and string round trips.
 */

/** `YYYY-MM-DD` → day number, or NaN when it is not a real date in that form. */
export function parseDay(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return Number.NaN;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    year = year * 10 + c;
  }
  const m1 = value.charCodeAt(5) - 48;
  const m2 = value.charCodeAt(6) - 48;
  const d1 = value.charCodeAt(8) - 48;
  const d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 1 || month < 1 || month > 12 || day < 1) return Number.NaN;
  if (day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

/** ISO date → day number; throws (through src/calendar) on anything that is not a date. */
export function dayOf(date: string): number {
  const day = parseDay(date);
  return Number.isNaN(day) ? toDayNumber(date) : day;
}

/**
 * Band boundaries of one child as day numbers: the birthday on which each band ends. Exact
 * from the date of birth (29 February birthdays fall on 28 February), not 365.24-day years.
 */
export function bandEndDays(dobDay: number, bands: readonly AgeBand[]): number[] {
  const [year, month, day] = civilFromDays(dobDay);
  return bands.map((band) => {
    const y = year + band.toYears;
    return month === 2 && day === 29 && !isLeapYear(y) ? daysFromCivil(y, 2, 28) : daysFromCivil(y, month, day);
  });
}

/** Index of the band a child is in on `day` (band 0 before birth); bands.length once past the last. */
export function bandOnDay(ends: readonly number[], day: number): number {
  let band = 0;
  while (band < ends.length && day >= ends[band]!) band++;
  return band;
}

/** Mean days per year, for simulated entrants whose dates of birth are themselves drawn. */
export const DAYS_PER_YEAR = 365.2425;
