import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { loadSyntheticAuthority, writeSyntheticRows, type LoadResult } from './index.js';
import { measureYear } from './measure.js';

let database: TestDatabase;
let result: LoadResult;

beforeAll(async () => {
  database = await createTestDatabase();
  // Rutland: the smallest authority, one year, so the load stays quick on both databases.
  result = await loadSyntheticAuthority(database.db, { laCode: '857', from: 2024, to: 2024, seed: 5, calibrationPasses: 1, warmupYears: 1 });
}, 180_000);
afterAll(async () => {
  await database?.dispose();
});

describe('loading a synthetic authority into the database', () => {
  it('writes every generated row, table by table', async () => {
    for (const [table, expected] of Object.entries(result.rowCounts)) {
      const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE la_code = '857'`.execute(database.db);
      expect(row.rows[0]!.n, table).toBe(expected);
      expect(expected, table).toBe(result.authority.rows[table as keyof typeof result.authority.rows]?.length ?? 0);
    }
    expect(result.rowCounts.referral).toBeGreaterThan(100);
    const la = await database.db.selectFrom('local_authority').selectAll().where('la_code', '=', '857').executeTakeFirstOrThrow();
    expect(la.name).toBe('Rutland');
  });

  it('counts the same children in need, on plans and looked after at 31 March in SQL as in memory', async () => {
    const snapshot = '2024-03-31';
    const cin = await sql<{ n: number }>`SELECT count(*)::int AS n FROM referral WHERE la_code = '857' AND NOT nfa AND referral_date <= ${snapshot} AND (closure_date IS NULL OR closure_date > ${snapshot})`.execute(database.db);
    const cp = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cp_plan WHERE la_code = '857' AND start_date <= ${snapshot} AND (end_date IS NULL OR end_date > ${snapshot})`.execute(database.db);
    const cla = await sql<{ n: number }>`SELECT count(DISTINCT child_id)::int AS n FROM care_period WHERE la_code = '857' AND start_date <= ${snapshot} AND (end_date IS NULL OR end_date > ${snapshot})`.execute(database.db);
    const memory = measureYear(result.authority.world, 2024, 1);
    expect(cin.rows[0]!.n).toBe(memory['cin.at31']);
    expect(cp.rows[0]!.n).toBe(memory['cpp.at31']);
    expect(cla.rows[0]!.n).toBe(memory['cla.at31']);
    expect(memory['cin.at31']).toBeGreaterThan(memory['cpp.at31']!);
  });

  it('refuses to generate over an authority that already holds children, and replaces it when asked', async () => {
    await expect(loadSyntheticAuthority(database.db, { laCode: '857', from: 2024, to: 2024, seed: 6, calibrationPasses: 0, visits: false, warmupYears: 1 })).rejects.toThrow(/already holds child records/);
    const again = await loadSyntheticAuthority(database.db, { laCode: '857', from: 2024, to: 2024, seed: 6, calibrationPasses: 0, visits: false, replace: true, warmupYears: 1 });
    const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM child WHERE la_code = '857'`.execute(database.db);
    expect(row.rows[0]!.n).toBe(again.rowCounts.child);
    expect(again.rowCounts.visit).toBe(0);
  }, 120_000);

  it('refuses rows whose parent is missing, as the row-by-row foreign keys would, and writes nothing', async () => {
    const rows = result.authority.rows;
    const orphan = { ...rows.referral![0]!, child_id: 'NO-SUCH-CHILD', referral_id: 'ORPHAN-1' };
    const broken = { ...rows, referral: [...rows.referral!, orphan] };
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM referral WHERE la_code = '857'`.execute(database.db)).rows[0]!.n;
    const before = await count();
    await expect(writeSyntheticRows(database.db, '857', 'Rutland', broken, { replace: true })).rejects.toThrow(/referral: a row refers to a child that does not exist .*child_id=NO-SUCH-CHILD/);
    expect(await count()).toBe(before); // the replace rolled back: what was there is still there
  }, 120_000);
});
