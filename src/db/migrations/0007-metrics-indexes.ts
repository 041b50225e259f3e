import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the indicator queries (src/metrics): the links they follow that the canonical
 * model does not index (assessment and CP plan by referral, conferences and core groups by plan,
 * episodes by period of care, CIN plans by child). All lead with la_code like every key.
 */
const indexes: [name: string, definition: string][] = [
  ['assessment_referral', 'assessment (la_code, referral_id)'],
  ['cp_plan_referral', 'cp_plan (la_code, referral_id)'],
  ['cp_conference_plan', 'cp_conference (la_code, cp_plan_id)'],
  ['cp_conference_s47', 'cp_conference (la_code, s47_id)'],
  ['core_group_plan', 'core_group (la_code, cp_plan_id)'],
  ['cla_episode_period', 'cla_episode (la_code, period_id)'],
  ['cin_plan_child', 'cin_plan (la_code, child_id, start_date)'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, definition] of indexes) await sql.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${definition}`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of indexes) await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db);
}
