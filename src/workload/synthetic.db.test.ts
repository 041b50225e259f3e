/**
 * The monthly series and the plan on a synthetic authority (src/synth), checked against what the
 * seeds and the CSWW describe. Rutland (857), one year: the smallest authority loads fastest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { loadSyntheticAuthority } from '../synth/index.js';
import { caseloadSeries, caseloadsAt, capacityPlanAt } from './api.js';
import { applyPlan } from './crafted.test-support.js';
import type { SeriesPoint } from './series.js';
import { summariseCaseloads } from './summarise.js';

const LA = '857';
let t: TestDatabase;
let series: SeriesPoint[];

beforeAll(async () => {
  t = await createTestDatabase();
  await loadSyntheticAuthority(t.db, { laCode: LA, from: 2024, to: 2024, visits: false, calibrationPasses: 0, seed: 11 });
  series = await caseloadSeries(t.db, LA, '2023-04-01', '2024-03-31');
}, 180_000);
afterAll(async () => t?.dispose());

describe('synthetic authority', () => {
  it('has a month-end point for each month of 2023/24 with open cases and case holders', () => {
    expect(series).toHaveLength(12);
    for (const p of series) {
      expect(p.openChildren).toBeGreaterThan(0);
      expect(p.caseHolderFte).toBeGreaterThan(0);
    }
  });

  it('keeps average caseloads within the range English authorities report (CSWW 2024-25: 6.0 to 20.9), with a spread between workers', () => {
    for (const p of series) {
      expect(p.averagePerFte!).toBeGreaterThanOrEqual(6);
      expect(p.averagePerFte!).toBeLessThanOrEqual(20.9);
      expect(p.minPerFte!).toBeLessThan(p.averagePerFte!);
      expect(p.maxPerFte!).toBeGreaterThan(p.averagePerFte!);
    }
  });

  it('splits unallocated cases by type consistently', () => {
    for (const p of series) {
      expect(p.unallocatedCp + p.unallocatedCla + p.unallocatedCin + p.unallocatedCareLeavers).toBe(p.unallocated);
    }
  });

  it('proposes a plan that brings every team within standard', async () => {
    const date = '2024-03-31';
    const { plan, standards } = await capacityPlanAt(t.db, LA, date);
    const after = summariseCaseloads(applyPlan(await caseloadsAt(t.db, LA, date), plan, standards), standards);
    for (const team of after.teams) expect(team.overCapacity, team.name).toBe(0);
  });
});
