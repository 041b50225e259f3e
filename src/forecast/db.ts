import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import type { PlacementCostRow } from './costs.js';
import type { ChildRow, EpisodeRow, PlanRow } from './types.js';

/**
 * The forecast's only contact with the database: one query per kind of demand, returning the
 * plain rows the pure model code takes. Keys are always (la_code, child_id).
 */

export interface CareRows {
  readonly episodes: EpisodeRow[];
  readonly children: ChildRow[];
}

/** CLA episodes joined to their child's date of birth and UASC flag, for the given authorities. */
export async function loadCareRows(db: Kysely<Database>, laCodes: readonly string[]): Promise<CareRows> {
  const rows = await db
    .selectFrom('cla_episode as e')
    .innerJoin('child as c', (join) => join.onRef('c.la_code', '=', 'e.la_code').onRef('c.child_id', '=', 'e.child_id'))
    .select(['e.la_code', 'e.child_id', 'e.decom', 'e.dec', 'e.place', 'e.place_provider', 'e.rec', 'e.legal_status', 'c.date_of_birth', 'c.expected_dob', 'c.uasc'])
    .where('e.la_code', 'in', [...laCodes])
    .execute();
  const children = new Map<string, ChildRow>();
  const episodes: EpisodeRow[] = rows.map((r) => {
    const key = `${r.la_code}|${r.child_id}`;
    if (!children.has(key)) {
      children.set(key, { laCode: r.la_code, childId: r.child_id, dateOfBirth: r.date_of_birth, expectedDob: r.expected_dob, uasc: Boolean(r.uasc) });
    }
    return { laCode: r.la_code, childId: r.child_id, decom: r.decom, dec: r.dec, place: r.place, placeProvider: r.place_provider, rec: r.rec, legalStatus: r.legal_status };
  });
  return { episodes, children: [...children.values()] };
}

/** CP plans or CIN plans with their child's date of birth. */
export async function loadPlanRows(
  db: Kysely<Database>,
  laCodes: readonly string[],
  kind: 'cp' | 'cin',
): Promise<{ plans: PlanRow[]; children: ChildRow[] }> {
  // Two literal queries (not a table-name variable) so Kysely can type both.
  const rows =
    kind === 'cp'
      ? await db
          .selectFrom('cp_plan as p')
          .innerJoin('child as c', (join) => join.onRef('c.la_code', '=', 'p.la_code').onRef('c.child_id', '=', 'p.child_id'))
          .select(['p.la_code', 'p.child_id', 'p.start_date', 'p.end_date', 'c.date_of_birth', 'c.expected_dob', 'c.uasc'])
          .where('p.la_code', 'in', [...laCodes])
          .execute()
      : await db
          .selectFrom('cin_plan as p')
          .innerJoin('child as c', (join) => join.onRef('c.la_code', '=', 'p.la_code').onRef('c.child_id', '=', 'p.child_id'))
          .select(['p.la_code', 'p.child_id', 'p.start_date', 'p.end_date', 'c.date_of_birth', 'c.expected_dob', 'c.uasc'])
          .where('p.la_code', 'in', [...laCodes])
          .execute();
  const children = new Map<string, ChildRow>();
  const plans = rows.map((r) => {
    const key = `${r.la_code}|${r.child_id}`;
    if (!children.has(key)) {
      children.set(key, { laCode: r.la_code, childId: r.child_id, dateOfBirth: r.date_of_birth, expectedDob: r.expected_dob, uasc: Boolean(r.uasc) });
    }
    return { laCode: r.la_code, childId: r.child_id, start: r.start_date, end: r.end_date };
  });
  return { plans, children: [...children.values()] };
}

export async function loadPlacementCosts(db: Kysely<Database>, laCode: string): Promise<PlacementCostRow[]> {
  const rows = await db
    .selectFrom('placement_cost')
    .select(['placement_type', 'provider', 'valid_from', 'valid_to', 'weekly_cost', 'source'])
    .where('la_code', '=', laCode)
    .execute();
  return rows.map((r) => ({
    placementType: r.placement_type, provider: r.provider, validFrom: r.valid_from, validTo: r.valid_to,
    weeklyCost: Number(r.weekly_cost), source: r.source,
  }));
}

/** The last date in the authority's care data (episode starts and ends): the default forecast start. */
export async function lastCareDate(db: Kysely<Database>, laCodes: readonly string[]): Promise<string | null> {
  const row = await db
    .selectFrom('cla_episode')
    .select((eb) => [eb.fn.max('decom').as('lastStart'), eb.fn.max('dec').as('lastEnd')])
    .where('la_code', 'in', [...laCodes])
    .executeTakeFirst();
  const dates = [row?.lastStart, row?.lastEnd].filter((d): d is string => typeof d === 'string');
  return dates.length ? dates.sort()[dates.length - 1]! : null;
}
