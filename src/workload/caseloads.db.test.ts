/**
 * Caseloads, unallocated cases, waits, versioned standards and the plan on crafted data in a real
 * database (PGlite, or PostgreSQL with CSC_TEST_DATABASE=postgres). Expected values by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { caseloadSeries, caseloadSummaryAt, capacityPlanAt, caseloadsAt } from './api.js';
import { applyPlan, craftScenario } from './crafted.test-support.js';
import { loadStandards, loadUnitCosts, setCaseloadStandard, setParameter, setUnitCost } from './store.js';
import { summariseCaseloads } from './summarise.js';

const LA = '931';
const DATE = '2024-09-30';
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await craftScenario(LA).write(t.db, 'Oxfordshire');
  await setParameter(t.db, { laCode: LA, name: 'preset', value: 'leicestershire-2017', validFrom: '2017-07-01', source: 'test' });
  await setCaseloadStandard(t.db, { laCode: LA, role: 'social_worker', teamType: 'looked_after', validFrom: '2020-01-01', min: 15, max: 16, source: 'test, old' });
  await setCaseloadStandard(t.db, { laCode: LA, role: 'social_worker', teamType: 'looked_after', validFrom: '2024-04-01', min: 12, max: 14, source: 'test, new' });
}, 180_000);
afterAll(async () => t?.dispose());

describe('caseload at a date', () => {
  it('counts each worker in post, with cases per FTE against their standard', async () => {
    const s = await caseloadSummaryAt(t.db, LA, DATE);
    const byId = Object.fromEntries(s.workers.map((w) => [w.workerId, w]));
    expect(Object.keys(byId).sort()).toEqual(['I1', 'P1', 'W1', 'W2', 'W3', 'W4', 'W5']); // W6 left on 1 Sep
    expect(byId.W1).toMatchObject({ cases: 22, capacity: 20, overCapacity: 2, status: 'over' });
    expect(byId.W2).toMatchObject({ cases: 12, casesPerFte: 24, capacity: 10, overCapacity: 2, contract: 'agency' });
    expect(byId.W3).toMatchObject({ cases: 10, capacity: 15, overCapacity: 0, status: 'under' });
    expect(byId.W4).toMatchObject({ cases: 0, capacity: null, status: 'no standard' });
    expect(byId.W5).toMatchObject({ cases: 15, standardMax: 14, overCapacity: 1 });
    expect(byId.I1).toMatchObject({ cases: 22 + 15 + 3, capacity: 70 });
    expect(byId.P1).toMatchObject({ cases: 4, capacity: 20 });
  });

  it('summarises teams and services: average, range, capacity and cases over capacity', async () => {
    const s = await caseloadSummaryAt(t.db, LA, DATE);
    const fs1 = s.teams.find((x) => x.key === 'FS1')!;
    expect(fs1).toMatchObject({
      cases: 44, caseHolders: 3, caseHolderFte: 2.5, averagePerFte: 17.6, averagePerWorker: 14.67,
      minPerFte: 10, maxPerFte: 24, capacity: 45, overCapacity: 4, workersOver: 2, managers: 1, directReports: 3, agencyFte: 0.5, unallocated: 5 + 3,
    });
    const safeguarding = s.services.find((x) => x.key === 'Safeguarding')!;
    expect(safeguarding).toMatchObject({ cases: 44 + 40, capacity: 45 + 70, overCapacity: 4, unallocated: 8 });
    expect(s.services.find((x) => x.key === '(no service)')).toMatchObject({ cases: 0, unallocated: 2 + 2 }); // new referrals and care leavers: no team recorded
    expect(s.total).toMatchObject({ cases: 44 + 15 + 40 + 4, overCapacity: 5, unallocated: 12 });
    expect(s.openChildren).toEqual({ cp: 25, cla: 15, cin_plan: 17, referral: 22 + 12 + 10 + 15 + 5 + 3 + 2, care_leaver: 6, claOrCp: 40, total: 22 + 12 + 10 + 15 + 5 + 3 + 2 + 6 });
  });

  it('lists unallocated open cases and how long each has waited', async () => {
    const snapshot = await caseloadsAt(t.db, LA, DATE);
    const groups = new Map<string, number>();
    for (const u of snapshot.unallocated) {
      const key = `${u.caseType}/${u.needs}/${u.waitingSince}/${u.waitingDays}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(groups)).toEqual({
      'care_leaver/personal_adviser/2024-04-01/182': 2,
      'cin_plan/allocated_worker/2024-09-01/29': 5,
      'cp/allocated_worker/2024-09-20/10': 3,
      'referral/allocated_worker/2024-09-25/5': 2,
    });
    expect(snapshot.unallocated[0]!.waitingDays).toBe(182); // longest wait first
  });

  it('counts a case and allocation that end on the date on the day before, not on the day', async () => {
    const before = await caseloadsAt(t.db, LA, '2024-09-29');
    expect(before.workers.find((w) => w.workerId === 'W1')!.cases).toBe(23);
  });

  it('uses the standards version in force on the date', async () => {
    expect((await loadStandards(t.db, LA, '2024-03-31')).rules.find((r) => r.role === 'social_worker' && r.teamType === 'looked_after')).toMatchObject({ min: 15, max: 16 });
    expect((await loadStandards(t.db, LA, DATE)).rules.find((r) => r.role === 'social_worker' && r.teamType === 'looked_after')).toMatchObject({ min: 12, max: 14 });
    const march = await caseloadSummaryAt(t.db, LA, '2024-03-31');
    expect(march.workers.find((w) => w.workerId === 'W5')).toMatchObject({ cases: 15, capacity: 16, overCapacity: 0 });
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    await expect(caseloadsAt(t.db, LA, '2024-02-30')).rejects.toThrow(/2024-02-30.*YYYY-MM-DD/);
    await expect(caseloadsAt(t.db, '999', DATE)).rejects.toThrow(/999.*not in this database/);
    await expect(setCaseloadStandard(t.db, { laCode: LA, role: 'wizard', validFrom: DATE, min: 1, max: 2, source: 'x' })).rejects.toThrow(/wizard.*role list/);
    await expect(setCaseloadStandard(t.db, { laCode: LA, role: 'social_worker', validFrom: DATE, min: 20, max: 18, source: 'x' })).rejects.toThrow(/20-18/);
    await expect(setParameter(t.db, { laCode: LA, name: 'manager_span_max', value: 'ten', validFrom: DATE, source: 'x' })).rejects.toThrow(/manager_span_max.*"ten"/);
    expect((await loadStandards(t.db, LA, '2030-01-01')).managerSpan.max).toBe(10);
  });
});

describe('monthly series', () => {
  it('gives one point a month, with unallocated work appearing in September', async () => {
    const series = await caseloadSeries(t.db, LA, '2024-07-15', DATE);
    expect(series.map((p) => p.date)).toEqual(['2024-07-31', '2024-08-31', '2024-09-30']);
    expect(series.map((p) => p.unallocated)).toEqual([2, 2, 12]);
    expect(series.map((p) => p.unallocatedCin)).toEqual([0, 0, 7]);
    expect(series.map((p) => p.unallocatedCp)).toEqual([0, 0, 3]);
    // July: W1 22 CP + 3 CP + the case closing 30 Sep = 26 against 20.
    expect(series[0]).toMatchObject({ cp: 25, careLeavers: 6, overCapacity: 6 + 2 + 1 });
  });
});

describe('capacity plan', () => {
  it('proposes posts, costs them and prices replacing agency staff', async () => {
    const { plan } = await capacityPlanAt(t.db, LA, DATE);
    const lines = Object.fromEntries(plan.lines.map((l) => [`${l.scope}/${l.role}`, l]));
    expect(lines['Team FS1/social_worker']).toMatchObject({ postsExact: 0.2, posts: 1, annualCost: 52_000 });
    expect(lines['Team LAC1/social_worker']).toMatchObject({ postsExact: 0.07, posts: 1 });
    expect(lines['Team LAC1/team_manager']).toMatchObject({ currentFte: 0, posts: 1, annualCost: 55_000 * 1.3 });
    expect(lines['Team FS1/team_manager']).toBeUndefined();
    expect(lines['IROs/iro']).toMatchObject({ currentFte: 1, posts: 0 });
    expect(lines['Personal advisers/personal_adviser']).toMatchObject({ currentFte: 1, posts: 0 });
    expect(plan.agency).toMatchObject({ agencyFte: 0.5, annualSaving: 10_400 });
  });

  it('uses the unit costs the authority recorded', async () => {
    await setUnitCost(t.db, { laCode: LA, role: 'social_worker', validFrom: '2024-04-01', annualSalary: 45_000, onCostRate: 0.25, agencyPremiumRate: 0.5, priceYear: '2024/25', source: 'test' });
    const costs = await loadUnitCosts(t.db, LA, DATE);
    expect(costs.costs.find((c) => c.role === 'social_worker')).toMatchObject({ annualSalary: 45_000, onCostRate: 0.25 });
    const { plan } = await capacityPlanAt(t.db, LA, DATE);
    expect(plan.lines.find((l) => l.scope === 'Team FS1' && l.role === 'social_worker')!.annualCost).toBe(56_250);
    expect(plan.agency.annualSaving).toBe(Math.round(0.5 * 56_250 * 0.5));
  });

  it('is internally consistent: adding the proposed posts brings every team within standard', async () => {
    const { plan, standards } = await capacityPlanAt(t.db, LA, DATE);
    const after = summariseCaseloads(applyPlan(await caseloadsAt(t.db, LA, DATE), plan, standards), standards);
    for (const team of after.teams) {
      expect(team.overCapacity, team.name).toBe(0);
      if (team.caseHolders > 0) expect(team.directReports, team.name).toBeLessThanOrEqual(standards.managerSpan.max * team.managers);
    }
  });
});
