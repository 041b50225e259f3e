import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { getValue, statisticalNeighbours } from '../reference/index.js';
import { comparators, percentChange, trendTable } from './index.js';
import { CRAFTED_LA, loadCraftedAuthority } from './test-fixtures/crafted-authority.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadCraftedAuthority(t.db);
});
afterAll(async () => t?.dispose());

describe('trend tables', () => {
  it('gives several years, 1-year change, and rates from the authority population', async () => {
    const [ref] = await trendTable(t.db, { laCode: CRAFTED_LA, year: 2024, indicators: ['REF-01'] });
    expect(ref!.measuredAs).toBe('rate');
    expect(ref!.years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    // 2024: 7 ÷ 20,000; 2023: R0 and R7 = 2 ÷ 25,000 (mid-2022) = 0.8; earlier years have no population
    expect(ref!.years.slice(-2).map((y) => y.value)).toEqual([0.8, 3.5]);
    expect(ref!.change1y).toBe(337.5);
    expect(ref!.change5y).toBeNull();
  });

  it('percent change rounds half up and refuses a zero base', () => {
    expect(percentChange(40, 41)).toBe(2.5);
    expect(percentChange(3, 4)).toBe(33.3);
    expect(percentChange(0, 4)).toBeNull();
  });

  it('compares with England, the region and the mean of the statistical neighbours (Oxfordshire 931)', () => {
    const c = comparators('931', 'cpp.at31.rate', 2024, 1);
    expect(c.england).toBe(getValue('E92000001', 'cpp.at31.rate', 2024));
    expect(c.regionName).toBe('South East');
    const values = statisticalNeighbours('931').map((n) => getValue(n.code, 'cpp.at31.rate', 2024)).filter((v): v is number => v !== null);
    expect(c.neighboursWithData).toBe(values.length);
    expect(c.statisticalNeighbours).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 1);
  });
});
