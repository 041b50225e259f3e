import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import type { Role } from '../server/index.js';

export interface DemoUserPlan {
  role: Role;
  email: string;
  displayName: string;
  workerId?: string | null;
  teamId?: string | null;
  service?: string | null;
}

/**
 * One demo user per role, attached to real records of the synthetic authority: the busiest
 * social worker, the IRO with most children, that social worker's team and service.
 */
export async function planDemoUsers(db: Kysely<Database>, laCode: string): Promise<DemoUserPlan[]> {
  const busiest = async (role: string) =>
    db
      .selectFrom('allocation as a')
      .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
      .select(['a.worker_id', 'w.team_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.la_code', '=', laCode)
      .where('a.allocation_role', '=', role)
      .where('a.end_date', 'is', null)
      .groupBy(['a.worker_id', 'w.team_id'])
      .orderBy('n', 'desc')
      .orderBy('a.worker_id')
      .executeTakeFirst();
  const socialWorker = await busiest('allocated_worker');
  const iro = await busiest('iro');
  const team = socialWorker?.team_id
    ? await db.selectFrom('team').select(['team_id', 'service']).where('la_code', '=', laCode).where('team_id', '=', socialWorker.team_id).executeTakeFirst()
    : undefined;
  const plans: DemoUserPlan[] = [
    { role: 'performance_analyst', email: 'analyst@demo.example', displayName: 'Demo performance analyst' },
    { role: 'finance', email: 'finance@demo.example', displayName: 'Demo finance officer' },
    { role: 'administrator', email: 'admin@demo.example', displayName: 'Demo administrator' },
  ];
  if (team) {
    plans.push({ role: 'team_manager', email: 'team.manager@demo.example', displayName: 'Demo team manager', teamId: team.team_id });
    if (team.service) plans.push({ role: 'service_manager', email: 'service.manager@demo.example', displayName: 'Demo service manager', service: team.service });
  }
  if (socialWorker) {
    plans.push({ role: 'social_worker', email: 'social.worker@demo.example', displayName: 'Demo social worker', workerId: socialWorker.worker_id, teamId: socialWorker.team_id });
  }
  if (iro) plans.push({ role: 'iro', email: 'iro@demo.example', displayName: 'Demo IRO', workerId: iro.worker_id });
  return plans;
}
