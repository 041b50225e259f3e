import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { addAuthority, type Database } from '../db/index.js';
import { formatIssue, importFiles, type ImportReport } from '../ingest/index.js';
import { exportSyntheticReturns, loadSyntheticAuthority } from './index.js';

const LA = '857';
const YEARS = [2024, 2025];
let source: TestDatabase;
let target: TestDatabase;
let dir: string;
let report: ImportReport;
let fileNames: string[];

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  // Rutland, the smallest authority, two collection years, without visits (no return carries them).
  await loadSyntheticAuthority(source.db, { laCode: LA, from: 2024, to: 2025, seed: 5, calibrationPasses: 0, warmupYears: 1, visits: false });
  const { files } = await exportSyntheticReturns(source.db, { laCode: LA, from: 2024, to: 2025, annexA: true });
  // Through a folder, as `csc synth --export DIR` writes them and `csc import` reads them.
  dir = mkdtempSync(join(tmpdir(), 'csc-synth-export-'));
  for (const f of files) writeFileSync(join(dir, f.name), f.data);
  fileNames = readdirSync(dir).sort();
  await addAuthority(target.db, { laCode: LA, name: 'Rutland' });
  // The yearly returns carry the records; the Annex A extract is checked for presence only.
  const returns = fileNames.filter((name) => !name.endsWith('.xlsx'));
  report = await importFiles(target.db, { laCode: LA, files: returns.map((name) => ({ name, data: readFileSync(join(dir, name)) })), importedBy: 'test' });
}, 180_000);
afterAll(async () => {
  await source?.dispose();
  await target?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Counts a performance analyst would check first, per collection year, computed the same way on both databases. */
async function yearlyCounts(db: Kysely<Database>, year: number): Promise<Record<string, number>> {
  const from = `${year - 1}-04-01`;
  const to = `${year}-03-31`;
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(db)).rows[0]!.n;
  return {
    referrals: await count(sql`SELECT count(*)::int AS n FROM referral WHERE la_code = ${LA} AND referral_date BETWEEN ${from} AND ${to}`),
    assessments: await count(sql`SELECT count(*)::int AS n FROM assessment WHERE la_code = ${LA} AND start_date BETWEEN ${from} AND ${to}`),
    s47: await count(sql`SELECT count(*)::int AS n FROM s47_enquiry WHERE la_code = ${LA} AND start_date BETWEEN ${from} AND ${to}`),
    cp_started: await count(sql`SELECT count(*)::int AS n FROM cp_plan WHERE la_code = ${LA} AND start_date BETWEEN ${from} AND ${to}`),
    cp_at31: await count(sql`SELECT count(*)::int AS n FROM cp_plan WHERE la_code = ${LA} AND start_date <= ${to} AND (end_date IS NULL OR end_date > ${to})`),
    cla_at31: await count(sql`SELECT count(DISTINCT child_id)::int AS n FROM cla_episode WHERE la_code = ${LA} AND decom <= ${to} AND (dec IS NULL OR dec > ${to})`),
    episodes_started: await count(sql`SELECT count(*)::int AS n FROM cla_episode WHERE la_code = ${LA} AND decom BETWEEN ${from} AND ${to}`),
    missing: await count(sql`SELECT count(*)::int AS n FROM missing_episode WHERE la_code = ${LA} AND start_date BETWEEN ${from} AND ${to}`),
    oc2: await count(sql`SELECT count(*)::int AS n FROM cla_outcome WHERE la_code = ${LA} AND collection_year = ${year}`),
    oc3: await count(sql`SELECT count(*)::int AS n FROM care_leaver WHERE la_code = ${LA} AND collection_year = ${year}`),
    prev_perm: await count(sql`SELECT count(*)::int AS n FROM previous_permanence WHERE la_code = ${LA} AND collection_year = ${year}`),
    adoptions: await count(sql`SELECT count(*)::int AS n FROM adoption WHERE la_code = ${LA} AND adoption_order_date BETWEEN ${from} AND ${to}`),
    workers_30_sept: await count(sql`SELECT count(*)::int AS n FROM worker WHERE la_code = ${LA} AND start_date <= ${`${year - 1}-09-30`} AND (end_date IS NULL OR end_date > ${`${year - 1}-09-30`})`),
  };
}

describe('csc synth --export: statutory returns of a synthetic authority', () => {
  it('writes SSDA903 CSVs, a CIN census XML and a workforce CSV for each year, and one Annex A workbook', () => {
    for (const year of YEARS) {
      expect(fileNames).toContain(`cin_census_${year}.xml`);
      expect(fileNames).toContain(`workforce_${year}.csv`);
      expect(fileNames).toContain(`ssda903_${year}_Header.csv`);
      expect(fileNames).toContain(`ssda903_${year}_Episodes.csv`);
    }
    const annexA = fileNames.filter((name) => name.endsWith('.xlsx'));
    expect(annexA).toHaveLength(1);
    // An XLSX workbook is a zip file.
    expect(readFileSync(join(dir, annexA[0]!)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('imports into an empty database without errors and gives the same yearly counts', async () => {
    expect(report.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    // Realistic identifiers: no blank-UPN or worker-id warnings.
    expect(report.issues.filter((i) => i.rule === 'SW02STG1' || (i.rule === 'required' && i.column === 'UPN')).map(formatIssue)).toEqual([]);
    for (const year of YEARS) {
      const before = await yearlyCounts(source.db, year);
      const after = await yearlyCounts(target.db, year);
      expect({ year, ...after }).toEqual({ year, ...before });
      expect(before.referrals, `referrals ${year}`).toBeGreaterThan(50);
      expect(before.cla_at31, `cla ${year}`).toBeGreaterThan(10);
    }
  });
});
