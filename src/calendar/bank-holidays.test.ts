import { describe, expect, it } from 'vitest';
import {
  BANK_HOLIDAY_ADJUSTMENTS,
  BANK_HOLIDAY_TABLE_FIRST_YEAR,
  BANK_HOLIDAY_TABLE_LAST_YEAR,
  ENGLAND_WALES_BANK_HOLIDAYS,
  bankHolidayOn,
  bankHolidaysForYear,
  easterSunday,
  generateBankHolidays,
  kindFromTitle,
  mergeBankHolidayTables,
  parseGovUkBankHolidays,
  ruleBasedBankHolidays,
  tableCoversYear,
} from './bank-holidays.js';
import { addDays, isoWeekday } from './dates.js';

/** timescales.md §3, ISO fixture block (173 weekday dates), copied verbatim. */
const REFERENCE_FIXTURE = `
2010: 2010-01-01 2010-04-02 2010-04-05 2010-05-03 2010-05-31 2010-08-30 2010-12-27 2010-12-28
2011: 2011-01-03 2011-04-22 2011-04-25 2011-04-29 2011-05-02 2011-05-30 2011-08-29 2011-12-26 2011-12-27
2012: 2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26
2013: 2013-01-01 2013-03-29 2013-04-01 2013-05-06 2013-05-27 2013-08-26 2013-12-25 2013-12-26
2014: 2014-01-01 2014-04-18 2014-04-21 2014-05-05 2014-05-26 2014-08-25 2014-12-25 2014-12-26
2015: 2015-01-01 2015-04-03 2015-04-06 2015-05-04 2015-05-25 2015-08-31 2015-12-25 2015-12-28
2016: 2016-01-01 2016-03-25 2016-03-28 2016-05-02 2016-05-30 2016-08-29 2016-12-26 2016-12-27
2017: 2017-01-02 2017-04-14 2017-04-17 2017-05-01 2017-05-29 2017-08-28 2017-12-25 2017-12-26
2018: 2018-01-01 2018-03-30 2018-04-02 2018-05-07 2018-05-28 2018-08-27 2018-12-25 2018-12-26
2019: 2019-01-01 2019-04-19 2019-04-22 2019-05-06 2019-05-27 2019-08-26 2019-12-25 2019-12-26
2020: 2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28
2021: 2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28
2022: 2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27
2023: 2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26
2024: 2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26
2025: 2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26
2026: 2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28
2027: 2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28
2028: 2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 2028-12-25 2028-12-26
2029: 2029-01-01 2029-03-30 2029-04-02 2029-05-07 2029-05-28 2029-08-27 2029-12-25 2029-12-26
2030: 2030-01-01 2030-04-19 2030-04-22 2030-05-06 2030-05-27 2030-08-26 2030-12-25 2030-12-26
`;

const fixtureByYear = new Map<number, string[]>(
  REFERENCE_FIXTURE.trim()
    .split('\n')
    .map((line) => {
      const [year, rest] = line.split(':') as [string, string];
      return [Number(year), rest.trim().split(/\s+/)];
    }),
);

const dates = (list: readonly { date: string }[]): string[] => list.map((h) => h.date);

describe('shipped England and Wales table', () => {
  it('matches the reference fixture date for date (173 dates, 2010–2030)', () => {
    expect(ENGLAND_WALES_BANK_HOLIDAYS).toHaveLength(173);
    expect(dates(ENGLAND_WALES_BANK_HOLIDAYS)).toEqual([...fixtureByYear.values()].flat());
    expect(BANK_HOLIDAY_TABLE_FIRST_YEAR).toBe(2010);
    expect(BANK_HOLIDAY_TABLE_LAST_YEAR).toBe(2030);
  });

  it('holds only weekdays, sorted, without duplicates', () => {
    const all = dates(ENGLAND_WALES_BANK_HOLIDAYS);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
    for (const d of all) expect(isoWeekday(d)).toBeLessThanOrEqual(5);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(ENGLAND_WALES_BANK_HOLIDAYS)).toBe(true);
    expect(Object.isFrozen(ENGLAND_WALES_BANK_HOLIDAYS[0])).toBe(true);
  });

  it('includes the one-off and moved days', () => {
    const oneOff = ENGLAND_WALES_BANK_HOLIDAYS.filter((h) => h.kind === 'one-off').map((h) => h.date);
    expect(oneOff).toEqual(['2011-04-29', '2012-06-05', '2022-06-03', '2022-09-19', '2023-05-08']);
    const moved = ENGLAND_WALES_BANK_HOLIDAYS.filter((h) => h.moved).map((h) => [h.date, h.kind]);
    expect(moved).toEqual([
      ['2012-06-04', 'spring'],
      ['2020-05-08', 'early-may'],
      ['2022-06-02', 'spring'],
    ]);
    expect(bankHolidayOn('2011-04-29')?.name).toMatch(/Royal wedding/);
    expect(bankHolidayOn('2022-09-19')?.name).toMatch(/State Funeral/);
    expect(bankHolidayOn('2023-05-08')?.name).toMatch(/Coronation/);
    expect(bankHolidayOn('2012-05-28')).toBeUndefined(); // a working day in 2012
    expect(bankHolidayOn('2022-05-30')).toBeUndefined(); // a working day in 2022
    expect(bankHolidayOn('2020-05-04')).toBeUndefined(); // a working day in 2020
  });

  it('labels the days around a Sunday Christmas', () => {
    for (const y of [2011, 2016, 2022]) {
      expect(bankHolidayOn(`${y}-12-26`)?.kind).toBe('boxing-day');
      expect(bankHolidayOn(`${y}-12-27`)).toMatchObject({ kind: 'christmas', substitute: true });
    }
  });
});

describe('rules and computus', () => {
  it('computes Easter matching every Good Friday and Easter Monday in the table', () => {
    for (let y = 2010; y <= 2030; y += 1) {
      const table = bankHolidaysForYear(y);
      const easter = easterSunday(y);
      expect(table.find((h) => h.kind === 'good-friday')?.date).toBe(addDays(easter, -2));
      expect(table.find((h) => h.kind === 'easter-monday')?.date).toBe(addDays(easter, 1));
    }
  });

  it('computes Easter for known years outside the table', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22',
      1943: '1943-04-25',
      1990: '1990-04-15',
      1991: '1991-03-31',
      1995: '1995-04-16',
      1999: '1999-04-04',
      2000: '2000-04-23',
      2002: '2002-03-31',
      2005: '2005-03-27',
      2008: '2008-03-23',
      2009: '2009-04-12',
      2031: '2031-04-13',
      2032: '2032-03-28',
      2033: '2033-04-17',
      2035: '2035-03-25',
      2038: '2038-04-25',
      2040: '2040-04-01',
      2285: '2285-03-22',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
  });

  it('always puts Easter on a Sunday between 22 March and 25 April', () => {
    for (let y = 1583; y <= 3000; y += 1) {
      const e = easterSunday(y);
      expect(isoWeekday(e)).toBe(7);
      const md = e.slice(5);
      expect(md >= '03-22' && md <= '04-25').toBe(true);
    }
    expect(() => easterSunday(1500)).toThrow(RangeError);
  });

  it('generator (rules + known adjustments) equals the shipped table for every year 2010–2030', () => {
    for (let y = 2010; y <= 2030; y += 1) {
      expect(dates(generateBankHolidays(y)), String(y)).toEqual(fixtureByYear.get(y));
      expect(generateBankHolidays(y).map((h) => h.kind)).toEqual(bankHolidaysForYear(y).map((h) => h.kind));
    }
  });

  it('pure rules equal the table except in the one-off years', () => {
    const differing: number[] = [];
    for (let y = 2010; y <= 2030; y += 1) {
      if (dates(ruleBasedBankHolidays(y)).join() !== fixtureByYear.get(y)?.join()) differing.push(y);
    }
    expect(differing).toEqual([2011, 2012, 2020, 2022, 2023]);
    // The well-known rules-only errors.
    expect(dates(ruleBasedBankHolidays(2012))).toContain('2012-05-28');
    expect(dates(ruleBasedBankHolidays(2020))).toContain('2020-05-04');
    expect(dates(ruleBasedBankHolidays(2011))).not.toContain('2011-04-29');
  });

  it('applies substitute days for weekend New Year and Christmas', () => {
    expect(dates(ruleBasedBankHolidays(2033))).toEqual([
      '2033-01-03', // 1 Jan is a Saturday
      '2033-04-15',
      '2033-04-18',
      '2033-05-02',
      '2033-05-30',
      '2033-08-29',
      '2033-12-26', // 25 Dec is a Sunday: Boxing Day on Monday
      '2033-12-27', // Christmas substitute
    ]);
    expect(dates(ruleBasedBankHolidays(2032)).slice(-2)).toEqual(['2032-12-27', '2032-12-28']); // Saturday Christmas
    expect(dates(ruleBasedBankHolidays(2034)).slice(-2)).toEqual(['2034-12-25', '2034-12-26']); // Monday Christmas
    expect(dates(ruleBasedBankHolidays(2037)).slice(-2)).toEqual(['2037-12-25', '2037-12-28']); // Friday Christmas
    expect(dates(ruleBasedBankHolidays(2034))[0]).toBe('2034-01-02'); // 1 Jan is a Sunday
  });

  it('generates years outside the table (2009, 2031)', () => {
    expect(tableCoversYear(2009)).toBe(false);
    expect(dates(bankHolidaysForYear(2009))).toEqual([
      '2009-01-01',
      '2009-04-10',
      '2009-04-13',
      '2009-05-04',
      '2009-05-25',
      '2009-08-31',
      '2009-12-25',
      '2009-12-28',
    ]);
    expect(dates(bankHolidaysForYear(2031))).toEqual([
      '2031-01-01',
      '2031-04-11',
      '2031-04-14',
      '2031-05-05',
      '2031-05-26',
      '2031-08-25',
      '2031-12-25',
      '2031-12-26',
    ]);
  });

  it('applies pre-2010 adjustments outside the reference table', () => {
    expect(dates(generateBankHolidays(2002))).toEqual([
      '2002-01-01',
      '2002-03-29',
      '2002-04-01',
      '2002-05-06',
      '2002-06-03',
      '2002-06-04',
      '2002-08-26',
      '2002-12-25',
      '2002-12-26',
    ]);
    expect(dates(generateBankHolidays(1999))).toContain('1999-12-31');
    expect(dates(generateBankHolidays(1995))).toContain('1995-05-08');
    expect(dates(generateBankHolidays(1995))).not.toContain('1995-05-01');
    expect(BANK_HOLIDAY_ADJUSTMENTS.filter((a) => a.inReferenceTable)).toHaveLength(8);
  });
});

describe('updating the table', () => {
  const feed = {
    'england-and-wales': {
      division: 'england-and-wales',
      events: [
        { title: 'New Year’s Day', date: '2031-01-01', notes: '', bunting: true },
        { title: 'Good Friday', date: '2031-04-11', notes: '', bunting: false },
        { title: 'Easter Monday', date: '2031-04-14', notes: '', bunting: true },
        { title: 'Early May bank holiday', date: '2031-05-05', notes: '', bunting: true },
        { title: 'Spring bank holiday', date: '2031-05-26', notes: '', bunting: true },
        { title: 'Imaginary celebration', date: '2031-06-20', notes: 'Extra bank holiday', bunting: true },
        { title: 'Summer bank holiday', date: '2031-08-25', notes: '', bunting: true },
        { title: 'Christmas Day', date: '2031-12-25', notes: '', bunting: true },
        { title: 'Boxing Day', date: '2031-12-26', notes: '', bunting: true },
        { title: 'Boxing Day', date: '2030-12-26', notes: '', bunting: true },
        { title: 'Christmas Day', date: '2030-12-25', notes: '', bunting: true },
      ],
    },
    scotland: { division: 'scotland', events: [] },
  };

  it('parses the gov.uk feed', () => {
    const rows = parseGovUkBankHolidays(feed);
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual({ date: '2030-12-25', name: 'Christmas Day', kind: 'christmas' });
    expect(rows.find((r) => r.date === '2031-06-20')?.kind).toBe('one-off');
    expect(() => parseGovUkBankHolidays(feed, 'northern-ireland')).toThrow(/Division/);
    expect(() => parseGovUkBankHolidays({ 'england-and-wales': { events: [] } })).toThrow();
  });

  it('merges whole years: updated years replace, others are kept', () => {
    const merged = mergeBankHolidayTables(ENGLAND_WALES_BANK_HOLIDAYS, parseGovUkBankHolidays(feed));
    expect(dates(bankHolidaysForYear(2031, merged))).toContain('2031-06-20');
    // 2030 in the feed has only 2 rows, so 2030 is replaced by those rows.
    expect(dates(bankHolidaysForYear(2030, merged))).toEqual(['2030-12-25', '2030-12-26']);
    expect(dates(bankHolidaysForYear(2025, merged))).toEqual(fixtureByYear.get(2025));
  });

  it('infers kinds from titles', () => {
    expect(kindFromTitle("New Year's Day")).toBe('new-year');
    expect(kindFromTitle('Christmas Day (substitute day)')).toBe('christmas');
    expect(kindFromTitle('Bank holiday for the coronation of King Charles III')).toBe('one-off');
  });
});
