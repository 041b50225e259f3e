import { sql, type Kysely } from 'kysely';

/**
 * The CIN census reports, for each protection plan, how many plans the child had before it
 * (NumberOfPreviousCPP), including plans in other authorities or before the authority's records
 * begin. Kept as reported so an import loses nothing; null where no return said (the count is then
 * taken from the plans held).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cp_plan ADD COLUMN previous_plans integer CHECK (previous_plans BETWEEN 0 AND 99)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cp_plan DROP COLUMN previous_plans`.execute(db);
}
