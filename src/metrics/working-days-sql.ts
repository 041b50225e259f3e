import { sql, type RawBuilder } from 'kysely';
import { nonWorkingWeekdaysBetween, STATUTORY_CALENDAR } from '../calendar/index.js';

/** Range of the holiday list sent to SQL. EPOCH is a Monday, so weekdays have a closed form. */
export const WORKING_DAY_SQL_FIRST = '1990-01-01';
export const WORKING_DAY_SQL_LAST = '2070-12-31';

let cached: string | undefined;

/** Weekday bank holidays on the statutory calendar (src/calendar), sorted, as a date[] literal. */
export function holidayArrayLiteral(): string {
  cached ??= `{${nonWorkingWeekdaysBetween(WORKING_DAY_SQL_FIRST, WORKING_DAY_SQL_LAST, STATUTORY_CALENDAR).map((d) => d.date).join(',')}}`;
  return cached;
}

/** The `wdc` CTE body: one row holding the sorted holiday list (about 4 KB). */
export function workingDayCte(): RawBuilder<unknown> {
  return sql`SELECT ${holidayArrayLiteral()}::date[] AS h`;
}

/** Weekdays in [EPOCH, d]: whole weeks give 5, the remainder (starting Monday) at most 5. */
function weekdaysThrough(expr: string): string {
  const k = `((${expr}) - DATE '${WORKING_DAY_SQL_FIRST}' + 1)`;
  return `(5 * (${k} / 7) + least(${k} % 7, 5))`;
}

/**
 * Working days in (start, end]: day 0 is the start date (indicators.md §1.4, calendar convention
 * A), so the same day is 0. Weekdays by closed form, minus weekday holidays counted with
 * width_bucket (a binary search over the sorted list). Arguments are trusted SQL date expressions
 * from the indicator declarations. Requires the `wdc` CTE.
 */
export function workingDaysSql(start: string, end: string): string {
  const holidaysThrough = (expr: string) => `width_bucket((${expr})::date, (SELECT h FROM wdc))`;
  return `((${weekdaysThrough(end)} - ${weekdaysThrough(start)}) - (${holidaysThrough(end)} - ${holidaysThrough(start)}))`;
}
