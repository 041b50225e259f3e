import { collectionYearOf } from './common/dates.js';
import { parseDate } from './common/dates.js';
import type { Ssda903File } from './ssda903/read.js';

/**
 * The collection year a file belongs to, from its name: "2024", "2023-24", "2023_24" (the end
 * year is the label). Null when the name says nothing.
 */
export function yearFromName(name: string): number | null {
  const span = /(20\d\d)[-_ ]?(\d\d)(?!\d)/.exec(name);
  if (span && (Number(span[1]) + 1) % 100 === Number(span[2])) return Number(span[1]) + 1;
  const single = [...name.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)].pop();
  return single ? Number(single[1]) : null;
}

const DATE_COLUMNS = ['DECOM', 'DEC', 'REVIEW', 'MIS_START', 'MIS_END', 'SW_DECOM', 'SW_DEC', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'DATE_MATCH'];

/** Latest event date in a set of 903 files: the return's year is the one it falls in. */
export function inferSsda903Year(files: readonly Ssda903File[]): { year: number; from: string } | null {
  let latest = '';
  for (const f of files) {
    for (const row of f.rows) {
      for (const column of DATE_COLUMNS) {
        const raw = row.values[column];
        if (!raw) continue;
        const parsed = parseDate(raw);
        if (parsed.ok && parsed.iso > latest) latest = parsed.iso;
      }
    }
  }
  return latest ? { year: collectionYearOf(latest), from: latest } : null;
}
