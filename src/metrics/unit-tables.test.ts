import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../test/support/database.js';
import { copyRows } from '../db/index.js';
import { tableRules } from '../model/records/index.js';
import { computeIndicators, prepareIndicators, type ComputeOptions } from './index.js';
import { dropUnusedUnitTables, readBuildState, unitTableName } from './unit-tables.js';
import { CRAFTED_LA, loadCraftedAuthority } from './test-fixtures/crafted-authority.js';
import { CRAFTED_ETHNIC_POPULATION } from './test-fixtures/crafted-expectations.js';

/**
 * The unit tables (src/metrics/unit-tables.ts) must give exactly what deriving every unit from
 * the event rows gives, and must never serve rows built before the data last changed.
 */
const OTHER_LA = '998';
const YEARS = [2022, 2023, 2024, 2025];
const BREAKDOWNS: ComputeOptions['breakdowns'] = ['age_band', 'sex', 'ethnicity', 'team', 'locality', 'band', 'category', 'factor', 'source_group', 'legal_status', 'placement_type', 'reason'];

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadCraftedAuthority(t.db);
  await loadCraftedAuthority(t.db, OTHER_LA);
});
afterAll(async () => t?.dispose());

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
const compute = (laCode: string, extra: Partial<ComputeOptions> = {}) =>
  computeIndicators(t.db, { laCode, years: YEARS, breakdowns: BREAKDOWNS, ethnicPopulation: CRAFTED_ETHNIC_POPULATION, ...extra });
const dataVersion = async (laCode: string) => (await readBuildState(t.db, laCode)).dataVersion;
const referralCount = async (laCode: string, year: number) =>
  (await computeIndicators(t.db, { laCode, year, indicators: ['REF-01'] }))[0]!.value;

describe('indicator unit tables', () => {
  it('give results identical to deriving every unit from the events, every indicator and breakdown', async () => {
    // One year first, then all four: the table is extended by the missing years, not rebuilt.
    const oneYear = await computeIndicators(t.db, { laCode: CRAFTED_LA, year: 2024, breakdowns: BREAKDOWNS, ethnicPopulation: CRAFTED_ETHNIC_POPULATION });
    expect(plain(oneYear)).toEqual(plain(await computeIndicators(t.db, { laCode: CRAFTED_LA, year: 2024, breakdowns: BREAKDOWNS, ethnicPopulation: CRAFTED_ETHNIC_POPULATION, fromEvents: true })));
    let built = 0;
    const fromTables = await compute(CRAFTED_LA, { onUnitsBuilt: () => built++ });
    expect(built).toBeGreaterThan(0);
    expect(plain(fromTables)).toEqual(plain(await compute(CRAFTED_LA, { fromEvents: true })));
    expect(fromTables.some((r) => (r.value ?? 0) > 0)).toBe(true);
    // A second call builds nothing.
    built = 0;
    expect(plain(await compute(CRAFTED_LA, { onUnitsBuilt: () => built++ }))).toEqual(plain(fromTables));
    expect(built).toBe(0);
  });

  it('are all built by prepareIndicators for the years the records cover, so the next suite builds nothing', async () => {
    await sql`UPDATE child SET sex = sex WHERE la_code = ${OTHER_LA}`.execute(t.db); // everything stale
    let progress = 0;
    const years = await prepareIndicators(t.db, { laCode: OTHER_LA, onProgress: (done) => (progress = done) });
    expect(years.length).toBeGreaterThan(0);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => years[0]! + i));
    const state = await readBuildState(t.db, OTHER_LA);
    expect(progress).toBe(state.built.size);
    let built = 0;
    await computeIndicators(t.db, { laCode: OTHER_LA, years, onUnitsBuilt: () => built++ });
    expect(built).toBe(0);
  });

  it('record the years built for each table at the data version they were built from', async () => {
    await compute(CRAFTED_LA);
    const state = await readBuildState(t.db, CRAFTED_LA);
    expect(state.dataVersion).toBeGreaterThan(0);
    expect(state.built.size).toBeGreaterThan(20);
    for (const [table, b] of state.built) {
      expect(table).toMatch(/^metric_units_[0-9a-f]{20}$/);
      expect(b.version).toBe(state.dataVersion);
      for (const y of YEARS) expect(b.years.has(y)).toBe(true);
    }
  });

  it('are rebuilt after an INSERT, UPDATE or DELETE of the authority records, and only for that authority', async () => {
    await compute(CRAFTED_LA);
    await compute(OTHER_LA);
    const before = await referralCount(CRAFTED_LA, 2024);
    const otherVersion = await dataVersion(OTHER_LA);
    const v0 = await dataVersion(CRAFTED_LA);
    const child = await sql<{ child_id: string }>`SELECT child_id FROM child WHERE la_code = ${CRAFTED_LA} LIMIT 1`.execute(t.db);
    const childId = child.rows[0]!.child_id;
    await sql`INSERT INTO referral (la_code, referral_id, child_id, referral_date, source, nfa) VALUES (${CRAFTED_LA}, 'UNIT-TEST-1', ${childId}, '2023-06-15', '6', false)`.execute(t.db);
    expect(await dataVersion(CRAFTED_LA)).toBe(v0 + 1);
    expect(await referralCount(CRAFTED_LA, 2024)).toBe(before! + 1);
    await sql`UPDATE referral SET referral_date = '2022-06-15' WHERE la_code = ${CRAFTED_LA} AND referral_id = 'UNIT-TEST-1'`.execute(t.db);
    expect(await referralCount(CRAFTED_LA, 2024)).toBe(before);
    await sql`DELETE FROM referral WHERE la_code = ${CRAFTED_LA} AND referral_id = 'UNIT-TEST-1'`.execute(t.db);
    expect(await dataVersion(CRAFTED_LA)).toBe(v0 + 3);
    expect(plain(await compute(CRAFTED_LA))).toEqual(plain(await compute(CRAFTED_LA, { fromEvents: true })));
    // Nothing written for the other authority, so its tables stay as built.
    expect(await dataVersion(OTHER_LA)).toBe(otherVersion);
  });

  it('see bulk loads that run with row triggers off (session_replication_role = replica)', async () => {
    const before = await referralCount(OTHER_LA, 2024);
    const child = await sql<{ child_id: string }>`SELECT child_id FROM child WHERE la_code = ${OTHER_LA} LIMIT 1`.execute(t.db);
    await t.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await copyRows(trx, 'referral', [1, 2, 3].map((i) => ({ la_code: OTHER_LA, referral_id: `UNIT-COPY-${i}`, child_id: child.rows[0]!.child_id, referral_date: '2023-07-0' + i, source: '2A', nfa: false })));
    });
    expect(await referralCount(OTHER_LA, 2024)).toBe(before! + 3);
  });

  it('are rebuilt after a TRUNCATE (every authority)', async () => {
    await compute(OTHER_LA);
    const v = await dataVersion(OTHER_LA);
    await sql`TRUNCATE assessment_factor`.execute(t.db);
    expect(await dataVersion(OTHER_LA)).toBe(v + 1);
    const factors = (await computeIndicators(t.db, { laCode: OTHER_LA, year: 2024, indicators: ['ASM-07'], breakdowns: ['factor'] }))[0]!;
    expect(factors.breakdowns).toEqual([]);
  });

  it('watch every table of records (each canonical table but the authority, its population and import batches)', async () => {
    const watched = await sql<{ table_name: string; n: number }>`
      SELECT c.relname AS table_name, count(*)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE t.tgname LIKE 'metric_version_%' AND t.tgenabled = 'A' GROUP BY c.relname`.execute(t.db);
    const expected = Object.keys(tableRules).filter((name) => !['local_authority', 'la_population', 'import_batch'].includes(name)).sort();
    expect(watched.rows.map((r) => r.table_name).sort()).toEqual(expected);
    for (const r of watched.rows) expect(r.n, r.table_name).toBe(4); // insert, update, delete, truncate
  });

  it('are named by their SQL, and tables no longer named by any indicator are dropped', async () => {
    expect(unitTableName('SELECT 1')).not.toBe(unitTableName('SELECT 2'));
    await compute(CRAFTED_LA);
    const current = new Set([...(await readBuildState(t.db, CRAFTED_LA)).built.keys()]);
    // A table built by an older definition of some indicator.
    const stale = unitTableName('an old definition');
    await sql`CREATE UNLOGGED TABLE ${sql.table(stale)} (la_code text, y int)`.execute(t.db);
    await sql`INSERT INTO metric_unit_table (unit_table) VALUES (${stale})`.execute(t.db);
    await sql`INSERT INTO metric_unit_build (la_code, unit_table, version, years) VALUES (${CRAFTED_LA}, ${stale}, 1, '{2024}')`.execute(t.db);
    expect(await dropUnusedUnitTables(t.db, current)).toEqual([stale]);
    const left = await sql<{ found: boolean }>`SELECT to_regclass(${stale}) IS NOT NULL AS found`.execute(t.db);
    expect(left.rows[0]!.found).toBe(false);
    expect((await readBuildState(t.db, CRAFTED_LA)).built.has(stale)).toBe(false);
    expect((await readBuildState(t.db, CRAFTED_LA)).built.size).toBe(current.size);
  });

  it.runIf(testDatabaseKind === 'postgres')('build once when several callers ask at once, for one authority or two (pooled connections)', async () => {
    await dropUnusedUnitTables(t.db, new Set()); // no unit table at all: callers race to create them too
    let builds = 0;
    const [other, ...runs] = await Promise.all([OTHER_LA, CRAFTED_LA, CRAFTED_LA, CRAFTED_LA].map((la) => compute(la, { onUnitsBuilt: () => builds++ })));
    expect(plain(other)).toEqual(plain(await compute(OTHER_LA, { fromEvents: true })));
    // A year inserted twice by racing callers would double its counts.
    const fromEvents = plain(await compute(CRAFTED_LA, { fromEvents: true }));
    for (const r of runs) expect(plain(r)).toEqual(fromEvents);
    expect(builds).toBeGreaterThan(0);
  });
});
