import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { lastCareDate, loadCareRows, loadPlacementCosts, loadPlanRows } from './db.js';
import { runForecast } from './report.js';
import { demoTruth, simulateHistory } from './simulate-history.js';
import { toXlsx, toCsv } from './export.js';
import ExcelJS from 'exceljs';
import { writeCareHistory } from '../../test/support/care-history.js';

/**
 * The database adapter and the whole forecast over real tables, on PGlite or PostgreSQL. Two
 * authorities use the same child IDs: every key must be (la_code, child_id).
 */
let handle: TestDatabase;
const history = (laCode: string, seed: number) =>
  simulateHistory(demoTruth(120), { laCode, warmUpStart: '2012-04-01', dataEnd: '2024-03-31', seed });

async function load(laCode: string, seed: number) {
  const { db } = handle;
  const { episodes, children } = history(laCode, seed);
  await db.insertInto('local_authority').values({ la_code: laCode, name: `LA ${laCode}`, region_code: null, region_name: null }).execute();
  const withEpisodes = await writeCareHistory(db, laCode, children, episodes);
  // Three CP plans for young children (under 18 throughout), one still open.
  const cpChildren = withEpisodes.filter((c) => c.dateOfBirth! > '2012-01-01').slice(0, 3);
  await db.insertInto('referral').values(cpChildren.map((c) => ({ la_code: laCode, referral_id: `R${c.childId}`, child_id: c.childId, referral_date: '2023-01-01', source: '1A' }))).execute();
  await db.insertInto('cp_plan').values(cpChildren.map((c, i) => ({
    la_code: laCode, cp_plan_id: `CP${c.childId}`, child_id: c.childId, referral_id: `R${c.childId}`, start_date: '2023-02-01',
    end_date: i === 0 ? null : '2023-11-01', initial_category: 'NEG', latest_category: 'NEG',
  }))).execute();
  return { episodes, children };
}

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.dispose();
});

describe('forecast over the database', () => {
  it('reads rows with (la_code, child_id) keys, forecasts, and exports', async () => {
    const a = await load('931', 1);
    const b = await load('855', 2); // the same child IDs C000001, ... as 931
    await handle.db.insertInto('placement_cost').values({
      la_code: '931', placement_type: 'residential', provider: 'external', valid_from: '2023-04-01', weekly_cost: 5000, source: 'local contract',
    }).execute();

    const careA = await loadCareRows(handle.db, ['931']);
    expect(careA.episodes).toHaveLength(a.episodes.length);
    const careBoth = await loadCareRows(handle.db, ['931', '855']);
    expect(careBoth.episodes).toHaveLength(a.episodes.length + b.episodes.length);
    expect(new Set(careBoth.children.map((c) => `${c.laCode}|${c.childId}`)).size).toBe(careBoth.children.length);
    expect(await lastCareDate(handle.db, ['931'])).toBe(a.episodes.reduce((m, e) => [e.decom, e.dec ?? ''].reduce((x, y) => (y > x ? y : x), m), ''));
    const cp = await loadPlanRows(handle.db, ['931'], 'cp');
    expect(cp.plans).toHaveLength(3);
    const costs = await loadPlacementCosts(handle.db, '931');
    expect(costs).toEqual([{ placementType: 'residential', provider: 'external', validFrom: '2023-04-01', validTo: null, weeklyCost: 5000, source: 'local contract' }]);

    const origin = '2024-03-31';
    const inCareA = a.episodes.filter((e) => e.decom <= origin && (e.dec === null || e.dec > origin)).length;
    const inCareB = b.episodes.filter((e) => e.decom <= origin && (e.dec === null || e.dec > origin)).length;
    const report = await runForecast(
      { ...careA, cp, placementCosts: costs },
      { origin, years: 1, runs: 60, workers: 1, model: { dataEnd: origin }, scenarios: [] },
    );
    expect(report.baseline.stockSize).toBe(inCareA);
    const pooled = await runForecast(careBoth, { origin, years: 1, runs: 20, workers: 1, model: { dataEnd: origin } });
    expect(pooled.baseline.stockSize).toBe(inCareA + inCareB);

    const names = report.tables.map((t) => t.name);
    for (const name of ['children', 'year ends', 'flows', 'spend', 'costs', 'rates', 'posts', 'cp plans', 'data quality']) expect(names).toContain(name);
    const residential = (report.tables.find((t) => t.name === 'costs')!.rows as { category: string; sources: string[] }[]).find((r) => r.category === 'residential')!;
    expect(residential.sources.join(' ')).toContain('local contract');
    // CP: one plan open on the origin day.
    const cpRows = report.tables.find((t) => t.name === 'cp plans')!.rows as { date: string; p50: number }[];
    expect(cpRows.find((r) => r.date === origin)!.p50).toBe(1);

    const csv = toCsv(report.tables.find((t) => t.name === 'children')!);
    expect(csv.split('\n')[0]).toBe('date,series,mean,p025,p10,p25,p50,p75,p90,p975');
    expect(csv).toContain(`${origin},total,${inCareA},${inCareA}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await toXlsx(report.tables) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toContain('year ends');
  });
});
