/** The workforce list CSV, declared once (import and export share it). */
export const WORKFORCE_COLUMNS = [
  'Worker ID',
  'Role',
  'Team ID',
  'Team name',
  'Team type',
  'FTE',
  'Agency',
  'Start date',
  'Leave date',
  'Caseload at census date',
] as const;

/** Header names compared without case, spaces or underscores. */
export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_]+/g, '');
}

export function isWorkforceHeader(header: readonly string[]): boolean {
  const wanted = new Set(WORKFORCE_COLUMNS.map(normaliseHeader));
  const got = header.map(normaliseHeader);
  return got.length === wanted.size && got.every((h) => wanted.has(h));
}

/** Workforce census date of a collection year: 30 September inside it (the CSWW snapshot). */
export function workforceCensusDate(year: number): string {
  return `${year - 1}-09-30`;
}
