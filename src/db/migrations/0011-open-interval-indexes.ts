import { sql, type Kysely } from 'kysely';

/**
 * "Open on the snapshot date" (start on or before it, end after it or none) read through an
 * index on (la_code, start, coalesce(end, infinity)): the index itself drops the rows that had
 * already ended, so only open rows are fetched from the table. The start-only indexes of
 * migration 0009 made each snapshot fetch every earlier row (at the tenth 31 March about seven
 * closed rows for each open one). Their leading columns are the same, so "in the period" reads
 * by start date keep an index.
 */
const replaced: [old: string, oldDefinition: string, name: string, definition: string][] = [
  ['metrics_referral_date', 'referral (la_code, referral_date)', 'metrics_referral_open', "referral (la_code, referral_date, (coalesce(closure_date, 'infinity'::date)))"],
  ['metrics_allocation_start', 'allocation (la_code, start_date)', 'metrics_allocation_open', "allocation (la_code, start_date, (coalesce(end_date, 'infinity'::date)))"],
  ['metrics_cin_plan_start', 'cin_plan (la_code, start_date)', 'metrics_cin_plan_open', "cin_plan (la_code, start_date, (coalesce(end_date, 'infinity'::date)))"],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [old, , name, definition] of replaced) {
    await sql.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${definition}`).execute(db);
    await sql.raw(`DROP INDEX IF EXISTS ${old}`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [old, oldDefinition, name] of replaced) {
    await sql.raw(`CREATE INDEX IF NOT EXISTS ${old} ON ${oldDefinition}`).execute(db);
    await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db);
  }
}
