/**
 * England and Wales bank holidays (plus Christmas Day and Good Friday, which are
 * not bank holidays in law but are never working days).
 *
 * - `ENGLAND_WALES_BANK_HOLIDAYS` is the shipped table for 2010–2030, copied from
 *   timescales.md §3 (gov.uk `bank-holidays.json`, "england-and-wales" division,
 *   Open Government Licence; 2028–2030 are projected from the rules). It holds only
 *   the observed days (substitute days replace days falling at a weekend), so every
 *   entry is a weekday.
 * - `ruleBasedBankHolidays(year)` computes the regular pattern for any year
 *   (Easter by the Gregorian computus), and `generateBankHolidays(year)` adds the
 *   known one-off and moved days. Years the table holds always come from the table.
 * - A newly proclaimed one-off day can be added without a code release: load the
 *   gov.uk feed with `parseGovUkBankHolidays` and merge it with
 *   `mergeBankHolidayTables`, or pass extra days to `createCalendar` (working-days.ts).
 */
import { z } from 'zod';
import { addDays, formatIsoDate, isoWeekday, parseIsoDate, toDayNumber, fromDayNumber } from './dates.js';
import type { IsoDate } from './dates.js';

/** Which holiday a row is. `one-off` = an extra day proclaimed for one year only. */
export type BankHolidayKind =
  | 'new-year'
  | 'good-friday'
  | 'easter-monday'
  | 'early-may'
  | 'spring'
  | 'summer'
  | 'christmas'
  | 'boxing-day'
  | 'one-off';

/** One observed non-working day. */
export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
  readonly kind: BankHolidayKind;
  /** A substitute day for a holiday that fell at a weekend. */
  readonly substitute?: boolean;
  /** A regular holiday moved by proclamation to a different date (2012, 2020, 2022). */
  readonly moved?: boolean;
}

/** First and last year of the shipped table. */
export const BANK_HOLIDAY_TABLE_FIRST_YEAR = 2010;
export const BANK_HOLIDAY_TABLE_LAST_YEAR = 2030;
/** Table years from this one on are projected from the rules, not yet proclaimed. */
export const BANK_HOLIDAY_PROJECTED_FROM_YEAR = 2028;
/** Version of the shipped holiday data. Store it with every computed result (indicators.md §3.1). */
export const BANK_HOLIDAY_DATA_VERSION = 'ew-2010-2030.2025-11';
/** Where the shipped table comes from. */
export const BANK_HOLIDAY_SOURCE =
  'gov.uk bank-holidays.json, england-and-wales division (Open Government Licence), as tabulated in ' +
  'docs reference timescales.md section 3; 2028-2030 projected from the Banking and Financial Dealings Act 1971 rules';

const RAW_TABLE: readonly BankHoliday[] = [
  // 2010
  { date: '2010-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2010-04-02', name: 'Good Friday', kind: 'good-friday' },
  { date: '2010-04-05', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2010-05-03', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2010-05-31', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2010-08-30', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2010-12-27', name: 'Christmas Day', kind: 'christmas', substitute: true },
  { date: '2010-12-28', name: 'Boxing Day', kind: 'boxing-day', substitute: true },
  // 2011
  { date: '2011-01-03', name: "New Year's Day", kind: 'new-year', substitute: true },
  { date: '2011-04-22', name: 'Good Friday', kind: 'good-friday' },
  { date: '2011-04-25', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2011-04-29', name: 'Royal wedding (Prince William and Catherine Middleton)', kind: 'one-off' },
  { date: '2011-05-02', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2011-05-30', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2011-08-29', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2011-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  { date: '2011-12-27', name: 'Christmas Day', kind: 'christmas', substitute: true },
  // 2012
  { date: '2012-01-02', name: "New Year's Day", kind: 'new-year', substitute: true },
  { date: '2012-04-06', name: 'Good Friday', kind: 'good-friday' },
  { date: '2012-04-09', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2012-05-07', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2012-06-04', name: 'Spring bank holiday', kind: 'spring', moved: true },
  { date: '2012-06-05', name: "Queen's Diamond Jubilee", kind: 'one-off' },
  { date: '2012-08-27', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2012-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2012-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  // 2013
  { date: '2013-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2013-03-29', name: 'Good Friday', kind: 'good-friday' },
  { date: '2013-04-01', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2013-05-06', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2013-05-27', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2013-08-26', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2013-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2013-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  // 2014
  { date: '2014-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2014-04-18', name: 'Good Friday', kind: 'good-friday' },
  { date: '2014-04-21', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2014-05-05', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2014-05-26', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2014-08-25', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2014-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2014-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  // 2015
  { date: '2015-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2015-04-03', name: 'Good Friday', kind: 'good-friday' },
  { date: '2015-04-06', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2015-05-04', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2015-05-25', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2015-08-31', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2015-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2015-12-28', name: 'Boxing Day', kind: 'boxing-day', substitute: true },
  // 2016
  { date: '2016-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2016-03-25', name: 'Good Friday', kind: 'good-friday' },
  { date: '2016-03-28', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2016-05-02', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2016-05-30', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2016-08-29', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2016-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  { date: '2016-12-27', name: 'Christmas Day', kind: 'christmas', substitute: true },
  // 2017
  { date: '2017-01-02', name: "New Year's Day", kind: 'new-year', substitute: true },
  { date: '2017-04-14', name: 'Good Friday', kind: 'good-friday' },
  { date: '2017-04-17', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2017-05-01', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2017-05-29', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2017-08-28', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2017-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2017-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  // 2018
  { date: '2018-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2018-03-30', name: 'Good Friday', kind: 'good-friday' },
  { date: '2018-04-02', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2018-05-07', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2018-05-28', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2018-08-27', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2018-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2018-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  // 2019
  { date: '2019-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2019-04-19', name: 'Good Friday', kind: 'good-friday' },
  { date: '2019-04-22', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2019-05-06', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2019-05-27', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2019-08-26', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2019-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2019-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  // 2020
  { date: '2020-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2020-04-10', name: 'Good Friday', kind: 'good-friday' },
  { date: '2020-04-13', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2020-05-08', name: 'Early May bank holiday (VE Day)', kind: 'early-may', moved: true },
  { date: '2020-05-25', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2020-08-31', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2020-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2020-12-28', name: 'Boxing Day', kind: 'boxing-day', substitute: true },
  // 2021
  { date: '2021-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2021-04-02', name: 'Good Friday', kind: 'good-friday' },
  { date: '2021-04-05', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2021-05-03', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2021-05-31', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2021-08-30', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2021-12-27', name: 'Christmas Day', kind: 'christmas', substitute: true },
  { date: '2021-12-28', name: 'Boxing Day', kind: 'boxing-day', substitute: true },
  // 2022
  { date: '2022-01-03', name: "New Year's Day", kind: 'new-year', substitute: true },
  { date: '2022-04-15', name: 'Good Friday', kind: 'good-friday' },
  { date: '2022-04-18', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2022-05-02', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2022-06-02', name: 'Spring bank holiday', kind: 'spring', moved: true },
  { date: '2022-06-03', name: "Queen's Platinum Jubilee", kind: 'one-off' },
  { date: '2022-08-29', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2022-09-19', name: 'State Funeral of Queen Elizabeth II', kind: 'one-off' },
  { date: '2022-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  { date: '2022-12-27', name: 'Christmas Day', kind: 'christmas', substitute: true },
  // 2023
  { date: '2023-01-02', name: "New Year's Day", kind: 'new-year', substitute: true },
  { date: '2023-04-07', name: 'Good Friday', kind: 'good-friday' },
  { date: '2023-04-10', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2023-05-01', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2023-05-08', name: 'Coronation of King Charles III', kind: 'one-off' },
  { date: '2023-05-29', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2023-08-28', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2023-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2023-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  // 2024
  { date: '2024-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2024-03-29', name: 'Good Friday', kind: 'good-friday' },
  { date: '2024-04-01', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2024-05-06', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2024-05-27', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2024-08-26', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2024-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2024-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  // 2025
  { date: '2025-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2025-04-18', name: 'Good Friday', kind: 'good-friday' },
  { date: '2025-04-21', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2025-05-05', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2025-05-26', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2025-08-25', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2025-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2025-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  // 2026
  { date: '2026-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2026-04-03', name: 'Good Friday', kind: 'good-friday' },
  { date: '2026-04-06', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2026-05-04', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2026-05-25', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2026-08-31', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2026-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2026-12-28', name: 'Boxing Day', kind: 'boxing-day', substitute: true },
  // 2027
  { date: '2027-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2027-03-26', name: 'Good Friday', kind: 'good-friday' },
  { date: '2027-03-29', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2027-05-03', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2027-05-31', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2027-08-30', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2027-12-27', name: 'Christmas Day', kind: 'christmas', substitute: true },
  { date: '2027-12-28', name: 'Boxing Day', kind: 'boxing-day', substitute: true },
  // 2028 (projected from the rules; not yet proclaimed)
  { date: '2028-01-03', name: "New Year's Day", kind: 'new-year', substitute: true },
  { date: '2028-04-14', name: 'Good Friday', kind: 'good-friday' },
  { date: '2028-04-17', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2028-05-01', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2028-05-29', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2028-08-28', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2028-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2028-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  // 2029 (projected from the rules; not yet proclaimed)
  { date: '2029-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2029-03-30', name: 'Good Friday', kind: 'good-friday' },
  { date: '2029-04-02', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2029-05-07', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2029-05-28', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2029-08-27', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2029-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2029-12-26', name: 'Boxing Day', kind: 'boxing-day' },
  // 2030 (projected from the rules; not yet proclaimed)
  { date: '2030-01-01', name: "New Year's Day", kind: 'new-year' },
  { date: '2030-04-19', name: 'Good Friday', kind: 'good-friday' },
  { date: '2030-04-22', name: 'Easter Monday', kind: 'easter-monday' },
  { date: '2030-05-06', name: 'Early May bank holiday', kind: 'early-may' },
  { date: '2030-05-27', name: 'Spring bank holiday', kind: 'spring' },
  { date: '2030-08-26', name: 'Summer bank holiday', kind: 'summer' },
  { date: '2030-12-25', name: 'Christmas Day', kind: 'christmas' },
  { date: '2030-12-26', name: 'Boxing Day', kind: 'boxing-day' },
];

/** The shipped England and Wales table, 2010–2030 (173 weekday dates), sorted by date. */
export const ENGLAND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze(
  RAW_TABLE.map((h) => Object.freeze({ ...h })),
);

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

/** Easter Sunday (Gregorian calendar), by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`Easter is computed for Gregorian years from 1583: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

const NAMES: Readonly<Record<Exclude<BankHolidayKind, 'one-off'>, string>> = {
  'new-year': "New Year's Day",
  'good-friday': 'Good Friday',
  'easter-monday': 'Easter Monday',
  'early-may': 'Early May bank holiday',
  spring: 'Spring bank holiday',
  summer: 'Summer bank holiday',
  christmas: 'Christmas Day',
  'boxing-day': 'Boxing Day',
};

function firstMonday(year: number, month: number): IsoDate {
  const first = toDayNumber(formatIsoDate(year, month, 1));
  return fromDayNumber(first + ((8 - isoWeekday(first)) % 7));
}

function lastMonday(year: number, month: number): IsoDate {
  const nextFirst = month === 12 ? formatIsoDate(year + 1, 1, 1) : formatIsoDate(year, month + 1, 1);
  const last = toDayNumber(nextFirst) - 1;
  return fromDayNumber(last - ((isoWeekday(last) + 6) % 7));
}

function holiday(date: IsoDate, kind: Exclude<BankHolidayKind, 'one-off'>, substitute = false): BankHoliday {
  return Object.freeze(substitute ? { date, name: NAMES[kind], kind, substitute: true } : { date, name: NAMES[kind], kind });
}

/**
 * The regular England and Wales pattern for `year`, with substitute days, and no
 * one-off or moved days:
 * New Year's Day (Sat → Mon 3 Jan, Sun → Mon 2 Jan); Good Friday; Easter Monday;
 * early May (first Monday in May); spring (last Monday in May); summer (last Monday
 * in August); Christmas Day and Boxing Day (25 Sat → 27 and 28; 25 Sun → 26 and 27;
 * 25 Fri → 25 and Mon 28).
 *
 * The pattern has been in force since 1978 (the first early May holiday). It is
 * applied to every year, so dates before 1978 are approximate.
 */
export function ruleBasedBankHolidays(year: number): readonly BankHoliday[] {
  const out: BankHoliday[] = [];
  const newYear = formatIsoDate(year, 1, 1);
  const nyWd = isoWeekday(newYear);
  if (nyWd === 6) out.push(holiday(formatIsoDate(year, 1, 3), 'new-year', true));
  else if (nyWd === 7) out.push(holiday(formatIsoDate(year, 1, 2), 'new-year', true));
  else out.push(holiday(newYear, 'new-year'));

  const easter = easterSunday(year);
  out.push(holiday(addDays(easter, -2), 'good-friday'));
  out.push(holiday(addDays(easter, 1), 'easter-monday'));
  out.push(holiday(firstMonday(year, 5), 'early-may'));
  out.push(holiday(lastMonday(year, 5), 'spring'));
  out.push(holiday(lastMonday(year, 8), 'summer'));

  const d = (day: number): IsoDate => formatIsoDate(year, 12, day);
  switch (isoWeekday(d(25))) {
    case 6: // Saturday: both substituted
      out.push(holiday(d(27), 'christmas', true), holiday(d(28), 'boxing-day', true));
      break;
    case 7: // Sunday: Boxing Day on Monday, Christmas substituted to Tuesday
      out.push(holiday(d(26), 'boxing-day'), holiday(d(27), 'christmas', true));
      break;
    case 5: // Friday: Boxing Day (Saturday) substituted to Monday
      out.push(holiday(d(25), 'christmas'), holiday(d(28), 'boxing-day', true));
      break;
    default:
      out.push(holiday(d(25), 'christmas'), holiday(d(26), 'boxing-day'));
  }
  return Object.freeze(sortHolidays(out));
}

/**
 * A proclaimed change to the regular pattern in one year: an extra one-off day,
 * or a regular holiday moved to another date (`replaces` names the regular kind).
 */
export interface BankHolidayAdjustment {
  readonly holiday: BankHoliday;
  /** For a moved holiday: the regular kind whose rule date it replaces. */
  readonly replaces?: Exclude<BankHolidayKind, 'one-off'>;
  /** True when the change is in the reference table (2010–2030); false for earlier history. */
  readonly inReferenceTable: boolean;
}

function adj(
  date: IsoDate,
  name: string,
  kind: BankHolidayKind,
  inReferenceTable: boolean,
): BankHolidayAdjustment {
  if (kind === 'one-off') return Object.freeze({ holiday: Object.freeze({ date, name, kind }), inReferenceTable });
  return Object.freeze({ holiday: Object.freeze({ date, name, kind, moved: true }), replaces: kind, inReferenceTable });
}

/**
 * Known one-off and moved days. 2011–2023 are from the reference table. The pre-2010
 * rows (1981, 1995, 1999, 2002) are from the public record, outside the reference
 * table: check them against the gov.uk archive before relying on them.
 */
export const BANK_HOLIDAY_ADJUSTMENTS: readonly BankHolidayAdjustment[] = Object.freeze([
  adj('1981-07-29', 'Royal wedding (Prince Charles and Lady Diana Spencer)', 'one-off', false),
  adj('1995-05-08', 'Early May bank holiday (VE Day)', 'early-may', false),
  adj('1999-12-31', 'Millennium celebrations', 'one-off', false),
  adj('2002-06-03', "Queen's Golden Jubilee", 'one-off', false),
  adj('2002-06-04', 'Spring bank holiday', 'spring', false),
  adj('2011-04-29', 'Royal wedding (Prince William and Catherine Middleton)', 'one-off', true),
  adj('2012-06-04', 'Spring bank holiday', 'spring', true),
  adj('2012-06-05', "Queen's Diamond Jubilee", 'one-off', true),
  adj('2020-05-08', 'Early May bank holiday (VE Day)', 'early-may', true),
  adj('2022-06-02', 'Spring bank holiday', 'spring', true),
  adj('2022-06-03', "Queen's Platinum Jubilee", 'one-off', true),
  adj('2022-09-19', 'State Funeral of Queen Elizabeth II', 'one-off', true),
  adj('2023-05-08', 'Coronation of King Charles III', 'one-off', true),
]);

/** Rules plus the known one-off and moved days of {@link BANK_HOLIDAY_ADJUSTMENTS}. */
export function generateBankHolidays(year: number): readonly BankHoliday[] {
  const adjustments = BANK_HOLIDAY_ADJUSTMENTS.filter((a) => yearOf(a.holiday.date) === year);
  if (adjustments.length === 0) return ruleBasedBankHolidays(year);
  const replaced = new Set(adjustments.flatMap((a) => (a.replaces ? [a.replaces] : [])));
  const out = ruleBasedBankHolidays(year).filter((h) => !replaced.has(h.kind as Exclude<BankHolidayKind, 'one-off'>));
  out.push(...adjustments.map((a) => a.holiday));
  return Object.freeze(sortHolidays(out));
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

const tableIndexCache = new WeakMap<readonly BankHoliday[], ReadonlyMap<number, readonly BankHoliday[]>>();

/** Group a table by year (cached per table array). */
export function indexBankHolidaysByYear(table: readonly BankHoliday[]): ReadonlyMap<number, readonly BankHoliday[]> {
  const cached = tableIndexCache.get(table);
  if (cached) return cached;
  const byYear = new Map<number, BankHoliday[]>();
  for (const h of table) {
    const y = yearOf(h.date);
    const list = byYear.get(y);
    if (list) list.push(h);
    else byYear.set(y, [h]);
  }
  const frozen = new Map<number, readonly BankHoliday[]>();
  for (const [y, list] of byYear) frozen.set(y, Object.freeze(sortHolidays(list)));
  tableIndexCache.set(table, frozen);
  return frozen;
}

/**
 * The observed holidays of `year`: from `table` when it holds any row for that
 * year (the table wins), otherwise generated from the rules and known adjustments.
 */
export function bankHolidaysForYear(
  year: number,
  table: readonly BankHoliday[] = ENGLAND_WALES_BANK_HOLIDAYS,
): readonly BankHoliday[] {
  return indexBankHolidaysByYear(table).get(year) ?? generateBankHolidays(year);
}

/** The holiday on `date`, if any (using {@link bankHolidaysForYear}). */
export function bankHolidayOn(
  date: IsoDate,
  table: readonly BankHoliday[] = ENGLAND_WALES_BANK_HOLIDAYS,
): BankHoliday | undefined {
  return bankHolidaysForYear(yearOf(date), table).find((h) => h.date === date);
}

/** True when `table` holds rows for `year` (so the rules are not used for it). */
export function tableCoversYear(year: number, table: readonly BankHoliday[] = ENGLAND_WALES_BANK_HOLIDAYS): boolean {
  return indexBankHolidaysByYear(table).has(year);
}

/**
 * Merge an update (for example a fresh gov.uk feed) into a table: every year that
 * the update holds replaces that whole year of `base`; other years are kept.
 */
export function mergeBankHolidayTables(
  base: readonly BankHoliday[],
  update: readonly BankHoliday[],
): readonly BankHoliday[] {
  const updatedYears = new Set(update.map((h) => yearOf(h.date)));
  const merged = [...base.filter((h) => !updatedYears.has(yearOf(h.date))), ...update];
  return Object.freeze(sortHolidays(merged).map((h) => Object.freeze({ ...h })));
}

// ---------------------------------------------------------------------------
// gov.uk feed
// ---------------------------------------------------------------------------

const govUkEventSchema = z.object({
  title: z.string(),
  date: z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), 'date must be YYYY-MM-DD'),
  notes: z.string().optional().default(''),
  bunting: z.boolean().optional(),
});

/** Schema of gov.uk `bank-holidays.json`. */
export const govUkBankHolidaysSchema = z.record(
  z.string(),
  z.object({ division: z.string(), events: z.array(govUkEventSchema) }),
);

/** Guess the kind of a gov.uk event from its title. Unknown titles are one-off days. */
export function kindFromTitle(title: string): BankHolidayKind {
  const t = title.toLowerCase().replace(/[’']/g, "'");
  if (t.startsWith("new year's day")) return 'new-year';
  if (t.startsWith('good friday')) return 'good-friday';
  if (t.startsWith('easter monday')) return 'easter-monday';
  if (t.startsWith('early may')) return 'early-may';
  if (t.startsWith('spring bank')) return 'spring';
  if (t.startsWith('summer bank')) return 'summer';
  if (t.startsWith('christmas day')) return 'christmas';
  if (t.startsWith('boxing day')) return 'boxing-day';
  return 'one-off';
}

/**
 * Read gov.uk `bank-holidays.json` (already parsed from JSON) into table rows for
 * one division (default `england-and-wales`). Merge the result into the shipped
 * table with {@link mergeBankHolidayTables}.
 */
export function parseGovUkBankHolidays(json: unknown, division = 'england-and-wales'): readonly BankHoliday[] {
  const feed = govUkBankHolidaysSchema.parse(json);
  const div = feed[division];
  if (!div) throw new Error(`Division not in feed: ${division}`);
  const rows = div.events.map((e): BankHoliday => {
    parseIsoDate(e.date);
    const kind = kindFromTitle(e.title);
    const substitute = /substitute/i.test(e.notes) || /substitute/i.test(e.title);
    const base = { date: e.date, name: e.title, kind };
    return Object.freeze(substitute ? { ...base, substitute: true } : base);
  });
  return Object.freeze(sortHolidays(rows));
}

function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

function sortHolidays(list: BankHoliday[]): BankHoliday[] {
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
