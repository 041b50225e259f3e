import { describe, expect, it } from 'vitest';
import { Random, mixSeed } from './random.js';
import { civilFromDays, daysFromCivil } from '../calendar/index.js';
import { birthdayDay, isoOf } from './days.js';
import { toDayNumber, fromDayNumber, birthdayAtAge } from '../calendar/index.js';
import { WorkdayTable } from './workdays.js';
import { addWorkingDays } from '../calendar/index.js';

describe('Random', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    const seqB = Array.from({ length: 5 }, () => b.next());
    const seqC = Array.from({ length: 5 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws integers in range, weighted indexes in proportion and Poisson counts with the right mean', () => {
    const r = new Random('test');
    const counts = [0, 0, 0];
    let poissonSum = 0;
    let outOfRange = 0;
    for (let i = 0; i < 30000; i++) {
      const k = r.int(2, 4);
      if (k < 2 || k > 4) outOfRange++;
      counts[r.weighted([1, 2, 7])]! += 1;
      poissonSum += r.poisson(3);
    }
    expect(outOfRange).toBe(0);
    // Expected shares 10%, 20%, 70%; 30,000 draws put each within about 1 point.
    expect(counts[0]! / 30000).toBeCloseTo(0.1, 1);
    expect(counts[2]! / 30000).toBeCloseTo(0.7, 1);
    expect(poissonSum / 30000).toBeCloseTo(3, 1);
  });

  it('derives independent streams from keys, stable across calls', () => {
    expect(mixSeed(1, 2, 3)).toBe(mixSeed(1, 2, 3));
    expect(mixSeed(1, 2, 3)).not.toBe(mixSeed(1, 3, 2));
  });
});

describe('fast day arithmetic agrees with src/calendar', () => {
  it('converts day numbers and birthdays exactly, including 29 February', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2016-12-31', '2024-03-31', '2007-02-28']) {
      const day = toDayNumber(iso);
      expect(isoOf(day)).toBe(iso);
      const [y, m, d] = civilFromDays(day);
      expect(daysFromCivil(y, m, d)).toBe(day);
      expect(fromDayNumber(birthdayDay(day, 18))).toBe(birthdayAtAge(iso, 18));
    }
  });

  it('adds working days like the statutory calendar (bank holidays skipped)', () => {
    const table = WorkdayTable.forYears(2020, 2026);
    for (const [iso, n] of [['2024-03-27', 15], ['2023-12-20', 10], ['2025-04-14', 45], ['2024-08-19', 1]] as const) {
      expect(fromDayNumber(table.add(toDayNumber(iso), n))).toBe(addWorkingDays(iso, n));
    }
  });
});
