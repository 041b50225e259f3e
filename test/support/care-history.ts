import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/index.js';
import type { ChildRow, EpisodeRow } from '../../src/forecast/index.js';

/**
 * Writes a simulated care history (src/forecast simulateHistory) as the canonical tables hold it:
 * the children with episodes, one care period each from their first episode, and the episodes.
 */
export async function writeCareHistory(db: Kysely<Database>, laCode: string, children: readonly ChildRow[], episodes: readonly EpisodeRow[]): Promise<ChildRow[]> {
  const withEpisodes = children.filter((c) => episodes.some((e) => e.childId === c.childId));
  await db.insertInto('child').values(withEpisodes.map((c) => ({ la_code: laCode, child_id: c.childId, date_of_birth: c.dateOfBirth, sex: 'M', ethnicity: 'WBRI', uasc: c.uasc }))).execute();
  const first = new Map<string, string>();
  for (const e of episodes) if (!first.has(e.childId) || e.decom < first.get(e.childId)!) first.set(e.childId, e.decom);
  await db.insertInto('care_period').values([...first].map(([childId, start]) => ({ la_code: laCode, period_id: `P${childId}`, child_id: childId, start_date: start }))).execute();
  await db.insertInto('cla_episode').values(episodes.map((e, i) => ({
    la_code: laCode, episode_id: `E${i}`, child_id: e.childId, period_id: `P${e.childId}`, decom: e.decom, dec: e.dec,
    rne: 'S', legal_status: 'C2', cin_category: 'N1', place: e.place, place_provider: e.placeProvider, rec: e.rec,
  }))).execute();
  return withEpisodes;
}
