/**
 * Children looked after with a known history, for the forecast, scenario and placement-cost
 * tests: episodes simulated from known rates (src/forecast simulateHistory, independent of the
 * forecasting engine) written to the real tables, and local weekly costs for each category
 * priced on the forecast start (so costs on that day need no uprating).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/index.js';
import { demoTruth, simulateHistory, type EpisodeRow } from '../../src/forecast/index.js';
import { writeCareHistory } from '../support/care-history.js';

export const CARE_ORIGIN = '2024-03-31';
export const LOCAL_WEEKLY = { fostering: 700, residential: 5000, supported: 1500, other: 400 } as const;

export async function loadSimulatedCare(db: Kysely<Database>, laCode: string, inCare = 30, seed = 3): Promise<EpisodeRow[]> {
  const history = simulateHistory(demoTruth(inCare), { laCode, warmUpStart: '2016-04-01', dataEnd: CARE_ORIGIN, seed });
  const { episodes } = history;
  await writeCareHistory(db, laCode, history.children, episodes);
  await db.insertInto('placement_cost').values(Object.entries(LOCAL_WEEKLY).map(([type, weekly]) => ({
    la_code: laCode, placement_type: type, provider: 'any', valid_from: CARE_ORIGIN, weekly_cost: weekly, source: 'test contract',
  }))).execute();
  return episodes;
}

/** Episodes open on `date` (started on or before it, not ended by it). */
export function openOn(episodes: readonly EpisodeRow[], date: string): EpisodeRow[] {
  return episodes.filter((e) => e.decom <= date && (e.dec === null || e.dec > date));
}
