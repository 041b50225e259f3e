import { describe, expect, it } from 'vitest';
import {
  addDays,
  addHours,
  addMonths,
  addWeeks,
  addYears,
  ageOn,
  birthdayAtAge,
  collectionHalfYearEnd,
  collectionQuarterOf,
  collectionYearBounds,
  collectionYearLabel,
  collectionYearOf,
  compareDates,
  daysBetween,
  daysInMonth,
  endOfMonth,
  financialYearEnding,
  financialYearOf,
  formatIsoDate,
  formatLondonTimestamp,
  fromDayNumber,
  hoursBetween,
  isInCollectionYear,
  isIsoDate,
  isLeapYear,
  isOpenOn,
  isoWeekday,
  isWeekend,
  londonDateOf,
  maxDate,
  midYearEstimateDate,
  minDate,
  parseIsoDate,
  parseTimestamp,
  populationEstimateYearFor,
  snapshotDate,
  toDayNumber,
} from './dates.js';

describe('parsing and formatting', () => {
  it('parses and formats ISO dates', () => {
    expect(parseIsoDate('2025-11-03')).toEqual({ year: 2025, month: 11, day: 3 });
    expect(formatIsoDate(2025, 1, 9)).toBe('2025-01-09');
    expect(formatIsoDate(99, 12, 31)).toBe('0099-12-31');
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2025-1-03', '2025/11/03', '2025-13-01', '2025-00-10', '2025-04-31', '2023-02-29', '1900-02-29', '', '2025-11-03T00:00']) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => parseIsoDate(bad)).toThrow(RangeError);
    }
    expect(isIsoDate(20251103)).toBe(false);
    expect(() => formatIsoDate(2025, 2, 29)).toThrow(RangeError);
  });

  it('knows leap years, including the century rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2025)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(() => daysInMonth(2024, 13)).toThrow(RangeError);
  });

  it('round-trips day numbers', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(toDayNumber('2024-02-29'))).toBe('2024-02-29');
    for (let n = -1000; n < 30_000; n += 37) expect(toDayNumber(fromDayNumber(n))).toBe(n);
  });

  it('gives ISO weekdays', () => {
    expect(isoWeekday('2025-11-03')).toBe(1); // Monday
    expect(isoWeekday('2027-02-28')).toBe(7); // Sunday
    expect(isoWeekday('1970-01-01')).toBe(4); // Thursday
    expect(isoWeekday('1969-12-28')).toBe(7); // Sunday, negative day number
    expect(isWeekend('2025-11-08')).toBe(true);
    expect(isWeekend('2025-11-07')).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addWeeks('2025-03-03', 26)).toBe('2025-09-01');
    expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError);
  });

  it('counts days between dates', () => {
    expect(daysBetween('2025-01-01', '2025-01-01')).toBe(0);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
    // No daylight-saving artefacts: 30 and 31 March 2025 straddle the clock change.
    expect(daysBetween('2025-03-29', '2025-04-01')).toBe(3);
    expect(daysBetween('2025-10-25', '2025-10-28')).toBe(3);
  });

  it('adds months with month-end clamping (timescales.md §4.2)', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29'); // leap year
    expect(addMonths('2028-08-31', 6)).toBe('2029-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-10-15', 3)).toBe('2026-01-15'); // year boundary
    expect(addMonths('2025-12-31', 12)).toBe('2026-12-31');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2025-01-15', -2)).toBe('2024-11-15');
  });

  it('chains clamped months from the actual date (31 Aug → 28 Feb → 28 Aug)', () => {
    const second = addMonths('2028-08-31', 6);
    expect(second).toBe('2029-02-28');
    expect(addMonths(second, 6)).toBe('2029-08-28');
  });

  it('adds years, clamping 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-06-30', -1)).toBe('2024-06-30');
  });

  it('compares and picks dates', () => {
    expect(compareDates('2025-01-01', '2024-12-31')).toBeGreaterThan(0);
    expect(minDate('2025-03-01', '2025-02-01', '2025-04-01')).toBe('2025-02-01');
    expect(maxDate('2025-03-01', '2025-02-01', '2025-04-01')).toBe('2025-04-01');
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
  });

  it('applies the snapshot open-on convention', () => {
    expect(isOpenOn('2024-01-01', null, '2024-03-31')).toBe(true);
    expect(isOpenOn('2024-01-01', '2024-03-31', '2024-03-31')).toBe(false);
    expect(isOpenOn('2024-01-01', '2024-04-01', '2024-03-31')).toBe(true);
    expect(isOpenOn('2024-03-31', undefined, '2024-03-31')).toBe(true);
    expect(isOpenOn('2024-04-01', null, '2024-03-31')).toBe(false);
  });
});

describe('financial and collection years', () => {
  it('labels the year ending 31 March by its end year', () => {
    expect(collectionYearOf('2024-03-31')).toBe(2024);
    expect(collectionYearOf('2024-04-01')).toBe(2025);
    expect(collectionYearOf('2023-04-01')).toBe(2024);
    expect(collectionYearOf('2024-01-01')).toBe(2024);
    expect(collectionYearLabel(2024)).toBe('2023/24');
    expect(collectionYearLabel(2000)).toBe('1999/00');
    expect(isInCollectionYear('2023-12-25', 2024)).toBe(true);
    expect(isInCollectionYear('2024-04-01', 2024)).toBe(false);
  });

  it('gives bounds, snapshot and mid-year dates', () => {
    expect(collectionYearBounds(2024)).toEqual({ start: '2023-04-01', end: '2024-03-31' });
    expect(financialYearOf('2025-11-03')).toEqual({
      startYear: 2025,
      endYear: 2026,
      label: '2025/26',
      start: '2025-04-01',
      end: '2026-03-31',
    });
    expect(financialYearEnding(2024).end).toBe(snapshotDate(2024));
    expect(snapshotDate(2023)).toBe('2023-03-31');
    expect(collectionHalfYearEnd(2024)).toBe('2023-09-30');
    expect(midYearEstimateDate(2023)).toBe('2023-06-30');
    expect(populationEstimateYearFor(2024)).toBe(2023);
  });

  it('gives collection-year quarters', () => {
    expect(collectionQuarterOf('2024-04-01')).toBe(1);
    expect(collectionQuarterOf('2024-09-30')).toBe(2);
    expect(collectionQuarterOf('2024-12-31')).toBe(3);
    expect(collectionQuarterOf('2025-03-31')).toBe(4);
  });
});

describe('ages and birthdays', () => {
  it('computes whole-year ages', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn('2025-01-01', '2025-06-01')).toBe(0);
  });

  it('handles 29 February birthdays by an explicit rule', () => {
    expect(birthdayAtAge('2008-02-29', 16)).toBe('2024-02-29');
    expect(birthdayAtAge('2008-02-29', 17)).toBe('2025-02-28');
    expect(birthdayAtAge('2008-02-29', 17, 'mar1')).toBe('2025-03-01');
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2025-02-28', 'mar1')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01', 'mar1')).toBe(17);
  });
});

describe('timestamps in Europe/London', () => {
  it('reads explicit offsets and Z exactly', () => {
    expect(parseTimestamp('2025-11-07T20:30:00Z').toISOString()).toBe('2025-11-07T20:30:00.000Z');
    expect(parseTimestamp('2025-07-07T20:30:00+01:00').toISOString()).toBe('2025-07-07T19:30:00.000Z');
    expect(parseTimestamp('2025-07-07T20:30:00.250-0500').toISOString()).toBe('2025-07-08T01:30:00.250Z');
  });

  it('reads local wall-clock times as London time (GMT and BST)', () => {
    expect(parseTimestamp('2025-11-07T20:30').toISOString()).toBe('2025-11-07T20:30:00.000Z');
    expect(parseTimestamp('2025-07-07 20:30:15').toISOString()).toBe('2025-07-07T19:30:15.000Z');
  });

  it('handles the clock changes', () => {
    // 30 March 2025: 01:00 GMT → 02:00 BST. 01:30 does not exist: moved forward.
    expect(parseTimestamp('2025-03-30T00:30').toISOString()).toBe('2025-03-30T00:30:00.000Z');
    expect(parseTimestamp('2025-03-30T01:30').toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(formatLondonTimestamp(parseTimestamp('2025-03-30T01:30'))).toBe('2025-03-30T02:30:00+01:00');
    expect(parseTimestamp('2025-03-30T02:30').toISOString()).toBe('2025-03-30T01:30:00.000Z');
    // 26 October 2025: 02:00 BST → 01:00 GMT. 01:30 happens twice: the first (BST) is used.
    expect(parseTimestamp('2025-10-26T01:30').toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(parseTimestamp('2025-10-26T02:30').toISOString()).toBe('2025-10-26T02:30:00.000Z');
    expect(parseTimestamp('2025-10-26T00:30').toISOString()).toBe('2025-10-25T23:30:00.000Z');
  });

  it('formats instants as London time with offset', () => {
    expect(formatLondonTimestamp('2025-11-10T20:30:00Z')).toBe('2025-11-10T20:30:00+00:00');
    expect(formatLondonTimestamp('2025-07-10T20:30:00Z')).toBe('2025-07-10T21:30:00+01:00');
    expect(londonDateOf('2025-07-10T23:30:00Z')).toBe('2025-07-11');
    expect(formatLondonTimestamp(new Date(Date.UTC(2025, 0, 1, 9)))).toBe('2025-01-01T09:00:00+00:00');
  });

  it('adds real elapsed hours through weekends and clock changes', () => {
    expect(formatLondonTimestamp(addHours('2025-11-07T20:30', 72))).toBe('2025-11-10T20:30:00+00:00');
    // Over the spring clock change 72 real hours end one wall-clock hour later.
    expect(formatLondonTimestamp(addHours('2025-03-28T20:30', 72))).toBe('2025-03-31T21:30:00+01:00');
    expect(hoursBetween('2025-11-07T20:30', '2025-11-10T20:30')).toBe(72);
  });

  it('rejects date-only and malformed timestamps', () => {
    expect(() => parseTimestamp('2025-11-07')).toThrow(RangeError);
    expect(() => parseTimestamp('2025-11-07T25:00')).toThrow(RangeError);
    expect(() => parseTimestamp(new Date(Number.NaN))).toThrow(RangeError);
  });
});
