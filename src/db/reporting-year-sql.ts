/**
 * The reporting year (1 April Y−1 to 31 March Y, labelled Y) of a date column, as SQL. Nine
 * months on, every date of reporting year Y lies in calendar year Y. One definition for the
 * indicator queries that join rows to years by it and for the statistics that let the planner
 * estimate those joins (migration 0010): the planner matches the two only if the text is the same.
 */
export function reportingYearSql(date: string): string {
  return `extract(year FROM ${date} + interval '9 months')::int`;
}
