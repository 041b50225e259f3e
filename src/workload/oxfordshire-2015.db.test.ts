/**
 * Oxfordshire's family support table (Performance Scrutiny, 5 November 2015) rebuilt as records
 * in the database: CP, looked-after and CIN cases allocated across each area's workers, plus the
 * unallocated CIN cases recorded against the area's team. Headcounts are caseload ÷ average.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { caseloadSummaryAt } from './api.js';
import { Crafter } from './crafted.test-support.js';
import { OXFORDSHIRE_2014 } from './standards/presets.js';
import type { CaseloadSummary } from './summarise.js';

const DATE = '2015-03-31';
// area, CP, looked after, CIN, workers, unallocated CIN (published); average caseload 22 / 18 / 20
const AREAS: [string, number, number, number, number, number][] = [
  ['South', 163, 51, 203, 19, 37],
  ['Central', 223, 58, 297, 32, 17],
  ['North', 208, 36, 254, 25, 7],
];
let t: TestDatabase;
let summary: CaseloadSummary;

beforeAll(async () => {
  t = await createTestDatabase();
  const c = new Crafter('931');
  for (const [area, cp, cla, cin, workers, waiting] of AREAS) {
    c.team(area, 'family_support_cp', 'Family support', area);
    for (let w = 0; w < workers; w++) c.worker(`${area}${w}`, 'social_worker', area, 1, 'permanent', '2012-01-01');
    let next = 0;
    const worker = () => `${area}${next++ % workers}`;
    for (const [kind, n] of [['cp', cp], ['cla', cla], ['cin_plan', cin]] as const) {
      for (let i = 0; i < n; i++) c.many(1, { kind, opened: '2014-10-01', teamId: area }, worker());
    }
    c.many(waiting, { kind: 'cin_plan', opened: '2015-02-01', teamId: area });
  }
  await c.write(t.db, 'Oxfordshire');
  summary = await caseloadSummaryAt(t.db, '931', DATE, OXFORDSHIRE_2014);
}, 120_000);
afterAll(async () => t?.dispose());

describe('Oxfordshire family support caseloads by area, 31 March 2015', () => {
  it.each(AREAS)('%s: %i CP + %i looked after + %i CIN held by %i workers, %i CIN unallocated', (area, cp, cla, cin, workers, waiting) => {
    const team = summary.teams.find((x) => x.key === area)!;
    expect(team.cases).toBe(cp + cla + cin);
    expect(team.caseHolders).toBe(workers);
    expect(team.unallocated).toBe(waiting);
  });

  it('averages 22 / 18 / 20 by worker and 20 overall; 61 CIN and no CP cases unallocated', () => {
    expect(AREAS.map(([area]) => Math.round(summary.teams.find((x) => x.key === area)!.averagePerWorker!))).toEqual([22, 18, 20]);
    expect(Math.round(summary.total.averagePerWorker!)).toBe(20);
    expect(summary.unallocated).toHaveLength(61);
    expect(summary.unallocated.every((u) => u.caseType === 'cin_plan' && u.needs === 'allocated_worker')).toBe(true);
    expect(summary.openChildren.cp).toBe(594);
  });

  it('against the family support standard of 16, every area is over capacity', () => {
    for (const team of summary.teams) expect(team.overCapacity).toBe(team.cases - 16 * team.caseHolders);
  });
});
