import { describe, expect, it } from 'vitest';
import { ruleBasedBankHolidays } from './bank-holidays.js';
import { addDays, fromDayNumber, toDayNumber } from './dates.js';
import {
  STATUTORY_CALENDAR,
  addWorkingDays,
  calendarFromConfig,
  createCalendar,
  isWorkingDay,
  nonWorkingReason,
  nonWorkingWeekdaysBetween,
  statutoryCalendarOf,
  withLocalClosures,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingDaysBetween,
} from './working-days.js';
import type { Counting } from './working-days.js';

/** A calendar built only from the rules, as a naive implementation would (for the §5 contrasts). */
const RULES_ONLY = createCalendar({
  id: 'rules-only',
  bankHolidays: [2011, 2012, 2020].flatMap((y) => ruleBasedBankHolidays(y)),
});

describe('isWorkingDay', () => {
  it('excludes weekends, Christmas Day, Good Friday and bank holidays', () => {
    expect(isWorkingDay('2025-11-03')).toBe(true);
    expect(isWorkingDay('2025-11-08')).toBe(false); // Saturday
    expect(isWorkingDay('2025-11-09')).toBe(false); // Sunday
    expect(isWorkingDay('2025-12-25')).toBe(false);
    expect(isWorkingDay('2025-04-18')).toBe(false); // Good Friday
    expect(isWorkingDay('2025-08-25')).toBe(false);
  });

  it('treats 24 December and 27–31 December as working days in law', () => {
    expect(isWorkingDay('2025-12-24')).toBe(true);
    expect(isWorkingDay('2025-12-29')).toBe(true);
    expect(isWorkingDay('2025-12-31')).toBe(true);
  });

  it('knows the one-off days', () => {
    for (const d of ['2011-04-29', '2012-06-04', '2012-06-05', '2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) {
      expect(isWorkingDay(d), d).toBe(false);
    }
    for (const d of ['2012-05-28', '2020-05-04', '2022-05-30']) expect(isWorkingDay(d), d).toBe(true);
  });

  it('works for years outside the table, from the rules', () => {
    expect(isWorkingDay('2035-03-23')).toBe(false); // Good Friday 2035
    expect(isWorkingDay('2035-03-26')).toBe(false); // Easter Monday 2035
    expect(isWorkingDay('2005-03-28')).toBe(false); // Easter Monday 2005
    expect(isWorkingDay('2005-03-29')).toBe(true);
  });

  it('explains why a day is not a working day', () => {
    expect(nonWorkingReason('2025-11-03')).toBeNull();
    expect(nonWorkingReason('2025-11-08')).toEqual({ reason: 'weekend', name: 'Saturday' });
    expect(nonWorkingReason('2027-12-25')).toEqual({ reason: 'weekend', name: 'Saturday' });
    expect(nonWorkingReason('2023-05-08')).toMatchObject({ reason: 'bank-holiday', name: 'Coronation of King Charles III' });
  });

  it('finds the nearest working days', () => {
    expect(workingDayOnOrBefore('2027-02-28')).toBe('2027-02-26');
    expect(workingDayOnOrBefore('2026-04-06')).toBe('2026-04-02'); // Easter Monday → Maundy Thursday
    expect(workingDayOnOrAfter('2025-12-25')).toBe('2025-12-29');
    expect(workingDayOnOrAfter('2025-11-03')).toBe('2025-11-03');
  });
});

describe('addWorkingDays', () => {
  it('day0 (convention A): the event is day 0', () => {
    expect(addWorkingDays('2025-11-03', 1)).toBe('2025-11-04');
    expect(addWorkingDays('2025-11-07', 1)).toBe('2025-11-10'); // Friday → Monday
    expect(addWorkingDays('2025-11-08', 1)).toBe('2025-11-10'); // Saturday → Monday
    expect(addWorkingDays('2025-11-08', 0)).toBe('2025-11-08');
    expect(addWorkingDays('2025-11-03', 45)).toBe('2026-01-08');
  });

  it('day1 (convention B): the event is day 1 when it is a working day', () => {
    expect(addWorkingDays('2025-11-03', 1, { convention: 'day1' })).toBe('2025-11-03');
    expect(addWorkingDays('2025-11-08', 1, { convention: 'day1' })).toBe('2025-11-10');
    expect(addWorkingDays('2025-11-03', 45, { convention: 'day1' })).toBe('2026-01-07');
    expect(() => addWorkingDays('2025-11-03', 0, { convention: 'day1' })).toThrow(RangeError);
  });

  it('goes backwards for negative counts', () => {
    expect(addWorkingDays('2025-11-10', -1)).toBe('2025-11-07');
    expect(addWorkingDays('2025-11-09', -1)).toBe('2025-11-07');
    expect(addWorkingDays('2026-01-02', -3)).toBe('2025-12-29'); // skips 1 Jan
    // CIN validator 8670Q threshold: 31 March 2023 − 44 WD.
    expect(addWorkingDays('2023-03-31', -44)).toBe('2023-01-30');
    expect(addWorkingDays('2023-03-31', -45, { convention: 'day1' })).toBe('2023-01-30');
  });

  it('crosses Christmas and New Year', () => {
    expect(addWorkingDays('2025-12-23', 1)).toBe('2025-12-24');
    expect(addWorkingDays('2025-12-24', 1)).toBe('2025-12-29');
    expect(addWorkingDays('2025-12-24', 5)).toBe('2026-01-05');
    expect(addWorkingDays('2021-12-24', 1)).toBe('2021-12-29'); // Saturday Christmas: 27, 28 substituted
    expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-28'); // Sunday Christmas: 26, 27
    expect(addWorkingDays('2010-12-31', 1)).toBe('2011-01-04'); // 3 Jan 2011 substitute
  });

  it('crosses Easter', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
    expect(addWorkingDays('2016-03-24', 1)).toBe('2016-03-29'); // Easter in March
    expect(addWorkingDays('2035-03-22', 1)).toBe('2035-03-27'); // beyond the table
  });

  it('rejects non-integer counts', () => {
    expect(() => addWorkingDays('2025-11-03', 1.5)).toThrow(RangeError);
  });

  it('loads earlier and later years on demand', () => {
    const cal = createCalendar();
    expect(addWorkingDays('2025-06-02', 2000, { calendar: cal })).toBe(workingDayOnOrAfter(addWorkingDays('2025-06-02', 2000)));
    expect(addWorkingDays('2025-06-02', -3000, { calendar: cal })).toBe(addWorkingDays('2025-06-02', -3000));
  });
});

describe('workingDaysBetween', () => {
  it('day0 counts (start, end]: the same day is 0', () => {
    expect(workingDaysBetween('2025-11-03', '2025-11-03')).toBe(0);
    expect(workingDaysBetween('2025-11-03', '2025-11-04')).toBe(1);
    expect(workingDaysBetween('2025-11-07', '2025-11-10')).toBe(1);
    expect(workingDaysBetween('2025-11-03', '2026-01-08')).toBe(45);
    expect(workingDaysBetween('2026-01-08', '2025-11-03')).toBe(-45);
  });

  it('day1 counts [start, end] inclusive', () => {
    expect(workingDaysBetween('2025-11-03', '2025-11-03', { convention: 'day1' })).toBe(1);
    expect(workingDaysBetween('2025-11-08', '2025-11-08', { convention: 'day1' })).toBe(0);
    expect(workingDaysBetween('2023-01-30', '2023-03-31', { convention: 'day1' })).toBe(45);
    expect(workingDaysBetween('2023-03-31', '2023-01-30', { convention: 'day1' })).toBe(-45);
  });

  it('counts a whole year', () => {
    // 2025: 261 weekdays less 8 bank holidays.
    expect(workingDaysBetween('2024-12-31', '2025-12-31')).toBe(253);
    // 2022: 260 weekdays less 10 holidays.
    expect(workingDaysBetween('2021-12-31', '2022-12-31')).toBe(250);
  });

  it('agrees with a day-by-day count, including weekend closures and years beyond the table', () => {
    const cal = createCalendar({ localClosures: ['2025-12-24', '2025-12-27', '2040-07-02'] });
    let seed = 42;
    const rand = (): number => {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      return seed / 2 ** 32;
    };
    const lo = toDayNumber('2005-01-01');
    const hi = toDayNumber('2041-12-31');
    for (let i = 0; i < 300; i += 1) {
      const a = lo + Math.floor(rand() * (hi - lo));
      const b = a + Math.floor(rand() * 800) - 400;
      let brute = 0;
      for (let d = Math.min(a, b) + (b >= a ? 1 : 0); d <= Math.max(a, b) - (b < a ? 1 : 0); d += 1) {
        if (isWorkingDay(fromDayNumber(d), cal)) brute += 1;
      }
      expect(workingDaysBetween(fromDayNumber(a), fromDayNumber(b), { calendar: cal })).toBe(b >= a ? brute : -brute);
    }
  });

  it('is the inverse of addWorkingDays for random dates 2010–2030 (property test)', () => {
    let seed = 20251103;
    const rand = (): number => {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      return seed / 2 ** 32;
    };
    const lo = toDayNumber('2010-01-01');
    const hi = toDayNumber('2030-10-31');
    for (let i = 0; i < 1500; i += 1) {
      const start = fromDayNumber(lo + Math.floor(rand() * (hi - lo)));
      const convention: Counting = rand() < 0.5 ? 'day0' : 'day1';
      let n = Math.floor(rand() * 121) - 60;
      // Under day1, +1 and −1 from a working day both give the day itself (counted as +1).
      if (convention === 'day1' && (n === 0 || n === -1)) n = 1;
      const end = addWorkingDays(start, n, { convention });
      expect(workingDaysBetween(start, end, { convention }), `${start} ${n} ${convention}`).toBe(n);
      if (n !== 0) {
        expect(isWorkingDay(end)).toBe(true);
        expect(addWorkingDays(start, workingDaysBetween(start, end, { convention }), { convention })).toBe(end);
      }
      const other = fromDayNumber(lo + Math.floor(rand() * (hi - lo)));
      if (isWorkingDay(other) && other !== start) {
        const k = workingDaysBetween(start, other, { convention });
        if (k !== 0) expect(addWorkingDays(start, k, { convention }), `${start} → ${other}`).toBe(other);
      }
    }
  });
});

describe('calendars and local closures', () => {
  const closures = ['2025-12-24', '2025-12-29', '2025-12-30', '2025-12-31'];

  it('builds an operational calendar with local closures', () => {
    const op = withLocalClosures(STATUTORY_CALENDAR, closures);
    expect(op.kind).toBe('operational');
    expect(op.version).not.toBe(STATUTORY_CALENDAR.version);
    expect(isWorkingDay('2025-12-24', op)).toBe(false);
    expect(isWorkingDay('2025-12-24')).toBe(true);
    expect(addWorkingDays('2025-12-23', 1, { calendar: op })).toBe('2026-01-02');
    expect(addWorkingDays('2025-12-23', 1)).toBe('2025-12-24');
    expect(nonWorkingReason('2025-12-29', op)).toEqual({ reason: 'local-closure', name: 'Local closure' });
    expect(Object.isFrozen(op)).toBe(true);
  });

  it('recovers the statutory calendar for compliance', () => {
    const op = createCalendar({ localClosures: [{ date: '2025-12-24', name: 'Christmas Eve closure' }] });
    const st = statutoryCalendarOf(op);
    expect(st.kind).toBe('statutory');
    expect(st.version).toBe(STATUTORY_CALENDAR.version);
    expect(isWorkingDay('2025-12-24', st)).toBe(true);
    expect(statutoryCalendarOf(STATUTORY_CALENDAR)).toBe(STATUTORY_CALENDAR);
  });

  it('adds a newly proclaimed statutory holiday without a code release', () => {
    const cal = createCalendar({ extraBankHolidays: [{ date: '2031-06-20', name: 'Imaginary celebration', kind: 'one-off' }] });
    expect(cal.kind).toBe('statutory');
    expect(isWorkingDay('2031-06-20', cal)).toBe(false);
    // The extra day does not hide the rest of the year's rule-based holidays.
    expect(isWorkingDay('2031-05-26', cal)).toBe(false);
    expect(isWorkingDay('2031-06-20')).toBe(true);
  });

  it('reads calendar configuration', () => {
    const cal = calendarFromConfig({
      id: 'exampleshire-operational',
      localClosures: ['2025-12-24', { date: '2025-12-31', name: 'New Year closure' }],
      extraBankHolidays: ['2031-06-20'],
    });
    expect(cal.id).toBe('exampleshire-operational');
    expect(isWorkingDay('2025-12-31', cal)).toBe(false);
    expect(isWorkingDay('2031-06-20', cal)).toBe(false);
    expect(() => calendarFromConfig({ localClosures: ['2025-02-30'] })).toThrow();
    expect(() => createCalendar({ localClosures: ['not a date'] })).toThrow(RangeError);
  });

  it('lists the non-working weekdays crossed', () => {
    expect(nonWorkingWeekdaysBetween('2025-12-20', '2026-01-05').map((d) => d.date)).toEqual([
      '2025-12-25',
      '2025-12-26',
      '2026-01-01',
    ]);
  });

  it('a rules-only calendar gets the one-off years wrong (why the table wins)', () => {
    expect(addWorkingDays('2020-05-07', 1, { calendar: RULES_ONLY })).toBe('2020-05-08');
    expect(addWorkingDays('2020-05-07', 1)).toBe('2020-05-11');
    expect(addWorkingDays('2012-05-25', 15, { calendar: RULES_ONLY })).toBe('2012-06-18');
    expect(addWorkingDays('2012-05-25', 15)).toBe('2012-06-19');
    expect(addDays('2012-05-25', 0)).toBe('2012-05-25');
  });
});
