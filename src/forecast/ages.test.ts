import { describe, expect, it } from 'vitest';
import { birthdayAtAge, fromDayNumber, toDayNumber } from '../calendar/index.js';
import { bandEndDays, dayOf, parseDay } from './ages.js';
import { DEFAULT_AGE_BANDS } from './config.js';

/** The fast date arithmetic agrees with src/calendar day by day, leap birthdays included. */
describe('ages', () => {
  it('parses ISO dates to the calendar day numbers and rejects non-dates', () => {
    const wrong: string[] = [];
    for (let day = toDayNumber('1899-12-25'); day <= toDayNumber('2105-01-05'); day += 1) {
      if (parseDay(fromDayNumber(day)) !== day) wrong.push(fromDayNumber(day));
    }
    expect(wrong).toEqual([]);
    for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31', '2024-4-01', '20240401', '2024-04-0x', '0000-01-01', '']) {
      expect(parseDay(bad)).toBeNaN();
    }
    expect(parseDay('2024-02-29')).toBe(toDayNumber('2024-02-29'));
    expect(() => dayOf('2023-02-29')).toThrow();
  });

  it('puts band ends on the birthdays src/calendar gives (29 February → 28 February)', () => {
    const wrong: string[] = [];
    for (let day = toDayNumber('1995-01-01'); day <= toDayNumber('2030-12-31'); day += 1) {
      const dob = fromDayNumber(day);
      const expected = DEFAULT_AGE_BANDS.map((b) => toDayNumber(birthdayAtAge(dob, b.toYears)));
      if (bandEndDays(day, DEFAULT_AGE_BANDS).join() !== expected.join()) wrong.push(dob);
    }
    expect(wrong).toEqual([]);
  });
});
