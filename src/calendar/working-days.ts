/**
 * Working days.
 *
 * A working day is any day other than a Saturday, a Sunday, Christmas Day, Good
 * Friday or an England and Wales bank holiday (timescales.md §2). A
 * {@link WorkingCalendar} says which holidays apply; an authority may add local
 * closures (for example 24 and 27–31 December) to get an *operational* calendar,
 * but statutory compliance must always be computed on the *statutory* calendar.
 *
 * Counting conventions (timescales.md §4.1):
 * - `day0` (convention A, the default): the event is day 0 and never counts;
 *   day 1 is the first working day after it. "Within 1 working day" of a
 *   Wednesday is the Thursday.
 * - `day1` (convention B, the DfE CIN validator): the event is day 1 if it is a
 *   working day, otherwise day 1 is the next working day. "Within 1 working day"
 *   of a working day is the same day.
 */
import { z } from 'zod';
import {
  BANK_HOLIDAY_DATA_VERSION,
  ENGLAND_WALES_BANK_HOLIDAYS,
  bankHolidaysForYear,
} from './bank-holidays.js';
import type { BankHoliday } from './bank-holidays.js';
import { dayNumberFromParts, fromDayNumber, isIsoDate, isoWeekday, parseIsoDate, toDayNumber } from './dates.js';
import type { IsoDate } from './dates.js';

/** Day-counting convention. `day0` = convention A (event is day 0); `day1` = convention B / "beginning with". */
export type Counting = 'day0' | 'day1';

/** A local non-working day (office closure). Operational only: never used for statutory compliance. */
export interface LocalClosure {
  readonly date: IsoDate;
  readonly name: string;
}

/** `statutory`: the legal definition only. `operational`: statutory plus local closures. */
export type CalendarKind = 'statutory' | 'operational';

/** An immutable description of which days are not working days. */
export interface WorkingCalendar {
  /** A name, such as `england-wales-statutory`. */
  readonly id: string;
  readonly kind: CalendarKind;
  /** Changes whenever the data changes; store it with computed results. */
  readonly version: string;
  /** Holiday table; years it holds win over the rules. */
  readonly bankHolidays: readonly BankHoliday[];
  /** Extra statutory holidays added by configuration (for example a newly proclaimed one-off day). */
  readonly extraBankHolidays: readonly BankHoliday[];
  /** Local closures (operational calendars only). */
  readonly localClosures: readonly LocalClosure[];
}

/** Options for {@link createCalendar}. */
export interface CalendarOptions {
  id?: string;
  /** Replacement holiday table (default: the shipped England and Wales table). */
  bankHolidays?: readonly BankHoliday[];
  /** Version label of a replacement table (default: a hash of its dates). */
  bankHolidaysVersion?: string;
  /** Statutory holidays to add on top of the table and rules (a newly proclaimed one-off day). */
  extraBankHolidays?: ReadonlyArray<BankHoliday | IsoDate>;
  /** Local closures; any makes the calendar operational. */
  localClosures?: ReadonlyArray<LocalClosure | IsoDate>;
}

/** Build an immutable working calendar. */
export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const table = options.bankHolidays ?? ENGLAND_WALES_BANK_HOLIDAYS;
  const extra = (options.extraBankHolidays ?? []).map((h) =>
    Object.freeze(typeof h === 'string' ? { date: checkDate(h), name: 'Additional bank holiday', kind: 'one-off' as const } : { ...h, date: checkDate(h.date) }),
  );
  const closures = (options.localClosures ?? []).map((c) =>
    Object.freeze(typeof c === 'string' ? { date: checkDate(c), name: 'Local closure' } : { ...c, date: checkDate(c.date) }),
  );
  const kind: CalendarKind = closures.length > 0 ? 'operational' : 'statutory';
  const tableVersion =
    options.bankHolidaysVersion ??
    (table === ENGLAND_WALES_BANK_HOLIDAYS ? BANK_HOLIDAY_DATA_VERSION : `custom-${hashDates(table.map((h) => h.date))}`);
  let version = tableVersion;
  if (extra.length > 0) version += `+bh-${hashDates(extra.map((h) => h.date))}`;
  if (closures.length > 0) version += `+local-${hashDates(closures.map((c) => c.date))}`;
  return Object.freeze({
    id: options.id ?? (kind === 'statutory' ? 'england-wales-statutory' : 'england-wales-operational'),
    kind,
    version,
    bankHolidays: table,
    extraBankHolidays: Object.freeze(extra),
    localClosures: Object.freeze(closures),
  });
}

/** The default calendar: England and Wales statutory working days, shipped table plus rules. */
export const STATUTORY_CALENDAR: WorkingCalendar = createCalendar();

/** A new operational calendar: `calendar` plus local closures. */
export function withLocalClosures(
  calendar: WorkingCalendar,
  closures: ReadonlyArray<LocalClosure | IsoDate>,
  id?: string,
): WorkingCalendar {
  return createCalendar({
    id: id ?? (calendar.kind === 'statutory' ? `${calendar.id}+local` : calendar.id),
    bankHolidays: calendar.bankHolidays,
    bankHolidaysVersion: calendar.version.split('+')[0],
    extraBankHolidays: calendar.extraBankHolidays,
    localClosures: [...calendar.localClosures, ...closures],
  });
}

/** The statutory calendar underlying `calendar`: the same holidays with local closures removed. */
export function statutoryCalendarOf(calendar: WorkingCalendar): WorkingCalendar {
  if (calendar.kind === 'statutory') return calendar;
  return createCalendar({
    id: calendar.id.replace(/\+local$/, '').replace(/-operational$/, '-statutory'),
    bankHolidays: calendar.bankHolidays,
    bankHolidaysVersion: calendar.version.split('+')[0],
    extraBankHolidays: calendar.extraBankHolidays,
  });
}

const dayEntrySchema = z.union([
  z.string().refine(isIsoDate, 'date must be a valid YYYY-MM-DD'),
  z.object({ date: z.string().refine(isIsoDate, 'date must be a valid YYYY-MM-DD'), name: z.string().min(1) }),
]);

/**
 * Schema of an authority's calendar configuration file (JSON), for example
 * `{ "id": "exampleshire-operational", "localClosures": ["2025-12-24", { "date": "2025-12-29", "name": "Office closure" }] }`.
 */
export const calendarConfigSchema = z.object({
  id: z.string().min(1).optional(),
  extraBankHolidays: z.array(dayEntrySchema).optional(),
  localClosures: z.array(dayEntrySchema).optional(),
});

/** Parsed calendar configuration. */
export type CalendarConfig = z.infer<typeof calendarConfigSchema>;

/** Build a calendar from configuration (validated with {@link calendarConfigSchema}). */
export function calendarFromConfig(config: unknown): WorkingCalendar {
  const c = calendarConfigSchema.parse(config);
  const options: CalendarOptions = {};
  if (c.id !== undefined) options.id = c.id;
  if (c.extraBankHolidays) {
    options.extraBankHolidays = c.extraBankHolidays.map((e) =>
      typeof e === 'string' ? e : { date: e.date, name: e.name, kind: 'one-off' as const },
    );
  }
  if (c.localClosures) options.localClosures = c.localClosures;
  return createCalendar(options);
}

// ---------------------------------------------------------------------------
// Non-working-day lookup (cached per calendar, on integer day numbers)
// ---------------------------------------------------------------------------

interface NonWorkingInfo {
  readonly reason: 'bank-holiday' | 'local-closure';
  readonly name: string;
  readonly holiday?: BankHoliday;
}

interface CalendarState {
  readonly days: Map<number, NonWorkingInfo>;
  /** Sorted day numbers of the non-working weekdays loaded so far (rebuilt lazily). */
  sortedWeekdays: number[] | null;
  minYear: number;
  maxYear: number;
  minDay: number;
  maxDay: number;
}

const stateCache = new WeakMap<WorkingCalendar, CalendarState>();

function loadYear(calendar: WorkingCalendar, state: CalendarState, year: number): void {
  state.sortedWeekdays = null;
  for (const h of bankHolidaysForYear(year, calendar.bankHolidays)) {
    state.days.set(toDayNumber(h.date), { reason: 'bank-holiday', name: h.name, holiday: h });
  }
  for (const h of calendar.extraBankHolidays) {
    if (parseIsoDate(h.date).year === year) state.days.set(toDayNumber(h.date), { reason: 'bank-holiday', name: h.name, holiday: h });
  }
  for (const c of calendar.localClosures) {
    const dn = toDayNumber(c.date);
    if (parseIsoDate(c.date).year === year && !state.days.has(dn)) {
      state.days.set(dn, { reason: 'local-closure', name: c.name });
    }
  }
}

function stateFor(calendar: WorkingCalendar, dayNumber: number): CalendarState {
  let state = stateCache.get(calendar);
  if (!state) {
    const year = new Date(dayNumber * 86_400_000).getUTCFullYear();
    state = { days: new Map(), sortedWeekdays: null, minYear: year, maxYear: year, minDay: 0, maxDay: 0 };
    loadYear(calendar, state, year);
    state.minDay = dayNumberFromParts(year, 1, 1);
    state.maxDay = dayNumberFromParts(year, 12, 31);
    stateCache.set(calendar, state);
    return state;
  }
  while (dayNumber < state.minDay) {
    state.minYear -= 1;
    loadYear(calendar, state, state.minYear);
    state.minDay = dayNumberFromParts(state.minYear, 1, 1);
  }
  while (dayNumber > state.maxDay) {
    state.maxYear += 1;
    loadYear(calendar, state, state.maxYear);
    state.maxDay = dayNumberFromParts(state.maxYear, 12, 31);
  }
  return state;
}

function isWorkingDayNumber(calendar: WorkingCalendar, dn: number): boolean {
  if (isoWeekday(dn) >= 6) return false;
  return !stateFor(calendar, dn).days.has(dn);
}

/** Why a day is not a working day. */
export type NonWorkingReason =
  | { readonly reason: 'weekend'; readonly name: 'Saturday' | 'Sunday' }
  | { readonly reason: 'bank-holiday'; readonly name: string; readonly holiday: BankHoliday }
  | { readonly reason: 'local-closure'; readonly name: string };

/** Why `date` is not a working day, or `null` if it is one. Weekends win over holidays. */
export function nonWorkingReason(date: IsoDate, calendar: WorkingCalendar = STATUTORY_CALENDAR): NonWorkingReason | null {
  const dn = toDayNumber(date);
  const wd = isoWeekday(dn);
  if (wd === 6) return { reason: 'weekend', name: 'Saturday' };
  if (wd === 7) return { reason: 'weekend', name: 'Sunday' };
  const info = stateFor(calendar, dn).days.get(dn);
  if (!info) return null;
  if (info.reason === 'bank-holiday' && info.holiday) return { reason: 'bank-holiday', name: info.name, holiday: info.holiday };
  return { reason: 'local-closure', name: info.name };
}

/** True when `date` is a working day in `calendar` (default: statutory England and Wales). */
export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = STATUTORY_CALENDAR): boolean {
  return isWorkingDayNumber(calendar, toDayNumber(date));
}

/** `date` if it is a working day, else the next working day after it. */
export function workingDayOnOrAfter(date: IsoDate, calendar: WorkingCalendar = STATUTORY_CALENDAR): IsoDate {
  let dn = toDayNumber(date);
  while (!isWorkingDayNumber(calendar, dn)) dn += 1;
  return fromDayNumber(dn);
}

/**
 * `date` if it is a working day, else the last working day before it. This is the
 * "last working day" hint for a calendar deadline that falls on a non-working day
 * (a review due on Sunday 28 February 2027 must in practice be held by Friday 26th).
 */
export function workingDayOnOrBefore(date: IsoDate, calendar: WorkingCalendar = STATUTORY_CALENDAR): IsoDate {
  let dn = toDayNumber(date);
  while (!isWorkingDayNumber(calendar, dn)) dn -= 1;
  return fromDayNumber(dn);
}

/** Options for working-day arithmetic. */
export interface WorkingDayOptions {
  /** Default: {@link STATUTORY_CALENDAR}. */
  calendar?: WorkingCalendar;
  /** Default: `day0` (convention A). */
  convention?: Counting;
}

/** Step `count` working days from day number `dn` (day 0 = `dn`), forwards or backwards. */
function stepWorkingDays(calendar: WorkingCalendar, dn: number, count: number): number {
  const dir = count < 0 ? -1 : 1;
  let remaining = Math.abs(count);
  let d = dn;
  while (remaining > 0) {
    d += dir;
    if (isWorkingDayNumber(calendar, d)) remaining -= 1;
  }
  return d;
}

/**
 * The working day `n` working days from `date`.
 *
 * - `day0` (default): the `n`th working day after `date` (before it if `n` < 0);
 *   `n` = 0 returns `date` unchanged. Within 45 WD of Mon 3 Nov 2025 → Thu 8 Jan 2026.
 * - `day1`: `date` is day 1 if it is a working day, otherwise the next working day
 *   is (for `n` < 0 the mirror image: the previous working day). `n` must not be 0.
 *   Within 45 WD of Mon 3 Nov 2025 → Wed 7 Jan 2026.
 */
export function addWorkingDays(date: IsoDate, n: number, options: WorkingDayOptions = {}): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be an integer: ${n}`);
  const calendar = options.calendar ?? STATUTORY_CALENDAR;
  const dn = toDayNumber(date);
  if ((options.convention ?? 'day0') === 'day0') return fromDayNumber(stepWorkingDays(calendar, dn, n));
  if (n === 0) throw new RangeError('Under the day1 convention the number of working days must not be 0');
  const dir = n < 0 ? -1 : 1;
  let day1 = dn;
  while (!isWorkingDayNumber(calendar, day1)) day1 += dir;
  return fromDayNumber(stepWorkingDays(calendar, day1, n - dir));
}

/**
 * Signed number of working days from `start` to `end`.
 *
 * - `day0` (default): working days d with start < d ≤ end. Same day = 0, matching
 *   the DfE "same day" duration band. When `end` is before `start`, minus the
 *   working days d with end ≤ d < start.
 * - `day1`: working days d with start ≤ d ≤ end (both ends inclusive); negative
 *   (minus the same inclusive count) when `end` is before `start`.
 *
 * Inverse of {@link addWorkingDays}: `workingDaysBetween(s, addWorkingDays(s, n)) === n`
 * under either convention, and `addWorkingDays(s, workingDaysBetween(s, e)) === e`
 * whenever `e` is a working day other than `s`. (Under day1, −1 and +1 from a
 * working day both give that day, which counts as +1.)
 */
export function workingDaysBetween(start: IsoDate, end: IsoDate, options: WorkingDayOptions = {}): number {
  const calendar = options.calendar ?? STATUTORY_CALENDAR;
  const convention = options.convention ?? 'day0';
  const s = toDayNumber(start);
  const e = toDayNumber(end);
  const countRange = (from: number, to: number): number =>
    from > to ? 0 : weekdaysBefore(to + 1) - weekdaysBefore(from) - nonWorkingWeekdayCount(calendar, from, to);
  if (convention === 'day1') return e >= s ? countRange(s, e) : -countRange(e, s);
  return e >= s ? countRange(s + 1, e) : -countRange(e, s - 1);
}

/** Number of weekdays (Monday–Friday) with day number < n, counted from Monday 1970-01-05 (day 4). */
function weekdaysBefore(n: number): number {
  const x = n - 4;
  const weeks = Math.floor(x / 7);
  return weeks * 5 + Math.min(x - weeks * 7, 5);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of weekday holidays and closures in [from, to]. */
function nonWorkingWeekdayCount(calendar: WorkingCalendar, from: number, to: number): number {
  stateFor(calendar, from);
  const state = stateFor(calendar, to);
  if (state.sortedWeekdays === null) {
    state.sortedWeekdays = [...state.days.keys()].filter((d) => isoWeekday(d) <= 5).sort((a, b) => a - b);
  }
  return lowerBound(state.sortedWeekdays, to + 1) - lowerBound(state.sortedWeekdays, from);
}

/** A weekday in a range that is not a working day, with the reason (for "non-working days crossed" notes). */
export interface NonWorkingDay {
  readonly date: IsoDate;
  readonly reason: 'bank-holiday' | 'local-closure';
  readonly name: string;
}

/** Weekday bank holidays and local closures from `from` to `to`, both inclusive, in date order. */
export function nonWorkingWeekdaysBetween(
  from: IsoDate,
  to: IsoDate,
  calendar: WorkingCalendar = STATUTORY_CALENDAR,
): readonly NonWorkingDay[] {
  const out: NonWorkingDay[] = [];
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  for (let d = a; d <= b; d += 1) {
    if (isoWeekday(d) >= 6) continue;
    const info = stateFor(calendar, d).days.get(d);
    if (info) out.push({ date: fromDayNumber(d), reason: info.reason, name: info.name });
  }
  return out;
}

function checkDate(date: string): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`Not a valid ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return date;
}

/** Short stable FNV-1a hash of a list of dates, for calendar version labels. */
function hashDates(dates: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of [...dates].sort().join(',')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
