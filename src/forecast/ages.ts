import { birthdayAtAge, fromDayNumber, toDayNumber } from '../calendar/index.js';
import type { AgeBand } from './config.js';

/**
 * Band boundaries of one child as day numbers: the birthday on which each band ends. Exact
 * from the date of birth (29 February birthdays fall on 28 February), not 365.24-day years.
 */
export function bandEndDays(dobDay: number, bands: readonly AgeBand[]): number[] {
  const dob = fromDayNumber(dobDay);
  return bands.map((band) => dayOf(birthdayAtAge(dob, band.toYears)));
}

/** Index of the band a child is in on `day` (band 0 before birth); bands.length once past the last. */
export function bandOnDay(ends: readonly number[], day: number): number {
  let band = 0;
  while (band < ends.length && day >= ends[band]!) band++;
  return band;
}

/** Mean days per year, for simulated entrants whose dates of birth are themselves drawn. */
export const DAYS_PER_YEAR = 365.2425;

const dayCache = new Map<string, number>();

/**
 * ISO date → day number through src/calendar, memoised: episode tables repeat the same few
 * thousand dates hundreds of thousands of times, and parsing each was most of the fit time.
 */
export function dayOf(date: string): number {
  let day = dayCache.get(date);
  if (day === undefined) {
    day = toDayNumber(date);
    if (dayCache.size > 200_000) dayCache.clear();
    dayCache.set(date, day);
  }
  return day;
}
