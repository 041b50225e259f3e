import { createHash } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/index.js';

/**
 * Unit tables: each shared indicator query's unit rows (one row per referral in the year, episode
 * open at 31 March, ...) for whole reporting years, stored per authority. Deriving units from
 * event rows (snapshots, windows, working days, joins) is about four fifths of the suite's time;
 * aggregating stored units, with any breakdown, is the rest. Units are built the first time a
 * year is asked for and rebuilt after the authority's data change (migration 0013's triggers bump
 * metric_data_version on any write), so results are always those of the current data.
 *
 * A unit table is named by a hash of its SQL, so changing an indicator's definition starts a new
 * table and never reads rows built by the old one (dropUnusedUnitTables removes those).
 */

export interface UnitBuildState {
  /** The authority's data version (0 when nothing was ever written). */
  readonly dataVersion: number;
  /** Built years by unit table, at the version each was built. */
  readonly built: Map<string, { version: number; years: Set<number> }>;
}

export interface UnitSource {
  /** Table holding the units. */
  readonly table: string;
  /** SELECT of the units for the years in the periods CTE (the SQL the table is named after). */
  readonly units: RawBuilder<unknown>;
  /** CTEs the units need besides the periods: `wdc AS (...),` or nothing. */
  readonly ctes: RawBuilder<unknown>;
  /** The periods CTE's VALUES for the given years. */
  periodRows(years: readonly number[]): RawBuilder<unknown>;
}

/** Table name for a unit query's SQL text (which includes everything that shapes its rows). */
export function unitTableName(unitsSqlText: string): string {
  return `metric_units_${createHash('sha256').update(unitsSqlText).digest('hex').slice(0, 20)}`;
}

/** The authority's data version and what is built for it, read once per suite. */
export async function readBuildState(db: Kysely<Database>, laCode: string): Promise<UnitBuildState> {
  const result = await sql<{ unit_table: string | null; version: string | null; years: number[] | null; data_version: string | null }>`
    SELECT b.unit_table, b.version, b.years, (SELECT version FROM metric_data_version WHERE la_code = ${laCode}) AS data_version
    FROM (SELECT 1) one LEFT JOIN metric_unit_build b ON b.la_code = ${laCode}`.execute(db);
  const built = new Map<string, { version: number; years: Set<number> }>();
  for (const r of result.rows) if (r.unit_table) built.set(r.unit_table, { version: Number(r.version), years: new Set(r.years ?? []) });
  return { dataVersion: Number(result.rows[0]?.data_version ?? 0), built };
}

/** Years of `years` that must be built before the table can be read for them (all when the data changed). */
export function yearsToBuild(state: UnitBuildState, table: string, years: readonly number[]): number[] {
  const built = state.built.get(table);
  if (!built || built.version !== state.dataVersion) return [...years];
  return years.filter((y) => !built.years.has(y));
}

/**
 * Builds the missing years of one unit table for an authority, in one transaction. An advisory
 * lock per (table, authority) makes concurrent callers (the web server's pooled connections)
 * build once; each re-reads the state after the lock. The data version is read before the units,
 * so a write that commits during the build leaves the table marked older than its rows and the
 * next call rebuilds (never the other way round).
 */
export async function buildUnits(db: Kysely<Database>, laCode: string, source: UnitSource, years: readonly number[]): Promise<void> {
  // The table first, in its own short transaction under a lock on its name (authorities built at
  // once would otherwise race to create it), so builds for different authorities do not wait.
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${source.table}))`.execute(trx);
    await createUnitTable(trx, source);
  });
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${source.table}), hashtext(${laCode}))`.execute(trx);
    const state = await readBuildState(trx, laCode);
    const missing = yearsToBuild(state, source.table, years);
    if (missing.length === 0) return;
    const built = state.built.get(source.table);
    const fresh = built?.version === state.dataVersion;
    if (!fresh) await sql`DELETE FROM ${sql.table(source.table)} WHERE la_code = ${laCode}`.execute(trx);
    await sql`INSERT INTO ${sql.table(source.table)}
      WITH periods(y, ps, pe, ps3) AS (VALUES ${source.periodRows(missing)}), ${source.ctes}
      units AS (${source.units})
      SELECT ${laCode}::text, units.* FROM units`.execute(trx);
    const all = [...new Set([...(fresh && built ? built.years : []), ...missing])].sort((a, b) => a - b);
    await sql`INSERT INTO metric_unit_build (la_code, unit_table, version, years) VALUES (${laCode}, ${source.table}, ${state.dataVersion}, ${sql.raw(`'{${all.join(',')}}'`)}::int[])
      ON CONFLICT (la_code, unit_table) DO UPDATE SET version = excluded.version, years = excluded.years`.execute(trx);
  });
}

/** The unit table (empty, shaped by its SELECT) with its index, once; registered for clean-up. */
async function createUnitTable(trx: Kysely<Database>, source: UnitSource): Promise<void> {
  const exists = await sql<{ found: boolean }>`SELECT to_regclass(${source.table}) IS NOT NULL AS found`.execute(trx);
  if (exists.rows[0]?.found) return;
  await sql`CREATE UNLOGGED TABLE ${sql.table(source.table)} AS
    WITH periods(y, ps, pe, ps3) AS (VALUES ${source.periodRows([2000])}), ${source.ctes}
    units AS (${source.units})
    SELECT ''::text AS la_code, units.* FROM units WITH NO DATA`.execute(trx);
  await sql`CREATE INDEX ${sql.id(`${source.table}_la_year`)} ON ${sql.table(source.table)} (la_code, y)`.execute(trx);
  await sql`INSERT INTO metric_unit_table (unit_table) VALUES (${source.table}) ON CONFLICT DO NOTHING`.execute(trx);
}

/** Drops every unit table not in `current` (their indicator SQL changed) and forgets their builds. */
export async function dropUnusedUnitTables(db: Kysely<Database>, current: ReadonlySet<string>): Promise<string[]> {
  const tables = await sql<{ unit_table: string }>`SELECT unit_table FROM metric_unit_table`.execute(db);
  const dropped: string[] = [];
  for (const { unit_table } of tables.rows) {
    if (current.has(unit_table) || !/^metric_units_[0-9a-f]{20}$/.test(unit_table)) continue;
    await db.transaction().execute(async (trx) => {
      await sql`DROP TABLE IF EXISTS ${sql.table(unit_table)}`.execute(trx);
      await sql`DELETE FROM metric_unit_build WHERE unit_table = ${unit_table}`.execute(trx);
      await sql`DELETE FROM metric_unit_table WHERE unit_table = ${unit_table}`.execute(trx);
    });
    dropped.push(unit_table);
  }
  return dropped;
}
