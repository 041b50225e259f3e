/**
 * Fast, exact conversions between UTC day numbers and civil dates (Howard Hinnant's algorithms),
 * for the hot loops of the simulation; src/calendar does the same with validation, which costs
 * too much when called millions of times. Day 0 = 1970-01-01, as in src/calendar.
 */
export function civilFromDays(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

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

/** Collection year (end-year label) containing a day: 1 April starts the next label. */
export function collectionYearOfDay(day: number): number {
  const [y, m] = civilFromDays(day);
  return m >= 4 ? y + 1 : y;
}
