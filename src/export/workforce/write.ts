import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { writeCsv } from '../../ingest/common/csv.js';
import { collectionPeriod, isoToDmy } from '../../ingest/common/dates.js';
import { WORKFORCE_COLUMNS, workforceCensusDate } from '../../ingest/workforce/columns.js';
import { encoder, overlaps, rowsOf, str } from '../common/rows.js';

/** The workforce list of a year: workers employed at some time in it, caseload at 30 September. */
export async function writeWorkforce(db: Kysely<Database>, laCode: string, year: number): Promise<{ files: Record<string, Uint8Array>; warnings: string[] }> {
  const { start: from, end: to } = collectionPeriod(year);
  const census = workforceCensusDate(year);
  const [workers, teams, allocations] = await Promise.all([
    rowsOf(db, 'worker', laCode, 'worker_id'),
    rowsOf(db, 'team', laCode, 'team_id'),
    rowsOf(db, 'allocation', laCode, 'worker_id, start_date'),
  ]);
  const teamOf = new Map(teams.map((t) => [String(t.team_id), t]));
  const caseload = new Map<string, number>();
  for (const a of allocations) {
    if (String(a.start_date) <= census && (a.end_date === null || String(a.end_date) >= census)) {
      caseload.set(String(a.worker_id), (caseload.get(String(a.worker_id)) ?? 0) + 1);
    }
  }
  const rows = workers
    .filter((w) => overlaps(w.start_date, w.end_date, from, to))
    .map((w) => {
      const team = w.team_id ? teamOf.get(String(w.team_id)) : undefined;
      return [
        str(w.worker_id), str(w.role), str(w.team_id), str(team?.name), str(team?.team_type), str(w.fte),
        w.contract === 'agency' ? 'Y' : 'N', isoToDmy(w.start_date as string), isoToDmy(w.end_date as string | null), String(caseload.get(String(w.worker_id)) ?? 0),
      ];
    });
  return { files: { [`workforce_${year}.csv`]: encoder.encode(writeCsv(WORKFORCE_COLUMNS, rows)) }, warnings: [] };
}
