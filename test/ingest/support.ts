import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../src/db/index.js';
import { exportReturn, type ExportFormat } from '../../src/export/index.js';
import type { InputFile } from '../../src/ingest/index.js';

export const CANONICAL_TABLES = [
  'team', 'worker', 'child', 'child_identity', 'child_disability', 'referral', 'assessment', 'assessment_factor', 'cin_plan',
  'strategy_discussion', 's47_enquiry', 'cp_plan', 'cp_conference', 'care_period', 'cla_episode', 'cla_review', 'cla_outcome',
  'missing_episode', 'adoption_decision', 'adoption', 'previous_permanence', 'care_leaver', 'allocation',
  'contact', 'early_help_assessment', 'adopter_household', 'visit', 'health_check',
] as const;

/** Every row of every imported table for an authority, without la_code and batch ids, in a stable order. */
export async function snapshot(db: Kysely<Database>, laCode = '931'): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const table of CANONICAL_TABLES) {
    const result = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE la_code = ${laCode}`.execute(db);
    out[table] = result.rows
      .map(({ batch_id: _batch, la_code: _la, ...rest }) => rest)
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return out;
}

export async function countRows(db: Kysely<Database>, laCode = '931'): Promise<number> {
  let total = 0;
  for (const table of [...CANONICAL_TABLES, 'import_batch'] as const) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE la_code = ${laCode}`.execute(db);
    total += r.rows[0]!.n;
  }
  return total;
}

/** Every return of every year, as the files a council would upload. */
export async function exportAll(db: Kysely<Database>, years: readonly number[], formats: readonly ExportFormat[] = ['903', 'cin', 'workforce'], laCode = '931'): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const year of years) {
    for (const format of formats) {
      const result = await exportReturn(db, { laCode, year, format });
      for (const [name, data] of Object.entries(result.files)) files.push({ name, data });
    }
  }
  return files;
}
