/**
 * Date-only helpers on ISO `YYYY-MM-DD` strings.
 *
 * All arithmetic is done on integer "day numbers" (days since 1970-01-01, the
 * Unix epoch, in UTC), so the results never depend on the machine's time zone
 * or on daylight saving. JavaScript `Date` local-time arithmetic is never used.
 *
 * Timestamp helpers for the few hour-based rules (72 hours) are at the end of
 * this file; they work in Europe/London time.
 */

/** An ISO calendar date, `YYYY-MM-DD` (years 0001–9999). */
export type IsoDate = string;

/** Year, month (1–12) and day (1–31) of a date. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for years divisible by 4, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Month out of range: ${month}`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True if `value` is a valid ISO date string such as `2024-02-29`. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** Parse `YYYY-MM-DD` into its parts. Throws `RangeError` on anything else (including 2023-02-29). */
export function parseIsoDate(value: string): DateParts {
  const m = ISO_DATE_RE.exec(value);
  if (!m || !isIsoDate(value)) {
    throw new RangeError(`Not a valid ISO date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Format year, month (1–12), day as `YYYY-MM-DD`. Throws if the date does not exist. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(s)) throw new RangeError(`Not a valid date: ${year}-${month}-${day}`);
  return s;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return dayNumberFromParts(year, month, day);
}

/** Day number from parts, without validation (internal fast path). */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** Inverse of {@link toDayNumber}. */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO date of a JavaScript `Date`, read in UTC (use for values created with `Date.UTC`). */
export function isoDateFromUtcDate(date: Date): IsoDate {
  return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Day of the week, ISO numbering: 1 = Monday … 7 = Sunday.
 * Accepts an ISO date or a day number.
 */
export function isoWeekday(date: IsoDate | number): number {
  const n = typeof date === 'number' ? date : toDayNumber(date);
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** True on Saturday and Sunday. */
export function isWeekend(date: IsoDate | number): boolean {
  return isoWeekday(date) >= 6;
}

/** Add (or, if negative, subtract) calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return fromDayNumber(toDayNumber(date) + days);
}

/** Add weeks of 7 calendar days. Weekends and bank holidays count. */
export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  assertInteger(weeks, 'weeks');
  return addDays(date, weeks * 7);
}

/**
 * Add calendar months, clamping to the last day of the target month:
 * 30 Nov + 3 months = 28 Feb (29 in a leap year), never 2 March;
 * 31 Aug + 6 months = 28/29 Feb. Negative `months` subtract.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'months');
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Add calendar years, clamping 29 February to 28 February in non-leap years. */
export function addYears(date: IsoDate, years: number): IsoDate {
  assertInteger(years, 'years');
  return addMonths(date, years * 12);
}

/** Signed number of calendar days from `from` to `to` (`to − from`). Same day = 0. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Compare two ISO dates: negative if a < b, 0 if equal, positive if a > b. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** The earlier of two or more dates. */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((acc, d) => (compareDates(d, acc) < 0 ? d : acc), first);
}

/** The later of two or more dates. */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((acc, d) => (compareDates(d, acc) > 0 ? d : acc), first);
}

/** Last day of the month that `date` falls in. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(date);
  return formatIsoDate(year, month, daysInMonth(year, month));
}

/**
 * True when an item with `start` and optional `end` is open on `date`:
 * start ≤ date and (no end, or end > date). This is the snapshot convention of
 * indicators.md §1.1: an episode that ends on 31 March is not open at 31 March.
 */
export function isOpenOn(start: IsoDate, end: IsoDate | null | undefined, date: IsoDate): boolean {
  if (compareDates(start, date) > 0) return false;
  return end == null || compareDates(end, date) > 0;
}

// ---------------------------------------------------------------------------
// Financial / collection years (1 April – 31 March)
// ---------------------------------------------------------------------------

/** A year running 1 April (startYear) to 31 March (endYear). */
export interface FinancialYear {
  /** Calendar year in which it starts (1 April). */
  readonly startYear: number;
  /** Calendar year in which it ends (31 March). DfE labels collections by this year. */
  readonly endYear: number;
  /** `2023/24` style label. */
  readonly label: string;
  /** `YYYY-04-01`. */
  readonly start: IsoDate;
  /** `YYYY-03-31`: also the snapshot date of DfE "at 31 March" measures. */
  readonly end: IsoDate;
}

/** The financial (and DfE collection) year whose end year is `endYear`. 2024 → 1 Apr 2023 – 31 Mar 2024. */
export function financialYearEnding(endYear: number): FinancialYear {
  assertInteger(endYear, 'endYear');
  const startYear = endYear - 1;
  return Object.freeze({
    startYear,
    endYear,
    label: `${startYear}/${String(endYear % 100).padStart(2, '0')}`,
    start: formatIsoDate(startYear, 4, 1),
    end: formatIsoDate(endYear, 3, 31),
  });
}

/** The financial year (1 April – 31 March) containing `date`. */
export function financialYearOf(date: IsoDate): FinancialYear {
  return financialYearEnding(collectionYearOf(date));
}

/**
 * The DfE collection year (reporting year) of a date, labelled by its end year:
 * the year ending 31 March Y. 2023-04-01 … 2024-03-31 → 2024 (published as 2023/24).
 */
export function collectionYearOf(date: IsoDate): number {
  const { year, month } = parseIsoDate(date);
  return month >= 4 ? year + 1 : year;
}

/** First and last day (inclusive) of collection year `endYear`. */
export function collectionYearBounds(endYear: number): { readonly start: IsoDate; readonly end: IsoDate } {
  const fy = financialYearEnding(endYear);
  return Object.freeze({ start: fy.start, end: fy.end });
}

/** True when `date` falls in the collection year ending 31 March `endYear`. */
export function isInCollectionYear(date: IsoDate, endYear: number): boolean {
  return collectionYearOf(date) === endYear;
}

/** `2023/24` label for collection year 2024. */
export function collectionYearLabel(endYear: number): string {
  return financialYearEnding(endYear).label;
}

/** The "at 31 March" snapshot date of collection year `endYear`. */
export function snapshotDate(endYear: number): IsoDate {
  assertInteger(endYear, 'endYear');
  return formatIsoDate(endYear, 3, 31);
}

/** Quarter of the collection year: Apr–Jun = 1, Jul–Sep = 2, Oct–Dec = 3, Jan–Mar = 4. */
export function collectionQuarterOf(date: IsoDate): 1 | 2 | 3 | 4 {
  const { month } = parseIsoDate(date);
  if (month >= 4 && month <= 6) return 1;
  if (month >= 7 && month <= 9) return 2;
  if (month >= 10) return 3;
  return 4;
}

/** Middle of collection year `endYear`: 30 September of the start year (end of quarter 2). */
export function collectionHalfYearEnd(endYear: number): IsoDate {
  assertInteger(endYear, 'endYear');
  return formatIsoDate(endYear - 1, 9, 30);
}

/** Reference date of the ONS mid-year population estimate for `year`: 30 June. */
export function midYearEstimateDate(year: number): IsoDate {
  assertInteger(year, 'year');
  return formatIsoDate(year, 6, 30);
}

/**
 * The ONS mid-year estimate used as the denominator for rates in collection year
 * `endYear`: mid-(Y−1), the latest available when year Y is published (indicators.md §1.2).
 */
export function populationEstimateYearFor(endYear: number): number {
  assertInteger(endYear, 'endYear');
  return endYear - 1;
}

// ---------------------------------------------------------------------------
// Ages and birthdays
// ---------------------------------------------------------------------------

/**
 * How a 29 February birthday is observed in a non-leap year.
 * `feb28` (default) matches the month-end clamping used everywhere else in this
 * module; `mar1` is the alternative reading. The legal position for England is
 * not confirmed (timescales.md §4.2), so the choice is explicit.
 */
export type LeapBirthdayRule = 'feb28' | 'mar1';

/** The date on which the `age`-th birthday of someone born on `dateOfBirth` falls. */
export function birthdayAtAge(dateOfBirth: IsoDate, age: number, rule: LeapBirthdayRule = 'feb28'): IsoDate {
  assertInteger(age, 'age');
  const { year, month, day } = parseIsoDate(dateOfBirth);
  const y = year + age;
  if (month === 2 && day === 29 && !isLeapYear(y)) {
    return rule === 'mar1' ? formatIsoDate(y, 3, 1) : formatIsoDate(y, 2, 28);
  }
  return formatIsoDate(y, month, day);
}

/** Age in whole years on `date` (0 before the first birthday). */
export function ageOn(dateOfBirth: IsoDate, date: IsoDate, rule: LeapBirthdayRule = 'feb28'): number {
  const dob = parseIsoDate(dateOfBirth);
  const on = parseIsoDate(date);
  let age = on.year - dob.year;
  if (compareDates(birthdayAtAge(dateOfBirth, age, rule), date) > 0) age -= 1;
  return age;
}

// ---------------------------------------------------------------------------
// Timestamps (hour-based rules), Europe/London
// ---------------------------------------------------------------------------

/** A point in time: a `Date`, or an ISO date-time string (see {@link parseTimestamp}). */
export type Timestamp = string | Date;

const TS_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Last Sunday of a month, as a day of the month. */
function lastSunday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  const wd = isoWeekday(dayNumberFromParts(year, month, last)); // 7 = Sunday
  return last - (wd % 7);
}

/**
 * UTC offset of Europe/London, in minutes, at instant `ms`.
 * British Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC
 * on the last Sunday of October (the rule in force since 1996; applied to all years).
 */
export function londonOffsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const start = Date.UTC(year, 2, lastSunday(year, 3), 1);
  const end = Date.UTC(year, 9, lastSunday(year, 10), 1);
  return ms >= start && ms < end ? 60 : 0;
}

/**
 * Parse a timestamp. Strings with `Z` or an offset are exact instants. Strings
 * without an offset (`2025-11-07T20:30`) are wall-clock time in Europe/London;
 * a time that does not exist (clocks going forward) is moved forward by the gap,
 * and an ambiguous time (clocks going back) is read as the first (BST) one.
 * A date-only string is rejected: hour-based rules need a time.
 */
export function parseTimestamp(value: Timestamp): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('Invalid Date');
    return new Date(value.getTime());
  }
  const m = TS_RE.exec(value);
  if (!m) throw new RangeError(`Not a valid timestamp (YYYY-MM-DDTHH:mm[:ss][Z|±HH:MM]): ${JSON.stringify(value)}`);
  const { year, month, day } = parseIsoDate(m[1] as string);
  const hh = Number(m[2]);
  const mi = Number(m[3]);
  const ss = Number(m[4] ?? '0');
  const ms = Number((m[5] ?? '0').padEnd(3, '0'));
  if (hh > 23 || mi > 59 || ss > 59) throw new RangeError(`Time out of range: ${value}`);
  const wall = Date.UTC(year, month - 1, day, hh, mi, ss, ms);
  const zone = m[6];
  if (zone !== undefined) {
    if (zone === 'Z') return new Date(wall);
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    return new Date(wall - offset * 60_000);
  }
  // Europe/London wall-clock time.
  const offBefore = londonOffsetMinutes(wall - 180 * 60_000);
  const offAfter = londonOffsetMinutes(wall + 180 * 60_000);
  const early = wall - offBefore * 60_000;
  const late = wall - offAfter * 60_000;
  const earlyValid = londonOffsetMinutes(early) === offBefore;
  const lateValid = londonOffsetMinutes(late) === offAfter;
  if (earlyValid) return new Date(Math.min(early, lateValid ? late : early)); // ambiguous: first reading
  if (lateValid) return new Date(late);
  return new Date(early); // in the spring-forward gap: move forward by the gap
}

/** Format an instant as Europe/London local time with its offset: `2025-11-10T20:30:00+00:00`. */
export function formatLondonTimestamp(value: Timestamp): string {
  const ms = parseTimestamp(value).getTime();
  const offset = londonOffsetMinutes(ms);
  const d = new Date(ms + offset * 60_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+${pad(offset / 60)}:00`;
}

/** The Europe/London calendar date of an instant. */
export function londonDateOf(value: Timestamp): IsoDate {
  return formatLondonTimestamp(value).slice(0, 10);
}

/** Add elapsed hours to an instant. Weekends, holidays and clock changes all count as real time. */
export function addHours(value: Timestamp, hours: number): Date {
  if (!Number.isFinite(hours)) throw new RangeError(`hours must be finite: ${hours}`);
  return new Date(parseTimestamp(value).getTime() + hours * 3_600_000);
}

/** Elapsed hours from `from` to `to` (may be fractional or negative). */
export function hoursBetween(from: Timestamp, to: Timestamp): number {
  return (parseTimestamp(to).getTime() - parseTimestamp(from).getTime()) / 3_600_000;
}

function assertInteger(n: number, name: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${name} must be an integer: ${n}`);
}
