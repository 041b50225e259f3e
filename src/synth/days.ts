import { civilFromDays, daysFromCivil } from '../calendar/index.js';

/** Day-number helpers for the simulation's hot loops (on src/calendar's fast civil-day arithmetic). */

/** The day a person born on `dob` reaches `age` (29 February birthdays fall on 28 February). */
export function birthdayDay(dob: number, age: number): number {
  const [y, m, d] = civilFromDays(dob);
  return daysFromCivil(y + age, m, m === 2 && d === 29 ? 28 : d);
}

/** Day numbers 1900-01-01 to 2199-12-31, the range the cache covers (outside it: formatted each time). */
const CACHE_FIRST = daysFromCivil(1900, 1, 1);
const CACHE_LAST = daysFromCivil(2199, 12, 31);
const isoCache: (string | undefined)[] = [];

/** ISO date of a day number, memoised in an array (the row builder formats the same few thousand days millions of times). */
export function isoOf(day: number): string {
  const inRange = day >= CACHE_FIRST && day <= CACHE_LAST;
  let s = inRange ? isoCache[day - CACHE_FIRST] : undefined;
  if (s === undefined) {
    const [y, m, d] = civilFromDays(day);
    s = `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    if (inRange) isoCache[day - CACHE_FIRST] = s;
  }
  return s;
}

/**
 * The collection years whose 31 March a record open from `start` until `end` (exclusive; null:
 * still open) spans, as [first, last] (last is Infinity while open).
 */
export function censusYearsSpanned(start: number, end: number | null): [number, number] {
  return [collectionYearOfDay(start), end === null ? Infinity : collectionYearOfDay(end) - 1];
}

const yearCache = new Int16Array(CACHE_LAST - CACHE_FIRST + 1);

/** Collection year (end-year label) containing a day: 1 April starts the next label. Memoised (measured every year of every calibration run). */
export function collectionYearOfDay(day: number): number {
  const inRange = day >= CACHE_FIRST && day <= CACHE_LAST;
  if (inRange) {
    const cached = yearCache[day - CACHE_FIRST]!;
    if (cached !== 0) return cached;
  }
  const [y, m] = civilFromDays(day);
  const year = m >= 4 ? y + 1 : y;
  if (inRange) yearCache[day - CACHE_FIRST] = year;
  return year;
}
