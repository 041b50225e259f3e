/**
 * The reporting year (1 April Y−1 to 31 March Y, labelled Y) of a date column, as SQL. 275 days
 * on (April to December always have 275 days), every date of reporting year Y lies in calendar
 * year Y. Date plus days and date_part stay in date/float arithmetic, about twice as fast on
 * PGlite as adding an interval and extract()'s numeric. One definition for the indicator queries
 * that join rows to years by it and for the statistics that let the planner estimate those joins
 * (migration 0012): the planner matches the two only if the text is the same.
 */
export function reportingYearSql(date: string): string {
  return `date_part('year', ${date} + 275)::int`;
}
