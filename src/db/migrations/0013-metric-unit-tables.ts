import { sql, type Kysely } from 'kysely';

/**
 * Bookkeeping for the indicator engine's unit tables (src/metrics/unit-tables.ts): each shared
 * indicator query's unit rows for whole reporting years, kept per authority so the suite
 * aggregates small pre-joined tables instead of re-deriving every snapshot from event rows.
 *
 * - metric_data_version: one counter per authority, bumped by statement-level triggers on every
 *   table of records (any INSERT, UPDATE, DELETE or TRUNCATE, however it is written: imports,
 *   synthetic loads, tests, psql). Triggers are ENABLE ALWAYS so bulk loads, which run with
 *   session_replication_role = replica to skip row-by-row key checks, still fire them.
 * - metric_unit_build: which years of which unit table are built for an authority, at which
 *   data version. UNLOGGED like the unit tables: after a crash PostgreSQL empties both together,
 *   so nothing claims rows that are gone.
 * - metric_unit_table: every unit table created, so stale ones (their SQL changed) can be dropped.
 */
export const RECORD_TABLES = [
  'team', 'worker', 'child', 'child_identity', 'child_disability', 'early_help_assessment', 'contact', 'referral', 'assessment',
  'assessment_factor', 'cin_plan', 'strategy_discussion', 's47_enquiry', 'cp_conference', 'cp_plan', 'core_group', 'visit',
  'emergency_protection', 'care_period', 'cla_episode', 'cla_review', 'permanence_plan', 'health_check', 'cla_outcome',
  'missing_episode', 'adoption_decision', 'adoption', 'previous_permanence', 'care_leaver', 'adopter_household', 'allocation',
  'placement_cost',
] as const;

const OPERATIONS = [
  ['insert', 'INSERT', 'REFERENCING NEW TABLE AS changed_rows'],
  ['update', 'UPDATE', 'REFERENCING NEW TABLE AS changed_rows'],
  ['delete', 'DELETE', 'REFERENCING OLD TABLE AS changed_rows'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE metric_data_version (la_code text PRIMARY KEY, version bigint NOT NULL)`.execute(db);
  await sql`CREATE UNLOGGED TABLE metric_unit_build (
    la_code text NOT NULL, unit_table text NOT NULL, version bigint NOT NULL, years integer[] NOT NULL,
    PRIMARY KEY (la_code, unit_table))`.execute(db);
  await sql`CREATE TABLE metric_unit_table (unit_table text PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  // One statement's changed rows give the authorities whose data changed (an UPDATE that moved a
  // row between authorities would bump only the new one: la_code is part of every key and never updated).
  await sql.raw(`CREATE FUNCTION metric_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO metric_data_version (la_code, version) SELECT DISTINCT la_code, 1 FROM changed_rows
        ON CONFLICT (la_code) DO UPDATE SET version = metric_data_version.version + 1;
      RETURN NULL;
    END $$`).execute(db);
  await sql.raw(`CREATE FUNCTION metric_bump_all_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE metric_data_version SET version = version + 1;
      RETURN NULL;
    END $$`).execute(db);
  for (const table of RECORD_TABLES) {
    for (const [name, event, referencing] of OPERATIONS) {
      await sql.raw(`CREATE TRIGGER metric_version_${name} AFTER ${event} ON ${table} ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION metric_bump_data_version()`).execute(db);
      await sql.raw(`ALTER TABLE ${table} ENABLE ALWAYS TRIGGER metric_version_${name}`).execute(db);
    }
    await sql.raw(`CREATE TRIGGER metric_version_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION metric_bump_all_data_versions()`).execute(db);
    await sql.raw(`ALTER TABLE ${table} ENABLE ALWAYS TRIGGER metric_version_truncate`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = await sql<{ unit_table: string }>`SELECT unit_table FROM metric_unit_table`.execute(db);
  for (const { unit_table } of tables.rows) await sql.raw(`DROP TABLE IF EXISTS ${unit_table}`).execute(db);
  for (const table of RECORD_TABLES) {
    for (const [name] of OPERATIONS) await sql.raw(`DROP TRIGGER IF EXISTS metric_version_${name} ON ${table}`).execute(db);
    await sql.raw(`DROP TRIGGER IF EXISTS metric_version_truncate ON ${table}`).execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS metric_bump_data_version()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS metric_bump_all_data_versions()`.execute(db);
  await sql`DROP TABLE IF EXISTS metric_unit_table`.execute(db);
  await sql`DROP TABLE IF EXISTS metric_unit_build`.execute(db);
  await sql`DROP TABLE IF EXISTS metric_data_version`.execute(db);
}
