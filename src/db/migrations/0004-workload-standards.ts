import { sql, type Kysely } from 'kysely';

/**
 * Per-authority workload standards and unit costs, versioned by valid_from: a value applies
 * from its date until the next version of the same key. Shipped defaults live in
 * src/workload/standards; these tables hold only what an authority overrides.
 */
const ddl = /* sql */ `
CREATE TABLE workload_caseload_standard (
  la_code        text NOT NULL REFERENCES local_authority (la_code) ON DELETE CASCADE,
  role           text NOT NULL,
  team_type      text NOT NULL DEFAULT '*',
  valid_from     date NOT NULL,
  min_cases      numeric(6,2) NOT NULL CHECK (min_cases >= 0),
  max_cases      numeric(6,2) NOT NULL CHECK (max_cases > 0),
  source         text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (la_code, role, team_type, valid_from),
  CHECK (max_cases >= min_cases)
);

CREATE TABLE workload_parameter (
  la_code        text NOT NULL REFERENCES local_authority (la_code) ON DELETE CASCADE,
  name           text NOT NULL,
  valid_from     date NOT NULL,
  value          text NOT NULL,
  source         text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (la_code, name, valid_from)
);

CREATE TABLE workforce_unit_cost (
  la_code        text NOT NULL REFERENCES local_authority (la_code) ON DELETE CASCADE,
  role           text NOT NULL,
  valid_from     date NOT NULL,
  annual_salary  numeric(10,2) NOT NULL CHECK (annual_salary >= 0),
  on_cost_rate   numeric(6,4) NOT NULL CHECK (on_cost_rate BETWEEN 0 AND 2),
  agency_premium_rate numeric(6,4) NOT NULL CHECK (agency_premium_rate BETWEEN 0 AND 5),
  price_year     text NOT NULL,
  source         text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (la_code, role, valid_from)
);
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(ddl).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['workforce_unit_cost', 'workload_parameter', 'workload_caseload_standard']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
}
