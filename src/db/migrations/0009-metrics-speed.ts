import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the indicator queries' date joins (src/metrics, docs/benchmarks/metrics.md): "in
 * the period" and "open on the snapshot date" read each period's rows by a range of the start
 * date instead of testing every row against every period. All lead with la_code like every key.
 */
const indexes: [name: string, definition: string][] = [
  ['metrics_referral_date', 'referral (la_code, referral_date)'],
  ['metrics_assessment_authorised', 'assessment (la_code, authorised_date)'],
  ['metrics_allocation_start', 'allocation (la_code, start_date)'],
  ['metrics_cin_plan_start', 'cin_plan (la_code, start_date)'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, definition] of indexes) await sql.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${definition}`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of indexes) await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db);
}
