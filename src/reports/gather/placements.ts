/** Children looked after at 31 March by placement type, with the mean weekly cost recorded for their placement. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import { getCodeList } from '../../model/code-lists/index.js';
import type { PlacementCostRow } from '../model.js';

export async function placementCostsAt(db: Kysely<Database>, laCode: string, date: string): Promise<PlacementCostRow[]> {
  const result = await sql<{ place: string | null; children: number; avg_cost: number | null }>`
    SELECT e.place, count(*)::int AS children, avg(pc.weekly_cost)::float8 AS avg_cost
    FROM cla_episode e
    LEFT JOIN LATERAL (
      SELECT c.weekly_cost FROM placement_cost c
      WHERE c.la_code = e.la_code AND c.placement_type = e.place AND c.valid_from <= ${date}::date AND (c.valid_to IS NULL OR c.valid_to >= ${date}::date)
      ORDER BY (c.provider = e.place_provider) DESC, c.valid_from DESC LIMIT 1
    ) pc ON true
    WHERE e.la_code = ${laCode} AND e.decom <= ${date}::date AND (e.dec IS NULL OR e.dec > ${date}::date)
      AND coalesce(e.legal_status, '') NOT IN ('V3', 'V4')
    GROUP BY e.place ORDER BY count(*) DESC, e.place`.execute(db);
  const labels = new Map((getCodeList('903.PLACE')?.codes ?? []).map((c) => [c.code, c.label]));
  return result.rows.map((r) => ({
    placementType: r.place ? `${r.place}: ${labels.get(r.place) ?? 'unknown code'}` : 'Not recorded',
    children: Number(r.children),
    averageWeeklyCost: r.avg_cost === null ? null : Math.round(Number(r.avg_cost)),
  }));
}
