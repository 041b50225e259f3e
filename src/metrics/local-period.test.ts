import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { computeIndicators, computeIndicatorsForAuthorities } from './index.js';
import { CRAFTED_LA, craftedRecords, loadCraftedAuthority } from './test-fixtures/crafted-authority.js';

/**
 * Reporting years join rows to periods by their reporting year; any other period by its date
 * range (src/metrics/engine.ts, inPeriod). These check that both give what the dates say.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadCraftedAuthority(t.db);
});
afterAll(async () => t?.dispose());

const rowsOf = (table: string) => craftedRecords.find(([name]) => name === table)?.[1] ?? [];
const dated = (table: string, column: string, start: string, end: string, keep: (r: Record<string, unknown>) => boolean = () => true) =>
  rowsOf(table).filter((r) => keep(r) && typeof r[column] === 'string' && (r[column] as string) >= start && (r[column] as string) <= end).length;

describe('indicators over a local period', () => {
  it('count what falls between its dates, including the first and last day', async () => {
    const period = { start: '2023-04-01', end: '2023-12-31' };
    const results = new Map((await computeIndicators(t.db, { laCode: CRAFTED_LA, period, indicators: ['REF-01', 'CIN-02-START', 'CIN-02-END', 'S47-01', 'CPP-02', 'CON-01'] })).map((r) => [r.id, r.value]));
    const notNfa = (r: Record<string, unknown>) => r.nfa !== true;
    expect(results.get('REF-01')).toBe(dated('referral', 'referral_date', period.start, period.end));
    expect(results.get('CIN-02-START')).toBe(dated('referral', 'referral_date', period.start, period.end, notNfa));
    expect(results.get('CIN-02-END')).toBe(dated('referral', 'closure_date', period.start, period.end, notNfa));
    expect(results.get('S47-01')).toBe(dated('s47_enquiry', 'start_date', period.start, period.end));
    expect(results.get('CPP-02')).toBe(dated('cp_plan', 'start_date', period.start, period.end));
    expect(results.get('CON-01')).toBe(dated('contact', 'contact_date', period.start, period.end));
    // The fixture's edge dates matter: a referral on 1 April 2023 is in, one on 31 March 2024 is out.
    expect(results.get('REF-01')).toBeGreaterThan(0);
    expect(results.get('REF-01')).toBeLessThan(dated('referral', 'referral_date', '2023-04-01', '2024-03-31'));
  });

  it('give the same results for a local period that is exactly a reporting year as for the year', async () => {
    const asYear = await computeIndicators(t.db, { laCode: CRAFTED_LA, year: 2024, breakdowns: ['team', 'sex'] });
    const asPeriod = await computeIndicators(t.db, { laCode: CRAFTED_LA, period: { start: '2023-04-01', end: '2024-03-31' }, breakdowns: ['team', 'sex'] });
    expect(asPeriod).toEqual(asYear);
  });

  it('compute several authorities, in the order asked, and refuse a bad concurrency', async () => {
    const one = await computeIndicators(t.db, { laCode: CRAFTED_LA, year: 2024, indicators: ['REF-01', 'CLA-01'] });
    const many = await computeIndicatorsForAuthorities(t.db, { laCodes: [CRAFTED_LA, CRAFTED_LA], year: 2024, indicators: ['REF-01', 'CLA-01'], concurrency: 2 });
    expect(many).toEqual([...one, ...one]);
    await expect(computeIndicatorsForAuthorities(t.db, { laCodes: [CRAFTED_LA], year: 2024, concurrency: 0 })).rejects.toThrow(/concurrency must be a whole number of at least 1 \(got 0\)/);
  });
});
