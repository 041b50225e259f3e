import { daysFromCivil } from '../calendar/index.js';
import { birthdayDay, collectionYearOfDay } from './days.js';
import type { SimWorld } from './model.js';
import type { YearMultipliers } from './multipliers.js';
import type { Random } from './random.js';
import type { YearTargets } from './targets.js';
import type { WorkdayTable } from './workdays.js';

/** What every part of one simulation run shares: randomness, calendar, targets, output. */
export interface SimContext {
  rng: Random;
  workdays: WorkdayTable;
  /** First and last simulated day (1 April of the first warm-up year; 31 March of the last year). */
  start: number;
  end: number;
  firstYear: number;
  lastYear: number;
  targets: (year: number) => YearTargets;
  multipliers: (year: number) => YearMultipliers;
  world: SimWorld;
}

/** Day number of 1 April starting collection year `year` (2024 = 1 April 2023). */
export function collectionYearStart(year: number): number {
  return daysFromCivil(year - 1, 4, 1);
}

/** Day number of 31 March ending collection year `year`. */
export function snapshotDay(year: number): number {
  return daysFromCivil(year, 3, 31);
}

/** Collection year (end-year label) containing a day number. */
export function yearOfDay(day: number): number {
  return collectionYearOfDay(day);
}

export function eighteenthBirthday(dob: number): number {
  return birthdayDay(dob, 18);
}

export function ageInYears(dob: number, day: number): number {
  return Math.floor((day - dob) / 365.25);
}

export function clampYear(ctx: SimContext, year: number): number {
  return Math.min(ctx.lastYear, Math.max(ctx.firstYear, year));
}
