/** Collection years end on 31 March: before April the latest complete year is last year's. */
export function latestCompleteYear(today = new Date()): number {
  const year = today.getUTCFullYear();
  return today.getUTCMonth() >= 3 ? year : year - 1;
}

/** The same day a month earlier (clamped to the month's end: 31 March → 28/29 February). */
export function monthBefore(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
