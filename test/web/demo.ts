/**
 * A demo authority for screenshots and the benchmark: a synthetic authority from src/synth when
 * it loads, else the small hand-made fixture (the reason is printed). Plus one user per role,
 * tied to a real worker, team and service of that authority.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/index.js';
import { loadSyntheticAuthority } from '../../src/synth/index.js';
import { FIXTURE_LA, loadFixtureAuthority } from './fixture.js';
import { createDemoUsers, demoUsers } from './harness.js';

export interface Demo {
  la: string;
  name: string;
  synthetic: boolean;
  users: ReturnType<typeof demoUsers>;
}

export async function prepareDemo(db: Kysely<Database>, options: { laCode?: string; from?: number; to?: number; seed?: number } = {}): Promise<Demo> {
  let la = options.laCode ?? '931';
  let name: string;
  let synthetic = true;
  try {
    const result = await loadSyntheticAuthority(db, { laCode: la, from: options.from ?? 2021, to: options.to ?? 2025, seed: options.seed ?? 1, visits: false });
    name = result.name;
  } catch (error) {
    console.warn(`Synthetic authority ${la} could not be generated (${(error as Error).message}); using the small test fixture instead.`);
    la = FIXTURE_LA;
    await loadFixtureAuthority(db, la);
    name = 'Webtest Borough';
    synthetic = false;
  }
  const today = new Date().toISOString().slice(0, 10);
  const busiest = async (role: string, allocationRole: string) =>
    (await db.selectFrom('allocation as a').innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
      .select(['w.worker_id', 'w.team_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('a.la_code', '=', la).where('w.role', '=', role).where('a.allocation_role', '=', allocationRole)
      .where('a.start_date', '<=', today).where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', today)]))
      .groupBy(['w.worker_id', 'w.team_id']).orderBy('n', 'desc').limit(1).executeTakeFirst());
  const worker = await busiest('social_worker', 'allocated_worker');
  const iro = await busiest('iro', 'iro');
  const team = worker?.team_id ?? (await db.selectFrom('team').select('team_id').where('la_code', '=', la).executeTakeFirstOrThrow()).team_id;
  const service = (await db.selectFrom('team').select('service').where('la_code', '=', la).where('team_id', '=', team).executeTakeFirst())?.service ?? 'Safeguarding';
  const users = demoUsers(la, { worker: worker?.worker_id ?? 'W1', iroWorker: iro?.worker_id ?? worker?.worker_id ?? 'W1', team, service });
  await createDemoUsers(db, la, users);
  return { la, name, synthetic, users };
}
