/**
 * The source reports' own worked examples (workforce.md §2-3), rebuilt worker by worker. The
 * reports give team averages and totals only; each establishment below is one that reproduces
 * both the published average and the published "cases over capacity" (see docs/workload.md).
 */
import { describe, expect, it } from 'vitest';
import { capacityPlan } from './plan.js';
import { postsForDemand } from './demand.js';
import type { CaseloadSnapshot, OpenChildren, WorkerCases } from './snapshot.js';
import { LEICESTERSHIRE_2017, OXFORDSHIRE_2014 } from './standards/presets.js';
import { DEFAULT_UNIT_COSTS } from './standards/unit-costs.js';
import type { WorkloadStandards } from './standards/types.js';
import { summariseCaseloads } from './summarise.js';

type Member = [role: string, fte: number, cases: number, contract?: string];

function worker(teamId: string, index: number, [role, fte, cases, contract]: Member): WorkerCases {
  return {
    workerId: `${teamId}-${index}`, role, teamId, fte, contract: contract ?? 'permanent', cases,
    byCaseType: { cp: cases, cla: 0, cin_plan: 0, referral: 0, care_leaver: 0, other: 0 },
  };
}

const noChildren: OpenChildren = { cp: 0, cla: 0, cin_plan: 0, referral: 0, care_leaver: 0, claOrCp: 0, total: 0 };

function snapshot(teams: Record<string, { type: string; locality?: string; members: Member[] }>, openChildren: Partial<OpenChildren> = {}): CaseloadSnapshot {
  return {
    laCode: '855',
    date: '2017-07-31',
    teams: Object.entries(teams).map(([teamId, t]) => ({ teamId, name: teamId, teamType: t.type, service: 'Child protection', locality: t.locality ?? null })),
    workers: Object.entries(teams).flatMap(([teamId, t]) => t.members.map((m, i) => worker(teamId, i, m))),
    openChildren: { ...noChildren, ...openChildren },
    unallocated: [],
  };
}

const sw = (...loads: number[]): Member[] => loads.map((n) => ['social_worker', 1, n]);
const role = (r: string, ...loads: number[]): Member[] => loads.map((n) => [r, 1, n]);
const tm: Member = ['team_manager', 1, 0];
const noIroNoPa: WorkloadStandards = { ...LEICESTERSHIRE_2017, rules: LEICESTERSHIRE_2017.rules.filter((r) => r.role !== 'iro' && r.role !== 'personal_adviser') };

describe('workforce.md §3 worked example (Leicestershire standard)', () => {
  const s = summariseCaseloads(snapshot({ T: { type: 'family_support_cp', members: [...sw(22, 22, 22, 22), ...role('senior_practitioner', 16), ...role('asye', 16), tm] } }), LEICESTERSHIRE_2017);
  it('4 SW + 1 senior practitioner + 1 ASYE holding 120: capacity 110, 10 over', () => {
    const team = s.teams[0]!;
    expect(team.cases).toBe(120);
    expect(team.capacity).toBe(4 * 20 + 15 + 15);
    expect(team.overCapacity).toBe(10);
  });
  it('needs 0.5 FTE (one post rounded up) and no extra manager for 6 direct reports', () => {
    const plan = capacityPlan(s, noIroNoPa, DEFAULT_UNIT_COSTS);
    const swLine = plan.lines.find((l) => l.role === 'social_worker')!;
    expect(swLine.postsExact).toBe(0.5);
    expect(swLine.posts).toBe(1);
    expect(plan.lines.some((l) => l.role === 'team_manager')).toBe(false);
    expect(s.teams[0]!.directReports).toBe(6);
    expect(capacityPlan(s, { ...noIroNoPa, postStep: 0.5 }, DEFAULT_UNIT_COSTS).lines[0]!.posts).toBe(0.5);
  });
});

describe('Leicestershire 2017 child protection teams', () => {
  // [locality, team, published average, published over capacity, an establishment reproducing both]
  const published: [string, string, number, number, Member[]][] = [
    ['1', 'A', 18, 0, sw(18, 18, 18, 18, 18)],
    ['1', 'B', 21, 14, [...sw(18, 22, 22, 22, 22, 22), ...role('senior_practitioner', 19)]],
    ['1', 'C', 22, 16, sw(22, 22, 22, 22, 22, 22, 22, 22)],
    ['2', 'A', 21, 20, [...sw(18, 23, 23, 23, 23, 22), ...role('asye', 18, 18)]],
    ['2', 'B', 18, 0, sw(18, 18, 18, 18, 18, 18)],
    ['3', 'A', 22, 22, sw(22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22)],
    ['3', 'B', 21, 22, [...sw(18, 18, 24, 24, 24, 24), ...role('asye', 18, 18)]],
    ['3', 'C', 23, 20, sw(18, 24, 24, 24, 24, 24)],
  ];
  const teams = Object.fromEntries(published.map(([loc, t, , , members]) => [`L${loc}${t}`, { type: 'family_support_cp', locality: loc, members: [...members, tm] }]));
  const s = summariseCaseloads(snapshot(teams), LEICESTERSHIRE_2017);

  it.each(published)('locality %s team %s: average %i, %i cases over capacity', (loc, t, average, over) => {
    const team = s.teams.find((x) => x.key === `L${loc}${t}`)!;
    expect(Math.round(team.averagePerWorker!)).toBe(average);
    expect(team.overCapacity).toBe(over);
  });

  it('114 cases over capacity in all: 5.7 FTE at 20 per SW (the report asked for at least 4)', () => {
    expect(s.total.overCapacity).toBe(114);
    const plan = capacityPlan(s, noIroNoPa, DEFAULT_UNIT_COSTS);
    const exact = plan.lines.filter((l) => l.role === 'social_worker').reduce((sum, l) => sum + l.postsExact, 0);
    expect(exact).toBeCloseTo(114 / 20, 6);
    // Rounded team by team: 14/20→1, 16/20→1, 20/20→1, 22/20→2, 22/20→2, 20/20→1.
    expect(plan.postsByRole.social_worker).toBe(8);
    expect(capacityPlan(s, { ...noIroNoPa, postStep: 0.5 }, DEFAULT_UNIT_COSTS).postsByRole.social_worker).toBe(7);
  });
});

describe('Leicestershire 2017 Strengthening Families locality 3', () => {
  const s = summariseCaseloads(snapshot({ SF3: { type: 'cin', members: [...sw(27, 27, 27, 27, 27, 27, 27, 27, 27, 27), tm] } }), LEICESTERSHIRE_2017);
  it('average 27 and 70 cases over capacity', () => {
    expect(s.teams[0]!.averagePerFte).toBe(27);
    expect(s.teams[0]!.overCapacity).toBe(70);
  });
  it('asks for four social workers and one team manager, as the report did', () => {
    const plan = capacityPlan(s, noIroNoPa, DEFAULT_UNIT_COSTS);
    expect(plan.lines.find((l) => l.role === 'social_worker')).toMatchObject({ postsExact: 3.5, posts: 4 });
    // 10 + 4 direct reports ÷ span 10 → 2 managers, 1 in post.
    expect(plan.lines.find((l) => l.role === 'team_manager')).toMatchObject({ currentFte: 1, posts: 1 });
  });
});

describe('Leicestershire 2017 kinship team', () => {
  const s = summariseCaseloads(snapshot({ K: { type: 'kinship', members: [['social_worker', 1, 34], ['social_worker', 0.6, 21]] } }), LEICESTERSHIRE_2017);
  it('1.6 FTE holding 55 cases is 34.4 per FTE; two more posts bring it to 15.3', () => {
    expect(s.teams[0]!.averagePerFte).toBe(34.38);
    const plan = capacityPlan(s, noIroNoPa, DEFAULT_UNIT_COSTS);
    expect(plan.lines[0]).toMatchObject({ role: 'social_worker', posts: 2 });
    expect(Math.round((55 / (1.6 + plan.lines[0]!.posts)) * 10) / 10).toBe(15.3);
  });
});

describe('IROs: 85 per FTE against 50-70', () => {
  const iros = (fte: number): Member[] => [['iro', fte, 0]];
  it('9 FTE IROs with 765 CLA + CP children (85 each) need 2 more to be within 70', () => {
    const s = summariseCaseloads(snapshot({ IRO: { type: 'iro_safeguarding', members: iros(9) } }, { claOrCp: 765, cla: 400, cp: 365 }), LEICESTERSHIRE_2017);
    const line = capacityPlan(s, LEICESTERSHIRE_2017, DEFAULT_UNIT_COSTS).lines.find((l) => l.role === 'iro')!;
    expect(765 / line.currentFte).toBe(85);
    expect(line.postsExact).toBeCloseTo(765 / 70 - 9, 2);
    expect(line.posts).toBe(2);
  });
  it("with the report's July counts (533 + 521 = 1,054 children at 85 per FTE) the gap is 2.7 FTE, so 3 posts", () => {
    const s = summariseCaseloads(snapshot({ IRO: { type: 'iro_safeguarding', members: iros(12.4) } }, { claOrCp: 1054 }), LEICESTERSHIRE_2017);
    const line = capacityPlan(s, LEICESTERSHIRE_2017, DEFAULT_UNIT_COSTS).lines.find((l) => l.role === 'iro')!;
    expect(line.postsExact).toBeCloseTo(1054 / 70 - 12.4, 2);
    expect(line.posts).toBe(3);
  });
});

describe('Leicestershire 2017 16+ team: personal advisers', () => {
  it('250 + 148 care leavers at 20 per PA with 15 PAs in post → 5 more PAs (the request)', () => {
    const s = summariseCaseloads(snapshot({ LC: { type: 'leaving_care', members: role('personal_adviser', 17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 16, 16, 16, 16, 16) } }, { care_leaver: 398 }), LEICESTERSHIRE_2017);
    expect(s.teams[0]!.cases).toBe(250);
    const line = capacityPlan(s, LEICESTERSHIRE_2017, DEFAULT_UNIT_COSTS).lines.find((l) => l.role === 'personal_adviser')!;
    expect(line).toMatchObject({ currentFte: 15, posts: 5, neededFte: 19.9 });
  });
});

describe('Oxfordshire 2016: IRO posts at £50,000', () => {
  it('7 IRO posts cost £350,000 a year; the 5 unfunded ones £250,000', () => {
    // ~600 looked-after + ~630 CP children, IROs chairing both; 11 funded FTE is our assumption.
    const s = summariseCaseloads(snapshot({ IRO: { type: 'iro_safeguarding', members: [['iro', 11, 0]] } }, { claOrCp: 1230 }), OXFORDSHIRE_2014);
    const line = capacityPlan(s, OXFORDSHIRE_2014, DEFAULT_UNIT_COSTS).lines.find((l) => l.role === 'iro')!;
    expect(line.posts).toBe(7);
    expect(line.annualCost).toBe(350_000);
    expect(5 * 50_000).toBe(capacityPlan(s, OXFORDSHIRE_2014, DEFAULT_UNIT_COSTS).lines.find((l) => l.role === 'iro')!.annualCost * 5 / 7);
  });
});

describe('Oxfordshire 2015: family support caseloads by area against a maximum of 14', () => {
  // Headcounts are the derived worker counts (caseload ÷ published average), rounded.
  const areas: [string, number, number, number][] = [['South', 417, 19, 22], ['Central', 578, 32, 18], ['North', 498, 25, 20]];
  const spread = (cases: number, workers: number): number[] => Array.from({ length: workers }, (_, i) => Math.floor(cases / workers) + (i < cases % workers ? 1 : 0));
  const max14: WorkloadStandards = { ...OXFORDSHIRE_2014, rules: [{ role: 'social_worker', teamType: 'family_support_cp', min: 14, max: 14, source: 'Oxfordshire 2015 ambition', basis: 'sourced' }, ...OXFORDSHIRE_2014.rules] };
  const s = summariseCaseloads(snapshot(Object.fromEntries(areas.map(([area, cases, workers]) => [area, { type: 'family_support_cp', members: sw(...spread(cases, workers)) }]))), max14);
  const plan = capacityPlan(s, { ...max14, managerSpan: { min: 8, max: 100 }, rules: max14.rules.filter((r) => r.role === 'social_worker') }, DEFAULT_UNIT_COSTS);

  it.each(areas)('%s: %i children, %i workers, average %i', (area, cases, _workers, average) => {
    const team = s.teams.find((t) => t.key === area)!;
    expect(team.cases).toBe(cases);
    expect(Math.round(team.averagePerWorker!)).toBe(average);
  });
  it('needs 106.6 FTE at 14: 30.6 more than the 76 in post (workforce.md says 30.7 from 75.96 derived workers), +40%', () => {
    const swLines = plan.lines.filter((l) => l.role === 'social_worker');
    const exact = swLines.reduce((sum, l) => sum + l.postsExact, 0);
    expect(exact).toBeCloseTo((1493 - 14 * 76) / 14, 1);
    expect(s.total.overCapacity).toBe(1493 - 14 * 76);
    expect(Math.round((76 + s.total.overCapacity / 14) * 10) / 10).toBe(106.6);
    expect(Math.round((exact / 76) * 100)).toBe(40);
    expect(swLines.map((l) => [l.scope, l.posts])).toEqual([['Central', 10], ['North', 11], ['South', 11]]); // 9.3, 10.6, 10.8 rounded up
  });
});

describe('Oxfordshire 2014: averages against 14 / 16 / 18 by team type', () => {
  it('looked after 14.5 (+4%), family support 18.0 (+12.5%), disability 21.1 (+17%)', () => {
    const s = summariseCaseloads(snapshot({
      LA: { type: 'looked_after', members: sw(14, 14, 14, 14, 14, 15, 15, 15, 15, 15) },
      FS: { type: 'family_support_cp', members: sw(18, 18, 18, 18, 18, 18, 18, 18, 18, 18) },
      DIS: { type: 'disability', members: sw(21, 21, 21, 21, 21, 21, 21, 21, 21, 22) },
    }), OXFORDSHIRE_2014);
    const gap = (key: string) => {
      const t = s.teams.find((x) => x.key === key)!;
      return Math.round((t.averagePerFte! / (t.capacity / t.caseHolderFte) - 1) * 1000) / 10;
    };
    expect([gap('LA'), gap('FS'), gap('DIS')]).toEqual([3.6, 12.5, 17.2]);
  });
});

describe('postsForDemand', () => {
  it('Leicestershire July 2017 counts: 533 CLA + 521 CP need 15.06 IROs at 70 (16 posts)', () => {
    const p = postsForDemand({ cp: 521, cin: 0, cla: 533 }, LEICESTERSHIRE_2017);
    expect(p.iros).toEqual({ exact: 15.06, posts: 16 });
  });
  it('projected CP 500, CIN 1,000, CLA 700, 300 care leavers under Leicestershire standards', () => {
    const p = postsForDemand({ cp: 500, cin: 1000, cla: 700, careLeavers: 300 }, LEICESTERSHIRE_2017);
    expect(p.socialWorkers).toEqual({ exact: 110, posts: 110 });
    expect(p.teamManagers).toEqual({ exact: 11, posts: 11 });
    expect(p.iros).toEqual({ exact: 17.14, posts: 18 });
    expect(p.personalAdvisers).toEqual({ exact: 15, posts: 15 });
  });
  it('with weights on, a CP case counts 1.5', () => {
    const p = postsForDemand({ cp: 500, cin: 1000, cla: 700 }, { ...LEICESTERSHIRE_2017, weights: { ...LEICESTERSHIRE_2017.weights, enabled: true } });
    expect(p.socialWorkers).toEqual({ exact: 122.5, posts: 123 });
  });
  it('refuses negative or missing numbers', () => {
    expect(() => postsForDemand({ cp: -1, cin: 0, cla: 0 }, LEICESTERSHIRE_2017)).toThrow(/cp must be a number/);
    expect(() => postsForDemand({ cp: Number.NaN, cin: 0, cla: 0 }, LEICESTERSHIRE_2017)).toThrow(/cp/);
  });
});

describe('agency replacement', () => {
  it('two agency SWs at £40,000 + 30% on-costs + 40% premium save £41,600 a year as permanent posts', () => {
    const s = summariseCaseloads(snapshot({ T: { type: 'cin', members: [['social_worker', 1, 10, 'agency'], ['social_worker', 1, 10, 'agency'], ['social_worker', 1, 10]] } }), LEICESTERSHIRE_2017);
    const plan = capacityPlan(s, noIroNoPa, DEFAULT_UNIT_COSTS);
    expect(plan.agency).toEqual({ agencyFte: 2, agencyAnnualCost: 2 * 40_000 * 1.3 * 1.4, permanentAnnualCost: 2 * 52_000, annualSaving: 2 * 20_800 });
  });
});

describe('series point', () => {
  it('agrees with the full summary for case-holding workers', async () => {
    const { seriesPoint } = await import('./series.js');
    const snap = snapshot({
      A: { type: 'family_support_cp', members: [...sw(22, 18), ['social_worker', 0.5, 12], ...role('asye', 16), tm] },
      B: { type: 'cin', members: sw(10, 12) },
      I: { type: 'iro_safeguarding', members: role('iro', 80) },
    });
    const full = summariseCaseloads(snap, LEICESTERSHIRE_2017).caseHolding;
    const point = seriesPoint(snap, LEICESTERSHIRE_2017);
    expect(point).toMatchObject({
      caseHolderFte: full.caseHolderFte, averagePerFte: full.averagePerFte, minPerFte: full.minPerFte, maxPerFte: full.maxPerFte,
      capacity: full.capacity, overCapacity: full.overCapacity, teamsOverCapacity: 1,
    });
    expect(point.overCapacity).toBe(2 + 2 + 1);
  });
});
