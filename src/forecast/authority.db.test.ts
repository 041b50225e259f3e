import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { forecastAuthority, ForecastRequestError } from './authority.js';
import type { ForecastProgress } from './authority-types.js';
import { demoTruth, simulateHistory } from './simulate-history.js';

/**
 * forecastAuthority over real tables (PGlite or PostgreSQL): the server's entry point. Legal
 * status is set per episode (first episode of a child C1, later ones C2, every fifth child V2),
 * so the legal-status series can be checked against a hand count on the origin.
 */
let handle: TestDatabase;
const origin = '2024-03-31';
const { episodes, children } = simulateHistory(demoTruth(120), { laCode: '931', warmUpStart: '2012-04-01', dataEnd: origin, seed: 3 });
const childNumber = new Map(children.map((c, i) => [c.childId, i]));
const firstEpisode = new Set<string>();
const legalStatus = episodes.map((e) => {
  if ((childNumber.get(e.childId) ?? 0) % 5 === 0) return 'V2';
  const first = !firstEpisode.has(e.childId);
  firstEpisode.add(e.childId);
  return first ? 'C1' : 'C2';
});

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  await db.insertInto('local_authority').values({ la_code: '931', name: 'LA 931', region_code: null, region_name: null }).execute();
  const withEpisodes = children.filter((c) => episodes.some((e) => e.childId === c.childId));
  await db.insertInto('child').values(withEpisodes.map((c) => ({
    la_code: '931', child_id: c.childId, date_of_birth: c.dateOfBirth, sex: 'M', ethnicity: 'WBRI', uasc: c.uasc,
  }))).execute();
  const first = new Map<string, string>();
  for (const e of episodes) if (!first.has(e.childId) || e.decom < first.get(e.childId)!) first.set(e.childId, e.decom);
  await db.insertInto('care_period').values([...first].map(([childId, start]) => ({ la_code: '931', period_id: `P${childId}`, child_id: childId, start_date: start }))).execute();
  await db.insertInto('cla_episode').values(episodes.map((e, i) => ({
    la_code: '931', episode_id: `E${i}`, child_id: e.childId, period_id: `P${e.childId}`, decom: e.decom, dec: e.dec,
    rne: 'S', legal_status: legalStatus[i]!, cin_category: 'N1', place: e.place, place_provider: e.placeProvider, rec: e.rec,
  }))).execute();
});
afterAll(async () => {
  await handle?.dispose();
});

describe('forecastAuthority', () => {
  it('returns plain fan data by placement and legal status, spend, posts and a scenario comparison', async () => {
    const progress: ForecastProgress[] = [];
    const result = await forecastAuthority(handle.db, '931', {
      horizonYears: 2, runs: 40, scenario: 'entries-fall-10', workers: 1, onProgress: (p) => progress.push(p),
    });
    const inCare = episodes.filter((e) => e.decom <= origin && (e.dec === null || e.dec > origin));
    const inCareIndex = episodes.flatMap((e, i) => (e.decom <= origin && (e.dec === null || e.dec > origin) ? [i] : []));

    expect(result.origin).toBe(origin);
    expect(result.dates).toHaveLength(25);
    expect(result.dates[0]).toBe(origin);
    expect(result.dates[24]).toBe('2026-03-31');
    expect(result.children.total[0]).toMatchObject({ date: origin, p025: inCare.length, p50: inCare.length, p975: inCare.length });
    expect(result.children.byPlacement.map((s) => s.name)).toEqual(['fostering', 'residential', 'supported', 'other']);
    const placementSum = result.children.byPlacement.reduce((n, s) => n + s.points[0]!.p50, 0);
    expect(placementSum).toBe(inCare.length);
    // Legal status on the origin, counted by hand from the episodes open that day.
    const count = (codes: string[]) => inCareIndex.filter((i) => codes.includes(legalStatus[i]!)).length;
    const ls = Object.fromEntries(result.children.byLegalStatus.map((s) => [s.name, s.points[0]!.p50]));
    expect(ls).toEqual({ 'interim care order': count(['C1']), 'care order': count(['C2']), 'placement order': 0, 'section 20': count(['V2']), other: 0 });

    expect(result.cp).toBeNull();
    expect(result.cost.perWeek).toHaveLength(24);
    // Spend per week at the start ≈ stock × weighted weekly unit cost (the stock barely moves in a month).
    const unit = Object.fromEntries(result.cost.unitCosts.map((c) => [c.category, c.weeklyAtStart]));
    const startWeekly = result.children.byPlacement.reduce((n, s) => n + s.points[0]!.p50 * unit[s.name]!, 0);
    expect(result.cost.perWeek[0]!.p50 / startWeekly).toBeGreaterThan(0.9);
    expect(result.cost.perWeek[0]!.p50 / startWeekly).toBeLessThan(1.1);
    expect(result.cost.perYear.map((y) => y.year)).toEqual(['2024-04-01 to 2025-03-31', '2025-04-01 to 2026-03-31']);
    expect(result.posts.map((p) => p.role)).toContain('IROs');
    expect(result.scenario?.name).toBe('entries-fall-10');
    expect(result.baseline?.total).toHaveLength(25);
    expect(result.comparison?.some((c) => c.measure === 'placement spend £')).toBe(true);

    // Progress: stages in order, fraction never falls and ends at 1.
    expect([...new Set(progress.map((p) => p.stage))]).toEqual(['cla: baseline', 'cla: entries-fall-10', 'legal status']);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.fraction).toBeGreaterThanOrEqual(progress[i - 1]!.fraction);
    expect(progress.at(-1)!.fraction).toBe(1);
    // Plain data: survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('says what is wrong with a request', async () => {
    const fail = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as ForecastRequestError);
    const unknown = await fail(forecastAuthority(handle.db, '999'));
    expect(unknown).toBeInstanceOf(ForecastRequestError);
    expect(unknown?.status).toBe(404);
    const years = await fail(forecastAuthority(handle.db, '931', { horizonYears: 7 }));
    expect([years?.status, years?.message]).toEqual([400, 'horizonYears must be a whole number from 1 to 5 (got 7)']);
    const scenario = await fail(forecastAuthority(handle.db, '931', { scenario: 'no-such' }));
    expect(scenario?.status).toBe(400);
    expect(scenario?.message).toContain('new-homes');
    const bad = await fail(forecastAuthority(handle.db, '931', { scenario: { name: 'x', changes: [{ kind: 'entries', change: -2 }] } }));
    expect(bad?.status).toBe(400);
    expect(bad?.message).toContain('changes.0.change');
  });
});
