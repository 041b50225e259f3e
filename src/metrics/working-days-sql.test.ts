import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { addDays, workingDaysBetween } from '../calendar/index.js';
import { workingDayCte, workingDaysSql } from './working-days-sql.js';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase({ migrate: false }); });
afterAll(async () => t?.dispose());

async function sqlWorkingDays(pairs: [string, string][]): Promise<number[]> {
  const values = sql.join(pairs.map(([a, b]) => sql`(${a}::date, ${b}::date)`));
  const r = await sql<{ w: number }>`WITH wdc AS (${workingDayCte()}), x(a, b, i) AS (SELECT *, row_number() OVER () FROM (VALUES ${values}) v)
    SELECT ${sql.raw(workingDaysSql('a', 'b'))} AS w FROM x ORDER BY i`.execute(t.db);
  return r.rows.map((row) => Number(row.w));
}

describe('working days in SQL agree with src/calendar', () => {
  it('hand-checked cases: same day 0, Christmas, coronation, Good Friday, leap day', async () => {
    expect(await sqlWorkingDays([
      ['2023-09-01', '2023-09-01'], // same day
      ['2023-11-01', '2024-01-08'], // 45: 25, 26 Dec and 1 Jan are holidays
      ['2023-04-20', '2023-05-15'], // 15: 1 and 8 May (coronation)
      ['2024-03-14', '2024-03-31'], // 10: Good Friday 29 March
      ['2024-02-28', '2024-03-01'], // 2: 29 Feb is a Thursday
    ])).toEqual([0, 45, 15, 10, 2]);
  });

  it('matches workingDaysBetween on 600 spread pairs from 2005 to 2035', async () => {
    const pairs: [string, string][] = [];
    let d = '2005-01-03';
    for (let i = 0; i < 600; i++) {
      d = addDays(d, 17);
      pairs.push([d, addDays(d, (i * 11) % 120)]);
    }
    expect(await sqlWorkingDays(pairs)).toEqual(pairs.map(([a, b]) => workingDaysBetween(a, b)));
  });
});
