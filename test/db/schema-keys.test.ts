import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// Citus-compatible multi-authority design: every table carries la_code and every key includes it.
const BOOKKEEPING = new Set(['csc_migration', 'csc_migration_lock', 'metric_unit_table']);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.dispose());

interface ConstraintRow {
  table_name: string;
  constraint_name: string;
  constraint_type: 'p' | 'u' | 'f';
  columns: string[];
  referenced_columns: string[] | null;
}

async function tables(): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(t.db);
  return result.rows.map((r) => r.table_name).filter((name) => !BOOKKEEPING.has(name));
}

async function constraints(): Promise<ConstraintRow[]> {
  const result = await sql<ConstraintRow>`
    SELECT rel.relname AS table_name, con.conname AS constraint_name, con.contype AS constraint_type,
      ARRAY(SELECT att.attname::text FROM unnest(con.conkey) k JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k) AS columns,
      CASE WHEN con.contype = 'f' THEN ARRAY(SELECT att.attname::text FROM unnest(con.confkey) k JOIN pg_attribute att ON att.attrelid = con.confrelid AND att.attnum = k) END AS referenced_columns
    FROM pg_constraint con
    JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE ns.nspname = 'public' AND con.contype IN ('p', 'u', 'f')`.execute(t.db);
  return result.rows.filter((r) => !BOOKKEEPING.has(r.table_name));
}

describe('multi-authority schema', () => {
  it('has the canonical tables', async () => {
    const names = await tables();
    for (const expected of ['local_authority', 'child', 'referral', 'assessment', 's47_enquiry', 'cp_plan', 'care_period', 'cla_episode', 'missing_episode', 'worker', 'team', 'allocation', 'placement_cost', 'import_batch']) {
      expect(names).toContain(expected);
    }
  });

  it('gives every table a non-null la_code column', async () => {
    const result = await sql<{ table_name: string; is_nullable: string }>`
      SELECT table_name, is_nullable FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'la_code'`.execute(t.db);
    const withColumn = new Map(result.rows.map((r) => [r.table_name, r.is_nullable]));
    const offenders = (await tables()).filter((name) => withColumn.get(name) !== 'NO');
    expect(offenders, `tables without a NOT NULL la_code: ${offenders.join(', ')}`).toEqual([]);
  });

  it('gives every table a primary key that includes la_code', async () => {
    const all = await constraints();
    const offenders = (await tables()).filter((name) => !all.some((c) => c.table_name === name && c.constraint_type === 'p' && c.columns.includes('la_code')));
    expect(offenders).toEqual([]);
  });

  it('includes la_code in every unique and foreign key, on both sides', async () => {
    const offenders = (await constraints())
      .filter((c) => !c.columns.includes('la_code') || (c.constraint_type === 'f' && !(c.referenced_columns ?? []).includes('la_code')))
      .map((c) => `${c.table_name}.${c.constraint_name}`);
    expect(offenders).toEqual([]);
    // la_code must pair with la_code: a foreign key may never map an authority onto another column.
    for (const c of (await constraints()).filter((x) => x.constraint_type === 'f')) {
      const position = c.columns.indexOf('la_code');
      expect(c.referenced_columns?.[position], `${c.table_name}.${c.constraint_name}`).toBe('la_code');
    }
  });
});
