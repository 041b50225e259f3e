import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionYearOf } from '../../src/calendar/index.js';
import { reportingYearSql } from '../../src/db/reporting-year-sql.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.dispose());

describe('reportingYearSql (the reporting year of a date column, as the indicator joins use it)', () => {
  it('gives the reporting year of every day from 2011 to 2030, leap days and year ends included', async () => {
    const { rows } = await sql<{ d: string; y: number }>`
      SELECT d::date::text AS d, ${sql.raw(reportingYearSql('d::date'))} AS y
      FROM generate_series(DATE '2011-01-01', DATE '2030-12-31', interval '1 day') d`.execute(t.db);
    expect(rows).toHaveLength(7305);
    const wrong = rows.filter((r) => Number(r.y) !== collectionYearOf(r.d));
    expect(wrong).toEqual([]);
    const at = (d: string) => Number(rows.find((r) => r.d === d)!.y);
    expect([at('2024-02-29'), at('2024-03-31'), at('2024-04-01'), at('2023-12-31')]).toEqual([2024, 2024, 2025, 2024]);
  });

  it('is NULL for a missing date', async () => {
    const { rows } = await sql<{ y: number | null }>`SELECT ${sql.raw(reportingYearSql('NULL::date'))} AS y`.execute(t.db);
    expect(rows[0]!.y).toBeNull();
  });
});
