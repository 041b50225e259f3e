import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addAuthority, DatabaseRuleError } from '../../src/db/index.js';
import { importFiles, formatIssue } from '../../src/ingest/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { fixtureFiles } from './files.js';
import { countRows, snapshot } from './support.js';

/** Hand-written 2022/23 and 2023/24 returns (test/fixtures/ssda903): see the expectations below. */
describe('SSDA903: several years merge into one history', () => {
  // One database; each test works in its own authority (every table is keyed by la_code).
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    for (const code of ['931', '932', '933', '934', '935']) await addAuthority(t.db, { laCode: code, name: `Test ${code}` });
  });
  afterAll(async () => t?.dispose());

  const episodes = async () =>
    (await sql<{ episode_id: string; period_id: string; place: string; dec: string | null; rec: string | null }>`
      SELECT episode_id, period_id, place, dec, rec FROM cla_episode WHERE la_code = '931' ORDER BY episode_id`.execute(t.db)).rows;

  it('later return wins, corrected episodes replace old ones, periods are derived, differences reported', async () => {
    const report = await importFiles(t.db, { laCode: '931', files: fixtureFiles('ssda903/2023', 'ssda903/2024'), importedBy: 'test' });
    expect(report.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(await episodes()).toEqual([
      { episode_id: 'A1:2022-05-01', period_id: 'A1:PER:2022-05-01', place: 'U6', dec: '2023-08-10', rec: 'X1' },
      { episode_id: 'A1:2023-08-10', period_id: 'A1:PER:2022-05-01', place: 'K2', dec: null, rec: null },
      { episode_id: 'B2:2022-06-10', period_id: 'B2:PER:2022-06-10', place: 'U6', dec: '2022-09-01', rec: 'E4A' },
      { episode_id: 'B2:2023-01-16', period_id: 'B2:PER:2023-01-16', place: 'K2', dec: '2024-02-20', rec: 'E4A' },
    ]);
    const periods = (await sql`SELECT period_id, start_date, end_date FROM care_period WHERE la_code = '931' ORDER BY period_id`.execute(t.db)).rows;
    expect(periods).toEqual([
      { period_id: 'A1:PER:2022-05-01', start_date: '2022-05-01', end_date: null },
      { period_id: 'B2:PER:2022-06-10', start_date: '2022-06-10', end_date: '2022-09-01' },
      { period_id: 'B2:PER:2023-01-16', start_date: '2023-01-16', end_date: '2024-02-20' },
    ]);
    const diffs = report.differences.map((d) => `${d.outcome} ${d.table} ${d.key} ${d.column}: ${String(d.earlier.value)} (${d.earlier.year}) / ${String(d.later.value)} (${d.later.year})`);
    expect(diffs.sort()).toEqual([
      'removed cla_episode B2:2023-01-15 *: 2023-01-15 (2023) / null (2024)',
      'replaced cla_episode A1:2022-05-01 place: U4 (2023) / U6 (2024)',
    ]);
    // Social worker named only by SWEpisodes: a placeholder worker and an allocation.
    const alloc = (await sql`SELECT a.worker_id, a.start_date, a.change_reason, w.role FROM allocation a JOIN worker w USING (la_code, worker_id) WHERE a.la_code = '931'`.execute(t.db)).rows;
    expect(alloc).toEqual([{ worker_id: 'SW77001', start_date: '2023-08-10', change_reason: 'FCONTA', role: 'social_worker' }]);
    // BOM, blank line, stray spaces and an ISO date in the 2024 Header were all read.
    const b2 = (await sql`SELECT sex, date_of_birth FROM child WHERE la_code = '931' AND child_id = 'B2'`.execute(t.db)).rows;
    expect(b2).toEqual([{ sex: 'F', date_of_birth: '2015-07-15' }]);
    // Every row knows its batch, and each batch its year.
    const orphans = (await sql`SELECT count(*)::int AS n FROM cla_episode e LEFT JOIN import_batch b USING (la_code, batch_id) WHERE e.la_code = '931' AND b.batch_id IS NULL`.execute(t.db)).rows;
    expect(orphans).toEqual([{ n: 0 }]);
  });

  it('gives the same history whichever year is loaded first', async () => {
    await importFiles(t.db, { laCode: '932', files: fixtureFiles('ssda903/2023', 'ssda903/2024') });
    const together = await snapshot(t.db, '932');
    {
      const first = await importFiles(t.db, { laCode: '933', files: fixtureFiles('ssda903/2024') });
      expect(first.ok).toBe(true);
      const second = await importFiles(t.db, { laCode: '933', files: fixtureFiles('ssda903/2023') });
      expect(second.ok).toBe(true);
      expect(second.differences.map((d) => `${d.outcome} ${d.key} ${d.column}`).sort()).toEqual([
        'kept A1:2022-05-01 place',
        'kept B2:2023-01-15 *',
      ]);
      expect(await snapshot(t.db, '933')).toEqual(together);
    }
  });

  it('--dry-run reports the changes and writes nothing; a second load changes nothing', async () => {
    const files = fixtureFiles('ssda903/2023');
    const dry = await importFiles(t.db, { laCode: '934', files, dryRun: true });
    expect(dry.ok).toBe(true);
    expect(dry.counts.cla_episode).toEqual({ inserted: 3, updated: 0, deleted: 0, unchanged: 0 });
    expect(dry.counts.child).toEqual({ inserted: 2, updated: 0, deleted: 0, unchanged: 0 });
    expect(dry.batches.map((b) => b.status)).toEqual(['would-load', 'would-load', 'would-load']);
    expect(await countRows(t.db, '934')).toBe(0);
    const real = await importFiles(t.db, { laCode: '934', files });
    expect(real.batches.map((b) => b.status)).toEqual(['loaded', 'loaded', 'loaded']);
    const rows = await countRows(t.db, '934');
    const again = await importFiles(t.db, { laCode: '934', files });
    expect(again.batches.map((b) => b.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await countRows(t.db, '934')).toBe(rows);
  });

  it('rolls everything back when the database refuses part of the load', async () => {
    await importFiles(t.db, { laCode: '935', files: fixtureFiles('ssda903/2023') });
    // Something outside the importer points a review at the period the 2024 return corrects away.
    await sql`UPDATE cla_review SET period_id = 'B2:PER:2023-01-15' WHERE la_code = '935'`.execute(t.db);
    const before = await snapshot(t.db, '935');
    const batches = await countRows(t.db, '935');
    await expect(importFiles(t.db, { laCode: '935', files: fixtureFiles('ssda903/2024') })).rejects.toBeInstanceOf(DatabaseRuleError);
    expect(await snapshot(t.db, '935')).toEqual(before);
    expect(await countRows(t.db, '935')).toBe(batches);
  });
});
